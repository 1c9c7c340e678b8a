import fc from "fast-check";
import { FC_RUNS as runs } from "@/test/setup-fast-check";
import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { SAVINGS_PLAN_TERMS } from "@/lib/catalog/schema";
import { allSizes } from "@/lib/pricing/sizes";
import { parseScenario } from "./parse";
import { Ec2Settings, Scenario, Workload, type ScenarioInput } from "./schema";
import { decodeScenario, encodeScenario, MAX_SHARE_CHARS, readShareHash, SHARE_PARAM, shareHash, V1_DEFAULTS, UNEXPECTED } from "./url";

const catalog = fargateCatalog;

function scenario(input: ScenarioInput): Scenario {
  const parsed = parseScenario(input, catalog);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

const checkout = scenario({
  name: "checkout",
  workloads: [
    { name: "api", vcpu: 1, memoryGiB: 2, tasks: 3 },
    { name: "thumbnails", vcpu: 1, memoryGiB: 2, schedule: { type: "batch", runsPerMonth: 1000, secondsPerRun: 10 } },
    { name: "reports", platform: "eks", vcpu: 1, memoryGiB: 8 },
  ],
});

/** One sentence for the user: starts with a capital, ends with a full stop, no line breaks. */
const expectSentence = (message: string) => expect(message).toMatch(/^[A-Z][^\n]*\.$/);

function expectRejected(text: string, message?: RegExp) {
  const r = decodeScenario(text, catalog);
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expectSentence(r.error.message);
    if (message) expect(r.error.message).toMatch(message);
  }
}

describe("share links: format", () => {
  it("pins the v1 format (a change here breaks links people already shared)", () => {
    expect(encodeScenario(checkout)).toBe(
      "v1.eyJ3IjpbWyJhcGkiLDEsMiwzXSxbInRodW1ibmFpbHMiLDEsMixudWxsLFsyLDEwMDAsMTBdXSxbInJlcG9ydHMiLDEsOCxudWxsLG51bGwsbnVsbCxudWxsLDFdXSwibiI6ImNoZWNrb3V0In0.0pc2gjv",
    );
    // The payload is the compact JSON: positional workloads, defaults dropped.
    const payload = encodeScenario(checkout).split(".")[1]!;
    const json = new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0)));
    expect(JSON.parse(json)).toEqual({
      w: [
        ["api", 1, 2, 3],
        ["thumbnails", 1, 2, null, [2, 1000, 10]],
        ["reports", 1, 8, null, null, null, null, 1],
      ],
      n: "checkout",
    });
  });

  it("is URL-safe and much shorter than the full JSON", () => {
    const token = encodeScenario(checkout);
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]+\.[0-9a-z]{7}$/);
    expect(encodeURIComponent(token)).toBe(token);
    expect(token.length).toBeLessThan(JSON.stringify(checkout).length / 2);
  });

  it("lives in the hash as #s=…", () => {
    expect(SHARE_PARAM).toBe("s");
    const hash = shareHash(checkout);
    expect(hash).toBe(`#s=${encodeScenario(checkout)}`);
    expect(readShareHash(hash, catalog)).toEqual({ ok: true, value: { scenario: checkout } });
    expect(readShareHash(`#tab=ec2&s=${encodeScenario(checkout)}`, catalog)).toEqual({ ok: true, value: { scenario: checkout } });
    expect(readShareHash("", catalog)).toBeUndefined();
    expect(readShareHash("#tab=ec2", catalog)).toBeUndefined();
    expect(readShareHash("#s=", catalog)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/empty/) } });
  });

  it("keeps the v1 defaults equal to the schema's (if the schema's change, the v1 ones stay and links keep their meaning)", () => {
    const w = Workload.parse({ name: "w", vcpu: 1, memoryGiB: 2 });
    for (const [key, value] of Object.entries(V1_DEFAULTS.workload)) expect(w[key as keyof typeof w], key).toEqual(value);
    expect(w.schedule).toEqual({ type: "always-on" });
    expect(Ec2Settings.parse({})).toEqual(V1_DEFAULTS.ec2);
    const s = Scenario.parse({ workloads: [] });
    expect({ name: s.name, region: s.region }).toEqual(V1_DEFAULTS.scenario);
  });

  it("keeps fields a later schema adds (unknown to the v1 slots) through a round trip", () => {
    const future = { ...checkout, workloads: [{ ...checkout.workloads[0]!, team: "payments" }] } as unknown as Scenario;
    const token = encodeScenario(future);
    const payload = token.split(".")[1]!;
    const json = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0))));
    expect(json.w[0][11]).toEqual({ team: "payments" });
    // Today's schema drops the unknown field; the rest decodes unchanged.
    expect(decodeScenario(token, catalog)).toEqual({ ok: true, value: { scenario: { ...checkout, workloads: [checkout.workloads[0]] } } });
  });
});

describe("share links: round trip", () => {
  it("a <script> or <img onerror> name comes back as the same plain text", () => {
    const evil = scenario({
      name: `<script>alert("x")</script>`,
      workloads: [
        { name: `<img src=x onerror="alert(1)">`, vcpu: 0.25, memoryGiB: 0.5 },
        { name: `"'&<>\u2028\u{1F600}`, vcpu: 1, memoryGiB: 2 },
      ],
    });
    const token = encodeScenario(evil);
    expect(token).not.toMatch(/[<>"'&]/);
    expect(decodeScenario(token, catalog)).toEqual({ ok: true, value: { scenario: evil } });
  });

  it("decode(encode(s)) equals s for valid scenarios (fast-check)", () => {
    const spotRegions = Object.entries(catalog.regions)
      .filter(([, r]) => r.spot && r.windows)
      .map(([c]) => c);
    const name = fc.string({ unit: "binary", minLength: 1, maxLength: 40 });
    const schedule = fc.oneof(
      fc.constant({ type: "always-on" as const }),
      fc.record({ type: fc.constant("duty-cycle" as const), percent: fc.double({ min: 0, max: 100, noNaN: true }) }),
      fc.record({
        type: fc.constant("batch" as const),
        runsPerMonth: fc.integer({ min: 0, max: 1_000_000 }),
        secondsPerRun: fc.double({ min: 0.001, max: 86_400, noNaN: true }),
      }),
    );
    const common = {
      name,
      tasks: fc.integer({ min: 0, max: 100_000 }),
      schedule,
      savingsPlan: fc.constantFrom("none" as const, ...SAVINGS_PLAN_TERMS),
    };
    const ecsLinux = fc.record({
      ...common,
      platform: fc.constantFrom("ecs" as const, undefined),
      size: fc.constantFrom(...allSizes("linux")),
      arch: fc.constantFrom("x86_64" as const, "arm64" as const),
      storageGiB: fc.integer({ min: 20, max: 200 }),
      spotPercent: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })),
    });
    const ecsWindows = fc.record({
      ...common,
      platform: fc.constant("ecs" as const),
      os: fc.constant("windows" as const),
      size: fc.constantFrom(...allSizes("windows")),
    });
    const eks = fc.record({
      ...common,
      platform: fc.constant("eks" as const),
      size: fc.record({ vcpu: fc.double({ min: 0.001, max: 30, noNaN: true }), memoryGiB: fc.double({ min: 1 / 1024, max: 200, noNaN: true }) }),
      storageGiB: fc.integer({ min: 20, max: 175 }),
    });
    const workload = fc.oneof(ecsLinux, ecsWindows, eks).map(({ size, ...rest }) => ({ ...rest, vcpu: size.vcpu, memoryGiB: size.memoryGiB }));
    const ec2 = fc.record(
      {
        networking: fc.constantFrom("awsvpc" as const, "bridge" as const),
        eniTrunking: fc.boolean(),
        headroomPercent: fc.double({ min: 0, max: 90, noNaN: true }),
        reservedMemoryMiB: fc.integer({ min: 0, max: 65_536 }),
        unregisteredMemoryPercent: fc.double({ min: 0, max: 50, noNaN: true }),
        scaling: fc.constantFrom("always-on" as const, "scale-with-tasks" as const),
        spotPercent: fc.integer({ min: 0, max: 100 }),
        commitment: fc.constantFrom("none" as const, "1yr" as const, "3yr" as const),
        ebsRootGiB: fc.integer({ min: 1, max: 16_384 }),
        instanceTypes: fc.array(fc.constantFrom("m6i.large", "c7g.xlarge", "t3.medium"), { maxLength: 3 }),
      },
      { requiredKeys: [] },
    );
    const input = fc.record(
      { name, region: fc.constantFrom(...spotRegions), workloads: fc.array(workload, { maxLength: 6 }), ec2 },
      { requiredKeys: ["workloads"] },
    );
    let checked = 0;
    fc.assert(
      fc.property(input, (i) => {
        const parsed = parseScenario(i, catalog);
        fc.pre(parsed.ok); // e.g. a name of only spaces
        if (!parsed.ok) return;
        checked++;
        const token = encodeScenario(parsed.value);
        expect(token.length).toBeLessThanOrEqual(MAX_SHARE_CHARS);
        expect(decodeScenario(token, catalog)).toEqual({ ok: true, value: { scenario: parsed.value } });
      }),
    );
    expect(checked).toBeGreaterThan(runs / 2);
  });
});

describe("share links: bad links are refused in one sentence, never thrown", () => {
  const token = encodeScenario(checkout);

  it.each([
    ["empty", "", /empty/],
    ["spaces", "   ", /empty/],
    ["garbage", "hello world!", /not a share link of this estimator/],
    ["a whole URL", "https://example.com/#s=v1.abc", /not a share link of this estimator/],
    [
      "unknown future version",
      token.replace(/^v1\./, "v7."),
      /uses format v7, which this version of the estimator cannot open; it was probably made by a newer version/,
    ],
    ["v0 with a prefix", token.replace(/^v1\./, "v0."), /uses format v0/],
    ["truncated payload", token.slice(0, 40), /incomplete: it was probably cut off/],
    ["truncated checksum", token.slice(0, -2), /incomplete/],
    ["tampered payload", token.replace("eyJ3", "eyJ4"), /damaged: its contents do not match its checksum/],
    ["base64 of non-JSON", "aGVsbG8gd29ybGQ", /damaged/],
    ["base64 of a JSON non-scenario", btoa(JSON.stringify({ hello: 1 })), /damaged: it does not hold a scenario/],
    ["too long", "v1." + "A".repeat(MAX_SHARE_CHARS), /too long \(100,003 characters; at most 100,000\)/],
  ])("%s", (_what, text, message) => {
    expectRejected(text, message);
  });

  it("a well-formed link with an invalid scenario names the problem", () => {
    // Build a v1 link by hand around a compact payload whose workload has a negative vCPU.
    const payload = btoa(JSON.stringify({ w: [["api", -1, 2]] })).replace(/=+$/, "");
    let h = 0x811c9dc5;
    for (let i = 0; i < payload.length; i++) h = Math.imul(h ^ payload.charCodeAt(i), 0x01000193);
    const link = `v1.${payload}.${(h >>> 0).toString(36).padStart(7, "0")}`;
    expectRejected(link, /^The shared scenario cannot be opened: workloads\.0\.vcpu: vCPU must be more than 0\.$/);
  });

  it("every cut-off prefix of a link is refused", () => {
    for (let n = 0; n < token.length; n++) expectRejected(token.slice(0, n));
  });

  it("every one-character edit of a link is refused (fast-check)", () => {
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.+/= %"), (at, ch) => {
        fc.pre(token[at] !== ch);
        expectRejected(token.slice(0, at) + ch + token.slice(at + 1));
      }),
    );
  });

  it("arbitrary strings never throw and are refused with a sentence (fast-check)", () => {
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.base64String({ maxLength: 200 }),
      fc.string().map((s) => `v1.${s}`),
      fc.base64String().map((s) => `v1.${s.replace(/=/g, "")}.${s.slice(0, 7)}`),
    );
    fc.assert(
      fc.property(text, (t) => {
        const r = decodeScenario(t, catalog);
        if (!r.ok) {
          expectSentence(r.error.message);
          // A deliberate refusal, never the catch-all that only an unforeseen exception reaches.
          expect(r.error.message).not.toBe(UNEXPECTED);
        }
      }),
    );
  });

  it("refuses an oversized link without reading it", () => {
    const huge = "v1." + "A".repeat(5_000_000);
    // "too long (5,000,003 characters ...)" comes from the length check that runs before any decoding.
    expectRejected(huge, /too long \(5,000,003 characters/);
  });

  it("non-string input is refused", () => {
    expectRejected(42 as unknown as string, /not text/);
  });
});

describe("share links: v0 (legacy) links still open", () => {
  // v0: btoa(JSON.stringify(scenario)) of the full scenario, no prefix, standard base64 with padding.
  const legacy = {
    version: 1 as const,
    name: "Café ☕ checkout",
    region: "eu-west-1",
    workloads: [{ name: "api", vcpu: 2, memoryGiB: 4, tasks: 2, spotPercent: 50 }],
  };
  const utf8Base64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));

  it("opens a v0 link and says it was migrated", () => {
    expect(decodeScenario(utf8Base64(JSON.stringify(legacy)), catalog)).toEqual({ ok: true, value: { scenario: scenario(legacy), migratedFrom: 0 } });
  });

  it("opens v0 links in base64url, without padding, with '+' read back as a space, or Latin-1", () => {
    const std = utf8Base64(JSON.stringify({ ...legacy, name: "a>>?b" })); // ">>?" puts "+" and "/" in the base64
    expect(std).toMatch(/[+/]/);
    const expected = { ok: true, value: { scenario: scenario({ ...legacy, name: "a>>?b" }), migratedFrom: 0 } };
    expect(decodeScenario(std.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""), catalog)).toEqual(expected);
    expect(decodeScenario(std.replace(/\+/g, " "), catalog)).toEqual(expected);
    expect(readShareHash(`#s=${std}`, catalog)).toEqual(expected);
    const latin1 = btoa(JSON.stringify({ ...legacy, name: "Caf\u00e9" }));
    expect(decodeScenario(latin1, catalog)).toMatchObject({ ok: true, value: { scenario: { name: "Café" }, migratedFrom: 0 } });
  });

  it("re-encoding a migrated scenario gives a v1 link to the same scenario", () => {
    const r = decodeScenario(utf8Base64(JSON.stringify(legacy)), catalog);
    if (!r.ok) throw new Error(r.error.message);
    expect(decodeScenario(encodeScenario(r.value.scenario), catalog)).toEqual({ ok: true, value: { scenario: r.value.scenario } });
  });

  it("an invalid v0 scenario names the problem", () => {
    expectRejected(
      btoa(JSON.stringify({ workloads: [{ name: "x", vcpu: 3, memoryGiB: 8 }] })),
      /^The shared scenario cannot be opened: workloads\.0\.vcpu: 3 vCPU \/ 8 GiB is not a valid Fargate task size/,
    );
  });
});

import type { FargateCatalog } from "@/lib/catalog";
import { fail, ok, type Result } from "@/lib/core";
import { parseScenario } from "./parse";
import type { Scenario } from "./schema";

/**
 * Share links: a whole scenario in one URL-safe token.
 *
 * Where it lives: the URL *hash*, as `#s=<token>` (see `shareHash` / `readShareHash`). The hash is never
 * sent to the server, so scenarios stay out of server and proxy logs and no request-line length limit applies.
 *
 * Format v1 (current): `v1.<payload>.<check>`
 *   - payload: base64url (RFC 4648 section 5, no padding) of the UTF-8 bytes of a compact JSON form:
 *       { w: [workload, ...], n?: name, r?: region, e?: { ec2 settings, short keys } }
 *     each workload a positional array, trailing defaults dropped, a `null` meaning "the v1 default":
 *       [name, vcpu, memoryGiB, tasks, schedule, spotPercent, savingsPlan, platform, os, arch, storageGiB]
 *     enums are the index into the v1 lists below (or the value itself when a later schema adds one);
 *     schedule: null (always-on), [1, percent] (duty-cycle), [2, runsPerMonth, secondsPerRun] (batch).
 *     Defaults are frozen here for v1 (not read from the schema), so a link means the same thing even if
 *     the schema's defaults change later; a test keeps them equal to today's schema.
 *   - check: FNV-1a 32-bit hash of the payload characters, base36, 7 characters. Any edited character
 *     or a cut-off link fails the check instead of opening a silently different scenario.
 *
 * Format v2 (scenario version 2; a version 1 scenario still writes a v1 link, byte for byte as before):
 * `v2.<payload>.<check>`, the v1 layout with two more workload slots and the services:
 *     [name, vcpu, memoryGiB, tasks, schedule, spotPercent, savingsPlan, platform, os, arch, storageGiB,
 *      publicIp (1 or null), logs ([ingestedGiBPerMonth, storedGiB] or null), extra]
 *   and `x`: the `services` object as written in the scenario (its field names are short enough already).
 *   A v2 link opens as a version 2 scenario. Its check covers "v2." too, so changing the format digit of a link
 *   (v1 <-> v2) fails the check instead of reading one layout as the other.
 *
 * Format v0 (legacy, before versioned links): no prefix; base64 or base64url (padding optional) of the
 * UTF-8 JSON of the full scenario, as `btoa(JSON.stringify(scenario))` produced. It still opens, and
 * `decodeScenario` reports `migratedFrom: 0` so the app can rewrite the address to a v1 link.
 *
 * Everything decoded goes through `parseScenario`, the one entry point for untrusted scenarios.
 */

/** The hash parameter that holds the token: `https://host/#s=v1.…`. */
export const SHARE_PARAM = "s";
/** Share links live in the URL hash (never sent to the server), not in the query string. */
export const SHARE_LOCATION = "hash" as const;
/** The newest format `encodeScenario` writes (v2 for version 2 scenarios; v1 for version 1 ones). */
export const SHARE_FORMAT_VERSION = 2;
/** Longer tokens are refused before any decoding (a 20-workload scenario is about 1 KB). */
export const MAX_SHARE_CHARS = 100_000;
/**
 * The most workloads the page opens from a share link (issue 19, item 9): a compact link of 100,000 characters can
 * hold 7,500 workloads, and rendering that many froze the page for seconds. Checked before the scenario is validated,
 * so a refused link costs only its decoding. The CLI and the scenario files have no such limit.
 */
export const MAX_PAGE_WORKLOADS = 2_000;

/** Options of the decoders: `maxWorkloads` refuses a bigger scenario before validating it (the page's limit). */
export interface DecodeOptions {
  maxWorkloads?: number;
}

function tooMany(input: unknown, options: DecodeOptions): DecodeResult | null {
  const workloads = isRecord(input) ? input.workloads : undefined;
  const max = options.maxWorkloads;
  if (max === undefined || !Array.isArray(workloads) || workloads.length <= max) return null;
  return refuse(
    `The shared scenario has ${workloads.length.toLocaleString("en-US")} workloads, and this page opens at most ${max.toLocaleString("en-US")} (more would freeze the browser for seconds): split it, or price it with the command line (npm run estimate) from a scenario file.`,
  );
}

/** An opened link: the scenario, and the legacy format it was read from when the address should be rewritten. */
export type DecodedLink = { scenario: Scenario; migratedFrom?: number };
export type DecodeResult = Result<DecodedLink>;
const refuse = (message: string): DecodeResult => fail({ message });

// ---- v1 dictionaries: append only (an index, once written into links, keeps its meaning) ----
const PLATFORMS = ["ecs", "eks"] as const;
const OSES = ["linux", "windows"] as const;
const ARCHES = ["x86_64", "arm64"] as const;
const SAVINGS_PLANS = ["none", "1yr-no-upfront", "1yr-all-upfront", "3yr-no-upfront", "3yr-all-upfront"] as const;
const SCHEDULE_TYPES = ["always-on", "duty-cycle", "batch"] as const;

/** The v1 defaults (frozen: see the format note above). Exported for the test that compares them with the schema. */
export const V1_DEFAULTS = {
  scenario: { name: "My scenario", region: "us-east-1" },
  workload: { tasks: 1, spotPercent: 0, savingsPlan: "none", platform: "ecs", os: "linux", arch: "x86_64", storageGiB: 20 },
  ec2: {
    networking: "awsvpc",
    eniTrunking: false,
    headroomPercent: 5,
    reservedMemoryMiB: 256,
    unregisteredMemoryPercent: 2.5,
    scaling: "always-on",
    spotPercent: 0,
    commitment: "none",
    ebsRootGiB: 30,
    instanceTypes: [] as string[],
  },
} as const;

/** Workload slots after name, vcpu, memoryGiB and schedule, in order; `dict` marks enum slots. */
const SLOTS: { key: keyof typeof V1_DEFAULTS.workload; index: number; dict?: readonly string[] }[] = [
  { key: "tasks", index: 3 },
  { key: "spotPercent", index: 5 },
  { key: "savingsPlan", index: 6, dict: SAVINGS_PLANS },
  { key: "platform", index: 7, dict: PLATFORMS },
  { key: "os", index: 8, dict: OSES },
  { key: "arch", index: 9, dict: ARCHES },
  { key: "storageGiB", index: 10 },
];
const SCHEDULE_SLOT = 4;
/** Slot for fields a later schema adds that this list does not know: an object of full-name keys (v1). */
const EXTRA_SLOT = 11;
/** v2 slots: publicIp (1 or null), logs ([ingested, stored] or null), then the extra object. */
const V2 = { publicIp: 11, logs: 12, extra: 13 } as const;
const extraSlot = (format: 1 | 2) => (format === 2 ? V2.extra : EXTRA_SLOT);
const KNOWN_WORKLOAD_KEYS = new Set(["name", "vcpu", "memoryGiB", "schedule", ...SLOTS.map((s) => s.key)]);
const KNOWN_V2_WORKLOAD_KEYS = new Set([...KNOWN_WORKLOAD_KEYS, "publicIp", "logs"]);

const EC2_SHORT: Record<keyof typeof V1_DEFAULTS.ec2, string> = {
  networking: "nw",
  eniTrunking: "et",
  headroomPercent: "hp",
  reservedMemoryMiB: "rm",
  unregisteredMemoryPercent: "um",
  scaling: "sc",
  spotPercent: "sp",
  commitment: "cm",
  ebsRootGiB: "eb",
  instanceTypes: "it",
};
const EC2_LONG: Record<string, string> = Object.fromEntries(Object.entries(EC2_SHORT).map(([long, short]) => [short, long]));
const TOP_KEYS = new Set(["version", "name", "region", "workloads", "ec2"]);
const TOP_V2_KEYS = new Set([...TOP_KEYS, "services"]);

// ---- encoding ----

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const toDict = (value: unknown, dict: readonly string[]): unknown => {
  const i = typeof value === "string" ? dict.indexOf(value) : -1;
  return i >= 0 ? i : value;
};

function compactSchedule(s: Scenario["workloads"][number]["schedule"]): unknown {
  switch (s.type) {
    case "always-on":
      return null;
    case "duty-cycle":
      return [SCHEDULE_TYPES.indexOf("duty-cycle"), s.percent];
    case "batch":
      return [SCHEDULE_TYPES.indexOf("batch"), s.runsPerMonth, s.secondsPerRun];
    default:
      return s; // a schedule type added after v1: kept whole
  }
}

function compactWorkload(w: Scenario["workloads"][number], format: 1 | 2): unknown[] {
  const out: unknown[] = [w.name, w.vcpu, w.memoryGiB];
  const record = w as unknown as Record<string, unknown>;
  for (const slot of SLOTS) {
    const v = record[slot.key];
    out[slot.index] = v === undefined || sameValue(v, V1_DEFAULTS.workload[slot.key]) ? null : slot.dict ? toDict(v, slot.dict) : v;
  }
  out[SCHEDULE_SLOT] = compactSchedule(w.schedule);
  const known = format === 2 ? KNOWN_V2_WORKLOAD_KEYS : KNOWN_WORKLOAD_KEYS;
  if (format === 2) {
    out[V2.publicIp] = w.publicIp ? 1 : null;
    out[V2.logs] = w.logs ? [w.logs.ingestedGiBPerMonth, w.logs.storedGiB] : null;
  }
  const extra = Object.fromEntries(Object.entries(record).filter(([k, v]) => !known.has(k) && v !== undefined));
  out[extraSlot(format)] = Object.keys(extra).length ? extra : null;
  while (out.length > 3 && out[out.length - 1] === null) out.pop();
  return out;
}

function compactScenario(s: Scenario, format: 1 | 2): Record<string, unknown> {
  const out: Record<string, unknown> = { w: s.workloads.map((w) => compactWorkload(w, format)) };
  if (s.name !== V1_DEFAULTS.scenario.name) out.n = s.name;
  if (s.region !== V1_DEFAULTS.scenario.region) out.r = s.region;
  const ec2: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(s.ec2 ?? {})) {
    const known = Object.hasOwn(EC2_SHORT, key) ? (key as keyof typeof EC2_SHORT) : undefined;
    if (known && sameValue(value, V1_DEFAULTS.ec2[known])) continue;
    if (value !== undefined) ec2[known ? EC2_SHORT[known] : key] = value;
  }
  if (Object.keys(ec2).length) out.e = ec2;
  if (format === 2 && s.services !== undefined) out.x = s.services;
  const top = format === 2 ? TOP_V2_KEYS : TOP_KEYS;
  for (const [key, value] of Object.entries(s)) if (!top.has(key) && value !== undefined) out[key] = value;
  return out;
}

function bytesToBase64Url(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** FNV-1a (32-bit) over the characters: changing any one character always changes it. */
function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).padStart(CHECK_CHARS, "0");
}
const CHECK_CHARS = 7; // 2^32 - 1 is "1z141z3" in base 36

/**
 * The share token of a (parsed, valid) scenario: `v1.<payload>.<check>` for a version 1 scenario (the same link
 * as before), `v2.…` for a version 2 one. Runs in the browser and in Node.
 */
export function encodeScenario(scenario: Scenario): string {
  const format = scenario.version === 2 ? 2 : 1;
  const payload = bytesToBase64Url(new TextEncoder().encode(JSON.stringify(compactScenario(scenario, format))));
  return `v${format}.${payload}.${checkOf(payload, format)}`;
}

/** The hash to put in the address bar: `#s=v1.…`. */
export function shareHash(scenario: Scenario): string {
  return `#${SHARE_PARAM}=${encodeScenario(scenario)}`;
}

// ---- decoding ----

/** Thrown inside the decoder with the sentence the user sees (`stop`); decodeScenario turns it into a failed Result. */
class LinkError extends Error {}
const stop = (message: string): never => {
  throw new LinkError(message);
};

/** Only for an error no check above foresaw (a bug): tests assert it never appears. */
export const UNEXPECTED = "The share link could not be opened.";
const DAMAGED = "The share link is damaged: its contents cannot be read, so it was probably changed or cut off after it was made.";

function base64ToBytes(text: string): Uint8Array {
  // Callers have checked the alphabet; a length of 4n+1 cannot come from any byte string.
  const standard = text.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  if (standard.length % 4 === 1) stop(DAMAGED);
  const binary = atob(standard + "=".repeat((4 - (standard.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function parseJson(bytes: Uint8Array, latin1Fallback: boolean): unknown {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    if (!latin1Fallback) return stop(DAMAGED);
    text = Array.from(bytes, (b) => String.fromCharCode(b)).join("");
  }
  try {
    return JSON.parse(text);
  } catch {
    return stop(DAMAGED);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const NOT_A_SCENARIO = (what: string) => `The share link is damaged: ${what}, which no version of this estimator writes.`;

function fromDict(value: unknown, dict: readonly string[], what: string): unknown {
  if (typeof value !== "number") return value; // a full value (or a wrong type parseScenario will name)
  const v = Number.isInteger(value) ? dict[value] : undefined;
  return v ?? stop(NOT_A_SCENARIO(`it names ${what} number ${value}`));
}

function expandSchedule(value: unknown, at: string): unknown {
  if (value === null || value === undefined) return { type: "always-on" };
  if (isRecord(value)) return value;
  if (!Array.isArray(value)) return stop(NOT_A_SCENARIO(`the schedule of ${at} is ${typeof value}`));
  const type = fromDict(value[0], SCHEDULE_TYPES, "schedule type");
  if (type === "duty-cycle") return { type, percent: value[1] };
  if (type === "batch") return { type, runsPerMonth: value[1], secondsPerRun: value[2] };
  return { type };
}

function expandWorkload(value: unknown, i: number, format: 1 | 2): Record<string, unknown> {
  const at = `workload ${i + 1}`;
  if (!Array.isArray(value)) return stop(NOT_A_SCENARIO(`${at} is not a list`));
  if (value.length < 3 || value.length > extraSlot(format) + 1) return stop(NOT_A_SCENARIO(`${at} has ${value.length} fields`));
  const out: Record<string, unknown> = { name: value[0], vcpu: value[1], memoryGiB: value[2] };
  for (const slot of SLOTS) {
    const v = value[slot.index];
    out[slot.key] = v === null || v === undefined ? V1_DEFAULTS.workload[slot.key] : slot.dict ? fromDict(v, slot.dict, slot.key) : v;
  }
  out.schedule = expandSchedule(value[SCHEDULE_SLOT], at);
  if (format === 2) {
    const ip = value[V2.publicIp];
    if (ip !== null && ip !== undefined) out.publicIp = ip === 1 ? true : ip;
    const logs = value[V2.logs];
    if (logs !== null && logs !== undefined) {
      if (!Array.isArray(logs) || logs.length !== 2) return stop(NOT_A_SCENARIO(`the logs of ${at} are not a pair`));
      out.logs = { ingestedGiBPerMonth: logs[0], storedGiB: logs[1] };
    }
  }
  const extra = value[extraSlot(format)];
  if (extra !== null && extra !== undefined) {
    if (!isRecord(extra)) return stop(NOT_A_SCENARIO(`${at} has extra fields that are not an object`));
    for (const [k, v] of Object.entries(extra)) if (!Object.hasOwn(out, k) && k !== "__proto__") out[k] = v;
  }
  return out;
}

function expandScenario(compact: unknown, format: 1 | 2): Record<string, unknown> {
  if (!isRecord(compact)) return stop(NOT_A_SCENARIO("it does not hold an object"));
  const { w, n, r, e, ...others } = compact;
  const { x, ...rest } = format === 2 ? others : { ...others, x: undefined };
  if (!Array.isArray(w)) return stop(NOT_A_SCENARIO("it has no list of workloads"));
  if (e !== undefined && !isRecord(e)) return stop(NOT_A_SCENARIO("its EC2 settings are not an object"));
  const ec2: Record<string, unknown> = { ...V1_DEFAULTS.ec2, instanceTypes: [...V1_DEFAULTS.ec2.instanceTypes] };
  for (const [key, value] of Object.entries(e ?? {})) {
    const long = Object.hasOwn(EC2_LONG, key) ? EC2_LONG[key]! : key;
    if (long !== "__proto__") ec2[long] = value;
  }
  return {
    ...rest,
    ...(format === 2 ? { version: 2 } : {}),
    name: n ?? V1_DEFAULTS.scenario.name,
    region: r ?? V1_DEFAULTS.scenario.region,
    workloads: w.map((item, i) => expandWorkload(item, i, format)),
    ec2,
    ...(format === 2 && x !== undefined ? { services: x } : {}),
  };
}

function validated(input: unknown, catalog: FargateCatalog, migratedFrom?: number): DecodeResult {
  const parsed = parseScenario(input, catalog);
  if (!parsed.ok) {
    const [first, ...more] = parsed.error;
    const where = first?.path ? `${first.path}: ` : "";
    const extra = more.length ? ` (and ${more.length} more problem${more.length > 1 ? "s" : ""})` : "";
    return refuse(`The shared scenario cannot be opened: ${where}${first?.message ?? "it is not valid"}${extra}.`);
  }
  return ok(migratedFrom === undefined ? { scenario: parsed.value } : { scenario: parsed.value, migratedFrom });
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;
/** v1 checks the payload alone (links made before v2 keep opening); v2 checks its prefix too. */
const checkOf = (payload: string, format: 1 | 2) => checksum(format === 1 ? payload : `v2.${payload}`);

const LEGACY_BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

function decodeVersioned(rest: string, catalog: FargateCatalog, format: 1 | 2, options: DecodeOptions): DecodeResult {
  const dot = rest.lastIndexOf(".");
  const payload = dot < 0 ? rest : rest.slice(0, dot);
  const check = dot < 0 ? "" : rest.slice(dot + 1);
  if (dot < 0 || check.length < CHECK_CHARS)
    return refuse("The share link is incomplete: it was probably cut off when it was copied; copy the whole link again.");
  if (check !== checkOf(payload, format) || !BASE64URL.test(payload))
    return refuse("The share link is damaged: its contents do not match its checksum, so it was changed or cut off after it was made.");
  const expanded = expandScenario(parseJson(base64ToBytes(payload), false), format);
  return tooMany(expanded, options) ?? validated(expanded, catalog);
}

function decodeV0(text: string, catalog: FargateCatalog, options: DecodeOptions): DecodeResult {
  // A "+" read back through URLSearchParams arrives as a space.
  const token = text.replace(/ /g, "+");
  if (!LEGACY_BASE64.test(token))
    return refuse(`This is not a share link of this estimator: a link holds "v${SHARE_FORMAT_VERSION}." followed by letters, digits, "-" and "_".`);
  const json = parseJson(base64ToBytes(token), true);
  if (!isRecord(json) || !("workloads" in json)) return stop(NOT_A_SCENARIO("it does not hold a scenario"));
  return tooMany(json, options) ?? validated(json, catalog, 0);
}

/**
 * Opens a share token (the value of `#s=`): never throws; every failure is one sentence for the user.
 * A v0 (legacy) link opens with `migratedFrom: 0`.
 */
export function decodeScenario(text: string, catalog: FargateCatalog, options: DecodeOptions = {}): DecodeResult {
  try {
    if (typeof text !== "string") return refuse("The share link is not text.");
    if (text.length > MAX_SHARE_CHARS)
      return refuse(
        `The share link is too long (${text.length.toLocaleString("en-US")} characters; at most ${MAX_SHARE_CHARS.toLocaleString("en-US")}), so it was not made by this estimator.`,
      );
    const token = text.trim();
    if (!token) return refuse("The share link is empty: it holds no scenario.");
    const versioned = /^v(\d{1,6})\.(.*)$/s.exec(token);
    if (!versioned) return decodeV0(token, catalog, options);
    const version = Number(versioned[1]);
    if (version === 1 || version === 2) return decodeVersioned(versioned[2]!, catalog, version, options);
    return refuse(
      `The share link uses format v${version}, which this version of the estimator cannot open${version > SHARE_FORMAT_VERSION ? "; it was probably made by a newer version" : ""}.`,
    );
  } catch (error) {
    if (error instanceof LinkError) return refuse(error.message);
    return refuse(UNEXPECTED);
  }
}

/**
 * Reads `#s=…` from a location hash ("#s=v1.…" or "s=v1.…"). Undefined when the hash has no share
 * parameter (an ordinary visit); otherwise the decode result.
 */
export function readShareHash(hash: string, catalog: FargateCatalog, options: DecodeOptions = {}): DecodeResult | undefined {
  if (typeof hash !== "string") return undefined;
  if (hash.length > MAX_SHARE_CHARS + 100) return decodeScenario(hash, catalog, options); // refused as too long
  let value: string | null;
  try {
    value = new URLSearchParams(hash.replace(/^#/, "")).get(SHARE_PARAM);
  } catch {
    return refuse(DAMAGED);
  }
  return value === null ? undefined : decodeScenario(value, catalog, options);
}

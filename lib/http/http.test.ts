import { describe, expect, it, vi } from "vitest";
import { HSTS_VALUE, wantsHsts } from "@/proxy";
import { appendPeerAddress, stampPeer } from "./peer-address";

vi.mock("server-only", () => ({}));
const { RateLimiter, addressKey, clientKey, crossSiteRefused, readJsonBody, trustedProxyHops } = await import("./index");

const req = (headers: Record<string, string>, url = "http://app.example/api/rightsizing") => new Request(url, { method: "POST", headers });

describe("clientKey: the client cannot choose its own key (issue 10 item 4)", () => {
  it("takes the socket address (the last entry, appended by instrumentation) unless proxies are trusted", () => {
    const chain = { "x-forwarded-for": "1.1.1.1, 2.2.2.2, 203.0.113.5" };
    expect(clientKey(req(chain), 0)).toBe("203.0.113.5");
    expect(clientKey(req(chain), 1)).toBe("2.2.2.2");
    expect(clientKey(req(chain), 2)).toBe("1.1.1.1");
    // More hops trusted than entries present: the farthest known entry.
    expect(clientKey(req(chain), 5)).toBe("1.1.1.1");
    // X-Real-IP is the client's word when nothing is trusted: never used.
    expect(clientKey(req({ "x-real-ip": "9.9.9.9" }), 0)).toBe("unknown");
  });

  it("TRUST_PROXY_HOPS: whole numbers 0..20, anything else 0", () => {
    expect([undefined, "", "0", "1", "3", "20"].map((v) => trustedProxyHops(v))).toEqual([0, 0, 0, 1, 3, 20]);
    expect(["-1", "1.5", "21", "two", "1e3"].map((v) => trustedProxyHops(v))).toEqual([0, 0, 0, 0, 0]);
  });

  it("one IPv6 subscriber (/64) is one key; IPv4-mapped addresses are their IPv4", () => {
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:0db8::5")).toBe("2001:db8:0:0::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(addressKey("192.0.2.1")).toBe("192.0.2.1");
  });

  it("instrumentation appends the socket address after whatever the client sent, bounded", () => {
    const r = { headers: { "x-forwarded-for": "6.6.6.6" } as Record<string, string | string[] | undefined>, socket: { remoteAddress: "127.0.0.1" } };
    stampPeer(r as never);
    expect(r.headers["x-forwarded-for"]).toBe("6.6.6.6, 127.0.0.1");
    const bare = { headers: {} as Record<string, string>, socket: { remoteAddress: "10.0.0.1" } };
    stampPeer(bare as never);
    expect(bare.headers["x-forwarded-for"]).toBe("10.0.0.1");
    const long = {
      headers: { "x-forwarded-for": Array.from({ length: 2000 }, (_, i) => `10.0.${i >> 8}.${i & 255}`).join(", ") },
      socket: { remoteAddress: "10.9.9.9" },
    };
    stampPeer(long as never);
    expect(long.headers["x-forwarded-for"].length).toBeLessThan(2100);
    expect(long.headers["x-forwarded-for"].endsWith(", 10.9.9.9")).toBe(true);
  });

  it("the emit patch stamps every 'request' event once, and patching twice does not stamp twice", () => {
    class FakeServer {
      emit(event: string, r: { headers: Record<string, string> }) {
        return event === "request" && typeof r.headers["x-forwarded-for"] === "string";
      }
    }
    appendPeerAddress(FakeServer as never);
    appendPeerAddress(FakeServer as never);
    const r = { headers: {} as Record<string, string>, socket: { remoteAddress: "198.51.100.2" } };
    expect(new FakeServer().emit("request", r)).toBe(true);
    expect(r.headers["x-forwarded-for"]).toBe("198.51.100.2");
  });
});

describe("RateLimiter: bounded and never forgetting a limited client", () => {
  it("a client over the limit stays limited after 20,000 other addresses come and go", async () => {
    const limiter = new RateLimiter({ limit: 3, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) expect(await limiter.take("203.0.113.9")).toBe(0);
    expect(await limiter.take("203.0.113.9")).toBeGreaterThan(0);
    // Before: past 10,000 keys the hand-written limiter cleared everything, this client included.
    for (let i = 0; i < 20_000; i++) await limiter.take(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
    const wait = await limiter.take("203.0.113.9");
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
  });
});

describe("crossSiteRefused: Origin is checked when Sec-Fetch-Site is absent (issue 10 item 7)", () => {
  const refused = (headers: Record<string, string>) => crossSiteRefused(req({ host: "app.example", ...headers }))?.status ?? 200;
  it.each([
    [{ origin: "https://evil.example" }, 403],
    [{ origin: "http://app.example.evil.example" }, 403],
    [{ origin: "null" }, 403],
    [{ origin: "not a url" }, 403],
    [{ origin: "http://app.example" }, 200],
    [{ origin: "https://APP.example" }, 200],
    [{}, 200],
    [{ "sec-fetch-site": "cross-site", origin: "http://app.example" }, 403],
    [{ "sec-fetch-site": "same-site" }, 403],
    [{ "sec-fetch-site": "same-origin", origin: "http://app.example" }, 200],
    [{ "sec-fetch-site": "none" }, 200],
  ])("%j -> %i", (headers, status) => {
    expect(refused(headers)).toBe(status);
  });
});

describe("413 closes the connection (issue 10 item 6)", () => {
  it("declared or streamed, the 413 says Connection: close", async () => {
    const declared = await readJsonBody(new Request("http://x/", { method: "POST", body: "x".repeat(2000), headers: { "content-length": "2000" } }), 1000);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 4; i++) c.enqueue(new Uint8Array(512).fill(32));
        c.close();
      },
    });
    const streamed = await readJsonBody(new Request("http://x/", { method: "POST", body: stream, duplex: "half" } as RequestInit), 1000);
    for (const r of [declared, streamed]) {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.status).toBe(413);
        expect(r.error.headers.get("connection")).toBe("close");
      }
    }
  });
});

describe("HSTS (issue 10 item 8)", () => {
  const h = (proto?: string) => new Headers(proto ? { "x-forwarded-proto": proto } : {});
  it("auto: only over HTTPS as a trusted proxy reports it; never on plain HTTP or on the client's word", () => {
    expect(wantsHsts(h(), {})).toBe(false);
    expect(wantsHsts(h("https"), {})).toBe(false);
    expect(wantsHsts(h("https"), { TRUST_PROXY_HOPS: "0" })).toBe(false);
    expect(wantsHsts(h("https"), { TRUST_PROXY_HOPS: "1" })).toBe(true);
    expect(wantsHsts(h("http"), { TRUST_PROXY_HOPS: "1" })).toBe(false);
    // Two hops: the outer proxy's "https" counts even if the inner one appended "http".
    expect(wantsHsts(h("https, http"), { TRUST_PROXY_HOPS: "2" })).toBe(true);
    expect(wantsHsts(h("https, http"), { TRUST_PROXY_HOPS: "1" })).toBe(false);
  });
  it("HSTS=on forces it, HSTS=off never sends it", () => {
    expect(wantsHsts(h(), { HSTS: "on" })).toBe(true);
    expect(wantsHsts(h("https"), { HSTS: "off", TRUST_PROXY_HOPS: "1" })).toBe(false);
    expect(HSTS_VALUE).toMatch(/^max-age=(\d+); includeSubDomains$/);
    expect(Number(/max-age=(\d+)/.exec(HSTS_VALUE)![1])).toBeGreaterThanOrEqual(31_536_000);
  });
});

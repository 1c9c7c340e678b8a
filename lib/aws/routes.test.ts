import {
  AccessDeniedException,
  ComputeOptimizerClient,
  GetECSServiceRecommendationProjectedMetricsCommand,
  GetECSServiceRecommendationsCommand,
  OptInRequiredException,
  ServiceUnavailableException,
  ThrottlingException,
} from "@aws-sdk/client-compute-optimizer";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { projectedMetrics, recommendationsPage1, recommendationsPage2 } from "./__fixtures__/load";

vi.mock("server-only", () => ({}));
const route = await import("@/app/api/rightsizing/route");
const projectedRoute = await import("@/app/api/rightsizing/projected-metrics/route");
const { awsRouteLimiter } = await import("@/lib/http");

const co = mockClient(ComputeOptimizerClient);
const BASE = "http://localhost/api/rightsizing";
let ip = 0;
/** A fresh client address per request unless one is given, so the rate limit only bites where tested. */
const post = (body: unknown, headers: Record<string, string> = {}, url = BASE) =>
  new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": `10.0.0.${++ip}`, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const get = (query: string, headers: Record<string, string> = {}) =>
  new Request(`${BASE}?${query}`, { headers: { "x-forwarded-for": `10.0.1.${++ip}`, ...headers } });

beforeEach(() => {
  co.reset();
  awsRouteLimiter.reset();
});

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = await res.json();
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  expect(JSON.stringify(body)).not.toMatch(/\bat\s.*\.(js|ts):\d+|node_modules/);
  return body;
}

describe("/api/rightsizing", () => {
  it("route config: node runtime, always dynamic", () => {
    expect(route.runtime).toBe("nodejs");
    expect(route.dynamic).toBe("force-dynamic");
    expect(projectedRoute.runtime).toBe("nodejs");
  });

  it("POST returns mapped recommendations across pages", async () => {
    co.on(GetECSServiceRecommendationsCommand).resolvesOnce(recommendationsPage1()).resolvesOnce(recommendationsPage2());
    const res = await route.POST(post({ region: "us-east-1", findings: ["Overprovisioned"], accountIds: ["123456789012"] }));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body.region).toBe("us-east-1");
    expect(body.recommendations).toHaveLength(3);
    expect(body.recommendations[0]).toMatchObject({ serviceName: "orders-api", current: { vcpu: 1, memoryGiB: 4 }, recommended: { vcpu: 0.5, memoryGiB: 2 } });
    expect(body.serviceErrors).toHaveLength(1);
    expect(co.commandCalls(GetECSServiceRecommendationsCommand)[0]!.args[0].input).toEqual({
      accountIds: ["123456789012"],
      filters: [{ name: "Finding", values: ["Overprovisioned"] }],
    });
  });

  it("GET accepts repeated and comma-separated lists", async () => {
    co.on(GetECSServiceRecommendationsCommand).resolves({ ...recommendationsPage1(), nextToken: undefined });
    const arn = "arn:aws:ecs:us-east-1:123456789012:service/prod-cluster/orders-api";
    const res = await route.GET(get(`region=us-east-1&finding=Overprovisioned,Underprovisioned&serviceArn=${encodeURIComponent(arn)}`));
    expect(res.status).toBe(200);
    expect(co.commandCalls(GetECSServiceRecommendationsCommand)[0]!.args[0].input).toEqual({
      serviceArns: [arn],
      filters: [{ name: "Finding", values: ["Overprovisioned", "Underprovisioned"] }],
    });
  });

  it("400 with reasons on bad parameters, before calling AWS", async () => {
    const body = await expectError(await route.POST(post({ region: "mars-1", accountIds: ["12"], findings: ["Great"], extra: 1 })), 400, "INVALID_REQUEST");
    expect(body.error.issues).toEqual(
      expect.arrayContaining([
        { path: "", message: "unknown field: extra" },
        { path: "region", message: "region must be a known AWS region code such as us-east-1" },
        { path: "accountIds.0", message: "each account ID is 12 digits" },
        { path: "findings.0", message: "each finding is one of Overprovisioned, Underprovisioned, Optimized" },
      ]),
    );
    await expectError(await route.GET(get("")), 400, "INVALID_REQUEST");
    await expectError(await route.POST(post([1, 2])), 400, "INVALID_REQUEST");
    await expectError(await route.POST(post({ region: "us-east-1", serviceArns: ["not-an-arn"] })), 400, "INVALID_REQUEST");
    await expectError(await route.POST(post("{oops")), 400, "INVALID_REQUEST");
    expect(co.calls()).toHaveLength(0);
  });

  it("413 above 64 KB (declared or streamed), 415 for non-JSON", async () => {
    const big = JSON.stringify({ region: "us-east-1", pad: "x".repeat(70 * 1024) });
    await expectError(await route.POST(post(big)), 413, "PAYLOAD_TOO_LARGE");
    // No Content-Length: a stream counted as it is read.
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 80; i++) c.enqueue(new Uint8Array(1024).fill(32));
        c.close();
      },
    });
    const streamed = new Request(BASE, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "10.9.9.9" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(streamed.headers.get("content-length")).toBeNull();
    await expectError(await route.POST(streamed), 413, "PAYLOAD_TOO_LARGE");
    await expectError(await route.POST(post("region=us-east-1", { "content-type": "application/x-www-form-urlencoded" })), 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  it("403 for a browser request from another site; same-origin pages and scripts pass", async () => {
    co.on(GetECSServiceRecommendationsCommand).resolves({ ...recommendationsPage1(), nextToken: undefined });
    await expectError(await route.POST(post({ region: "us-east-1" }, { "sec-fetch-site": "cross-site" })), 403, "CROSS_SITE_REQUEST");
    await expectError(await route.GET(get("region=us-east-1", { "sec-fetch-site": "same-site" })), 403, "CROSS_SITE_REQUEST");
    expect((await route.POST(post({ region: "us-east-1" }, { "sec-fetch-site": "same-origin" }))).status).toBe(200);
  });

  it("429 after 10 requests a minute from one client, with Retry-After", async () => {
    co.on(GetECSServiceRecommendationsCommand).resolves({ ...recommendationsPage1(), nextToken: undefined });
    const from = { "x-forwarded-for": "198.51.100.1, 203.0.113.7" };
    for (let i = 0; i < 10; i++) expect((await route.POST(post({ region: "us-east-1" }, from))).status).toBe(200);
    const res = await route.POST(post({ region: "us-east-1" }, from));
    await expectError(res, 429, "RATE_LIMITED");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    // A different client-supplied (leftmost) address does not dodge the limit: the nearest hop's entry counts.
    await expectError(await route.GET(get("region=us-east-1", { "x-forwarded-for": "192.0.2.99, 203.0.113.7" })), 429, "RATE_LIMITED");
    // Another client is not affected.
    expect((await route.POST(post({ region: "us-east-1" }, { "x-forwarded-for": "203.0.113.8" }))).status).toBe(200);
  });

  it.each([
    ["not opted in", new OptInRequiredException({ message: "not opted in", $metadata: {} }), 403, "OPT_IN_REQUIRED"],
    ["access denied", new AccessDeniedException({ message: "denied", $metadata: {} }), 403, "ACCESS_DENIED"],
    ["throttled", new ThrottlingException({ message: "slow down", $metadata: {} }), 429, "THROTTLED"],
    ["unavailable", new ServiceUnavailableException({ message: "down", $metadata: {} }), 503, "SERVICE_UNAVAILABLE"],
    ["no credentials", Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" }), 401, "NO_CREDENTIALS"],
    [
      "region without Compute Optimizer",
      Object.assign(new Error("getaddrinfo ENOTFOUND compute-optimizer.ap-east-2.amazonaws.com"), { code: "ENOTFOUND" }),
      400,
      "REGION_NOT_SUPPORTED",
    ],
  ])("AWS error: %s", async (_, error, status, code) => {
    co.on(GetECSServiceRecommendationsCommand).rejects(error);
    await expectError(await route.POST(post({ region: "us-east-1" })), status, code);
  });

  it("no recommendations yet -> 404 NO_RECOMMENDATIONS", async () => {
    co.on(GetECSServiceRecommendationsCommand).resolves({ ecsServiceRecommendations: [] });
    const body = await expectError(await route.GET(get("region=eu-west-1")), 404, "NO_RECOMMENDATIONS");
    expect(body.error.message).toMatch(/24 hours/);
  });

  it("a hung AWS call ends in 504 within the deadline", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      co.on(GetECSServiceRecommendationsCommand).callsFake(() => new Promise(() => undefined));
      const pending = route.POST(post({ region: "us-east-1" }));
      await vi.advanceTimersByTimeAsync(15_001);
      await expectError(await pending, 504, "TIMEOUT");
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("/api/rightsizing/projected-metrics", () => {
  const arn = "arn:aws:ecs:us-east-1:123456789012:service/prod-cluster/orders-api";
  it("defaults to the last 14 days, daily maxima", async () => {
    co.on(GetECSServiceRecommendationProjectedMetricsCommand).resolves(projectedMetrics());
    const res = await projectedRoute.POST(post({ region: "us-east-1", serviceArn: arn }, {}, `${BASE}/projected-metrics`));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.options[0].series[0].points).toHaveLength(14);
    const input = co.commandCalls(GetECSServiceRecommendationProjectedMetricsCommand)[0]!.args[0].input;
    expect([input.stat, input.period]).toEqual(["Maximum", 86_400]);
    expect(input.endTime!.getTime() - input.startTime!.getTime()).toBe(14 * 86_400_000);
  });
  it("validates its body", async () => {
    await expectError(
      await projectedRoute.POST(post({ region: "us-east-1", serviceArn: arn, startTime: "2025-06-17T00:00:00Z", endTime: "2025-06-04T00:00:00Z" })),
      400,
      "INVALID_REQUEST",
    );
    await expectError(await projectedRoute.POST(post({ region: "us-east-1" })), 400, "INVALID_REQUEST");
  });
});

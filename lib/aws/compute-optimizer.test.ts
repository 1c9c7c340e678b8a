import {
  AccessDeniedException,
  ComputeOptimizerClient,
  GetECSServiceRecommendationProjectedMetricsCommand,
  GetECSServiceRecommendationsCommand,
  InternalServerException,
  InvalidParameterValueException,
  MissingAuthenticationToken,
  OptInRequiredException,
  ResourceNotFoundException,
  ServiceUnavailableException,
  ThrottlingException,
} from "@aws-sdk/client-compute-optimizer";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import requestFixture from "./__fixtures__/compute-optimizer/get-ecs-service-recommendations.request.json";
import { projectedMetrics, recommendationsPage1, recommendationsPage2 } from "./__fixtures__/load";

vi.mock("server-only", () => ({}));
const { getEcsServiceProjectedMetrics, getEcsServiceRecommendations } = await import("./compute-optimizer");

const co = mockClient(ComputeOptimizerClient);
const now = () => new Date("2025-06-18T10:00:00Z");
/** What the SDK's exception classes take. */
const opts = (message: string) => ({ message, $metadata: {} });
const client = new ComputeOptimizerClient({ region: "us-east-1", credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" } });

beforeEach(() => co.reset());
afterEach(() => vi.useRealTimers());

describe("getEcsServiceRecommendations", () => {
  it("happy path: one page, mapped to our types", async () => {
    const page = recommendationsPage1();
    delete page.nextToken;
    co.on(GetECSServiceRecommendationsCommand).resolves(page);
    const r = await getEcsServiceRecommendations({ region: "us-east-1" }, { client, now });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.region).toBe("us-east-1");
    expect(r.value.fetchedAt).toBe("2025-06-18T10:00:00.000Z");
    expect(r.value.recommendations.map((x) => x.serviceName)).toEqual(["orders-api", "payments-worker", "web-frontend"]);
    expect(r.value.serviceErrors).toEqual([]);
    expect(co.commandCalls(GetECSServiceRecommendationsCommand)[0]!.args[0].input).toEqual({});
  });

  it("follows nextToken: page 1 then page 2 (with a per-service error)", async () => {
    co.on(GetECSServiceRecommendationsCommand).resolvesOnce(recommendationsPage1()).resolvesOnce(recommendationsPage2());
    const r = await getEcsServiceRecommendations(
      {
        region: "us-east-1",
        serviceArns: requestFixture.serviceArns,
        findings: ["Overprovisioned", "Underprovisioned", "Optimized"],
        accountIds: ["123456789012"],
      },
      { client, now },
    );
    const calls = co.commandCalls(GetECSServiceRecommendationsCommand);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.args[0].input).toEqual({ serviceArns: requestFixture.serviceArns, filters: requestFixture.filters, accountIds: ["123456789012"] });
    expect(calls[1]!.args[0].input.nextToken).toBe(recommendationsPage1().nextToken);
    expect(r.ok && r.value.recommendations).toHaveLength(3);
    expect(r.ok && r.value.serviceErrors).toEqual([expect.objectContaining({ code: "InsufficientData" })]);
  });

  it("asks one account per request (the API's rule) and merges the results", async () => {
    const page = recommendationsPage1();
    delete page.nextToken;
    co.on(GetECSServiceRecommendationsCommand).resolves(page);
    const r = await getEcsServiceRecommendations({ region: "us-east-1", accountIds: ["111111111111", "222222222222"] }, { client });
    expect(co.commandCalls(GetECSServiceRecommendationsCommand).map((c) => c.args[0].input.accountIds)).toEqual([["111111111111"], ["222222222222"]]);
    expect(r.ok && r.value.recommendations).toHaveLength(6);
  });

  it("stops on a repeated nextToken instead of looping forever", async () => {
    co.on(GetECSServiceRecommendationsCommand).resolves({ ...recommendationsPage1(), nextToken: "same" });
    const r = await getEcsServiceRecommendations({ region: "us-east-1" }, { client });
    expect(r.ok).toBe(true);
    expect(co.commandCalls(GetECSServiceRecommendationsCommand)).toHaveLength(2);
  });

  it("no recommendations yet: the 24-hours-of-metrics message", async () => {
    co.on(GetECSServiceRecommendationsCommand).resolves({ ecsServiceRecommendations: [], errors: [] });
    const r = await getEcsServiceRecommendations({ region: "eu-west-1" }, { client });
    expect(r).toEqual({
      ok: false,
      error: {
        code: "NO_RECOMMENDATIONS",
        status: 404,
        message: expect.stringMatching(/no ECS service recommendations in eu-west-1 yet: it needs at least 24 hours of metrics/),
      },
    });
  });

  it("no recommendations with per-service errors quotes Compute Optimizer", async () => {
    co.on(GetECSServiceRecommendationsCommand).resolves(recommendationsPage2());
    const r = await getEcsServiceRecommendations({ region: "us-east-1", findings: ["Underprovisioned"] }, { client });
    expect(!r.ok && r.error.message).toMatch(/match these filters\. Compute Optimizer says: Compute Optimizer doesn't have enough utilization data/);
  });

  it.each([
    ["not opted in", new OptInRequiredException(opts("The account is not opted in to Compute Optimizer.")), "OPT_IN_REQUIRED", 403],
    ["access denied", new AccessDeniedException(opts("You do not have sufficient access to perform this action.")), "ACCESS_DENIED", 403],
    ["throttled", new ThrottlingException(opts("The request was denied due to request throttling.")), "THROTTLED", 429],
    [
      "invalid parameter",
      new InvalidParameterValueException(opts("The value supplied for the input parameter is out of range or not valid.")),
      "INVALID_PARAMETER",
      400,
    ],
    [
      "service unavailable",
      new ServiceUnavailableException(opts("The request has failed due to a temporary failure of the server.")),
      "SERVICE_UNAVAILABLE",
      503,
    ],
    [
      "missing authentication token",
      new MissingAuthenticationToken(opts("The request must contain either a valid (registered) Amazon Web Services access key ID or X.509 certificate.")),
      "MISSING_AUTHENTICATION_TOKEN",
      401,
    ],
    ["not found", new ResourceNotFoundException(opts("A resource that is required for the action doesn't exist.")), "RESOURCE_NOT_FOUND", 404],
    ["internal error", new InternalServerException(opts("An internal error has occurred. Try your call again.")), "AWS_INTERNAL_ERROR", 502],
    ["no credentials", Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" }), "NO_CREDENTIALS", 401],
    [
      "region without Compute Optimizer",
      Object.assign(new Error("getaddrinfo ENOTFOUND compute-optimizer.ap-southeast-7.amazonaws.com"), { code: "ENOTFOUND" }),
      "REGION_NOT_SUPPORTED",
      400,
    ],
  ])("%s", async (_, error, code, status) => {
    co.on(GetECSServiceRecommendationsCommand).rejects(error);
    const r = await getEcsServiceRecommendations({ region: "us-east-1" }, { client });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect([r.error.code, r.error.status]).toEqual([code, status]);
    expect(JSON.stringify(r.error)).not.toMatch(/\bat\s.*\.(js|ts):\d+/);
  });

  it("an error on page 2 fails the whole call (never a partial list)", async () => {
    co.on(GetECSServiceRecommendationsCommand)
      .resolvesOnce(recommendationsPage1())
      .rejectsOnce(new ThrottlingException(opts("slow down")));
    const r = await getEcsServiceRecommendations({ region: "us-east-1" }, { client });
    expect(!r.ok && r.error.code).toBe("THROTTLED");
  });

  it("no credentials, for real: the SDK's default chain with nothing configured", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", "");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "");
    vi.stubEnv("AWS_PROFILE", "fargate-estimator-test-no-such-profile");
    vi.stubEnv("AWS_CONFIG_FILE", "/nonexistent/config");
    vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials");
    vi.stubEnv("AWS_EC2_METADATA_DISABLED", "true");
    vi.stubEnv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "");
    vi.stubEnv("AWS_CONTAINER_CREDENTIALS_FULL_URI", "");
    vi.stubEnv("AWS_WEB_IDENTITY_TOKEN_FILE", "");
    co.restore();
    try {
      const r = await getEcsServiceRecommendations({ region: "us-east-1" }, { client: new ComputeOptimizerClient({ region: "us-east-1" }), timeoutMs: 8_000 });
      expect(!r.ok && r.error.code).toMatch(/^NO_CREDENTIALS$/);
    } finally {
      vi.unstubAllEnvs();
      co.reset();
    }
  });

  it("times out after the deadline", async () => {
    co.on(GetECSServiceRecommendationsCommand).callsFake(() => new Promise(() => undefined));
    const r = await getEcsServiceRecommendations({ region: "us-east-1" }, { client, timeoutMs: 30 });
    expect(!r.ok && [r.error.code, r.error.status]).toEqual(["TIMEOUT", 504]);
  });
});

describe("getEcsServiceProjectedMetrics", () => {
  const query = {
    region: "us-east-1",
    serviceArn: "arn:aws:ecs:us-east-1:123456789012:service/prod-cluster/orders-api",
    startTime: new Date("2025-06-04T00:00:00Z"),
    endTime: new Date("2025-06-17T00:00:00Z"),
    period: 86_400,
    stat: "Maximum" as const,
  };
  it("sends the fixture request and maps the series", async () => {
    co.on(GetECSServiceRecommendationProjectedMetricsCommand).resolves(projectedMetrics());
    const r = await getEcsServiceProjectedMetrics(query, { client });
    expect(co.commandCalls(GetECSServiceRecommendationProjectedMetricsCommand)[0]!.args[0].input).toEqual({
      serviceArn: query.serviceArn,
      stat: "Maximum",
      period: 86_400,
      startTime: query.startTime,
      endTime: query.endTime,
    });
    expect(r.ok && r.value.options[0]!.series[1]!.points).toHaveLength(14);
  });
  it("classifies its errors too", async () => {
    co.on(GetECSServiceRecommendationProjectedMetricsCommand).rejects(new OptInRequiredException(opts("not opted in")));
    const r = await getEcsServiceProjectedMetrics(query, { client });
    expect(!r.ok && r.error.code).toBe("OPT_IN_REQUIRED");
  });
});

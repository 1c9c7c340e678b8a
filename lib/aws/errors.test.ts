import * as co from "@aws-sdk/client-compute-optimizer";
import { describe, expect, it } from "vitest";
import errorsFixture from "./__fixtures__/compute-optimizer/compute-optimizer-errors.json";
import { AwsTimeoutError, classifyAwsError, noRecommendationsError } from "./errors";

const ctx = { service: "Compute Optimizer", region: "us-east-1" };

/** Each modelled exception -> our code and HTTP status. */
const expected: Record<string, [string, number]> = {
  OptInRequiredException: ["OPT_IN_REQUIRED", 403],
  AccessDeniedException: ["ACCESS_DENIED", 403],
  ThrottlingException: ["THROTTLED", 429],
  InvalidParameterValueException: ["INVALID_PARAMETER", 400],
  ResourceNotFoundException: ["RESOURCE_NOT_FOUND", 404],
  ServiceUnavailableException: ["SERVICE_UNAVAILABLE", 503],
  MissingAuthenticationToken: ["MISSING_AUTHENTICATION_TOKEN", 401],
  InternalServerException: ["AWS_INTERNAL_ERROR", 502],
  LimitExceededException: ["LIMIT_EXCEEDED", 429],
};

describe("classifyAwsError: every modelled Compute Optimizer exception (fixture)", () => {
  it("covers the fixture's 9 exceptions", () => {
    expect(errorsFixture.errors.map((e) => e.name).sort()).toEqual(Object.keys(expected).sort());
  });
  it.each(errorsFixture.errors.map((e) => [e.name, e] as const))("%s -> its own code, status and sentence", (name, e) => {
    const Ctor = (co as unknown as Record<string, new (opts: { message: string; $metadata: object }) => Error>)[name];
    expect(Ctor).toBeTypeOf("function");
    const err = new Ctor!({ message: e.sdkV3Mock.message, $metadata: { httpStatusCode: e.httpStatusCode } });
    expect(err.name).toBe(name);
    const info = classifyAwsError(err, ctx);
    expect([info.code, info.status]).toEqual(expected[name]);
    expect(info.message).toMatch(/^[A-Z].+[.)]$/);
    expect(info.message).not.toMatch(/\n|\bat\s+\S+\s+\(/);
  });
  it("gives each code its own message", () => {
    const messages = errorsFixture.errors.map((e) => classifyAwsError({ name: e.name, message: e.sdkV3Mock.message }, ctx).message);
    expect(new Set(messages).size).toBe(messages.length);
  });
});

describe("classifyAwsError: failures outside the model", () => {
  it.each([
    [
      "no credentials (CredentialsProviderError)",
      Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" }),
      "NO_CREDENTIALS",
      401,
    ],
    ["no credentials (message only)", new Error("Could not load credentials from any providers"), "NO_CREDENTIALS", 401],
    ["unknown key", { name: "UnrecognizedClientException", message: "The security token included in the request is invalid." }, "INVALID_CREDENTIALS", 401],
    ["expired token", { name: "ExpiredTokenException", message: "expired" }, "INVALID_CREDENTIALS", 401],
    [
      "region without Compute Optimizer (DNS)",
      Object.assign(new Error("getaddrinfo ENOTFOUND compute-optimizer.ap-east-2.amazonaws.com"), { code: "ENOTFOUND" }),
      "REGION_NOT_SUPPORTED",
      400,
    ],
    ["UnknownEndpoint", { name: "UnknownEndpoint", message: "Inaccessible host" }, "REGION_NOT_SUPPORTED", 400],
    ["timeout", new AwsTimeoutError(15_000), "TIMEOUT", 504],
    ["abort", Object.assign(new Error("Request aborted"), { name: "AbortError" }), "TIMEOUT", 504],
    ["connection refused", Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }), "NETWORK_ERROR", 502],
    ["anything else", new Error("boom"), "AWS_ERROR", 502],
    ["not even an error", 42, "AWS_ERROR", 502],
  ])("%s", (_, err, code, status) => {
    const info = classifyAwsError(err, ctx);
    expect([info.code, info.status]).toEqual([code, status]);
  });
  it("DNS failure without a region (Price List API) is a network error", () => {
    expect(
      classifyAwsError(Object.assign(new Error("getaddrinfo ENOTFOUND api.pricing.us-east-1.amazonaws.com"), { code: "ENOTFOUND" }), {
        service: "the AWS Price List API",
      }).code,
    ).toBe("NETWORK_ERROR");
  });
  it("no recommendations: the 24-hour rule, or the filters", () => {
    expect(noRecommendationsError(false, "us-east-1")).toMatchObject({
      code: "NO_RECOMMENDATIONS",
      status: 404,
      message: expect.stringMatching(/24 hours of metrics from the last 14 days/),
    });
    expect(noRecommendationsError(true, "us-east-1").message).toMatch(/match these filters/);
  });
});

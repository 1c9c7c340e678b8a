/**
 * AWS SDK failures -> one clear user sentence, a stable code and an HTTP status. Pure: matches on the error's
 * `name` / `code` (the SDK's exception classes set `name`), so it needs no SDK import and never leaks a stack.
 */
import type { Result } from "@/lib/core";

export type AwsErrorCode =
  | "NO_CREDENTIALS"
  | "INVALID_CREDENTIALS"
  | "MISSING_AUTHENTICATION_TOKEN"
  | "OPT_IN_REQUIRED"
  | "ACCESS_DENIED"
  | "THROTTLED"
  | "REGION_NOT_SUPPORTED"
  | "NO_RECOMMENDATIONS"
  | "INVALID_PARAMETER"
  | "RESOURCE_NOT_FOUND"
  | "LIMIT_EXCEEDED"
  | "SERVICE_UNAVAILABLE"
  | "AWS_INTERNAL_ERROR"
  | "TIMEOUT"
  | "NETWORK_ERROR"
  | "INVALID_RESPONSE"
  | "AWS_ERROR";

export interface AwsErrorInfo {
  code: AwsErrorCode;
  /** One sentence for the user; no stack, no request IDs. */
  message: string;
  /** HTTP status our API answers with. */
  status: number;
  /** The AWS exception name, for logs. */
  awsName?: string;
}

/** What an AWS adapter answers: the mapped data, or the classified error (never a throw). */
export type AwsResult<T> = Result<T, AwsErrorInfo>;

export interface ErrorContext {
  /** "Compute Optimizer" or "the AWS Price List API". */
  service: string;
  region?: string;
}

/** The error thrown by our deadline helper (and matched here). */
export class AwsTimeoutError extends Error {
  constructor(public readonly ms: number) {
    super(`No answer from AWS within ${Math.round(ms / 1000)} seconds`);
    this.name = "AwsTimeoutError";
  }
}

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "ECONNABORTED"]);

function field(e: unknown, key: string): string | undefined {
  if (typeof e !== "object" || e === null) return undefined;
  const v = (e as Record<string, unknown>)[key];
  return typeof v === "string" ? v : undefined;
}

export function classifyAwsError(e: unknown, ctx: ErrorContext): AwsErrorInfo {
  const name = field(e, "name") ?? field(e, "Code") ?? "";
  const code = field(e, "code") ?? "";
  const message = field(e, "message") ?? (typeof e === "string" ? e : "");
  const where = ctx.region ? ` in ${ctx.region}` : "";
  const info = (c: AwsErrorCode, status: number, text: string): AwsErrorInfo => ({ code: c, status, message: text, ...(name ? { awsName: name } : {}) });

  if (name === "CredentialsProviderError" || /could not load credentials/i.test(message)) {
    return info(
      "NO_CREDENTIALS",
      401,
      "No AWS credentials were found on the server: set AWS_PROFILE (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), or give the server an IAM role, then try again.",
    );
  }
  if (name === "MissingAuthenticationToken" || name === "MissingAuthenticationTokenException") {
    return info("MISSING_AUTHENTICATION_TOKEN", 401, `The request to ${ctx.service} carried no valid AWS access key: check the server's AWS credentials.`);
  }
  if (
    [
      "UnrecognizedClientException",
      "InvalidClientTokenId",
      "InvalidSignatureException",
      "SignatureDoesNotMatch",
      "ExpiredTokenException",
      "ExpiredToken",
    ].includes(name)
  ) {
    return info("INVALID_CREDENTIALS", 401, "AWS rejected the server's credentials (unknown, expired or wrong secret key): refresh them and try again.");
  }
  if (name === "OptInRequiredException") {
    return info(
      "OPT_IN_REQUIRED",
      403,
      "This AWS account is not opted in to Compute Optimizer: opt in on the Compute Optimizer console, then allow up to 24 hours for the first recommendations.",
    );
  }
  if (name === "AccessDeniedException" || name === "AccessDenied") {
    return info(
      "ACCESS_DENIED",
      403,
      ctx.service === "Compute Optimizer"
        ? "The server's AWS identity may not read Compute Optimizer recommendations: allow compute-optimizer:GetECSServiceRecommendations and compute-optimizer:GetECSServiceRecommendationProjectedMetrics."
        : `The server's AWS identity is not allowed to call ${ctx.service}: allow pricing:GetProducts.`,
    );
  }
  if (name === "ThrottlingException" || name === "Throttling" || name === "TooManyRequestsException") {
    return info("THROTTLED", 429, `AWS is throttling requests to ${ctx.service}: wait a minute and try again.`);
  }
  if (name === "LimitExceededException") return info("LIMIT_EXCEEDED", 429, `A ${ctx.service} limit was reached: wait and try again.`);
  if (
    name === "InvalidParameterValueException" ||
    name === "InvalidParameterException" ||
    name === "InvalidNextTokenException" ||
    name === "ExpiredNextTokenException" ||
    name === "ValidationException"
  ) {
    return info("INVALID_PARAMETER", 400, `${ctx.service} refused a parameter of the request${message ? ` (${message.replace(/\.$/, "")})` : ""}.`);
  }
  if (name === "ResourceNotFoundException" || name === "NotFoundException") {
    return info("RESOURCE_NOT_FOUND", 404, `${ctx.service} found no such resource${where}: check the account, region and service ARN.`);
  }
  if (name === "ServiceUnavailableException" || name === "ServiceUnavailable") {
    return info("SERVICE_UNAVAILABLE", 503, `${ctx.service} is temporarily unavailable: try again in a few minutes.`);
  }
  if (name === "InternalServerException" || name === "InternalErrorException" || name === "InternalFailure") {
    return info("AWS_INTERNAL_ERROR", 502, `${ctx.service} had an internal error: try again.`);
  }
  if (e instanceof AwsTimeoutError || name === "AwsTimeoutError" || name === "AbortError" || name === "TimeoutError" || code === "ABORT_ERR") {
    return info("TIMEOUT", 504, `${ctx.service} did not answer in time: try again.`);
  }
  const endpointMissing =
    name === "UnknownEndpoint" || name === "EndpointError" || code === "ENOTFOUND" || /ENOTFOUND|UnknownEndpoint|Could not resolve endpoint/i.test(message);
  if (endpointMissing && !ctx.region) {
    return info("NETWORK_ERROR", 502, `The address of ${ctx.service} could not be resolved: check the network connection (DNS) and try again.`);
  }
  if (endpointMissing) {
    return info(
      "REGION_NOT_SUPPORTED",
      400,
      `${ctx.service} has no endpoint${where} that the server can reach: it may not be offered in that region (or the server has no internet access); try another region such as us-east-1.`,
    );
  }
  if (NETWORK_CODES.has(code) || /socket hang up|network/i.test(message)) {
    return info("NETWORK_ERROR", 502, `The server could not reach ${ctx.service}: check its network connection and try again.`);
  }
  return info("AWS_ERROR", 502, `${ctx.service} returned an error${name && name !== "Error" ? ` (${name})` : ""}: try again later.`);
}

/** The answer when Compute Optimizer returns no ECS recommendations. */
export function noRecommendationsError(filtered: boolean, region: string): AwsErrorInfo {
  return {
    code: "NO_RECOMMENDATIONS",
    status: 404,
    message: filtered
      ? `Compute Optimizer has no ECS service recommendations in ${region} that match these filters.`
      : `Compute Optimizer has no ECS service recommendations in ${region} yet: it needs at least 24 hours of metrics from the last 14 days for each Fargate service (and services that use step scaling, or target tracking on both CPU and memory, get none).`,
  };
}

import "server-only";
import { errorResponse } from "@/lib/http";
import type { AwsErrorInfo } from "./errors";

/** An AWS failure as the route's JSON error (429 with Retry-After when AWS throttled us). */
export function awsErrorResponse(e: AwsErrorInfo): Response {
  return errorResponse(e.code, e.message, e.status, {}, e.status === 429 ? { "Retry-After": "60" } : {});
}

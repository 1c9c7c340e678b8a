import "server-only";
import type { z } from "zod";
import type { ApiError } from "@/lib/core";

/** JSON answers of the route handlers: never cached, errors as { error: { code, message, ... } }. */

const NO_STORE = { "Cache-Control": "no-store" } as const;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

export function errorResponse(
  code: string,
  message: string,
  status: number,
  extra: Partial<ApiError["error"]> = {},
  headers: Record<string, string> = {},
): Response {
  const body: ApiError = { error: { code, message, ...extra } };
  return json(body, status, headers);
}

export function zodErrorResponse(error: z.ZodError): Response {
  const issues = error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
  const summary = issues
    .slice(0, 3)
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
    .join("; ");
  return errorResponse("INVALID_REQUEST", `Invalid request: ${summary}${issues.length > 3 ? "; ..." : ""}.`, 400, { issues });
}

/** Last-resort answer: logs the error server-side, tells the user one sentence, never a stack. */
export function internalError(e: unknown, route = "api"): Response {
  console.error(`${route} route failed:`, e instanceof Error ? `${e.name}: ${e.message}` : e);
  return errorResponse("INTERNAL_ERROR", "Something went wrong on the server; please try again.", 500);
}

/** A failure the adapters describe (an AWS error: code, sentence, status) as the route's JSON error; 429 adds Retry-After. */
export function failureResponse(e: { code: string; message: string; status: number }): Response {
  return errorResponse(e.code, e.message, e.status, {}, e.status === 429 ? { "Retry-After": "60" } : {});
}

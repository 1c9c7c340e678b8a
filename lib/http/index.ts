import "server-only";

/**
 * Plumbing shared by the route handlers, AWS-backed or not: JSON answers and errors, the request body limit, the
 * per-client rate limit, the cross-site refusal. (lib/aws/error-response.ts maps AWS errors onto these answers.)
 */
export * from "./body";
export * from "./rate-limit";
export * from "./responses";

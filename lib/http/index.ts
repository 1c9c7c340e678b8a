import "server-only";

/**
 * Plumbing shared by the route handlers, AWS-backed or not: JSON answers and errors, the request body limit, the
 * per-client rate limit, the cross-site refusal. (failureResponse turns an adapter's failure, an AWS error, into one of these
 * answers.) peer-address.ts is the folder's second entry: instrumentation.ts loads it at server start, outside React
 * Server Components, where this file's server-only guard would refuse.
 */
export * from "./body";
export * from "./rate-limit";
export * from "./responses";

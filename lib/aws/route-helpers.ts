import "server-only";
import type { z } from "zod";
import type { ApiError } from "@/lib/rightsizing/api";
import type { AwsErrorInfo } from "./errors";

/** Shared plumbing of the AWS-backed route handlers: JSON answers, body limit, per-client rate limit. */

const NO_STORE = { "Cache-Control": "no-store" } as const;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

export function errorResponse(code: string, message: string, status: number, extra: Partial<ApiError["error"]> = {}, headers: Record<string, string> = {}): Response {
  const body: ApiError = { error: { code, message, ...extra } };
  return json(body, status, headers);
}

export function awsErrorResponse(e: AwsErrorInfo): Response {
  return errorResponse(e.code, e.message, e.status, {}, e.status === 429 ? { "Retry-After": "60" } : {});
}

export function zodErrorResponse(error: z.ZodError): Response {
  const issues = error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
  const summary = issues
    .slice(0, 3)
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
    .join("; ");
  return errorResponse("INVALID_REQUEST", `Invalid request: ${summary}${issues.length > 3 ? "; ..." : ""}.`, 400, { issues });
}

// ---- body size limit --------------------------------------------------------------------------------------

export type BodyResult = { ok: true; value: unknown } | { ok: false; response: Response };

/** Reads a JSON body of at most `limit` bytes: Content-Length is checked first, then the stream is counted. */
export async function readJsonBody(request: Request, limit: number): Promise<BodyResult> {
  const tooLarge = () => ({ ok: false as const, response: errorResponse("PAYLOAD_TOO_LARGE", `The request body is larger than ${Math.round(limit / 1024)} KB.`, 413) });
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) return tooLarge();
  const type = request.headers.get("content-type") ?? "";
  if (type && !/^application\/(.+\+)?json\b/i.test(type)) {
    return { ok: false, response: errorResponse("UNSUPPORTED_MEDIA_TYPE", "Send the request body as JSON (Content-Type: application/json).", 415) };
  }
  if (!request.body) return { ok: true, value: {} };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return tooLarge();
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, response: errorResponse("INVALID_REQUEST", "The request body could not be read.", 400) };
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: errorResponse("INVALID_REQUEST", "The request body is not valid JSON.", 400) };
  }
}

// ---- rate limit --------------------------------------------------------------------------------------------

export interface RateLimitOptions {
  limit: number;
  windowMs: number;
}

export const RIGHTSIZING_RATE_LIMIT: RateLimitOptions = { limit: 10, windowMs: 60_000 };

/** Sliding-window request log per client key, in memory (per server process). */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  get limit(): number {
    return this.options.limit;
  }

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a request; returns 0 when allowed, else the seconds until the next one is. */
  take(key: string): number {
    const t = this.now();
    const from = t - this.options.windowMs;
    const log = (this.hits.get(key) ?? []).filter((x) => x > from);
    if (log.length >= this.options.limit) {
      this.hits.set(key, log);
      return Math.max(1, Math.ceil((log[0]! + this.options.windowMs - t) / 1000));
    }
    log.push(t);
    this.hits.set(key, log);
    if (this.hits.size > 10_000) this.prune(from);
    // Bounded memory even under a flood of distinct keys: past the cap, start over.
    if (this.hits.size > 10_000) this.hits.clear();
    return 0;
  }

  private prune(from: number) {
    for (const [k, log] of this.hits) if (!log.some((x) => x > from)) this.hits.delete(k);
  }

  reset() {
    this.hits.clear();
  }
}

/** One limiter for the AWS-backed routes (they share the AWS quota). */
export const awsRouteLimiter = new RateLimiter(RIGHTSIZING_RATE_LIMIT);

/**
 * The client's key: the LAST x-forwarded-for entry, the one added by the nearest hop (`next start` sets it to
 * the socket's remote address when absent; a proxy appends the address it saw). Entries to its left are
 * client-supplied and could be rotated to dodge the limit. Else x-real-ip.
 */
export function clientKey(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return (forwarded || request.headers.get("x-real-ip")?.trim() || "unknown").slice(0, 100);
}

export function rateLimited(request: Request, limiter: RateLimiter = awsRouteLimiter): Response | null {
  const wait = limiter.take(clientKey(request));
  if (wait === 0) return null;
  return errorResponse("RATE_LIMITED", `Too many requests: at most ${limiter.limit} a minute; try again in ${wait} seconds.`, 429, {}, { "Retry-After": String(wait) });
}

/** The estimate route runs no AWS call but can price 20,000 workloads: a looser limit of its own. */
export const estimateRouteLimiter = new RateLimiter({ limit: 60, windowMs: 60_000 });

/**
 * Refuses requests a browser sent from another site (Sec-Fetch-Site: cross-site / same-site), so another page
 * cannot make this server spend its AWS credentials. Scripts and curl send no such header and pass.
 */
export function crossSiteRefused(request: Request): Response | null {
  const site = request.headers.get("sec-fetch-site");
  if (!site || site === "same-origin" || site === "none") return null;
  return errorResponse("CROSS_SITE_REQUEST", "This endpoint only answers the estimator's own pages and scripts, not other websites.", 403);
}

/** Last-resort answer: logs the error server-side, tells the user one sentence, never a stack. */
export function internalError(e: unknown, route = "api"): Response {
  console.error(`${route} route failed:`, e instanceof Error ? `${e.name}: ${e.message}` : e);
  return errorResponse("INTERNAL_ERROR", "Something went wrong on the server; please try again.", 500);
}

/**
 * The common start of an AWS-calling POST: refuse cross-site browser requests, apply the rate limit, then read
 * the JSON body within `limit` bytes.
 */
export async function guardedJsonBody(request: Request, limit: number): Promise<BodyResult> {
  const refused = crossSiteRefused(request) ?? rateLimited(request);
  if (refused) return { ok: false, response: refused };
  return readJsonBody(request, limit);
}

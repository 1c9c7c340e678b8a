import "server-only";
import { isIP } from "node:net";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
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
  // Connection: close, so the unread rest of an oversized body is never taken as the next request on a kept-alive
  // socket (Node then closes the connection after the 413 instead of waiting for the body to end).
  const tooLarge = () => ({
    ok: false as const,
    response: errorResponse("PAYLOAD_TOO_LARGE", `The request body is larger than ${Math.round(limit / 1024)} KB.`, 413, {}, { Connection: "close" }),
  });
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

/**
 * Per-client request counter, in memory (per server process), on rate-limiter-flexible's RateLimiterMemory: a fixed
 * window per key that starts at the key's first request. Memory holds one small record per client address seen in
 * the last window; each record expires with its window and none is dropped early, so a limited client stays limited
 * however many other addresses send requests (and the client cannot choose its key: see clientKey).
 */
export class RateLimiter {
  private limiter: RateLimiterMemory;
  get limit(): number {
    return this.options.limit;
  }

  constructor(private readonly options: RateLimitOptions) {
    this.limiter = this.create();
  }

  private create() {
    return new RateLimiterMemory({ points: this.options.limit, duration: Math.ceil(this.options.windowMs / 1000) });
  }

  /** Records a request; resolves 0 when allowed, else the seconds until the next one is. */
  async take(key: string): Promise<number> {
    try {
      await this.limiter.consume(key, 1);
      return 0;
    } catch (e) {
      if (e instanceof RateLimiterRes) return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw e;
    }
  }

  reset() {
    this.limiter = this.create();
  }
}

/** One limiter for the AWS-backed routes (they share the AWS quota). */
export const awsRouteLimiter = new RateLimiter(RIGHTSIZING_RATE_LIMIT);

/**
 * TRUST_PROXY_HOPS: how many reverse proxies in front of this server append to X-Forwarded-For (default 0: the
 * server faces clients directly). A value that is not a whole number from 0 to 20 counts as 0.
 */
export function trustedProxyHops(value: string | undefined = process.env.TRUST_PROXY_HOPS): number {
  const n = Number(value ?? "0");
  return Number.isInteger(n) && n >= 0 && n <= 20 ? n : 0;
}

/**
 * The forwarding chain as this server received it: X-Forwarded-For's entries, ending with the socket's remote
 * address, which instrumentation.ts appends to every request (`next start` only sets the header when the client did
 * not send one, so without that the last entry would be the client's own choice).
 */
function forwardedChain(request: Request): string[] {
  return (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** "::ffff:192.0.2.1" -> "192.0.2.1"; an IPv6 address -> its /64 network (one subscriber's block); else as is. */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIP(address) !== 6) return address.slice(0, 100);
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill("0"), ...t] : h;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

/**
 * The client's key: the socket address (the chain's last entry), or with TRUST_PROXY_HOPS=n the entry n places
 * before it, the one the outermost trusted proxy appended. Entries further left are client-supplied and ignored.
 */
export function clientKey(request: Request, hops: number = trustedProxyHops()): string {
  const chain = forwardedChain(request);
  if (chain.length === 0) return "unknown";
  return addressKey(chain[Math.max(0, chain.length - 1 - hops)]!);
}

export async function rateLimited(request: Request, limiter: RateLimiter = awsRouteLimiter): Promise<Response | null> {
  const wait = await limiter.take(clientKey(request));
  if (wait === 0) return null;
  return errorResponse("RATE_LIMITED", `Too many requests: at most ${limiter.limit} a minute; try again in ${wait} seconds.`, 429, {}, { "Retry-After": String(wait) });
}

/** The estimate route runs no AWS call but prices up to MAX_API_WORKLOADS workloads: a looser limit of its own. */
export const estimateRouteLimiter = new RateLimiter({ limit: 60, windowMs: 60_000 });

/** The host the browser addressed: Host, or with trusted proxies the X-Forwarded-Host the nearest one set. */
function requestHost(request: Request): string | null {
  const forwarded = trustedProxyHops() > 0 ? request.headers.get("x-forwarded-host")?.split(",").at(-1)?.trim() : undefined;
  return (forwarded || request.headers.get("host") || new URL(request.url).host).toLowerCase();
}

/**
 * Refuses requests a browser sent from another site, so another page cannot make this server spend its AWS
 * credentials: Sec-Fetch-Site cross-site / same-site, or, where a browser sends no Sec-Fetch-Site (older browsers,
 * plain HTTP origins), an Origin whose host is not this server's ("null" included). Scripts and curl send neither
 * header and pass.
 */
export function crossSiteRefused(request: Request): Response | null {
  const refuse = () => errorResponse("CROSS_SITE_REQUEST", "This endpoint only answers the estimator's own pages and scripts, not other websites.", 403);
  const site = request.headers.get("sec-fetch-site");
  if (site) return site === "same-origin" || site === "none" ? null : refuse();
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  let host: string;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    return refuse();
  }
  return host && host === requestHost(request) ? null : refuse();
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
  const refused = crossSiteRefused(request) ?? (await rateLimited(request));
  if (refused) return { ok: false, response: refused };
  return readJsonBody(request, limit);
}

import "server-only";
import { isIP } from "node:net";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { errorResponse } from "./responses";
import { env } from "@/lib/env";

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
export function trustedProxyHops(value: string | undefined = env.trustProxyHops): number {
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
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
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
  return errorResponse(
    "RATE_LIMITED",
    `Too many requests: at most ${limiter.limit} a minute; try again in ${wait} seconds.`,
    429,
    {},
    { "Retry-After": String(wait) },
  );
}

/** The estimate route runs no AWS call but prices up to MAX_API_WORKLOADS workloads: a looser limit of its own. */
export const estimateRouteLimiter = new RateLimiter({ limit: 60, windowMs: 60_000 });

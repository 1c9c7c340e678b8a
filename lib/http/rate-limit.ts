import "server-only";
import { isIP } from "node:net";
import { errorResponse } from "./responses";
import { env } from "@/lib/env";

// ---- rate limit --------------------------------------------------------------------------------------------

export interface RateLimitOptions {
  limit: number;
  windowMs: number;
}

export const RIGHTSIZING_RATE_LIMIT: RateLimitOptions = { limit: 10, windowMs: 60_000 };

/** Records per table of a limiter (clients under the limit; clients at it): ~200 bytes each, so at most ~20 MB a limiter. */
export const RATE_LIMIT_MAX_KEYS = 50_000;

/** One client's window: when it began (ms) and the requests counted in it. */
interface Window {
  start: number;
  count: number;
}

/**
 * Per-client request counter, in memory (per server process): a fixed window per key that starts at the key's first
 * request, `limit` requests a window. Two insertion-ordered tables, each capped at `maxKeys` records of a few dozen
 * bytes and no timer (a timer per key kept each request's context alive, ~30 KB a client: issue 19 item 4): clients
 * under the limit, and clients that reached it. Each insert first drops expired records from the front (oldest window
 * first); a full table drops its oldest record. Addresses that come and go therefore never push out a limited
 * client: only more than `maxKeys` other clients reaching the limit within one window could (and the client cannot
 * choose its key: see clientKey).
 */
export class RateLimiter {
  private open = new Map<string, Window>();
  private limited = new Map<string, Window>();
  private readonly maxKeys: number;
  get limit(): number {
    return this.options.limit;
  }
  /** Records held (both tables). */
  get size(): number {
    return this.open.size + this.limited.size;
  }

  constructor(
    private readonly options: RateLimitOptions & { maxKeys?: number },
    private readonly now: () => number = Date.now,
  ) {
    this.maxKeys = Math.max(1, options.maxKeys ?? RATE_LIMIT_MAX_KEYS);
  }

  /** Records a request; resolves 0 when allowed, else the seconds until the next one is. */
  async take(key: string): Promise<number> {
    const t = this.now();
    const { limit, windowMs } = this.options;
    const current = this.limited.get(key) ?? this.open.get(key);
    if (current && t - current.start < windowMs && t >= current.start) {
      if (current.count >= limit) return Math.max(1, Math.ceil((current.start + windowMs - t) / 1000));
      current.count++;
      if (current.count >= limit) {
        this.open.delete(key);
        this.insert(this.limited, key, current, t);
      }
      return 0;
    }
    // A first request, or the first after the window ended: a new window.
    this.open.delete(key);
    this.limited.delete(key);
    this.insert(1 >= limit ? this.limited : this.open, key, { start: t, count: 1 }, t);
    return 0;
  }

  private insert(table: Map<string, Window>, key: string, window: Window, t: number) {
    for (const [oldest, w] of table) {
      if (t - w.start < this.options.windowMs && table.size < this.maxKeys) break;
      table.delete(oldest);
    }
    table.set(key, window);
  }

  reset() {
    this.open = new Map();
    this.limited = new Map();
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

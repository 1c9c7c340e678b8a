import http from "node:http";

/**
 * Bounds how long a client may take to send a request, so sockets that trickle their headers (slowloris) are closed
 * early and cannot pile up (issue 19: 50 such sockets were still open after 60 s).
 *
 * Node closes a connection whose request headers are not complete `headersTimeout` after they began (with 408), and
 * one whose whole request is not in `requestTimeout` after it began; it checks every `connectionsCheckingInterval`
 * (30 s, fixed when the server starts listening). Its defaults are 60 s and 300 s, so a slow socket lived up to 90 s.
 * `next start` and the standalone server.js create the server themselves, before instrumentation.ts runs, so the
 * two timeouts (plain properties Node reads at each check) are lowered on each server the first time it emits an
 * event (its first connection), never raised.
 */
export const HEADERS_TIMEOUT_MS = 15_000;
/** The whole request, body included: a 1 MB body (the largest any route takes) needs 17 KB/s. */
export const REQUEST_TIMEOUT_MS = 60_000;
/** Node's check interval (http.Server `connectionsCheckingInterval` default): a slow socket is closed at most this late. */
export const CHECK_INTERVAL_MS = 30_000;

const PATCHED = Symbol.for("fargate-estimator.slow-clients");
const tuned = new WeakSet<object>();

/** Lowers (never raises) a server's header and request timeouts to the bounds above. */
export function boundTimeouts(server: Pick<http.Server, "headersTimeout" | "requestTimeout">): void {
  const lower = (current: number, bound: number) => (current > 0 && current < bound ? current : bound);
  server.requestTimeout = lower(server.requestTimeout, REQUEST_TIMEOUT_MS);
  server.headersTimeout = Math.min(lower(server.headersTimeout, HEADERS_TIMEOUT_MS), server.requestTimeout);
}

/** Installs boundTimeouts on every server of `server`'s class, at its first event after this call. */
export function boundSlowClients(server: { prototype: { emit: (...args: never[]) => boolean } } = http.Server): void {
  const proto = server.prototype as unknown as Record<PropertyKey, unknown> & { emit: (this: unknown, event: string | symbol, ...args: unknown[]) => boolean };
  if (proto[PATCHED]) return;
  const emit = proto.emit;
  proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
    const self = this as http.Server;
    if (!tuned.has(self)) {
      tuned.add(self);
      boundTimeouts(self);
    }
    return emit.call(this, event, ...args);
  };
  proto[PATCHED] = true;
}

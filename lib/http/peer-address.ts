import http from "node:http";

/**
 * Appends each request's socket address to X-Forwarded-For, the way a reverse proxy does, before Next sees it.
 *
 * `next start` sets x-forwarded-for to the socket's address only when the request has none
 * (node_modules/next/dist/server/base-server.js: `req.headers['x-forwarded-for'] ??= socket.remoteAddress`), so a
 * client that sends its own header would choose its own rate-limit key, and a route handler never sees the socket.
 * With this, the header's last entry is always the address that connected to this server; lib/http's clientKey
 * takes it (or, with TRUST_PROXY_HOPS=n, the entry n places before it).
 */
export const PEER_PATCHED = Symbol.for("fargate-estimator.peer-address");

export function appendPeerAddress(server: { prototype: { emit: (...args: never[]) => boolean } } = http.Server): void {
  const proto = server.prototype as unknown as Record<PropertyKey, unknown> & { emit: (this: unknown, event: string | symbol, ...args: unknown[]) => boolean };
  if (proto[PEER_PATCHED]) return;
  const emit = proto.emit;
  proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
    if (event === "request") stampPeer(args[0] as http.IncomingMessage);
    return emit.call(this, event, ...args);
  };
  proto[PEER_PATCHED] = true;
}

export function stampPeer(req: Pick<http.IncomingMessage, "headers" | "socket">): void {
  const peer = req.socket?.remoteAddress ?? "unknown";
  const sent = req.headers["x-forwarded-for"];
  const prior = (Array.isArray(sent) ? sent.join(", ") : (sent ?? "")).trim();
  // Bounded: a client-sent chain longer than 2 KB is cut from the left (only the rightmost entries are ever used).
  let kept = prior;
  if (prior.length > 2048) {
    const cut = prior.indexOf(",", prior.length - 2048);
    kept = cut < 0 ? "" : prior.slice(cut + 1).trim();
  }
  req.headers["x-forwarded-for"] = kept ? `${kept}, ${peer}` : peer;
}

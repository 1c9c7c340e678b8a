import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";

/**
 * A strict Content-Security-Policy with a fresh nonce per request: Next.js streams inline scripts for hydration,
 * and reads the nonce from the request's CSP header to mark its own scripts. Styles allow inline attributes
 * (charts position elements with style="..."); nothing is loaded from another origin.
 */
export function contentSecurityPolicy(nonce: string, dev = env.dev): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // Web Workers: the importer's and the bill reader's, built from this origin's chunks ('strict-dynamic' does not cover workers).
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The server's HSTS and TRUST_PROXY_HOPS, as lib/env.ts read them at start. */
const SERVER_VARS = { HSTS: env.hsts, TRUST_PROXY_HOPS: env.trustProxyHops };

/** Two years, subdomains included: what HSTS preload lists and header graders (A+) expect. */
export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

/**
 * Whether to send Strict-Transport-Security. HSTS=on always sends it (TLS terminated somewhere we cannot see),
 * HSTS=off never; by default (auto) only when the request arrived over HTTPS as a trusted proxy says: with
 * TRUST_PROXY_HOPS > 0, X-Forwarded-Proto "https". With no trusted proxy the header is the client's word and
 * `next start` serves plain HTTP, so no HSTS (never on http://localhost).
 */
export function wantsHsts(headers: Headers, vars: { HSTS?: string | undefined; TRUST_PROXY_HOPS?: string | undefined } = SERVER_VARS): boolean {
  const mode = (vars.HSTS ?? "auto").trim().toLowerCase();
  if (mode === "on") return true;
  if (mode === "off") return false;
  const hops = Number(vars.TRUST_PROXY_HOPS ?? "0");
  if (!(Number.isInteger(hops) && hops > 0 && hops <= 20)) return false;
  const protos = (headers.get("x-forwarded-proto") ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  // The entry the outermost trusted proxy wrote (each hop may append its own).
  const proto = protos[Math.max(0, protos.length - hops)];
  return proto === "https";
}

export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (wantsHsts(request.headers)) response.headers.set("Strict-Transport-Security", HSTS_VALUE);
  return response;
}

/**
 * Every page response carries the CSP, prefetches included: a page fetched with `Purpose: prefetch` or
 * `Sec-Purpose: prefetch` (a link prefetch, speculation rules) may be the very copy the browser then shows, so it
 * needs the same policy and nonce as any other (issue 19: it used to be served without one).
 */
export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico).*)"],
};

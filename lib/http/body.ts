import "server-only";
import { trustedProxyHops, rateLimited } from "./rate-limit";
import { fail, ok, type Result } from "@/lib/core";
import { errorResponse } from "./responses";

// ---- body size limit --------------------------------------------------------------------------------------

/** The parsed body, or the error answer to send as it is (413, 415, 400, or the cross-site / rate-limit refusal). */
export type BodyResult = Result<unknown, Response>;

/** Reads a JSON body of at most `limit` bytes: Content-Length is checked first, then the stream is counted. */
export async function readJsonBody(request: Request, limit: number): Promise<BodyResult> {
  // Connection: close, so the unread rest of an oversized body is never taken as the next request on a kept-alive
  // socket (Node then closes the connection after the 413 instead of waiting for the body to end).
  const tooLarge = () =>
    fail(errorResponse("PAYLOAD_TOO_LARGE", `The request body is larger than ${Math.round(limit / 1024)} KB.`, 413, {}, { Connection: "close" }));
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) return tooLarge();
  const type = request.headers.get("content-type") ?? "";
  if (type && !/^application\/(.+\+)?json\b/i.test(type)) {
    return fail(errorResponse("UNSUPPORTED_MEDIA_TYPE", "Send the request body as JSON (Content-Type: application/json).", 415));
  }
  if (!request.body) return ok({});
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
    return fail(errorResponse("INVALID_REQUEST", "The request body could not be read.", 400));
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === "") return ok({});
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    return fail(errorResponse("INVALID_REQUEST", "The request body is not valid JSON.", 400));
  }
}

// ---- cross-site requests ----------------------------------------------------------------------------------

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

/**
 * The common start of an AWS-calling POST: refuse cross-site browser requests, apply the rate limit, then read
 * the JSON body within `limit` bytes.
 */
export async function guardedJsonBody(request: Request, limit: number): Promise<BodyResult> {
  const refused = crossSiteRefused(request) ?? (await rateLimited(request));
  if (refused) return fail(refused);
  return readJsonBody(request, limit);
}

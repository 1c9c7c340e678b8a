import { getEcsServiceRecommendations } from "@/lib/aws";
import { crossSiteRefused, failureResponse, internalError, json, guardedJsonBody, rateLimited, zodErrorResponse } from "@/lib/http";
import { MAX_BODY_BYTES, RightsizingRequest } from "@/lib/rightsizing";

/**
 * Compute Optimizer recommendations for ECS services on Fargate, mapped to our types.
 * GET  /api/rightsizing?region=us-east-1&accountId=...&finding=Overprovisioned&serviceArn=...  (repeat or comma-separate lists)
 * POST /api/rightsizing  {"region":"us-east-1","accountIds":[],"findings":[],"serviceArns":[]}
 * 200 RightsizingResponse | {error:{code,message}} with 400/401/403/404/413/415/429/502/503/504.
 */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

async function handle(input: unknown): Promise<Response> {
  const parsed = RightsizingRequest.safeParse(input);
  if (!parsed.success) return zodErrorResponse(parsed.error);
  const { region, accountIds, findings, serviceArns } = parsed.data;
  const result = await getEcsServiceRecommendations({ region, accountIds, findings, serviceArns });
  return result.ok ? json(result.value) : failureResponse(result.error);
}

const list = (params: URLSearchParams, ...names: string[]) =>
  names
    .flatMap((n) => params.getAll(n))
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);

export async function GET(request: Request): Promise<Response> {
  try {
    const refused = crossSiteRefused(request) ?? (await rateLimited(request));
    if (refused) return refused;
    const url = new URL(request.url);
    if (url.search.length > 16 * 1024) return json({ error: { code: "PAYLOAD_TOO_LARGE", message: "The query string is too long." } }, 414);
    const p = url.searchParams;
    const known = new Set(["region", "accountId", "accountIds", "finding", "findings", "serviceArn", "serviceArns"]);
    const unknown = [...new Set([...p.keys()].filter((k) => !known.has(k)))];
    return await handle({
      ...(p.has("region") ? { region: p.get("region") } : {}),
      accountIds: list(p, "accountId", "accountIds"),
      findings: list(p, "finding", "findings"),
      serviceArns: list(p, "serviceArn", "serviceArns"),
      ...Object.fromEntries(unknown.map((k) => [k, p.get(k)])),
    });
  } catch (e) {
    return internalError(e, "rightsizing");
  }
}

export async function POST(request: Request): Promise<Response> {
  try {
    const body = await guardedJsonBody(request, MAX_BODY_BYTES);
    if (!body.ok) return body.error;
    return await handle(body.value);
  } catch (e) {
    return internalError(e, "rightsizing");
  }
}

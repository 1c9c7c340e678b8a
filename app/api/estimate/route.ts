import { errorResponse, estimateRouteLimiter, internalError, json, rateLimited, readJsonBody } from "@/lib/http";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { ec2Catalog } from "@/lib/catalog/ec2";
import { extrasCatalog } from "@/lib/catalog/extras";
import { estimateAll } from "@/lib/pricing";
import { parseScenario } from "@/lib/scenario";

/**
 * POST /api/estimate with a scenario (version 1 or 2) -> the estimate JSON (Fargate + EC2), the same engine and
 * output as the CLI. 400 lists every problem as {path, message}; 413 over 1 MB; 429 past 60 requests a minute.
 * At most MAX_API_WORKLOADS workloads a request, so one request costs tens of milliseconds of server time, not
 * seconds (the CLI has no such cap).
 */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const MAX_ESTIMATE_BODY_BYTES = 1_000_000;
export const MAX_API_WORKLOADS = 500;

export async function POST(request: Request): Promise<Response> {
  try {
    const limited = await rateLimited(request, estimateRouteLimiter);
    if (limited) return limited;
    const body = await readJsonBody(request, MAX_ESTIMATE_BODY_BYTES);
    if (!body.ok) return body.error;
    // Counted before validation: validating 20,000 workloads alone would cost more than the whole budget.
    const workloads = typeof body.value === "object" && body.value !== null && "workloads" in body.value ? body.value.workloads : undefined;
    if (Array.isArray(workloads) && workloads.length > MAX_API_WORKLOADS) {
      const message = `The API prices at most ${MAX_API_WORKLOADS} workloads a request (this one has ${workloads.length.toLocaleString("en-US")}): split the scenario, or use the CLI (npm run estimate), which has no such limit`;
      return errorResponse("INVALID_SCENARIO", "The scenario is not valid: see issues.", 400, { issues: [{ path: "workloads", message }] });
    }
    const parsed = parseScenario(body.value, fargateCatalog, extrasCatalog);
    if (!parsed.ok) return errorResponse("INVALID_SCENARIO", "The scenario is not valid: see issues.", 400, { issues: parsed.error });
    return json(estimateAll(parsed.value, fargateCatalog, ec2Catalog, extrasCatalog));
  } catch (e) {
    return internalError(e, "estimate");
  }
}

import { getEcsServiceProjectedMetrics } from "@/lib/aws";
import { failureResponse, guardedJsonBody, internalError, json, zodErrorResponse } from "@/lib/http";
import { MAX_BODY_BYTES, ProjectedMetricsRequest } from "@/lib/rightsizing";

/**
 * Projected utilization at Compute Optimizer's recommended size (for charts).
 * POST /api/rightsizing/projected-metrics {"region","serviceArn","startTime"?,"endTime"?,"period"?,"stat"?}
 */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    const body = await guardedJsonBody(request, MAX_BODY_BYTES);
    if (!body.ok) return body.error;
    const parsed = ProjectedMetricsRequest.safeParse(body.value);
    if (!parsed.success) return zodErrorResponse(parsed.error);
    const result = await getEcsServiceProjectedMetrics(parsed.data);
    return result.ok ? json(result.value) : failureResponse(result.error);
  } catch (e) {
    return internalError(e, "rightsizing");
  }
}

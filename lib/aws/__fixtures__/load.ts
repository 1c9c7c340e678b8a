/** Test helpers: the Compute Optimizer fixtures with timestamps revived to Date, as the SDK returns them. */
import type {
  GetECSServiceRecommendationProjectedMetricsResponse,
  GetECSServiceRecommendationsResponse,
} from "@aws-sdk/client-compute-optimizer";
import page1Json from "./compute-optimizer/get-ecs-service-recommendations.json";
import page2Json from "./compute-optimizer/get-ecs-service-recommendations-page2-errors.json";
import projectedJson from "./compute-optimizer/get-ecs-service-recommendation-projected-metrics.json";

const clone = <T>(v: unknown): T => JSON.parse(JSON.stringify(v)) as T;

export function recommendationsPage1(): GetECSServiceRecommendationsResponse {
  const raw = clone<{ ecsServiceRecommendations: { lastRefreshTimestamp: string }[] }>(page1Json);
  for (const r of raw.ecsServiceRecommendations) (r as unknown as { lastRefreshTimestamp: Date }).lastRefreshTimestamp = new Date(r.lastRefreshTimestamp);
  return raw as unknown as GetECSServiceRecommendationsResponse;
}

export function recommendationsPage2(): GetECSServiceRecommendationsResponse {
  return clone(page2Json);
}

export function projectedMetrics(): GetECSServiceRecommendationProjectedMetricsResponse {
  const raw = clone<{ recommendedOptionProjectedMetrics: { projectedMetrics: { timestamps: (string | Date)[] }[] }[] }>(projectedJson);
  for (const o of raw.recommendedOptionProjectedMetrics) for (const m of o.projectedMetrics) m.timestamps = m.timestamps.map((t) => new Date(t));
  return raw as unknown as GetECSServiceRecommendationProjectedMetricsResponse;
}

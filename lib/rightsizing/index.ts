/**
 * Right-sizing, pure and browser-safe (no AWS SDK, no node:*, no server-only).
 * Offline flows: parseComputeOptimizerExportCsv (an ExportECSServiceRecommendations CSV) and
 * rightsizeFromUtilizationCsv (a CPU % / memory % CSV + the current size); then priceRightsizing per result.
 */
export * from "./types";
export { parseComputeOptimizerExportCsv, type ExportParseResult } from "./export-csv";
export { parseUtilizationCsv, DEFAULT_SERVICE_NAME, type UtilizationSeries } from "./utilization-csv";
export {
  DEFAULT_HEADROOM_PERCENT,
  DEFAULT_PERCENTILE,
  MIN_RECOMMENDED_SAMPLES,
  RISK_THRESHOLDS,
  nearestRankPercentile,
  recommendFromSeries,
  rightsizeFromUtilizationCsv,
  type UtilizationOptions,
} from "./recommend";
export { priceRightsizing, sumDecimalStrings, type PriceRightsizingInput, type PriceRightsizingResult, type PricedRightsizing, type PricedSize } from "./price";
export { compareSizes, parseServiceArn } from "./build";
export type { ProjectedMetricsResponse, RecommendationError, RightsizingRequestInput, RightsizingResponse } from "./api";
export { MAX_BODY_BYTES, ProjectedMetricsRequest, RightsizingRequest } from "./api";
export { amountString, buildFromComputeOptimizer } from "./build";
export type { FileProgress } from "./parse-file";
export { applyRecommendation, matchingWorkload, priceService, rightsizedName, totalOf } from "./service";
export type { ServicePrice } from "./service";

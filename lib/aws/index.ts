/**
 * lib/aws's public entry: the AWS SDK adapters (server side only; every module imports "server-only"): the Price List
 * API and how its answers map onto our snapshots, and Compute Optimizer. Reached from app/ routes and scripts/ only.
 */
export { getEcsServiceProjectedMetrics, getEcsServiceRecommendations } from "./compute-optimizer";
export * from "./pricing";
export * from "./pricing-map";
export * from "./extras-pricing";
export * from "./extras-pricing-map";
export * from "./managed-instances-map";

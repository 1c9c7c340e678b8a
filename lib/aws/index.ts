/**
 * lib/aws's public entry: the AWS SDK adapters (server side only; every module imports "server-only"): the Price List
 * API and how its answers map onto our snapshots, Compute Optimizer, and Athena (the bill reconciliation over a CUR 2.0 table). Reached from app/ routes and scripts/ only.
 */
export { getEcsServiceProjectedMetrics, getEcsServiceRecommendations } from "./compute-optimizer";
export { runAthenaQuery, type AthenaRows, type AthenaTarget } from "./athena";
export * from "./pricing";
export * from "./pricing-map";
export * from "./extras-pricing";
export * from "./extras-pricing-map";
export * from "./managed-instances-map";

/** lib/pricing's public entry: what other folders may import from it. */
export { estimateEc2 } from "./ec2";
export type { Ec2Estimate } from "./ec2";
export { scaledInstanceHours } from "./ec2/hours";
export { estimateAll, estimateEc2WithWholeBill, estimateManagedInstances, estimateScenario } from "./estimate";
export type { Ec2WithWholeBill, Estimate, ManagedInstancesEstimate } from "./estimate";
export { EKS_OVERHEAD_MIB, STORAGE_LIMITS_GIB } from "./input";
export { capacityProviderIssues, capacitySplit } from "./capacity-providers";
export type { CapacityProviderName, CapacityProviderSpec, CapacitySplit } from "./capacity-providers";
export type { Ec2Settings, ScenarioSpec, Schedule, ServicesSpec, WorkloadSpec } from "./input";
export { NOT_INCLUDED } from "./services";
export { formatSize, isValidSize, largestSize, nearestValidSizes, roundUpToValidSize, validMemoriesFor, validVcpus } from "./sizes";
export type { OperatingSystem, TaskSize } from "./sizes";
export { spotSeries } from "./spot-series";
export type { Component, FargateEstimate, LineItem, PriceSourceSummary, WorkloadEstimate } from "./types";
export type { Ec2WholeBill } from "./whole-bill";
export type { Purchase } from "./types";

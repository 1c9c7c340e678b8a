import type { SavingsPlanTerm } from "@/lib/catalog";
import type { CapacityProviderSpec } from "./capacity-providers";
import type { OperatingSystem } from "./sizes";

/**
 * What the engine prices: its own input types and billing rules. lib/scenario's zod schema (the public contract:
 * CLI, API, share links, editor) produces these and is checked against them at compile time (`satisfies`), so the
 * engine never depends on the validation layer, and the rules are written once, here (docs/pricing-rules.md).
 */

/** Ephemeral storage (GiB): free with every task, and the most a task may configure per platform (ECS, EKS). */
export const STORAGE_LIMITS_GIB: Readonly<{ free: number; ecs: number; eks: number }> = { free: 20, ecs: 200, eks: 175 };
/** MiB Fargate adds to an EKS pod's requests (Kubernetes components) before rounding up to a valid size. */
export const EKS_OVERHEAD_MIB: number = 256;
/** Minimum billed seconds per task run: 1 minute on Linux, 5 on Windows. */
export const MINIMUM_BILLABLE_SECONDS: Readonly<Record<OperatingSystem, number>> = { linux: 60, windows: 300 };

export type Platform = "ecs" | "eks";
export type Architecture = "x86_64" | "arm64";
export type SavingsPlan = "none" | SavingsPlanTerm;
export type { OperatingSystem };

export type Schedule =
  | { type: "always-on" }
  /** Share of the 730-hour month the tasks run. */
  | { type: "duty-cycle"; percent: number }
  /** Each run starts `tasks` tasks, each billed separately (rounded up to the second, with the minimum). */
  | { type: "batch"; runsPerMonth: number; secondsPerRun: number };

export interface WorkloadSpec {
  name: string;
  platform: Platform;
  os: OperatingSystem;
  arch: Architecture;
  /** ECS: the task size; EKS: the pod's requests before Fargate's rounding. */
  vcpu: number;
  memoryGiB: number;
  storageGiB: number;
  /** Tasks (or pods) running at once. */
  tasks: number;
  schedule: Schedule;
  /** Share of task-hours on Fargate Spot, 0..100 (derived from capacityProviders when those are given). */
  spotPercent: number;
  /** An ECS capacity provider strategy instead of a Spot share: the engine says the split in words. */
  capacityProviders?: CapacityProviderSpec[] | undefined;
  savingsPlan: SavingsPlan;
  /** v2: one public IPv4 address per running task. */
  publicIp?: boolean | undefined;
  /** v2: CloudWatch Logs (Standard class). */
  logs?: { ingestedGiBPerMonth: number; storedGiB: number } | undefined;
}

/** How the equivalent ECS-on-EC2 cluster is built and bought (defaults: lib/scenario/schema.ts). */
export interface Ec2Settings {
  networking: "awsvpc" | "bridge";
  eniTrunking: boolean;
  headroomPercent: number;
  reservedMemoryMiB: number;
  unregisteredMemoryPercent: number;
  scaling: "always-on" | "scale-with-tasks";
  spotPercent: number;
  commitment: "none" | "1yr" | "3yr";
  ebsRootGiB: number;
  instanceTypes: string[];
}

export type EfsStorageClass = "standard" | "standard-ia" | "archive" | "one-zone" | "one-zone-ia";

export interface LoadBalancerSpec {
  name: string;
  type: "application" | "network";
  /** Average LCUs (application) or NLCUs (network) per hour. */
  capacityUnits: number;
  internetFacing: boolean;
  azs: number;
}

export interface FileSystemSpec {
  name: string;
  storageClass: EfsStorageClass;
  storedGiB: number;
  readGiBPerMonth: number;
  writeGiBPerMonth: number;
}

/** v2: what the service pays beside its tasks. Absent parts price nothing. */
export interface ServicesSpec {
  loadBalancers?: LoadBalancerSpec[] | undefined;
  natGateways?: { count: number; processedGiBPerMonth: number } | undefined;
  dataTransfer?: { internetOutGiBPerMonth: number; interAzGiBPerMonth: number } | undefined;
  fileSystems?: FileSystemSpec[] | undefined;
  eksClusters?: { count: number; extendedSupport: boolean } | undefined;
  containerRegistry?: { storedGiB: number } | undefined;
}

export interface ScenarioSpec {
  version: 1 | 2;
  name: string;
  region: string;
  workloads: WorkloadSpec[];
  ec2: Ec2Settings;
  services?: ServicesSpec | undefined;
}

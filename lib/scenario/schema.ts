import { z } from "zod";
import { SAVINGS_PLAN_TERMS } from "@/lib/catalog";
import {
  capacityProviderIssues,
  type CapacityProviderSpec,
  capacitySplit,
  type Ec2Settings as Ec2SettingsSpec,
  EKS_OVERHEAD_MIB,
  formatSize,
  isValidSize,
  largestSize,
  nearestValidSizes,
  roundUpToValidSize,
  type ScenarioSpec,
  type Schedule as ScheduleSpec,
  type ServicesSpec,
  STORAGE_LIMITS_GIB,
  validVcpus,
  type WorkloadSpec,
} from "@/lib/pricing";
import { groupDigits, MIB_PER_GIB } from "@/lib/core";

/**
 * The scenario: the public contract shared by the CLI, the share URL, the API and the editor's store.
 * Field names and meanings are fixed for version 1; optional fields get the defaults below.
 * Version 2 adds, all optional: per workload `publicIp` and `logs`; per scenario `services` (load balancers,
 * NAT gateways, data transfer, EFS file systems, EKS clusters, ECR storage). A version 1 document cannot carry
 * them, and prices exactly as before.
 */
export const SCENARIO_VERSION = 1 as const;
/** The newest contract version: what the editor writes once a version 2 field is used. */
export const LATEST_SCENARIO_VERSION = 2 as const;

/** Ephemeral storage limits (free, ECS max, EKS max) and the EKS pod overhead: the engine's billing rules (lib/pricing/input.ts). */
export { EKS_OVERHEAD_MIB, STORAGE_LIMITS_GIB };

const finite = (what: string) => z.number({ error: (iss) => (iss.input === undefined ? `${what} is required` : `${what} must be a number`) }).finite();

/** A non-negative amount of GiB (up to 1 billion: an exabyte a month is not a container service). */
const gib = (what: string) => finite(what).min(0, `${what} cannot be negative`).max(1_000_000_000, `${what} is at most 1,000,000,000 GiB`);
const count = (what: string, max: number) =>
  finite(what)
    .int(`${what} must be a whole number`)
    .min(0, `${what} cannot be negative`)
    .max(max, `${what} is at most ${groupDigits(max)}`);
/** Objects of the v2 contract refuse unknown fields: a typo must not silently price nothing. */
const unknownFields = (allowed: string, what: string) => ({
  error: (iss: { code?: string; keys?: string[] }) =>
    iss.code === "unrecognized_keys" ? `unknown field ${(iss.keys ?? []).map((k) => `"${k}"`).join(", ")} (allowed: ${allowed})` : `${what} must be an object`,
});

export const Schedule = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("always-on") }),
    z.object({
      type: z.literal("duty-cycle"),
      /** Share of the 730-hour month the tasks run. */
      percent: finite("Duty cycle").min(0, "Duty cycle cannot be negative").max(100, "Duty cycle is at most 100%"),
    }),
    z.object({
      type: z.literal("batch"),
      /** Each run starts `tasks` tasks, each billed separately (rounded up to the second, with the minimum). */
      runsPerMonth: finite("Runs per month").int("Runs per month must be a whole number").min(0, "Runs per month cannot be negative"),
      secondsPerRun: finite("Seconds per run")
        .positive("Seconds per run must be more than 0")
        .max(2_678_400, "A run longer than a 31-day month is not a batch run"),
    }),
  ],
  { error: 'Schedule type must be "always-on", "duty-cycle" or "batch"' },
) satisfies z.ZodType<ScheduleSpec>;
export type Schedule = z.infer<typeof Schedule>;

export const Platform = z.enum(["ecs", "eks"], { error: 'Platform must be "ecs" or "eks"' });
export const OperatingSystem = z.enum(["linux", "windows"], { error: 'Operating system must be "linux" or "windows"' });
export const Architecture = z.enum(["x86_64", "arm64"], { error: 'CPU architecture must be "x86_64" or "arm64"' });
export const SavingsPlan = z.enum(["none", ...SAVINGS_PLAN_TERMS], {
  error: `Savings Plan must be one of: none, ${SAVINGS_PLAN_TERMS.join(", ")}`,
});
export type SavingsPlan = z.infer<typeof SavingsPlan>;

/** One entry of an ECS capacity provider strategy on Fargate (ECS limits: base 0..100,000, weight 0..1,000). */
const CapacityProvider = z.strictObject(
  {
    provider: z.enum(["FARGATE", "FARGATE_SPOT"], { error: 'Capacity provider must be "FARGATE" or "FARGATE_SPOT"' }),
    base: count("Capacity provider base", 100_000).default(0),
    weight: count("Capacity provider weight", 1_000).default(0),
  },
  unknownFields("provider, base, weight", "A capacity provider"),
) satisfies z.ZodType<CapacityProviderSpec>;

/** The longest workload note (./schema.ts `note`). */
export const NOTE_MAX = 2000;

const WorkloadShape = z.object({
  name: z.string({ error: "Name must be text" }).trim().min(1, "Name is required").max(120, "Name is at most 120 characters"),
  platform: Platform.default("ecs"),
  os: OperatingSystem.default("linux"),
  arch: Architecture.default("x86_64"),
  /** ECS: the task size; EKS: the pod's requests before Fargate's rounding. */
  vcpu: finite("vCPU").positive("vCPU must be more than 0"),
  memoryGiB: finite("Memory").positive("Memory must be more than 0"),
  storageGiB: finite("Ephemeral storage").int("Ephemeral storage is a whole number of GiB").default(STORAGE_LIMITS_GIB.free),
  /** Tasks (or pods) running at once. */
  tasks: finite("Tasks").int("Tasks must be a whole number").min(0, "Tasks cannot be negative").max(100_000, "Tasks is at most 100,000").default(1),
  schedule: Schedule.default({ type: "always-on" }),
  /** Share of task-hours on Fargate Spot, 0..100. */
  spotPercent: finite("Spot share").min(0, "Spot share cannot be negative").max(100, "Spot share is at most 100%").default(0),
  savingsPlan: SavingsPlan.default("none"),
  /**
   * ECS capacity provider strategy instead of spotPercent: [{ provider: "FARGATE" | "FARGATE_SPOT", base, weight }].
   * The task split follows ECS's rule (base first, then by weight) and sets the Spot share (lib/pricing capacitySplit).
   */
  capacityProviders: z
    .array(CapacityProvider, { error: "capacityProviders must be a list" })
    .min(1, "capacityProviders needs at least one provider")
    .max(2)
    .optional(),
  /**
   * Free text about the workload (how it was sized, what was assumed), shown beside it in the editor. Never priced;
   * absent in scenarios made by hand.
   */
  note: z
    .string({ error: "note must be text" })
    .max(NOTE_MAX, `note is at most ${groupDigits(NOTE_MAX)} characters`)
    .optional(),
  /** v2: each running task holds one public IPv4 address (awsvpc ENI), billed per address-hour. Absent = false. */
  publicIp: z.boolean({ error: "publicIp must be true or false" }).optional(),
  /** v2: CloudWatch Logs (Standard class) for this workload. */
  logs: z
    .strictObject(
      {
        ingestedGiBPerMonth: gib("Logs ingested per month").default(0),
        storedGiB: gib("Logs stored").default(0),
      },
      {
        error: (iss) =>
          iss.code === "unrecognized_keys"
            ? `unknown field ${iss.keys.map((k) => `"${k}"`).join(", ")} (use ingestedGiBPerMonth, storedGiB)`
            : 'logs must be an object such as { "ingestedGiBPerMonth": 50, "storedGiB": 100 }',
      },
    )
    .optional(),
});

type WorkloadShape = z.infer<typeof WorkloadShape>;

/** The combination rules of Fargate, each naming the rule it enforces. Exported for the editor's hints. */
export function workloadRuleIssues(w: WorkloadShape): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const add = (path: string, message: string) => issues.push({ path: [path], message });

  if (w.os === "windows") {
    if (w.platform === "eks") add("os", "EKS on Fargate runs Linux pods only: choose ECS for Windows containers");
    if (w.arch === "arm64") add("arch", "Windows containers on Fargate run on x86_64 only");
    if (w.spotPercent > 0) add("spotPercent", "Fargate Spot does not support Windows containers: set Spot share to 0");
    if (w.vcpu < 1) add("vcpu", "Windows containers on Fargate need at least 1 vCPU (1, 2 or 4 vCPU)");
    if (w.storageGiB > STORAGE_LIMITS_GIB.free)
      add("storageGiB", `Windows containers on Fargate cannot configure ephemeral storage beyond the ${STORAGE_LIMITS_GIB.free} GiB included`);
  }
  if (w.platform === "eks") {
    if (w.arch === "arm64") add("arch", "EKS on Fargate does not run arm64 (Graviton) pods: choose x86_64 or ECS");
    if (w.spotPercent > 0) add("spotPercent", "EKS on Fargate has no Spot capacity: set Spot share to 0 or choose ECS");
  }
  if (w.capacityProviders) {
    for (const issue of capacityProviderIssues(w.capacityProviders)) issues.push({ path: ["capacityProviders", ...issue.path], message: issue.message });
    // A parsed scenario carries the derived share beside its strategy: parsing it again must not refuse it.
    if (w.spotPercent > 0 && w.spotPercent !== capacitySplit(w.tasks, w.capacityProviders).spotPercent)
      add("spotPercent", "Give either spotPercent or capacityProviders: the strategy sets the Spot share");
    if (w.capacityProviders.some((p) => p.provider === "FARGATE_SPOT") && (w.os === "windows" || w.platform === "eks"))
      add("capacityProviders", `FARGATE_SPOT does not run ${w.platform === "eks" ? "EKS pods" : "Windows containers"}: use FARGATE only`);
  }
  const maxStorage = STORAGE_LIMITS_GIB[w.platform];
  if (w.storageGiB < STORAGE_LIMITS_GIB.free) add("storageGiB", `Ephemeral storage is at least ${STORAGE_LIMITS_GIB.free} GiB (included free with every task)`);
  if (w.storageGiB > maxStorage) add("storageGiB", `Ephemeral storage on ${w.platform.toUpperCase()} Fargate is at most ${maxStorage} GiB`);

  // Size rules only judge sizes that passed the field checks (zod reports those; one message per mistake).
  if (!(w.vcpu > 0 && w.memoryGiB > 0)) return issues;
  const os = w.os;
  const largest = largestSize(os);
  if (w.platform === "ecs") {
    if (!(w.os === "windows" && w.vcpu < 1) && !isValidSize({ vcpu: w.vcpu, memoryGiB: w.memoryGiB }, os)) {
      const request = { vcpu: w.vcpu, memoryGiB: w.memoryGiB };
      if (w.vcpu > largest.vcpu || w.memoryGiB > largest.memoryGiB) {
        add(
          w.vcpu > largest.vcpu ? "vcpu" : "memoryGiB",
          `${formatSize(request)} is above the largest Fargate ${os === "windows" ? "Windows " : ""}size (${formatSize(largest)})`,
        );
      } else {
        const nearest = nearestValidSizes(request, os).map(formatSize).join(", ");
        const field = validVcpus(os).includes(w.vcpu) ? "memoryGiB" : "vcpu";
        add(field, `${formatSize(request)} is not a valid Fargate task size; nearest valid: ${nearest}`);
      }
    }
  } else if (w.os === "linux") {
    const billed = roundUpToValidSize({ vcpu: w.vcpu, memoryGiB: w.memoryGiB + EKS_OVERHEAD_MIB / MIB_PER_GIB }, "linux");
    if (!billed)
      add(
        w.vcpu > largest.vcpu ? "vcpu" : "memoryGiB",
        `A pod requesting ${formatSize({ vcpu: w.vcpu, memoryGiB: w.memoryGiB })} (+${EKS_OVERHEAD_MIB} MiB) is above the largest Fargate size (${formatSize(largest)})`,
      );
  }
  return issues;
}

export const Workload = WorkloadShape.superRefine((w, ctx) => {
  for (const issue of workloadRuleIssues(w)) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
})
  // A capacity provider strategy sets the Spot share the engine prices (tasks on FARGATE_SPOT / tasks).
  .transform((w) =>
    w.capacityProviders ? { ...w, spotPercent: capacitySplit(w.tasks, w.capacityProviders).spotPercent } : w,
  ) satisfies z.ZodType<WorkloadSpec>;
export type Workload = z.infer<typeof Workload>;
export type WorkloadInput = z.input<typeof Workload>;

/**
 * How the equivalent ECS-on-EC2 cluster is built and bought. Optional in the scenario; every field has a default.
 * Defaults follow docs/pricing-rules.md#what-an-instance-offers.
 */
export const Ec2Settings = z.object({
  /** awsvpc caps tasks per instance by ENIs (trunking raises the cap); bridge/host has no ENI cap. */
  networking: z.enum(["awsvpc", "bridge"], { error: 'Networking must be "awsvpc" or "bridge"' }).default("awsvpc"),
  eniTrunking: z.boolean({ error: "ENI trunking must be true or false" }).default(false),
  /** Share of each instance's CPU and memory kept free. */
  headroomPercent: finite("Headroom").min(0, "Headroom cannot be negative").max(90, "Headroom is at most 90%").default(5),
  /** ECS_RESERVED_MEMORY: MiB per instance kept for the OS and agents. */
  reservedMemoryMiB: finite("Reserved memory")
    .int("Reserved memory is a whole number of MiB")
    .min(0, "Reserved memory cannot be negative")
    .max(65_536, "Reserved memory is at most 65,536 MiB")
    .default(256),
  /** Share of nominal memory the ECS agent does not register (an 8 GiB m4.large registers about 7,985 MiB: 2.5%). */
  unregisteredMemoryPercent: finite("Unregistered memory")
    .min(0, "Unregistered memory cannot be negative")
    .max(50, "Unregistered memory is at most 50%")
    .default(2.5),
  /** Batch and duty-cycle work: the cluster stays up all month, or scales with the tasks (hour granularity). */
  scaling: z.enum(["always-on", "scale-with-tasks"], { error: 'Cluster scaling must be "always-on" or "scale-with-tasks"' }).default("always-on"),
  /** Share of instance-hours on EC2 Spot. */
  spotPercent: finite("EC2 Spot share").min(0, "EC2 Spot share cannot be negative").max(100, "EC2 Spot share is at most 100%").default(0),
  /** Commitment on the non-Spot part: Compute Savings Plans / Reserved Instances, as discount estimates. */
  commitment: z.enum(["none", "1yr", "3yr"], { error: 'Commitment must be "none", "1yr" or "3yr"' }).default("none"),
  /** gp3 root volume per instance. */
  ebsRootGiB: finite("EBS root volume")
    .int("EBS root volume is a whole number of GiB")
    .min(1, "EBS root volume is at least 1 GiB")
    .max(16_384, "EBS root volume is at most 16,384 GiB")
    .default(30),
  /** Restrict the search to these instance types (empty: every current-generation candidate). */
  instanceTypes: z.array(z.string().max(40)).max(200).default([]),
}) satisfies z.ZodType<Ec2SettingsSpec>;
export type Ec2Settings = z.infer<typeof Ec2Settings>;

const LoadBalancer = z.strictObject(
  {
    name: z
      .string({ error: "Load balancer name must be text" })
      .trim()
      .min(1, "Load balancer name is required")
      .max(120, "Load balancer name is at most 120 characters"),
    type: z.enum(["application", "network"], { error: 'Load balancer type must be "application" or "network"' }),
    /** Average LCUs (application) or NLCUs (network) per hour. */
    capacityUnits: finite("Capacity units").min(0, "Capacity units cannot be negative").max(100_000, "Capacity units is at most 100,000").default(1),
    /** An internet-facing load balancer holds one public IPv4 address per AZ it serves. */
    internetFacing: z.boolean({ error: "internetFacing must be true or false" }).default(true),
    azs: finite("AZs")
      .int("AZs must be a whole number")
      .min(1, "A load balancer serves at least 1 AZ")
      .max(6, "A load balancer serves at most 6 AZs (the most a region has)")
      .default(2),
  },
  unknownFields("name, type, capacityUnits, internetFacing, azs", "A load balancer"),
);
export type LoadBalancer = z.infer<typeof LoadBalancer>;

export const EFS_STORAGE_CLASSES = ["standard", "standard-ia", "archive", "one-zone", "one-zone-ia"] as const;
const FileSystem = z.strictObject(
  {
    name: z
      .string({ error: "File system name must be text" })
      .trim()
      .min(1, "File system name is required")
      .max(120, "File system name is at most 120 characters"),
    storageClass: z.enum(EFS_STORAGE_CLASSES, { error: `Storage class must be one of: ${EFS_STORAGE_CLASSES.join(", ")}` }).default("standard"),
    storedGiB: gib("Stored data"),
    /** Elastic Throughput: GiB read and written per month. */
    readGiBPerMonth: gib("Data read per month").default(0),
    writeGiBPerMonth: gib("Data written per month").default(0),
  },
  unknownFields("name, storageClass, storedGiB, readGiBPerMonth, writeGiBPerMonth", "A file system"),
);
export type FileSystem = z.infer<typeof FileSystem>;

/** v2: what the service pays beside its tasks. Every part optional; absent parts price nothing. */
export const Services = z.strictObject(
  {
    loadBalancers: z.array(LoadBalancer, { error: "loadBalancers must be a list" }).max(100, "At most 100 load balancers").optional(),
    natGateways: z
      .strictObject(
        { count: count("NAT gateways", 1_000).default(0), processedGiBPerMonth: gib("NAT data processed per month").default(0) },
        unknownFields("count, processedGiBPerMonth", "natGateways"),
      )
      .optional(),
    dataTransfer: z
      .strictObject(
        { internetOutGiBPerMonth: gib("Internet egress per month").default(0), interAzGiBPerMonth: gib("Inter-AZ transfer per month").default(0) },
        unknownFields("internetOutGiBPerMonth, interAzGiBPerMonth", "dataTransfer"),
      )
      .optional(),
    fileSystems: z.array(FileSystem, { error: "fileSystems must be a list" }).max(100, "At most 100 file systems").optional(),
    eksClusters: z
      .strictObject(
        { count: count("EKS clusters", 1_000).default(0), extendedSupport: z.boolean({ error: "extendedSupport must be true or false" }).default(false) },
        unknownFields("count, extendedSupport", "eksClusters"),
      )
      .optional(),
    containerRegistry: z.strictObject({ storedGiB: gib("ECR storage").default(0) }, unknownFields("storedGiB", "containerRegistry")).optional(),
  },
  unknownFields("loadBalancers, natGateways, dataTransfer, fileSystems, eksClusters, containerRegistry", "services"),
) satisfies z.ZodType<ServicesSpec>;
export type Services = z.infer<typeof Services>;
export type ServicesInput = z.input<typeof Services>;

/** True when a scenario uses a version 2 field (and so needs the extras prices). */
export function usesVersion2Fields(s: { services?: unknown; workloads: readonly { publicIp?: unknown; logs?: unknown }[] }): boolean {
  return s.services !== undefined || s.workloads.some((w) => w.publicIp !== undefined || w.logs !== undefined);
}

/** The scenario's fields without the cross-field rules (for the editor, which checks part by part). */
export const ScenarioShape = z.object({
  version: z.literal([SCENARIO_VERSION, LATEST_SCENARIO_VERSION], { error: "version must be 1 or 2" }).default(SCENARIO_VERSION),
  name: z
    .string({ error: "Scenario name must be text" })
    .trim()
    .min(1, "Scenario name is required")
    .max(120, "Scenario name is at most 120 characters")
    .default("My scenario"),
  region: z.string({ error: "Region is required" }).min(1, "Region is required").default("us-east-1"),
  workloads: z.array(Workload, { error: "workloads must be a list" }).max(20_000, "At most 20,000 workloads"),
  ec2: Ec2Settings.default(Ec2Settings.parse({})),
  services: Services.optional(),
});

export const Scenario = ScenarioShape.superRefine((s, ctx) => {
  if (s.version !== SCENARIO_VERSION) return;
  const needs = (path: (string | number)[], what: string) =>
    ctx.addIssue({ code: "custom", path, message: `${what} is a version 2 field: set "version": 2 to use it` });
  if (s.services !== undefined) needs(["services"], "services");
  s.workloads.forEach((w, i) => {
    if (w.publicIp !== undefined) needs(["workloads", i, "publicIp"], "publicIp");
    if (w.logs !== undefined) needs(["workloads", i, "logs"], "logs");
  });
}) satisfies z.ZodType<ScenarioSpec>;
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;

import "./zod";
import { z } from "zod";

/** A decimal USD amount kept as a string, exactly as published ("0.04048"). */
export const DecimalString = z.string().regex(/^\d+(\.\d+)?$/, "must be a non-negative decimal string");

/** Where a number came from: shown to users beside every estimate. */
export const Provenance = z.object({
  source: z.string().min(1),
  /** ISO date (YYYY-MM-DD) the numbers were published or read. */
  publishedAt: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
  url: z.string().optional(),
  /** True when the number is derived (a ratio or a discount applied), not read from AWS for this region. */
  estimate: z.boolean(),
  note: z.string().optional(),
});
export type Provenance = z.infer<typeof Provenance>;

export const Rate = z.object({
  usd: DecimalString,
  /** AWS Price List SKU of the rate, where the data has one. */
  sku: z.string().optional(),
});
export type Rate = z.infer<typeof Rate>;

const ComputeRates = z.object({ vcpuHour: Rate, gbHour: Rate });
export type ComputeRates = z.infer<typeof ComputeRates>;

const WindowsRates = ComputeRates.extend({ osLicenseVcpuHour: Rate });

/** Rates derived for one region with the provenance key that explains how. */
const DerivedRates = z.object({ vcpuHour: Rate, gbHour: Rate, provenance: z.string() });
export type DerivedRates = z.infer<typeof DerivedRates>;

export const SAVINGS_PLAN_TERMS = ["1yr-no-upfront", "1yr-all-upfront", "3yr-no-upfront", "3yr-all-upfront"] as const;
export type SavingsPlanTerm = (typeof SAVINGS_PLAN_TERMS)[number];

const ArchDerived = z.object({ x86_64: DerivedRates, arm64: DerivedRates });

export const FargateRegion = z.object({
  name: z.string(),
  partition: z.string(),
  /** Continent or area, for grouping regions in pickers. */
  group: z.string(),
  linux: z.object({ x86_64: ComputeRates, arm64: ComputeRates }),
  /** Absent where AWS does not offer Windows on Fargate. */
  windows: WindowsRates.optional(),
  ephemeralStorageGbHour: Rate,
  /** Absent where our data has no Fargate Spot price. */
  spot: ArchDerived.optional(),
  /** Compute Savings Plans rates per term (Linux vCPU and memory; Windows uses the x86 discount). */
  savingsPlans: z.record(z.enum(SAVINGS_PLAN_TERMS), ArchDerived.extend({ windows: DerivedRates.optional() })),
});
export type FargateRegion = z.infer<typeof FargateRegion>;

export const FargateCatalog = z.object({
  schemaVersion: z.literal(1),
  generatedFrom: z.string(),
  /** Minimum billed seconds per task run (pricing page: 1 minute Linux, 5 minutes Windows). */
  minimumBillableSeconds: z.object({ linux: z.number().int().positive(), windows: z.number().int().positive() }),
  ephemeralStorage: z.object({
    freeGiB: z.number().int().positive(),
    maxGiB: z.object({ ecs: z.number().int().positive(), eks: z.number().int().positive() }),
  }),
  /** MiB Fargate adds to an EKS pod's request for Kubernetes components before rounding. */
  eksOverheadMiB: z.number().int().nonnegative(),
  provenance: z.record(z.string(), Provenance),
  regions: z.record(z.string(), FargateRegion),
});
export type FargateCatalog = z.infer<typeof FargateCatalog>;

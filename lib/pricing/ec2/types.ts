import type { Decimal } from "@/lib/core";
import type { LineItem, PriceSourceSummary } from "../types";

/** Instances of one type in a fleet. */
export interface Ec2InstanceCount {
  type: string;
  /** Instances of this type (summed over the groups that use it; groups that scale with tasks run fewer hours). */
  count: number;
  /**
   * Effective USD per instance-hour under the scenario's purchase options: the Spot share at the Spot estimate and
   * the rest on-demand or at the commitment discount (the instance line items divided by the instance-hours).
   */
  hourlyPrice: string;
  /** On-demand Linux list price per instance-hour, as in the catalog. */
  onDemandHourlyPrice: string;
  /** Instance-hours in the month (count x hours each group runs). */
  instanceHours: number;
  /** ECS Managed Instances only: the management fee per instance-hour (on top of hourlyPrice) and its Price List SKU. */
  feeHourlyPrice?: string;
  feeSku?: string;
}

/** Share of the fleet's nominal vCPU and memory the tasks use, weighted by hours (0..100, two decimals). */
export interface Ec2Utilization {
  cpuPercent: number;
  memoryPercent: number;
}

/** One way to run the tasks: the chosen fleet, or an alternative. */
export interface Ec2Fleet {
  /** Exact (serialises to a full-precision decimal string); round only to display. */
  monthlyCost: Decimal;
  instances: Ec2InstanceCount[];
  utilization: Ec2Utilization;
}

export interface Ec2BreakEvenPoint {
  dutyCyclePercent: number;
  fargateMonthlyCost: Decimal;
  ec2MonthlyCost: Decimal;
}

export interface Ec2BreakEven {
  /** Duty cycle above which EC2 is cheaper than Fargate (the whole scenario at that duty cycle); null if never. */
  dutyCyclePercent: number | null;
  /** Packing density (share of the chosen fleet's vCPU and GiB in use) at which the fleet costs what Fargate would; null if above 100%. */
  packingDensityPercent: number | null;
  /** Duty cycle 0..100 in steps of 5. */
  series: Ec2BreakEvenPoint[];
}

export interface Ec2Estimate {
  available: boolean;
  /** Exact monthly cost of the chosen fleet (instances + EBS); null when not available. */
  monthlyCost: Decimal | null;
  instances: Ec2InstanceCount[];
  utilization: Ec2Utilization;
  /** The next cheapest fleets of one instance type (per architecture), cheapest first. */
  alternatives: Ec2Fleet[];
  lineItems: LineItem[];
  breakEven: Ec2BreakEven;
  /**
   * The Fargate monthly cost of the workloads this EC2 estimate covers (Windows workloads are left out):
   * compare monthlyCost with this, not with the scenario total.
   */
  comparedFargateMonthlyCost: Decimal;
  /** Every price source a line item refers to (keys into the EC2 catalog's provenance). */
  sources: PriceSourceSummary[];
  warnings: string[];
}

/**
 * The ECS Managed Instances management fee table of the scenario's region. With it, estimateEc2 prices ECS Managed
 * Instances instead of self-managed EC2: the same packing and purchase options, only types with a fee, plus the fee.
 */
export interface ManagementFees {
  /** type -> [USD per instance-hour as published, Price List SKU]; undefined: no fee in our data for the region. */
  fees: Readonly<Record<string, readonly [string, string]>> | undefined;
  /** The fee table's price source (key and provenance), listed with the estimate's sources. */
  source: PriceSourceSummary;
  /** Why there is no fee table at all (not loaded): said instead of "no fee for this region". */
  missing?: string;
}

export interface Ec2Options {
  /** Price ECS Managed Instances: the fee table of the region (see ManagementFees). */
  managementFees?: ManagementFees;
  /** How many alternatives to list (default 4). */
  alternatives?: number;
  /** Also try mixed fleets: re-pack the last instances on a cheaper type, split tasks by shape (default true). */
  mixedFleets?: boolean;
}

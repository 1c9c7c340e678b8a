import type { BillFormat } from "./columns";
import type { BillPeriod } from "./period";
import type { SavingsPlanReport } from "./savings-plan";
import type { BillRightsizing } from "./split-rightsizing";
import type { GroupProfile } from "./usage-profile";

/** Exact decimal amounts travel as strings (full precision, no exponent), like the estimate's JSON. */
export type DecimalString = string;

export interface UsageLine {
  region: string;
  platform: "ecs" | "eks";
  /** Without the region prefix: "Fargate-GB-Hours". */
  usageType: string;
  quantity: DecimalString;
  unit: string;
  /** On-demand equivalent (CUR: pricing public on-demand cost; FOCUS: ListCost). */
  listCost: DecimalString;
  /**
   * What was paid, amortised: unblended cost of Usage rows + Savings Plan effective cost of covered rows (FOCUS:
   * EffectiveCost, or BilledCost when the file's EffectiveCost disagrees with BilledCost on on-demand rows).
   */
  effectiveCost: DecimalString;
  /** Cash billed for this usage (CUR: unblended cost, covered rows netted by their SavingsPlanNegation rows; FOCUS: BilledCost). */
  billedCost?: DecimalString;
}

export interface GroupUsage {
  usageType: string;
  quantity: DecimalString;
  unit: string;
  listCost: DecimalString;
  effectiveCost: DecimalString;
}

export interface GroupLine {
  region: string;
  platform: "ecs" | "eks";
  /** From the task ARN (arn:aws:ecs:region:account:task/CLUSTER/id); "(unknown)" without resource IDs. */
  cluster: string;
  /** From the aws:ecs:serviceName tag; "(untagged)" without it. */
  service: string;
  os: "linux" | "windows";
  arch: "x86_64" | "arm64";
  usage: GroupUsage[];
  listCost: DecimalString;
  effectiveCost: DecimalString;
  /** Largest per-row rate seen (quantity / row hours) for one resource ID: a task's size; null without resource IDs. */
  peak: { vcpu: DecimalString | null; memoryGB: DecimalString | null; storageGB: DecimalString | null };
  /** Distinct resource IDs (tasks or pods), counted up to 100,000. */
  resources: number;
  rows: number;
  /** Hour-by-hour and task-by-task shape (./usage-profile.ts), for building a scenario; absent past the profiled groups. */
  profile?: GroupProfile;
}

export interface OutsideLine {
  product: string;
  /** CUR: the usage type without region prefix; FOCUS: the charge description (no usage-type column). */
  usageType: string;
  region: string;
  quantity: DecimalString;
  unit: string;
  cost: DecimalString;
}

/** A charge beside the Fargate meter, on one line per product, usage type, region and unit (lib/billing/attribution.ts). */
export type BesideLine = OutsideLine;

/** A charge beside the meter that the bill itself ties to a Fargate cluster or service found in it. */
export interface LinkedLine extends BesideLine {
  platform: "ecs" | "eks";
  /** The Fargate cluster the row is tied to. */
  cluster: string;
  /** The Fargate service, when the row's tags name one that ran on Fargate; null when only the cluster links it. */
  service: string | null;
  /**
   * "resource id": the row's resource is a task or pod of that Fargate cluster (task ARN; an EKS cluster's own ARN);
   * "tags": its aws:ecs:clusterName / aws:ecs:serviceName (or eks:cluster-name) tags name a Fargate cluster/service of
   * the same region.
   */
  by: "resource id" | "tags";
}

/**
 * What is beside the Fargate meter, told apart truthfully: charges the bill links to the Fargate services found,
 * charges of the account that nothing links to them (per region, never called Fargate's), and ECS/EKS-on-EC2 split
 * rows (containers on EC2 instances, not Fargate). linkedTotal + accountWideTotal + onEc2.total = totals.outsideFargate.
 */
export interface BesideFargate {
  linked: LinkedLine[];
  linkedTotal: DecimalString;
  accountWide: { region: string; lines: BesideLine[]; total: DecimalString }[];
  accountWideTotal: DecimalString;
  /** Split cost allocation rows of ECS/EKS tasks on EC2 (ECS-EC2-vCPU-Hours, EKS-EC2-GB-Hours, ...; usually $0). */
  onEc2: { lines: BesideLine[]; total: DecimalString };
}

export type AdjustmentKind = "tax" | "credit" | "refund" | "discount" | "fee" | "other";

export interface AdjustmentLine {
  kind: AdjustmentKind;
  product: string;
  cost: DecimalString;
  rows: number;
}

export interface Reconciliation {
  bill: {
    file: string;
    format: BillFormat;
    rows: number;
    fargateRows: number;
    /** ISO timestamps; null when the file has no dates. */
    periodStart: string | null;
    periodEnd: string | null;
    periodHours: DecimalString | null;
  };
  usage: UsageLine[];
  /** At most 200 groups, the largest by paid cost first. */
  groups: GroupLine[];
  /**
   * Present only when there were more groups than are listed: their count and sums (untracked: some groups were
   * first seen after 5,000 others and summed without being told apart, so `groups` counts only the listed-beyond ones).
   */
  groupsOther?: { groups: number; untracked: boolean; rows: number; listCost: DecimalString; effectiveCost: DecimalString };
  /**
   * Every charge beside the Fargate meter (NAT, public IPv4, load balancers, logs, data transfer, EFS, ECR, EKS
   * cluster hours, ECS/EKS-on-EC2 split rows), linked or not: kept for old consumers; `beside` tells them apart.
   */
  outsideFargate: OutsideLine[];
  /** The same rows as outsideFargate, split into linked to the Fargate services found / account-wide / on EC2. */
  beside?: BesideFargate;
  adjustments: AdjustmentLine[];
  /**
   * Right-sizing from split cost allocation data (./split-rightsizing.ts): present only when the header has the split
   * columns (absentRightsizing() says what to do when it does not). The CLI shows it with --rightsizing.
   */
  rightsizing?: BillRightsizing;
  totals: {
    listCost: DecimalString;
    effectiveCost: DecimalString;
    /** Cash billed for Fargate usage (the second view; usage under a Savings Plan is 0 here, the plan's fee is under fees). */
    billedCost?: DecimalString;
    outsideFargate: DecimalString;
    adjustments: DecimalString;
    /** Every other charge on the bill (services a Fargate task does not cause), so nothing is dropped silently. */
    other: DecimalString;
  };
  notes: string[];
  /** The hours the export covers (month to date or whole period, granularity); always set by BillAccumulator.finish(). */
  period?: BillPeriod;
  /** Which of the file's columns each figure was read from; always set by BillAccumulator.finish(). */
  columnsUsed?: ColumnsUsed;
  /** Present when the bill has a Savings Plan fee or covered usage (any service): what the plan cost and what of it usage used. */
  savingsPlanFees?: SavingsPlanSummary;
  /** Present only when asked for (reconcile --savings-plan, the bill panel): Savings Plan coverage and sizing from the bill's hours. */
  savingsPlan?: SavingsPlanReport;
}

/** Column names as the file spells them, per figure; several when rows were read from different columns. */
export interface ColumnsUsed {
  /** Where each Fargate row's usage type came from, in the order tried (SkuMeter, x_UsageType, SkuId, ChargeDescription). */
  usageType: string[];
  quantity: string[];
  listCost: string[];
  /** The amortised "paid" figure. */
  paid: string[];
  /** The cash "billed" figure. */
  billed: string[];
  usageHours: string[];
  billingPeriod: string[];
  invoice: string[];
}

export interface SavingsPlanSummary {
  /** The plan's recurring fee rows (CUR SavingsPlanRecurringFee, FOCUS Purchase rows of a Savings Plan): cash, listed under fees (upfront fees are not counted here). */
  fee: DecimalString;
  /** Effective cost of all usage the plan covered (every service): already inside the paid cost of that usage. */
  usedByUsage: DecimalString;
  /** fee - usedByUsage: the commitment no usage used; null when negative (a plan paid partly upfront: its fee rows are not all of it). */
  unused: DecimalString | null;
}

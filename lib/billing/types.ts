import type { BillFormat } from "./columns";
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
  /** What was paid: unblended cost of Usage rows + Savings Plan effective cost of covered rows (FOCUS: BilledCost). */
  effectiveCost: DecimalString;
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
  outsideFargate: OutsideLine[];
  adjustments: AdjustmentLine[];
  totals: {
    listCost: DecimalString;
    effectiveCost: DecimalString;
    outsideFargate: DecimalString;
    adjustments: DecimalString;
    /** Every other charge on the bill (services a Fargate task does not cause), so nothing is dropped silently. */
    other: DecimalString;
  };
  notes: string[];
}

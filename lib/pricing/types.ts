import type { TaskSize } from "./sizes";

/** What a line item prices, for charts that break costs down. */
export type Component = "vcpu" | "memory" | "os-license" | "storage" | "instances" | "ebs";
/** How it is bought. */
export type Purchase = "on-demand" | "spot" | "savings-plan";

/**
 * One billed quantity at one rate. Decimal strings at full precision: round only to display or export.
 * monthlyCost = quantity x unitPrice (exact up to 20 decimals for per-second quantities).
 */
export interface LineItem {
  name: string;
  unit: string;
  quantity: string;
  unitPrice: string;
  monthlyCost: string;
  component: Component;
  purchase: Purchase;
  /** Key into estimate.catalog.sources: where unitPrice comes from. */
  priceSource: string;
}

export interface WorkloadEstimate {
  name: string;
  platform: "ecs" | "eks";
  os: "linux" | "windows";
  arch: "x86_64" | "arm64";
  requestedSize: TaskSize;
  /** The size AWS bills: the request for ECS, the rounded-up pod size for EKS. */
  billedSize: TaskSize;
  tasks: number;
  /** Task-hours in the month (all tasks, on-demand and Spot together). */
  taskHours: string;
  lineItems: LineItem[];
  monthlyCost: string;
  warnings: string[];
}

export interface PriceSourceSummary {
  key: string;
  source: string;
  publishedAt: string;
  estimate: boolean;
  url?: string;
  note?: string;
}

export interface FargateEstimate {
  scenario: { name: string; region: string };
  catalog: {
    source: string;
    publishedAt: string;
    region: string;
    regionName: string;
    /** Every price source a line item refers to. */
    sources: PriceSourceSummary[];
  };
  workloads: WorkloadEstimate[];
  totals: { monthlyCost: string };
  warnings: string[];
}

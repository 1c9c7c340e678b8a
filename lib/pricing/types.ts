import type { Decimal } from "@/lib/core";
import type { TaskSize } from "./sizes";

/** What a line item prices, for charts that break costs down. */
export type Component =
  | "vcpu"
  | "memory"
  | "os-license"
  | "storage"
  | "instances"
  | "ebs"
  // ECS Managed Instances: the per-instance-hour management fee on top of the instance
  | "management-fee"
  // v2: beside the compute meter
  | "public-ipv4"
  | "logs"
  | "load-balancer"
  | "nat-gateway"
  | "data-transfer"
  | "efs"
  | "eks-cluster"
  | "ecr";
/** How it is bought. */
export type Purchase = "on-demand" | "spot" | "savings-plan";

/**
 * One billed quantity at one rate, in exact decimals (serialised to JSON as full-precision decimal strings);
 * round only to display or export. monthlyCost = quantity x unitPrice (batch hours are kept to 20 decimals).
 */
export interface LineItem {
  name: string;
  unit: string;
  quantity: Decimal;
  /** The rate as published ("0.04048"). */
  unitPrice: string;
  monthlyCost: Decimal;
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
  taskHours: Decimal;
  /** Compute line items, then (v2) the workload's public IPv4 and logs lines. */
  lineItems: LineItem[];
  /** The sum of every line item: compute plus the workload's public IPv4 and logs. */
  monthlyCost: Decimal;
  /** The Fargate compute part (vCPU, memory, OS license, ephemeral storage): what the EC2 cluster replaces. */
  computeMonthlyCost: Decimal;
  warnings: string[];
}

/** Scenario-level items beside the tasks (v2 `services`): load balancers, NAT, data transfer, EFS, EKS, ECR. */
export interface ServicesEstimate {
  lineItems: LineItem[];
  monthlyCost: Decimal;
  /** What is priced differently from a naive reading, or not at all (EKS cluster fee, egress free allowance). */
  notes: string[];
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
  services: ServicesEstimate;
  /**
   * computeMonthlyCost: the workloads' Fargate compute; servicesMonthlyCost: everything else (the workloads'
   * public IPv4 and logs, and the scenario's services); monthlyCost: the whole bill, their sum.
   */
  totals: { computeMonthlyCost: Decimal; servicesMonthlyCost: Decimal; monthlyCost: Decimal };
  warnings: string[];
}

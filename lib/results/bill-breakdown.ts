import { sum } from "@/lib/core";
import type { Component, FargateEstimate } from "@/lib/pricing";
import { chartNumber } from "./chart-data";

/** One slice of the whole-bill chart: compute, then each kind of cost beside it (USD a month, cents). */
export interface BillSlice {
  label: string;
  value: number;
}

const SLICES: { label: string; components: readonly Component[] }[] = [
  { label: "Compute", components: ["vcpu", "memory", "os-license", "storage"] },
  { label: "Public IPv4", components: ["public-ipv4"] },
  { label: "Load balancers", components: ["load-balancer"] },
  { label: "NAT gateways", components: ["nat-gateway"] },
  { label: "CloudWatch Logs", components: ["logs"] },
  { label: "Data transfer", components: ["data-transfer"] },
  { label: "EFS", components: ["efs"] },
  { label: "EKS clusters", components: ["eks-cluster"] },
  { label: "ECR", components: ["ecr"] },
];

/** The Fargate whole bill by kind: compute vs the rest (slices with a cost only; compute always). */
export function billBreakdown(estimate: FargateEstimate): BillSlice[] {
  const items = [...estimate.workloads.flatMap((w) => w.lineItems), ...estimate.services.lineItems];
  return SLICES.map((s) => ({
    label: s.label,
    value: chartNumber(sum(items.filter((li) => s.components.includes(li.component)).map((li) => li.monthlyCost))),
  })).filter((s, i) => i === 0 || s.value > 0);
}

import { formatQuantity } from "@/lib/core";
import { formatSize, type WorkloadEstimate } from "@/lib/pricing";
import type { Schedule, Workload } from "@/lib/scenario";

/** Why a workload's cost changed, in words a pull-request reader understands at a glance ("vCPU 1 → 2"). */

// One formatter: Number#toLocaleString builds a new one per call, which is most of the time of a 10,000-workload diff.
const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
export const count = (n: number) => (Number.isInteger(n) ? grouped.format(n) : formatQuantity(n));
const gib = (n: number) => `${formatQuantity(n)} GiB`;
const cap = (s: string) => (s === "ecs" || s === "eks" ? s.toUpperCase() : s === "linux" ? "Linux" : s === "windows" ? "Windows" : s);

export function scheduleText(s: Schedule): string {
  switch (s.type) {
    case "always-on":
      return "always-on";
    case "duty-cycle":
      return `duty cycle ${formatQuantity(s.percent)}%`;
    case "batch":
      return `batch ${count(s.runsPerMonth)} runs × ${count(s.secondsPerRun)} s`;
  }
}

const planText = (p: Workload["savingsPlan"]) => (p === "none" ? "none" : p.replace(/-/g, " "));

/** One line describing a workload on its own (for added and removed workloads). */
export function workloadSummary(w: Workload, est: WorkloadEstimate): string {
  const parts = [`${count(w.tasks)} × ${formatSize(est.billedSize)}`, scheduleText(w.schedule)];
  if (w.platform === "eks") parts.push("EKS");
  if (w.os === "windows") parts.push("Windows");
  if (w.arch === "arm64") parts.push("arm64");
  if (w.spotPercent > 0) parts.push(`Spot ${formatQuantity(w.spotPercent)}%`);
  if (w.savingsPlan !== "none") parts.push(`Savings Plan ${planText(w.savingsPlan)}`);
  return parts.join(", ");
}

/** Every input that differs between two versions of a workload, and the scenario's region when it moved. */
export function changeReasons(
  base: Workload,
  head: Workload,
  baseEst: WorkloadEstimate,
  headEst: WorkloadEstimate,
  regions: { base: string; head: string },
): string[] {
  const out: string[] = [];
  const arrow = (label: string, a: string, b: string) => {
    if (a !== b) out.push(`${label} ${a} → ${b}`);
  };
  if (regions.base !== regions.head) arrow("region", regions.base, regions.head);
  arrow("platform", cap(base.platform), cap(head.platform));
  arrow("OS", cap(base.os), cap(head.os));
  arrow("architecture", base.arch, head.arch);
  const eks = base.platform === "eks" || head.platform === "eks";
  arrow(eks ? "vCPU request" : "vCPU", formatQuantity(base.vcpu), formatQuantity(head.vcpu));
  arrow(eks ? "memory request" : "memory", gib(base.memoryGiB), gib(head.memoryGiB));
  if (eks) arrow("billed size", formatSize(baseEst.billedSize), formatSize(headEst.billedSize));
  arrow("ephemeral storage", gib(base.storageGiB), gib(head.storageGiB));
  arrow("tasks", count(base.tasks), count(head.tasks));
  arrow("schedule", scheduleText(base.schedule), scheduleText(head.schedule));
  arrow("Spot", `${formatQuantity(base.spotPercent)}%`, `${formatQuantity(head.spotPercent)}%`);
  arrow("Savings Plan", planText(base.savingsPlan), planText(head.savingsPlan));
  arrow("public IP", base.publicIp ? "yes" : "no", head.publicIp ? "yes" : "no");
  arrow("logs ingested", gib(base.logs?.ingestedGiBPerMonth ?? 0) + "/month", gib(head.logs?.ingestedGiBPerMonth ?? 0) + "/month");
  arrow("logs stored", gib(base.logs?.storedGiB ?? 0), gib(head.logs?.storedGiB ?? 0));
  if (!out.length && !baseEst.monthlyCost.eq(headEst.monthlyCost)) out.push("prices changed");
  return out;
}

import { formatSize, roundUpToValidSize } from "@/lib/pricing";
import { MIB_PER_GIB } from "@/lib/core";

/**
 * What the workload editor shows beside the scenario contract: notes about how a workload is billed, and the
 * region search. (Batch units: lib/scenario/batch-units.ts.) Pure; the editor only renders.
 */

const grouped = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 4 });

export interface CardNote {
  kind: "eks-rounding" | "minimum-charge";
  text: string;
}

interface CardWorkload {
  platform?: "ecs" | "eks";
  os?: "linux" | "windows";
  vcpu?: number | string;
  memoryGiB?: number | string;
  schedule?:
    { type: "always-on" } | { type: "duty-cycle"; percent: number | string } | { type: "batch"; runsPerMonth: number | string; secondsPerRun: number | string };
}

/**
 * Billing rules that change what this workload pays, for its card (the results repeat them in their notes):
 * EKS pods are billed at their requests + 256 MiB rounded up to a valid Fargate size; a batch run shorter than the
 * minimum charge (1 minute Linux, 5 minutes Windows) is billed as the minimum, per task.
 * See docs/pricing-rules.md and https://aws.amazon.com/fargate/pricing/.
 */
export function workloadCardNotes(w: CardWorkload, rules: { eksOverheadMiB: number; minimumBillableSeconds: { linux: number; windows: number } }): CardNote[] {
  const notes: CardNote[] = [];
  const os = w.os ?? "linux";
  if ((w.platform ?? "ecs") === "eks" && typeof w.vcpu === "number" && typeof w.memoryGiB === "number" && w.vcpu > 0 && w.memoryGiB > 0) {
    const request = { vcpu: w.vcpu, memoryGiB: w.memoryGiB };
    const billed = roundUpToValidSize({ vcpu: w.vcpu, memoryGiB: w.memoryGiB + rules.eksOverheadMiB / MIB_PER_GIB }, "linux");
    if (billed)
      notes.push({
        kind: "eks-rounding",
        text: `Each pod is billed as ${formatSize(billed)}: EKS adds ${rules.eksOverheadMiB} MiB to the pod's requests (${formatSize(request)}) and rounds up to the next valid Fargate size.`,
      });
  }
  const s = w.schedule;
  const min = rules.minimumBillableSeconds[os];
  if (s?.type === "batch" && typeof s.secondsPerRun === "number" && s.secondsPerRun > 0 && s.secondsPerRun < min) {
    const minutes = min / 60;
    notes.push({
      kind: "minimum-charge",
      text: `Each ${grouped(s.secondsPerRun)}-second run is billed as ${min} s: ${os === "windows" ? "Windows" : "Linux"} tasks are charged at least ${minutes} minute${minutes === 1 ? "" : "s"} each.`,
    });
  }
  return notes;
}

export interface RegionChoice {
  code: string;
  name: string;
  group: string;
}

/**
 * Regions matching what a person typed: every word must appear in the code, the name or the area ("frank" finds
 * eu-central-1, "us east" finds us-east-1 and us-east-2). Codes that start with the text come first, then names.
 */
export function searchRegions<R extends RegionChoice>(regions: readonly R[], query: string): R[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...regions];
  const q = words.join(" ");
  const hits = regions.filter((r) => {
    const hay = `${r.code} ${r.name} ${r.group}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
  const rank = (r: R) => (r.code.toLowerCase().startsWith(q) ? 0 : r.name.toLowerCase().includes(q) ? 1 : 2);
  return hits
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .map(({ r }) => r);
}

import type { FargateCatalog } from "@/lib/catalog";
import { formatSize, roundUpToValidSize, validVcpus, type TaskSize } from "@/lib/pricing";
import { dec, HOURS_PER_MONTH, MIB_PER_GIB, ZERO, type Decimal } from "@/lib/core";
import { Scenario, STORAGE_LIMITS_GIB, type WorkloadInput } from "@/lib/scenario";
import type { GroupLine, Reconciliation } from "./types";
import { fargateMeter } from "./usage-type";

export interface BuiltScenario {
  /** A valid version 1 scenario (the contract): load it in the editor, pass it to the CLI. */
  scenario: Scenario;
  /** Per workload, how its size, task count and schedule were inferred from the bill. */
  explanations: { workload: string; how: string }[];
  /** What was left out, and why. */
  skipped: string[];
}

// Bill rows are rounded to 10 decimals: a task's hourly rate can read 1.0000000001 vCPU. Allow 0.1% before rounding up.
const TOLERANCE = dec("0.999");
const fmt = (d: Decimal, dp = 4) => d.round(dp).toString();

function sumUsage(g: GroupLine, pick: (resource: string, spot: boolean) => boolean): Decimal {
  let t = ZERO;
  for (const u of g.usage) {
    const m = fargateMeter(u.usageType);
    if (m && pick(m.resource, m.spot)) t = t.plus(u.quantity);
  }
  return t;
}

/** The task size of a group: from its largest hourly rate per task, else from its memory-per-vCPU ratio. */
function inferSize(g: GroupLine, vcpuHours: Decimal, gbHours: Decimal): { size: TaskSize; how: string } | null {
  const os = g.os;
  if (g.peak.vcpu || g.peak.memoryGB) {
    const vcpu = g.peak.vcpu ? dec(g.peak.vcpu).times(TOLERANCE).toNumber() : 0;
    const memory = g.peak.memoryGB ? dec(g.peak.memoryGB).times(TOLERANCE).toNumber() : 0;
    const size = roundUpToValidSize({ vcpu: Math.max(vcpu, os === "windows" ? 1 : 0), memoryGiB: memory }, os);
    if (size) {
      const seen = [g.peak.vcpu ? `${fmt(dec(g.peak.vcpu))} vCPU` : null, g.peak.memoryGB ? `${fmt(dec(g.peak.memoryGB))} GB` : null]
        .filter(Boolean)
        .join(" / ");
      return { size, how: `the largest hourly rate of one task in the bill is ${seen}, rounded up to the valid size ${formatSize(size)}` };
    }
  }
  if (vcpuHours.gt(0) && gbHours.gt(0)) {
    const ratio = gbHours.div(vcpuHours);
    for (const v of validVcpus(os)) {
      const size = roundUpToValidSize({ vcpu: v, memoryGiB: ratio.times(v).times(TOLERANCE).toNumber() }, os);
      if (size && size.vcpu === v)
        return { size, how: `no resource IDs, so the size is assumed: ${fmt(ratio, 2)} GB per vCPU-hour fits ${formatSize(size)} first` };
    }
  }
  return null;
}

/**
 * One workload per group of the bill's main region (the one with the most Fargate spend): size from the usage
 * per task, task count and schedule from the task-hours over the bill's period, Spot share from the Spot meters.
 */
export function scenarioFromBill(recon: Reconciliation, catalog: FargateCatalog, name = `From ${recon.bill.file}`): BuiltScenario {
  const skipped: string[] = [];
  const explanations: BuiltScenario["explanations"] = [];
  const byRegion = new Map<string, Decimal>();
  for (const u of recon.usage) byRegion.set(u.region, (byRegion.get(u.region) ?? ZERO).plus(u.effectiveCost).plus(u.listCost));
  const regions = [...byRegion.entries()].filter(([r]) => Object.hasOwn(catalog.regions, r)).sort((a, b) => b[1].cmp(a[1]));
  const region = regions[0]?.[0] ?? "us-east-1";
  // Duty cycles from the hours the bill covers (a month-to-date export: its hours so far), not the whole month.
  const hours = dec(recon.period?.coveredHours ?? recon.bill.periodHours ?? HOURS_PER_MONTH);
  const mtd = recon.period?.monthToDate ? ` (month to date)` : "";
  const workloads: WorkloadInput[] = [];
  const names = new Set<string>();

  for (const g of recon.groups) {
    const label = g.service === "(untagged)" ? g.cluster : `${g.cluster}/${g.service}`;
    if (g.region !== region) {
      skipped.push(`${label} (${g.region}): a scenario has one region; this bill's main Fargate region is ${region}.`);
      continue;
    }
    const vcpuHours = sumUsage(g, (r) => r === "vcpu");
    const spotVcpuHours = sumUsage(g, (r, spot) => r === "vcpu" && spot);
    const gbHours = sumUsage(g, (r) => r === "memory");
    const storageHours = sumUsage(g, (r) => r === "storage");
    const inferred = inferSize(g, vcpuHours, gbHours);
    if (!inferred) {
      skipped.push(`${label} (${g.region}): its usage does not show a task size.`);
      continue;
    }
    let { size } = inferred;
    // Task-hours from vCPU-hours (or memory when the bill has only memory rows for this group).
    const taskHours = vcpuHours.gt(0) ? vcpuHours.div(size.vcpu) : gbHours.div(size.memoryGiB);
    const average = taskHours.div(hours);
    const tasks = Math.min(100_000, Math.max(1, Math.ceil(average.minus("0.01").toNumber())));
    const duty = average.div(tasks).times(100);
    const alwaysOn = duty.gte("99.5");
    const dutyPercent = Math.min(100, Math.max(0.01, duty.round(2).toNumber()));
    const spotPercent = g.platform === "ecs" && g.os === "linux" && vcpuHours.gt(0) ? spotVcpuHours.div(vcpuHours).times(100).round(2).toNumber() : 0;
    let storageGiB = STORAGE_LIMITS_GIB.free;
    let storageHow = "";
    if (storageHours.gt(0) && taskHours.gt(0)) {
      // Per task: its hourly rate when the bill has resource IDs, else the storage GB-hours over the task-hours.
      const extra = g.peak.storageGB ? dec(g.peak.storageGB) : storageHours.div(taskHours);
      storageGiB = Math.min(g.platform === "eks" ? STORAGE_LIMITS_GIB.eks : STORAGE_LIMITS_GIB.ecs, STORAGE_LIMITS_GIB.free + Math.round(extra.toNumber()));
      storageHow = g.peak.storageGB
        ? `${fmt(extra)} GB of extra ephemeral storage per task-hour`
        : `${fmt(storageHours)} extra ephemeral GB-hours over ${fmt(taskHours)} task-hours`;
    }
    let request = size;
    let eksNote = "";
    if (g.platform === "eks") {
      // EKS bills the pod's size after adding 256 MiB and rounding up: ask for that much less so it bills the same.
      request = { vcpu: size.vcpu, memoryGiB: size.memoryGiB - catalog.eksOverheadMiB / MIB_PER_GIB };
      eksNote = `; as an EKS pod it requests ${formatSize(request)}, which Fargate bills as ${formatSize(size)}`;
      if (request.memoryGiB <= 0) size = request = { vcpu: size.vcpu, memoryGiB: 0.25 };
    }
    let wname = label.slice(0, 110);
    if (names.has(wname)) wname = `${wname.slice(0, 100)} ${g.arch}${g.os === "windows" ? " windows" : ""}`;
    for (let i = 2; names.has(wname); i++) wname = `${label.slice(0, 100)} ${i}`;
    names.add(wname);
    workloads.push({
      name: wname,
      platform: g.platform,
      os: g.os,
      arch: g.arch,
      vcpu: request.vcpu,
      memoryGiB: request.memoryGiB,
      storageGiB,
      tasks,
      schedule: alwaysOn ? { type: "always-on" } : { type: "duty-cycle", percent: dutyPercent },
      spotPercent,
      savingsPlan: "none",
    });
    const covered = dec(g.effectiveCost).lt(dec(g.listCost).times("0.95")) && spotPercent === 0;
    explanations.push({
      workload: wname,
      how:
        `Size: ${inferred.how}${eksNote}. ` +
        `Tasks: ${fmt(taskHours)} task-hour${taskHours.eq(1) ? "" : "s"} over the bill's ${fmt(hours, 2)} hours${mtd} is ${fmt(average)} tasks on average, so ${tasks} task${tasks === 1 ? "" : "s"} ${alwaysOn ? "always on" : `running ${dutyPercent}% of the time`}.` +
        (spotPercent > 0 ? ` Spot: ${spotPercent}% of the vCPU-hours were Fargate Spot.` : "") +
        (storageGiB > STORAGE_LIMITS_GIB.free ? ` Storage: ${storageHow}, so ${storageGiB} GiB (${STORAGE_LIMITS_GIB.free} GiB are included).` : "") +
        (covered ? " The bill paid less than list: a Savings Plan covered part of it; the scenario prices on-demand until you choose a plan." : ""),
    });
  }
  if (!workloads.length) skipped.push("No Fargate usage with a task size was found, so the scenario has no workloads.");
  const parsed = Scenario.safeParse({ version: 1, name: name.slice(0, 120), region, workloads });
  if (!parsed.success) {
    // Every field above is built within the schema's limits; a failure here is a bug worth a clear message.
    throw new Error(`The scenario built from the bill is invalid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return { scenario: parsed.data, explanations, skipped };
}

import type { ComputeRates, FargateCatalog, FargateRegion, Rate } from "@/lib/catalog/schema";
import type { Scenario, Workload } from "@/lib/scenario/schema";
import { dec, sum, toPlain, type Decimal } from "./money";
import { formatSize, roundUpToValidSize, type TaskSize } from "./sizes";
import type { LineItem, WorkloadEstimate } from "./types";
import { HOURS_PER_MONTH, MIB_PER_GIB, SECONDS_PER_HOUR } from "./units";

type Catalog = Pick<FargateCatalog, "minimumBillableSeconds" | "ephemeralStorage" | "eksOverheadMiB">;

export const ON_DEMAND_SOURCE = "fargate-on-demand";

/** The size AWS bills. ECS: the task size as given (validated upstream). EKS: requests + overhead, rounded up. */
export function billedSize(w: Pick<Workload, "platform" | "os" | "vcpu" | "memoryGiB">, eksOverheadMiB: number): TaskSize {
  if (w.platform === "ecs") return { vcpu: w.vcpu, memoryGiB: w.memoryGiB };
  const rounded = roundUpToValidSize({ vcpu: w.vcpu, memoryGiB: w.memoryGiB + eksOverheadMiB / MIB_PER_GIB }, w.os);
  if (!rounded) throw new RangeError(`No Fargate size covers a pod requesting ${formatSize(w)}`);
  return rounded;
}

/**
 * Billed task-seconds in the month for all of a workload's tasks. Per-second billing: each batch run of each task
 * is rounded up to the whole second and to the OS minimum (60 s Linux, 300 s Windows).
 */
export function billedTaskSeconds(w: Pick<Workload, "os" | "tasks" | "schedule">, minimumSeconds: FargateCatalog["minimumBillableSeconds"]): Decimal {
  const s = w.schedule;
  switch (s.type) {
    case "always-on":
      return dec(HOURS_PER_MONTH).times(SECONDS_PER_HOUR).times(w.tasks);
    case "duty-cycle":
      return dec(HOURS_PER_MONTH).times(SECONDS_PER_HOUR).times(w.tasks).times(s.percent).div(100);
    case "batch": {
      const perRun = Math.max(Math.ceil(s.secondsPerRun), minimumSeconds[w.os]);
      return dec(s.runsPerMonth).times(w.tasks).times(perRun);
    }
  }
}

const purchaseLabel: Record<Workload["savingsPlan"], string> = {
  none: "on-demand",
  "1yr-no-upfront": "Compute Savings Plan 1yr no upfront",
  "1yr-all-upfront": "Compute Savings Plan 1yr all upfront",
  "3yr-no-upfront": "Compute Savings Plan 3yr no upfront",
  "3yr-all-upfront": "Compute Savings Plan 3yr all upfront",
};

function item(
  name: string,
  unit: string,
  perUnitOfSeconds: Decimal,
  seconds: Decimal,
  rate: Rate,
  component: LineItem["component"],
  purchase: LineItem["purchase"],
  priceSource: string,
): { item: LineItem; cost: Decimal } {
  // quantity = units x seconds / 3600; cost = units x seconds x rate / 3600 (divide last: exact to 20 places).
  const unitSeconds = perUnitOfSeconds.times(seconds);
  const cost = unitSeconds.times(rate.usd).div(SECONDS_PER_HOUR);
  return {
    item: {
      name,
      unit,
      quantity: toPlain(unitSeconds.div(SECONDS_PER_HOUR)),
      unitPrice: rate.usd,
      monthlyCost: toPlain(cost),
      component,
      purchase,
      priceSource,
    },
    cost,
  };
}

/** One validated workload in one region -> its line items. Pure; every rate comes from the catalog. */
export function priceWorkload(w: Workload, region: FargateRegion, catalog: Catalog): WorkloadEstimate {
  const size = billedSize(w, catalog.eksOverheadMiB);
  const warnings: string[] = [];
  const seconds = billedTaskSeconds(w, catalog.minimumBillableSeconds);
  const spotSeconds = seconds.times(w.spotPercent).div(100);
  const regularSeconds = seconds.minus(spotSeconds);
  const vcpu = dec(size.vcpu);
  const memory = dec(size.memoryGiB);
  const osArch = w.os === "windows" ? "Windows/x86_64" : `Linux/${w.arch}`;
  const parts: { item: LineItem; cost: Decimal }[] = [];

  if (w.platform === "eks" && (size.vcpu !== w.vcpu || size.memoryGiB !== w.memoryGiB)) {
    warnings.push(
      `Billed as ${formatSize(size)}: EKS adds ${catalog.eksOverheadMiB} MiB to the pod's requests (${formatSize(w)}) and rounds up to the next valid Fargate size.`,
    );
  }
  if (w.schedule.type === "batch" && w.schedule.secondsPerRun < catalog.minimumBillableSeconds[w.os]) {
    const min = catalog.minimumBillableSeconds[w.os];
    warnings.push(
      `Each ${w.schedule.secondsPerRun}-second run is billed as ${min} s: the ${w.os === "windows" ? "Windows" : "Linux"} minimum charge per task is ${min / 60} minute${min === 60 ? "" : "s"}.`,
    );
  }

  if (regularSeconds.gt(0) || w.spotPercent < 100) {
    const base: ComputeRates = w.os === "windows" ? region.windows! : region.linux[w.arch];
    let rates: ComputeRates = base;
    let source = ON_DEMAND_SOURCE;
    let purchase: LineItem["purchase"] = "on-demand";
    if (w.savingsPlan !== "none") {
      const plan = region.savingsPlans[w.savingsPlan];
      const planRates = w.os === "windows" ? plan?.windows : plan?.[w.arch];
      if (!planRates) throw new RangeError(`No ${purchaseLabel[w.savingsPlan]} rates for ${osArch}`);
      rates = planRates;
      source = planRates.provenance;
      purchase = "savings-plan";
      warnings.push(
        `${purchaseLabel[w.savingsPlan]} rates are estimates; they assume the hourly commitment exactly covers this usage (unused commitment is still paid, usage above it is on-demand)${w.spotPercent > 0 ? " and Spot is not covered" : ""}.`,
      );
    }
    const label = purchaseLabel[w.savingsPlan];
    parts.push(item(`Fargate vCPU (${label}, ${osArch})`, "vCPU-hours", vcpu, regularSeconds, rates.vcpuHour, "vcpu", purchase, source));
    parts.push(item(`Fargate memory (${label}, ${osArch})`, "GB-hours", memory, regularSeconds, rates.gbHour, "memory", purchase, source));
    if (w.os === "windows") {
      // The Windows OS license fee is per vCPU-hour and is not discounted by Savings Plans.
      parts.push(item("Windows OS license (on-demand)", "vCPU-hours", vcpu, regularSeconds, region.windows!.osLicenseVcpuHour, "os-license", "on-demand", ON_DEMAND_SOURCE));
      if (w.savingsPlan !== "none") warnings.push("The Windows OS license fee is priced on-demand: Savings Plans discount compute, not the license.");
    }
  }

  if (w.spotPercent > 0) {
    const spot = region.spot?.[w.arch];
    if (!spot) throw new RangeError(`No Fargate Spot price for ${osArch}`);
    parts.push(item(`Fargate vCPU (Spot, ${osArch})`, "vCPU-hours", vcpu, spotSeconds, spot.vcpuHour, "vcpu", "spot", spot.provenance));
    parts.push(item(`Fargate memory (Spot, ${osArch})`, "GB-hours", memory, spotSeconds, spot.gbHour, "memory", "spot", spot.provenance));
    warnings.push("Fargate Spot prices float and ours are estimates; Spot tasks can be stopped with a 2-minute warning and never fall back to on-demand.");
  }

  const extraStorage = w.storageGiB - catalog.ephemeralStorage.freeGiB;
  if (extraStorage > 0) {
    parts.push(
      item(
        `Ephemeral storage (above ${catalog.ephemeralStorage.freeGiB} GiB free)`,
        "GB-hours",
        dec(extraStorage),
        seconds,
        region.ephemeralStorageGbHour,
        "storage",
        "on-demand",
        ON_DEMAND_SOURCE,
      ),
    );
  }

  return {
    name: w.name,
    platform: w.platform,
    os: w.os,
    arch: w.arch,
    requestedSize: { vcpu: w.vcpu, memoryGiB: w.memoryGiB },
    billedSize: size,
    tasks: w.tasks,
    taskHours: toPlain(seconds.div(SECONDS_PER_HOUR)),
    lineItems: parts.map((p) => p.item),
    monthlyCost: toPlain(sum(parts.map((p) => p.cost))),
    warnings,
  };
}

export type { Scenario };

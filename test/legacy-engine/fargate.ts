import type { ComputeRates, FargateCatalog, FargateRegion, Rate } from "@/lib/catalog/schema";
import type { Scenario, Workload } from "@/lib/scenario/schema";
import { dec, num, rate as decRate, ZERO, type Decimal } from "./money";
import { own } from "./own";
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

const PERCENT = dec("0.01");
const MONTH = dec(HOURS_PER_MONTH);

/**
 * Billed task-hours in the month for all of a workload's tasks. Per-second billing: each batch run of each task
 * is rounded up to the whole second and to the OS minimum (60 s Linux, 300 s Windows), then converted to hours
 * (the only division, kept to 20 decimals). Always-on and duty-cycle hours are exact.
 */
export function billedTaskHours(w: Pick<Workload, "os" | "tasks" | "schedule">, minimumSeconds: FargateCatalog["minimumBillableSeconds"]): Decimal {
  const s = w.schedule;
  switch (s.type) {
    case "always-on":
      return MONTH.times(num(w.tasks));
    case "duty-cycle":
      return MONTH.times(num(w.tasks)).times(num(s.percent)).times(PERCENT);
    case "batch": {
      const perRun = Math.max(Math.ceil(s.secondsPerRun), minimumSeconds[w.os]);
      return num(s.runsPerMonth).times(num(w.tasks)).times(num(perRun)).div(SECONDS_PER_HOUR);
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

type OsArch = "Linux/x86_64" | "Linux/arm64" | "Windows/x86_64";
const OS_ARCHES: OsArch[] = ["Linux/x86_64", "Linux/arm64", "Windows/x86_64"];
const table = <K extends string, V>(keys: readonly K[], f: (k: K) => V) => Object.fromEntries(keys.map((k) => [k, f(k)])) as Record<K, V>;

// Line item names and warnings repeat across thousands of workloads: each distinct string is built once.
const NAMES = table(Object.keys(purchaseLabel) as Workload["savingsPlan"][], (plan) =>
  table(OS_ARCHES, (osArch) => ({ vcpu: `Fargate vCPU (${purchaseLabel[plan]}, ${osArch})`, memory: `Fargate memory (${purchaseLabel[plan]}, ${osArch})` })),
);
const SPOT_NAMES = table(OS_ARCHES, (osArch) => ({ vcpu: `Fargate vCPU (Spot, ${osArch})`, memory: `Fargate memory (Spot, ${osArch})` }));
const SP_WARNINGS = table(Object.keys(purchaseLabel) as Workload["savingsPlan"][], (plan) =>
  [false, true].map(
    (withSpot) =>
      `${purchaseLabel[plan]} rates are estimates; they assume the hourly commitment exactly covers this usage (unused commitment is still paid, usage above it is on-demand)${withSpot ? " and Spot is not covered" : ""}.`,
  ),
);
const SPOT_WARNING = "Fargate Spot prices float and ours are estimates; Spot tasks can be stopped with a 2-minute warning and never fall back to on-demand.";
const LICENSE_WARNING = "The Windows OS license fee is priced on-demand: Savings Plans discount compute, not the license.";
const memoText = new Map<string, string>();
function memo(key: string, build: () => string): string {
  let t = memoText.get(key);
  if (t === undefined) {
    t = build();
    if (memoText.size < 5_000) memoText.set(key, t);
  }
  return t;
}

function item(
  name: string,
  unit: string,
  units: Decimal,
  hours: Decimal,
  rate: Rate,
  component: LineItem["component"],
  purchase: LineItem["purchase"],
  priceSource: string,
): LineItem {
  // quantity = units x hours (vCPU-hours, GB-hours); cost = quantity x rate.
  const quantity = units.times(hours);
  return { name, unit, quantity, unitPrice: rate.usd, monthlyCost: quantity.times(decRate(rate.usd)), component, purchase, priceSource };
}

/** One validated workload in one region -> its line items. Pure; every rate comes from the catalog. */
export function priceWorkload(w: Workload, region: FargateRegion, catalog: Catalog): WorkloadEstimate {
  const size = billedSize(w, catalog.eksOverheadMiB);
  const warnings: string[] = [];
  const hours = billedTaskHours(w, catalog.minimumBillableSeconds);
  const spotHours = w.spotPercent > 0 ? hours.times(num(w.spotPercent)).times(PERCENT) : ZERO;
  const regularHours = w.spotPercent > 0 ? hours.minus(spotHours) : hours;
  const vcpu = num(size.vcpu);
  const memory = num(size.memoryGiB);
  const osArch: OsArch = w.os === "windows" ? "Windows/x86_64" : w.arch === "arm64" ? "Linux/arm64" : "Linux/x86_64";
  const parts: LineItem[] = [];

  if (w.platform === "eks" && (size.vcpu !== w.vcpu || size.memoryGiB !== w.memoryGiB)) {
    warnings.push(
      memo(
        `eks|${size.vcpu}|${size.memoryGiB}|${w.vcpu}|${w.memoryGiB}`,
        () =>
          `Billed as ${formatSize(size)}: EKS adds ${catalog.eksOverheadMiB} MiB to the pod's requests (${formatSize(w)}) and rounds up to the next valid Fargate size.`,
      ),
    );
  }
  if (w.schedule.type === "batch" && w.schedule.secondsPerRun < catalog.minimumBillableSeconds[w.os]) {
    const min = catalog.minimumBillableSeconds[w.os];
    const secondsPerRun = w.schedule.secondsPerRun;
    warnings.push(
      memo(
        `min|${secondsPerRun}|${w.os}|${min}`,
        () =>
          `Each ${secondsPerRun}-second run is billed as ${min} s: the ${w.os === "windows" ? "Windows" : "Linux"} minimum charge per task is ${min / 60} minute${min === 60 ? "" : "s"}.`,
      ),
    );
  }

  if (regularHours.gt(0) || w.spotPercent < 100) {
    const base: ComputeRates | undefined = w.os === "windows" ? region.windows : own(region.linux, w.arch);
    if (!base) throw new RangeError(`No Fargate rates for ${osArch}`);
    let rates: ComputeRates = base;
    let source = ON_DEMAND_SOURCE;
    let purchase: LineItem["purchase"] = "on-demand";
    if (w.savingsPlan !== "none") {
      const planPrices = own(region.savingsPlans, w.savingsPlan);
      const planRates = w.os === "windows" ? planPrices?.windows : planPrices?.[w.arch];
      if (!planRates) throw new RangeError(`No ${purchaseLabel[w.savingsPlan]} rates for ${osArch}`);
      rates = planRates;
      source = planRates.provenance;
      purchase = "savings-plan";
      warnings.push(SP_WARNINGS[w.savingsPlan][w.spotPercent > 0 ? 1 : 0]!);
    }
    const names = NAMES[w.savingsPlan][osArch];
    parts.push(item(names.vcpu, "vCPU-hours", vcpu, regularHours, rates.vcpuHour, "vcpu", purchase, source));
    parts.push(item(names.memory, "GB-hours", memory, regularHours, rates.gbHour, "memory", purchase, source));
    if (w.os === "windows") {
      // The Windows OS license fee is per vCPU-hour and is not discounted by Savings Plans.
      parts.push(
        item(
          "Windows OS license (on-demand)",
          "vCPU-hours",
          vcpu,
          regularHours,
          region.windows!.osLicenseVcpuHour,
          "os-license",
          "on-demand",
          ON_DEMAND_SOURCE,
        ),
      );
      if (w.savingsPlan !== "none") warnings.push(LICENSE_WARNING);
    }
  }

  if (w.spotPercent > 0) {
    const spot = own(region.spot, w.arch);
    if (!spot) throw new RangeError(`No Fargate Spot price for ${osArch}`);
    parts.push(item(SPOT_NAMES[osArch].vcpu, "vCPU-hours", vcpu, spotHours, spot.vcpuHour, "vcpu", "spot", spot.provenance));
    parts.push(item(SPOT_NAMES[osArch].memory, "GB-hours", memory, spotHours, spot.gbHour, "memory", "spot", spot.provenance));
    warnings.push(SPOT_WARNING);
  }

  const extraStorage = w.storageGiB - catalog.ephemeralStorage.freeGiB;
  if (extraStorage > 0) {
    parts.push(
      item(
        `Ephemeral storage (above ${catalog.ephemeralStorage.freeGiB} GiB free)`,
        "GB-hours",
        num(extraStorage),
        hours,
        region.ephemeralStorageGbHour,
        "storage",
        "on-demand",
        ON_DEMAND_SOURCE,
      ),
    );
  }

  let cost = ZERO;
  for (const li of parts) cost = cost.plus(li.monthlyCost);
  return {
    name: w.name,
    platform: w.platform,
    os: w.os,
    arch: w.arch,
    requestedSize: w.platform === "ecs" ? size : { vcpu: w.vcpu, memoryGiB: w.memoryGiB },
    billedSize: size,
    tasks: w.tasks,
    taskHours: hours,
    lineItems: parts,
    monthlyCost: cost,
    computeMonthlyCost: cost,
    warnings,
  };
}

export type { Scenario };

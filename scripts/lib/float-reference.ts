/**
 * The benchmark's floor (`npm run bench`: engineFloat10k, engineRatio): the Fargate compute estimate of a validated
 * version 1 scenario in plain floating-point numbers, as a straightforward float implementation would compute it.
 * Not an engine (floats drift by fractions of a cent over a bill, which is why lib/pricing uses exact decimals); it
 * is what the exact engine is measured against. It does the work the engine does for each workload, without
 * remembering anything from one workload (or one call) to the next: the billed size lookup (EKS requests + overhead
 * rounded up onto the size grid), billed task-hours (per-run rounding and the OS minimum for batch), the Spot and
 * Savings Plan split, the rates of the region from the catalog, ephemeral storage above the free GiB, the warnings,
 * and every line item as an object with the engine's keys in the engine's order (numbers where the engine has
 * Decimals); then the price sources and the totals. scripts/lib/float-reference.test.ts checks it agrees with the
 * engine to within a cent.
 */
import type { ComputeRates, FargateCatalog, FargateRegion, Rate } from "@/lib/catalog";
import { type Component, formatSize, type Purchase, roundUpToValidSize, type ScenarioSpec, type TaskSize, type WorkloadSpec } from "@/lib/pricing";
import { own, HOURS_PER_MONTH, MIB_PER_GIB, SECONDS_PER_HOUR } from "@/lib/core";

export interface FloatLineItem {
  name: string;
  unit: string;
  quantity: number;
  unitPrice: string;
  monthlyCost: number;
  component: Component;
  purchase: Purchase;
  priceSource: string;
}

export interface FloatWorkloadEstimate {
  name: string;
  platform: WorkloadSpec["platform"];
  os: WorkloadSpec["os"];
  arch: WorkloadSpec["arch"];
  requestedSize: TaskSize;
  billedSize: TaskSize;
  tasks: number;
  taskHours: number;
  lineItems: FloatLineItem[];
  monthlyCost: number;
  computeMonthlyCost: number;
  warnings: string[];
}

export interface FloatEstimate {
  scenario: { name: string; region: string };
  sources: string[];
  workloads: FloatWorkloadEstimate[];
  totals: { computeMonthlyCost: number; servicesMonthlyCost: number; monthlyCost: number };
}

const ON_DEMAND_SOURCE = "fargate-on-demand";
const purchaseLabel: Record<WorkloadSpec["savingsPlan"], string> = {
  none: "on-demand",
  "1yr-no-upfront": "Compute Savings Plan 1yr no upfront",
  "1yr-all-upfront": "Compute Savings Plan 1yr all upfront",
  "3yr-no-upfront": "Compute Savings Plan 3yr no upfront",
  "3yr-all-upfront": "Compute Savings Plan 3yr all upfront",
};
// Constant texts (the same for every workload), written once as a float implementation would write them.
const SPOT_WARNING = "Fargate Spot prices float and ours are estimates; Spot tasks can be stopped with a 2-minute warning and never fall back to on-demand.";
const LICENSE_WARNING = "The Windows OS license fee is priced on-demand: Savings Plans discount compute, not the license.";
const spWarning = (plan: WorkloadSpec["savingsPlan"], withSpot: boolean) =>
  `${purchaseLabel[plan]} rates are estimates; they assume the hourly commitment exactly covers this usage (unused commitment is still paid, usage above it is on-demand)${withSpot ? " and Spot is not covered" : ""}.`;
const SP_WARNINGS = Object.fromEntries(
  Object.keys(purchaseLabel).map((p) => [p, [spWarning(p as WorkloadSpec["savingsPlan"], false), spWarning(p as WorkloadSpec["savingsPlan"], true)]]),
) as Record<WorkloadSpec["savingsPlan"], [string, string]>;
const OS_ARCH = { linux: { x86_64: "Linux/x86_64", arm64: "Linux/arm64" }, windows: { x86_64: "Windows/x86_64", arm64: "Windows/x86_64" } } as const;
type OsArch = "Linux/x86_64" | "Linux/arm64" | "Windows/x86_64";
const NAMES = Object.fromEntries(
  Object.entries(purchaseLabel).map(([plan, label]) => [
    plan,
    Object.fromEntries(
      (["Linux/x86_64", "Linux/arm64", "Windows/x86_64"] as const).map((oa) => [
        oa,
        { vcpu: `Fargate vCPU (${label}, ${oa})`, memory: `Fargate memory (${label}, ${oa})` },
      ]),
    ),
  ]),
) as Record<WorkloadSpec["savingsPlan"], Record<OsArch, { vcpu: string; memory: string }>>;
const SPOT_NAMES = Object.fromEntries(
  (["Linux/x86_64", "Linux/arm64", "Windows/x86_64"] as const).map((oa) => [
    oa,
    { vcpu: `Fargate vCPU (Spot, ${oa})`, memory: `Fargate memory (Spot, ${oa})` },
  ]),
) as Record<OsArch, { vcpu: string; memory: string }>;

/** One region's rates as numbers, read from the catalog once per call (a float engine would parse them once too). */
interface RegionRates {
  linux: Record<WorkloadSpec["arch"], { vcpu: number; gb: number; rates: ComputeRates }>;
  windows: { vcpu: number; gb: number; license: number; rates: ComputeRates & { osLicenseVcpuHour: Rate } } | undefined;
  storage: { usd: number; rate: string };
  spot: Record<WorkloadSpec["arch"], { vcpu: number; gb: number; rates: NonNullable<FargateRegion["spot"]>["x86_64"] }> | undefined;
  plans: Record<string, Record<"x86_64" | "arm64" | "windows", { vcpu: number; gb: number; rates: NonNullable<FargateRegion["spot"]>["x86_64"] } | undefined>>;
}

function regionRates(region: FargateRegion): RegionRates {
  const pair = <R extends { vcpuHour: Rate; gbHour: Rate }>(rates: R) => ({ vcpu: Number(rates.vcpuHour.usd), gb: Number(rates.gbHour.usd), rates });
  const w = region.windows;
  return {
    linux: { x86_64: pair(region.linux.x86_64), arm64: pair(region.linux.arm64) },
    windows: w ? { ...pair(w), license: Number(w.osLicenseVcpuHour.usd) } : undefined,
    storage: { usd: Number(region.ephemeralStorageGbHour.usd), rate: region.ephemeralStorageGbHour.usd },
    spot: region.spot ? { x86_64: pair(region.spot.x86_64), arm64: pair(region.spot.arm64) } : undefined,
    plans: Object.fromEntries(
      Object.entries(region.savingsPlans).map(([term, p]) => [
        term,
        { x86_64: pair(p.x86_64), arm64: pair(p.arm64), windows: p.windows ? pair(p.windows) : undefined },
      ]),
    ),
  };
}

const item = (
  name: string,
  unit: string,
  quantity: number,
  unitPrice: string,
  price: number,
  component: Component,
  purchase: Purchase,
  priceSource: string,
): FloatLineItem => ({ name, unit, quantity, unitPrice, monthlyCost: quantity * price, component, purchase, priceSource });

function priceWorkload(w: WorkloadSpec, r: RegionRates, catalog: FargateCatalog): FloatWorkloadEstimate {
  // The billed size: ECS as given; EKS requests + overhead, rounded up onto the grid.
  let size: TaskSize;
  if (w.platform === "ecs") size = { vcpu: w.vcpu, memoryGiB: w.memoryGiB };
  else {
    const rounded = roundUpToValidSize({ vcpu: w.vcpu, memoryGiB: w.memoryGiB + catalog.eksOverheadMiB / MIB_PER_GIB }, w.os);
    if (!rounded) throw new RangeError(`No Fargate size covers a pod requesting ${formatSize(w)}`);
    size = rounded;
  }
  const warnings: string[] = [];
  if (w.platform === "eks" && (size.vcpu !== w.vcpu || size.memoryGiB !== w.memoryGiB))
    warnings.push(
      `Billed as ${formatSize(size)}: EKS adds ${catalog.eksOverheadMiB} MiB to the pod's requests (${formatSize(w)}) and rounds up to the next valid Fargate size.`,
    );
  const minimum = catalog.minimumBillableSeconds[w.os];
  const s = w.schedule;
  if (s.type === "batch" && s.secondsPerRun < minimum)
    warnings.push(
      `Each ${s.secondsPerRun}-second run is billed as ${minimum} s: the ${w.os === "windows" ? "Windows" : "Linux"} minimum charge per task is ${minimum / 60} minute${minimum === 60 ? "" : "s"}.`,
    );

  // Billed task-hours: per-second billing, each run rounded up to the second and to the OS minimum.
  const hours =
    s.type === "always-on"
      ? HOURS_PER_MONTH * w.tasks
      : s.type === "duty-cycle"
        ? HOURS_PER_MONTH * w.tasks * s.percent * 0.01
        : (s.runsPerMonth * w.tasks * Math.max(Math.ceil(s.secondsPerRun), minimum)) / SECONDS_PER_HOUR;
  const spotHours = w.spotPercent > 0 ? hours * w.spotPercent * 0.01 : 0;
  const regularHours = hours - spotHours;
  const osArch: OsArch = OS_ARCH[w.os][w.arch];

  const lineItems: FloatLineItem[] = [];
  if (regularHours > 0 || w.spotPercent < 100) {
    let rates: { vcpu: number; gb: number; rates: { vcpuHour: Rate; gbHour: Rate } } | undefined;
    let source = ON_DEMAND_SOURCE;
    let purchase: Purchase = "on-demand";
    if (w.savingsPlan === "none") rates = w.os === "windows" ? r.windows : r.linux[w.arch];
    else {
      const plan = own(r.plans, w.savingsPlan);
      const p = w.os === "windows" ? plan?.windows : plan?.[w.arch];
      if (!p) throw new RangeError(`No ${purchaseLabel[w.savingsPlan]} rates for ${osArch}`);
      rates = p;
      source = p.rates.provenance;
      purchase = "savings-plan";
      warnings.push(SP_WARNINGS[w.savingsPlan][w.spotPercent > 0 ? 1 : 0]);
    }
    if (!rates) throw new RangeError(`No Fargate rates for ${osArch}`);
    const names = NAMES[w.savingsPlan][osArch];
    lineItems.push(item(names.vcpu, "vCPU-hours", size.vcpu * regularHours, rates.rates.vcpuHour.usd, rates.vcpu, "vcpu", purchase, source));
    lineItems.push(item(names.memory, "GB-hours", size.memoryGiB * regularHours, rates.rates.gbHour.usd, rates.gb, "memory", purchase, source));
    if (w.os === "windows") {
      const win = r.windows!;
      lineItems.push(
        item(
          "Windows OS license (on-demand)",
          "vCPU-hours",
          size.vcpu * regularHours,
          win.rates.osLicenseVcpuHour.usd,
          win.license,
          "os-license",
          "on-demand",
          ON_DEMAND_SOURCE,
        ),
      );
      if (w.savingsPlan !== "none") warnings.push(LICENSE_WARNING);
    }
  }
  if (w.spotPercent > 0) {
    const spot = r.spot?.[w.arch];
    if (!spot) throw new RangeError(`No Fargate Spot price for ${osArch}`);
    const names = SPOT_NAMES[osArch];
    lineItems.push(item(names.vcpu, "vCPU-hours", size.vcpu * spotHours, spot.rates.vcpuHour.usd, spot.vcpu, "vcpu", "spot", spot.rates.provenance));
    lineItems.push(item(names.memory, "GB-hours", size.memoryGiB * spotHours, spot.rates.gbHour.usd, spot.gb, "memory", "spot", spot.rates.provenance));
    warnings.push(SPOT_WARNING);
  }
  const free = catalog.ephemeralStorage.freeGiB;
  const extraStorage = w.storageGiB - free;
  if (extraStorage > 0)
    lineItems.push(
      item(
        `Ephemeral storage (above ${free} GiB free)`,
        "GB-hours",
        extraStorage * hours,
        r.storage.rate,
        r.storage.usd,
        "storage",
        "on-demand",
        ON_DEMAND_SOURCE,
      ),
    );

  let cost = 0;
  for (const li of lineItems) cost += li.monthlyCost;
  return {
    name: w.name,
    platform: w.platform,
    os: w.os,
    arch: w.arch,
    requestedSize: w.platform === "ecs" ? size : { vcpu: w.vcpu, memoryGiB: w.memoryGiB },
    billedSize: size,
    tasks: w.tasks,
    taskHours: hours,
    lineItems,
    monthlyCost: cost,
    computeMonthlyCost: cost,
    warnings,
  };
}

/** A validated version 1 scenario -> its Fargate compute estimate in floats (throws on version 2 items). */
export function estimateScenarioFloat(scenario: ScenarioSpec, catalog: FargateCatalog): FloatEstimate {
  if (scenario.services !== undefined) throw new RangeError("The float reference prices version 1 scenarios only");
  const region = own(catalog.regions, scenario.region);
  if (!region) throw new RangeError(`Unknown region "${scenario.region}"`);
  const rates = regionRates(region);
  const workloads: FloatWorkloadEstimate[] = [];
  for (const w of scenario.workloads) {
    if (w.publicIp !== undefined || w.logs !== undefined) throw new RangeError("The float reference prices version 1 scenarios only");
    workloads.push(priceWorkload(w, rates, catalog));
  }
  const used = new Set<string>([ON_DEMAND_SOURCE]);
  let compute = 0;
  for (const w of workloads) {
    for (const li of w.lineItems) used.add(li.priceSource);
    compute += w.computeMonthlyCost;
  }
  return {
    scenario: { name: scenario.name, region: scenario.region },
    sources: [...used],
    workloads,
    totals: { computeMonthlyCost: compute, servicesMonthlyCost: 0, monthlyCost: compute },
  };
}

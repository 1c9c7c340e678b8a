import type { ComputeRates, DerivedRates, FargateCatalog, FargateRegion, Rate } from "@/lib/catalog";
import type { ScenarioSpec as Scenario, WorkloadSpec as Workload } from "./input";
import { lineItem } from "./line-item";
import { dec, num, rate as decRate, ZERO, type Decimal, own, HOURS_PER_MONTH, MIB_PER_GIB, SECONDS_PER_HOUR } from "@/lib/core";
import { formatSize, roundUpToValidSize, type TaskSize } from "./sizes";
import type { LineItem, WorkloadEstimate } from "./types";

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

/** What one workload is billed at for the regular (on-demand or Savings Plan) part: rates, names, source. */
interface RegularMeter {
  rates: ComputeRates;
  license: Rate | null;
  source: string;
  purchase: LineItem["purchase"];
  names: { vcpu: string; memory: string };
  /** USD per task-hour of a billed size (vCPU x rate + GiB x rate [+ vCPU x license]), per vCPU then GiB. */
  perHour: Map<number, Map<number, Decimal>>;
}
interface SpotMeter {
  rates: DerivedRates;
  names: { vcpu: string; memory: string };
  perHour: Map<number, Map<number, Decimal>>;
}

const PLAN_INDEX: Record<Workload["savingsPlan"], number> = { none: 0, "1yr-no-upfront": 1, "1yr-all-upfront": 2, "3yr-no-upfront": 3, "3yr-all-upfront": 4 };
const meters = new WeakMap<FargateRegion, { regular: (RegularMeter | undefined)[]; spot: (SpotMeter | null | undefined)[] }>();
const meterSlots = (region: FargateRegion) => {
  let m = meters.get(region);
  if (!m) meters.set(region, (m = { regular: [], spot: [] }));
  return m;
};
const osArchIndex = (osArch: OsArch) => (osArch === "Linux/x86_64" ? 0 : osArch === "Linux/arm64" ? 1 : 2);

/** The regular meter of (region, OS/arch, Savings Plan), built once; throws as the line items would. */
function regularMeter(w: Workload, osArch: OsArch, region: FargateRegion): RegularMeter {
  const slots = meterSlots(region).regular;
  const i = osArchIndex(osArch) * 5 + PLAN_INDEX[w.savingsPlan];
  let m = slots[i];
  if (m) return m;
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
  }
  // The Windows OS license fee is per vCPU-hour and is not discounted by Savings Plans.
  const license = w.os === "windows" ? region.windows!.osLicenseVcpuHour : null;
  m = { rates, license, source, purchase, names: NAMES[w.savingsPlan][osArch], perHour: new Map() };
  slots[i] = m;
  return m;
}

function spotMeter(w: Workload, osArch: OsArch, region: FargateRegion): SpotMeter {
  const slots = meterSlots(region).spot;
  const i = osArchIndex(osArch);
  let m = slots[i];
  if (m === undefined) {
    const spot = own(region.spot, w.arch);
    m = spot ? { rates: spot, names: SPOT_NAMES[osArch], perHour: new Map() } : null;
    slots[i] = m;
  }
  if (!m) throw new RangeError(`No Fargate Spot price for ${osArch}`);
  return m;
}

/** Cached USD per task-hour of a size: sum over the size's lines of units x rate. */
function perHour(cache: Map<number, Map<number, Decimal>>, size: TaskSize, compute: () => Decimal): Decimal {
  let byMemory = cache.get(size.vcpu);
  if (!byMemory) cache.set(size.vcpu, (byMemory = new Map()));
  let v = byMemory.get(size.memoryGiB);
  if (!v) byMemory.set(size.memoryGiB, (v = compute()));
  return v;
}

const regularPerHour = (m: RegularMeter, size: TaskSize) =>
  perHour(m.perHour, size, () => {
    const vcpu = num(size.vcpu);
    const c = vcpu.times(decRate(m.rates.vcpuHour.usd)).plus(num(size.memoryGiB).times(decRate(m.rates.gbHour.usd)));
    return m.license ? c.plus(vcpu.times(decRate(m.license.usd))) : c;
  });
const spotPerHour = (m: SpotMeter, size: TaskSize) =>
  perHour(m.perHour, size, () =>
    num(size.vcpu)
      .times(decRate(m.rates.vcpuHour.usd))
      .plus(num(size.memoryGiB).times(decRate(m.rates.gbHour.usd))),
  );

/** Hours split between the regular part and Fargate Spot. */
function splitHours(hours: Decimal, spotPercent: number): { regular: Decimal; spot: Decimal } {
  if (spotPercent <= 0) return { regular: hours, spot: ZERO };
  const spot = hours.times(num(spotPercent)).times(PERCENT);
  return { regular: hours.minus(spot), spot };
}

const hasRegular = (regular: Decimal, w: Workload) => regular.gt(0) || w.spotPercent < 100;

/**
 * A workload's estimate. The line items are materialized on first read (the screen, the CSV, the JSON): pricing
 * 10,000 workloads then makes no line-item objects at all. The totals do not wait for them: monthlyCost is
 * regular hours x (cost per task-hour of the size) + Spot hours x (Spot cost per task-hour) + storage, which is
 * exactly the sum of the line items (quantity = units x hours, cost = quantity x rate: the same products, grouped).
 * JSON.stringify writes the same fields in the same order as a plain object (toJSON); a spread copy has no
 * lineItems: copy with withExtraItems, or read lineItems first.
 */
export class FargateWorkloadEstimate implements WorkloadEstimate {
  readonly name: string;
  readonly platform: Workload["platform"];
  readonly os: Workload["os"];
  readonly arch: Workload["arch"];
  readonly requestedSize: TaskSize;
  readonly billedSize: TaskSize;
  readonly tasks: number;
  readonly taskHours: Decimal;
  monthlyCost: Decimal;
  readonly computeMonthlyCost: Decimal;
  readonly warnings: string[];
  #items: LineItem[] | null = null;
  readonly #workload: Workload;
  readonly #region: FargateRegion;
  readonly #catalog: Catalog;
  readonly #extra: readonly LineItem[];
  /** What a task-hour costs, by part: the products monthlyCost is made of (shared by workloads alike). */
  readonly #rates: ComputeRatesUsed;

  constructor(
    w: Workload,
    region: FargateRegion,
    catalog: Catalog,
    size: TaskSize,
    hours: Decimal,
    cost: Decimal,
    warnings: string[],
    rates: ComputeRatesUsed,
    extra: readonly LineItem[] = [],
    total = cost,
  ) {
    this.name = w.name;
    this.platform = w.platform;
    this.os = w.os;
    this.arch = w.arch;
    this.requestedSize = w.platform === "ecs" ? size : { vcpu: w.vcpu, memoryGiB: w.memoryGiB };
    this.billedSize = size;
    this.tasks = w.tasks;
    this.taskHours = hours;
    this.monthlyCost = total;
    this.computeMonthlyCost = cost;
    this.warnings = warnings;
    this.#workload = w;
    this.#region = region;
    this.#catalog = catalog;
    this.#extra = extra;
    this.#rates = rates;
  }

  /** Compute lines (vCPU, memory, OS license, Spot, storage), then the extras (public IPv4, logs). */
  get lineItems(): LineItem[] {
    if (!this.#items) this.#items = [...computeLines(this.#workload, this.#region, this.#catalog, this.billedSize, this.taskHours), ...this.#extra];
    return this.#items;
  }
  set lineItems(items: LineItem[]) {
    this.#items = items;
  }

  /** The same estimate with lines appended (the workload's public IPv4 and logs) and their cost added. */
  withExtraItems(extra: readonly LineItem[], extraCost: Decimal): FargateWorkloadEstimate {
    return new FargateWorkloadEstimate(
      this.#workload,
      this.#region,
      this.#catalog,
      this.billedSize,
      this.taskHours,
      this.computeMonthlyCost,
      this.warnings,
      this.#rates,
      [...this.#extra, ...extra],
      this.monthlyCost.plus(extraCost),
    );
  }

  /**
   * How the compute cost is made, without materializing line items (for the EC2 comparison): the meters of the
   * regular and Spot parts (null when the part has no line), the Spot share and the billable extra storage.
   * computeMonthlyCost = taskHours x perTaskHour exactly (regular = hours - Spot hours, Spot = hours x share).
   */
  get computeRates(): ComputeRatesUsed {
    return this.#rates;
  }

  /** The price sources of the line items, in line order, without materializing them. */
  priceSources(): string[] {
    const w = this.#workload;
    const osArch = osArchOf(w);
    const { regular } = splitHours(this.taskHours, w.spotPercent);
    const out: string[] = [];
    if (hasRegular(regular, w)) {
      out.push(regularMeter(w, osArch, this.#region).source);
      if (w.os === "windows") out.push(ON_DEMAND_SOURCE);
    }
    if (w.spotPercent > 0) out.push(spotMeter(w, osArch, this.#region).rates.provenance);
    if (w.storageGiB - this.#catalog.ephemeralStorage.freeGiB > 0) out.push(ON_DEMAND_SOURCE);
    for (const li of this.#extra) out.push(li.priceSource);
    return out;
  }

  toJSON() {
    return {
      name: this.name,
      platform: this.platform,
      os: this.os,
      arch: this.arch,
      requestedSize: this.requestedSize,
      billedSize: this.billedSize,
      tasks: this.tasks,
      taskHours: this.taskHours,
      lineItems: this.lineItems,
      monthlyCost: this.monthlyCost,
      computeMonthlyCost: this.computeMonthlyCost,
      warnings: this.warnings,
    };
  }
}

const osArchOf = (w: Pick<Workload, "os" | "arch">): OsArch => (w.os === "windows" ? "Windows/x86_64" : w.arch === "arm64" ? "Linux/arm64" : "Linux/x86_64");

/** The compute line items of a workload: quantity = units x hours, cost = quantity x rate (see lineItem). */
function computeLines(w: Workload, region: FargateRegion, catalog: Catalog, size: TaskSize, hours: Decimal): LineItem[] {
  const { regular, spot } = splitHours(hours, w.spotPercent);
  const vcpu = num(size.vcpu);
  const memory = num(size.memoryGiB);
  const osArch = osArchOf(w);
  const parts: LineItem[] = [];
  if (hasRegular(regular, w)) {
    const m = regularMeter(w, osArch, region);
    parts.push(lineItem(m.names.vcpu, "vCPU-hours", vcpu.times(regular), m.rates.vcpuHour.usd, "vcpu", m.purchase, m.source));
    parts.push(lineItem(m.names.memory, "GB-hours", memory.times(regular), m.rates.gbHour.usd, "memory", m.purchase, m.source));
    if (m.license)
      parts.push(lineItem("Windows OS license (on-demand)", "vCPU-hours", vcpu.times(regular), m.license.usd, "os-license", "on-demand", ON_DEMAND_SOURCE));
  }
  if (w.spotPercent > 0) {
    const m = spotMeter(w, osArch, region);
    parts.push(lineItem(m.names.vcpu, "vCPU-hours", vcpu.times(spot), m.rates.vcpuHour.usd, "vcpu", "spot", m.rates.provenance));
    parts.push(lineItem(m.names.memory, "GB-hours", memory.times(spot), m.rates.gbHour.usd, "memory", "spot", m.rates.provenance));
  }
  const extraStorage = w.storageGiB - catalog.ephemeralStorage.freeGiB;
  if (extraStorage > 0) {
    const name = memo(`storage|${catalog.ephemeralStorage.freeGiB}`, () => `Ephemeral storage (above ${catalog.ephemeralStorage.freeGiB} GiB free)`);
    parts.push(lineItem(name, "GB-hours", num(extraStorage).times(hours), region.ephemeralStorageGbHour.usd, "storage", "on-demand", ON_DEMAND_SOURCE));
  }
  return parts;
}

/**
 * The rates behind a workload's compute cost. Objects are shared (meters per region, OS, arch and plan), so
 * workloads priced alike can be grouped by identity. spotPercent is 0 without a Spot line.
 */
export interface ComputeRatesUsed {
  regular: { vcpu: string; gb: string; perTaskHour: Decimal } | null;
  spot: { vcpu: string; gb: string; perTaskHour: Decimal } | null;
  spotPercent: number;
  /** Ephemeral storage above the free GiB (GB-hours per task-hour) and its rate. */
  storage: { gib: number; rate: string } | null;
}

const perTaskHourCache = new Map<string, Decimal>();
/**
 * USD per task-hour of a workload's compute: (1 - share) x regular + share x Spot + storage, exact. Equal to
 * computeMonthlyCost / taskHours whenever taskHours > 0 (the same products, grouped); cached per combination.
 */
export function perTaskHour(r: ComputeRatesUsed): Decimal {
  const key = `${r.regular?.perTaskHour ?? "-"}|${r.spot?.perTaskHour ?? "-"}|${r.spotPercent}|${r.storage ? `${r.storage.gib}x${r.storage.rate}` : "-"}`;
  let v = perTaskHourCache.get(key);
  if (!v) {
    const share = num(r.spotPercent).times(PERCENT);
    v = ZERO;
    if (r.regular) v = v.plus(r.regular.perTaskHour.times(dec(1).minus(share)));
    if (r.spot) v = v.plus(r.spot.perTaskHour.times(share));
    if (r.storage) v = v.plus(num(r.storage.gib).times(decRate(r.storage.rate)));
    if (perTaskHourCache.size < 10_000) perTaskHourCache.set(key, v);
  }
  return v;
}

const usedCache = new WeakMap<object, Map<unknown, Map<unknown, ComputeRatesUsed>>>();
/** One shared ComputeRatesUsed per (regular, Spot, share, storage) combination: nested maps keyed by identity. */
function ratesUsed(
  regular: ComputeRatesUsed["regular"],
  spot: ComputeRatesUsed["spot"],
  spotPercent: number,
  storage: ComputeRatesUsed["storage"],
): ComputeRatesUsed {
  const root = regular ?? spot ?? NO_METER;
  let a = usedCache.get(root);
  if (!a) usedCache.set(root, (a = new Map()));
  let b = a.get(spot);
  if (!b) a.set(spot, (b = new Map()));
  const key = storage ? `${spotPercent}|${storage.gib}|${storage.rate}` : spotPercent;
  let v = b.get(key);
  if (!v) b.set(key, (v = { regular: regular === NO_METER ? null : regular, spot, spotPercent: spot ? spotPercent : 0, storage }));
  return v;
}
const NO_METER = { vcpu: "", gb: "", perTaskHour: ZERO };

const sizeParts = new WeakMap<Decimal, ComputeRatesUsed["regular"]>();
const partOf = (rates: { vcpuHour: Rate; gbHour: Rate }, perHour: Decimal) => {
  let p = sizeParts.get(perHour);
  if (!p) sizeParts.set(perHour, (p = { vcpu: rates.vcpuHour.usd, gb: rates.gbHour.usd, perTaskHour: perHour }));
  return p!;
};

/** One validated workload in one region -> its estimate. Pure; every rate comes from the catalog. */
export function priceWorkload(w: Workload, region: FargateRegion, catalog: Catalog): FargateWorkloadEstimate {
  const size = billedSize(w, catalog.eksOverheadMiB);
  const warnings: string[] = [];
  const hours = billedTaskHours(w, catalog.minimumBillableSeconds);
  const { regular, spot } = splitHours(hours, w.spotPercent);
  const osArch = osArchOf(w);

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

  let cost = ZERO;
  let regularPart: ComputeRatesUsed["regular"] = null;
  let spotPart: ComputeRatesUsed["spot"] = null;
  if (hasRegular(regular, w)) {
    const m = regularMeter(w, osArch, region);
    const k = regularPerHour(m, size);
    regularPart = partOf(m.rates, k);
    cost = regular.times(k);
    if (w.savingsPlan !== "none") warnings.push(SP_WARNINGS[w.savingsPlan][w.spotPercent > 0 ? 1 : 0]!);
    if (m.license && w.savingsPlan !== "none") warnings.push(LICENSE_WARNING);
  }
  if (w.spotPercent > 0) {
    const m = spotMeter(w, osArch, region);
    const k = spotPerHour(m, size);
    spotPart = partOf(m.rates, k);
    cost = cost.plus(spot.times(k));
    warnings.push(SPOT_WARNING);
  }
  const extraStorage = w.storageGiB - catalog.ephemeralStorage.freeGiB;
  let storage: ComputeRatesUsed["storage"] = null;
  if (extraStorage > 0) {
    cost = cost.plus(num(extraStorage).times(hours).times(decRate(region.ephemeralStorageGbHour.usd)));
    storage = { gib: extraStorage, rate: region.ephemeralStorageGbHour.usd };
  }

  return new FargateWorkloadEstimate(w, region, catalog, size, hours, cost, warnings, ratesUsed(regularPart ?? NO_METER, spotPart, w.spotPercent, storage));
}

export type { Scenario };

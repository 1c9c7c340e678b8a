import type { ComputeRates, DerivedRates, FargateCatalog, FargateRegion, Rate } from "@/lib/catalog";
import { capacitySplit } from "./capacity-providers";
import type { ScenarioSpec as Scenario, WorkloadSpec as Workload } from "./input";
import { lineItemAt } from "./line-item";
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
/**
 * Texts built once per key (a warning repeats across the workloads of one size or run length): by OS, then two
 * numbers, for one catalog setting per OS (the EKS overhead, the minimum billed seconds), forgotten when it changes.
 */
class Texts {
  readonly #slots = [0, 1].map(() => ({ setting: NaN, count: 0, texts: new Map<number, Map<number, string>>() }));
  #slot(os: Workload["os"], setting: number) {
    const slot = this.#slots[os === "windows" ? 1 : 0]!;
    if (slot.setting !== setting) {
      slot.setting = setting;
      slot.count = 0;
      slot.texts.clear();
    }
    return slot;
  }
  get(os: Workload["os"], setting: number, a: number, b: number): string | undefined {
    return this.#slot(os, setting).texts.get(a)?.get(b);
  }
  set(os: Workload["os"], setting: number, a: number, b: number, text: string): string {
    const slot = this.#slot(os, setting);
    if (slot.count >= 5_000) return text;
    let byB = slot.texts.get(a);
    if (!byB) slot.texts.set(a, (byB = new Map()));
    byB.set(b, text);
    slot.count++;
    return text;
  }
}
/** EKS rounding warnings by OS, requested vCPU and memory (the billed size follows from them and the overhead). */
const eksWarnings = new Texts();
/** Minimum-charge warnings by OS and seconds per run. */
const minimumWarnings = new Texts();
const storageNames = new Map<number, string>();

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
type Part = NonNullable<ComputeRatesUsed["regular"]>;

/**
 * One part of a workload's compute (regular or Spot) at one billed size: its rates and USD per task-hour (vCPU x
 * rate + GiB x rate [+ vCPU x license]), built once per meter and size, with the combinations it is used in.
 */
interface SizePart {
  part: Part;
  /** The size's vCPU and GiB as decimals. */
  vcpu: Decimal;
  memory: Decimal;
  /** The shared ComputeRatesUsed (and price sources) by Spot part, Spot share, then extra storage GiB (0: none). */
  used: Map<Part | null, Map<number, Map<number, Used>>>;
}
interface Used {
  rates: ComputeRatesUsed;
  /** The price sources of the compute lines, in line order. */
  sources: readonly string[];
  /** What the line items are built from: the meters and sizes of the parts (null: no line), the storage rate. */
  regularMeter: RegularMeter | null;
  regularSize: SizePart;
  spotMeter: SpotMeter | null;
  spotSize: SizePart | null;
  storagePrice: Decimal | null;
}

/** What one workload is billed at for the regular (on-demand or Savings Plan) part: rates, names, source. */
interface RegularMeter {
  rates: ComputeRates;
  license: Rate | null;
  /** The rates parsed: vCPU-hour, GB-hour, license vCPU-hour. */
  vcpuRate: Decimal;
  gbRate: Decimal;
  licenseRate: Decimal | null;
  source: string;
  purchase: LineItem["purchase"];
  names: { vcpu: string; memory: string };
  /** Per vCPU, then GiB of a billed size. */
  sizes: Map<number, Map<number, SizePart>>;
}
interface SpotMeter {
  rates: DerivedRates;
  vcpuRate: Decimal;
  gbRate: Decimal;
  names: { vcpu: string; memory: string };
  sizes: Map<number, Map<number, SizePart>>;
}

const PLAN_INDEX: Record<Workload["savingsPlan"], number> = { none: 0, "1yr-no-upfront": 1, "1yr-all-upfront": 2, "3yr-no-upfront": 3, "3yr-all-upfront": 4 };
type Slots = { regular: (RegularMeter | undefined)[]; spot: (SpotMeter | null | undefined)[] };
const meters = new WeakMap<FargateRegion, Slots>();
// The region of the last lookup: the workloads of a scenario share one.
let lastRegion: FargateRegion | undefined;
let lastSlots: Slots | undefined;
const meterSlots = (region: FargateRegion): Slots => {
  if (region === lastRegion) return lastSlots!;
  let m = meters.get(region);
  if (!m) meters.set(region, (m = { regular: [], spot: [] }));
  lastRegion = region;
  lastSlots = m;
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
  m = {
    rates,
    license,
    vcpuRate: decRate(rates.vcpuHour.usd),
    gbRate: decRate(rates.gbHour.usd),
    licenseRate: license && decRate(license.usd),
    source,
    purchase,
    names: NAMES[w.savingsPlan][osArch],
    sizes: new Map(),
  };
  slots[i] = m;
  return m;
}

function spotMeter(w: Workload, osArch: OsArch, region: FargateRegion): SpotMeter {
  const slots = meterSlots(region).spot;
  const i = osArchIndex(osArch);
  let m = slots[i];
  if (m === undefined) {
    const spot = own(region.spot, w.arch);
    m = spot ? { rates: spot, vcpuRate: decRate(spot.vcpuHour.usd), gbRate: decRate(spot.gbHour.usd), names: SPOT_NAMES[osArch], sizes: new Map() } : null;
    slots[i] = m;
  }
  if (!m) throw new RangeError(`No Fargate Spot price for ${osArch}`);
  return m;
}

/** A meter's part at a billed size, built on first use: USD per task-hour = sum over the size's lines of units x rate. */
function sizePart(m: RegularMeter | SpotMeter, size: TaskSize): SizePart {
  let byMemory = m.sizes.get(size.vcpu);
  if (!byMemory) m.sizes.set(size.vcpu, (byMemory = new Map()));
  let p = byMemory.get(size.memoryGiB);
  if (!p) {
    const vcpu = num(size.vcpu);
    const memory = num(size.memoryGiB);
    let perTaskHour = vcpu.times(m.vcpuRate).plus(memory.times(m.gbRate));
    if ("licenseRate" in m && m.licenseRate) perTaskHour = perTaskHour.plus(vcpu.times(m.licenseRate));
    byMemory.set(size.memoryGiB, (p = { part: { vcpu: m.rates.vcpuHour.usd, gb: m.rates.gbHour.usd, perTaskHour }, vcpu, memory, used: new Map() }));
  }
  return p;
}

/** Whether the regular part has lines: hours left after Spot (a Decimal is canonical: its sign is its coefficient's). */
const hasRegular = (regular: Decimal, w: Workload) => regular.c > 0 || w.spotPercent < 100;

const NO_LINES: readonly LineItem[] = [];

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
  /** Task-hours of the regular part and of Fargate Spot (hours = regular + Spot). */
  readonly #regularHours: Decimal;
  readonly #spotHours: Decimal;
  readonly #extra: readonly LineItem[];
  /** What a task-hour costs, by part, and the compute lines' price sources (shared by workloads alike). */
  readonly #used: Used;

  constructor(
    w: Workload,
    region: FargateRegion,
    catalog: Catalog,
    size: TaskSize,
    hours: Decimal,
    regularHours: Decimal,
    spotHours: Decimal,
    cost: Decimal,
    warnings: string[],
    used: Used,
    extra: readonly LineItem[] = NO_LINES,
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
    this.#regularHours = regularHours;
    this.#spotHours = spotHours;
    this.#extra = extra;
    this.#used = used;
  }

  /** Compute lines (vCPU, memory, OS license, Spot, storage), then the extras (public IPv4, logs). */
  get lineItems(): LineItem[] {
    if (!this.#items) {
      const lines = computeLines(this.#used, this.#region, this.#catalog, this.taskHours, this.#regularHours, this.#spotHours);
      for (const li of this.#extra) lines.push(li);
      this.#items = lines;
    }
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
      this.#regularHours,
      this.#spotHours,
      this.computeMonthlyCost,
      this.warnings,
      this.#used,
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
    return this.#used.rates;
  }

  /** The price sources of the line items, in line order, without materializing them (shared: do not modify). */
  priceSources(): readonly string[] {
    const sources = this.#used.sources;
    return this.#extra.length === 0 ? sources : [...sources, ...this.#extra.map((li) => li.priceSource)];
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

const storageName = (freeGiB: number) => {
  let name = storageNames.get(freeGiB);
  if (name === undefined) storageNames.set(freeGiB, (name = `Ephemeral storage (above ${freeGiB} GiB free)`));
  return name;
};

/** The compute line items of a workload: quantity = units x hours, cost = quantity x rate (see lineItem). */
function computeLines(used: Used, region: FargateRegion, catalog: Catalog, hours: Decimal, regular: Decimal, spot: Decimal): LineItem[] {
  const parts: LineItem[] = [];
  const m = used.regularMeter;
  if (m) {
    const size = used.regularSize;
    const vcpuHours = size.vcpu.times(regular);
    parts.push(lineItemAt(m.names.vcpu, "vCPU-hours", vcpuHours, m.rates.vcpuHour.usd, m.vcpuRate, "vcpu", m.purchase, m.source));
    parts.push(lineItemAt(m.names.memory, "GB-hours", size.memory.times(regular), m.rates.gbHour.usd, m.gbRate, "memory", m.purchase, m.source));
    if (m.license)
      parts.push(
        lineItemAt("Windows OS license (on-demand)", "vCPU-hours", vcpuHours, m.license.usd, m.licenseRate!, "os-license", "on-demand", ON_DEMAND_SOURCE),
      );
  }
  const s = used.spotMeter;
  if (s) {
    const size = used.spotSize!;
    const source = s.rates.provenance;
    parts.push(lineItemAt(s.names.vcpu, "vCPU-hours", size.vcpu.times(spot), s.rates.vcpuHour.usd, s.vcpuRate, "vcpu", "spot", source));
    parts.push(lineItemAt(s.names.memory, "GB-hours", size.memory.times(spot), s.rates.gbHour.usd, s.gbRate, "memory", "spot", source));
  }
  const storage = used.rates.storage;
  if (storage)
    parts.push(
      lineItemAt(
        storageName(catalog.ephemeralStorage.freeGiB),
        "GB-hours",
        num(storage.gib).times(hours),
        region.ephemeralStorageGbHour.usd,
        used.storagePrice!,
        "storage",
        "on-demand",
        ON_DEMAND_SOURCE,
      ),
    );
  return parts;
}

const perTaskHourCache = new WeakMap<ComputeRatesUsed, Decimal>();
/**
 * USD per task-hour of a workload's compute: (1 - share) x regular + share x Spot + storage, exact. Equal to
 * computeMonthlyCost / taskHours whenever taskHours > 0 (the same products, grouped); cached per (shared) combination.
 */
export function perTaskHour(r: ComputeRatesUsed): Decimal {
  let v = perTaskHourCache.get(r);
  if (!v) {
    const share = num(r.spotPercent).times(PERCENT);
    v = ZERO;
    if (r.regular) v = v.plus(r.regular.perTaskHour.times(dec(1).minus(share)));
    if (r.spot) v = v.plus(r.spot.perTaskHour.times(share));
    if (r.storage) v = v.plus(num(r.storage.gib).times(decRate(r.storage.rate)));
    perTaskHourCache.set(r, v);
  }
  return v;
}

/** Spot-only workloads (no regular part) start their combinations here. */
const NO_REGULAR: SizePart = { part: { vcpu: "", gb: "", perTaskHour: ZERO }, vcpu: ZERO, memory: ZERO, used: new Map() };

/**
 * The one shared Used of a (regular part, Spot part, Spot share, extra storage) combination: nested maps from the
 * regular part, keyed by identity and numbers. The sources follow the parts (each part belongs to one meter).
 */
function usedOf(
  regular: SizePart,
  regularMeter: RegularMeter | null,
  spot: SizePart | null,
  spotMeter: SpotMeter | null,
  spotPercent: number,
  gib: number,
  rate: string,
): Used {
  let bySpot = regular.used.get(spot?.part ?? null);
  if (!bySpot) regular.used.set(spot?.part ?? null, (bySpot = new Map()));
  let byStorage = bySpot.get(spotPercent);
  if (!byStorage) bySpot.set(spotPercent, (byStorage = new Map()));
  let v = byStorage.get(gib);
  if (!v || (v.rates.storage && v.rates.storage.rate !== rate)) {
    const sources: string[] = [];
    if (regularMeter) {
      sources.push(regularMeter.source);
      if (regularMeter.license) sources.push(ON_DEMAND_SOURCE);
    }
    if (spotMeter) sources.push(spotMeter.rates.provenance);
    if (gib > 0) sources.push(ON_DEMAND_SOURCE);
    const rates: ComputeRatesUsed = {
      regular: regularMeter ? regular.part : null,
      spot: spot ? spot.part : null,
      spotPercent: spot ? spotPercent : 0,
      storage: gib > 0 ? { gib, rate } : null,
    };
    const storagePrice = gib > 0 ? decRate(rate) : null;
    byStorage.set(gib, (v = { rates, sources, regularMeter, regularSize: regular, spotMeter, spotSize: spot, storagePrice }));
  }
  return v;
}

/** One validated workload in one region -> its estimate. Pure; every rate comes from the catalog. */
export function priceWorkload(w: Workload, region: FargateRegion, catalog: Catalog): FargateWorkloadEstimate {
  const size = billedSize(w, catalog.eksOverheadMiB);
  const warnings: string[] = [];
  const hours = billedTaskHours(w, catalog.minimumBillableSeconds);
  const spotPercent = w.spotPercent;
  let regular = hours;
  let spot = ZERO;
  if (spotPercent > 0) {
    // A capacity provider strategy puts whole tasks on Spot: their hours exactly (spotPercent may be 100/3).
    const split = w.capacityProviders && w.tasks > 0 ? capacitySplit(w.tasks, w.capacityProviders) : null;
    spot = split ? hours.times(split.spot).div(w.tasks) : hours.times(num(spotPercent)).times(PERCENT);
    regular = hours.minus(spot);
  }
  const osArch = osArchOf(w);

  if (w.platform === "eks" && (size.vcpu !== w.vcpu || size.memoryGiB !== w.memoryGiB)) {
    const overhead = catalog.eksOverheadMiB;
    warnings.push(
      eksWarnings.get(w.os, overhead, w.vcpu, w.memoryGiB) ??
        eksWarnings.set(
          w.os,
          overhead,
          w.vcpu,
          w.memoryGiB,
          `Billed as ${formatSize(size)}: EKS adds ${overhead} MiB to the pod's requests (${formatSize(w)}) and rounds up to the next valid Fargate size.`,
        ),
    );
  }
  if (w.capacityProviders) warnings.push(`Capacity provider strategy: ${capacitySplit(w.tasks, w.capacityProviders).words}.`);
  const schedule = w.schedule;
  if (schedule.type === "batch" && schedule.secondsPerRun < catalog.minimumBillableSeconds[w.os]) {
    const min = catalog.minimumBillableSeconds[w.os];
    const secondsPerRun = schedule.secondsPerRun;
    warnings.push(
      minimumWarnings.get(w.os, min, secondsPerRun, 0) ??
        minimumWarnings.set(
          w.os,
          min,
          secondsPerRun,
          0,
          `Each ${secondsPerRun}-second run is billed as ${min} s: the ${w.os === "windows" ? "Windows" : "Linux"} minimum charge per task is ${min / 60} minute${min === 60 ? "" : "s"}.`,
        ),
    );
  }

  let cost = ZERO;
  let regularMeterUsed: RegularMeter | null = null;
  let regularPart = NO_REGULAR;
  let spotMeterUsed: SpotMeter | null = null;
  let spotPart: SizePart | null = null;
  if (hasRegular(regular, w)) {
    const m = (regularMeterUsed = regularMeter(w, osArch, region));
    regularPart = sizePart(m, size);
    cost = regular.times(regularPart.part.perTaskHour);
    if (w.savingsPlan !== "none") warnings.push(SP_WARNINGS[w.savingsPlan][spotPercent > 0 ? 1 : 0]!);
    if (m.license && w.savingsPlan !== "none") warnings.push(LICENSE_WARNING);
  }
  if (spotPercent > 0) {
    const m = (spotMeterUsed = spotMeter(w, osArch, region));
    spotPart = sizePart(m, size);
    cost = cost.plus(spot.times(spotPart.part.perTaskHour));
    warnings.push(SPOT_WARNING);
  }
  const extraStorage = w.storageGiB - catalog.ephemeralStorage.freeGiB;
  const storageRate = region.ephemeralStorageGbHour.usd;
  const used = usedOf(regularPart, regularMeterUsed, spotPart, spotMeterUsed, spotPercent, extraStorage > 0 ? extraStorage : 0, storageRate);
  if (used.storagePrice) cost = cost.plus(num(extraStorage).times(hours).times(used.storagePrice));
  return new FargateWorkloadEstimate(w, region, catalog, size, hours, regular, spot, cost, warnings, used);
}

export type { Scenario };

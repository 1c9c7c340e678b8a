import type { FargateCatalog } from "@/lib/catalog";
import { dec, DIVISION_PLACES, MS_PER_HOUR, ZERO, type Decimal } from "@/lib/core";
import { BillError, FORMAT_NAMES, FORMAT_COLUMNS, mapHeader, type ColumnMap, type Field } from "./columns";
import { Attribution, linkTagsOf } from "./attribution";
import { ExactSum } from "./exact-sum";
import { decimalOfNumber, decimalOfText } from "./fast-decimal";
import { Memo } from "./memo";
import { PartsIndex } from "./parts-index";
import { PeriodTracker, periodSentence } from "./period";
import { SavingsPlanHours } from "./savings-plan";
import { SplitCollector } from "./split-rightsizing";
import type { AdjustmentKind, AdjustmentLine, ColumnsUsed, GroupLine, OutsideLine, Reconciliation, UsageLine } from "./types";
import {
  FARGATE_USAGE_TYPES,
  fargateMeter,
  fargateSkuIndex,
  isFargateUsageType,
  stripRegionPrefix,
  usageTypeFromDescription,
  type FargateMeter,
  type SkuInfo,
} from "./usage-type";
import { ResourceIds } from "./resource-ids";
import { NEW_TASK, NO_TASK, UsageProfiler, type GroupHandle } from "./usage-profile";

/** One cell as a reader hands it over: CSV gives text; Parquet gives numbers, dates, maps. */
export type Cell = string | number | bigint | boolean | Date | null | undefined | object;

interface Sums {
  quantity: Decimal;
  listCost: Decimal;
  effectiveCost: Decimal;
  /** Cash (CUR unblended incl. negations, FOCUS BilledCost); also FOCUS's paid figure when its EffectiveCost is unusable. */
  billedCost: Decimal;
}
/** Sums while the bill streams: exact, without a Decimal per row (./exact-sum.ts); settled into Sums by finish(). */
interface RunningSums {
  quantity: ExactSum;
  listCost: ExactSum;
  effectiveCost: ExactSum;
  billedCost: ExactSum;
}
const newSums = (): RunningSums => ({ quantity: new ExactSum(), listCost: new ExactSum(), effectiveCost: new ExactSum(), billedCost: new ExactSum() });
const addSums = (s: RunningSums, quantity: Decimal, listCost: Decimal, effectiveCost: Decimal, billedCost: Decimal) => {
  s.quantity.add(quantity);
  s.listCost.add(listCost);
  s.effectiveCost.add(effectiveCost);
  s.billedCost.add(billedCost);
};
const settle = (s: RunningSums): Sums => ({
  quantity: s.quantity.value(),
  listCost: s.listCost.value(),
  effectiveCost: s.effectiveCost.value(),
  billedCost: s.billedCost.value(),
});

interface Group {
  line: Omit<GroupLine, "usage" | "listCost" | "effectiveCost" | "peak" | "resources">;
  usage: Map<string, RunningSums & { unit: string }>;
  peak: { vcpu: Decimal | null; memoryGB: Decimal | null; storageGB: Decimal | null };
  /** Distinct resource IDs counted (at most MAX_RESOURCES a group and GROUP_BOUNDS.resources over all groups). */
  resources: number;
  /** Its number in the accumulator's ResourceIds. */
  no: number;
  /** Its names were handed to the attribution (once per group: they are the same on every row). */
  named: boolean;
  /** Its key in the accumulator's groups (and the profiler's). */
  key: string;
  /** Its profile's accumulator: undefined until its first metered row, null when not profiled (PROFILE_BOUNDS.groups). */
  profile: GroupHandle | null | undefined;
}

type UsageEntry = RunningSums & { region: string; platform: "ecs" | "eks"; usageType: string; unit: string; meter: FargateMeter | undefined };

// Products whose charges a Fargate service causes beside the Fargate meter (docs/pricing-rules.md#reading-a-bill).
const RELATED_CUR_PRODUCTS = new Set(["AmazonECS", "AmazonEKS", "AmazonVPC", "AWSELB", "AmazonCloudWatch", "AWSDataTransfer", "AmazonEFS", "AmazonECR"]);
const RELATED_EC2_USAGE = /NatGateway|DataTransfer|-Bytes$|PublicIPv4|VpcEndpoint|LoadBalancer|LCUUsage/;
const RELATED_FOCUS_SERVICES =
  /Elastic Container Service|Elastic Kubernetes Service|Virtual Private Cloud|Elastic Load Balancing|CloudWatch|Elastic File System|Container Registry|Data Transfer/i;
const RELATED_EC2_DESCRIPTION = /NAT Gateway|data transfer|public IPv4|VPC endpoint|PrivateLink|load ?balancer/i;

const MAX_RESOURCES = 100_000;
/**
 * Memory bounds on what a bill's rows can make the reader keep (README, Security): cluster/service groups tracked
 * (groups first seen after these are summed without being told apart), groups listed (the largest by paid cost; the
 * rest one "other groups" line), resource IDs counted over all groups, and distinct keys of the usage, outside-the-meter
 * and adjustment tables (further keys fold into one "(other)" line of their table).
 */
export const GROUP_BOUNDS = { tracked: 5_000, listed: 200, resources: 200_000, tableKeys: 1_000 } as const;
const OTHER = "(other)";
/**
 * A number cell as bills write it (the syntax big.js read here before: no "+", an exponent of at most 4 digits so
 * that "1e999999999" is refused rather than expanded to a billion digits).
 */
const NUMERIC = /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d{1,4})?$/i;
const PLAIN_SHORT = /^-?\d*\.?\d*$/;
/** Bounds on a number read from a bill (README, Security): real costs, rates and quantities sit far inside them. */
export const NUMBER_BOUNDS = { maxChars: 100, maxSignificantDigits: 40, maxExponent: 20, minExponent: -40 } as const;

/**
 * Why a number cell (already in NUMERIC's syntax) is out of bounds, or null: at most 40 significant digits and a
 * magnitude from 1e-40 to under 1e21 (a billion billion), checked on the text before any arithmetic, so no cell can
 * make the exact sums slow or huge.
 */
export function numberOutOfBounds(s: string): string | null {
  // Most cells: a plain decimal of at most 15 characters (at most 15 digits, under 1e15, and 1e-14 or more unless 0).
  if (s.length <= 15 && PLAIN_SHORT.test(s)) return null;
  if (s.length > NUMBER_BOUNDS.maxChars) return `it is longer than ${NUMBER_BOUNDS.maxChars} characters`;
  const m = /^-?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(s);
  if (!m) return null;
  const int = (m[1] ?? "").replace(/^0+/, "");
  const frac = m[2] ?? "";
  const exp = m[3] ? Number(m[3]) : 0;
  const digits = (int + frac).replace(/^0+/, "").replace(/0+$/, "");
  if (!digits) return null; // zero
  if (digits.length > NUMBER_BOUNDS.maxSignificantDigits) return `it has more than ${NUMBER_BOUNDS.maxSignificantDigits} significant digits`;
  // The power of ten of the leading digit: 123.4 -> 2, 0.0012 -> -3.
  const lead = (int ? int.length - 1 : -(frac.length - frac.replace(/^0+/, "").length) - 1) + exp;
  if (lead > NUMBER_BOUNDS.maxExponent) return `it is 1e${NUMBER_BOUNDS.maxExponent + 1} or more`;
  if (lead < NUMBER_BOUNDS.minExponent) return `it is below 1e${NUMBER_BOUNDS.minExponent} (and not zero)`;
  return null;
}

// Pure per-cell work, remembered (./memo.ts): a bill repeats its hours, rates and tags on every row.
const MILLIS = new Memo<string, number>();
const SERVICES = new Memo<string, string | null>();
const NUMBERS = new Memo<string | number, Decimal>();
/** A usage type as the bill writes it -> without its region prefix, whether it is a Fargate meter (one string per text). */
const USAGE_TYPES = new Memo<string, { stripped: string; fargate: boolean }>();

function usageTypeInfo(raw: string): { stripped: string; fargate: boolean } {
  const known = USAGE_TYPES.get(raw);
  if (known) return known;
  const stripped = stripRegionPrefix(raw);
  return USAGE_TYPES.set(raw, { stripped, fargate: isFargateUsageType(stripped) });
}

/** ISO-like timestamps; a zone-less "2024-09-01 00:00:00" (FOCUS sample) is UTC, as AWS bills are. */
export function toMillis(value: Cell): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "number") return value;
  if (typeof value !== "string" || !value || value === "NULL") return NaN;
  const known = MILLIS.get(value);
  if (known !== undefined) return known;
  let s = value.trim().replace(" ", "T");
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) s += "T00:00:00Z";
  else if (!/(Z|[+-]\d{2}:?\d{2})$/.test(s)) s += "Z";
  return MILLIS.set(value, Date.parse(s));
}

const isoOf = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

function text(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value === "NULL" ? "" : value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value instanceof Map ? Object.fromEntries(value) : value);
  return String(value);
}

/** s.trim(), without the call when both ends are printable ASCII (nearly every cell): nothing to trim then. */
function trimmed(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(n - 1);
  return a > 32 && a < 127 && b > 32 && b < 127 ? s : s.trim();
}

/** Task ARN -> cluster: arn:aws:ecs:us-east-1:123:task/CLUSTER/id (EKS pods: pod/CLUSTER/...). */
export function clusterOf(resourceId: string): string {
  if (!resourceId) return "(unknown)";
  // The resource is what follows the fifth ":"; the cluster its second "/"-part, when a third follows.
  let at = -1;
  for (let i = 0; i < 5; i++) {
    at = resourceId.indexOf(":", at + 1);
    if (at < 0) return "(unknown)";
  }
  const first = resourceId.indexOf("/", at + 1);
  if (first < 0) return "(unknown)";
  const second = resourceId.indexOf("/", first + 1);
  return second > first + 1 ? resourceId.slice(first + 1, second) : "(unknown)";
}

/** Where clusterOf's cluster ends in resourceId (the "/" after it); only for an ID whose cluster is known. */
function clusterEnd(resourceId: string): number {
  let at = -1;
  for (let i = 0; i < 5; i++) at = resourceId.indexOf(":", at + 1);
  const first = resourceId.indexOf("/", at + 1);
  return resourceId.indexOf("/", first + 1);
}

/** The ECS service name from a tags cell: a JSON object (FOCUS Tags, CUR 2.0 resource_tags) or a Parquet map. */
export function serviceFromTags(value: Cell): string | undefined {
  if (typeof value !== "string") return serviceIn(value);
  const known = SERVICES.get(value);
  if (known !== undefined) return known ?? undefined;
  if (!/service_?name/i.test(value)) return undefined;
  let tags: unknown;
  try {
    tags = JSON.parse(value);
  } catch {
    return SERVICES.set(value, null) ?? undefined;
  }
  return SERVICES.set(value, serviceIn(tags) ?? null) ?? undefined;
}

function serviceIn(tags: unknown): string | undefined {
  if (tags instanceof Map) tags = Object.fromEntries(tags);
  if (Array.isArray(tags)) tags = Object.fromEntries(tags.map((e: { key?: unknown; value?: unknown }) => [String(e?.key), e?.value]));
  if (!tags || typeof tags !== "object") return undefined;
  for (const [k, v] of Object.entries(tags)) {
    if (/(^|[:_])ecs[:_]service_?name$/i.test(k) && typeof v === "string" && v) return v;
  }
  return undefined;
}

const OUTSIDE_KEY = (product: string, usageType: string, region: string, unit: string) => `${product}\u0000${usageType}\u0000${region}\u0000${unit}`;

/**
 * Streams a bill's rows into per-usage-type, per-group and outside-the-meter sums, exactly (lib/core Decimal), keeping only
 * the sums in memory. Feed header() once, then row() for each data row, then finish().
 */
export class BillAccumulator {
  private map: ColumnMap | null = null;
  private rows = 0;
  private fargateRows = 0;
  private usage = new Map<string, UsageEntry>();
  /** The same entries by usage type, region and platform (usageEntry()). */
  private usageIndex = new PartsIndex<UsageEntry>();
  private groups = new Map<string, Group>();
  /** The same groups by region, platform, cluster and service. */
  private groupIndex = new PartsIndex<Group>();
  /** Scratch for the index lookups (no array per row). */
  private parts3: string[] = ["", "", ""];
  private parts4: string[] = ["", "", "", ""];
  private outside = new Map<string, OutsideLine & { q: ExactSum; c: ExactSum }>();
  /** The same rows, with what links them to the Fargate services found (./attribution.ts). */
  private attribution = new Attribution();
  private adjustments = new Map<string, { kind: AdjustmentKind; product: string; cost: Decimal; rows: number }>();
  private other = ZERO;
  /** Groups past GROUP_BOUNDS.tracked: only their sums. */
  private untracked = { rows: 0, listCost: ZERO, effectiveCost: ZERO, billedCost: ZERO };
  private resourceCount = 0;
  /** The last resource ID's text up to its cluster's closing "/", and that cluster (clusterOfResource()). */
  private clusterPrefix = "";
  private clusterOfPrefix = "";
  /** Every group's resource IDs, counted or profiled. */
  private resourceIds = new ResourceIds();
  private periodStart = Infinity;
  private periodEnd = -Infinity;
  private usageStart = Infinity;
  private usageEnd = -Infinity;
  private skuIndex: Map<string, SkuInfo>;
  private notes = new Set<string>();
  private values: readonly Cell[] = [];
  private period = new PeriodTracker();
  /** Where Fargate rows' usage types and quantities came from (column names), for columnsUsed. */
  private usageTypeFrom = new Set<string>();
  private curColumnsNoted = false;
  private quantityFrom = new Set<string>();
  private spCovered = false;
  /** FOCUS: an on-demand Usage row whose EffectiveCost differs from its BilledCost (AWS's 1.0 sample rounds it): use BilledCost. */
  private focusEffectiveUnusable = false;
  /** Savings Plan fee rows and the effective cost of usage any plan covered (every service). */
  private spFees = { fee: ZERO, used: ZERO, seen: false };
  /** Split cost allocation data, when the header has its columns (./split-rightsizing.ts). */
  private split: SplitCollector | null = null;
  /** Hour-by-hour and task-by-task shape of each group, for building a scenario (./usage-profile.ts). */
  private profiler = new UsageProfiler();
  /** The current row is usage a Savings Plan covered. */
  private covered = false;
  /** How messages name a row: CSV readers count lines (header = line 1), Parquet readers rows. */
  rowNoun: "line" | "row" = "line";
  /** Hourly Fargate spend and Savings Plan rows, when asked for (options.savingsPlan): the Reconciliation's savingsPlan. */
  private sp: SavingsPlanHours | null = null;
  /** The last text of each timestamp column and its milliseconds: rows repeat their period and hours (millis()). */
  private lastTimes: Cell[] = [undefined, undefined, undefined, undefined];
  private lastMillis: number[] = [NaN, NaN, NaN, NaN];

  constructor(
    readonly fileName: string,
    private readonly catalog: FargateCatalog,
    options: { savingsPlan?: boolean } = {},
  ) {
    this.skuIndex = fargateSkuIndex(catalog);
    if (options.savingsPlan) this.sp = new SavingsPlanHours(catalog);
  }

  get format() {
    return this.map?.format;
  }

  header(columns: readonly string[]): ColumnMap {
    this.map = mapHeader(columns, this.fileName);
    this.sp?.setFormat(this.map.format === "focus" ? "focus" : "cur");
    if (this.map.index.resourceId < 0) {
      this.notes.add('The bill has no resource IDs, so usage cannot be split by cluster or sized per task: export it with "Include resource IDs".');
    }
    if (this.map.index.splitReservedUsage >= 0 || this.map.index.splitActualUsage >= 0) this.split = new SplitCollector(this.map.format, this.catalog);
    return this.map;
  }

  private get(field: Field): Cell {
    const i = this.map!.index[field];
    return i < 0 ? undefined : this.values[i];
  }

  private str(field: Field): string {
    return trimmed(text(this.get(field)));
  }

  /** Where the current row is, for messages: "line N" of a CSV file (the header is line 1), "row N" of a Parquet file. */
  private where(): string {
    return this.rowNoun === "line" ? `line ${this.rows + 1}` : `row ${this.rows}`;
  }

  /** toMillis of a timestamp column, the last row's when the text is the same (slot: the column's place in lastTimes). */
  private millis(field: Field, slot: number): number {
    const v = this.get(field);
    if (v === this.lastTimes[slot]) return this.lastMillis[slot]!;
    const ms = toMillis(v);
    this.lastTimes[slot] = v;
    this.lastMillis[slot] = ms;
    return ms;
  }

  private decimal(field: Field): Decimal {
    const v = this.get(field);
    if (v === null || v === undefined || v === "" || v === "NULL") return ZERO;
    // A short plain decimal, as nearly every cell is, read directly (./fast-decimal.ts; null: read it carefully below).
    const quick = typeof v === "number" ? decimalOfNumber(v) : typeof v === "string" ? decimalOfText(v) : null;
    if (quick) return quick;
    // A text or number read before (and found in bounds then) is the same Decimal.
    const known = typeof v === "string" || typeof v === "number" ? NUMBERS.get(v) : undefined;
    if (known) return known;
    const s = typeof v === "number" || typeof v === "bigint" ? v.toString() : text(v).trim();
    if (!s) return ZERO;
    const column = FORMAT_COLUMNS[this.map!.format][field]?.column ?? field;
    if (!NUMERIC.test(s)) {
      throw new BillError(
        `${this.fileName}, ${this.where()}: ${column} is "${s.slice(0, 40)}", which is not a number; the file may be damaged or not a bill export.`,
      );
    }
    const bad = numberOutOfBounds(s);
    if (bad) {
      throw new BillError(
        `${this.fileName}, ${this.where()}: ${column} is "${s.length > 40 ? `${s.slice(0, 40)}…` : s}", out of the bounds of a bill's numbers (${bad}); the file may be damaged.`,
      );
    }
    return typeof v === "string" || typeof v === "number" ? NUMBERS.set(v, dec(s)) : dec(s);
  }

  row(values: readonly Cell[]): void {
    if (!this.map) throw new BillError(`${this.fileName}: the header row is missing.`);
    if (values.length === 1 && (values[0] === "" || values[0] === null)) return; // blank line
    this.values = values;
    this.rows++;
    const map = this.map;
    const ps = this.millis("periodStart", 0);
    const pe = this.millis("periodEnd", 1);
    if (ps < this.periodStart) this.periodStart = ps;
    if (pe > this.periodEnd) this.periodEnd = pe;
    this.period.billing(ps, pe);
    if (map.index.invoiceId >= 0) this.period.invoice(this.str("invoiceId"));
    const start = this.millis("start", 2);
    const end = this.millis("end", 3);
    if (start < this.usageStart) this.usageStart = start;
    if (end > this.usageEnd) this.usageEnd = end;
    this.sp?.span(start, end);
    if (map.format === "focus") this.focusRow(start, end);
    else this.curRow(start, end);
  }

  private adjust(kind: AdjustmentKind, product: string, cost: Decimal) {
    let key = `${kind}\u0000${product}`;
    if (!this.adjustments.has(key) && this.adjustments.size >= GROUP_BOUNDS.tableKeys) key = `${kind}\u0000${(product = OTHER)}`;
    let a = this.adjustments.get(key);
    if (!a) this.adjustments.set(key, (a = { kind, product, cost: ZERO, rows: 0 }));
    a.cost = a.cost.plus(cost);
    a.rows++;
  }

  private addOutside(product: string, usageType: string, region: string, unit: string, quantity: Decimal, cost: Decimal) {
    this.linkBeside(product, usageType, region, unit, quantity, cost);
    let key = OUTSIDE_KEY(product, usageType, region, unit);
    if (!this.outside.has(key) && this.outside.size >= GROUP_BOUNDS.tableKeys) {
      [product, usageType, region, unit] = [OTHER, OTHER, OTHER, ""];
      key = OUTSIDE_KEY(product, usageType, region, unit);
    }
    let o = this.outside.get(key);
    if (!o) this.outside.set(key, (o = { product, usageType, region, unit, quantity: "0", cost: "0", q: new ExactSum(), c: new ExactSum() }));
    o.q.add(quantity);
    o.c.add(cost);
  }

  /** Hands a row beside the meter to the attribution, with its resource id and cluster/service tags. */
  private linkBeside(product: string, usageType: string, region: string, unit: string, quantity: Decimal, cost: Decimal) {
    const map = this.map!;
    const tags = map.index.tags >= 0 ? linkTagsOf(this.get("tags")) : {};
    let tagCluster = tags.cluster ?? "";
    let tagService = tags.service ?? "";
    for (const i of map.clusterTagColumns ?? []) tagCluster = text(this.values[i]).trim() || tagCluster;
    for (const i of map.serviceTagColumns) tagService = text(this.values[i]).trim() || tagService;
    const rawUsageType = this.str("usageType");
    this.attribution.beside({ product, usageType, rawUsageType, region, unit, quantity, cost, resourceId: this.str("resourceId"), tagCluster, tagService });
  }

  private curRow(start: number, end: number) {
    const type = this.str("lineItemType");
    const product = this.str("productCode");
    switch (type) {
      case "Usage":
      case "DiscountedUsage":
      case "SavingsPlanCoveredUsage":
        break;
      case "SavingsPlanNegation": {
        // Negation rows cancel the on-demand cost of covered usage, whose effective cost is counted instead (paid);
        // in the cash view (billed) they net the covered row's unblended cost to 0.
        const info = usageTypeInfo(this.str("usageType"));
        const negated = info.stripped;
        const fargate = info.fargate && (product === "AmazonECS" || product === "AmazonEKS");
        this.period.usage(start, end, fargate);
        if (fargate) {
          this.fargateRows++;
          this.billedOnly(this.str("region") || this.str("regionAlt"), product === "AmazonECS" ? "ecs" : "eks", negated, this.decimal("cost"));
        }
        return;
      }
      case "Tax":
        return this.adjust("tax", product, this.decimal("cost"));
      case "Credit":
        return this.adjust("credit", product, this.decimal("cost"));
      case "Refund":
        return this.adjust("refund", product, this.decimal("cost"));
      case "SavingsPlanRecurringFee":
        this.spFees.seen = true;
        this.spFees.fee = this.spFees.fee.plus(this.decimal("cost"));
        if (this.sp)
          this.sp.commitmentFee(
            this.map!.index.spTotalCommitment >= 0 && this.str("spTotalCommitment") ? this.decimal("spTotalCommitment") : this.decimal("cost"),
          );
        return this.adjust("fee", product, this.decimal("cost"));
      case "Fee":
      case "RIFee":
      case "SavingsPlanUpfrontFee":
        return this.adjust("fee", product, this.decimal("cost"));
      default:
        return this.adjust(/Discount$/.test(type) ? "discount" : "other", product, this.decimal("cost"));
    }
    let cost: Decimal;
    this.covered = type === "SavingsPlanCoveredUsage";
    if (type === "SavingsPlanCoveredUsage") {
      if (this.map!.index.spEffectiveCost < 0) {
        const col = FORMAT_COLUMNS[this.map!.format].spEffectiveCost!.column;
        throw new BillError(
          `${this.fileName} has Savings Plan covered usage but no ${col} column, so what those rows cost cannot be known: export it with the Savings Plans columns.`,
        );
      }
      cost = this.decimal("spEffectiveCost");
      this.spFees.seen = true;
      this.spFees.used = this.spFees.used.plus(cost);
      this.sp?.used(cost);
    } else {
      cost = this.decimal("cost");
    }
    const { stripped: usageType, fargate: fargateType } = usageTypeInfo(this.str("usageType"));
    const region = this.str("region") || this.str("regionAlt");
    const platform = product === "AmazonECS" ? "ecs" : product === "AmazonEKS" ? "eks" : null;
    this.period.usage(start, end, !!platform && fargateType);
    if (platform && fargateType) {
      if (type === "SavingsPlanCoveredUsage") this.spCovered = true;
      // The same two columns on every CUR row: noted once.
      if (!this.curColumnsNoted) {
        this.curColumnsNoted = true;
        this.usageTypeFrom.add(FORMAT_COLUMNS[this.map!.format].usageType!.column);
        this.quantityFrom.add(FORMAT_COLUMNS[this.map!.format].quantity!.column);
      }
      const billed = type === "SavingsPlanCoveredUsage" ? this.decimal("cost") : cost;
      const [quantity, listCost] = [this.decimal("quantity"), this.decimal("listCost")];
      // A Parquet double is the quantity's number already (its Decimal's toNumber() gives it back).
      const raw = this.get("quantity");
      this.fargate(region, platform, usageType, this.str("unit"), quantity, listCost, cost, start, end, billed, typeof raw === "number" ? raw : undefined);
      this.sp?.fargate(region, usageType, quantity, listCost, type === "SavingsPlanCoveredUsage" ? cost : null, start, end);
    } else if (RELATED_CUR_PRODUCTS.has(product) || (product === "AmazonEC2" && RELATED_EC2_USAGE.test(usageType))) {
      this.addOutside(product, usageType, region, this.str("unit"), this.decimal("quantity"), cost);
    } else {
      this.other = this.other.plus(cost);
    }
  }

  private focusRow(start: number, end: number) {
    const category = this.str("lineItemType");
    const product = this.str("productCode");
    const cost = this.decimal("cost");
    const spCommitment = /savings plan/i.test(this.str("commitmentType"));
    switch (category) {
      case "Usage":
        break;
      case "Tax":
        return this.adjust("tax", product, cost);
      case "Credit":
        return this.adjust("credit", product, cost);
      case "Purchase":
        // The plan's recurring fee (a One-Time row is an upfront payment, not counted in savingsPlanFees.fee, as in CUR).
        if (spCommitment && !/^one-time$/i.test(this.str("chargeFrequency"))) {
          this.spFees.seen = true;
          this.spFees.fee = this.spFees.fee.plus(cost);
        }
        return this.adjust("fee", product, cost);
      case "Adjustment":
        return this.adjust("discount", product, cost);
      default:
        return this.adjust("other", product, cost);
    }
    const commitment = this.sp && /savings plan/i.test(this.str("commitmentType")) ? this.str("commitmentStatus").toLowerCase() : "";
    if (commitment) this.sp!.focusCommitment(commitment, this.decimal("effectiveCost"));
    if (/^unused$/i.test(this.str("commitmentStatus"))) return this.adjust("fee", product, cost);
    const status = this.str("commitmentStatus");
    // Amortised cost: EffectiveCost (FOCUS requires it to equal BilledCost on rows no commitment covers).
    const effective = this.map!.index.effectiveCost >= 0 ? this.decimal("effectiveCost") : cost;
    if (!status && !effective.eq(cost)) this.focusEffectiveUnusable = true;
    if (spCommitment && /^used$/i.test(status)) {
      this.spFees.seen = true;
      this.spFees.used = this.spFees.used.plus(effective);
    }
    const description = this.str("description");
    const serviceCode = this.str("serviceCode");
    const platform =
      /Kubernetes|^AmazonEKS$/i.test(product) || serviceCode === "AmazonEKS"
        ? "eks"
        : /Elastic Container Service|^AmazonECS$/i.test(product) || serviceCode === "AmazonECS"
          ? "ecs"
          : null;
    // The usage type: FOCUS 1.2 SkuMeter, FOCUS 1.0 x_UsageType, then the Price List SKU, then the description.
    let usageType = "";
    let from = "";
    for (const f of ["skuMeter", "usageType"] as const) {
      const v = this.str(f);
      if (!usageType && v) [usageType, from] = [stripRegionPrefix(v), f];
    }
    if (platform && !usageType) {
      const sku = this.str("sku");
      const bySku = sku ? this.skuIndex.get(sku) : undefined;
      const byDescription = bySku ? undefined : usageTypeFromDescription(description);
      if (bySku || byDescription) [usageType, from] = bySku ? [bySku.usageType, "sku"] : [byDescription!, "description"];
    }
    const fromQuantity = this.map!.index.quantity >= 0 && this.str("quantity");
    const quantity = fromQuantity ? this.decimal("quantity") : this.decimal("quantityAlt");
    const region = this.str("region");
    this.period.usage(start, end, !!platform && isFargateUsageType(usageType));
    if (platform && isFargateUsageType(usageType)) {
      this.usageTypeFrom.add(FORMAT_COLUMNS.focus[from as Field]!.column);
      this.quantityFrom.add(FORMAT_COLUMNS.focus[fromQuantity ? "quantity" : "quantityAlt"]!.column);
      if (spCommitment && /^used$/i.test(status)) this.spCovered = true;
      this.covered = spCommitment && /^used$/i.test(status);
      const listCost = this.decimal("listCost");
      this.fargate(region, platform, usageType, this.str("unit"), quantity, listCost, effective, start, end, cost);
      this.sp?.fargate(region, usageType, quantity, listCost, commitment === "used" ? this.decimal("effectiveCost") : null, start, end);
    } else if (RELATED_FOCUS_SERVICES.test(product) || (/Elastic Compute Cloud/i.test(product) && RELATED_EC2_DESCRIPTION.test(description))) {
      this.addOutside(product, usageType || description, region, this.str("unit"), quantity, cost);
    } else {
      this.other = this.other.plus(cost);
    }
  }

  private fargate(
    region: string,
    platform: "ecs" | "eks",
    usageType: string,
    rawUnit: string,
    quantity: Decimal,
    listCost: Decimal,
    cost: Decimal,
    start: number,
    end: number,
    billed: Decimal,
    quantityNumber?: number,
  ) {
    this.fargateRows++;
    const u = this.usageEntry(region, platform, usageType, rawUnit);
    const meter = u.meter;
    const unit = meter?.unit ?? rawUnit;
    addSums(u, quantity, listCost, cost, billed);

    const resourceId = this.str("resourceId");
    const cluster = this.clusterOfResource(resourceId);
    let service = "(untagged)";
    const map = this.map!;
    if (map.index.tags >= 0) service = serviceFromTags(this.get("tags")) ?? service;
    for (const i of map.serviceTagColumns) {
      const v = text(this.values[i]).trim();
      if (v) service = v;
    }
    this.attribution.fargateResource(platform, cluster, resourceId);
    if (this.split && meter) {
      const tags = map.index.tags >= 0 ? this.get("tags") : undefined;
      this.split.add({ where: this.where(), region, platform, cluster, service, resourceId, meter, start, end, cost, tags, cell: (f) => this.get(f) });
    }
    const parts = this.parts4;
    parts[0] = region;
    parts[1] = platform;
    parts[2] = cluster;
    parts[3] = service;
    let g = this.groupIndex.get(parts);
    // Parts holding the separator can spell another group's key (a damaged bill): that group, as when keys were joined.
    if (!g && (region + platform + cluster + service).includes("\u0000")) g = this.groups.get(`${region}\u0000${platform}\u0000${cluster}\u0000${service}`);
    if (!g && this.groups.size >= GROUP_BOUNDS.tracked) {
      this.attribution.fargateGroup(region, platform, cluster, service);
      this.untracked.rows++;
      this.untracked.listCost = this.untracked.listCost.plus(listCost);
      this.untracked.effectiveCost = this.untracked.effectiveCost.plus(cost);
      this.untracked.billedCost = this.untracked.billedCost.plus(billed);
      return;
    }
    if (!g) {
      const gkey = `${region}\u0000${platform}\u0000${cluster}\u0000${service}`;
      g = {
        line: { region, platform, cluster, service, os: "linux", arch: "x86_64", rows: 0 },
        usage: new Map(),
        peak: { vcpu: null, memoryGB: null, storageGB: null },
        resources: 0,
        no: this.groups.size,
        named: false,
        key: gkey,
        profile: undefined,
      };
      this.groups.set(gkey, g);
      this.groupIndex.set(parts, g);
    }
    if (!g.named) {
      g.named = true;
      this.attribution.fargateGroup(region, platform, cluster, service);
    }
    // A group's OS and architecture come from its compute meters (ephemeral storage has one meter for all).
    if (meter && meter.resource !== "storage") {
      if (meter.os === "windows") g.line.os = "windows";
      if (meter.arch === "arm64") g.line.arch = "arm64";
    }
    g.line.rows++;
    let gu = g.usage.get(usageType);
    if (!gu) g.usage.set(usageType, (gu = { unit, ...newSums() }));
    addSums(gu, quantity, listCost, cost, billed);
    // The group's entry for this resource (./resource-ids.ts): made when the resource is counted (while the bounds allow:
    // they only tighten, so a resource not counted when first seen never is) or when the profiler makes it a task.
    let entry = -1;
    if (resourceId) {
      entry = this.resourceIds.find(g.no, resourceId);
      if (entry < 0 && g.resources < MAX_RESOURCES && this.resourceCount < GROUP_BOUNDS.resources) {
        entry = this.resourceIds.add(g.no, resourceId);
        g.resources++;
        this.resourceCount++;
      }
    }
    if (meter) {
      if (g.profile === undefined) g.profile = this.profiler.group(g.key);
      if (g.profile) {
        // Only covered rows' costs are used (the plan's rate); the others skip the conversion.
        const covered = this.covered;
        const task = !resourceId ? NO_TASK : entry >= 0 ? this.resourceIds.task[entry]! : NEW_TASK;
        const now = this.profiler.addTo(
          g.profile,
          meter,
          quantityNumber ?? quantity.toNumber(),
          start,
          end,
          task,
          covered,
          covered ? listCost.toNumber() : 0,
          covered ? cost.toNumber() : 0,
        );
        // A new task, or a refusal to remember (an entry is made for a new task only: a refused resource is asked again).
        if (now !== task && (now >= 0 || entry >= 0)) {
          if (entry < 0) entry = this.resourceIds.add(g.no, resourceId);
          this.resourceIds.task[entry] = now;
        }
      }
    }
    // One resource ID's row over its hours = that task's size (rows cover whole hours or less).
    if (resourceId && meter && end > start && quantity.gt(0)) {
      // An hour's row (nearly all): quantity x 1 h / 1 h, which the division would round to 20 places.
      const perHour = end - start === MS_PER_HOUR && quantity.e <= DIVISION_PLACES ? quantity : quantity.times(MS_PER_HOUR).div(end - start);
      const slot = meter.resource === "vcpu" ? "vcpu" : meter.resource === "memory" ? "memoryGB" : meter.resource === "storage" ? "storageGB" : null;
      if (slot) {
        const prev = g.peak[slot];
        // (The same coefficient and places, as most rows of a group have, is not more: no comparison.)
        if (!prev || ((perHour.c !== prev.c || perHour.e !== prev.e) && perHour.gt(prev))) g.peak[slot] = perHour;
      }
    }
  }

  /**
   * clusterOf(resourceId), without the search when the ID starts as the last one did up to its cluster's closing "/"
   * (tasks of a cluster follow one another): the colons and slashes clusterOf finds are then the same.
   */
  private clusterOfResource(resourceId: string): string {
    const prefix = this.clusterPrefix;
    if (prefix && resourceId.startsWith(prefix)) return this.clusterOfPrefix;
    const cluster = clusterOf(resourceId);
    if (cluster !== "(unknown)") {
      const end = clusterEnd(resourceId);
      this.clusterPrefix = resourceId.slice(0, end + 1);
      this.clusterOfPrefix = cluster;
    }
    return cluster;
  }

  /** A SavingsPlanNegation row of a Fargate meter: only the cash view of its usage line changes (by the negated amount). */
  private billedOnly(region: string, platform: "ecs" | "eks", usageType: string, billed: Decimal) {
    this.usageEntry(region, platform, usageType, null).billedCost.add(billed);
  }

  /**
   * The usage line of a region, platform and usage type, made on first use (unit: the meter's, else rawUnit, else the
   * row's unit column), with its Fargate meter; past GROUP_BOUNDS.tableKeys lines, a new one is the "(other)" region's
   * line of its platform and type.
   */
  private usageEntry(region: string, platform: "ecs" | "eks", usageType: string, rawUnit: string | null): UsageEntry {
    const parts = this.parts3;
    parts[0] = usageType;
    parts[1] = region;
    parts[2] = platform;
    let u = this.usageIndex.get(parts);
    if (u) return u;
    // Parts holding the separator can spell another line's key (a damaged bill): that line, as when keys were joined.
    if ((region + usageType).includes("\u0000")) {
      u = this.usage.get(`${region}\u0000${platform}\u0000${usageType}`);
      if (u) return u;
    }
    if (this.usage.size >= GROUP_BOUNDS.tableKeys) {
      parts[1] = region = OTHER;
      u = this.usageIndex.get(parts);
      if (u) return u;
    }
    const meter = fargateMeter(usageType);
    u = { region, platform, usageType, unit: meter?.unit ?? rawUnit ?? this.str("unit"), meter, ...newSums() };
    this.usage.set(`${region}\u0000${platform}\u0000${usageType}`, u);
    this.usageIndex.set(parts, u);
    return u;
  }

  /** Which columns each figure was read from (names as the file spells them). */
  private columnsUsed(useBilled: boolean): ColumnsUsed {
    const map = this.map!;
    const spec = FORMAT_COLUMNS[map.format];
    const col = (f: Field) => (map.index[f] >= 0 ? [spec[f]!.column] : []);
    const focus = map.format === "focus";
    const order = focus ? ["SkuMeter", "x_UsageType", "SkuId", "ChargeDescription"] : [spec.usageType!.column];
    return {
      usageType: order.filter((c) => this.usageTypeFrom.has(c)),
      quantity: [...this.quantityFrom],
      listCost: col("listCost"),
      paid: focus ? (useBilled ? col("cost") : col("effectiveCost")) : [...col("cost"), ...(this.spCovered ? col("spEffectiveCost") : [])],
      billed: col("cost"),
      usageHours: [...col("start"), ...col("end")],
      billingPeriod: [...col("periodStart"), ...col("periodEnd")],
      invoice: col("invoiceId"),
    };
  }

  finish(): Reconciliation {
    if (!this.map) throw new BillError(`${this.fileName} is empty: it has no header row.`);
    const order = [...FARGATE_USAGE_TYPES.keys()];
    const rank = (t: string) => {
      const i = order.indexOf(t);
      return i < 0 ? order.length : i;
    };
    const byUsage = (a: { usageType: string }, b: { usageType: string }) => rank(a.usageType) - rank(b.usageType) || a.usageType.localeCompare(b.usageType);
    // FOCUS: paid = EffectiveCost (amortised, as CUR's Savings Plan effective cost), unless the file has none or it
    // disagrees with BilledCost on rows no commitment covers (AWS's FOCUS 1.0 sample rounds it to whole dollars).
    const focus = this.map.format === "focus";
    const useBilled = focus && (this.map.index.effectiveCost < 0 || this.focusEffectiveUnusable);
    const paid = (x: Sums) => (useBilled ? x.billedCost : x.effectiveCost);
    const usageSums = [...this.usage.values()].map((u) => ({ region: u.region, platform: u.platform, usageType: u.usageType, unit: u.unit, ...settle(u) }));
    const usage: UsageLine[] = usageSums
      .sort((a, b) => a.region.localeCompare(b.region) || a.platform.localeCompare(b.platform) || byUsage(a, b))
      .map((u) => ({
        region: u.region,
        platform: u.platform,
        usageType: u.usageType,
        quantity: u.quantity.toString(),
        unit: u.unit,
        listCost: u.listCost.toString(),
        effectiveCost: paid(u).toString(),
        billedCost: u.billedCost.toString(),
      }));
    const groups: GroupLine[] = [...this.groups.entries()].map(([key, g]) => {
      const profile = this.profiler.profile(key);
      const items = [...g.usage.entries()].map(([usageType, s]) => ({ usageType, unit: s.unit, ...settle(s) })).sort(byUsage);
      const list = items.reduce((t, i) => t.plus(i.listCost), ZERO);
      const eff = items.reduce((t, i) => t.plus(paid(i)), ZERO);
      return {
        ...g.line,
        usage: items.map((i) => ({
          usageType: i.usageType,
          quantity: i.quantity.toString(),
          unit: i.unit,
          listCost: i.listCost.toString(),
          effectiveCost: paid(i).toString(),
        })),
        listCost: list.toString(),
        effectiveCost: eff.toString(),
        peak: { vcpu: g.peak.vcpu?.toString() ?? null, memoryGB: g.peak.memoryGB?.toString() ?? null, storageGB: g.peak.storageGB?.toString() ?? null },
        resources: g.resources,
        ...(profile ? { profile } : {}),
      };
    });
    groups.sort((a, b) => dec(b.effectiveCost).cmp(a.effectiveCost) || a.cluster.localeCompare(b.cluster) || a.service.localeCompare(b.service));
    let groupsOther: Reconciliation["groupsOther"];
    const beyond = groups.length > GROUP_BOUNDS.listed ? groups.splice(GROUP_BOUNDS.listed) : [];
    if (beyond.length || this.untracked.rows) {
      let list = this.untracked.listCost;
      let eff = paid({ ...this.untracked, quantity: ZERO });
      let rows = this.untracked.rows;
      for (const g of beyond) {
        list = list.plus(g.listCost);
        eff = eff.plus(g.effectiveCost);
        rows += g.rows;
      }
      groupsOther = { groups: beyond.length, untracked: this.untracked.rows > 0, rows, listCost: list.toString(), effectiveCost: eff.toString() };
      this.notes.add(
        `Groups: the ${GROUP_BOUNDS.listed} largest cluster/service groups by paid cost are listed; ${this.untracked.rows ? `more than ${(this.groups.size - GROUP_BOUNDS.listed).toLocaleString("en-US")} others` : `the other ${beyond.length.toLocaleString("en-US")}`} are summed in one "other groups" line${this.untracked.rows ? ` (groups first seen after the first ${GROUP_BOUNDS.tracked.toLocaleString("en-US")} are summed without being told apart)` : ""}.`,
      );
    }
    if (this.resourceCount >= GROUP_BOUNDS.resources) {
      this.notes.add(
        `Tasks: distinct resource IDs are counted up to ${GROUP_BOUNDS.resources.toLocaleString("en-US")} over all groups; later ones are not counted.`,
      );
    }
    if ([this.usage, this.outside, this.adjustments].some((m) => m.size >= GROUP_BOUNDS.tableKeys)) {
      this.notes.add(`A table reached ${GROUP_BOUNDS.tableKeys.toLocaleString("en-US")} distinct lines; further lines are summed in its "${OTHER}" line.`);
    }
    const outsideFargate: OutsideLine[] = [...this.outside.values()]
      .sort((a, b) => a.product.localeCompare(b.product) || a.usageType.localeCompare(b.usageType) || a.region.localeCompare(b.region))
      .map((o) => ({
        product: o.product,
        usageType: o.usageType,
        region: o.region,
        quantity: o.q.value().toString(),
        unit: o.unit,
        cost: o.c.value().toString(),
      }));
    const adjustments: AdjustmentLine[] = [...this.adjustments.values()]
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.product.localeCompare(b.product))
      .map((a) => ({ kind: a.kind, product: a.product, cost: a.cost.toString(), rows: a.rows }));

    let start = this.periodStart;
    let end = this.periodEnd;
    if (!Number.isFinite(start) || !Number.isFinite(end)) {
      start = this.usageStart;
      end = this.usageEnd;
      if (Number.isFinite(start) && Number.isFinite(end))
        this.notes.add("The bill has no billing-period columns: its period is taken from the first and last usage hours.");
    }
    const dated = Number.isFinite(start) && Number.isFinite(end) && end > start;
    const sumOf = (xs: Iterable<Decimal>) => {
      let t = ZERO;
      for (const x of xs) t = t.plus(x);
      return t;
    };
    if (this.fargateRows === 0) this.notes.add(`No Fargate usage was found in this ${FORMAT_NAMES[this.map.format]} file.`);
    if (focus && this.spCovered) {
      this.notes.add(
        useBilled
          ? `FOCUS: "paid" here is cash (BilledCost), not amortised: usage covered by a Savings Plan shows 0 and the plan's own charge is its Purchase row, listed under fees, so paid figures are below what the usage cost. ${
              this.map.index.effectiveCost < 0
                ? "The file has no EffectiveCost column (the amortised cost): export FOCUS with it to compare like with like."
                : "EffectiveCost is not used: on this file's on-demand rows it differs from BilledCost (AWS's sample rounds it)."
            }`
          : "FOCUS: usage covered by a Savings Plan is paid at its EffectiveCost (amortised, as CUR's Savings Plan effective cost) and billed at 0 (BilledCost); the plan's recurring fee is its Purchase row, listed under fees.",
      );
    }
    const period = this.period.result();
    if (period.monthToDate || (period.granularity && period.granularity !== "hourly")) this.notes.add(`Period: ${periodSentence(period)}.`);
    let savingsPlanFees: Reconciliation["savingsPlanFees"];
    if (this.spFees.seen && !(focus && useBilled)) {
      const unused = this.spFees.fee.minus(this.spFees.used);
      // Negative when part of the plan was paid upfront (its amortised part is in the usage's effective cost, not in a fee row).
      savingsPlanFees = { fee: this.spFees.fee.toString(), usedByUsage: this.spFees.used.toString(), unused: unused.lt(0) ? null : unused.toString() };
      if (this.spFees.fee.gt(0))
        this.notes.add(
          "Savings Plan: its recurring fee is listed under fees as cash; the part usage used is already in that usage's paid cost (at the plan's effective cost), so add only the unused part to paid figures.",
        );
    }
    return {
      bill: {
        file: this.fileName,
        format: this.map.format,
        rows: this.rows,
        fargateRows: this.fargateRows,
        periodStart: dated ? isoOf(start) : null,
        periodEnd: dated ? isoOf(end) : null,
        periodHours: dated
          ? dec(end - start)
              .div(MS_PER_HOUR)
              .toString()
          : null,
      },
      usage,
      groups,
      ...(groupsOther ? { groupsOther } : {}),
      outsideFargate,
      beside: this.attribution.finish((n) => this.notes.add(n)),
      adjustments,
      // Over the hours the export covers (a month-to-date file: its hours so far), as the comparison and the verdict.
      ...(this.split
        ? { rightsizing: this.split.finish(period.coveredHours ? dec(period.coveredHours) : dated ? dec(end - start).div(MS_PER_HOUR) : null) }
        : {}),
      totals: {
        listCost: sumOf(usageSums.map((u) => u.listCost)).toString(),
        effectiveCost: sumOf(usageSums.map(paid)).toString(),
        billedCost: sumOf(usageSums.map((u) => u.billedCost)).toString(),
        outsideFargate: sumOf([...this.outside.values()].map((o) => o.c.value())).toString(),
        adjustments: sumOf([...this.adjustments.values()].map((a) => a.cost)).toString(),
        other: this.other.toString(),
      },
      notes: [...this.notes],
      period,
      columnsUsed: this.columnsUsed(useBilled),
      ...(savingsPlanFees ? { savingsPlanFees } : {}),
      ...(this.sp
        ? {
            savingsPlan: this.sp.finish(
              period.coveredStart && period.coveredEnd ? { start: Date.parse(period.coveredStart), end: Date.parse(period.coveredEnd) } : undefined,
            ),
          }
        : {}),
    };
  }
}

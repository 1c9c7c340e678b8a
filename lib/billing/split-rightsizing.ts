/**
 * Right-sizing from the bill: CUR 2.0 (and legacy CUR) split cost allocation data carries, per ECS task or EKS pod and
 * hour, the vCPU and memory it reserved (split_line_item_reserved_usage, what Fargate bills) and what it actually
 * used (split_line_item_actual_usage). Per service this module keeps the share used of each task-hour and hands the
 * series to the utilization upload's own rule (lib/rightsizing recommendFromSeries: the smallest valid Fargate size
 * covering the p99 of use plus 20% headroom), then prices the current and the recommended size with the engine
 * (priceRightsizing). Fed row by row by ./accumulate.ts (one hook), after the row is counted as the bill says: a row
 * whose split cells cannot be used is still on the bill, and is only named here.
 */
import type { FargateCatalog } from "@/lib/catalog";
import { dec, formatQuantity, formatUsd, MS_PER_HOUR, plural, ROUND_UP, terminalText, textTable, toCents, toPlain, ZERO, type Decimal } from "@/lib/core";
import { formatSize, type TaskSize } from "@/lib/pricing";
import {
  DEFAULT_HEADROOM_PERCENT,
  DEFAULT_PERCENTILE,
  nearestRankPercentile,
  priceRightsizing,
  recommendFromSeries,
  type RightsizingRecommendation,
} from "@/lib/rightsizing";
import { FORMAT_COLUMNS, FORMAT_NAMES, type BillFormat, type Field } from "./columns";
import type { FargateMeter } from "./usage-type";

type DecimalString = string;

/** One statistic of actual use per task, over the period's task-hours: time-weighted average, p95 and maximum. */
export interface UseStat {
  average: number;
  p95: number;
  max: number;
}

/** One service (ECS cluster/service, or EKS cluster/namespace/workload) read from its split rows. */
export interface SplitService {
  /** "cluster/service" as "Build a scenario from this bill" names its workload, so "Add to scenario" can find it. */
  name: string;
  region: string;
  platform: "ecs" | "eks";
  cluster: string;
  service: string;
  /** EKS only: the aws:eks:namespace and aws:eks:workload-name (or deployment) tags, where present. */
  namespace: string | null;
  workload: string | null;
  os: "linux" | "windows";
  arch: "x86_64" | "arm64";
  /** Distinct task (or pod) IDs. */
  tasks: number;
  /** Task-hours: reserved vCPU-hours over the task's vCPU. */
  taskHours: DecimalString;
  /** Tasks running on average over the bill's period (task-hours / period hours), 2 decimals; null without dates. */
  averageTasks: string | null;
  /** Per task, as reserved (billed): the largest reserved amount per hour of one task-row. */
  reserved: TaskSize;
  /** Actual use per task (vCPU, GiB). */
  actual: { vcpu: UseStat; memoryGiB: UseStat };
  usage: { reservedVcpuHours: DecimalString; actualVcpuHours: DecimalString; reservedGBHours: DecimalString; actualGBHours: DecimalString };
  /**
   * paid: what the bill charged for these rows (as the reconciliation counts it); splitCost, unusedCost: the bill's
   * split_line_item_split_cost and split_line_item_unused_cost summed; idleCost: ours, paid x (reserved - actual) / reserved
   * per row, what the reserved-but-unused share cost.
   */
  cost: { paid: DecimalString; splitCost: DecimalString; unusedCost: DecimalString; idleCost: DecimalString };
  samples: { vcpu: number; memory: number };
  /** The utilization rule's recommendation (source "utilization"); null when it could not be made (see problems). */
  recommendation: RightsizingRecommendation | null;
  /**
   * Per 730-hour month at the bill's rate of use (the engine's always-on price of one task x averageTasks; x 1 without
   * dates), on-demand, in the service's region, in cents; saving = current - recommended as shown. `tasks` is what
   * "Add to scenario" puts in: round(averageTasks), at least 1, always on.
   */
  priced: {
    region: string;
    tasks: number;
    perTask: { current: string; recommended: string };
    current: string;
    recommended: string;
    saving: string;
    savingPercent: string;
  } | null;
  problems: string[];
}

export interface BillRightsizing {
  /** ok: usable split rows; empty: the columns are there but no row could be used; absent: no split columns. */
  status: "ok" | "empty" | "absent";
  /** One sentence saying what was found. */
  message: string;
  /** How to turn split cost allocation data on; null when it is on. */
  howToEnable: string | null;
  percentile: number;
  headroomPercent: number;
  /** Largest monthly saving first. */
  services: SplitService[];
  rows: { used: number; unusable: number };
  /** The rows it could not use, counted by reason ("split_line_item_actual_usage is not a number"). */
  unusable: { reason: string; rows: number }[];
  /** The first rows it could not use, each naming its line or row. */
  examples: string[];
  totals: { unusedCost: DecimalString; idleCost: DecimalString; monthlySaving: string };
  notes: string[];
}

export const HOW_TO_ENABLE =
  'Turn on split cost allocation data: in the management account, Billing and Cost Management → Cost Management preferences → "Split cost allocation data", opt in Amazon ECS (and Amazon EKS for pods); then Data Exports → Create → Standard data export → CUR 2.0 with "Include split cost allocation data" (and resource IDs, hourly). The data appears in exports from then on.';

/** The section for a bill whose header has no split columns (FOCUS, or CUR exported without them). */
export function absentRightsizing(format: BillFormat): BillRightsizing {
  return {
    status: "absent",
    message:
      format === "focus"
        ? "This FOCUS export has no split cost allocation data, so tasks cannot be right-sized from it: export CUR 2.0 with split cost allocation data."
        : `This ${FORMAT_NAMES[format]} export has no split cost allocation data columns, so tasks cannot be right-sized from it.`,
    howToEnable: HOW_TO_ENABLE,
    percentile: DEFAULT_PERCENTILE,
    headroomPercent: DEFAULT_HEADROOM_PERCENT,
    services: [],
    rows: { used: 0, unusable: 0 },
    unusable: [],
    examples: [],
    totals: { unusedCost: "0", idleCost: "0", monthlySaving: "0.00" },
    notes: [],
  };
}

/** What the accumulator hands over for one Fargate row (after counting it). */
export interface SplitRowInput {
  /** "line 7" / "row 6": how messages name the row. */
  where: string;
  region: string;
  platform: "ecs" | "eks";
  cluster: string;
  service: string;
  resourceId: string;
  meter: FargateMeter;
  start: number;
  end: number;
  /** What the row cost, as the reconciliation counts it. */
  cost: Decimal;
  tags: unknown;
  /** A split cell of the row by field. */
  cell: (field: Field) => unknown;
}

/** Bounds (README, Security): services told apart, usage samples kept over all services, task IDs counted, examples listed. */
export const SPLIT_BOUNDS = { services: 1_000, samples: 2_000_000, tasks: 200_000, examples: 10 } as const;
/** Actual above this many times the reserved usage is taken as a mistake (the utilization upload refuses above 1000%). */
export const MAX_ACTUAL_OVER_RESERVED = 10;
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d{1,4})?$/i;

interface Dim {
  reservedHours: Decimal;
  actualHours: Decimal;
  /** Largest reserved amount per hour of one row: the task's size. */
  size: number;
  percents: number[];
}
const newDim = (): Dim => ({ reservedHours: ZERO, actualHours: ZERO, size: 0, percents: [] });

interface ServiceAcc {
  name: string;
  region: string;
  platform: "ecs" | "eks";
  cluster: string;
  service: string;
  namespace: string | null;
  workload: string | null;
  os: "linux" | "windows";
  arch: "x86_64" | "arm64";
  tasks: Set<string>;
  vcpu: Dim;
  memory: Dim;
  paid: Decimal;
  splitCost: Decimal;
  unusedCost: Decimal;
  idleCost: Decimal;
  longRows: boolean;
  lastEnd: number;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "bigint") return v.toString();
  if (typeof v === "string") return v === "NULL" ? "" : v.trim();
  return String(v);
}

/** A number cell: the value, or why it cannot be used. */
function readNumber(v: unknown): { ok: true; value: Decimal } | { ok: false; why: "empty" | "not a number" | "negative" | "out of bounds" } {
  if (typeof v === "number" && !Number.isFinite(v)) return { ok: false, why: "not a number" };
  const s = cellText(v);
  if (!s) return { ok: false, why: "empty" };
  if (!NUMBER.test(s) || s.length > 60) return { ok: false, why: "not a number" };
  const n = Number(s);
  // Usage and cost cells sit far inside 1e-20 .. 1e15; outside, exact sums would grow huge (README, Security, Bills).
  const tiny = n === 0 ? /[1-9]/.test(s.replace(/e.*$/i, "")) : Math.abs(n) < 1e-20; // "1e-9999" is 0 as a float, not as a decimal
  if (!Number.isFinite(n) || Math.abs(n) >= 1e15 || tiny) return { ok: false, why: "out of bounds" };
  if (n < 0) return { ok: false, why: "negative" };
  return { ok: true, value: dec(s) };
}

/** The EKS namespace and workload from a tags cell (CUR 2.0 resource_tags JSON or Parquet map). */
function eksTags(value: unknown): { namespace: string | null; workload: string | null } {
  let tags: unknown = value;
  if (typeof value === "string") {
    if (!/eks/i.test(value)) return { namespace: null, workload: null };
    try {
      tags = JSON.parse(value);
    } catch {
      return { namespace: null, workload: null };
    }
  }
  if (tags instanceof Map) tags = Object.fromEntries(tags);
  if (Array.isArray(tags)) tags = Object.fromEntries(tags.map((e: { key?: unknown; value?: unknown }) => [String(e?.key), e?.value]));
  let namespace: string | null = null;
  let workload: string | null = null;
  if (tags && typeof tags === "object") {
    for (const [k, v] of Object.entries(tags)) {
      if (typeof v !== "string" || !v) continue;
      if (/(^|[:_])eks[:_]namespace$/i.test(k)) namespace = v;
      else if (/(^|[:_])eks[:_](workload[-_]?name|deployment)$/i.test(k)) workload = v;
    }
  }
  return { namespace, workload };
}

const round4 = (n: number) => Number(n.toFixed(4));

/** Collects split rows per service; finish() makes the section. */
export class SplitCollector {
  private services = new Map<string, ServiceAcc>();
  private samples = 0;
  private taskIds = 0;
  private used = 0;
  private unusable = new Map<string, number>();
  private unusableRows = 0;
  private examples: string[] = [];
  private notes = new Set<string>();
  private anyValue = false;

  constructor(
    private readonly format: BillFormat,
    private readonly catalog: FargateCatalog,
  ) {}

  private column(field: Field): string {
    return FORMAT_COLUMNS[this.format][field]?.column ?? field;
  }

  private refuse(row: SplitRowInput, reason: string, detail: string) {
    this.unusableRows++;
    this.unusable.set(reason, (this.unusable.get(reason) ?? 0) + 1);
    if (this.examples.length < SPLIT_BOUNDS.examples) this.examples.push(`${row.where}${row.resourceId ? ` (${row.resourceId.slice(-60)})` : ""}: ${detail}`);
  }

  add(row: SplitRowInput): void {
    const resource = row.meter.resource;
    if (resource !== "vcpu" && resource !== "memory") return;
    const reservedCell = row.cell("splitReservedUsage");
    const actualCell = row.cell("splitActualUsage");
    const reservedCol = this.column("splitReservedUsage");
    const actualCol = this.column("splitActualUsage");
    const reserved = readNumber(reservedCell);
    const actual = readNumber(actualCell);
    if (!(reserved.ok === false && reserved.why === "empty" && actual.ok === false && actual.why === "empty")) this.anyValue = true;
    for (const [r, col, cell] of [
      [reserved, reservedCol, reservedCell],
      [actual, actualCol, actualCell],
    ] as const) {
      if (!r.ok) {
        const shown = cellText(cell).slice(0, 30);
        return this.refuse(row, `${col} is ${r.why === "empty" ? "empty" : r.why}`, r.why === "empty" ? `${col} is empty` : `${col} is "${shown}", ${r.why}`);
      }
    }
    if (!reserved.ok || !actual.ok) return;
    if (!row.resourceId) return this.refuse(row, "no resource ID", "no resource ID, so the task is unknown");
    if (!(Number.isFinite(row.start) && Number.isFinite(row.end) && row.end > row.start))
      return this.refuse(row, "no usage hours", "no usage start and end dates");
    if (!reserved.value.gt(0)) return this.refuse(row, `${reservedCol} is 0`, `${reservedCol} is 0, so no share of it can be read`);
    if (actual.value.gt(reserved.value.times(MAX_ACTUAL_OVER_RESERVED))) {
      return this.refuse(
        row,
        `${actualCol} is more than ${MAX_ACTUAL_OVER_RESERVED} × ${reservedCol}`,
        `${actualCol} ${cellText(actualCell)} is more than ${MAX_ACTUAL_OVER_RESERVED} × ${reservedCol} ${cellText(reservedCell)}, which no task can use`,
      );
    }

    const eks = row.platform === "eks" ? eksTags(row.tags) : { namespace: null, workload: null };
    const service =
      row.platform === "eks" && (eks.namespace || eks.workload) ? [eks.namespace ?? "(no namespace)", eks.workload].filter(Boolean).join("/") : row.service;
    const name = service === "(untagged)" ? row.cluster : `${row.cluster}/${service}`;
    const key = [row.region, row.platform, row.cluster, service].join("\u0000");
    let s = this.services.get(key);
    if (!s) {
      if (this.services.size >= SPLIT_BOUNDS.services) {
        this.notes.add(`Right-sizing: the first ${SPLIT_BOUNDS.services.toLocaleString("en-US")} services are read; later ones are not right-sized.`);
        return this.refuse(row, "beyond the services read", "its service is beyond the first services read");
      }
      s = {
        name,
        region: row.region,
        platform: row.platform,
        cluster: row.cluster,
        service,
        namespace: eks.namespace,
        workload: eks.workload,
        os: "linux",
        arch: "x86_64",
        tasks: new Set(),
        vcpu: newDim(),
        memory: newDim(),
        paid: ZERO,
        splitCost: ZERO,
        unusedCost: ZERO,
        idleCost: ZERO,
        longRows: false,
        lastEnd: -Infinity,
      };
      this.services.set(key, s);
    }
    this.used++;
    if (row.meter.os === "windows") s.os = "windows";
    if (row.meter.arch === "arm64") s.arch = "arm64";
    if (this.taskIds < SPLIT_BOUNDS.tasks && !s.tasks.has(row.resourceId)) {
      s.tasks.add(row.resourceId);
      this.taskIds++;
    }
    const hours = (row.end - row.start) / MS_PER_HOUR;
    if (hours > 1) s.longRows = true;
    if (row.end > s.lastEnd) s.lastEnd = row.end;
    const d = resource === "vcpu" ? s.vcpu : s.memory;
    d.reservedHours = d.reservedHours.plus(reserved.value);
    d.actualHours = d.actualHours.plus(actual.value);
    // The reserved amount per hour of the row: a task that ran the whole hour shows its size.
    const rate = reserved.value
      .times(MS_PER_HOUR)
      .div(row.end - row.start)
      .toNumber();
    if (rate > d.size) d.size = rate;
    // The share of the reservation used, exact to 6 decimals (rounded up): 0.2 of 0.5 is 40%, not 40.00000000000001%.
    if (this.samples < SPLIT_BOUNDS.samples) {
      d.percents.push(actual.value.times(100).div(reserved.value).round(6, ROUND_UP).toNumber());
      this.samples++;
    } else {
      this.notes.add(`Right-sizing: the first ${SPLIT_BOUNDS.samples.toLocaleString("en-US")} task-hours are read for percentiles; the sums cover every row.`);
    }
    s.paid = s.paid.plus(row.cost);
    const idle = reserved.value.minus(actual.value);
    if (idle.gt(0)) s.idleCost = s.idleCost.plus(row.cost.times(idle).div(reserved.value));
    for (const [field, add] of [
      ["splitCost", (v: Decimal) => (s.splitCost = s.splitCost.plus(v))],
      ["splitUnusedCost", (v: Decimal) => (s.unusedCost = s.unusedCost.plus(v))],
    ] as const) {
      const v = readNumber(row.cell(field));
      if (v.ok) add(v.value);
    }
  }

  /** The section, given the bill's period in hours (null without dates). */
  finish(periodHours: Decimal | null): BillRightsizing {
    const services: SplitService[] = [];
    for (const s of this.services.values()) services.push(this.serviceLine(s, periodHours));
    services.sort(
      (a, b) => dec(b.priced?.saving ?? "0").cmp(a.priced?.saving ?? "0") || dec(b.cost.idleCost).cmp(a.cost.idleCost) || a.name.localeCompare(b.name),
    );
    const unusable = [...this.unusable.entries()]
      .map(([reason, rows]) => ({ reason, rows }))
      .sort((a, b) => b.rows - a.rows || a.reason.localeCompare(b.reason));
    const sum = (pick: (s: SplitService) => string) => toPlain(services.reduce((t, s) => t.plus(pick(s)), ZERO));
    const monthlySaving = toCents(services.reduce((t, s) => t.plus(s.priced?.saving ?? "0"), ZERO));
    const ok = this.used > 0;
    const columns = `${this.column("splitReservedUsage")} and ${this.column("splitActualUsage")}`;
    const n = services.filter((s) => s.recommendation).length;
    return {
      status: ok ? "ok" : "empty",
      message: ok
        ? `Right-sized ${n} of ${services.length} ${plural(services.length, "service")} from ${this.used.toLocaleString("en-US")} task-hour ${plural(this.used, "row")} of split cost allocation data${this.unusableRows ? `; ${this.unusableRows.toLocaleString("en-US")} ${this.unusableRows === 1 ? "row could not be used (it is" : "rows could not be used (they are"} counted in the bill as it says)` : ""}.`
        : this.anyValue
          ? this.unusableRows === 1
            ? "The bill has split cost allocation data, but its one Fargate vCPU or memory row could not be used (see below); it is counted in the bill as it says."
            : `The bill has split cost allocation data, but none of its ${this.unusableRows.toLocaleString("en-US")} Fargate vCPU and memory rows could be used (see below); they are counted in the bill as it says.`
          : `The bill has the ${columns} columns, but they are empty on every Fargate row: split cost allocation data is not turned on for ECS or EKS, or not for this period.`,
      howToEnable: ok ? null : HOW_TO_ENABLE,
      percentile: DEFAULT_PERCENTILE,
      headroomPercent: DEFAULT_HEADROOM_PERCENT,
      services,
      rows: { used: this.used, unusable: this.unusableRows },
      unusable,
      examples: this.examples,
      totals: { unusedCost: sum((s) => s.cost.unusedCost), idleCost: sum((s) => s.cost.idleCost), monthlySaving },
      notes: [...this.notes],
    };
  }

  private serviceLine(s: ServiceAcc, periodHours: Decimal | null): SplitService {
    const problems: string[] = [];
    const current: TaskSize = { vcpu: round4(s.vcpu.size), memoryGiB: round4(s.memory.size) };
    const taskHours = s.vcpu.size > 0 ? s.vcpu.reservedHours.div(dec(current.vcpu)) : ZERO;
    const average = periodHours && periodHours.gt(0) ? taskHours.div(periodHours) : null;
    const stat = (d: Dim, size: number): UseStat =>
      d.percents.length
        ? {
            // Time-weighted: the actual hours over the reserved hours, as a share of the task's size.
            average: round4(d.actualHours.div(d.reservedHours).times(size).toNumber()),
            p95: round4((nearestRankPercentile(d.percents, 95) * size) / 100),
            max: round4((nearestRankPercentile(d.percents, 100) * size) / 100),
          }
        : { average: 0, p95: 0, max: 0 };
    if (s.longRows)
      problems.push(
        "Some rows cover more than an hour (the bill is not hourly): the task size is the largest reserved amount per hour of a row and may be understated.",
      );
    let recommendation: RightsizingRecommendation | null = null;
    if (!s.vcpu.percents.length || !s.memory.percents.length) {
      problems.push(`No usable ${s.vcpu.percents.length ? "memory" : "vCPU"} rows: it cannot be right-sized.`);
    } else {
      const r = recommendFromSeries(
        {
          serviceName: s.name,
          cpuPercent: s.vcpu.percents,
          memoryPercent: s.memory.percents,
          firstTimestamp: null,
          lastTimestamp: Number.isFinite(s.lastEnd) ? new Date(s.lastEnd).toISOString() : null,
        },
        { current, os: s.os },
      );
      if (r.ok) {
        recommendation = { ...r.value.parsed, clusterName: s.cluster };
        // The rule's warnings name the service; the line already does.
        problems.push(...r.value.warnings.map((w) => (w.startsWith(`${s.name}: `) ? w.slice(s.name.length + 2) : w)));
      } else problems.push(...r.error);
    }
    let priced: SplitService["priced"] = null;
    if (recommendation) {
      // The engine prices one task always on for a 730-hour month; the service ran `average` tasks on average over the
      // bill's hours, so a month at the bill's rate is that times the average (1 task without dates).
      const p = priceRightsizing({ current, recommended: recommendation.recommended, region: s.region, tasks: 1, os: s.os, arch: s.arch }, this.catalog);
      if (p.ok) {
        const times = average ?? dec(1);
        const cur = toCents(dec(p.value.current.monthlyCost).times(times));
        const rec = toCents(dec(p.value.recommended.monthlyCost).times(times));
        priced = {
          region: s.region,
          tasks: Math.max(1, Math.round(times.toNumber())),
          perTask: { current: toCents(dec(p.value.current.monthlyCost)), recommended: toCents(dec(p.value.recommended.monthlyCost)) },
          current: cur,
          recommended: rec,
          saving: toCents(dec(cur).minus(rec)),
          savingPercent: p.value.savingPercent,
        };
      } else problems.push(...p.error.map((e) => `Not priced in ${s.region || "(no region)"}: ${e}`));
    }
    return {
      name: s.name,
      region: s.region,
      platform: s.platform,
      cluster: s.cluster,
      service: s.service,
      namespace: s.namespace,
      workload: s.workload,
      os: s.os,
      arch: s.arch,
      tasks: s.tasks.size,
      taskHours: toPlain(taskHours.round(4)),
      averageTasks: average ? average.toFixed(2) : null,
      reserved: current,
      actual: { vcpu: stat(s.vcpu, current.vcpu), memoryGiB: stat(s.memory, current.memoryGiB) },
      usage: {
        reservedVcpuHours: toPlain(s.vcpu.reservedHours),
        actualVcpuHours: toPlain(s.vcpu.actualHours),
        reservedGBHours: toPlain(s.memory.reservedHours),
        actualGBHours: toPlain(s.memory.actualHours),
      },
      cost: { paid: toPlain(s.paid), splitCost: toPlain(s.splitCost), unusedCost: toPlain(s.unusedCost), idleCost: toPlain(s.idleCost) },
      samples: { vcpu: s.vcpu.percents.length, memory: s.memory.percents.length },
      recommendation,
      priced,
      problems,
    };
  }
}

const stat = (u: UseStat) => `${u.average} / ${u.p95} / ${u.max}`;

/**
 * A monthly saving with its sign in words: "$36.04" ("saving $36.04" with `lead`), or "costs $12.00 more" when the
 * recommended size is larger (never "-$12.00" under "Saving").
 */
export function savingWords(saving: string, lead = false): string {
  const d = dec(saving);
  return d.lt(0) ? `costs ${formatUsd(d.abs())} more` : `${lead ? "saving " : ""}${formatUsd(d)}`;
}

/** The CLI's readable table of the section (reconcile --rightsizing --format table). */
export function rightsizingTable(r: BillRightsizing): string {
  const out: string[] = ["Right-sizing from split cost allocation data", r.message];
  if (r.howToEnable) out.push(r.howToEnable);
  if (r.services.length) {
    out.push(
      "",
      `Per task: reserved (billed) and actual use (average / p95 / max); recommended: the smallest valid Fargate size covering p${r.percentile} + ${r.headroomPercent}% headroom. Per month: on-demand, at the bill's average task count.`,
      textTable(
        [
          ["Service", "Region", "Tasks", "Reserved", "vCPU used", "GiB used", "Recommended", "Now /mo", "Then /mo", "Saving /mo", "Unused", "Idle"],
          ...r.services.map((s) => [
            s.name,
            s.region,
            s.averageTasks ?? String(s.tasks),
            formatSize(s.reserved),
            stat(s.actual.vcpu),
            stat(s.actual.memoryGiB),
            s.recommendation ? formatSize(s.recommendation.recommended) : "–",
            s.priced ? formatUsd(s.priced.current) : "–",
            s.priced ? formatUsd(s.priced.recommended) : "–",
            s.priced ? savingWords(s.priced.saving) : "–",
            formatUsd(s.cost.unusedCost),
            formatUsd(s.cost.idleCost),
          ]),
          ["Total", "", "", "", "", "", "", "", "", savingWords(r.totals.monthlySaving), formatUsd(r.totals.unusedCost), formatUsd(r.totals.idleCost)],
        ],
        new Set([2, 4, 5, 7, 8, 9, 10, 11]),
      ),
    );
    const problems = r.services.flatMap((s) => s.problems.map((p) => `- ${s.name}: ${p}`));
    if (problems.length) out.push("", ...problems);
    out.push(
      "",
      `Unused: the bill's split unused cost; idle: what the reserved but unused share cost (paid x (reserved - actual) / reserved per row), ${formatQuantity(r.rows.used)} ${plural(r.rows.used, "row")} used.`,
    );
  }
  if (r.rows.unusable) {
    out.push("", `Rows it could not use (${r.rows.unusable.toLocaleString("en-US")}; counted in the bill as it says):`);
    out.push(...r.unusable.map((u) => `- ${u.reason}: ${u.rows.toLocaleString("en-US")}`));
    out.push(...r.examples.map((e) => `  ${e}`));
  }
  if (r.notes.length) out.push("", ...r.notes.map((n) => `- ${n}`));
  return terminalText(`${out.join("\n")}\n`);
}

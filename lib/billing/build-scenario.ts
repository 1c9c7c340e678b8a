import { SAVINGS_PLAN_TERMS, type FargateCatalog, type SavingsPlanTerm } from "@/lib/catalog";
import { formatSize, roundUpToValidSize, validVcpus, type TaskSize } from "@/lib/pricing";
import { dec, HOURS_PER_MONTH, MIB_PER_GIB, plural, SECONDS_PER_HOUR, ZERO, type Decimal } from "@/lib/core";
import { NOTE_MAX, Scenario, STORAGE_LIMITS_GIB, type WorkloadInput } from "@/lib/scenario";
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
 * Rows that cannot show a task's size (it ran part of one or two hourly rows): the smallest valid size at or above the
 * largest hourly rate with the rows' own memory-per-vCPU ratio, so that both the vCPU and the memory usage come back.
 */
function sizeKeepingRatio(g: GroupLine, vcpuHours: Decimal, gbHours: Decimal): { size: TaskSize; how: string } | null {
  if (!g.peak.vcpu || !vcpuHours.gt(0) || !gbHours.gt(0)) return null;
  const ratio = gbHours.div(vcpuHours).toNumber();
  const least = dec(g.peak.vcpu).times(TOLERANCE).toNumber();
  for (const v of validVcpus(g.os)) {
    if (v < least) continue;
    const size = roundUpToValidSize({ vcpu: v, memoryGiB: ratio * v * TOLERANCE.toNumber() }, g.os);
    if (size && size.vcpu === v && Math.abs(size.memoryGiB - ratio * v) <= 0.001 * ratio * v)
      return {
        size,
        how: `the largest hourly rate of one task is ${fmt(dec(g.peak.vcpu))} vCPU and the rows hold ${num(ratio, 4)} GB per vCPU-hour: ${formatSize(size)} is the smallest valid size with both`,
      };
  }
  return null;
}

/**
 * The hours the bill's usage is spread over, for every duty cycle and run count: the bill's period, else a 730-hour
 * month. One function, so a finer definition of the period (the hours the bill covers) feeds every inference at once.
 */
export function billHours(recon: Reconciliation): Decimal {
  // The hours the export covers (a month-to-date export: its hours so far) where the reader gives them, as the
  // comparison uses (lib/billing/compare.ts), else the billing period.
  return dec(recon.period?.coveredHours ?? recon.bill.periodHours ?? HOURS_PER_MONTH);
}

type ScheduleInput = NonNullable<WorkloadInput["schedule"]>;
const DUTY_DP = 4;
const duty = (percent: number) => Math.min(100, Math.max(10 ** -DUTY_DP, Number(percent.toFixed(DUTY_DP))));
const pct = (share: number) => `${Number((share * 100).toFixed(2))}%`;
const num = (x: number, dp = 4) => String(Number(x.toFixed(dp)));

/**
 * The 95th percentile of tasks at once in words, with the share of hours it truly holds for: `at` is the tasks at once
 * per hour with usage, largest first, and p95 the level no more than 5% of those hours exceed. "2 tasks at once in every
 * one of them" when every hour had the same; "no more than 3 tasks at once in 96.5% of them (5 at the most)" otherwise,
 * the share rounded down (never "100%" for what is not every hour).
 */
export function concurrencyWords(at: readonly number[], p95: number): string {
  const tasks = (x: number) => `${num(x, 2)} ${plural(x, "task")}`;
  const max = at[0]!;
  const min = at[at.length - 1]!;
  const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  if (same(max, min)) return `${tasks(p95)} at once in every one of them`;
  const within = at.filter((v) => v <= p95 || same(v, p95)).length;
  if (within === at.length) return `no more than ${tasks(p95)} at once in every one of them (${num(min, 2)} at the least)`;
  const share = Math.floor((within / at.length) * 1000) / 10;
  return `no more than ${tasks(p95)} at once in ${share}% of them (${num(max, 2)} at the most)`;
}

/** "20 min", "1 h 5 min", "45 s": a run length as people say it. */
function duration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ""}`;
}

/** A schedule cut in two by a share of its task-hours (storage or Savings Plan on part of them); null when it cannot be. */
function splitSchedule(schedule: ScheduleInput, share: number): [ScheduleInput, ScheduleInput] | null {
  if (schedule.type === "batch") {
    const a = Math.round(schedule.runsPerMonth * share);
    if (a < 1 || a >= schedule.runsPerMonth) return null;
    return [
      { ...schedule, runsPerMonth: a },
      { ...schedule, runsPerMonth: schedule.runsPerMonth - a },
    ];
  }
  const p = schedule.type === "always-on" ? 100 : schedule.percent;
  return [
    { type: "duty-cycle", percent: duty(p * share) },
    { type: "duty-cycle", percent: duty(p * (1 - share)) },
  ];
}

/** The Savings Plan term whose rates are nearest what the covered rows paid (effective over list). */
function nearestTerm(
  catalog: FargateCatalog,
  region: string,
  g: GroupLine,
  sp: NonNullable<GroupLine["profile"]>["savingsPlan"],
): { term: SavingsPlanTerm; paid: number; expected: number } | null {
  const r = Object.hasOwn(catalog.regions, region) ? catalog.regions[region]! : null;
  if (!r || sp.listCost <= 0) return null;
  const od = g.os === "windows" && r.windows ? r.windows : r.linux[g.arch];
  const list = Number(od.vcpuHour.usd) * sp.vcpuHours + Number(od.gbHour.usd) * sp.gbHours;
  let best: { term: SavingsPlanTerm; paid: number; expected: number } | null = null;
  const paid = sp.effectiveCost / sp.listCost;
  for (const term of SAVINGS_PLAN_TERMS) {
    const rates = r.savingsPlans[term];
    if (!rates || list <= 0) continue;
    const t = g.os === "windows" ? (rates.windows ?? rates.x86_64) : rates[g.arch];
    const expected = (Number(t.vcpuHour.usd) * sp.vcpuHours + Number(t.gbHour.usd) * sp.gbHours) / list;
    if (!best || Math.abs(expected - paid) < Math.abs(best.expected - paid)) best = { term, paid, expected };
  }
  return best;
}

/**
 * One workload per group of the bill's main region (the one with the most Fargate spend), or a few when storage or a
 * Savings Plan covered only part of a group's task-hours. Size from the per-task rows where they show it; concurrency
 * from the usage per clock hour; runs and run length for short-lived tasks; every inference written on its workload
 * (`note`) and in `explanations`. Re-priced over the bill's hours, the scenario gives back the bill's usage per usage
 * type (lib/billing/build-scenario.test.ts), except where the bill cannot tell (daily rows, mixed task sizes).
 */
export function scenarioFromBill(recon: Reconciliation, catalog: FargateCatalog, name = `From ${recon.bill.file}`): BuiltScenario {
  const skipped: string[] = [];
  const explanations: BuiltScenario["explanations"] = [];
  const byRegion = new Map<string, Decimal>();
  for (const u of recon.usage) byRegion.set(u.region, (byRegion.get(u.region) ?? ZERO).plus(u.effectiveCost).plus(u.listCost));
  const regions = [...byRegion.entries()].filter(([r]) => Object.hasOwn(catalog.regions, r)).sort((a, b) => b[1].cmp(a[1]));
  const region = regions[0]?.[0] ?? "us-east-1";
  const hours = billHours(recon);
  const periodHours = hours.toNumber();
  const monthScale = HOURS_PER_MONTH / periodHours;
  const workloads: WorkloadInput[] = [];
  const names = new Set<string>();
  const uniqueName = (base: string) => {
    let n = base.slice(0, 110);
    for (let i = 2; names.has(n); i++) n = `${base.slice(0, 100)} ${i}`;
    names.add(n);
    return n;
  };

  for (const g of recon.groups) {
    const label = g.service === "(untagged)" ? g.cluster : `${g.cluster}/${g.service}`;
    if (g.region !== region) {
      skipped.push(`${label} (${g.region}): a scenario has one region; this bill's main Fargate region is ${region}.`);
      continue;
    }
    const p = g.profile;
    const vcpuHours = sumUsage(g, (r) => r === "vcpu");
    const spotVcpuHours = sumUsage(g, (r, spot) => r === "vcpu" && spot);
    const gbHours = sumUsage(g, (r) => r === "memory");
    const storageHours = sumUsage(g, (r) => r === "storage");

    // Size: from the tasks whose rows show it, else the largest hourly rate (or the memory ratio) as before.
    let inferred: { size: TaskSize; how: string } | null = null;
    const top = p?.sizes[0];
    if (top) {
      const size = roundUpToValidSize(
        { vcpu: Math.max(top.vcpu * TOLERANCE.toNumber(), g.os === "windows" ? 1 : 0), memoryGiB: top.memoryGB * TOLERANCE.toNumber() },
        g.os,
      );
      if (size) {
        const others = p!.sizes.slice(1).map((s) => `${num(s.vcpu)} vCPU / ${num(s.memoryGB)} GB (${s.tasks} ${plural(s.tasks, "task")})`);
        inferred = {
          size,
          how:
            `${p!.tasks === 1 ? "its one task shows its size in its own rows" : `${top.tasks} of the ${p!.tasks} tasks show their size in their own rows`} (a row for part of an hour, or a whole hour between two others): ` +
            `${num(top.vcpu)} vCPU / ${num(top.memoryGB)} GB, the valid size ${formatSize(size)}` +
            (others.length ? `; other sizes seen (their usage is priced at this one): ${others.join(", ")}` : ""),
        };
      }
    }
    if (!inferred) {
      const unsized = p && p.tasks > 0 && p.granularity === "hourly";
      inferred = (unsized ? sizeKeepingRatio(g, vcpuHours, gbHours) : null) ?? inferSize(g, vcpuHours, gbHours);
      if (inferred && unsized) {
        inferred.how = `cannot be sized from hourly rows: ${p.tasks === 1 ? "its one task" : `each of its ${p.tasks} tasks`} ran within one or two rows that cover whole hours, so size and run length trade off; ${inferred.how} (the smallest that fits, so the usage still matches; a larger size for a shorter run fits the rows as well)`;
      } else if (inferred && p?.granularity === "coarse") {
        inferred.how = `cannot be sized from the rows, which cover more than an hour (daily or monthly granularity); ${inferred.how}`;
      }
    }
    if (!inferred) {
      skipped.push(`${label} (${g.region}): its usage does not show a task size.`);
      continue;
    }
    let { size } = inferred;
    const taskHours = vcpuHours.gt(0) ? vcpuHours.div(size.vcpu) : gbHours.div(size.memoryGiB);
    const th = taskHours.toNumber();

    // Schedule: runs for short-lived tasks, concurrency per clock hour for services, the average for coarse rows.
    let schedule: ScheduleInput;
    let tasks: number;
    let scheduleHow: string;
    if (p && p.granularity === "hourly" && p.tasks > 0 && p.runs > 0 && p.shortTasks * 2 >= p.tasks) {
      tasks = Math.min(100_000, Math.max(1, Math.round(p.tasks / p.runs)));
      const runsPerMonth = Math.max(1, Math.round(p.runs * monthScale));
      const observed = (th * SECONDS_PER_HOUR) / p.tasks;
      const secondsPerRun = Math.min(2_678_400, Number(((th * SECONDS_PER_HOUR * monthScale) / (runsPerMonth * tasks)).toFixed(1)));
      schedule = { type: "batch", runsPerMonth, secondsPerRun };
      scheduleHow =
        `Runs: ${p.tasks} ${plural(p.tasks, "task")} started in ${p.runs} distinct ${plural(p.runs, "hour")}: ${p.runs} ${plural(p.runs, "run")} of ${tasks} ${plural(tasks, "task")}, ${duration(observed)} each on average (${fmt(taskHours)} task-hour${taskHours.eq(1) ? "" : "s"}). ` +
        `Over a ${HOURS_PER_MONTH}-hour month that is ${runsPerMonth} ${plural(runsPerMonth, "run")} of ${num(secondsPerRun, 1)} s (${duration(secondsPerRun)}), so a month's usage matches the bill's ${fmt(hours, 2)} ${plural(fmt(hours, 2), "hour")}.`;
    } else if (p && p.granularity === "hourly" && p.hourly.length && !p.hoursDropped) {
      const unit = p.hourlyOf === "vcpu" ? size.vcpu : size.memoryGiB;
      const at = p.hourly.map((v) => v / unit);
      const p95 = at[Math.floor(at.length * 0.05)]!;
      tasks = Math.min(100_000, Math.max(1, Math.round(p95)));
      if (th > tasks * periodHours * 1.0001) tasks = Math.min(100_000, Math.ceil(th / periodHours - 1e-9));
      const percent = (th / (tasks * periodHours)) * 100;
      const alwaysOn = percent >= 99.5;
      schedule = alwaysOn ? { type: "always-on" } : { type: "duty-cycle", percent: duty(percent) };
      scheduleHow =
        `Tasks: usage in ${at.length} of the bill's ${fmt(hours, 2)} ${plural(fmt(hours, 2), "hour")}, ${concurrencyWords(at, p95)}; ` +
        `${fmt(taskHours)} task-hour${taskHours.eq(1) ? "" : "s"} over ${fmt(hours, 2)} ${plural(fmt(hours, 2), "hour")} is ${tasks} ${plural(tasks, "task")} ${alwaysOn ? "always on" : `running ${duty(percent)}% of the time`}.`;
    } else {
      const average = taskHours.div(hours);
      tasks = Math.min(100_000, Math.max(1, Math.ceil(average.minus("0.01").toNumber())));
      const percent = average.div(tasks).times(100).toNumber();
      const alwaysOn = percent >= 99.5;
      schedule = alwaysOn ? { type: "always-on" } : { type: "duty-cycle", percent: duty(percent) };
      scheduleHow =
        (p?.granularity === "coarse"
          ? "The rows cover more than an hour (daily or monthly granularity), so concurrency cannot be read: "
          : p?.hoursDropped
            ? "The bill has more clock hours than the reader keeps, so concurrency is not read: "
            : "") +
        `Tasks: ${fmt(taskHours)} task-hour${taskHours.eq(1) ? "" : "s"} over the bill's ${fmt(hours, 2)} ${plural(fmt(hours, 2), "hour")} is ${fmt(average)} ${plural(fmt(average), "task")} on average, so ${tasks} ${plural(tasks, "task")} ${alwaysOn ? "always on" : `running ${duty(percent)}% of the time`}.`;
    }
    const spotPercent = g.platform === "ecs" && g.os === "linux" && vcpuHours.gt(0) ? spotVcpuHours.div(vcpuHours).times(100).round(2).toNumber() : 0;

    // Storage: for the tasks (and so the hours) that had it; a workload of its own when only part of them did.
    const maxStorage = g.platform === "eks" ? STORAGE_LIMITS_GIB.eks : STORAGE_LIMITS_GIB.ecs;
    let storageGiB = STORAGE_LIMITS_GIB.free;
    let storageShare = 1;
    let storageHow = "";
    if (storageHours.gt(0) && taskHours.gt(0)) {
      const storageTaskHours = p ? p.storage.computeHours / (p.hourlyOf === "vcpu" ? size.vcpu : size.memoryGiB) : 0;
      if (p && p.storage.tasks > 0 && storageTaskHours > 0) {
        const rate = p.storage.gbHours / storageTaskHours;
        storageShare = Math.min(1, storageTaskHours / th);
        storageGiB = Math.min(maxStorage, STORAGE_LIMITS_GIB.free + Math.round(rate));
        storageHow = `${p.tasks === 1 ? "its one task" : `${p.storage.tasks} of the ${p.tasks} tasks`} had ephemeral storage beyond the ${STORAGE_LIMITS_GIB.free} GiB included: ${num(p.storage.gbHours)} GB-hours over their ${num(storageTaskHours)} task-hours is ${num(rate)} GB each, so ${storageGiB} GiB for ${storageShare >= 0.995 ? "every task" : `those tasks (${pct(storageShare)} of the task-hours)`}${top ? "" : " (at the assumed size: another size would spread it over other run lengths)"}`;
      } else {
        const rate = storageHours.div(taskHours);
        storageGiB = Math.min(maxStorage, STORAGE_LIMITS_GIB.free + Math.round(rate.toNumber()));
        storageHow = `without per-task rows, ${fmt(storageHours)} extra ephemeral GB-hours over ${fmt(taskHours)} task-hours is ${fmt(rate)} GB per task on average, so ${storageGiB} GiB`;
      }
    }

    let request = size;
    let eksNote = "";
    if (g.platform === "eks") {
      // EKS bills the pod's size after adding 256 MiB and rounding up: ask for that much less so it bills the same.
      request = { vcpu: size.vcpu, memoryGiB: size.memoryGiB - catalog.eksOverheadMiB / MIB_PER_GIB };
      eksNote = `; as an EKS pod it requests ${formatSize(request)}, which Fargate bills as ${formatSize(size)}`;
      if (request.memoryGiB <= 0) size = request = { vcpu: size.vcpu, memoryGiB: 0.25 };
    }

    // Savings Plan: the covered share of the on-demand hours, at the term whose rates match what they paid.
    let plan: { term: SavingsPlanTerm; share: number; how: string } | null = null;
    const sp = p?.savingsPlan;
    if (sp && sp.vcpuHours + sp.gbHours > 0) {
      const share = p!.onDemandVcpuHours > 0 ? sp.vcpuHours / p!.onDemandVcpuHours : p!.onDemandGbHours > 0 ? sp.gbHours / p!.onDemandGbHours : 0;
      const near = sp.effectiveCost > 0 ? nearestTerm(catalog, region, g, sp) : null;
      const term: SavingsPlanTerm = near?.term ?? "1yr-no-upfront";
      const paid = near
        ? `they paid ${num(near.paid * 100, 2)}% of list, nearest the ${term} Compute Savings Plan rates (${num(near.expected * 100, 2)}%)`
        : `what they paid is not in the rows (FOCUS bills covered usage at 0), so the ${term} Compute Savings Plan is assumed`;
      if (share >= 0.005)
        plan = { term, share: Math.min(1, share), how: `${pct(Math.min(1, share))} of the on-demand vCPU-hours were covered by a Savings Plan: ${paid}` };
    }
    const discounted =
      !plan && dec(g.effectiveCost).lt(dec(g.listCost).times("0.95")) && spotPercent === 0
        ? " The bill paid less than list without Savings Plan rows for this group (a discount or credit?): the scenario prices on-demand until you choose a plan."
        : "";

    const base: WorkloadInput = {
      name: label,
      platform: g.platform,
      os: g.os,
      arch: g.arch,
      vcpu: request.vcpu,
      memoryGiB: request.memoryGiB,
      storageGiB,
      tasks,
      schedule,
      spotPercent,
      savingsPlan: "none",
    };
    const common =
      `Size: ${inferred.how}${eksNote}. ${scheduleHow}` + (spotPercent > 0 ? ` Spot: ${spotPercent}% of the vCPU-hours were Fargate Spot.` : "") + discounted;
    // Parts: [workload, share of the group's task-hours, what sets it apart].
    let parts: { w: WorkloadInput; what: string[] }[] = [{ w: base, what: [] }];
    if (storageGiB > STORAGE_LIMITS_GIB.free) {
      const cut = storageShare < 0.995 ? splitSchedule(schedule, storageShare) : null;
      if (cut) {
        parts = [
          { w: { ...base, schedule: cut[0] }, what: [`Storage: ${storageHow}; this workload holds those task-hours.`] },
          {
            w: { ...base, name: `${label} (no extra storage)`, storageGiB: STORAGE_LIMITS_GIB.free, schedule: cut[1] },
            what: [`Storage: the other task-hours had none beyond the ${STORAGE_LIMITS_GIB.free} GiB included.`],
          },
        ];
      } else parts[0]!.what.push(`Storage: ${storageHow}${storageShare < 0.995 ? " (spread over every task: the schedule cannot be cut)" : ""}.`);
    }
    if (plan) {
      const planned = plan;
      if (planned.share >= 0.995 || spotPercent > 0) {
        for (const part of parts) {
          part.w.savingsPlan = planned.term;
          part.what.push(
            `Savings Plan: ${planned.how}; the workload is priced on it${planned.share < 0.995 ? " (Spot and the plan share its hours: the whole on-demand part is priced on the plan)" : ""}.`,
          );
        }
      } else {
        parts = parts.flatMap((part) => {
          const cut = splitSchedule(part.w.schedule ?? { type: "always-on" }, planned.share);
          if (!cut) return [{ ...part, what: [...part.what, `Savings Plan: ${planned.how}; not carried over (the runs cannot be cut).`] }];
          return [
            {
              w: { ...part.w, name: `${part.w.name} (Savings Plan)`, savingsPlan: planned.term, schedule: cut[0] },
              what: [...part.what, `Savings Plan: ${planned.how}; this workload holds the covered task-hours.`],
            },
            { w: { ...part.w, schedule: cut[1] }, what: [...part.what, `Savings Plan: ${planned.how}; this workload holds the rest, on-demand.`] },
          ];
        });
      }
    }
    for (const part of parts) {
      const wname = uniqueName(`${part.w.name}`);
      const how = [common, ...part.what].join(" ");
      workloads.push({ ...part.w, name: wname, note: how.slice(0, NOTE_MAX) });
      explanations.push({ workload: wname, how });
    }
  }
  if (!workloads.length) skipped.push("No Fargate usage with a task size was found, so the scenario has no workloads.");
  const parsed = Scenario.safeParse({ version: 1, name: name.slice(0, 120), region, workloads });
  if (!parsed.success) {
    // Every field above is built within the schema's limits; a failure here is a bug worth a clear message.
    throw new Error(`The scenario built from the bill is invalid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return { scenario: parsed.data, explanations, skipped };
}

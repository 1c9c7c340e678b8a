/**
 * What a group's Fargate rows show hour by hour and task by task, read while the bill streams (bounded memory): the
 * raw material for a faithful scenario (./build-scenario.ts). Inference figures, not money: plain numbers.
 *
 * Reading rules (docs: README "Build a scenario from a bill"):
 * - A row's rate is its quantity over its own duration. A row shorter than an hour (its start and end are the task's
 *   own, as per-task exports write them) gives the task's size exactly; so does a task seen in three or more hourly
 *   rows (it ran the whole hour in between). A task seen only in one or two hourly rows ran part of them: its size
 *   and run length trade off, and it "cannot be sized from hourly rows".
 * - Concurrency comes from the vCPU-hours (else GB-hours) per clock hour; rows longer than an hour (daily or monthly
 *   granularity) make the group "coarse": no concurrency, no run lengths.
 */
import { MS_PER_HOUR } from "@/lib/core";
import type { FargateMeter } from "./usage-type";

/**
 * Memory bounds (README, Security): groups profiled, clock-hour cells over all groups, tasks per group and over all
 * groups. Past them the sums still count; a group that lost hours says so (`hoursDropped`) and is not read per hour.
 */
export const PROFILE_BOUNDS = { groups: 500, hourCells: 1_000_000, tasksPerGroup: 20_000, tasks: 200_000 } as const;

/** Per task size seen (the most task-hours first), at most this many listed. */
const MAX_SIZES = 8;

export interface TaskSizeSeen {
  vcpu: number;
  memoryGB: number;
  tasks: number;
  taskHours: number;
}

export interface GroupProfile {
  /** "coarse" when a row covers more than an hour (daily or monthly export): no concurrency, no run lengths. */
  granularity: "hourly" | "coarse";
  /** Compute usage per clock hour with usage: vCPU-hours (GB-hours for memory-only groups), largest first. */
  hourly: number[];
  /** "vcpu" when `hourly` holds vCPU-hours, "memory" when GB-hours. */
  hourlyOf: "vcpu" | "memory";
  /** True when some hours were not kept (PROFILE_BOUNDS.hourCells): `hourly` is partial. */
  hoursDropped: boolean;
  /** Tasks (resource IDs) seen; 0 without resource IDs. */
  tasks: number;
  /** Tasks whose size the rows show exactly (a sub-hour row, or a whole hour between two others). */
  sizedTasks: number;
  /** Sizes seen on the sized tasks, the most task-hours first. */
  sizes: TaskSizeSeen[];
  /** Distinct clock hours in which a task started: the runs of batch work. */
  runs: number;
  /** Tasks that ran an hour or less each (their vCPU-hours at their size, or at their largest hourly rate). */
  shortTasks: number;
  /**
   * Tasks with ephemeral storage rows: how many, their vCPU-hours (GB-hours of memory when `hourlyOf` is "memory",
   * so that task-hours follow at the size the scenario takes) and their storage GB-hours.
   */
  storage: { tasks: number; computeHours: number; gbHours: number };
  /** Rows covered by a Savings Plan: their on-demand (non-Spot) vCPU and GB-hours, list and effective cost. */
  savingsPlan: { vcpuHours: number; gbHours: number; listCost: number; effectiveCost: number };
  /** On-demand (non-Spot) vCPU-hours of the group, to tell the covered share. */
  onDemandVcpuHours: number;
  onDemandGbHours: number;
}

interface TaskAcc {
  vcpuH: number;
  gbH: number;
  stH: number;
  firstHour: number;
  lastHour: number;
  maxVcpu: number;
  maxGb: number;
  /** Rate of a row shorter than an hour (exact), per resource. */
  exactVcpu: number;
  exactGb: number;
}

/** A profiled group's accumulator (UsageProfiler.group()). */
export type GroupHandle = GroupAcc;

interface GroupAcc {
  coarse: boolean;
  vcpuByHour: Map<number, number>;
  gbByHour: Map<number, number>;
  /** Its tasks' places in the profiler's task table (UsageProfiler.task), in the order first seen. */
  tasks: number[];
  /** Resource ID -> place, for add() (a reader using addTo() keeps its own: ./resource-ids.ts). */
  byId: Map<string, number> | null;
  sp: GroupProfile["savingsPlan"];
  odVcpu: number;
  odGb: number;
  hoursDropped: boolean;
}

export interface ProfileRow {
  meter: FargateMeter;
  quantity: number;
  start: number;
  end: number;
  resourceId: string;
  /** Savings Plan covered usage (CUR SavingsPlanCoveredUsage; FOCUS commitment used). */
  covered: boolean;
  listCost: number;
  effectiveCost: number;
}

/** addTo()'s task for a resource not seen (or not asked about) in the group yet, and for none. */
export const NEW_TASK = -2;
export const NO_TASK = -1;

/** A TaskAcc's fields, in this order, in the profiler's task table (TASK_FIELDS doubles per task). */
const [VCPU_H, GB_H, ST_H, FIRST_HOUR, LAST_HOUR, MAX_VCPU, MAX_GB, EXACT_VCPU, EXACT_GB] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
const TASK_FIELDS = 9;

export class UsageProfiler {
  private groups = new Map<string, GroupAcc>();
  private hourCells = 0;
  private taskCount = 0;
  /**
   * Every task's TaskAcc, TASK_FIELDS doubles each, in one growing Float64Array: 72 bytes a task, where an object of
   * nine numbers took about 190 (each double boxed); up to PROFILE_BOUNDS.tasks tasks are kept while the bill streams.
   */
  private table = new Float64Array(TASK_FIELDS * 1024);

  add(groupKey: string, r: ProfileRow): void {
    const g = this.group(groupKey);
    if (!g) return;
    g.byId ??= new Map();
    const known = r.resourceId ? (g.byId.get(r.resourceId) ?? NEW_TASK) : NO_TASK;
    const task = this.addTo(g, r.meter, r.quantity, r.start, r.end, known, r.covered, r.listCost, r.effectiveCost);
    if (task >= 0 && task !== known) g.byId.set(r.resourceId, task);
  }

  /**
   * The group's accumulator, made on first use; null once PROFILE_BOUNDS.groups groups are profiled (groups are never
   * dropped, so a group refused stays refused). A reader that keeps it may call addTo() on every row of the group.
   */
  group(groupKey: string): GroupHandle | null {
    let g = this.groups.get(groupKey);
    if (!g) {
      if (this.groups.size >= PROFILE_BOUNDS.groups) return null;
      g = {
        coarse: false,
        vcpuByHour: new Map(),
        gbByHour: new Map(),
        tasks: [],
        byId: null,
        sp: { vcpuHours: 0, gbHours: 0, listCost: 0, effectiveCost: 0 },
        odVcpu: 0,
        odGb: 0,
        hoursDropped: false,
      };
      this.groups.set(groupKey, g);
    }
    return g;
  }

  /**
   * add() for a group from group(), the row's fields as arguments (no object per row), its task given by the caller:
   * its place in the task table (from an earlier call), NEW_TASK (a resource not seen in this group yet, or not asked
   * about since) or NO_TASK (no resource ID, or one refused before: the bounds only tighten). Returns the task's place
   * after the row: a new place when a new task was made, NO_TASK when the bounds refused one, else `task` unchanged (a
   * row that is not counted per task: no quantity, no hours).
   */
  addTo(
    g: GroupHandle,
    meter: FargateMeter,
    quantity: number,
    start: number,
    end: number,
    task: number,
    covered: boolean,
    listCost: number,
    effectiveCost: number,
  ): number {
    if (!Number.isFinite(quantity) || quantity <= 0) return task;
    const compute = meter.resource === "vcpu" || meter.resource === "memory";
    if (compute && !meter.spot) {
      if (meter.resource === "vcpu") g.odVcpu += quantity;
      else g.odGb += quantity;
      if (covered) {
        if (meter.resource === "vcpu") g.sp.vcpuHours += quantity;
        else g.sp.gbHours += quantity;
        g.sp.listCost += listCost;
        g.sp.effectiveCost += effectiveCost;
      }
    }
    const dated = Number.isFinite(start) && Number.isFinite(end) && end > start;
    const duration = dated ? (end - start) / MS_PER_HOUR : NaN;
    if (!dated || duration > 1 + 1e-9) g.coarse = true;
    if (!dated) return task;
    const hour = Math.floor(start / MS_PER_HOUR);
    // A row that crosses a clock hour (never in hourly exports) counts in the hour it starts.
    if (compute) {
      const byHour = meter.resource === "vcpu" ? g.vcpuByHour : g.gbByHour;
      const had = byHour.get(hour);
      if (had !== undefined) byHour.set(hour, had + quantity);
      else if (this.hourCells < PROFILE_BOUNDS.hourCells) {
        byHour.set(hour, quantity);
        this.hourCells++;
      } else g.hoursDropped = true;
    }
    if (task === NO_TASK) return task;
    let i = task;
    if (i === NEW_TASK) {
      if (g.tasks.length >= PROFILE_BOUNDS.tasksPerGroup || this.taskCount >= PROFILE_BOUNDS.tasks) return NO_TASK;
      i = this.taskCount++;
      if ((i + 1) * TASK_FIELDS > this.table.length) {
        const grown = new Float64Array(this.table.length * 2);
        grown.set(this.table);
        this.table = grown;
      }
      // A new task: every sum and maximum 0 (a fresh table's zeros), its first and last hour this one.
      this.table[i * TASK_FIELDS + FIRST_HOUR] = hour;
      this.table[i * TASK_FIELDS + LAST_HOUR] = hour;
      g.tasks.push(i);
    }
    const t = this.table;
    const at = i * TASK_FIELDS;
    t[at + FIRST_HOUR] = Math.min(t[at + FIRST_HOUR]!, hour);
    t[at + LAST_HOUR] = Math.max(t[at + LAST_HOUR]!, hour);
    const rate = quantity / duration;
    const subHour = duration < 1 - 1e-9;
    if (meter.resource === "vcpu") {
      t[at + VCPU_H] = t[at + VCPU_H]! + quantity;
      t[at + MAX_VCPU] = Math.max(t[at + MAX_VCPU]!, rate);
      if (subHour) t[at + EXACT_VCPU] = Math.max(t[at + EXACT_VCPU]!, rate);
    } else if (meter.resource === "memory") {
      t[at + GB_H] = t[at + GB_H]! + quantity;
      t[at + MAX_GB] = Math.max(t[at + MAX_GB]!, rate);
      if (subHour) t[at + EXACT_GB] = Math.max(t[at + EXACT_GB]!, rate);
    } else if (meter.resource === "storage") t[at + ST_H] = t[at + ST_H]! + quantity;
    return i;
  }

  /** x.toFixed(4), once per distinct x (a group's tasks share a few sizes; toFixed is slow). */
  private fixed = new Map<number, string>();

  /** The profile of one group (by the accumulator's group key), or undefined when it was not profiled. */
  profile(groupKey: string): GroupProfile | undefined {
    const g = this.groups.get(groupKey);
    if (!g) return undefined;
    const hourlyOf = g.vcpuByHour.size ? "vcpu" : "memory";
    const hourly = [...(hourlyOf === "vcpu" ? g.vcpuByHour : g.gbByHour).values()].filter((v) => v > 0).sort((a, b) => b - a);
    // Sizes by their 4-place texts (vCPU, then GB), and in the order first seen (the sort below keeps it for ties).
    const sizeIndex = new Map<string, Map<string, TaskSizeSeen>>();
    const sizes: TaskSizeSeen[] = [];
    const starts = new Set<number>();
    const table = this.table;
    const fixed4 = (x: number) => {
      let f = this.fixed.get(x);
      if (f === undefined) {
        if (this.fixed.size >= 4096) this.fixed.clear();
        this.fixed.set(x, (f = x.toFixed(4)));
      }
      return f;
    };
    let sizedTasks = 0;
    let shortTasks = 0;
    const storage = { tasks: 0, computeHours: 0, gbHours: 0 };
    for (const i of g.tasks) {
      // The task's fields, read in place (TaskAcc's names).
      const at = i * TASK_FIELDS;
      const t: TaskAcc = {
        vcpuH: table[at + VCPU_H]!,
        gbH: table[at + GB_H]!,
        stH: table[at + ST_H]!,
        firstHour: table[at + FIRST_HOUR]!,
        lastHour: table[at + LAST_HOUR]!,
        maxVcpu: table[at + MAX_VCPU]!,
        maxGb: table[at + MAX_GB]!,
        exactVcpu: table[at + EXACT_VCPU]!,
        exactGb: table[at + EXACT_GB]!,
      };
      if (t.vcpuH === 0 && t.gbH === 0) {
        if (t.stH > 0) storage.gbHours += t.stH;
        continue;
      }
      starts.add(t.firstHour);
      // Exact from a sub-hour row; else from a whole hour between the first and the last.
      let vcpu = t.exactVcpu || (t.lastHour - t.firstHour >= 2 ? t.maxVcpu : 0);
      let gb = t.exactGb || (t.lastHour - t.firstHour >= 2 ? t.maxGb : 0);
      const sized = !g.coarse && (vcpu > 0 || t.vcpuH === 0) && (gb > 0 || t.gbH === 0) && (vcpu > 0 || gb > 0);
      if (!sized) {
        vcpu = t.maxVcpu;
        gb = t.maxGb;
      }
      const taskHours = vcpu > 0 ? t.vcpuH / vcpu : gb > 0 ? t.gbH / gb : 0;
      // An hour or less (at its size, or at its largest hourly rate when the rows cannot show its size).
      if (taskHours <= 1 + 1e-6) shortTasks++;
      if (t.stH > 0) {
        storage.tasks++;
        storage.computeHours += hourlyOf === "vcpu" ? t.vcpuH : t.gbH;
        storage.gbHours += t.stH;
      }
      if (!sized) continue;
      sizedTasks++;
      // Bill amounts carry 10 decimals: sizes are grouped at 4.
      const v4 = fixed4(vcpu);
      const g4 = fixed4(gb);
      let byGb = sizeIndex.get(v4);
      if (!byGb) sizeIndex.set(v4, (byGb = new Map()));
      let s = byGb.get(g4);
      if (!s) {
        byGb.set(g4, (s = { vcpu: Number(v4), memoryGB: Number(g4), tasks: 0, taskHours: 0 }));
        sizes.push(s);
      }
      s.tasks++;
      s.taskHours += taskHours;
    }
    return {
      granularity: g.coarse ? "coarse" : "hourly",
      hourly,
      hourlyOf,
      hoursDropped: g.hoursDropped,
      tasks: g.tasks.length,
      sizedTasks,
      sizes: sizes.sort((a, b) => b.taskHours - a.taskHours).slice(0, MAX_SIZES),
      runs: starts.size,
      shortTasks,
      storage,
      savingsPlan: g.sp,
      onDemandVcpuHours: g.odVcpu,
      onDemandGbHours: g.odGb,
    };
  }
}

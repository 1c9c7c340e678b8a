import type { Ec2Architecture } from "@/lib/catalog";
import { CPU_UNITS_PER_VCPU, MIB_PER_GIB } from "@/lib/core";
import type { Ec2Candidate } from "./candidates";
import { argmin, evaluate, packingFor } from "./evaluate";
import { liveCount } from "./evaluation";
import { FitTable } from "./fit-table";
import type { FleetGroup, FleetPlan, FleetResult, FleetSummary, Option, Placement, PlanOptions } from "./fleet";
import { chooseOption } from "./group-option";
import { percent } from "./price";
import { SingleTypeCosts, singleTypeSums } from "./single-type";

/**
 * Plans the cheapest fleet: every group gets its own cheapest option (single type, or mixed when that is
 * cheaper), so the result is never dearer than running all groups of an architecture on any one type.
 * Also returns the cheapest single-type fleets (one type per architecture) for the alternatives list.
 */
export function planFleet(groups: readonly FleetGroup[], candidates: readonly Ec2Candidate[], options: PlanOptions): FleetResult {
  const archs = [...new Set(groups.map((g) => g.arch))];
  const tables = new Map(archs.map((a) => [a, new FitTable(candidates.filter((c) => c.arch === a))]));
  const tableOf = (g: FleetGroup) => tables.get(g.arch)!;
  const evals = groups.map((g) => evaluate(g.items, tableOf(g)));
  const unplaceable: number[] = [];
  for (let i = 0; i < groups.length; i++) if (argmin(evals[i]!, groups[i]!.hours, tableOf(groups[i]!)) < 0) unplaceable.push(i);
  if (unplaceable.length) return { chosen: null, singleType: [], unplaceable };

  // The chosen fleet: per group, the cheapest of its best single type and the mixed options. What pricing needs
  // (instances and instance-hours per type, utilization) is summed here, in the order fleetSummary would sum it
  // over the placements (groups in order, parts in order); the placements themselves are built on first read.
  const chosenOptions = new Array<Option>(groups.length);
  let chosenCost = 0;
  const chosenTypes: FleetSummary["types"] = [];
  const rowOf = new Map<Ec2Candidate, FleetSummary["types"][number]>();
  let taskCpu = 0;
  let taskMem = 0;
  let capCpu = 0;
  let capMem = 0;
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi]!;
    const table = tableOf(g);
    const ev = evals[gi]!;
    // A single-size group's choice depends only on its size, count and hours: computed once per combination.
    const best = ev.single
      ? (table.cachedOption(ev.single.row, ev.single.item, g.hours) ??
        table.storeOption(ev.single.row, ev.single.item, g.hours, chooseOption(g, ev, table, options.mixedFleets)))
      : chooseOption(g, ev, table, options.mixedFleets);
    chosenOptions[gi] = best;
    chosenCost += best.cost;
    let used = false;
    for (const p of best.parts) {
      const bins = p.packing.bins;
      if (!(bins > 0)) continue;
      used = true;
      let row = rowOf.get(p.candidate);
      if (!row) {
        rowOf.set(p.candidate, (row = { candidate: p.candidate, count: 0, hours: 0 }));
        chosenTypes.push(row);
      }
      row.count += bins;
      row.hours += bins * g.hours;
      capCpu += bins * g.hours * p.candidate.vcpu * CPU_UNITS_PER_VCPU;
      capMem += bins * g.hours * p.candidate.memoryGiB * MIB_PER_GIB;
    }
    if (used)
      for (const i of g.items) {
        taskCpu += i.cpu * i.count * g.hours;
        taskMem += i.memoryMiB * i.count * g.hours;
      }
  }
  let chosenPlacements: Placement[] | undefined;
  const buildChosen = () => {
    const out: Placement[] = [];
    chosenOptions.forEach((best, gi) => {
      for (const p of best.parts) if (p.packing.bins > 0) out.push({ group: gi, candidate: p.candidate, bins: p.packing.bins, packing: p.packing });
    });
    return out;
  };
  const chosen: FleetPlan = {
    get placements() {
      return (chosenPlacements ??= buildChosen());
    },
    rankCost: chosenCost,
    summary: { types: chosenTypes, utilization: { cpuPercent: percent(taskCpu, capCpu), memoryPercent: percent(taskMem, capMem) } },
    groupParts: chosenOptions.map((o) => o.parts),
  };

  // Single-type fleets: per architecture, the cost of all its groups on type t (NaN where a group does not fit),
  // summed exactly as before for every candidate that can be listed (see SingleTypeCosts); NaN for the others.
  const singleCost = new Map(archs.map((a) => [a, new SingleTypeCosts(groups, evals, a, tables.get(a)!.rank, options.singleTypeFleets + 1)] as const));
  const bestOf = new Map(
    archs.map((a) => {
      const costs = singleCost.get(a)!.costs;
      let best = -1;
      for (let t = 0; t < costs.length; t++) if (!Number.isNaN(costs[t]!) && (best < 0 || costs[t]! < costs[best]!)) best = t;
      return [a, best] as const;
    }),
  );
  // One architecture varies, the others stay on their cheapest single type (each combination listed once).
  const combos: { arch: Ec2Architecture; t: number; cost: number }[] = [];
  archs.forEach((a, ai) => {
    const others = archs.filter((b) => b !== a).reduce((s, b) => s + singleCost.get(b)!.costs[bestOf.get(b)!]!, 0);
    const single = singleCost.get(a)!;
    single.extend(others);
    single.costs.forEach((cost, t) => {
      if (!Number.isNaN(cost) && (ai === 0 || t !== bestOf.get(a))) combos.push({ arch: a, t, cost: cost + others });
    });
  });
  combos.sort((x, y) => x.cost - y.cost);
  // Every group is in every single-type fleet (one type per architecture): the tasks' CPU and memory-hours are the
  // same for all of them, summed once (as fleetUtilization sums them: groups in order, items in order).
  let allCpu = 0;
  let allMem = 0;
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi]!;
    if (liveCount(g.items) === 0) continue;
    for (const i of g.items) {
      allCpu += i.cpu * i.count * g.hours;
      allMem += i.memoryMiB * i.count * g.hours;
    }
  }
  const archIndex = new Int32Array(groups.length);
  for (let gi = 0; gi < groups.length; gi++) archIndex[gi] = archs.indexOf(groups[gi]!.arch);
  const singleType = combos.slice(0, options.singleTypeFleets).map(({ arch, t, cost }): FleetPlan => {
    // The type each architecture runs on in this fleet.
    const typeIdx = archs.map((b) => (b === arch ? t : bestOf.get(b)!));
    const typeOf = (g: FleetGroup) => typeIdx[archs.indexOf(g.arch)]!;
    const typeCand = archs.map((b, ai) => tables.get(b)!.cands[typeIdx[ai]!]!);
    const { types, fleetCpu, fleetMem } = singleTypeSums(groups, evals, archIndex, typeIdx, typeCand);
    let placements: Placement[] | undefined;
    const build = () => {
      const out: Placement[] = [];
      groups.forEach((g, gi) => {
        const table = tableOf(g);
        const ti = typeOf(g);
        const packing = packingFor(g.items, evals[gi]!, ti, table.cands, table);
        if (packing.bins > 0) out.push({ group: gi, candidate: table.cands[ti]!, bins: packing.bins, packing });
      });
      return out;
    };
    return {
      get placements() {
        return (placements ??= build());
      },
      rankCost: cost,
      summary: { types, utilization: { cpuPercent: percent(allCpu, fleetCpu), memoryPercent: percent(allMem, fleetMem) } },
    };
  });

  return { chosen, singleType, unplaceable: [] };
}

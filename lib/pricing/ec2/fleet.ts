import type { Ec2Architecture } from "@/lib/catalog";
import type { Ec2Candidate } from "./candidates";
import type { PackItem, Packing } from "./pack";

// The shapes of a fleet plan: the groups of tasks that share instances, the placements, the plans planFleet
// (plan.ts) returns, and a group's option (its instance types and packings, with a float ranking cost).

/**
 * Tasks that share instances: one architecture, instances running `hours` in the month.
 * items are the distinct task sizes with how many tasks of each run at once.
 */
export interface FleetGroup {
  arch: Ec2Architecture;
  hours: number;
  items: PackItem[];
  /** Names of the workloads whose tasks are in the group (for messages). */
  workloads: string[];
}

/** `bins` instances of one type for one group; packing.runs index the group's items. */
export interface Placement {
  group: number;
  candidate: Ec2Candidate;
  bins: number;
  packing: Packing;
}

export interface FleetPlan {
  /** Built on first read (pricing reads the summary; the placements serve warnings and a fleet that becomes the chosen one). */
  placements: Placement[];
  /** Float ranking cost (USD per month, from Ec2Candidate.rankHourly); exact costs are computed elsewhere. */
  rankCost: number;
  /** What pricing needs, when known without the placements (planFleet's fleets): see price.ts fleetSummary. */
  summary?: FleetSummary;
  /**
   * Per group, the instance types and packings it uses (parts with no instance included), when known without
   * building the placements (planFleet's chosen fleet): the placements are these parts with bins > 0, in order.
   */
  groupParts?: readonly (readonly { candidate: Ec2Candidate; packing: Packing }[])[];
}

/** A fleet as pricing sees it: instances and instance-hours per type, and the utilization. */
export interface FleetSummary {
  /** Per instance type, in first-use order. */
  types: { candidate: Ec2Candidate; count: number; hours: number }[];
  utilization: { cpuPercent: number; memoryPercent: number };
}

export interface FleetResult {
  chosen: FleetPlan | null;
  /** Fleets of one type per architecture, cheapest first (may include one equal to `chosen`). */
  singleType: FleetPlan[];
  /** Groups no candidate can host (a task larger than every instance, after headroom). */
  unplaceable: number[];
}

export interface PlanOptions {
  /** How many single-type fleets to return (they become the alternatives). */
  singleTypeFleets: number;
  mixedFleets: boolean;
}

/** One way to run a group: instance types with their packings, and the float ranking cost (USD per month). */
export interface Option {
  parts: { candidate: Ec2Candidate; packing: Packing }[];
  cost: number;
}

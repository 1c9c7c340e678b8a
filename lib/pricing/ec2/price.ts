import type { Ec2Catalog, Ec2Region } from "@/lib/catalog";
import type { Ec2Settings } from "../input";
import { lineItem } from "../line-item";
import { dec, num, rate, sum, toPlain, ZERO, type Decimal, own, HOURS_PER_MONTH, CPU_UNITS_PER_VCPU, MIB_PER_GIB } from "@/lib/core";
import type { LineItem } from "../types";
import type { Ec2Candidate } from "./candidates";
import type { FleetGroup, FleetPlan, FleetSummary } from "./fleet";
import type { Ec2InstanceCount, Ec2Utilization } from "./types";

export interface PriceContext {
  catalog: Ec2Catalog;
  region: Ec2Region;
  settings: Ec2Settings;
  /** ECS Managed Instances: the fee table's price-source key (candidates carry the fee). */
  feeSource?: string;
}

export interface PricedFleet {
  monthlyCost: Decimal;
  instances: Ec2InstanceCount[];
  utilization: Ec2Utilization;
  lineItems: LineItem[];
  /** type -> instance-hours, to tell two fleets apart. */
  key: string;
}

/** part / whole in percent, two decimals (0 when whole is 0). */
export const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 100 : 0);

/** Hours-weighted share of the fleet's nominal vCPU and memory that the tasks request. */
export function fleetUtilization(plan: FleetPlan, groups: readonly FleetGroup[]): Ec2Utilization {
  let taskCpu = 0;
  let taskMem = 0;
  // Groups in use, in first-use order (as a Set of plan.placements' groups would list them).
  const seen = new Uint8Array(groups.length);
  const used: number[] = [];
  for (const p of plan.placements) {
    if (seen[p.group]) continue;
    seen[p.group] = 1;
    used.push(p.group);
  }
  for (const gi of used) {
    const g = groups[gi]!;
    for (const i of g.items) {
      taskCpu += i.cpu * i.count * g.hours;
      taskMem += i.memoryMiB * i.count * g.hours;
    }
  }
  let capCpu = 0;
  let capMem = 0;
  for (const p of plan.placements) {
    const h = groups[p.group]!.hours;
    capCpu += p.bins * h * p.candidate.vcpu * CPU_UNITS_PER_VCPU;
    capMem += p.bins * h * p.candidate.memoryGiB * MIB_PER_GIB;
  }
  return { cpuPercent: percent(taskCpu, capCpu), memoryPercent: percent(taskMem, capMem) };
}

/** Exact USD per hour for one instance bought the regular way: on-demand, or on-demand less the commitment discount. */
export function regularHourly(c: Pick<Ec2Candidate, "onDemandHourly">, ctx: Omit<PriceContext, "region">): Decimal {
  const od = rate(c.onDemandHourly);
  if (ctx.settings.commitment === "none") return od;
  const discount = own(ctx.catalog.commitments, ctx.settings.commitment)!.discountPercent;
  return od.times(dec(100).minus(discount)).div(100);
}

/** Exact Spot estimate: on-demand x (100 - Spot Instance Advisor average savings %) / 100. */
export function spotHourly(c: Pick<Ec2Candidate, "onDemandHourly" | "spotSavingsPercent">): Decimal {
  return rate(c.onDemandHourly)
    .times(100 - (c.spotSavingsPercent ?? 0))
    .div(100);
}

/** The Spot and regular shares of instance-hours (exact; they sum to 1). */
export function purchaseShares(settings: Pick<Ec2Settings, "spotPercent">): { spot: Decimal; regular: Decimal } {
  const spot = num(settings.spotPercent).div(100);
  return { spot, regular: dec(1).minus(spot) };
}

/**
 * Exact USD per instance-hour with the purchase mix: regular share x regular rate + Spot share x Spot rate. The
 * instances' hourlyPrice, and (plus the pro-rated root volume) what fleets are ranked by: the prices of the result.
 */
export function blendedHourly(c: Pick<Ec2Candidate, "onDemandHourly" | "spotSavingsPercent">, ctx: Omit<PriceContext, "region">): Decimal {
  const shares = purchaseShares(ctx.settings);
  return regularHourly(c, ctx).times(shares.regular).plus(spotHourly(c).times(shares.spot));
}

/** Instances and instance-hours per type (first-use order) and the utilization, from a plan's placements. */
export function fleetSummary(plan: FleetPlan, groups: readonly FleetGroup[]): FleetSummary {
  const byType = new Map<string, FleetSummary["types"][number]>();
  for (const p of plan.placements) {
    let row = byType.get(p.candidate.type);
    if (!row) byType.set(p.candidate.type, (row = { candidate: p.candidate, count: 0, hours: 0 }));
    row.count += p.bins;
    row.hours += p.bins * groups[p.group]!.hours;
  }
  return { types: [...byType.values()], utilization: fleetUtilization(plan, groups) };
}

/**
 * A plan -> exact line items. Per instance type: instance-hours = instances x hours their group runs, split into
 * the Spot share (at the Spot estimate) and the rest (on-demand, or at the commitment discount). One EBS line:
 * a gp3 root volume per instance, GB-months = ebsRootGiB x instance-hours / HOURS_PER_MONTH.
 */
export function priceFleet(plan: FleetPlan, groups: readonly FleetGroup[], ctx: PriceContext): PricedFleet {
  const { settings, region } = ctx;
  const summary = plan.summary ?? fleetSummary(plan, groups);
  const rows = [...summary.types].sort((a, b) => (a.candidate.type < b.candidate.type ? -1 : 1));
  const { spot: spotShare, regular: regularShare } = purchaseShares(settings);
  const commitment = settings.commitment;
  const lineItems: LineItem[] = [];
  const costs: Decimal[] = [];
  const add = (li: Omit<LineItem, "monthlyCost" | "quantity">, quantity: Decimal) => {
    const { monthlyCost } = lineItem(li.name, li.unit, quantity, li.unitPrice, li.component, li.purchase, li.priceSource);
    costs.push(monthlyCost);
    // EC2 lines have always listed quantity and monthlyCost last in the JSON (CLI, API): the order is kept.
    lineItems.push({ ...li, quantity, monthlyCost });
  };
  let totalHours = ZERO;
  for (const { candidate: c, hours } of rows) {
    const h = num(hours);
    totalHours = totalHours.plus(h);
    if (regularShare.gt(0)) {
      add(
        {
          name: commitment === "none" ? `EC2 instances (${c.type}, on-demand)` : `EC2 instances (${c.type}, ${commitment} commitment, estimate)`,
          unit: "instance-hours",
          unitPrice: toPlain(regularHourly(c, ctx)),
          component: "instances",
          purchase: commitment === "none" ? "on-demand" : "savings-plan",
          priceSource: commitment === "none" ? region.onDemandSource : ctx.catalog.commitments[commitment]!.provenance,
        },
        h.times(regularShare),
      );
    }
    if (spotShare.gt(0)) {
      add(
        {
          name: `EC2 instances (${c.type}, Spot estimate)`,
          unit: "instance-hours",
          unitPrice: toPlain(spotHourly(c)),
          component: "instances",
          purchase: "spot",
          priceSource: ctx.catalog.sources.spot,
        },
        h.times(spotShare),
      );
    }
    // ECS Managed Instances fee: every instance-hour, at list price. AWS does not publish whether the fee applies to
    // Spot instances or whether Savings Plans cover it: we assume it applies to Spot too and no discount covers it.
    // Billed per second with a one-minute minimum per instance; our instance-hours are whole hours, so neither
    // changes the quantity.
    if (c.fee) {
      add(
        {
          name: `ECS Managed Instances fee (${c.type})`,
          unit: "instance-hours",
          unitPrice: c.fee[0],
          component: "management-fee",
          purchase: "on-demand",
          priceSource: ctx.feeSource ?? "ecs-managed-instances",
        },
        h,
      );
    }
  }
  if (region.ebsGp3GbMonth !== null && totalHours.gt(0)) {
    add(
      {
        name: `EBS gp3 root volumes (${settings.ebsRootGiB} GiB per instance)`,
        unit: "GB-months",
        unitPrice: region.ebsGp3GbMonth,
        component: "ebs",
        purchase: "on-demand",
        priceSource: ctx.catalog.sources.ebs,
      },
      num(settings.ebsRootGiB).times(totalHours).div(HOURS_PER_MONTH),
    );
  }
  // Blended per-hour rate: regular share x regular rate + Spot share x Spot rate (exact; the shares sum to 1).
  const effectiveHourly = (c: Ec2Candidate) => toPlain(blendedHourly(c, ctx));
  const instances: Ec2InstanceCount[] = rows.map((r) => ({
    type: r.candidate.type,
    count: r.count,
    hourlyPrice: effectiveHourly(r.candidate),
    onDemandHourlyPrice: r.candidate.onDemandHourly,
    instanceHours: r.hours,
    ...(r.candidate.fee ? { feeHourlyPrice: r.candidate.fee[0], feeSku: r.candidate.fee[1] } : {}),
  }));
  return {
    monthlyCost: sum(costs),
    instances,
    utilization: summary.utilization,
    lineItems,
    key: rows.map((r) => `${r.candidate.type}:${r.hours}`).join(","),
  };
}

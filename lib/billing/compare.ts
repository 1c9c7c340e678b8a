import type { FargateCatalog } from "@/lib/catalog";
import { dec, formatUsd, HOURS_PER_MONTH, ZERO, type Decimal } from "@/lib/core";
import { estimateScenario, type LineItem, type WorkloadEstimate } from "@/lib/pricing";
import type { Scenario } from "@/lib/scenario";
import { periodSentence, type BillPeriod } from "./period";
import type { DecimalString, Reconciliation } from "./types";
import { fargateMeter, usageTypeOf } from "./usage-type";
import { noUsageSentence } from "./verdict";
import { meterWords, percentOf } from "./words";

export interface ComparisonLine {
  region: string;
  platform: "ecs" | "eks";
  usageType: string;
  unit: string;
  estimatedQuantity: DecimalString;
  billedQuantity: DecimalString;
  estimatedCost: DecimalString;
  /** The bill's effective cost (what was paid), compared with the estimate's cost (which prices Savings Plans and Spot too). */
  billedCost: DecimalString;
  /** billed - estimated. */
  difference: DecimalString;
  /** difference / estimated x 100, to 2 decimals; null when nothing was estimated. */
  differencePercent: string | null;
}

export interface Comparison {
  scenario: { name: string; region: string };
  /**
   * False when the bill has no usage rows to compare with (only its header, or only taxes, credits and fees): then
   * `lines` is empty, `periodHours` and the totals are 0 (nothing was compared; no 730-hour month is invented),
   * there is no `periodSentence`, and `reason` (also the one finding) says why.
   */
  compared: boolean;
  /** Why nothing was compared (lib/billing/verdict.ts noUsageSentence); only when `compared` is false. */
  reason?: string;
  /**
   * The hours compared: the hours the bill covers (period.coveredHours: a month-to-date export's hours so far, else its
   * billing period); the estimate's 730-hour month is scaled by periodHours / 730 (its hourly rate times these hours).
   */
  periodHours: DecimalString;
  /** The bill's period as read (./period.ts); absent for a Reconciliation made before periods were read. */
  period?: BillPeriod;
  /** "month to date: 10 of 30 days (2024-09-01 to 2024-09-10)": for above the comparison (panel and CLI). */
  periodSentence?: string;
  lines: ComparisonLine[];
  totals: { estimatedCost: DecimalString; billedCost: DecimalString; difference: DecimalString; differencePercent: string | null };
  /** Plain sentences about the big gaps (a factor of 1.2 or more either way, or a usage type on one side only). */
  findings: string[];
}

/** The usage type an estimate line item would be billed under. */
export function usageTypeOfLineItem(w: Pick<WorkloadEstimate, "os" | "arch">, li: Pick<LineItem, "component" | "purchase">): string | undefined {
  const resource =
    li.component === "vcpu" || li.component === "memory" || li.component === "os-license" || li.component === "storage" ? li.component : undefined;
  if (!resource) return undefined;
  return usageTypeOf({ resource, os: w.os, arch: w.arch, spot: li.purchase === "spot" });
}

const percent = (diff: Decimal, base: Decimal) => (base.eq(0) ? null : diff.times(100).div(base).round(2).toFixed(2));
const HIGH = dec("1.2");
const LOW = dec(1).div(HIGH);

const what = meterWords;

/** The comparison is per Fargate usage type: a version 2 scenario's public IPv4, logs and services are left aside. */
function fargateMeterOnly(scenario: Scenario): Scenario {
  if (scenario.services === undefined && scenario.workloads.every((w) => w.publicIp === undefined && w.logs === undefined)) return scenario;
  const rest: Scenario = { ...scenario, workloads: scenario.workloads.map((w) => ({ ...w })) };
  delete rest.services;
  for (const w of rest.workloads) {
    delete w.publicIp;
    delete w.logs;
  }
  return rest;
}

/**
 * Per usage type: the scenario's estimate over the hours the bill covers next to what the bill shows. The estimate
 * is for a 730-hour month (HOURS_PER_MONTH); quantities and costs are scaled by covered hours / 730, exactly (a
 * month-to-date export of 10 days is compared with 240 hours of the scenario, not a month).
 */
export function compareWithScenario(recon: Reconciliation, scenario: Scenario, catalog: FargateCatalog): Comparison {
  // A file without usage rows has nothing to compare: one sentence says so (./verdict.ts), and no figures are made
  // up over a 730-hour month the file does not have (the shape stays: empty lines, zero hours and totals).
  const noUsage = noUsageSentence(recon, scenario.name);
  if (noUsage)
    return {
      scenario: { name: scenario.name, region: scenario.region },
      compared: false,
      reason: noUsage,
      periodHours: "0",
      ...(recon.period ? { period: recon.period } : {}),
      lines: [],
      totals: { estimatedCost: "0", billedCost: "0", difference: "0", differencePercent: null },
      findings: [noUsage],
    };
  const estimate = estimateScenario(fargateMeterOnly(scenario), catalog);
  const hours = dec(recon.period?.coveredHours ?? recon.bill.periodHours ?? HOURS_PER_MONTH);
  const scale = (d: Decimal) => d.times(hours).div(HOURS_PER_MONTH);
  type Row = { region: string; platform: "ecs" | "eks"; usageType: string; unit: string; eq: Decimal; bq: Decimal; ec: Decimal; bc: Decimal };
  const rows = new Map<string, Row>();
  const row = (region: string, platform: "ecs" | "eks", usageType: string, unit: string) => {
    const key = `${region}\u0000${platform}\u0000${usageType}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { region, platform, usageType, unit, eq: ZERO, bq: ZERO, ec: ZERO, bc: ZERO }));
    return r;
  };
  for (const w of estimate.workloads) {
    for (const li of w.lineItems) {
      const usageType = usageTypeOfLineItem(w, li);
      if (!usageType) continue;
      const r = row(scenario.region, w.platform, usageType, li.unit);
      r.eq = r.eq.plus(scale(li.quantity));
      r.ec = r.ec.plus(scale(li.monthlyCost));
    }
  }
  for (const u of recon.usage) {
    const r = row(u.region, u.platform, u.usageType, u.unit);
    r.bq = r.bq.plus(u.quantity);
    r.bc = r.bc.plus(u.effectiveCost);
  }
  const sorted = [...rows.values()].sort(
    (a, b) => a.region.localeCompare(b.region) || a.platform.localeCompare(b.platform) || a.usageType.localeCompare(b.usageType),
  );
  const findings: { size: Decimal; text: string }[] = [];
  // The figures in the sentences read as everywhere else: half-up to cents, grouped ("$1,234.56").
  const money = (d: Decimal) => formatUsd(d.abs());
  for (const r of sorted) {
    const where = `${r.region}${r.platform === "eks" ? ", EKS" : ""}`;
    const diff = r.bc.minus(r.ec);
    if (r.eq.eq(0) && r.bq.gt(0)) {
      findings.push({
        size: diff.abs(),
        text: `The bill has ${what(r.usageType)} usage (${r.usageType}, ${where}, ${money(r.bc)}) that the scenario does not estimate: add a workload for it, or check the region.`,
      });
    } else if (r.bq.eq(0) && r.eq.gt(0)) {
      findings.push({
        size: diff.abs(),
        text: `The scenario estimates ${what(r.usageType)} (${r.usageType}, ${where}, ${money(r.ec)}) but the bill has none: that workload may not run, or runs elsewhere or with another architecture.`,
      });
    } else if (r.eq.gt(0)) {
      const ratio = r.bq.div(r.eq);
      // As a percentage people read: "210%", "50%", "0.28%" (two significant digits below 1%, never "0%").
      const factor = percentOf(r.bq, r.eq)!;
      const m = fargateMeter(r.usageType);
      if (ratio.gte(HIGH)) {
        const why =
          m?.resource === "memory"
            ? "tasks may be larger, or run longer, than the scenario says"
            : m?.resource === "storage"
              ? "tasks may configure more ephemeral storage than the scenario says"
              : "more tasks, larger tasks or longer hours ran than the scenario says";
        findings.push({ size: diff.abs(), text: `Billed ${what(r.usageType)} is ${factor} of the estimate (${where}): ${why}.` });
      } else if (ratio.lte(LOW)) {
        findings.push({
          size: diff.abs(),
          text: `Billed ${what(r.usageType)} is ${factor} of the estimate (${where}): fewer or smaller tasks ran than the scenario says, or for fewer hours.`,
        });
      } else if (r.ec.gt(0)) {
        const costRatio = r.bc.div(r.ec);
        if (costRatio.gte(HIGH) || costRatio.lte(LOW)) {
          findings.push({
            size: diff.abs(),
            text: `${what(r.usageType)} (${where}): the usage matches but the bill paid ${percentOf(r.bc, r.ec)!} of the estimated cost: check the Savings Plan and Spot settings of the scenario.`,
          });
        }
      }
    }
  }
  findings.sort((a, b) => b.size.cmp(a.size));
  const ec = sorted.reduce((t, r) => t.plus(r.ec), ZERO);
  const bc = sorted.reduce((t, r) => t.plus(r.bc), ZERO);
  return {
    scenario: { name: scenario.name, region: scenario.region },
    compared: true,
    periodHours: hours.toString(),
    ...(recon.period ? { period: recon.period, periodSentence: periodSentence(recon.period) } : {}),
    lines: sorted.map((r) => ({
      region: r.region,
      platform: r.platform,
      usageType: r.usageType,
      unit: r.unit,
      estimatedQuantity: r.eq.toString(),
      billedQuantity: r.bq.toString(),
      estimatedCost: r.ec.toString(),
      billedCost: r.bc.toString(),
      difference: r.bc.minus(r.ec).toString(),
      differencePercent: percent(r.bc.minus(r.ec), r.ec),
    })),
    totals: { estimatedCost: ec.toString(), billedCost: bc.toString(), difference: bc.minus(ec).toString(), differencePercent: percent(bc.minus(ec), ec) },
    findings: findings.map((f) => f.text),
  };
}

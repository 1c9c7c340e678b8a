/**
 * Prices a right-sizing: current vs recommended size with our engine (estimateScenario on a one-workload,
 * always-on scenario). The only place right-sizing costs are computed; adapters and parsers never do.
 */
import { fargateCatalog } from "@/lib/catalog/fargate";
import type { FargateCatalog } from "@/lib/catalog";
import { estimateScenario, type TaskSize } from "@/lib/pricing";
import { dec, toPlain, fail, ok, type Result } from "@/lib/core";
import { parseScenario } from "@/lib/scenario";

export interface PriceRightsizingInput {
  current: TaskSize;
  recommended: TaskSize;
  /** Region code in the price catalog, e.g. "us-east-1". */
  region: string;
  /** Tasks running at once; default 1. */
  tasks?: number;
  os?: "linux" | "windows";
  arch?: "x86_64" | "arm64";
}

export interface PricedSize {
  size: TaskSize;
  /** Exact decimal string, USD per 730-hour month (round with toCents to display). */
  monthlyCost: string;
}

export interface PricedRightsizing {
  region: string;
  regionName: string;
  tasks: number;
  currency: "USD";
  current: PricedSize;
  recommended: PricedSize;
  /** current - recommended; negative when the recommendation costs more. Exact decimal string. */
  monthlySaving: string;
  /** Saving as a percent of the current cost, 2 decimals ("50.00"); "0.00" when the current cost is 0. */
  savingPercent: string;
  priceSource: { source: string; publishedAt: string };
}

/** The two sizes priced, or the errors (each naming "current size" or "recommended size"). */
export type PriceRightsizingResult = Result<PricedRightsizing, string[]>;

export function priceRightsizing(input: PriceRightsizingInput, catalog: FargateCatalog = fargateCatalog): PriceRightsizingResult {
  const tasks = input.tasks ?? 1;
  const workload = (name: string, size: TaskSize) => ({
    name,
    platform: "ecs" as const,
    os: input.os ?? "linux",
    arch: input.arch ?? "x86_64",
    vcpu: size?.vcpu,
    memoryGiB: size?.memoryGiB,
    tasks,
    schedule: { type: "always-on" as const },
  });
  const parsed = parseScenario(
    { name: "Right-sizing", region: input.region, workloads: [workload("Current size", input.current), workload("Recommended size", input.recommended)] },
    catalog,
  );
  if (!parsed.ok) {
    return fail(
      parsed.error.map((p) => {
        const m = /^workloads\.(\d)\.?(.*)$/.exec(p.path);
        const which = m ? (m[1] === "0" ? "current size" : "recommended size") : p.path;
        return which ? `${which}: ${p.message}` : p.message;
      }),
    );
  }
  try {
    const estimate = estimateScenario(parsed.value, catalog);
    const [cur, rec] = estimate.workloads;
    const saving = cur!.monthlyCost.minus(rec!.monthlyCost);
    const percent = cur!.monthlyCost.gt(0) ? saving.times(100).div(cur!.monthlyCost).round(2).toFixed(2) : "0.00";
    return ok({
      region: estimate.catalog.region,
      regionName: estimate.catalog.regionName,
      tasks,
      currency: "USD",
      current: { size: cur!.billedSize, monthlyCost: toPlain(cur!.monthlyCost) },
      recommended: { size: rec!.billedSize, monthlyCost: toPlain(rec!.monthlyCost) },
      monthlySaving: toPlain(saving),
      savingPercent: percent === "-0.00" ? "0.00" : percent,
      priceSource: { source: estimate.catalog.source, publishedAt: estimate.catalog.publishedAt },
    });
  } catch (e) {
    return fail([e instanceof Error ? e.message : "The sizes could not be priced."]);
  }
}

/** Saving as exact decimal arithmetic helper for callers that sum several services. */
export function sumDecimalStrings(values: readonly string[]): string {
  return toPlain(values.reduce((acc, v) => acc.plus(dec(v)), dec(0)));
}

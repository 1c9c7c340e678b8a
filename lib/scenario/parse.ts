import type { z } from "zod";
import type { FargateCatalog } from "@/lib/catalog/schema";
import { own } from "@/lib/pricing/own";
import { Scenario } from "./schema";

export interface Problem {
  /** Dotted path into the scenario ("workloads.0.vcpu"); empty for the whole document. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

export function zodProblems(error: z.ZodError): Problem[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}

/** Checks that need the price catalog: the region exists, and offers what the workloads ask for. */
export function catalogProblems(scenario: Scenario, catalog: FargateCatalog): Problem[] {
  const region = own(catalog.regions, scenario.region);
  if (!region) {
    return [{ path: "region", message: `Unknown region "${scenario.region}": use a region code such as us-east-1 (${Object.keys(catalog.regions).length} regions are in the price snapshot)` }];
  }
  const problems: Problem[] = [];
  scenario.workloads.forEach((w, i) => {
    if (w.os === "windows" && !region.windows)
      problems.push({ path: `workloads.${i}.os`, message: `Windows containers on Fargate are not offered in ${scenario.region} (${region.name})` });
    if (w.spotPercent > 0 && !region.spot)
      problems.push({ path: `workloads.${i}.spotPercent`, message: `Our price snapshot has no Fargate Spot price for ${scenario.region} (${region.name}): set Spot share to 0` });
  });
  return problems;
}

/** The one entry point for untrusted scenarios (CLI file, URL, API body, local storage). */
export function parseScenario(input: unknown, catalog: FargateCatalog): ParseResult {
  const parsed = Scenario.safeParse(input);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const problems = catalogProblems(parsed.data, catalog);
  return problems.length ? { ok: false, problems } : { ok: true, scenario: parsed.data };
}

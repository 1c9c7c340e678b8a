import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog";
import { ec2Catalog } from "@/lib/catalog/ec2";
import { extrasCatalog } from "@/lib/catalog/extras";
import { estimateToCsv, type CsvInput } from "@/lib/export/csv";
import { estimateAll } from "@/lib/pricing/estimate";
import { parseScenario } from "@/lib/scenario/parse";
import { estimateAll as legacyEstimateAll } from "@/test/legacy-engine/estimate";
import { spotSeries as legacySpotSeries } from "@/test/legacy-engine/spot-series";
import { ESTIMATES_DIR, SPOT_SERIES_FILE } from "./render";
import { atScaleScenarios, goldenScenarios } from "./scenarios";

/** One-off (issue 18): the goldens written by the current engine are what the frozen big.js engine gives. */
const root = path.resolve(import.meta.dirname, "../..");
interface Ec2Json {
  monthlyCost: string | null;
  comparedFargateMonthlyCost: string;
  wholeBill?: { monthlyCost: string | null };
  alternatives?: { monthlyCost: string }[];
  breakEven?: { dutyCyclePercent: number | null };
}
function same(now: unknown, before: unknown): boolean {
  const a = JSON.parse(JSON.stringify(now)) as Record<string, unknown> & { ec2?: Ec2Json };
  const b = JSON.parse(JSON.stringify(before)) as Record<string, unknown> & { ec2?: Ec2Json };
  const { ec2: ea, ...restA } = a;
  const { ec2: eb, ...restB } = b;
  expect(JSON.stringify(restA, null, 2)).toBe(JSON.stringify(restB, null, 2));
  if (JSON.stringify(ea) === JSON.stringify(eb)) return false;
  const costs = (e?: Ec2Json) => ({
    monthlyCost: e?.monthlyCost,
    compared: e?.comparedFargateMonthlyCost,
    wholeBill: e?.wholeBill?.monthlyCost,
    alternatives: e?.alternatives?.map((x) => x.monthlyCost).sort(),
    breakEvenDutyCycle: e?.breakEven?.dutyCyclePercent,
  });
  expect(costs(ea)).toEqual(costs(eb));
  return true;
}

it("every golden = the big.js engine", () => {
  const spot = JSON.parse(readFileSync(path.join(root, SPOT_SERIES_FILE), "utf8")) as Record<string, unknown>;
  let ties = 0;
  const tied: string[] = [];
  for (const s of [...goldenScenarios(), ...atScaleScenarios()]) {
    const p = parseScenario(s.input, fargateCatalog, extrasCatalog);
    if (!p.ok) throw new Error(s.name);
    const now = estimateAll(p.value, fargateCatalog, ec2Catalog, extrasCatalog);
    const before = legacyEstimateAll(p.value, fargateCatalog, ec2Catalog, extrasCatalog);
    const tie = same(now, before);
    if (tie) {
      ties++;
      tied.push(s.name);
    }
    if (!s.name.startsWith("scale-")) expect(JSON.stringify(legacySpotSeries(p.value, fargateCatalog))).toBe(JSON.stringify(spot[s.name]));
    if (s.name.startsWith("scale-")) continue;
    const golden = readFileSync(path.join(root, ESTIMATES_DIR, `${s.name}.json`), "utf8");
    expect(JSON.parse(golden)).toEqual(JSON.parse(JSON.stringify(now)));
    const csv = (e: unknown, withEc2: boolean) =>
      estimateToCsv({ scenario: p.value, fargate: e as CsvInput["fargate"], ec2: withEc2 ? (e as { ec2: CsvInput["ec2"] }).ec2 : undefined });
    if (!tie) expect(csv(before, true)).toBe(readFileSync(path.join(root, ESTIMATES_DIR, `${s.name}.csv`), "utf8"));
    expect(csv(before, false)).toBe(csv(now, false));
  }
  console.log(`ties: ${ties} ${tied.join(", ")}`);
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { dec, ZERO } from "@/lib/core";
import type { CostDiff } from "./diff";
import { diffScenarios } from "./diff";
import { diffToMarkdown } from "./render";
import { loadSide } from "./source";
import { env } from "@/lib/env";

const runs = env.fcRuns ?? 200;
const td = JSON.stringify({ family: "web", cpu: "256", memory: "512", containerDefinitions: [{ name: "web" }] });

describe("what users can send to estimate diff", () => {
  it("any file text and any scenario beside it: a result or problems with sentences, never a throw", () => {
    const value = fc.jsonValue({ maxDepth: 4 });
    const beside = fc.oneof(
      fc.string(),
      value.map((v) => JSON.stringify(v)),
      fc
        .record({
          workloads: fc.array(
            fc.record(
              { name: fc.constantFrom("web", "x", ""), tasks: value, schedule: value, spotPercent: value, savingsPlan: value },
              { requiredKeys: ["name"] },
            ),
          ),
        })
        .map((v) => JSON.stringify(v)),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          value.map((v) => JSON.stringify(v)),
          fc.constant(td),
        ),
        fc.option(beside, { nil: undefined }),
        (text, besideText) => {
          const r = loadSide(
            { file: { path: "f.json", text }, beside: besideText === undefined ? undefined : { path: "f.scenario.json", text: besideText } },
            { region: "us-east-1" },
            fargateCatalog,
          );
          if (r.ok) expect(() => diffToMarkdown([{ diff: diffScenarios(null, r.value.scenario, fargateCatalog) }])).not.toThrow();
          else for (const p of r.error) expect(p.message.length).toBeGreaterThan(5);
        },
      ),
      { numRuns: runs },
    );
  });

  it("a 1 MB scenario beside a task definition is refused or merged with one sentence", () => {
    const big = JSON.stringify({ workloads: Array.from({ length: 30_000 }, (_, i) => ({ name: i ? `w${i}` : "web", tasks: 2 })) });
    expect(big.length).toBeGreaterThan(600_000);
    const r = loadSide({ file: { path: "td.json", text: td }, beside: { path: "td.scenario.json", text: big } }, { region: "us-east-1" }, fargateCatalog);
    expect(r.ok ? "" : r.error[0]!.message).toBe('"w1" matches no workload in td.json (it has: web): use one of those names');
  });
});

describe("Markdown of costs no workload accounts for", () => {
  it("shows them as one row, so the rows still add up", () => {
    // A scenario-level item (e.g. a load balancer in a later scenario version): total 50.005 of which 36.0401 is
    // the workload's; other 13.9649. BASE has none. Rows: 36.04 + 13.97 = 50.01 = round(50.005 half-up).
    const side = (total: string, other: string) => ({ name: "s", region: "us-east-1", monthlyCost: dec(total), otherMonthlyCost: dec(other), prices: null });
    const diff: CostDiff = {
      base: side("36.0401", "0"),
      head: side("50.005", "13.9649"),
      difference: { monthlyCost: dec("13.9649"), percent: "38.75" },
      workloads: [
        {
          name: "api",
          change: "unchanged",
          baseMonthlyCost: dec("36.0401"),
          headMonthlyCost: dec("36.0401"),
          difference: ZERO,
          reasons: [],
          assumptions: [],
          lineItems: [],
        },
      ],
      warnings: [],
    };
    const md = diffToMarkdown([{ diff }]);
    expect(md).toContain("| api | unchanged | $36.04 | $36.04 | $0.00 |  |");
    expect(md).toContain("| Other items (not per workload) |  | $0.00 | $13.97 | +$13.97 |  |");
    expect(md).toContain("| **Total** | | **$36.04** | **$50.01** | **+$13.97** | |");
  });
});

import Papa from "papaparse";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runReconcileCli } from "./reconcile-cli";

const fx = (f: string) => path.resolve(__dirname, "..", "..", "lib", "billing", "__fixtures__", f);

describe("reconcile --savings-plan", () => {
  it("adds a savingsPlan section to the JSON only when asked, the same from CSV, gzip, Parquet and legacy CUR", async () => {
    const plain = JSON.parse((await runReconcileCli([fx("cur2-fargate.csv")])).stdout);
    expect(plain.savingsPlan).toBeUndefined();
    const sections = [];
    // The legacy CUR fixture holds the same rows under legacy column names.
    for (const f of ["cur2-fargate.csv", "cur2-fargate.csv.gz", "cur2-fargate.parquet", "cur-legacy-fargate.csv"]) {
      const r = await runReconcileCli(["--savings-plan", fx(f)]);
      expect(r.code).toBe(0);
      sections.push(JSON.parse(r.stdout).savingsPlan);
    }
    // lib/billing/savings-plan.test.ts works these figures out: 27.78% of eligible Fargate spend covered, 98.74% of $0.04 used.
    expect(sections[0]).toMatchObject({ status: "ok", hours: 720, existing: { coveragePercent: "27.78", commitment: "0.04", utilizationPercent: "98.74" } });
    expect(sections[0].options.map((o: { term: string }) => o.term)).toEqual(["1yr-no-upfront", "1yr-all-upfront", "3yr-no-upfront", "3yr-all-upfront"]);
    expect(sections[1]).toEqual(sections[0]);
    // The Parquet fixture has no invoice ID column (kept byte for byte for the hostile tests): a month-to-date file of
    // its 2 usage hours, so its commitments are sized over those 2 hours, not the invoiced month's 720.
    expect(sections[2]).toMatchObject({ status: "ok", hours: 2, existing: sections[0].existing, eligibleOnDemand: sections[0].eligibleOnDemand });
    expect(sections[3]).toEqual(sections[0]);
    // Everything else is as without the flag.
    const { savingsPlan, ...rest } = JSON.parse((await runReconcileCli([fx("cur2-fargate.csv"), "--savings-plan"])).stdout);
    expect(savingsPlan).toBeDefined();
    expect(rest).toEqual(plain);
  });

  it("includes the section in the CSV as sectioned rows, after the bill's rows (review finding: it was dropped)", async () => {
    const r = await runReconcileCli([fx("cur2-fargate.csv"), "--format", "csv", "--savings-plan"]);
    expect(r.code).toBe(0);
    const without = (await runReconcileCli([fx("cur2-fargate.csv"), "--format", "csv"])).stdout;
    expect(r.stdout.startsWith(without)).toBe(true);
    const rows = Papa.parse<string[]>(r.stdout.slice(without.length).trim()).data;
    expect(rows.every((x) => x.length === 11)).toBe(true);
    const sp = JSON.parse((await runReconcileCli([fx("cur2-fargate.csv"), "--savings-plan"])).stdout).savingsPlan;
    const cell = (section: string, group: string, what: RegExp) => rows.find((x) => x[0] === section && x[3] === group && what.test(x[4]!));
    // The plan on the bill, as the table says it: 27.78% coverage, 98.74% used.
    expect(cell("Savings Plan on the bill", "the plan on the bill", /^coverage/)!.slice(5, 7)).toEqual(["27.78", "%"]);
    expect(cell("Savings Plan on the bill", "the plan on the bill", /^utilization/)!.slice(5, 7)).toEqual(["98.74", "%"]);
    // Each term: its commitment and net savings, the JSON's exact figures with their units.
    for (const o of sp.options) {
      expect(cell("Savings Plan option", o.label, /^commitment/)!.slice(5, 7)).toEqual([o.commitmentPerHour, "USD per hour"]);
      expect(cell("Savings Plan option", o.label, /^net savings over/)!.slice(5, 7)).toEqual([o.netSavings, "USD"]);
    }
    expect(rows[0]![0]).toBe("Savings Plan summary");
    expect(rows[0]![3]).toBe(sp.summary ?? sp.message);
  });

  it("appends the section to the table output", async () => {
    const r = await runReconcileCli([fx("cur2-fargate.csv"), "--format", "table", "--savings-plan"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Savings Plans from the bill's hours");
    expect(r.stdout).toMatch(/Existing plan: covers 27\.78% of eligible Fargate spend .* 98\.74% used/);
    expect(r.stdout).toContain("1 year, no upfront");
    expect(r.stdout).toContain("Method:");
    const without = await runReconcileCli([fx("cur2-fargate.csv"), "--format", "table"]);
    expect(without.stdout).not.toContain("Savings Plans from the bill's hours");
    expect(r.stdout.startsWith(without.stdout)).toBe(true);
  });
});

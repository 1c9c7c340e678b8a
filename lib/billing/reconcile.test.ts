import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import Big from "big.js";
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { BillAccumulator } from "./accumulate";
import { BillError, billResult } from "./columns";
import { reconcileFile } from "./node";
import { fixture, reconcileCsvText } from "./test-helpers";
import { clusterOf, serviceFromTags } from "./accumulate";
import { stripRegionPrefix, usageTypeFromDescription } from "./usage-type";
import { env } from "@/lib/env";

const runs = env.fcRuns ?? 200;
// The reference: big.js as lib/core/money.ts follows it (20 decimals of division, half-up, plain notation from 1e-40 to 1e40).
const B = Big();
B.DP = 20;
B.RM = Big.roundHalfUp;
B.NE = -40;
B.PE = 40;

describe("bad input: one sentence naming the file and what is missing", () => {
  const errorOf = async (text: string, name = "bill.csv") => {
    try {
      await reconcileCsvText(text, name);
    } catch (e) {
      expect(e).toBeInstanceOf(BillError);
      return (e as Error).message;
    }
    throw new Error("expected a BillError");
  };

  it("a file that is not a bill", async () => {
    expect(await errorOf("name,vcpu\napi,1\n", "scenario.csv")).toMatch(
      /^scenario\.csv is not a bill export: .*line_item_usage_type.*lineItem\/UsageType.*BilledCost/,
    );
  });

  it("a CUR 2.0 file without a column the reconciliation needs", async () => {
    const cur2 = readFileSync(fixture("cur2-fargate.csv"), "utf8").replace("pricing_public_on_demand_cost", "pricing_something_else");
    expect(await errorOf(cur2, "cur2.csv")).toBe(
      "cur2.csv looks like a CUR 2.0 export but has no pricing_public_on_demand_cost column, which the reconciliation needs: export it again with that column included.",
    );
  });

  it("a legacy CUR file without lineItem/UnblendedCost; a FOCUS file without BilledCost", async () => {
    const legacy = readFileSync(fixture("cur-legacy-fargate.csv"), "utf8").replace("lineItem/UnblendedCost", "lineItem/BlendedCost");
    expect(await errorOf(legacy, "legacy.csv")).toMatch(/^legacy\.csv looks like a legacy CUR export but has no lineItem\/UnblendedCost column/);
    const focus = readFileSync(fixture("focus-1.0-sample-fargate.csv"), "utf8").replace('"ListCost"', '"Listed"');
    expect(await errorOf(focus, "focus.csv")).toMatch(/^focus\.csv looks like a FOCUS export but has no ListCost column/);
  });

  it("Savings Plan covered rows without the Savings Plan effective cost column are refused, not half-read", async () => {
    const cur2 = readFileSync(fixture("cur2-fargate.csv"), "utf8").replace("savings_plan_savings_plan_effective_cost", "savings_plan_other");
    expect(await errorOf(cur2)).toMatch(/has Savings Plan covered usage but no savings_plan_savings_plan_effective_cost column/);
  });

  it("a cost that is not a number names the line (header = line 1) and the column", async () => {
    const lines = readFileSync(fixture("cur2-fargate.csv"), "utf8").split("\n");
    lines[1] = lines[1]!.replace(",0.04048,0.04048,", ",0.04048,abc,");
    expect(await errorOf(lines.join("\n"))).toMatch(/^bill\.csv, line 2: line_item_unblended_cost is "abc", which is not a number/);
  });

  it("a number cell is read as bills write it: no leading +, no exponent of five digits or more", async () => {
    const lines = readFileSync(fixture("cur2-fargate.csv"), "utf8").split("\n");
    const withCost = (cost: string) => [lines[0], lines[1]!.replace(",0.04048,0.04048,", `,0.04048,${cost},`), ...lines.slice(2)].join("\n");
    expect(await errorOf(withCost("+0.04048"))).toMatch(/^bill\.csv, line 2: line_item_unblended_cost is "\+0\.04048", which is not a number/);
    // 1e99999 would be a 100,000-digit number: refused, not expanded.
    expect(await errorOf(withCost("1e99999"))).toMatch(/^bill\.csv, line 2: line_item_unblended_cost is "1e99999", which is not a number/);
    // An exponent of up to 4 digits is read: 4048e-5 = 0.04048, so the totals are the fixture's own.
    const same = await reconcileCsvText(withCost("4048e-5"));
    expect(same.totals).toEqual((await reconcileCsvText(lines.join("\n"))).totals);
    expect(same.totals.effectiveCost).toBe("0.225048625");
  });

  it("an empty file, a broken gzip, a missing file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bill-"));
    writeFileSync(path.join(dir, "empty.csv"), "");
    writeFileSync(path.join(dir, "broken.csv.gz"), gzipSync("line_item_usage_type,x\n").subarray(0, 12));
    await expect(reconcileFile(path.join(dir, "empty.csv"), fargateCatalog, "empty.csv")).rejects.toThrow("empty.csv is empty: it has no header row.");
    await expect(reconcileFile(path.join(dir, "broken.csv.gz"), fargateCatalog, "broken.csv.gz")).rejects.toThrow(/^broken\.csv\.gz is not a valid gzip file/);
    await expect(reconcileFile(path.join(dir, "nope.csv"), fargateCatalog, "nope.csv")).rejects.toThrow("nope.csv was not found: check the path.");
  });

  it("billResult: bad input is a failed Result with the same sentence; a bug is thrown on", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bill-"));
    writeFileSync(path.join(dir, "empty.csv"), "");
    expect(await billResult(reconcileFile(path.join(dir, "empty.csv"), fargateCatalog, "empty.csv"))).toEqual({
      ok: false,
      error: { message: "empty.csv is empty: it has no header row." },
    });
    const read = await billResult(reconcileFile(fixture("cur2-fargate.csv"), fargateCatalog, "cur2.csv"));
    expect(read.ok && read.value.bill.format).toBe("cur2");
    await expect(billResult(Promise.reject(new TypeError("a bug")))).rejects.toThrow("a bug");
  });
});

describe("helpers", () => {
  it("strips region prefixes only", () => {
    expect(stripRegionPrefix("USW2-Fargate-GB-Hours")).toBe("Fargate-GB-Hours");
    expect(stripRegionPrefix("EU-SpotUsage-Fargate-vCPU-Hours:perCPU")).toBe("SpotUsage-Fargate-vCPU-Hours:perCPU");
    expect(stripRegionPrefix("Fargate-GB-Hours")).toBe("Fargate-GB-Hours");
    expect(stripRegionPrefix("SpotUsage-Fargate-GB-Hours")).toBe("SpotUsage-Fargate-GB-Hours");
  });
  it("derives usage types from FOCUS charge descriptions", () => {
    expect(usageTypeFromDescription("AWS Fargate - vCPU  - US West 2 (Oregon)")).toBe("Fargate-vCPU-Hours:perCPU");
    expect(usageTypeFromDescription("AWS Fargate - ARM - Memory - US West (Oregon)")).toBe("Fargate-ARM-GB-Hours");
    expect(usageTypeFromDescription("AWS Fargate Spot - ARM - vCPU")).toBe("SpotUsage-Fargate-ARM-vCPU-Hours:perCPU");
    expect(usageTypeFromDescription("AWS Fargate - Windows - OS license")).toBe("Fargate-Windows-OS-Hours:perCPU");
    expect(usageTypeFromDescription("$0.045 per NAT Gateway Hour")).toBeUndefined();
  });
  it("reads clusters from task ARNs and services from tags", () => {
    expect(clusterOf("arn:aws:ecs:us-east-1:1:task/shop/abc")).toBe("shop");
    expect(clusterOf("arn:aws:ecs:us-east-1:1:task/abc")).toBe("(unknown)");
    expect(clusterOf("")).toBe("(unknown)");
    expect(serviceFromTags('{"aws:ecs:serviceName": "api"}')).toBe("api");
    expect(serviceFromTags({ aws_ecs_service_name: "web" })).toBe("web");
    expect(serviceFromTags(new Map([["user_x", "1"]]))).toBeUndefined();
    // A tags cell is user text: keys like __proto__ are read as plain data.
    expect(serviceFromTags('{"__proto__": {"aws:ecs:serviceName": "x"}}')).toBeUndefined();
  });
});

// Property: whatever the row order and the column order, the effective cost is what the bill charged for the
// Fargate rows: unblended cost of Usage rows + Savings Plan effective cost of covered rows (negations ignored).
const TYPES = [
  "USE1-Fargate-vCPU-Hours:perCPU",
  "USE1-Fargate-GB-Hours",
  "USE1-SpotUsage-Fargate-GB-Hours",
  "USE1-Fargate-ARM-vCPU-Hours:perCPU",
  "USE1-Fargate-EphemeralStorage-GB-Hours",
  "USE1-NatGateway-Hours",
];
const money = fc.integer({ min: 0, max: 10_000_000 }).map((n) => new B(n).div(1_000_000).toString());
const rowArb = fc.record({
  kind: fc.constantFrom("Usage", "SavingsPlanCoveredUsage", "SavingsPlanNegation", "Tax"),
  usageType: fc.constantFrom(...TYPES),
  product: fc.constantFrom("AmazonECS", "AmazonEKS", "AmazonEC2"),
  amount: money,
  cost: money,
  list: money,
  sp: money,
});
const HEADER = [
  "line_item_line_item_type",
  "line_item_product_code",
  "line_item_usage_type",
  "line_item_usage_amount",
  "line_item_unblended_cost",
  "pricing_public_on_demand_cost",
  "savings_plan_savings_plan_effective_cost",
  "product_region_code",
  "line_item_resource_id",
  "x_extra",
];

describe("property: effective cost = what the bill charged, whatever the row and column order", () => {
  it("holds over random CUR 2.0 bills, shuffled rows and columns, read through the CSV stream", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { maxLength: 40 }), fc.infiniteStream(fc.nat()), async (rows, rand) => {
        let expected = new B(0);
        let expectedList = new B(0);
        const table = rows.map((r) => {
          const fargate = (r.product === "AmazonECS" || r.product === "AmazonEKS") && /Fargate/.test(r.usageType);
          if (fargate && r.kind === "Usage") expected = expected.plus(r.cost);
          if (fargate && r.kind === "SavingsPlanCoveredUsage") expected = expected.plus(r.sp);
          if (fargate && (r.kind === "Usage" || r.kind === "SavingsPlanCoveredUsage")) expectedList = expectedList.plus(r.list);
          const negated = r.kind === "SavingsPlanNegation" ? `-${r.cost}` : r.cost;
          return [
            r.kind,
            r.product,
            r.usageType,
            r.amount,
            negated,
            r.list,
            r.kind === "SavingsPlanCoveredUsage" ? r.sp : "",
            "us-east-1",
            "arn:aws:ecs:us-east-1:1:task/c/t",
            'x,"y"',
          ];
        });
        const it = rand[Symbol.iterator]();
        const next = () => it.next().value as number;
        // Fisher-Yates with the stream's numbers: a random permutation of rows and of columns.
        const perm = <T>(xs: T[]) => {
          const a = [...xs];
          for (let i = a.length - 1; i > 0; i--) {
            const j = next() % (i + 1);
            [a[i], a[j]] = [a[j]!, a[i]!];
          }
          return a;
        };
        const cols = perm(HEADER.map((_, i) => i));
        const shuffled = perm(table);
        const csv = Papa.unparse([cols.map((c) => HEADER[c]!), ...shuffled.map((r) => cols.map((c) => r[c]!))]);
        const result = await reconcileCsvText(csv, "prop.csv", 1 + (next() % 200));
        expect(result.totals.effectiveCost).toBe(expected.toString());
        expect(result.totals.listCost).toBe(expectedList.toString());
        const sumGroups = result.groups.reduce((t, g) => t.plus(g.effectiveCost), new B(0));
        expect(sumGroups.toString()).toBe(expected.toString());
      }),
      { numRuns: Math.min(runs, 300) },
    );
  });
});

describe("a large export", () => {
  it("reconciles 1 MB of CUR 2.0 rows in 64 KB chunks to the exact total", async () => {
    const source = readFileSync(fixture("cur2-fargate.csv"), "utf8");
    const [header, ...rows] = source.trim().split("\n");
    const body: string[] = [];
    let size = 0;
    while (size < 1_000_000) {
      for (const r of rows) {
        body.push(r);
        size += r.length + 1;
      }
    }
    const text = `${header}\n${body.join("\n")}\n`;
    const r = await reconcileCsvText(text, "big.csv", 64 * 1024);
    const copies = body.length / rows.length;
    // Each copy of the 25 rows adds the fixture's 0.225048625 of Fargate effective cost.
    expect(r.totals.effectiveCost).toBe(new B("0.225048625").times(copies).toString());
  });
});

describe("accumulator input", () => {
  it("refuses rows before a header", () => {
    const acc = new BillAccumulator("x.csv", fargateCatalog);
    expect(() => acc.row(["a"])).toThrow("x.csv: the header row is missing.");
  });
});

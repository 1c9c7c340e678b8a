import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { parquetWriteBuffer } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { reconcileFile } from "./node";
import { absentRightsizing, HOW_TO_ENABLE, rightsizingTable, savingWords, SPLIT_BOUNDS } from "./split-rightsizing";
import { fixture, reconcileCsvText, SPLIT_COLUMNS, SPLIT_FIXTURE_TASKS, splitBillCsv, type SplitTask } from "./test-helpers";
import type { Reconciliation } from "./types";

/**
 * Right-sizing from split cost allocation data, on generated CUR 2.0 bills whose every figure is worked out by hand
 * below. us-east-1 on-demand: 0.04048 USD per vCPU-hour, 0.004445 per GB-hour; a month is 730 hours.
 *
 * The "shop/api" service: two tasks of 1 vCPU / 2 GiB, 10 hours each, over a 10-hour billing period.
 *   actual vCPU per task-hour: task a 0.2 x 9 then 0.3; task b 0.2 x 9 then 0.4  -> 20 samples, in % of 1 vCPU:
 *     20% x 18, 30%, 40%. Nearest rank: p95 = rank ceil(0.95 x 20) = 19 -> 30% = 0.3 vCPU; p99 = rank 20 = max = 40%.
 *     average (time-weighted) = sum actual / sum reserved x size = (18 x 0.2 + 0.3 + 0.4) / 20 x 1 = 4.3 / 20 = 0.215 vCPU.
 *   actual GiB: task a 0.5 x 9 then 0.6; task b 0.5 x 9 then 0.8 -> in % of 2 GiB: 25% x 18, 30%, 40%.
 *     p95 = 30% = 0.6 GiB; p99 = max = 40% = 0.8 GiB; average = (9 + 0.6 + 0.8) / 40 x 2 = 10.4 / 40 x 2 = 0.52 GiB.
 *   The rule (p99 + 20% headroom): 1 x 40% x 1.2 = 0.48 vCPU, 2 x 40% x 1.2 = 0.96 GiB -> smallest valid Fargate size
 *     with >= 0.48 vCPU and >= 0.96 GiB: 0.5 vCPU / 1 GiB.
 *   Tasks: 20 task-hours / 10 hours = 2.00 on average -> a 730-hour month at that rate = 2 x one task always on:
 *     current 2 x (1 x 0.04048 x 730 + 2 x 0.004445 x 730) = 2 x (29.5504 + 6.4897) = 72.0802 -> $72.08
 *     recommended 2 x (0.5 x 29.5504... = 14.7752 + 1 x 3.24485) = 2 x 18.02005 = 36.0401 -> $36.04; saving $36.04 (50.00%).
 *   Paid: 20 x (0.04048 + 2 x 0.004445) = 20 x 0.04937 = 0.9874.
 *   Idle (paid x unused share per row): vCPU 0.04048 x (20 - 4.3) = 0.04048 x 15.7 = 0.635536;
 *     memory 0.00889 x (40 - 10.4) / 2 = 0.00889 x 14.8 = 0.131572; total 0.767108.
 */
const nine = (v: number) => Array.from({ length: 9 }, () => v);
const api: SplitTask[] = [
  { id: "a", cluster: "shop", service: "api", vcpu: 1, memoryGiB: 2, cpu: [...nine(0.2), 0.3], memory: [...nine(0.5), 0.6] },
  { id: "b", cluster: "shop", service: "api", vcpu: 1, memoryGiB: 2, cpu: [...nine(0.2), 0.4], memory: [...nine(0.5), 0.8] },
];
const read = (text: string) => reconcileCsvText(text, "split.csv", 4096);
const withoutRightsizing = (r: Reconciliation) => {
  const { rightsizing, ...rest } = r;
  void rightsizing;
  return rest;
};

describe("a negative saving is said in words (review finding)", () => {
  it("an under-provisioned task: the recommended size costs more, shown as 'costs $18.02 more', not '-$18.02' under Saving", async () => {
    // One 0.5 vCPU / 1 GiB task using all of it for 10 hours: p99 100% + 20% headroom = 0.6 vCPU, 1.2 GiB -> 1 vCPU / 2 GiB.
    // 1 task on average (10 task-hours / 10 hours). Per 730-hour month: now 0.5 x 0.04048 x 730 + 1 x 0.004445 x 730 =
    // 14.7752 + 3.24485 = 18.02005 -> $18.02; recommended 29.5504 + 6.4897 = 36.0401 -> $36.04; saving 18.02 - 36.04 = -18.02.
    const full = Array.from({ length: 10 }, () => 0.5);
    const r = await read(
      splitBillCsv([{ id: "c", cluster: "shop", service: "worker", vcpu: 0.5, memoryGiB: 1, cpu: full, memory: full.map((x) => x * 2) }], { periodHours: 10 }),
    );
    const s = r.rightsizing!.services[0]!;
    expect(s.recommendation!.recommended).toEqual({ vcpu: 1, memoryGiB: 2 });
    expect(s.priced).toMatchObject({ current: "18.02", recommended: "36.04", saving: "-18.02" });
    const table = rightsizingTable(r.rightsizing!);
    expect(table).toMatch(/\$18\.02\s+\$36\.04\s+costs \$18\.02 more/);
    expect(table).not.toContain("-$18.02");
    expect([savingWords("36.04"), savingWords("36.04", true), savingWords("0.00", true), savingWords("-18.02", true)]).toEqual([
      "$36.04",
      "saving $36.04",
      "saving $0.00",
      "costs $18.02 more",
    ]);
  });
});

describe("right-sizing from split cost allocation data (hand-computed)", () => {
  it("reserved vs actual per task, p95 / max / average, the rule's size, the engine's prices, the unused cost", async () => {
    const r = await read(splitBillCsv(api, { periodHours: 10 }));
    const rs = r.rightsizing!;
    expect(rs.status).toBe("ok");
    expect(rs.howToEnable).toBeNull();
    expect(rs.rows).toEqual({ used: 40, unusable: 0 });
    expect(rs.percentile).toBe(99);
    expect(rs.headroomPercent).toBe(20);
    expect(rs.services).toHaveLength(1);
    const s = rs.services[0]!;
    expect(s).toMatchObject({
      name: "shop/api",
      region: "us-east-1",
      platform: "ecs",
      cluster: "shop",
      service: "api",
      tasks: 2,
      taskHours: "20",
      averageTasks: "2.00",
      reserved: { vcpu: 1, memoryGiB: 2 },
      actual: { vcpu: { average: 0.215, p95: 0.3, max: 0.4 }, memoryGiB: { average: 0.52, p95: 0.6, max: 0.8 } },
      usage: { reservedVcpuHours: "20", actualVcpuHours: "4.3", reservedGBHours: "40", actualGBHours: "10.4" },
      cost: { paid: "0.9874", splitCost: "0.9874", unusedCost: "0", idleCost: "0.767108" },
      samples: { vcpu: 20, memory: 20 },
      priced: {
        region: "us-east-1",
        tasks: 2,
        perTask: { current: "36.04", recommended: "18.02" },
        current: "72.08",
        recommended: "36.04",
        saving: "36.04",
        savingPercent: "50.00",
      },
    });
    const rec = s.recommendation!;
    expect(rec.recommended).toEqual({ vcpu: 0.5, memoryGiB: 1 });
    expect(rec.current).toEqual({ vcpu: 1, memoryGiB: 2 });
    expect(rec.finding).toBe("Overprovisioned");
    expect(rec.utilization).toMatchObject({ percentile: 99, cpuPercentileValue: 40, memoryPercentileValue: 40, cpuMaxPercent: 40, samples: 20 });
    // 20 hourly points: the utilization rule's own warning (fewer than 24).
    expect(s.problems).toEqual(["only 20 data points; use at least 24 hourly points (ideally 14 days) for a dependable recommendation."]);
    expect(rs.totals).toEqual({ unusedCost: "0", idleCost: "0.767108", monthlySaving: "36.04" });
    // The bill itself is as before: the usage lines carry the reserved (billed) quantities.
    expect(r.usage.map((u) => [u.usageType, u.quantity, u.effectiveCost])).toEqual([
      ["Fargate-vCPU-Hours:perCPU", "20", "0.8096"],
      ["Fargate-GB-Hours", "40", "0.1778"],
    ]);
  });

  it("the unused cost is the bill's split_line_item_unused_cost summed", async () => {
    // 40 rows x 0.0025 = 0.1
    const r = await read(splitBillCsv(api, { periodHours: 10, edit: (row) => (row.split_line_item_unused_cost = "0.0025") }));
    expect(r.rightsizing!.services[0]!.cost.unusedCost).toBe("0.1");
    expect(r.rightsizing!.totals.unusedCost).toBe("0.1");
  });

  it("removing the split columns removes the section and changes nothing else; scrambling them changes the advice", async () => {
    const clean = await read(splitBillCsv(api, { periodHours: 10 }));
    const removed = await read(splitBillCsv(api, { periodHours: 10, withoutSplit: true }));
    expect(removed.rightsizing).toBeUndefined();
    expect(withoutRightsizing(clean)).toEqual(removed);

    // Every task used all it reserved: p99 = 100% -> 1 x 1.2 = 1.2 vCPU, 2 x 1.2 = 2.4 GiB -> 2 vCPU / 4 GiB.
    // Priced at 2 tasks: 2 x (2 x 29.5504 + 4 x 3.24485) = 2 x 72.0802 = 144.1604 -> $144.16; saving 72.08 - 144.16 = -72.08.
    const scrambled = await read(
      splitBillCsv(api, { periodHours: 10, edit: (row) => (row.split_line_item_actual_usage = row.split_line_item_reserved_usage!) }),
    );
    expect(withoutRightsizing(scrambled)).toEqual(withoutRightsizing(clean));
    const s = scrambled.rightsizing!.services[0]!;
    expect(s.recommendation!.recommended).toEqual({ vcpu: 2, memoryGiB: 4 });
    expect(s.recommendation!.finding).toBe("Underprovisioned");
    expect(s.priced).toMatchObject({ current: "72.08", recommended: "144.16", saving: "-72.08" });
    expect(s.cost.idleCost).toBe("0");
    expect(scrambled.rightsizing).not.toEqual(clean.rightsizing);
  });

  it("bad split cells: the row is counted as the bill says, and the right-sizing names the rows it could not use", async () => {
    // A third task in service "worker", 5 hours, lines 42-51 of the CSV (header = line 1, tasks a and b = lines 2-41;
    // each hour is a vCPU line then a memory line):
    //   hour 0: vCPU "abc" (line 42, not a number)      memory 0.5 (line 43, used)
    //   hour 1: vCPU 0.2 (line 44, used)                memory -0.1 (line 45, negative)
    //   hour 2: vCPU 11 > 10 x 1 (line 46, inconsistent) memory 0.5 (line 47, used)
    //   hour 3: vCPU "" (line 48, empty)                memory 0.5 (line 49, used)
    //   hour 4: vCPU 0.2 (line 50, used)                memory 30 > 10 x 2 (line 51, inconsistent)
    const worker: SplitTask = {
      id: "c",
      cluster: "shop",
      service: "worker",
      vcpu: 1,
      memoryGiB: 2,
      cpu: ["abc", 0.2, 11, "", 0.2],
      memory: [0.5, "-0.1", 0.5, 0.5, 30],
    };
    const r = await read(splitBillCsv([...api, worker], { periodHours: 10 }));
    // Counted as the bill says: 20 + 5 vCPU-hours, 40 + 5 x 2 GB-hours.
    expect(r.usage.map((u) => [u.usageType, u.quantity])).toEqual([
      ["Fargate-vCPU-Hours:perCPU", "25"],
      ["Fargate-GB-Hours", "50"],
    ]);
    const rs = r.rightsizing!;
    expect(rs.rows).toEqual({ used: 45, unusable: 5 });
    expect(rs.unusable).toEqual([
      { reason: "split_line_item_actual_usage is more than 10 × split_line_item_reserved_usage", rows: 2 },
      { reason: "split_line_item_actual_usage is empty", rows: 1 },
      { reason: "split_line_item_actual_usage is negative", rows: 1 },
      { reason: "split_line_item_actual_usage is not a number", rows: 1 },
    ]);
    expect(rs.examples.map((e) => e.slice(0, 7))).toEqual(["line 42", "line 45", "line 46", "line 48", "line 51"]);
    expect(rs.examples[0]).toBe('line 42 (arn:aws:ecs:us-east-1:111122223333:task/shop/c): split_line_item_actual_usage is "abc", not a number');
    expect(rs.message).toMatch(/5 rows could not be used \(they are counted in the bill as it says\)/);
    // shop/api is exactly as without the bad rows.
    const clean = await read(splitBillCsv(api, { periodHours: 10 }));
    expect(rs.services.find((s) => s.name === "shop/api")).toEqual(clean.rightsizing!.services[0]);
    // shop/worker from its usable rows: vCPU 20%, 20% (2 samples); memory 25% x 3 -> 0.2 x 1.2 = 0.24 vCPU, 0.5 x 1.2 = 0.6 GiB
    // -> 0.25 vCPU / 1 GiB (0.25 vCPU takes 0.5, 1 or 2 GiB).
    const w = rs.services.find((s) => s.name === "shop/worker")!;
    expect(w.samples).toEqual({ vcpu: 2, memory: 3 });
    expect(w.recommendation!.recommended).toEqual({ vcpu: 0.25, memoryGiB: 1 });
    // It ran 2 of the period's 10 hours on average (vCPU task-hours 2 / 1 vCPU = 2; 2 / 10 = 0.2 tasks): a month at that
    // rate is 0.2 x one task always on: now 0.2 x 36.0401 = 7.20802 -> $7.21; then 0.2 x (0.25 x 29.5504 + 1 x 3.24485)
    // = 0.2 x 10.63245 = 2.12649 -> $2.13; saving $5.08. "Add to scenario" puts in 1 task (round(0.2), at least 1).
    expect(w.averageTasks).toBe("0.20");
    expect(w.priced).toMatchObject({ tasks: 1, perTask: { current: "36.04", recommended: "10.63" }, current: "7.21", recommended: "2.13", saving: "5.08" });
  });

  it("one row it could not use is said in the singular (review finding: '1 row could not be used (they are counted')", async () => {
    // Two hours: vCPU "abc" (unusable) then 0.2; memory 0.5 both hours: 3 rows used, 1 not.
    const one: SplitTask = { id: "e", cluster: "shop", service: "one", vcpu: 1, memoryGiB: 2, cpu: ["abc", 0.2], memory: [0.5, 0.5] };
    const rs = (await read(splitBillCsv([one], { periodHours: 2 }))).rightsizing!;
    expect(rs.rows).toEqual({ used: 3, unusable: 1 });
    expect(rs.message).toMatch(/ from 3 task-hour rows of split cost allocation data; 1 row could not be used \(it is counted in the bill as it says\)\.$/);
    // Only that one Fargate split row (the memory row made an EC2 row): none used, and it is said of one row.
    const alone = await read(
      splitBillCsv([{ ...one, cpu: ["abc"], memory: [0.5] }], {
        periodHours: 1,
        edit: (r, i) => {
          if (i === 1) Object.assign(r, { line_item_product_code: "AmazonEC2", line_item_usage_type: "BoxUsage:m5.large", line_item_resource_id: "i-0abc" });
        },
      }),
    );
    expect(alone.rightsizing!.rows).toEqual({ used: 0, unusable: 1 });
    expect(alone.rightsizing!.message).toBe(
      "The bill has split cost allocation data, but its one Fargate vCPU or memory row could not be used (see below); it is counted in the bill as it says.",
    );
  });

  it("a split cell out of bounds (1e999, 1e-9999) is a row it could not use, never a huge exact sum", async () => {
    const odd: SplitTask = { id: "d", cluster: "shop", service: "odd", vcpu: 1, memoryGiB: 2, cpu: ["1e999"], memory: ["1e-9999"] };
    const rs = (await read(splitBillCsv([odd], { periodHours: 1 }))).rightsizing!;
    expect(rs.unusable).toEqual([{ reason: "split_line_item_actual_usage is out of bounds", rows: 2 }]);
    expect(rs.examples).toEqual([
      'line 2 (arn:aws:ecs:us-east-1:111122223333:task/shop/d): split_line_item_actual_usage is "1e999", out of bounds',
      'line 3 (arn:aws:ecs:us-east-1:111122223333:task/shop/d): split_line_item_actual_usage is "1e-9999", out of bounds',
    ]);
  });

  it("split columns present but empty on every row: says so and how to turn the data on", async () => {
    const r = await read(
      splitBillCsv(api, {
        periodHours: 10,
        edit: (row) => {
          for (const c of SPLIT_COLUMNS) row[c] = "";
        },
      }),
    );
    const rs = r.rightsizing!;
    expect(rs.status).toBe("empty");
    expect(rs.services).toEqual([]);
    expect(rs.rows).toEqual({ used: 0, unusable: 40 });
    expect(rs.message).toMatch(/empty on every Fargate row: split cost allocation data is not turned on for ECS or EKS/);
    expect(rs.howToEnable).toBe(HOW_TO_ENABLE);
    expect(HOW_TO_ENABLE).toMatch(/Cost Management preferences/);
    expect(HOW_TO_ENABLE).toMatch(/Include split cost allocation data/);
  });

  it("no split columns (FOCUS, or CUR without them): no section; absentRightsizing says how to turn it on", async () => {
    const focus = await reconcileFile(fixture("focus-1.0-sample-fargate.csv"), fargateCatalog);
    expect(focus.rightsizing).toBeUndefined();
    const cur = await reconcileFile(fixture("cur2-fargate.csv"), fargateCatalog);
    expect(cur.rightsizing).toBeUndefined();
    expect(absentRightsizing("cur2")).toMatchObject({ status: "absent", services: [], howToEnable: HOW_TO_ENABLE });
    expect(absentRightsizing("focus").message).toMatch(/FOCUS export has no split cost allocation data/);
  });

  it("EKS pods are grouped by cluster, namespace and workload", async () => {
    const pod: SplitTask = {
      id: "web/front-7d9f/uid1",
      cluster: "k8s",
      service: null,
      product: "AmazonEKS",
      tags: { aws_eks_namespace: "web", aws_eks_workload_name: "front" },
      vcpu: 0.5,
      memoryGiB: 1,
      cpu: [0.1, 0.1],
      memory: [0.25, 0.25],
    };
    const r = await read(splitBillCsv([pod], { periodHours: 2 }));
    const s = r.rightsizing!.services[0]!;
    expect(s).toMatchObject({ name: "k8s/web/front", platform: "eks", cluster: "k8s", namespace: "web", workload: "front", tasks: 1 });
    // 0.5 x 20% x 1.2 = 0.12 vCPU; 1 x 25% x 1.2 = 0.3 GiB -> 0.25 vCPU / 0.5 GiB.
    expect(s.recommendation!.recommended).toEqual({ vcpu: 0.25, memoryGiB: 0.5 });
  });

  it("reads the same from Parquet (split columns as DOUBLE, projected with the rest)", async () => {
    const text = splitBillCsv(api, { periodHours: 10 });
    const [header, ...rows] = Papa.parse<string[]>(text.trim()).data;
    const doubles = new Set([
      "line_item_usage_amount",
      "line_item_unblended_cost",
      "pricing_public_on_demand_cost",
      ...SPLIT_COLUMNS.filter((c) => !c.endsWith("_id")),
    ]);
    const columnData = header!.map((name, c) => {
      const values = rows.map((r) => r[c] ?? "");
      if (doubles.has(name)) return { name, type: "DOUBLE" as const, data: values.map((v) => (v === "" ? null : Number(v))) };
      return { name, type: "STRING" as const, data: values.map((v) => (v === "" ? null : v)) };
    });
    const file = path.join(mkdtempSync(path.join(tmpdir(), "split-")), "split.parquet");
    writeFileSync(file, new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize: 7 })));
    const fromParquet = await reconcileFile(file, fargateCatalog);
    const fromCsv = await read(text);
    expect(fromParquet.rightsizing).toEqual(fromCsv.rightsizing);
  });

  it("reads legacy CUR's splitLineItem/* columns the same way", async () => {
    const legacy: Record<string, string> = {
      identity_line_item_id: "identity/LineItemId",
      bill_billing_period_start_date: "bill/BillingPeriodStartDate",
      bill_billing_period_end_date: "bill/BillingPeriodEndDate",
      line_item_line_item_type: "lineItem/LineItemType",
      line_item_usage_start_date: "lineItem/UsageStartDate",
      line_item_usage_end_date: "lineItem/UsageEndDate",
      line_item_product_code: "lineItem/ProductCode",
      line_item_usage_type: "lineItem/UsageType",
      line_item_resource_id: "lineItem/ResourceId",
      line_item_usage_amount: "lineItem/UsageAmount",
      line_item_unblended_cost: "lineItem/UnblendedCost",
      pricing_public_on_demand_cost: "pricing/publicOnDemandCost",
      product_region_code: "product/regionCode",
      pricing_unit: "pricing/unit",
      split_line_item_reserved_usage: "splitLineItem/ReservedUsage",
      split_line_item_actual_usage: "splitLineItem/ActualUsage",
      split_line_item_split_usage: "splitLineItem/SplitUsage",
      split_line_item_split_cost: "splitLineItem/SplitCost",
      split_line_item_unused_cost: "splitLineItem/UnusedCost",
      split_line_item_public_on_demand_split_cost: "splitLineItem/PublicOnDemandSplitCost",
      split_line_item_parent_resource_id: "splitLineItem/ParentResourceId",
    };
    const text = splitBillCsv(api, { periodHours: 10 });
    const [header, ...rows] = Papa.parse<string[]>(text.trim()).data;
    // Legacy CUR has one column per tag: resourceTags/aws:ecs:serviceName instead of the resource_tags JSON.
    const tagAt = header!.indexOf("resource_tags");
    const legacyText = Papa.unparse([
      header!.map((h) => (h === "resource_tags" ? "resourceTags/aws:ecs:serviceName" : legacy[h]!)),
      ...rows.map((r) => r.map((c, i) => (i === tagAt ? (JSON.parse(c) as { aws_ecs_service_name: string }).aws_ecs_service_name : c))),
    ]);
    const fromLegacy = await read(legacyText);
    expect(fromLegacy.bill.format).toBe("cur");
    const fromCur2 = await read(text);
    expect(fromLegacy.rightsizing).toEqual(fromCur2.rightsizing);
    expect(fromLegacy.rightsizing!.services[0]!.name).toBe("shop/api");
  });

  it(`tells ${SPLIT_BOUNDS.services.toLocaleString("en-US")} services apart; rows of later ones are named as not used, and still counted`, async () => {
    const many: SplitTask[] = Array.from({ length: SPLIT_BOUNDS.services + 2 }, (_, i) => ({
      id: `t${i}`,
      cluster: "big",
      service: `s${i}`,
      vcpu: 0.25,
      memoryGiB: 0.5,
      cpu: [0.1],
      memory: [0.25],
    }));
    const r = await read(splitBillCsv(many, { periodHours: 1 }));
    const rs = r.rightsizing!;
    expect(rs.services).toHaveLength(SPLIT_BOUNDS.services);
    // 2 services beyond, a vCPU and a memory row each.
    expect(rs.rows).toEqual({ used: 2 * SPLIT_BOUNDS.services, unusable: 4 });
    expect(rs.unusable).toEqual([{ reason: "beyond the services read", rows: 4 }]);
    expect(rs.notes).toEqual(["Right-sizing: the first 1,000 services are read; later ones are not right-sized."]);
    // The bill counts every row: (1,002 x 0.25) vCPU-hours.
    expect(r.usage[0]!.quantity).toBe("250.5");
  });

  it("the e2e fixture cur2-split-fargate.csv is the generator's output, with the figures the browser test expects", async () => {
    const text = readFileSync(fixture("cur2-split-fargate.csv"), "utf8");
    expect(text).toBe(splitBillCsv(SPLIT_FIXTURE_TASKS, { periodHours: 10 }));
    const rs = (await read(text)).rightsizing!;
    // shop/api as above ($72.08 -> $36.04). shop/worker: 1 usable vCPU row (20%) and 2 memory rows (25%): 0.24 vCPU,
    // 0.6 GiB -> 0.25 vCPU / 1 GiB; 1 task-hour of 10 = 0.1 tasks: now 0.1 x 36.0401 = 3.60401 -> $3.60, then
    // 0.1 x 10.63245 = 1.063245 -> $1.06, saving $2.54. Total saving 36.04 + 2.54 = $38.58.
    expect(rs.services.map((s) => [s.name, s.priced?.current, s.priced?.recommended, s.priced?.saving])).toEqual([
      ["shop/api", "72.08", "36.04", "36.04"],
      ["shop/worker", "3.60", "1.06", "2.54"],
    ]);
    expect(rs.totals.monthlySaving).toBe("38.58");
    expect(rs.rows).toEqual({ used: 43, unusable: 1 });
  });

  it("the table names each service, its sizes and the saving, and the rows it could not use", async () => {
    const worker: SplitTask = { id: "c", cluster: "shop", service: "worker", vcpu: 1, memoryGiB: 2, cpu: ["abc"], memory: [0.5] };
    const r = await read(splitBillCsv([...api, worker], { periodHours: 10 }));
    const table = rightsizingTable(r.rightsizing!);
    expect(table).toMatch(/^Right-sizing from split cost allocation data/);
    expect(table).toContain("shop/api");
    expect(table).toMatch(/1 vCPU \/ 2 GiB\s+0\.215 \/ 0\.3 \/ 0\.4\s+0\.52 \/ 0\.6 \/ 0\.8\s+0\.5 vCPU \/ 1 GiB/);
    expect(table).toMatch(/\$72\.08\s+\$36\.04\s+\$36\.04/);
    expect(table).toContain('line 42 (arn:aws:ecs:us-east-1:111122223333:task/shop/c): split_line_item_actual_usage is "abc", not a number');
    expect(rightsizingTable(absentRightsizing("cur2"))).toContain(HOW_TO_ENABLE);
  });
});

describe("a month-to-date bill (review finding: right-sizing divided by the whole month)", () => {
  it("averages tasks over the hours the export covers: 2 tasks for 240 of September's 720 hours are 2 tasks, not 0.67", async () => {
    const rep = (n: number, v: number) => Array.from({ length: n }, () => v);
    const tasks = ["a", "b"].map((id) => ({ id, cluster: "shop", service: "api", vcpu: 1, memoryGiB: 2, cpu: rep(240, 0.2), memory: rep(240, 0.5) }));
    const r = await reconcileCsvText(splitBillCsv(tasks, { periodHours: 720 }), "mtd.csv", 65536);
    expect(r.period).toMatchObject({ coveredHours: "240", monthToDate: true });
    // 480 task-hours / 240 covered hours = 2 tasks; now 2 x 730 x (0.04048 + 2 x 0.004445) = 72.0802.
    expect(r.rightsizing!.services[0]).toMatchObject({ averageTasks: "2.00" });
  });
});

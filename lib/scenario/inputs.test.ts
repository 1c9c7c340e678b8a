import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { catalogRegions } from "@/lib/catalog/fargate";
import { estimateOne } from "@/lib/pricing/test-helpers";
import {
  durationConversionText,
  fromRunsPerMonth,
  fromSeconds,
  naturalDurationUnit,
  PERIODS_PER_MONTH,
  runsConversionText,
  toRunsPerMonth,
  toSeconds,
} from "./batch-units";
import { searchRegions, workloadCardNotes } from "./inputs";

const rules = { eksOverheadMiB: fargateCatalog.eksOverheadMiB, minimumBillableSeconds: fargateCatalog.minimumBillableSeconds };

describe("batch duration units", () => {
  it("converts minutes to the seconds the scenario stores, and back as typed", () => {
    expect(toSeconds(1.5, "minutes")).toBe(90);
    expect(toSeconds(90, "seconds")).toBe(90);
    // 0.3333 min x 60 = 19.998 s, and back without float noise (0.33329999999999993).
    expect(toSeconds(0.3333, "minutes")).toBe(19.998);
    expect(fromSeconds(19.998, "minutes")).toBe(0.3333);
    expect(fromSeconds(90, "minutes")).toBe(1.5);
    // Text that is not a number goes on as typed (validation names it).
    expect(toSeconds("1,5", "minutes")).toBe("1,5");
    expect(durationConversionText(2.5, "minutes")).toBe("= 150 seconds per run.");
    expect(durationConversionText(2.5, "seconds")).toBeNull();
    expect([naturalDurationUnit(600), naturalDurationUnit(90), naturalDurationUnit(60), naturalDurationUnit("x")]).toEqual([
      "minutes",
      "seconds",
      "seconds",
      "seconds",
    ]);
  });

  it("prices 15 minutes exactly as 900 seconds", () => {
    const a = estimateOne({ schedule: { type: "batch", runsPerMonth: 100, secondsPerRun: toSeconds(15, "minutes") as number } });
    const b = estimateOne({ schedule: { type: "batch", runsPerMonth: 100, secondsPerRun: 900 } });
    // 100 x 900 s = 25 task-hours: 25 x 0.04048 + 50 x 0.004445 = 1.012 + 0.22225 = 1.23425
    expect(a.totals.monthlyCost.toString()).toBe("1.23425");
    expect(b.totals.monthlyCost.toString()).toBe("1.23425");
  });
});

describe("runs per day / week / month", () => {
  it("uses the 730-hour month: 30.4167 days, 4.3452 weeks", () => {
    expect(PERIODS_PER_MONTH.day.toFixed(4)).toBe("30.4167");
    expect(PERIODS_PER_MONTH.week.toFixed(4)).toBe("4.3452");
  });

  it.each([
    // 10 a day x 730/24 = 304.1667 -> 304
    [10, "day", 304],
    // 24 a day x 30.4167 = 730 exactly (hourly)
    [24, "day", 730],
    // 7 a week x 730/168 = 30.4167 -> 30
    [7, "week", 30],
    // 5 a week x 4.345238 = 21.726 -> 22
    [5, "week", 22],
    [1000, "month", 1000],
  ] as const)("%d per %s = %d runs a month", (value, period, runs) => {
    expect(toRunsPerMonth(value, period)).toBe(runs);
  });

  it("shows the conversion with its factor", () => {
    expect(runsConversionText(10, "day")).toBe("10 a day × 30.4167 days a month (730 h ÷ 24) = 304 runs a month, 304.1667 rounded to whole runs.");
    expect(runsConversionText(24, "day")).toBe("24 a day × 30.4167 days a month (730 h ÷ 24) = 730 runs a month.");
    expect(runsConversionText(5, "week")).toBe("5 a week × 4.3452 weeks a month (730 h ÷ 168) = 22 runs a month, 21.7262 rounded to whole runs.");
    expect(runsConversionText(5, "month")).toBeNull();
    expect(runsConversionText("x", "day")).toBeNull();
    expect(fromRunsPerMonth(730, "day")).toBe(24);
    expect(fromRunsPerMonth("abc", "week")).toBe("abc");
  });
});

describe("card notes", () => {
  it("says how EKS bills a pod: requests + 256 MiB, rounded up (the same size the engine bills)", () => {
    const notes = workloadCardNotes({ platform: "eks", vcpu: 1, memoryGiB: 2 }, rules);
    // 1 vCPU / 2 GiB + 0.25 GiB = 2.25 GiB -> 1 vCPU / 3 GiB
    expect(notes).toEqual([{ kind: "eks-rounding", text: expect.stringContaining("billed as 1 vCPU / 3 GiB") }]);
    const e = estimateOne({ platform: "eks", vcpu: 1, memoryGiB: 2 });
    expect(e.workloads[0]!.billedSize).toEqual({ vcpu: 1, memoryGiB: 3 });
    expect(workloadCardNotes({ platform: "ecs", vcpu: 1, memoryGiB: 2 }, rules)).toEqual([]);
    expect(workloadCardNotes({ platform: "eks", vcpu: "", memoryGiB: 2 }, rules)).toEqual([]);
  });

  it("notes the minimum charge when a run is shorter: 5 minutes on Windows, 1 minute on Linux", () => {
    const batch = (secondsPerRun: number) => ({ type: "batch" as const, runsPerMonth: 10, secondsPerRun });
    expect(workloadCardNotes({ os: "windows", vcpu: 1, memoryGiB: 2, schedule: batch(120) }, rules)).toEqual([
      { kind: "minimum-charge", text: "Each 120-second run is billed as 300 s: Windows tasks are charged at least 5 minutes each." },
    ]);
    expect(workloadCardNotes({ os: "windows", vcpu: 1, memoryGiB: 2, schedule: batch(300) }, rules)).toEqual([]);
    expect(workloadCardNotes({ os: "linux", vcpu: 1, memoryGiB: 2, schedule: batch(30) }, rules)[0]!.text).toBe(
      "Each 30-second run is billed as 60 s: Linux tasks are charged at least 1 minute each.",
    );
    expect(workloadCardNotes({ os: "linux", vcpu: 1, memoryGiB: 2, schedule: { type: "always-on" } }, rules)).toEqual([]);
  });
});

describe("region search", () => {
  const regions = catalogRegions();
  it("finds Frankfurt by part of its name, and codes by prefix", () => {
    expect(searchRegions(regions, "Frank").map((r) => r.code)).toEqual(["eu-central-1"]);
    expect(searchRegions(regions, "  frank ").map((r) => r.code)).toEqual(["eu-central-1"]);
    expect(
      searchRegions(regions, "us-east")
        .map((r) => r.code)
        .slice(0, 2),
    ).toEqual(["us-east-1", "us-east-2"]);
    expect(searchRegions(regions, "zzz")).toEqual([]);
    expect(searchRegions(regions, "")).toHaveLength(regions.length);
  });
});

import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { ec2Catalog } from "@/lib/catalog/ec2";
import { extrasCatalog } from "@/lib/catalog/extras";
import { estimateScenario } from "@/lib/pricing/estimate";
import { Scenario } from "@/lib/scenario/schema";
import { answerToShow, stagedView, updatingView } from "./staged";
import { buildResults } from "./view";

const scenario = (tasks: number) => Scenario.parse({ version: 1, name: "s", region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks }] });

describe("stagedView", () => {
  it("is the full view itself once the full view is of the current estimate", () => {
    const s = scenario(2);
    const est = estimateScenario(s, fargateCatalog);
    const full = buildResults(s, fargateCatalog, ec2Catalog, null, est);
    expect(stagedView(full, est)).toBe(full);
  });

  it("shows the current Fargate total beside the last full view's EC2 figures until that catches up", () => {
    const before = scenario(2);
    const full = buildResults(before, fargateCatalog, ec2Catalog);
    const now = estimateScenario(scenario(3), fargateCatalog);
    const v = stagedView(full, now);
    // 1 vCPU x 0.04048 + 2 GiB x 0.004445 = 0.04937 per task-hour; x 730 h = 36.0401 per task; x 3 tasks = 108.1203.
    expect(v.totals.fargate).toBe("108.1203");
    expect(full.totals.fargate).toBe("72.0802"); // 2 x 36.0401
    expect(v.totals.ec2).toBe(full.totals.ec2);
    expect(v.estimate).toBe(now);
    expect(v.breakdown).toBe(full.breakdown);
  });
});

describe("updatingView", () => {
  it("shows the current Fargate figures beside the last answer's EC2 figures, marked as updating", () => {
    const full = buildResults(scenario(2), fargateCatalog, ec2Catalog);
    const now = estimateScenario(scenario(3), fargateCatalog);
    const v = updatingView(full, now);
    // 3 x 36.0401 = 108.1203 (see above); the EC2 figure is the 2-task answer's, flagged.
    expect(v.totals.fargate).toBe("108.1203");
    expect(v.totals.ec2).toBe(full.totals.ec2);
    expect(v.totals.updating).toBe(true);
    expect(full.totals.updating).toBeUndefined();
  });

  it("follows the current estimate's whole bill when services were added since the answer", () => {
    const full = buildResults(scenario(2), fargateCatalog, ec2Catalog);
    expect(full.whole).toBeNull();
    const withEcr = Scenario.parse({ ...scenario(2), version: 2, services: { containerRegistry: { storedGiB: 10 } } });
    const now = estimateScenario(withEcr, fargateCatalog, extrasCatalog);
    const v = updatingView(full, now);
    // 2 x 36.0401 = 72.0802 of compute; ECR storage 10 GiB x $0.10 = $1.00 beside it.
    expect(v.whole?.fargateCompute).toBe("72.08");
    expect(v.whole?.fargateBeside).toBe("1.00");
    expect(v.whole?.ec2Compute).toBeNull();
  });
});

describe("answerToShow (issue 24 item 1: never an intermediate keystroke's figures)", () => {
  // Typing "12" into Tasks from 3: the inputs are 3, then "1", then "12"; each answer carries the input it is for.
  const answer = (tasks: number) => ({ tasks });
  const current = (tasks: number) => (a: { tasks: number }) => a.tasks === tasks;

  it("takes the answer for the input on screen", () => {
    const three = answer(3);
    expect(answerToShow(null, three, current(3))).toBe(three);
    const twelve = answer(12);
    expect(answerToShow(three, twelve, current(12))).toBe(twelve);
  });

  it("keeps the figures from before the edit when the answer that comes is for a keystroke typed over since", () => {
    const three = answer(3);
    // The answer for "1" was the latest request's when it came, but its render runs once "12" is on screen.
    expect(answerToShow(three, answer(1), current(12))).toBe(three);
    // Before any answer (first load, someone already typing): still "pricing…", not the figures of "1".
    expect(answerToShow(null, answer(1), current(12))).toBeNull();
  });

  it("keeps what it shows when nothing new came", () => {
    const three = answer(3);
    expect(answerToShow(three, three, current(12))).toBe(three);
    expect(answerToShow(three, null, current(3))).toBe(three);
  });
});

import { describe, expect, it } from "vitest";
import { estimateOne, estimateScenarioInput } from "@/lib/pricing/test-helpers";
import { ec2Catalog } from "@/lib/catalog/ec2";
import { extrasCatalog } from "@/lib/catalog/extras";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { DEFAULT_SCENARIO } from "@/lib/scenario";
import { parseScenario } from "@/lib/scenario/parse";
import { plainNote, splitNotes } from "./notes";
import { buildResults } from "./view";

describe("notes vs warnings", () => {
  it("classes the engine's own notes: billing rules as information, cautions as warnings", () => {
    const eks = estimateOne({ platform: "eks", vcpu: 1, memoryGiB: 2 }).workloads[0]!.warnings;
    const windowsShort = estimateOne({
      os: "windows",
      vcpu: 1,
      memoryGiB: 2,
      savingsPlan: "1yr-no-upfront",
      schedule: { type: "batch", runsPerMonth: 10, secondsPerRun: 120 },
    }).workloads[0]!.warnings;
    const spot = estimateOne({ spotPercent: 50 }).workloads[0]!.warnings;
    expect(splitNotes(eks)).toEqual({ info: [expect.stringMatching(/^Billed as 1 vCPU \/ 3 GiB/)], warnings: [] });
    const w = splitNotes(windowsShort);
    expect(w.info).toEqual([expect.stringMatching(/^Each 120-second run is billed as 300 s/), expect.stringMatching(/^The Windows OS license fee/)]);
    expect(w.warnings).toEqual([expect.stringMatching(/rates are estimates/)]);
    expect(splitNotes(spot)).toEqual({ info: [], warnings: [expect.stringMatching(/Spot tasks can be stopped/)] });
  });

  it("classes the services notes: the egress allowance is information, a fee left out is a warning", () => {
    const e = estimateScenarioInput({
      version: 2,
      workloads: [{ name: "p", platform: "eks", vcpu: 1, memoryGiB: 2 }],
      services: { dataTransfer: { internetOutGiBPerMonth: 10 } },
    });
    const s = splitNotes(e.services.notes);
    expect(s.info).toEqual([expect.stringMatching(/^Internet egress is priced/)]);
    expect(s.warnings).toEqual([expect.stringMatching(/EKS cluster fee.*is not included/)]);
  });
});

describe("the EC2 side's notes (issue 24 item 4)", () => {
  it("the default scenario's EC2 note on ENI limits is information, in plain words; a left-out type and the fee caveat stay warnings", () => {
    const parsed = parseScenario(DEFAULT_SCENARIO, fargateCatalog);
    if (!parsed.ok) throw new Error("the default scenario must parse");
    const v = buildResults(parsed.value, fargateCatalog, ec2Catalog, extrasCatalog);
    const ec2 = splitNotes(v.ec2!.warnings);
    expect(ec2.warnings).toEqual([]);
    expect(ec2.info).toEqual([expect.stringMatching(/^Max ENIs and ENI-trunking task limits are per-size estimates/)]);
    expect(plainNote(ec2.info[0]!)).toBe(
      "How many tasks fit on each instance size with awsvpc networking (one network interface per task) is our figure per size: AWS's price data does not list it.",
    );
    const mi = splitNotes(v.managedInstances!.warnings);
    expect(mi.warnings).toEqual([expect.stringMatching(/^70 of the region's 276 instance types have no ECS Managed Instances fee/)]);
    expect(mi.info).toEqual([expect.stringMatching(/^The ECS Managed Instances fee is charged per instance-hour/), expect.stringMatching(/^Max ENIs/)]);
  });

  it("the ENI cap note, when the cap is what fills instances, reads in plain words", () => {
    const engine =
      "awsvpc networking caps tasks per instance at max ENIs - 1 (2 on a large instance) and the cap is what fills some instances here: ENI trunking (10 tasks on a large) may need fewer instances.";
    expect(splitNotes([engine])).toEqual({ info: [engine], warnings: [] });
    expect(plainNote(engine)).toMatch(/^With awsvpc networking each task takes one of the instance's few network interfaces \(2 tasks on a large instance\)/);
    // Any other note is shown as the engine wrote it.
    expect(plainNote("Left out of the EC2 estimate: w (Windows).")).toBe("Left out of the EC2 estimate: w (Windows).");
  });
});

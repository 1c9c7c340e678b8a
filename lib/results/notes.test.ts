import { describe, expect, it } from "vitest";
import { estimateOne, estimateScenarioInput } from "@/lib/pricing/test-helpers";
import { splitNotes } from "./notes";

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

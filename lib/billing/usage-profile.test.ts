import { describe, expect, it } from "vitest";
import { MS_PER_HOUR } from "@/lib/core";
import { UsageProfiler } from "./usage-profile";
import { fargateMeter } from "./usage-type";

describe("UsageProfiler's task table", () => {
  it("3,000 tasks (past its first 1,024 places, so it grows twice), each 0.25 vCPU over three whole hours", () => {
    const vcpu = fargateMeter("Fargate-vCPU-Hours:perCPU")!;
    const profiler = new UsageProfiler();
    const start = Date.UTC(2026, 8, 1);
    for (let h = 0; h < 3; h++) {
      for (let i = 0; i < 3_000; i++) {
        const s = start + h * MS_PER_HOUR;
        const resourceId = `arn:aws:ecs:us-east-1:1:task/shop/${i}`;
        profiler.add("g", {
          meter: vcpu,
          quantity: 0.25,
          start: s,
          end: s + MS_PER_HOUR,
          resourceId,
          covered: false,
          listCost: 0,
          effectiveCost: 0,
        });
      }
    }
    const p = profiler.profile("g")!;
    // Each task: 3 x 0.25 = 0.75 vCPU-hours, seen in hours 0 and 2, so its size (0.25) shows in the whole hour 1 between:
    // 0.75 / 0.25 = 3 task-hours; 3,000 tasks: 9,000 task-hours. Per clock hour 3,000 x 0.25 = 750 vCPU-hours.
    expect(p.tasks).toBe(3_000);
    expect(p.sizedTasks).toBe(3_000);
    expect(p.sizes).toEqual([{ vcpu: 0.25, memoryGB: 0, tasks: 3_000, taskHours: 9_000 }]);
    expect(p.hourly).toEqual([750, 750, 750]);
    expect(p.runs).toBe(1);
    expect(p.shortTasks).toBe(0);
    expect(p.onDemandVcpuHours).toBe(2_250);
  });
});

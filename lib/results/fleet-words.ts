import type { Ec2Estimate } from "@/lib/pricing";

/** The chosen EC2 fleet in plain words (no "packing density"), with the break-even explained one click away. */

const fleetList = (instances: Ec2Estimate["instances"]) => instances.map((i) => `${i.count} × ${i.type}`).join(" + ");
const instanceCount = (instances: Ec2Estimate["instances"]) => instances.reduce((n, i) => n + i.count, 0);

export interface FleetDescription {
  /** "1 × c6a.xlarge. Your tasks use 75% of its CPU and 75% of its memory." */
  summary: string;
  /** When EC2 breaks even with Fargate, in words (shown one click away). */
  detail: string;
}

/** The chosen fleet in plain words (no "packing density"), with the break-even explained one click away. */
export function describeFleet(ec2: Pick<Ec2Estimate, "instances" | "utilization" | "breakEven">): FleetDescription {
  const one = instanceCount(ec2.instances) === 1;
  const its = one ? "its" : "their";
  const summary = `${fleetList(ec2.instances)}. Your tasks use ${ec2.utilization.cpuPercent}% of ${its} CPU and ${ec2.utilization.memoryPercent}% of ${its} memory.`;
  const p = ec2.breakEven.packingDensityPercent;
  const these = one ? "this instance" : "these instances";
  const detail =
    p === null
      ? `EC2 bills whole instances, full or not. Even completely full, ${these} would cost more than Fargate charges for the same vCPU and memory.`
      : `EC2 bills whole instances, full or not. ${one ? "This instance costs" : "These instances cost"} what Fargate would charge for tasks filling ${p}% of ${its} vCPU and memory: fuller than that, EC2 is cheaper; emptier, Fargate is.`;
  return { summary, detail };
}

export { estimateEc2 } from "./estimate";
export type { Ec2BreakEven, Ec2BreakEvenPoint, Ec2Estimate, Ec2Fleet, Ec2InstanceCount, Ec2Options, Ec2Utilization } from "./types";
export { instanceCapacity, selectCandidates, type Ec2Candidate } from "./candidates";
export { packItems, type BinCapacity, type PackItem, type Packing } from "./pack";
export type { FleetGroup, FleetPlan, Placement } from "./fleet";
export { planFleet } from "./plan";
export { scaledInstanceHours } from "./hours";

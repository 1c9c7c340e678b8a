import { formatUsd } from "@/lib/core";
import type { Ec2Estimate, ManagedInstancesEstimate } from "@/lib/pricing";

/**
 * Fargate, ECS Managed Instances and self-managed EC2 side by side, in words: what each price includes, and where
 * each pair breaks even (the duty cycle from which the instance-based side is cheaper than Fargate; none between
 * the two instance-based sides, which bill the same kind of instance-hours).
 */
export interface ThreeWay {
  /** One sentence per side on what its price includes. */
  includes: string[];
  /** One sentence per pair: Fargate / Managed Instances, Fargate / EC2, Managed Instances / EC2. */
  breakEvens: string[];
}

type Side = Pick<Ec2Estimate, "monthlyCost" | "breakEven" | "warnings">;

function versusFargate(name: string, side: Side | null): string {
  if (!side || side.monthlyCost === null) return `Fargate and ${name}: no comparison (${name} is not priced here).`;
  const d = side.breakEven.dutyCyclePercent;
  return d === null
    ? `Fargate and ${name}: Fargate is cheaper at every duty cycle.`
    : `Fargate and ${name}: ${name} is cheaper when the tasks run ${d}% of the month or more (the break-even duty cycle), Fargate below that.`;
}

export function threeWay(ec2: Side | null, mi: (Side & Pick<ManagedInstancesEstimate, "feeMonthlyCost">) | null): ThreeWay {
  const includes = [
    "Fargate: each task's vCPU and memory, billed per second; AWS runs, patches and scales the servers.",
    mi && mi.monthlyCost !== null
      ? `ECS Managed Instances: EC2 instances at EC2 rates (your Spot share and commitment), plus a management fee of ${formatUsd(mi.feeMonthlyCost)} a month for AWS patching and replacing the instances.`
      : `ECS Managed Instances: not priced here${mi ? ` (${mi.warnings.at(-1) ?? "no fee"})` : ""}.`,
    "EC2 self-managed: the instances and their root volumes alone; you patch, scale and replace them.",
  ];
  const breakEvens = [versusFargate("ECS Managed Instances", mi), versusFargate("EC2 self-managed", ec2)];
  if (mi?.monthlyCost != null && ec2?.monthlyCost != null) {
    const diff = mi.monthlyCost.minus(ec2.monthlyCost);
    breakEvens.push(
      diff.gt(0)
        ? `ECS Managed Instances and EC2 self-managed: no break-even; both bill instance-hours, so EC2 self-managed stays cheaper at every duty cycle (${formatUsd(diff)} a month now, the fee and any difference in fleet).`
        : diff.lt(0)
          ? `ECS Managed Instances and EC2 self-managed: no break-even; both bill instance-hours, and ECS Managed Instances found a fleet ${formatUsd(diff.neg())} a month cheaper even with its fee.`
          : "ECS Managed Instances and EC2 self-managed cost the same.",
    );
  }
  return { includes, breakEvens };
}

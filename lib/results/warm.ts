import type { Ec2Catalog, ExtrasCatalog, FargateCatalog } from "@/lib/catalog";
import { estimateEc2WithWholeBill, estimateManagedInstances, estimateScenario, type FargateEstimate } from "@/lib/pricing";
import type { Scenario } from "@/lib/scenario";

/**
 * The first EC2 and ECS Managed Instances estimates of a scenario, as steps to run one per task before the page first
 * shows them (issue 24 item 7). The first estimate is the slow one: it selects and prices the region's ~280 instance
 * types in exact decimals (remembered per catalog, region, fee table and settings: lib/pricing/ec2/candidates.ts) and
 * runs the search's code for the first time; done inside the render that shows the EC2 column, it was one task of
 * 0.6–0.8 s at 4x CPU throttling on a busy machine. Run apart, each step is a fraction of that, and the render that
 * follows finds the selections made. The steps' results are dropped (the render computes the same figures with the
 * same functions, so what is shown is unchanged); a step that throws is ignored (the render reports the problem as
 * before).
 */
export function ec2WarmUpSteps(
  scenario: Scenario,
  catalog: FargateCatalog,
  ec2Catalog: Ec2Catalog,
  extras: ExtrasCatalog | null,
  /** The scenario's Fargate estimate when already computed (for these same arguments). */
  fargate?: FargateEstimate,
): (() => void)[] {
  let estimate = fargate ?? null;
  const quietly = (step: () => void) => () => {
    try {
      step();
    } catch {
      /* the render that shows the estimate reports it */
    }
  };
  return [
    ...(estimate ? [] : [quietly(() => (estimate = estimateScenario(scenario, catalog, extras ?? undefined)))]),
    quietly(() => estimate && estimateEc2WithWholeBill(scenario, estimate, ec2Catalog, extras ?? undefined)),
    ...(extras ? [quietly(() => estimate && estimateManagedInstances(scenario, estimate, ec2Catalog, extras))] : []),
  ];
}

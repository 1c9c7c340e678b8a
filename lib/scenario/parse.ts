import type { z } from "zod";
import { type ExtrasCatalog, extrasRegion, type ExtrasRegion, type FargateCatalog, regionsWith } from "@/lib/catalog";
import { own, fail, ok, type FieldProblem, type Result } from "@/lib/core";
import { Scenario } from "./schema";

/** A scenario problem: its path is the dotted field ("workloads.0.vcpu"); empty for the whole document. */
export type Problem = FieldProblem;

export type ParseResult = Result<Scenario, Problem[]>;

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map(String).join(".");
}

export function zodProblems(error: z.ZodError): Problem[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}

/** Checks that need the price catalog: the region exists, and offers what the workloads ask for. */
export function catalogProblems(scenario: Scenario, catalog: FargateCatalog): Problem[] {
  const region = own(catalog.regions, scenario.region);
  if (!region) {
    return [
      {
        path: "region",
        message: `Unknown region "${scenario.region}": use a region code such as us-east-1 (${Object.keys(catalog.regions).length} regions are in the price snapshot)`,
      },
    ];
  }
  const problems: Problem[] = [];
  scenario.workloads.forEach((w, i) => {
    if (w.os === "windows" && !region.windows)
      problems.push({ path: `workloads.${i}.os`, message: `Windows containers on Fargate are not offered in ${scenario.region} (${region.name})` });
    if (w.spotPercent > 0 && !region.spot)
      problems.push({
        path: `workloads.${i}.spotPercent`,
        message: `Our price snapshot has no Fargate Spot price for ${scenario.region} (${region.name}): set Spot share to 0`,
      });
  });
  return problems;
}

/**
 * Version 2 items the region has no price for: each refused on its own path, never guessed.
 * Items that price nothing (a count or volume of 0) need no price.
 */
export function extrasProblems(scenario: Pick<Scenario, "region" | "workloads" | "services">, extras: ExtrasCatalog): Problem[] {
  const region = extrasRegion(extras, scenario.region);
  const problems: Problem[] = [];
  const missing = (path: string, what: string, has: (r: ExtrasRegion) => boolean) => {
    if (region && has(region)) return;
    const where = regionsWith(extras, has);
    const list = where.length <= 6 ? ` (${where.join(", ")})` : "";
    problems.push({
      path,
      message: `Our price data has no ${what} price for ${scenario.region}${region ? ` (${region.name})` : ""}; it has one for ${where.length} region${where.length === 1 ? "" : "s"}${list}: leave it out or choose one of those regions`,
    });
  };
  scenario.workloads.forEach((w, i) => {
    if (w.publicIp && w.tasks > 0) missing(`workloads.${i}.publicIp`, "public IPv4 address", (r) => !!r.publicIpv4);
    if (w.logs && (w.logs.ingestedGiBPerMonth > 0 || w.logs.storedGiB > 0)) missing(`workloads.${i}.logs`, "CloudWatch Logs", (r) => !!r.logs);
  });
  const s = scenario.services;
  if (!s) return problems;
  s.loadBalancers?.forEach((lb, i) => {
    missing(`services.loadBalancers.${i}.type`, lb.type === "application" ? "Application Load Balancer" : "Network Load Balancer", (r) => !!r.loadBalancer);
    if (lb.internetFacing) missing(`services.loadBalancers.${i}.internetFacing`, "public IPv4 address", (r) => !!r.publicIpv4);
  });
  if (s.natGateways && (s.natGateways.count > 0 || s.natGateways.processedGiBPerMonth > 0)) {
    missing("services.natGateways", "NAT gateway", (r) => !!r.natGateway);
    if (s.natGateways.count > 0) missing("services.natGateways.count", "public IPv4 address", (r) => !!r.publicIpv4);
  }
  if (s.dataTransfer?.internetOutGiBPerMonth) missing("services.dataTransfer.internetOutGiBPerMonth", "internet data transfer", (r) => !!r.internetEgress);
  if (s.dataTransfer?.interAzGiBPerMonth) missing("services.dataTransfer.interAzGiBPerMonth", "inter-AZ data transfer", (r) => !!r.interAz);
  s.fileSystems?.forEach((fs, i) => {
    if (fs.storageClass === "one-zone") missing(`services.fileSystems.${i}.storageClass`, "EFS One Zone", (r) => !!r.efs?.oneZoneGBMonth);
    else if (fs.storageClass === "one-zone-ia") missing(`services.fileSystems.${i}.storageClass`, "EFS One Zone-IA", (r) => !!r.efs?.oneZoneIaGBMonth);
    else missing(`services.fileSystems.${i}`, "EFS", (r) => !!r.efs);
  });
  if (s.eksClusters && s.eksClusters.count > 0) missing("services.eksClusters", "EKS cluster", (r) => !!r.eks);
  if (s.containerRegistry && s.containerRegistry.storedGiB > 0) missing("services.containerRegistry.storedGiB", "ECR storage", (r) => !!r.ecr);
  return problems;
}

/**
 * What AWS does not sell, each refused on its own field with a sentence (issue 24 item 3):
 * - a public IP on EKS pods: EKS runs Fargate pods in private subnets only (CreateFargateProfile), so they never get one;
 * - an Application Load Balancer in 1 Availability Zone: AWS requires subnets in at least two (a Network Load
 *   Balancer may serve one, and is accepted);
 * - NAT data processed without a NAT gateway to process it.
 * Not part of the schema, so scenarios saved or shared before these checks still open: the editor shows each problem
 * on its field and prices the rest; the CLI, the API and the diff (which pass the extras catalog) refuse them.
 */
export function unsoldProblems(scenario: Pick<Scenario, "workloads" | "services">): Problem[] {
  const problems: Problem[] = [];
  scenario.workloads.forEach((w, i) => {
    if (w.platform === "eks" && w.publicIp)
      problems.push({
        path: `workloads.${i}.publicIp`,
        message:
          "EKS runs Fargate pods in private subnets only, so a pod cannot have a public IP (AWS CreateFargateProfile): turn it off; pods reach the internet through a NAT gateway",
      });
  });
  const s = scenario.services;
  s?.loadBalancers?.forEach((lb, i) => {
    if (lb.type === "application" && lb.azs < 2)
      problems.push({
        path: `services.loadBalancers.${i}.azs`,
        message: "An Application Load Balancer needs at least 2 Availability Zones (AWS requires a subnet in two or more): set 2 or more",
      });
  });
  if (s?.natGateways && s.natGateways.count === 0 && s.natGateways.processedGiBPerMonth > 0)
    problems.push({
      path: "services.natGateways.processedGiBPerMonth",
      message: "No NAT gateway is there to process this data: set NAT gateways to 1 or more, or the data processed to 0",
    });
  return problems;
}

/**
 * The one entry point for untrusted scenarios (CLI file, URL, API body, local storage). With the extras catalog,
 * version 2 items are also checked against the region's prices (the CLI and the API always pass it).
 */
export function parseScenario(input: unknown, catalog: FargateCatalog, extras?: ExtrasCatalog): ParseResult {
  const parsed = Scenario.safeParse(input);
  if (!parsed.success) return fail(zodProblems(parsed.error));
  const problems = catalogProblems(parsed.data, catalog);
  if (extras && !problems.some((p) => p.path === "region")) problems.push(...unsoldProblems(parsed.data), ...extrasProblems(parsed.data, extras));
  return problems.length ? fail(problems) : ok(parsed.data);
}

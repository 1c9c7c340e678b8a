import "server-only";
import type { Filter } from "@aws-sdk/client-pricing";
import { EXTRAS_SERVICE_CODES, mapSkuRates, type RefreshableItem, type SkuRates } from "./extras-pricing-map";
import { ok } from "@/lib/core";
import type { AwsResult } from "./errors";
import { getAllProducts, type FetchOptions } from "./pricing";
import { mapSkuProducts, type SkuProducts } from "./managed-instances-map";

/**
 * AWS Price List adapter for the "whole bill" services (public IPv4, NAT, ELB, CloudWatch, EFS, EKS, ECR, inter-AZ
 * data transfer): one query per service and region, mapped SKU -> OnDemand rate. Reads rates only.
 */
const termMatch = (Field: string, Value: string): Filter => ({ Type: "TERM_MATCH", Field, Value });

/** The GetProducts filters of an item in one region (data transfer items are keyed by the region they leave). */
export function extrasFilters(item: RefreshableItem, regionCode: string): Filter[] {
  if (item === "inter-az") return [termMatch("fromRegionCode", regionCode), termMatch("toRegionCode", regionCode)];
  if (item === "nat-gateway") return [termMatch("regionCode", regionCode), termMatch("productFamily", "NAT Gateway")];
  return [termMatch("regionCode", regionCode)];
}

export async function fetchExtrasSkuRates(
  item: RefreshableItem,
  regionCode: string,
  options: FetchOptions = {},
): Promise<AwsResult<SkuRates & { pages: number }>> {
  const all = await getAllProducts(EXTRAS_SERVICE_CODES[item], extrasFilters(item, regionCode), options);
  if (!all.ok) return all;
  const mapped = mapSkuRates(all.value.items);
  return ok({ ...mapped, problems: [...all.value.problems, ...mapped.problems], pages: all.value.pages });
}

/**
 * The AmazonECS products of one region, SKU -> instance type (when the product names one) and OnDemand rate: what
 * the ECS Managed Instances fee rows are confirmed against. Filtered by regionCode only (an attribute every AmazonECS
 * product carries, as in the real 2022 response): the usage type of the fee products is not known from real data, and
 * a guessed usagetype filter would silently return nothing. The fee rows are then matched by SKU.
 */
export async function fetchEcsSkuProducts(
  regionCode: string,
  options: FetchOptions = {},
): Promise<AwsResult<{ skus: SkuProducts; problems: string[]; pages: number }>> {
  const all = await getAllProducts("AmazonECS", [termMatch("regionCode", regionCode)], options);
  if (!all.ok) return all;
  return ok({ skus: mapSkuProducts(all.value.items), problems: all.value.problems, pages: all.value.pages });
}

import "server-only";
import { GetProductsCommand, PricingClient, type Filter } from "@aws-sdk/client-pricing";
import { withDeadline } from "./deadline";
import { fail, ok } from "@/lib/core";
import { classifyAwsError, type AwsResult } from "./errors";
import {
  mapEc2OnDemandItem,
  mapEc2RegionItems,
  mapFargatePriceItems,
  parsePriceList,
  type Ec2OnDemandPrice,
  type Ec2RegionPriceList,
  type FargatePriceListRates,
  type PriceListItem,
} from "./pricing-map";

/**
 * AWS Price List API adapter (GetProducts). Reads rates only; never computes costs.
 * The API has endpoints in us-east-1, eu-central-1 and ap-south-1 only; any region's prices can be read from each.
 */
export const PRICING_API_REGIONS = ["us-east-1", "eu-central-1", "ap-south-1"] as const;
export type PricingApiRegion = (typeof PRICING_API_REGIONS)[number];

const SERVICE = "the AWS Price List API";
export const PAGE_SIZE = 100;
export const MAX_PAGES = 500;

export function pricingClient(endpointRegion: PricingApiRegion = "us-east-1"): PricingClient {
  return new PricingClient({
    region: endpointRegion,
    maxAttempts: 4,
    retryMode: "adaptive",
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 15_000 },
  });
}

export interface FetchOptions {
  client?: PricingClient;
  /** Deadline for the first page, which includes resolving credentials. Default 10 s. */
  firstPageTimeoutMs?: number;
  /** Deadline for each later page. Default 15 s. */
  pageTimeoutMs?: number;
  signal?: AbortSignal;
  onPage?: (page: number, items: number) => void;
}

const termMatch = (Field: string, Value: string): Filter => ({ Type: "TERM_MATCH", Field, Value });

/** Every item of a GetProducts query, following NextToken; PriceList strings JSON.parse'd and validated. */
export async function getAllProducts(
  serviceCode: string,
  filters: Filter[],
  options: FetchOptions = {},
): Promise<AwsResult<{ items: PriceListItem[]; problems: string[]; pages: number }>> {
  const client = options.client ?? pricingClient();
  const items: PriceListItem[] = [];
  const problems: string[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  try {
    const seen = new Set<string>();
    do {
      const timeout = pages === 0 ? (options.firstPageTimeoutMs ?? 10_000) : (options.pageTimeoutMs ?? 15_000);
      const token = nextToken;
      const out = await withDeadline(
        (signal) =>
          client.send(
            new GetProductsCommand({
              ServiceCode: serviceCode,
              Filters: filters,
              FormatVersion: "aws_v1",
              MaxResults: PAGE_SIZE,
              ...(token ? { NextToken: token } : {}),
            }),
            { abortSignal: signal },
          ),
        timeout,
        options.signal,
      );
      pages++;
      const parsed = parsePriceList(out.PriceList);
      items.push(...parsed.items);
      problems.push(...parsed.problems);
      options.onPage?.(pages, items.length);
      nextToken = out.NextToken || undefined;
      if (nextToken && seen.has(nextToken)) break;
      if (nextToken) seen.add(nextToken);
    } while (nextToken && pages < MAX_PAGES);
    return ok({ items, problems, pages });
  } catch (e) {
    return fail(classifyAwsError(e, { service: SERVICE }));
  }
}

/** Fargate on-demand rates for every region (or one), mapped by usage-type suffix. */
export async function fetchFargateOnDemandRates(
  options: FetchOptions & { regionCode?: string } = {},
): Promise<AwsResult<FargatePriceListRates & { pages: number }>> {
  const filters = options.regionCode ? [termMatch("regionCode", options.regionCode)] : [];
  const all = await getAllProducts("AmazonECS", filters, options);
  if (!all.ok) return all;
  const mapped = mapFargatePriceItems(all.value.items);
  return ok({ ...mapped, problems: [...all.value.problems, ...mapped.problems], pages: all.value.pages });
}

/** GetProducts filters for on-demand Linux EC2 in one region (attribute names as in the AmazonEC2 items). */
export function ec2LinuxFilters(regionCode: string): Filter[] {
  return [
    termMatch("regionCode", regionCode),
    termMatch("operatingSystem", "Linux"),
    termMatch("tenancy", "Shared"),
    termMatch("preInstalledSw", "NA"),
    termMatch("capacitystatus", "Used"),
    termMatch("licenseModel", "No License required"),
  ];
}

/** On-demand hourly price of one EC2 instance type (Linux, shared tenancy, no pre-installed software). */
export async function fetchEc2OnDemandPrice(instanceType: string, regionCode: string, options: FetchOptions = {}): Promise<AwsResult<Ec2OnDemandPrice | null>> {
  const all = await getAllProducts("AmazonEC2", [termMatch("instanceType", instanceType), ...ec2LinuxFilters(regionCode)], options);
  if (!all.ok) return all;
  for (const item of all.value.items) {
    const m = mapEc2OnDemandItem(item);
    if (m.ok) return ok(m.value);
  }
  return ok(null);
}

/**
 * On-demand hourly prices of every EC2 instance type in one region (Linux, shared tenancy, no pre-installed
 * software, capacity status Used), paginated: instanceType -> { usd, sku }. Parse and mapping problems are
 * returned, not thrown; an item the filters should have excluded is skipped (see mapEc2RegionItems).
 */
export async function fetchEc2OnDemandPrices(regionCode: string, options: FetchOptions = {}): Promise<AwsResult<Ec2RegionPriceList & { pages: number }>> {
  const all = await getAllProducts("AmazonEC2", ec2LinuxFilters(regionCode), options);
  if (!all.ok) return all;
  const mapped = mapEc2RegionItems(all.value.items, regionCode);
  return ok({ ...mapped, problems: [...all.value.problems, ...mapped.problems], pages: all.value.pages });
}

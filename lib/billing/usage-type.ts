import type { FargateCatalog } from "@/lib/catalog";

/**
 * Fargate usage types, as AWS writes them in Cost and Usage Reports after the region prefix
 * ("USW2-Fargate-GB-Hours" -> "Fargate-GB-Hours"). What each one meters decides how it is compared
 * with an estimate and how a scenario is rebuilt from it.
 */
export interface FargateMeter {
  resource: "vcpu" | "memory" | "os-license" | "storage";
  os: "linux" | "windows";
  arch: "x86_64" | "arm64";
  spot: boolean;
  unit: "vCPU-hours" | "GB-hours";
}

const meter = (resource: FargateMeter["resource"], os: FargateMeter["os"], arch: FargateMeter["arch"], spot: boolean): FargateMeter => ({
  resource,
  os,
  arch,
  spot,
  unit: resource === "vcpu" || resource === "os-license" ? "vCPU-hours" : "GB-hours",
});

/** Every Fargate usage type the estimator prices, keyed by the usage type without its region prefix. */
export const FARGATE_USAGE_TYPES: ReadonlyMap<string, FargateMeter> = new Map([
  ["Fargate-vCPU-Hours:perCPU", meter("vcpu", "linux", "x86_64", false)],
  ["Fargate-GB-Hours", meter("memory", "linux", "x86_64", false)],
  ["Fargate-ARM-vCPU-Hours:perCPU", meter("vcpu", "linux", "arm64", false)],
  ["Fargate-ARM-GB-Hours", meter("memory", "linux", "arm64", false)],
  ["Fargate-Windows-vCPU-Hours:perCPU", meter("vcpu", "windows", "x86_64", false)],
  ["Fargate-Windows-GB-Hours", meter("memory", "windows", "x86_64", false)],
  ["Fargate-Windows-OS-Hours:perCPU", meter("os-license", "windows", "x86_64", false)],
  ["Fargate-EphemeralStorage-GB-Hours", meter("storage", "linux", "x86_64", false)],
  ["SpotUsage-Fargate-vCPU-Hours:perCPU", meter("vcpu", "linux", "x86_64", true)],
  ["SpotUsage-Fargate-GB-Hours", meter("memory", "linux", "x86_64", true)],
  ["SpotUsage-Fargate-ARM-vCPU-Hours:perCPU", meter("vcpu", "linux", "arm64", true)],
  ["SpotUsage-Fargate-ARM-GB-Hours", meter("memory", "linux", "arm64", true)],
]);

/** The usage type for a meter: the inverse of FARGATE_USAGE_TYPES (used to compare an estimate's line items). */
export function usageTypeOf(m: Pick<FargateMeter, "resource" | "os" | "arch" | "spot">): string {
  if (m.resource === "storage") return "Fargate-EphemeralStorage-GB-Hours";
  if (m.resource === "os-license") return "Fargate-Windows-OS-Hours:perCPU";
  const family = m.os === "windows" ? "Fargate-Windows-" : m.arch === "arm64" ? "Fargate-ARM-" : "Fargate-";
  return `${m.spot ? "SpotUsage-" : ""}${family}${m.resource === "vcpu" ? "vCPU-Hours:perCPU" : "GB-Hours"}`;
}

// AWS prefixes usage types with a location code: USE1-, USW2-, EUC1-, EU-, APN1-, CAN1-, UGW1-, MXC1- ...
const REGION_PREFIX = /^[A-Z]{2,4}[0-9]{0,2}-(?=[A-Za-z])/;

/** "USW2-Fargate-GB-Hours" -> "Fargate-GB-Hours"; usage types without a prefix are returned as they are. */
export function stripRegionPrefix(usageType: string): string {
  return usageType.replace(REGION_PREFIX, "");
}

/** True for any Fargate meter, including ones this version does not know (they are still reported). */
export function isFargateUsageType(stripped: string): boolean {
  return /^(SpotUsage-)?Fargate-/.test(stripped);
}

/** The meter of a known Fargate usage type, or undefined (own lookups only: the key comes from a file). */
export function fargateMeter(stripped: string): FargateMeter | undefined {
  return FARGATE_USAGE_TYPES.get(stripped);
}

export interface SkuInfo {
  region: string;
  usageType: string;
}

/**
 * Price List SKU -> (region, usage type) from the Fargate snapshot: FOCUS has no usage-type column, but its
 * SkuId is the Price List SKU of the rate (fixtures/bills/focus-1.0-sample-fargate.expected.json derives the same way).
 */
export function fargateSkuIndex(catalog: FargateCatalog): Map<string, SkuInfo> {
  const index = new Map<string, SkuInfo>();
  const put = (sku: string | undefined, region: string, usageType: string) => {
    if (sku) index.set(sku, { region, usageType });
  };
  for (const [region, r] of Object.entries(catalog.regions)) {
    put(r.linux.x86_64.vcpuHour.sku, region, "Fargate-vCPU-Hours:perCPU");
    put(r.linux.x86_64.gbHour.sku, region, "Fargate-GB-Hours");
    put(r.linux.arm64.vcpuHour.sku, region, "Fargate-ARM-vCPU-Hours:perCPU");
    put(r.linux.arm64.gbHour.sku, region, "Fargate-ARM-GB-Hours");
    put(r.windows?.vcpuHour.sku, region, "Fargate-Windows-vCPU-Hours:perCPU");
    put(r.windows?.gbHour.sku, region, "Fargate-Windows-GB-Hours");
    put(r.windows?.osLicenseVcpuHour.sku, region, "Fargate-Windows-OS-Hours:perCPU");
    put(r.ephemeralStorageGbHour.sku, region, "Fargate-EphemeralStorage-GB-Hours");
  }
  return index;
}

/**
 * A Fargate usage type from a FOCUS charge description, when the SKU is not in the snapshot (Spot has no SKU
 * there). AWS writes "AWS Fargate - vCPU  - US West 2 (Oregon)", "AWS Fargate - ARM - Memory - US West (Oregon)".
 * Undefined when the text does not name Fargate or not what it meters.
 */
export function usageTypeFromDescription(description: string): string | undefined {
  if (!/fargate/i.test(description)) return undefined;
  const spot = /\bspot\b/i.test(description);
  const windows = /\bwindows\b/i.test(description);
  const arch = /\b(arm|graviton)\b/i.test(description) ? "arm64" : "x86_64";
  let resource: FargateMeter["resource"] | undefined;
  if (/ephemeral|storage/i.test(description)) resource = "storage";
  else if (windows && /licen[cs]e|\bOS\b/i.test(description)) resource = "os-license";
  else if (/vcpu|\bcpu\b/i.test(description)) resource = "vcpu";
  else if (/memory|\bGB\b/i.test(description)) resource = "memory";
  if (!resource) return undefined;
  return usageTypeOf({ resource, os: windows ? "windows" : "linux", arch, spot });
}

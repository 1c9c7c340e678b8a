import type { Ec2Architecture, Ec2Catalog, Ec2Region } from "@/lib/catalog";
import type { Ec2Settings } from "../input";
import { HOURS_PER_MONTH, CPU_UNITS_PER_VCPU, MIB_PER_GIB, hasOwn, own, rate, ZERO, type Decimal } from "@/lib/core";
import type { BinCapacity } from "./pack";
import { blendedHourly } from "./price";

/** One instance type that may host tasks in the scenario's region, with what it offers under the settings. */
export interface Ec2Candidate {
  type: string;
  /** "large", "24xlarge": the part after the dot. */
  size: string;
  vcpu: number;
  memoryGiB: number;
  arch: Ec2Architecture;
  maxEnis: number;
  trunkingTasks: number | null;
  onDemandHourly: string;
  spotSavingsPercent: number | null;
  /** ECS Managed Instances: the management fee per instance-hour and its SKU; null for self-managed EC2. */
  fee: readonly [usd: string, sku: string] | null;
  capacity: BinCapacity;
  /**
   * USD per instance-hour with the purchase mix (Spot share, commitment discount) and the pro-rated root volume:
   * the exact prices the result is priced at (price.ts blendedHourly), read as a float to rank fleets quickly.
   */
  rankHourly: number;
}

/**
 * What one instance offers to tasks (docs/pricing-rules.md#what-an-instance-offers):
 * - CPU units: vCPU x 1024, minus the headroom share;
 * - memory MiB: nominal x (1 - unregistered share) - ECS_RESERVED_MEMORY, minus the headroom share
 *   (an 8 GiB m4.large registers about 7,985 MiB; the agent never offers the rest);
 * - tasks: bridge networking has no ENI cap; awsvpc gives each task an ENI: max ENIs - 1 (the primary ENI is the
 *   instance's own), or the ENI-trunking task limit when trunking is on and the size has one.
 */
export function instanceCapacity(
  spec: { vcpu: number; memoryGiB: number; maxEnis: number; trunkingTasks: number | null },
  settings: Pick<Ec2Settings, "headroomPercent" | "unregisteredMemoryPercent" | "reservedMemoryMiB" | "networking" | "eniTrunking">,
): BinCapacity {
  const keep = 1 - settings.headroomPercent / 100;
  const cpu = spec.vcpu * CPU_UNITS_PER_VCPU * keep;
  const registered = spec.memoryGiB * MIB_PER_GIB * (1 - settings.unregisteredMemoryPercent / 100);
  const memoryMiB = Math.max(0, (registered - settings.reservedMemoryMiB) * keep);
  const tasks = settings.networking === "bridge" ? Infinity : settings.eniTrunking && spec.trunkingTasks !== null ? spec.trunkingTasks : spec.maxEnis - 1;
  return { cpu, memoryMiB, tasks };
}

export interface CandidateSelection {
  candidates: Ec2Candidate[];
  warnings: string[];
}

/** The settings a candidate selection depends on, as one key (scaling does not change the candidates). */
const settingsKey = (s: Ec2Settings) =>
  `${s.networking}|${s.eniTrunking}|${s.headroomPercent}|${s.reservedMemoryMiB}|${s.unregisteredMemoryPercent}|${s.spotPercent}|${s.commitment}|${s.ebsRootGiB}|${s.instanceTypes.join(",")}`;

type Selections = Map<string, CandidateSelection>;
/** Per catalog, per region, per fee table (or none: self-managed EC2): the selections made, by settings. */
const remembered = new WeakMap<Ec2Catalog, WeakMap<Ec2Region, WeakMap<object, Selections>>>();
const NO_FEES = {};
const MAX_REMEMBERED = 8;
/**
 * Per catalog and region, by settings: each type's exact blended hourly rate plus its root volume, the part of its rank
 * that does not depend on a fee. Shared by the self-managed and the Managed Instances selections of one estimate: the
 * second adds only the fee (issue 24 item 7: each estimate searched the types twice).
 */
const baseRates = new WeakMap<Ec2Catalog, WeakMap<Ec2Region, Map<string, Map<string, Decimal>>>>();

function baseRatesOf(catalog: Ec2Catalog, region: Ec2Region, key: string): Map<string, Decimal> {
  let byRegion = baseRates.get(catalog);
  if (!byRegion) baseRates.set(catalog, (byRegion = new WeakMap()));
  let bySettings = byRegion.get(region);
  if (!bySettings) byRegion.set(region, (bySettings = new Map()));
  let rates = bySettings.get(key);
  if (!rates) {
    if (bySettings.size >= MAX_REMEMBERED) bySettings.delete(bySettings.keys().next().value!);
    bySettings.set(key, (rates = new Map()));
  }
  return rates;
}

/**
 * The region's candidate types under the settings: restricted to `instanceTypes` when given, and to types with a
 * Spot estimate when part of the fleet is on Spot (we do not guess a Spot price the advisor does not publish).
 * Remembered per catalog, region, fee table and settings (the last few): every estimate of the same scenario (each
 * keystroke in a workload, the self-managed and the Managed Instances side of one estimate, the calculator's two
 * staged renders) selects from the same ~280 types with the same prices; the candidates are read, never changed.
 */
export function selectCandidates(
  catalog: Ec2Catalog,
  region: Ec2Region,
  settings: Ec2Settings,
  fees?: Readonly<Record<string, readonly [string, string]>>,
): CandidateSelection {
  let byRegion = remembered.get(catalog);
  if (!byRegion) remembered.set(catalog, (byRegion = new WeakMap()));
  let byFees = byRegion.get(region);
  if (!byFees) byRegion.set(region, (byFees = new WeakMap()));
  let bySettings = byFees.get(fees ?? NO_FEES);
  if (!bySettings) byFees.set(fees ?? NO_FEES, (bySettings = new Map()));
  const key = settingsKey(settings);
  const hit = bySettings.get(key);
  if (hit) return { candidates: hit.candidates, warnings: [...hit.warnings] };
  const made = select(catalog, region, settings, fees);
  if (bySettings.size >= MAX_REMEMBERED) bySettings.delete(bySettings.keys().next().value!);
  bySettings.set(key, made);
  return { candidates: made.candidates, warnings: [...made.warnings] };
}

function select(catalog: Ec2Catalog, region: Ec2Region, settings: Ec2Settings, fees?: Readonly<Record<string, readonly [string, string]>>): CandidateSelection {
  const warnings: string[] = [];
  let types = Object.keys(region.prices);
  if (settings.instanceTypes.length > 0) {
    const wanted = new Set(settings.instanceTypes);
    const unknown = settings.instanceTypes.filter((t) => !hasOwn(region.prices, t));
    if (unknown.length)
      warnings.push(
        `Not in the EC2 price snapshot for this region, so left out: ${unknown.join(", ")} (the snapshot holds current-generation m, c and r types, no metal, burstable or GPU types).`,
      );
    types = types.filter((t) => wanted.has(t));
  }
  if (settings.spotPercent > 0) {
    const noSpot = types.filter((t) => own(region.prices, t)?.[1] === null);
    if (noSpot.length)
      warnings.push(
        `${noSpot.length} instance type${noSpot.length === 1 ? "" : "s"} without a Spot Instance Advisor figure in this region left out, because part of the fleet is on Spot.`,
      );
    types = types.filter((t) => own(region.prices, t)?.[1] !== null);
  }
  if (fees) {
    // ECS Managed Instances: only types with a fee in the region's table; the others are left out, never guessed.
    const noFee = types.filter((t) => !hasOwn(fees, t));
    if (noFee.length)
      warnings.push(
        settings.instanceTypes.length > 0
          ? `No ECS Managed Instances fee in our data for ${noFee.join(", ")} in this region, so left out (the fee table's instance types are inferred; see the caveat).`
          : `${noFee.length} of the region's ${types.length} instance types have no ECS Managed Instances fee in our data and are left out (the fee table's instance types are inferred; see the caveat).`,
      );
    types = types.filter((t) => hasOwn(fees, t));
  }
  // Ranked by the result's own prices: the exact blended instance rate plus the root volume per instance-hour
  // (the EBS line is ebsRootGiB x instance-hours / HOURS_PER_MONTH GB-months), read as a float once per type.
  const ebsHourly = region.ebsGp3GbMonth === null ? ZERO : rate(region.ebsGp3GbMonth).times(settings.ebsRootGiB).div(HOURS_PER_MONTH);
  const ctx = { catalog, settings };
  const bases = baseRatesOf(catalog, region, settingsKey(settings));
  const candidates = types.flatMap((type): Ec2Candidate[] => {
    const spec = own(catalog.types, type);
    const price = own(region.prices, type);
    if (!spec || !price) return [];
    const [vcpu, memoryGiB, arch, maxEnis, trunkingTasks] = spec;
    const [onDemandHourly, spotSavingsPercent] = price;
    const fee = fees ? own(fees, type)! : null;
    const capacity = instanceCapacity({ vcpu, memoryGiB, maxEnis, trunkingTasks }, settings);
    if (capacity.cpu <= 0 || capacity.memoryMiB <= 0 || capacity.tasks < 1) return [];
    let base = bases.get(type);
    if (!base) bases.set(type, (base = blendedHourly({ onDemandHourly, spotSavingsPercent }, ctx).plus(ebsHourly)));
    return [
      {
        type,
        size: type.slice(type.indexOf(".") + 1),
        vcpu,
        memoryGiB,
        arch,
        maxEnis,
        trunkingTasks,
        onDemandHourly,
        spotSavingsPercent,
        fee,
        capacity,
        // With ECS Managed Instances the fee is paid on every instance-hour (Spot too: an assumption, see price.ts).
        // Exact decimals: base + 0 is base, so the self-managed rank is the base's.
        rankHourly: (fee ? base.plus(rate(fee[0])) : base).toNumber(),
      },
    ];
  });
  // Cheapest first; ties by name, descending, so the newer generation wins a tie (m6i.large over m5.large, both
  // 0.096 in us-east-1). Deterministic either way.
  candidates.sort((a, b) => a.rankHourly - b.rankHourly || (a.type < b.type ? 1 : a.type > b.type ? -1 : 0));
  return { candidates, warnings };
}

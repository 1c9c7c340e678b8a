import { allocateCents, dec, toCents, type Decimal } from "@/lib/core";
import type { Ec2WholeBill, LineItem } from "@/lib/pricing";
import { table, type ShownTable } from "./shown";

/** The EC2 side of lib/export/shown.ts (apart, so the page loads it with the EC2 detail). */
export interface ShownEc2 {
  /** The instances and EBS (ec2.lineItems). */
  instances: ShownTable;
  /** Beside the instances (their public IPv4 and the hosted logs); empty without a whole bill. */
  beside: ShownTable;
  /** The scenario's services, the same as on Fargate ("0.00" without a whole bill). */
  services: string;
  /** Everything beside the instances (their neighbours and the services): total − instances, the headline's split. */
  besideInstances: string;
  total: string;
}

/** What an EC2 estimate needs for its shown cents (Ec2Estimate and the CLI's estimate both fit). */
export interface Ec2Shape {
  lineItems: LineItem[];
  monthlyCost: Decimal | null;
  wholeBill?: Ec2WholeBill;
}

const ec2Cache = new WeakMap<Ec2Shape, Map<string, ShownEc2 | null>>();

/**
 * The shown cents of the EC2 side; null when EC2 has no price for the scenario. `fargateServices`: the cents the
 * Fargate side shows for the same services (shownFargate(...).services.total). The services are the same on both
 * sides, so they show the same cents on both (issue 24 item 2: 235.01 beside 235.02); the instances and the items
 * beside them share the rest of the EC2 total. Without it the three are allocated together.
 */
export function shownEc2(ec2: Ec2Shape, fargateServices?: string): ShownEc2 | null {
  const key = fargateServices ?? "";
  const cached = ec2Cache.get(ec2);
  const hit = cached?.get(key);
  if (hit !== undefined) return hit;
  let shown: ShownEc2 | null = null;
  if (ec2.monthlyCost !== null) {
    const wb = ec2.wholeBill && ec2.wholeBill.monthlyCost !== null ? ec2.wholeBill : undefined;
    const besideItems = wb?.lineItems ?? [];
    const services = wb ? wb.servicesMonthlyCost.minus(wb.lineItemsMonthlyCost) : null;
    const total = toCents(wb?.monthlyCost ?? ec2.monthlyCost);
    let groups: string[];
    if (wb && fargateServices !== undefined) {
      const rest = dec(total).minus(fargateServices);
      groups = [...allocateCents([ec2.monthlyCost, wb.lineItemsMonthlyCost], rest), dec(fargateServices).toFixed(2)];
    } else groups = allocateCents([ec2.monthlyCost, ...(wb ? [wb.lineItemsMonthlyCost, services!] : [])], total);
    shown = {
      instances: table(ec2.lineItems, groups[0]!),
      beside: table(besideItems, groups[1] ?? "0.00"),
      services: groups[2] ?? "0.00",
      besideInstances: dec(total).minus(groups[0]!).toFixed(2),
      total,
    };
  }
  if (cached) cached.set(key, shown);
  else ec2Cache.set(ec2, new Map([[key, shown]]));
  return shown;
}

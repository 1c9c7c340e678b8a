import { allocateCents, toCents, type Decimal } from "@/lib/core";
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
  total: string;
}

/** What an EC2 estimate needs for its shown cents (Ec2Estimate and the CLI's estimate both fit). */
export interface Ec2Shape {
  lineItems: LineItem[];
  monthlyCost: Decimal | null;
  wholeBill?: Ec2WholeBill;
}

const ec2Cache = new WeakMap<Ec2Shape, ShownEc2 | null>();

/** The shown cents of the EC2 side; null when EC2 has no price for the scenario. */
export function shownEc2(ec2: Ec2Shape): ShownEc2 | null {
  const hit = ec2Cache.get(ec2);
  if (hit !== undefined) return hit;
  let shown: ShownEc2 | null = null;
  if (ec2.monthlyCost !== null) {
    const wb = ec2.wholeBill && ec2.wholeBill.monthlyCost !== null ? ec2.wholeBill : undefined;
    const besideItems = wb?.lineItems ?? [];
    const services = wb ? wb.servicesMonthlyCost.minus(wb.lineItemsMonthlyCost) : null;
    const total = toCents(wb?.monthlyCost ?? ec2.monthlyCost);
    const parts = [ec2.monthlyCost, ...(wb ? [wb.lineItemsMonthlyCost, services!] : [])];
    const groups = allocateCents(parts, total);
    shown = {
      instances: table(ec2.lineItems, groups[0]!),
      beside: table(besideItems, groups[1] ?? "0.00"),
      services: groups[2] ?? "0.00",
      total,
    };
  }
  ec2Cache.set(ec2, shown);
  return shown;
}

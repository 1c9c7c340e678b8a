"use client";

import { FieldGroup, NumberField } from "@/components/ui/fields";
import { useScenarioStore } from "@/lib/store";
import type { ServiceGroupProps } from "./props";

/** NAT gateways: how many, and the data they process. */
export function NatGateways({ services, problem, hint }: ServiceGroupProps) {
  const updateServices = useScenarioStore((st) => st.updateServices);
  const nat = services.natGateways ?? {};
  return (
    <FieldGroup title="NAT gateways" hint={hint("nat")} testId="services-nat">
      <NumberField
        label="NAT gateways"
        value={nat.count ?? 0}
        onChange={(v) => updateServices({ natGateways: { ...nat, count: v } })}
        error={problem("services.natGateways.count") ?? problem("services.natGateways")}
        testId="nat-count"
      />
      <NumberField
        label="Data processed (GiB / month)"
        value={nat.processedGiBPerMonth ?? 0}
        onChange={(v) => updateServices({ natGateways: { ...nat, processedGiBPerMonth: v } })}
        error={problem("services.natGateways.processedGiBPerMonth")}
        hint="Traffic from private subnets to the internet, ECR and S3 without VPC endpoints."
        testId="nat-gib"
      />
    </FieldGroup>
  );
}

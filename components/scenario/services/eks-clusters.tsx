"use client";

import { CheckField, FieldGroup, NumberField } from "@/components/ui/fields";
import { useScenarioStore } from "@/lib/store";
import type { ServiceGroupProps } from "./props";

/** EKS clusters: how many, and whether their Kubernetes version is in extended support. */
export function EksClusters({ services, problem, hint }: ServiceGroupProps) {
  const updateServices = useScenarioStore((st) => st.updateServices);
  const eks = services.eksClusters ?? {};
  return (
    <FieldGroup title="EKS clusters" hint={hint("eks")} testId="services-eks">
      <NumberField
        label="Clusters"
        value={eks.count ?? 0}
        onChange={(v) => updateServices({ eksClusters: { ...eks, count: v } })}
        error={problem("services.eksClusters.count") ?? problem("services.eksClusters")}
        testId="eks-count"
      />
      <CheckField
        label="Kubernetes version in extended support"
        checked={eks.extendedSupport ?? false}
        onChange={(v) => updateServices({ eksClusters: { ...eks, extendedSupport: v } })}
      />
    </FieldGroup>
  );
}

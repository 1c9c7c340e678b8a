"use client";

import { FieldGroup, NumberField } from "@/components/ui/fields";
import { useScenarioStore } from "@/lib/store";
import type { ServiceGroupProps } from "./props";

/** Container images stored in ECR. */
export function ContainerRegistry({ services, problem, hint }: ServiceGroupProps) {
  const updateServices = useScenarioStore((st) => st.updateServices);
  const ecr = services.containerRegistry ?? {};
  return (
    <FieldGroup title="Container images (ECR)" hint={hint("ecr")} testId="services-ecr">
      <NumberField
        label="Stored (GiB)"
        value={ecr.storedGiB ?? 0}
        onChange={(v) => updateServices({ containerRegistry: { storedGiB: v } })}
        error={problem("services.containerRegistry.storedGiB")}
        testId="ecr-gib"
      />
    </FieldGroup>
  );
}

"use client";

import { FieldGroup, NumberField } from "@/components/ui/fields";
import { useScenarioStore } from "@/lib/store";
import type { ServiceGroupProps } from "./props";

/** Data transfer out to the internet and between availability zones. */
export function DataTransfer({ services, problem, hint }: ServiceGroupProps) {
  const updateServices = useScenarioStore((st) => st.updateServices);
  const dt = services.dataTransfer ?? {};
  return (
    <FieldGroup title="Data transfer" testId="services-data-transfer">
      <NumberField
        label="Out to the internet (GiB / month)"
        value={dt.internetOutGiBPerMonth ?? 0}
        onChange={(v) => updateServices({ dataTransfer: { ...dt, internetOutGiBPerMonth: v } })}
        error={problem("services.dataTransfer.internetOutGiBPerMonth")}
        hint={hint("egress")}
        testId="egress-gib"
      />
      <NumberField
        label="Between availability zones (GiB / month)"
        value={dt.interAzGiBPerMonth ?? 0}
        onChange={(v) => updateServices({ dataTransfer: { ...dt, interAzGiBPerMonth: v } })}
        error={problem("services.dataTransfer.interAzGiBPerMonth")}
        hint={hint("interAz")}
        testId="inter-az-gib"
      />
    </FieldGroup>
  );
}

"use client";

import { CheckField, FieldGroup, NumberField, SelectField, TextField } from "@/components/ui/fields";
import { useScenarioStore } from "@/lib/store";
import type { DraftLoadBalancer } from "@/lib/scenario";
import { ItemList } from "./item-list";
import type { ServiceGroupProps } from "./props";

/** The load balancers in front of the service: each with its type, capacity units, zones and whether it faces the internet. */
export function LoadBalancers({ services, problem, hint }: ServiceGroupProps) {
  const updateServices = useScenarioStore((st) => st.updateServices);
  const lbs = services.loadBalancers ?? [];
  return (
    <FieldGroup title="Load balancers" hint={hint("loadBalancer")} testId="services-load-balancers">
      <ItemList<DraftLoadBalancer>
        items={lbs}
        onChange={(loadBalancers) => updateServices({ loadBalancers })}
        what="load balancer"
        testId={(i) => `lb-${i}`}
        addTestId="add-load-balancer"
        fresh={(n) => ({ name: n ? `lb-${n + 1}` : "web", type: "application", capacityUnits: 1, internetFacing: true, azs: 2 })}
        fields={(lb, i, setLb) => (
          <>
            <TextField
              label="Name"
              value={lb.name}
              onChange={(name) => setLb({ name })}
              error={problem(`services.loadBalancers.${i}.name`)}
              testId={`lb-name-${i}`}
            />
            <SelectField
              label="Type"
              value={lb.type}
              onChange={(v) => setLb({ type: v as DraftLoadBalancer["type"] })}
              error={problem(`services.loadBalancers.${i}.type`)}
              options={[
                { value: "application", label: "Application (ALB)" },
                { value: "network", label: "Network (NLB)" },
              ]}
              testId={`lb-type-${i}`}
            />
            <NumberField
              label={lb.type === "network" ? "Average NLCUs per hour" : "Average LCUs per hour"}
              value={lb.capacityUnits ?? 1}
              onChange={(v) => setLb({ capacityUnits: v })}
              error={problem(`services.loadBalancers.${i}.capacityUnits`)}
              hint="Capacity units: the largest of new connections, active connections, bytes and rule evaluations each hour."
              testId={`lb-lcu-${i}`}
            />
            <NumberField
              label="Availability zones"
              value={lb.azs ?? 2}
              onChange={(v) => setLb({ azs: v })}
              error={problem(`services.loadBalancers.${i}.azs`)}
              testId={`lb-azs-${i}`}
            />
            <CheckField
              label="Internet-facing (one public IPv4 per AZ)"
              checked={lb.internetFacing ?? true}
              onChange={(v) => setLb({ internetFacing: v })}
              testId={`lb-public-${i}`}
            />
          </>
        )}
      />
    </FieldGroup>
  );
}

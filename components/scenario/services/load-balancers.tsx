"use client";

import { buttonClass, CheckField, FieldGroup, NumberField, SelectField, TextField } from "@/components/ui/fields";
import { useScenarioStore } from "@/lib/store";
import type { DraftLoadBalancer } from "@/lib/scenario";
import type { ServiceGroupProps } from "./props";

/** The load balancers in front of the service: each with its type, capacity units, zones and whether it faces the internet. */
export function LoadBalancers({ services, problem, hint }: ServiceGroupProps) {
  const updateServices = useScenarioStore((st) => st.updateServices);
  const lbs = services.loadBalancers ?? [];
  const setLb = (i: number, patch: Partial<DraftLoadBalancer>) => updateServices({ loadBalancers: lbs.map((lb, j) => (j === i ? { ...lb, ...patch } : lb)) });
  return (
    <FieldGroup title="Load balancers" hint={hint("loadBalancer")} testId="services-load-balancers">
      {lbs.map((lb, i) => (
        <div key={i} className="grid grid-cols-1 gap-3 rounded-md bg-slate-50 p-2 sm:col-span-2 sm:grid-cols-2 dark:bg-slate-800/60" data-testid={`lb-${i}`}>
          <TextField
            label="Name"
            value={lb.name}
            onChange={(name) => setLb(i, { name })}
            error={problem(`services.loadBalancers.${i}.name`)}
            testId={`lb-name-${i}`}
          />
          <SelectField
            label="Type"
            value={lb.type}
            onChange={(v) => setLb(i, { type: v as DraftLoadBalancer["type"] })}
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
            onChange={(v) => setLb(i, { capacityUnits: v })}
            error={problem(`services.loadBalancers.${i}.capacityUnits`)}
            hint="Capacity units: the largest of new connections, active connections, bytes and rule evaluations each hour."
            testId={`lb-lcu-${i}`}
          />
          <NumberField
            label="Availability zones"
            value={lb.azs ?? 2}
            onChange={(v) => setLb(i, { azs: v })}
            error={problem(`services.loadBalancers.${i}.azs`)}
            testId={`lb-azs-${i}`}
          />
          <CheckField
            label="Internet-facing (one public IPv4 per AZ)"
            checked={lb.internetFacing ?? true}
            onChange={(v) => setLb(i, { internetFacing: v })}
            testId={`lb-public-${i}`}
          />
          <div className="flex items-end justify-end">
            <button
              type="button"
              className={buttonClass}
              onClick={() => updateServices({ loadBalancers: lbs.filter((_, j) => j !== i) })}
              aria-label={`Remove load balancer ${lb.name}`}
            >
              Remove
            </button>
          </div>
        </div>
      ))}
      <div className="sm:col-span-2">
        <button
          type="button"
          className={buttonClass}
          data-testid="add-load-balancer"
          onClick={() =>
            updateServices({
              loadBalancers: [
                ...lbs,
                { name: lbs.length ? `lb-${lbs.length + 1}` : "web", type: "application", capacityUnits: 1, internetFacing: true, azs: 2 },
              ],
            })
          }
        >
          + Add load balancer
        </button>
      </div>
    </FieldGroup>
  );
}

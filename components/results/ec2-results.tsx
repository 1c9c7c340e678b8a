import { Notes, Warnings } from "@/components/ui/warnings";
import { LineItemsTable } from "@/components/results/line-items";
import { shownEc2, shownFargate } from "@/lib/export";
import { formatUsd } from "@/lib/core";
import { describeFleet, plainNote, splitNotes } from "@/lib/results";
import type { Ec2Estimate, Ec2WholeBill, FargateEstimate } from "@/lib/pricing";

const fleetText = (instances: Ec2Estimate["instances"]) => instances.map((i) => `${i.count} × ${i.type}`).join(" + ");

/**
 * A cluster of instances: the self-managed ECS-on-EC2 cluster, or (prefix "mi") the same tasks on ECS Managed
 * Instances, with the fee table's caveat.
 */
export function Ec2Results({
  ec2,
  fargate,
  title = "Equivalent ECS-on-EC2 cluster",
  prefix = "ec2",
  caveat,
}: {
  ec2: Ec2Estimate & { wholeBill?: Ec2WholeBill };
  fargate: FargateEstimate;
  title?: string;
  prefix?: "ec2" | "mi";
  caveat?: string;
}) {
  const name = prefix === "mi" ? "ECS Managed Instances" : "EC2";
  const extra = ec2.wholeBill?.lineItems ?? [];
  const fleet = ec2.available && ec2.monthlyCost !== null ? describeFleet(ec2) : null;
  // Cents that add up: each table's rows to its total, the tables to the EC2 total (lib/export/shown.ts).
  // The services show the same cents as on the Fargate side (the same services).
  const shown = shownEc2(ec2, shownFargate(fargate).services.total);
  // How the cluster is built and billed is information; what is left out or estimated with a risk is a warning.
  const notes = splitNotes(caveat ? [...ec2.warnings, caveat] : ec2.warnings);
  return (
    <section
      aria-labelledby={`${prefix}-heading`}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900"
      data-testid={`${prefix}-results`}
    >
      <h3 id={`${prefix}-heading`} className="text-sm font-semibold">
        {title}
      </h3>
      {fleet && ec2.monthlyCost !== null ? (
        <>
          <p className="mt-1 text-sm" data-testid={`${prefix}-fleet`}>
            {fleet.summary}
          </p>
          <details className="mt-1 text-sm" data-testid={`${prefix}-break-even`}>
            <summary className="cursor-pointer text-slate-700 dark:text-slate-300">When is {name} cheaper?</summary>
            <p className="mt-1 text-slate-700 dark:text-slate-300">{fleet.detail}</p>
          </details>
          <div className="mt-3">
            <LineItemsTable caption={`${name} line items`} items={ec2.lineItems} total={ec2.monthlyCost} shown={shown?.instances} testId={`${prefix}-items`} />
          </div>
          {extra.length && ec2.wholeBill ? (
            <div className="mt-3">
              <LineItemsTable
                caption="Beside the instances (the services are the same as on Fargate)"
                items={extra}
                total={ec2.wholeBill.lineItemsMonthlyCost}
                shown={shown?.beside}
                testId={`${prefix}-extra-items`}
              />
            </div>
          ) : null}
          {ec2.alternatives.length ? (
            <div className="mt-3 overflow-x-auto">
              <table className="w-full text-sm">
                <caption className="pb-1 text-left font-medium">Next cheapest fleets</caption>
                <thead>
                  <tr className="text-left text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
                    <th scope="col" className="pr-2">
                      Fleet
                    </th>
                    <th scope="col" className="pr-2 text-right">
                      CPU / memory used
                    </th>
                    <th scope="col" className="text-right">
                      Monthly
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {ec2.alternatives.map((a) => (
                    <tr key={fleetText(a.instances)} className="border-t border-slate-100 dark:border-slate-800">
                      <th scope="row" className="pr-2 text-left font-normal">
                        {fleetText(a.instances)}
                      </th>
                      <td className="pr-2 text-right tabular-nums">
                        {a.utilization.cpuPercent}% / {a.utilization.memoryPercent}%
                      </td>
                      <td className="text-right tabular-nums">{formatUsd(a.monthlyCost)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      ) : null}
      <Notes items={notes.info.map(plainNote)} testId={`${prefix}-notes`} />
      <Warnings items={notes.warnings} testId={`${prefix}-warnings`} />
    </section>
  );
}

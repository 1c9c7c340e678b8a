import { LineItemsTable } from "@/components/results/line-items";
import { ResultNotes } from "@/components/ui/lazy-notes";
import { shownFargate } from "@/lib/export";
import type { ResultsView } from "@/lib/results";

/** The scenario's services (load balancers, NAT, data transfer, EFS, EKS, ECR) and what the estimate leaves out. */
export function ServicesResults({ view }: { view: ResultsView }) {
  const services = view.estimate.services;
  const whole = view.whole;
  return (
    <>
      {services.lineItems.length ? (
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900">
          <LineItemsTable
            testId="services-items"
            items={services.lineItems}
            total={services.monthlyCost}
            shown={shownFargate(view.estimate).services}
            caption={<span className="font-semibold">Networking and shared services</span>}
          />
        </div>
      ) : null}
      <ResultNotes messages={services.notes} />
      {whole ? (
        <aside
          className="rounded-md border border-slate-200 p-3 text-xs text-slate-700 dark:border-slate-700 dark:text-slate-300"
          data-testid="not-included"
          aria-labelledby="not-included-heading"
        >
          <h3 id="not-included-heading" className="font-semibold">
            Not included
          </h3>
          <ul className="mt-1 list-disc pl-5">
            {whole.notIncluded.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </aside>
      ) : null}
    </>
  );
}

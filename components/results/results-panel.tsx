"use client";

import dynamic from "next/dynamic";
import { type ComponentProps, memo, useCallback, useLayoutEffect, useState } from "react";
import { ChartsSettled } from "@/components/charts/chart-frame";
import { useTextEdit } from "@/components/ui/use-text-edit";
import { type ResultsView, sameChartProps, type SpotView } from "@/lib/results";
import { useColumnsStore } from "@/lib/store";

// Charts load after the page (recharts is the largest library here) and render from deferred values; a chart
// re-renders only when its data changed by value (recharts re-renders in uninterruptible store updates).
const chartPlaceholder = () => <div data-print="hide" className="h-80 rounded-lg border border-slate-200 dark:border-slate-700" aria-hidden="true" />;
const BreakdownChart = memo(
  dynamic(() => import("@/components/charts/breakdown-chart").then((m) => m.BreakdownChart), { ssr: false, loading: chartPlaceholder }),
  sameChartProps,
);
const DutyCycleChart = memo(
  dynamic(() => import("@/components/charts/duty-cycle-chart").then((m) => m.DutyCycleChart), { ssr: false, loading: chartPlaceholder }),
  sameChartProps,
);
const WholeBillChart = memo(
  dynamic(() => import("@/components/charts/whole-bill-chart").then((m) => m.WholeBillChart), { ssr: false, loading: chartPlaceholder }),
  sameChartProps,
);
// The EC2 cluster shows once the EC2 prices have loaded (after the page), and so does its code; the services (their
// prices load after the page too) and the price sources follow (first-load budget).
// Until the EC2 and Managed Instances estimates are back (the cluster worker) and until their code has loaded, each
// card has a stand-in in its place, and what sits below them waits (it would be pushed down when they arrive: issue 24
// item 7, a page that jumps under the reader). The loaded card says so as it is laid out (before the paint).
const clusterStandIn = (prefix: "mi" | "ec2" | "cluster", title: string, words = "pricing…") => (
  <section
    className="min-h-32 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900"
    aria-busy="true"
    data-testid={`${prefix}-results-pending`}
  >
    <h3 className="text-sm font-semibold">{title}</h3>
    <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{words}</p>
  </section>
);
const MI_TITLE = "The same tasks on ECS Managed Instances";
const EC2_TITLE = "Equivalent ECS-on-EC2 cluster";
type ClusterCardProps = ComponentProps<typeof import("@/components/results/ec2-results").Ec2Results> & { onShown: () => void };
// The cards' code is fetched as the calculator's code loads (below), not when the worker's answer comes.
const loadCards = () => import("@/components/results/ec2-results");
const Ec2Results = dynamic(
  () =>
    loadCards().then(({ Ec2Results: Card }) => {
      function ShownCard({ onShown, ...props }: ClusterCardProps) {
        useLayoutEffect(onShown, [onShown]);
        return <Card {...props} />;
      }
      return ShownCard;
    }),
  { ssr: false, loading: () => clusterStandIn("cluster", "The same tasks on a cluster", "loading…") },
);
const loadServices = () => import("@/components/results/services-results");
const ServicesResults = dynamic(() => loadServices().then((m) => m.ServicesResults), { ssr: false });
const loadCatalogInfo = () => import("@/components/results/catalog-info");
const CatalogInfo = dynamic(() => loadCatalogInfo().then((m) => m.CatalogInfo), { ssr: false });
// Line items render from the deferred view after the summary; their table code loads right after the page. One
// dynamic component for all the tables: one Suspense boundary whose retry (once the code has loaded) renders a few
// tables, not one boundary per table (React never expires Suspense retries: 500 of them in one interruptible render
// could be restarted forever on a busy machine, and the line items never showed).
const itemsPlaceholder = () => <div className="h-48 rounded-lg border border-slate-200 dark:border-slate-700" aria-hidden="true" />;
const loadLineItems = () => import("@/components/results/line-items");
const WorkloadTables = dynamic(() => loadLineItems().then((m) => m.WorkloadTables), { ssr: false, loading: itemsPlaceholder });
const SpotChart = memo(
  dynamic(() => import("@/components/charts/spot-chart").then((m) => m.SpotChart), { ssr: false, loading: chartPlaceholder }),
  sameChartProps,
);

// In the browser, the code of what the results column shows before the form is usable (line items, services, the
// cluster cards, the price sources) is fetched as soon as this module runs (as the calculator's code loads), not when
// the calculator's first render mounts them: at 4× CPU throttling their download then delayed the cards, and with
// them the form (issue 24 item 7).
if (typeof window !== "undefined") for (const load of [loadLineItems, loadServices, loadCards, loadCatalogInfo]) void load();

/** The duty-cycle points without the Managed Instances line (the column is hidden). */
const dropManagedInstances = (points: ResultsView["dutyCycle"]["points"]) =>
  points.map((p) => ({ dutyCyclePercent: p.dutyCyclePercent, fargate: p.fargate, ec2: p.ec2 }));

/** Line items, EC2 detail and charts: re-rendered from a deferred view so keystrokes update the totals first. */
const Details = memo(function Details({ view, spot, onSettled }: { view: ResultsView; spot: SpotView | null; onSettled?: () => void }) {
  const columns = useColumnsStore();
  // Whether a cluster card has been laid out (its code loaded): until then, and while either estimate is being priced,
  // the cards have stand-ins and nothing is drawn below them.
  const [cardShown, setCardShown] = useState(false);
  const onShown = useCallback(() => setCardShown(true), []);
  const miPricing = columns.managedInstances && view.totals.managedInstancesPricing === true;
  const ec2Pricing = columns.ec2 && view.totals.ec2Pricing === true;
  const cardToShow = Boolean((view.managedInstances && columns.managedInstances) || (view.ec2 && columns.ec2));
  const below = !miPricing && !ec2Pricing && (cardShown || !cardToShow);
  // Said once what sits below the cards is laid out (before the paint): the form turns usable only then, so a person's
  // first jump (a "Next steps" link) or keystroke does not happen above a column that is still growing.
  useLayoutEffect(() => {
    if (below) onSettled?.();
  }, [below, onSettled]);
  return (
    <>
      <WorkloadTables estimate={view.estimate} />
      <ServicesResults view={view} />
      {view.managedInstances && columns.managedInstances ? (
        <Ec2Results ec2={view.managedInstances} fargate={view.estimate} title={MI_TITLE} prefix="mi" caveat={view.managedInstances.caveat} onShown={onShown} />
      ) : miPricing ? (
        clusterStandIn("mi", MI_TITLE)
      ) : null}
      {view.ec2 && columns.ec2 ? <Ec2Results ec2={view.ec2} fargate={view.estimate} onShown={onShown} /> : ec2Pricing ? clusterStandIn("ec2", EC2_TITLE) : null}
      {below ? (
        <>
          {view.whole ? <WholeBillChart slices={view.whole.slices} /> : null}
          <BreakdownChart rows={view.breakdown} />
          {view.dutyCycle.points.length ? (
            <DutyCycleChart
              points={columns.managedInstances ? view.dutyCycle.points : dropManagedInstances(view.dutyCycle.points)}
              breakEvenPercent={view.dutyCycle.breakEvenPercent}
              note="Monthly compute cost (USD) of the scenario's tasks if they ran this share of the month (the services beside Fargate are not in these lines); EC2 per the cluster scaling setting; ECS Managed Instances (dashed) likewise, with its fee."
            />
          ) : null}
          {spot ? <SpotChart points={spot.points} eligible={spot.eligible} /> : null}
          <CatalogInfo catalog={view.estimate.catalog} extra={[...(view.ec2?.sources ?? []), ...(view.managedInstances?.sources ?? [])]} />
        </>
      ) : null}
    </>
  );
});

/**
 * Line items, the EC2 cluster and the charts. The headline figures sit in the summary above (components/results/summary.tsx).
 * While every workload has a problem there is nothing to itemise: the last itemised view stays, under a note that
 * says so (never "No tasks run", and the page does not shrink under the user's cursor).
 */
export function ResultsPanel({
  detailView,
  spot,
  excluded,
  onSettled,
}: {
  detailView: ResultsView;
  spot: SpotView | null;
  excluded: string[];
  /** Called once the details are laid out in full (or there are none to lay out): see Details. */
  onSettled?: () => void;
}) {
  const nothingPriced = excluded.length > 0 && detailView.estimate.workloads.length === 0;
  // The last view with something in it ("store information from previous renders").
  const [kept, setKept] = useState<{ view: ResultsView; spot: SpotView | null } | null>(null);
  // As the headline does (summary.tsx): not a view passed on the way while one field is being typed in.
  const edit = useTextEdit();
  const [seenEdit, setSeenEdit] = useState(edit);
  const boundary = edit !== seenEdit || edit.field === null || kept === null;
  if (edit !== seenEdit) setSeenEdit(edit);
  if (!nothingPriced && boundary && (kept?.view !== detailView || kept.spot !== spot)) setKept({ view: detailView, spot });
  const shown = nothingPriced && kept ? kept : { view: detailView, spot };
  const noDetails = nothingPriced && !kept;
  useLayoutEffect(() => {
    if (noDetails) onSettled?.();
  }, [noDetails, onSettled]);
  return (
    <section aria-labelledby="results-heading" className="space-y-4">
      <h2 id="results-heading" className="sr-only">
        Results
      </h2>
      {nothingPriced ? (
        <p
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
          data-testid="details-paused"
        >
          Out of date: {kept ? "the details below are from before the change. They" : "The line items, the EC2 cluster and the charts"} come back up to date
          once {excluded.join(", ")} {excluded.length === 1 ? "is" : "are"} fixed.
        </p>
      ) : null}
      {nothingPriced && !kept ? null : (
        <ChartsSettled.Provider value={Boolean(shown.view.ec2 && shown.view.managedInstances)}>
          <Details view={shown.view} spot={shown.spot} onSettled={onSettled} />
        </ChartsSettled.Provider>
      )}
    </section>
  );
}

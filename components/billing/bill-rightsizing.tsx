"use client";

import { DataTable } from "@/components/ui/data-table";
import { buttonClass } from "@/components/ui/fields";
import { Warnings } from "@/components/ui/warnings";
import { useApplyRecommendation } from "@/components/rightsizing/use-apply-recommendation";
import { absentRightsizing, savingWords, type Reconciliation, type SplitService } from "@/lib/billing";
import { formatUsd, plural } from "@/lib/core";
import { formatSize } from "@/lib/pricing";
import { applyRecommendation, matchingWorkload } from "@/lib/rightsizing";
import { useScenarioStore } from "@/lib/store";

const small = "block text-xs font-normal text-slate-600 dark:text-slate-400";
const use = (u: SplitService["actual"]["vcpu"]) => `${u.average} / ${u.p95} / ${u.max}`;
const nowrap = (text: string) => <span className="whitespace-nowrap">{text}</span>;

/** A phone's view of one service: the same figures as the table's row, stacked. */
function Card({ s, scenarioRegion }: { s: SplitService; scenarioRegion: string }) {
  const rec = s.recommendation;
  return (
    <li className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <p className="font-medium">{s.name}</p>
      <p className={small}>
        {s.region}, {s.platform.toUpperCase()}, {s.averageTasks ?? s.tasks} {plural(s.averageTasks ?? s.tasks, "task")} on average ({s.tasks} seen)
      </p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600 dark:text-slate-400">Reserved</dt>
        <dd>{formatSize(s.reserved)}</dd>
        <dt className="text-slate-600 dark:text-slate-400">vCPU used</dt>
        <dd className="tabular-nums">{use(s.actual.vcpu)}</dd>
        <dt className="text-slate-600 dark:text-slate-400">GiB used</dt>
        <dd className="tabular-nums">{use(s.actual.memoryGiB)}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Recommended</dt>
        <dd>{rec ? `${formatSize(rec.recommended)} (${rec.finding}; risk ${rec.performanceRisk ?? "–"})` : "–"}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Per month</dt>
        <dd className="tabular-nums">
          {s.priced ? `${formatUsd(s.priced.current)} → ${formatUsd(s.priced.recommended)}, ${savingWords(s.priced.saving, true)}` : "–"}
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">Unused / idle</dt>
        <dd className="tabular-nums">
          {formatUsd(s.cost.unusedCost)} / {formatUsd(s.cost.idleCost)}
        </dd>
      </dl>
      <div className="mt-2">
        <AddButton s={s} scenarioRegion={scenarioRegion} />
      </div>
    </li>
  );
}

/** "Add to scenario" for one service, as the right-sizing panel does it (the same store action, undo and scroll). */
function AddButton({ s, scenarioRegion }: { s: SplitService; scenarioRegion: string }) {
  const onApply = useApplyRecommendation(scenarioRegion);
  const workloads = useScenarioStore((st) => st.draft.workloads);
  const rec = s.recommendation;
  if (!rec || !s.priced) return <span className={small}>–</span>;
  const tasks = s.priced.tasks;
  const match = matchingWorkload(rec, workloads);
  const target = match >= 0 ? match : "beside";
  const applied = applyRecommendation(workloads, rec, tasks, target);
  return (
    <>
      <button
        type="button"
        className={`${buttonClass} whitespace-nowrap`}
        onClick={() => onApply(rec, tasks, target, s.priced!.region)}
        aria-label={
          target === "beside"
            ? `Add to scenario: ${s.name} at ${formatSize(rec.recommended)}, ${tasks} task${tasks === 1 ? "" : "s"}`
            : `Replace workload ${target + 1} with ${s.name} at ${formatSize(rec.recommended)}`
        }
      >
        {target === "beside" ? "Add to scenario" : "Replace in scenario"}
      </button>
      {applied.kind === "unchanged" ? (
        <span className="mt-1 block text-xs text-emerald-800 dark:text-emerald-300">✓ In the scenario as workload {applied.index + 1}</span>
      ) : null}
    </>
  );
}

/**
 * Right-sizing from the bill's split cost allocation data (lib/billing/split-rightsizing.ts): per service, reserved vs
 * actual use per task, the utilization upload's rule, the engine's prices before and after, the unused cost, and
 * "Add to scenario"; or, without the data, how to turn it on.
 */
export function BillRightsizing({ recon }: { recon: Reconciliation }) {
  const scenarioRegion = useScenarioStore((s) => s.draft.region) ?? "us-east-1";
  const r = recon.rightsizing ?? absentRightsizing(recon.bill.format);
  const problems = r.services.flatMap((s) => s.problems.map((p) => `${s.name}: ${p}`));
  return (
    <section aria-labelledby="bill-rightsizing-heading" className="mt-6" data-testid="bill-rightsizing">
      <h3 id="bill-rightsizing-heading" className="text-base font-semibold">
        Right-sizing from the bill
      </h3>
      <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="bill-rightsizing-message">
        {r.message}
      </p>
      {r.howToEnable ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400" data-testid="bill-rightsizing-how">
          {r.howToEnable}
        </p>
      ) : null}
      {r.services.length ? (
        <>
          <p className="mt-3 text-sm font-medium sm:hidden">
            Per task: reserved and actually used (average / p95 / max); recommended: the smallest valid Fargate size covering p{r.percentile} of use +{" "}
            {r.headroomPercent}% headroom
          </p>
          <ul className="mt-2 space-y-2 sm:hidden" data-testid="bill-rightsizing-cards">
            {r.services.map((s) => (
              <Card key={`${s.region}|${s.platform}|${s.name}`} s={s} scenarioRegion={scenarioRegion} />
            ))}
            {r.services.length > 1 ? (
              <li className="text-sm font-semibold">
                Total saving {formatUsd(r.totals.monthlySaving)} a month; unused {formatUsd(r.totals.unusedCost)}, idle {formatUsd(r.totals.idleCost)}
              </li>
            ) : null}
          </ul>
          <div className="hidden sm:block">
            <DataTable
              testId="bill-rightsizing-table"
              caption={`Per task: reserved and actually used (average / p95 / max); recommended: the smallest valid Fargate size covering p${r.percentile} of use + ${r.headroomPercent}% headroom`}
              head={["Service", "Reserved", "vCPU used", "GiB used", "Recommended", "Per month", "Saving", "Unused / idle", ""]}
              right={new Set([2, 3, 5, 6, 7])}
              rows={r.services.map((s) => ({
                key: `${s.region}|${s.platform}|${s.name}`,
                cells: [
                  <>
                    {s.name}
                    <span className={small}>
                      {s.region}, {s.platform.toUpperCase()}, {s.averageTasks ?? s.tasks} {plural(s.averageTasks ?? s.tasks, "task")} on average ({s.tasks}{" "}
                      seen)
                    </span>
                  </>,
                  nowrap(formatSize(s.reserved)),
                  use(s.actual.vcpu),
                  use(s.actual.memoryGiB),
                  s.recommendation ? (
                    <>
                      {nowrap(formatSize(s.recommendation.recommended))}
                      <span className={small}>
                        {s.recommendation.finding}; risk {s.recommendation.performanceRisk ?? "–"}
                      </span>
                    </>
                  ) : (
                    "–"
                  ),
                  s.priced ? `${formatUsd(s.priced.current)} → ${formatUsd(s.priced.recommended)}` : "–",
                  s.priced ? <span data-testid="bill-rightsizing-saving">{savingWords(s.priced.saving)}</span> : "–",
                  `${formatUsd(s.cost.unusedCost)} / ${formatUsd(s.cost.idleCost)}`,
                  <AddButton key="add" s={s} scenarioRegion={scenarioRegion} />,
                ],
              }))}
              foot={
                r.services.length > 1
                  ? [
                      "Total",
                      "",
                      "",
                      "",
                      "",
                      "",
                      savingWords(r.totals.monthlySaving),
                      `${formatUsd(r.totals.unusedCost)} / ${formatUsd(r.totals.idleCost)}`,
                      "",
                    ]
                  : undefined
              }
            />
          </div>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            Per month: the engine&apos;s on-demand price of one task always on, times the tasks the service ran on average over the bill&apos;s hours, in its
            own region; &ldquo;Add to scenario&rdquo; puts in that many tasks (at least 1), always on. Unused: the bill&apos;s split unused cost; idle: what the
            reserved but unused share of each task-hour cost.
          </p>
        </>
      ) : null}
      <Warnings items={problems} max={10} />
      {r.rows.unusable ? (
        <Warnings
          testId="bill-rightsizing-unusable"
          items={[
            `${r.rows.unusable.toLocaleString("en-US")} row${r.rows.unusable === 1 ? "" : "s"} could not be used for right-sizing (counted in the bill as it says): ${r.unusable.map((u) => `${u.reason} (${u.rows.toLocaleString("en-US")})`).join("; ")}.`,
            ...r.examples,
          ]}
        />
      ) : null}
      <Warnings items={r.notes} tone="info" />
    </section>
  );
}

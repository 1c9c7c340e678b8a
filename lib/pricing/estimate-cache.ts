import type { WorkloadSpec as Workload } from "./input";
import type { WorkloadEstimate } from "./types";

/**
 * Each workload's estimate, remembered by its (validated, never mutated) input object and what priced it: a keystroke
 * in the calculator changes one workload, and the editor keeps the others' parsed objects, so only that one is priced
 * again. Estimates are never mutated after pricing, so sharing one between two scenario estimates is safe.
 *
 * Remembered per call, not per workload: the last few calls' workload arrays with their estimates (held until a
 * few more calls have been made: a WeakRef would keep every array alive until the end of the task). A call is matched with the earlier call of the same context (region, catalogs)
 * whose workloads it shares, then the two lists are walked side by side: an object found at its place (or one place
 * on, after a removal) reuses its estimate, any other is priced. The lists an editor produces (one workload changed,
 * added or removed, or a few) are walked in one pass of identity comparisons; a call that shares nothing (the CLI,
 * the API, a scenario opened in place of another) prices every workload without a lookup per workload. A
 * per-workload WeakMap did the same for the calculator but cost a third of a cold 10,000-workload estimate.
 */
export interface PricingContext {
  region: object;
  catalog: object;
  extras: object | undefined;
  v2: boolean;
  regionCode: string;
}

interface Remembered {
  workloads: readonly Workload[];
  estimates: readonly WorkloadEstimate[];
  context: PricingContext;
}

/** How many earlier calls are remembered (the calculator's scenario, and a few others priced between keystrokes). */
const CALLS = 4;
const recent: Remembered[] = [];

const sameContext = (a: PricingContext, b: PricingContext) =>
  a.region === b.region && a.catalog === b.catalog && a.extras === b.extras && a.v2 === b.v2 && a.regionCode === b.regionCode;

/** How many of a few sampled places of `now` hold the same object as `before` at that place or one place off. */
function shared(now: readonly Workload[], before: readonly Workload[]): number {
  let hits = 0;
  const n = now.length;
  for (const k of [0, n >> 2, n >> 1, (3 * n) >> 2, n - 1]) {
    const w = now[k];
    if (w !== undefined && (before[k] === w || before[k + 1] === w || before[k - 1] === w)) hits++;
  }
  return hits;
}

/** The earlier call of the same context sharing the most workloads with this one, or undefined. */
function earlier(workloads: readonly Workload[], context: PricingContext): Remembered | undefined {
  let best: Remembered | undefined;
  let bestHits = 0;
  for (const r of recent) {
    if (!sameContext(r.context, context)) continue;
    if (r.workloads === workloads) return r;
    const hits = shared(workloads, r.workloads);
    if (hits > bestHits) {
      best = r;
      bestHits = hits;
    }
  }
  return best;
}

function remember(workloads: readonly Workload[], estimates: readonly WorkloadEstimate[], context: PricingContext): void {
  const at = recent.findIndex((r) => r.workloads === workloads && sameContext(r.context, context));
  if (at >= 0) recent.splice(at, 1);
  recent.unshift({ workloads, estimates, context });
  if (recent.length > CALLS) recent.length = CALLS;
}

/** The estimate of every workload: remembered ones (same object, same context) reused, the others priced. */
export function estimateWorkloads(workloads: readonly Workload[], context: PricingContext, price: (w: Workload) => WorkloadEstimate): WorkloadEstimate[] {
  const before = earlier(workloads, context);
  const out: WorkloadEstimate[] = new Array<WorkloadEstimate>(workloads.length);
  if (!before) {
    for (let i = 0; i < workloads.length; i++) out[i] = price(workloads[i]!);
  } else {
    const prev = before.workloads;
    const prevEstimates = before.estimates;
    // j: the place in the earlier list that lines up with workloads[i].
    let j = 0;
    for (let i = 0; i < workloads.length; i++) {
      const w = workloads[i]!;
      if (prev[j] === w) out[i] = prevEstimates[j++]!;
      else if (prev[j + 1] === w) {
        // The earlier list's workload j was removed.
        out[i] = prevEstimates[j + 1]!;
        j += 2;
      } else {
        out[i] = price(w);
        // New here: inserted before the earlier list's workload j (which comes next), or in its place.
        if (workloads[i + 1] !== prev[j]) j++;
      }
    }
  }
  remember(workloads, out, context);
  return out;
}

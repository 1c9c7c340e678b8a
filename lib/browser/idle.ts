/**
 * Runs `fn` when the browser is idle (requestIdleCallback), or after `timeoutMs` at the latest; where there is no
 * requestIdleCallback (Safari), after a short timer. Returns a function that cancels it.
 */
export function onIdle(fn: () => void, timeoutMs = 1000): () => void {
  const g = globalThis as typeof globalThis & {
    requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number;
    cancelIdleCallback?: (id: number) => void;
  };
  if (typeof g.requestIdleCallback === "function" && typeof g.cancelIdleCallback === "function") {
    const id = g.requestIdleCallback(fn, { timeout: timeoutMs });
    return () => g.cancelIdleCallback!(id);
  }
  const id = setTimeout(fn, 1);
  return () => clearTimeout(id);
}

/** Runs the steps one after another, each in its own idle period (so no one task holds them all). Cancellable. */
export function inIdleSteps(steps: (() => void)[], timeoutMs = 1000): () => void {
  let cancel = () => {};
  let stopped = false;
  const run = (i: number) => {
    if (stopped || i >= steps.length) return;
    cancel = onIdle(() => {
      if (stopped) return;
      steps[i]!();
      run(i + 1);
    }, timeoutMs);
  };
  run(0);
  return () => {
    stopped = true;
    cancel();
  };
}

type Clock = { now: () => number };

/**
 * Hands the latest of a changing value to `deliver` once it has stayed the same for `delayMs` and the browser is idle
 * (or `idleTimeoutMs` has passed waiting for that), but never later than `maxWaitMs` after the first change not yet
 * delivered: then on a plain timer, idle or not. So a value that keeps changing, on a machine that is never idle,
 * still arrives (a debounce alone waits forever for a pause that never comes).
 */
export function idleFollower<T>(
  deliver: (value: T) => void,
  { delayMs = 150, maxWaitMs = 1000, idleTimeoutMs = 500, clock = performance as Clock } = {},
): { set: (value: T) => void; settled: () => void; cancel: () => void } {
  let pendingSince: number | null = null;
  let cancel = () => {};
  const hand = (value: T) => {
    pendingSince = null;
    deliver(value);
  };
  return {
    set(value) {
      cancel();
      const now = clock.now();
      pendingSince ??= now;
      const left = pendingSince + maxWaitMs - now;
      if (left <= delayMs) {
        const timer = setTimeout(() => hand(value), Math.max(0, left));
        cancel = () => clearTimeout(timer);
        return;
      }
      let cancelIdle = () => {};
      const timer = setTimeout(() => (cancelIdle = onIdle(() => hand(value), Math.min(idleTimeoutMs, left - delayMs))), delayMs);
      cancel = () => {
        clearTimeout(timer);
        cancelIdle();
      };
    },
    /** The value shown is the latest: nothing pending. */
    settled() {
      cancel();
      cancel = () => {};
      pendingSince = null;
    },
    cancel: () => cancel(),
  };
}

/**
 * How many of `total` items to render now: all that were shown (`shown`), plus `step` more once the last step has
 * committed, so a long list renders in commits of bounded size that each progress, however busy the browser is.
 */
export function nextShownCount(shown: number, total: number, step: number): number {
  return Math.min(total, Math.max(shown, 0) + step);
}

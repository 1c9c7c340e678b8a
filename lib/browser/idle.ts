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

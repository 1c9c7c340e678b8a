import { afterEach, describe, expect, it, vi } from "vitest";
import { idleFollower, inIdleSteps, nextShownCount, onIdle } from "./idle";

describe("onIdle", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("uses requestIdleCallback with the timeout when the browser has it", () => {
    const calls: unknown[] = [];
    let pending: (() => void) | undefined;
    vi.stubGlobal("requestIdleCallback", (cb: () => void, opts: unknown) => ((pending = cb), calls.push(opts), 7));
    vi.stubGlobal("cancelIdleCallback", (id: number) => calls.push(`cancel ${id}`));
    const fn = vi.fn();
    const cancel = onIdle(fn, 500);
    expect(calls).toEqual([{ timeout: 500 }]);
    expect(fn).not.toHaveBeenCalled();
    pending!();
    expect(fn).toHaveBeenCalledTimes(1);
    cancel();
    expect(calls).toEqual([{ timeout: 500 }, "cancel 7"]);
  });

  it("falls back to a timer without requestIdleCallback, and can be cancelled", () => {
    vi.useFakeTimers();
    vi.stubGlobal("requestIdleCallback", undefined);
    const fn = vi.fn();
    onIdle(fn);
    const cancelled = vi.fn();
    onIdle(cancelled)();
    vi.runAllTimers();
    expect(fn).toHaveBeenCalledTimes(1);
    expect(cancelled).not.toHaveBeenCalled();
  });
});

describe("inIdleSteps", () => {
  it("runs each step in its own idle period, in order, and stops when cancelled", () => {
    vi.useFakeTimers();
    vi.stubGlobal("requestIdleCallback", undefined);
    const order: string[] = [];
    inIdleSteps([() => order.push("a"), () => order.push("b")]);
    vi.advanceTimersByTime(1);
    expect(order).toEqual(["a"]); // b waits for the next idle period
    vi.runAllTimers();
    expect(order).toEqual(["a", "b"]);
    const stop = inIdleSteps([() => order.push("c"), () => order.push("d")]);
    vi.advanceTimersByTime(1);
    stop();
    vi.runAllTimers();
    expect(order).toEqual(["a", "b", "c"]);
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
});

/** A browser that is never idle: requestIdleCallback runs its callback only when its timeout expires (or never). */
function neverIdle() {
  vi.useFakeTimers();
  vi.stubGlobal("requestIdleCallback", (cb: () => void, opts?: { timeout: number }) => (opts ? setTimeout(cb, opts.timeout) : -1));
  vi.stubGlobal("cancelIdleCallback", (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
  return { now: () => Date.now() }; // fake timers move Date.now too
}

describe("idleFollower (issue 18 item 2: deferred work still finishes on a machine that is never idle)", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("delivers a value that stays put after delayMs plus the idle timeout at most, though no idle period comes", () => {
    const clock = neverIdle();
    const got: string[] = [];
    const f = idleFollower<string>((v) => got.push(v), { delayMs: 150, maxWaitMs: 1000, idleTimeoutMs: 500, clock });
    f.set("a");
    vi.advanceTimersByTime(649); // 150 ms of quiet, then 499 ms of waiting for an idle period
    expect(got).toEqual([]);
    vi.advanceTimersByTime(1); // 150 + 500 = 650 ms: the idle callback's timeout
    expect(got).toEqual(["a"]);
  });

  it("delivers the latest of a value that changes every 100 ms, 1,000 ms after the first change at the latest", () => {
    const clock = neverIdle();
    const got: number[] = [];
    const f = idleFollower<number>((v) => got.push(v), { delayMs: 150, maxWaitMs: 1000, idleTimeoutMs: 500, clock });
    // A plain debounce (150 ms of quiet) never fires here: the value never stays put for 150 ms.
    for (let i = 0; i <= 9; i++) {
      f.set(i); // at 0, 100, ..., 900 ms
      vi.advanceTimersByTime(100);
    }
    // At 1,000 ms: the 900 ms value (set with 100 ms left of the 1,000, under delayMs) went out on a plain timer.
    expect(got).toEqual([9]);
    f.settled();
    // Then it starts over: the next change waits its own delay, again at most 1,000 ms.
    for (let i = 10; i <= 30; i++) {
      f.set(i); // at 1,000 ... 3,000 ms
      vi.advanceTimersByTime(100);
    }
    expect(got).toEqual([9, 19, 29]);
  });

  it("cancel and settled drop what is pending", () => {
    const clock = neverIdle();
    const got: string[] = [];
    const f = idleFollower<string>((v) => got.push(v), { clock });
    f.set("a");
    f.cancel();
    f.set("b");
    f.settled();
    vi.advanceTimersByTime(5000);
    expect(got).toEqual([]);
  });
});

describe("nextShownCount", () => {
  it("grows by a step up to the total, never shrinking what is shown", () => {
    expect(nextShownCount(20, 500, 20)).toBe(40);
    expect(nextShownCount(490, 500, 20)).toBe(500);
    expect(nextShownCount(500, 500, 20)).toBe(500);
    expect(nextShownCount(40, 30, 20)).toBe(30); // the list got shorter: all of it
    // 500 tables at 20 a commit: 20 at first, then 24 more commits.
    let shown = 20;
    let commits = 0;
    while (shown < 500) {
      shown = nextShownCount(shown, 500, 20);
      commits += 1;
    }
    expect(commits).toBe(24);
  });
});

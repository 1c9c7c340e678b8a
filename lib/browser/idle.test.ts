import { afterEach, describe, expect, it, vi } from "vitest";
import { inIdleSteps, onIdle } from "./idle";

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

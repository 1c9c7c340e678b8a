import { afterEach, describe, expect, it, vi } from "vitest";
import { watchNearViewport } from "./near-viewport";

describe("watchNearViewport", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("observes with the margin above and below, reports the latest entry, and disconnects", () => {
    const seen: { margin?: string; observed?: unknown; disconnected: boolean; cb?: (e: { isIntersecting: boolean }[]) => void } = { disconnected: false };
    vi.stubGlobal(
      "IntersectionObserver",
      class {
        constructor(cb: (e: { isIntersecting: boolean }[]) => void, opts: { rootMargin: string }) {
          seen.cb = cb;
          seen.margin = opts.rootMargin;
        }
        observe(el: unknown) {
          seen.observed = el;
        }
        disconnect() {
          seen.disconnected = true;
        }
      },
    );
    const el = {} as Element;
    const changes: boolean[] = [];
    const stop = watchNearViewport(el, (near) => changes.push(near), 800);
    expect(seen.margin).toBe("800px 0px");
    expect(seen.observed).toBe(el);
    seen.cb!([{ isIntersecting: false }]);
    seen.cb!([{ isIntersecting: false }, { isIntersecting: true }]);
    expect(changes).toEqual([false, true]);
    stop();
    expect(seen.disconnected).toBe(true);
  });

  it("reports near at once where there is no IntersectionObserver", () => {
    vi.stubGlobal("IntersectionObserver", undefined);
    const changes: boolean[] = [];
    watchNearViewport({} as Element, (near) => changes.push(near), 800)();
    expect(changes).toEqual([true]);
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { billReader } from "./bill-client";
import { budgetMessage, readBudgetMs } from "./budget";

/** A bill worker that never answers: a decoder caught in a loop. */
class SilentWorker {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  postMessage() {}
  terminate() {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe("bill reader time budget (issue 19 item 3)", () => {
  it("terminates a worker that outlasts its budget and says so in one sentence", async () => {
    vi.useFakeTimers();
    const workers: SilentWorker[] = [];
    const reader = billReader(() => {
      const w = new SilentWorker();
      workers.push(w);
      return w as unknown as Worker;
    });
    const file = new File([new Uint8Array(2_000_000)], "loop.parquet");
    const reading = reader.run({ file });
    // 60 s + 4 s per MB: 2 MB -> 68 s.
    expect(readBudgetMs(file.size)).toBe(68_000);
    await vi.advanceTimersByTimeAsync(67_999);
    expect(workers[0]!.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(workers[0]!.terminated).toBe(true);
    await expect(reading).resolves.toEqual({ ok: false, error: { message: budgetMessage("loop.parquet", 68_000) } });
    expect(budgetMessage("loop.parquet", 68_000)).toBe(
      "loop.parquet took longer than 68 s to read (the limit for its size), so reading it was stopped; the file may be damaged.",
    );
  });

  it("a worker that answers in time is not stopped by the budget", async () => {
    vi.useFakeTimers();
    let worker: SilentWorker | null = null;
    const reader = billReader(() => (worker = new SilentWorker()) as unknown as Worker);
    const reading = reader.run({ file: new File(["x"], "ok.csv") });
    worker!.onmessage?.({ data: { id: 1, result: { ok: true, value: "done" } } } as MessageEvent);
    await expect(reading).resolves.toEqual({ ok: true, value: "done" });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(vi.getTimerCount()).toBe(0);
  });
});

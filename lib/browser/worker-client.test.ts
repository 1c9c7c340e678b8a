import { describe, expect, it, vi } from "vitest";
import { workerClient, type WorkerReply } from "./worker-client";

/** A Worker stand-in: records what is posted and lets the test reply, fail or check termination. */
class FakeWorker {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  posted: Record<string, unknown>[] = [];
  terminated = false;
  postMessage(m: Record<string, unknown>) {
    if (this.terminated) throw new Error("posted to a terminated worker");
    this.posted.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  reply<R, P>(m: WorkerReply<R, P>) {
    this.onmessage?.({ data: m } as MessageEvent);
  }
  crash() {
    this.onerror?.({} as ErrorEvent);
  }
}

type Req = { text: string };

function setup(options: { stopWhenIdle?: boolean; fallback?: (r: Req, onProgress: (p: number) => void) => Promise<string> } = {}) {
  const workers: FakeWorker[] = [];
  const client = workerClient<Req, string, number>({
    start: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    failed: (r) => `failed: ${r.text}`,
    ...options,
  });
  return { client, workers };
}

describe("workerClient", () => {
  it("numbers each request, posts it with the caller's fields and resolves each with the reply of its own id", async () => {
    const { client, workers } = setup();
    const a = client.run({ text: "a" });
    const b = client.run({ text: "b" });
    expect(workers).toHaveLength(1); // one worker serves both
    const w = workers[0]!;
    expect(w.posted).toEqual([
      { text: "a", id: 1 },
      { text: "b", id: 2 },
    ]);
    // Replies out of order: matched by id, not by arrival.
    w.reply({ id: 2, result: "B" });
    w.reply({ id: 1, result: "A" });
    await expect(a).resolves.toBe("A");
    await expect(b).resolves.toBe("B");
    // A reply for no pending request (already answered, or unknown) is ignored.
    w.reply({ id: 1, result: "again" });
    w.reply({ id: 99, result: "stray" });
    expect(w.terminated).toBe(false);
  });

  it("forwards progress to the request's own listener until its result arrives", async () => {
    const { client, workers } = setup();
    const seenA: number[] = [];
    const seenB: number[] = [];
    const a = client.run({ text: "a" }, (p) => seenA.push(p));
    const b = client.run({ text: "b" }, (p) => seenB.push(p));
    const w = workers[0]!;
    w.reply({ id: 1, progress: 0.25 });
    w.reply({ id: 2, progress: 0.5 });
    w.reply({ id: 1, progress: 1 });
    w.reply({ id: 1, result: "A" });
    w.reply({ id: 1, progress: 0.75 }); // after the result: dropped
    await expect(a).resolves.toBe("A");
    expect(seenA).toEqual([0.25, 1]);
    expect(seenB).toEqual([0.5]);
    w.reply({ id: 2, result: "B" });
    await expect(b).resolves.toBe("B");
  });

  it("a falsy result (null, empty string) is a result, not progress", async () => {
    const w = new FakeWorker();
    const client = workerClient<Req, string | null>({ start: () => w as unknown as Worker, failed: () => "failed" });
    const a = client.run({ text: "a" });
    const b = client.run({ text: "b" });
    w.reply({ id: 1, result: null });
    w.reply({ id: 2, result: "" });
    await expect(a).resolves.toBeNull();
    await expect(b).resolves.toBe("");
  });

  it("when the worker fails, every pending request resolves as failed, the worker is terminated and the next request starts a new one", async () => {
    const { client, workers } = setup();
    const a = client.run({ text: "a" });
    const b = client.run({ text: "b" });
    workers[0]!.crash();
    await expect(a).resolves.toBe("failed: a");
    await expect(b).resolves.toBe("failed: b");
    expect(workers[0]!.terminated).toBe(true);
    const c = client.run({ text: "c" });
    expect(workers).toHaveLength(2);
    // Ids keep counting: a late reply of the old worker can never be taken for the new request.
    expect(workers[1]!.posted).toEqual([{ text: "c", id: 3 }]);
    workers[1]!.reply({ id: 3, result: "C" });
    await expect(c).resolves.toBe("C");
  });

  it("terminate() stops the worker now and resolves what is pending as failed", async () => {
    const { client, workers } = setup();
    const a = client.run({ text: "a" });
    client.terminate();
    await expect(a).resolves.toBe("failed: a");
    expect(workers[0]!.terminated).toBe(true);
    client.terminate(); // twice: nothing left to stop
  });

  it("stopWhenIdle: the worker is terminated once its last pending request is answered, and started again for the next", async () => {
    const { client, workers } = setup({ stopWhenIdle: true });
    const a = client.run({ text: "a" });
    const b = client.run({ text: "b" });
    workers[0]!.reply({ id: 1, result: "A" });
    await expect(a).resolves.toBe("A");
    expect(workers[0]!.terminated).toBe(false); // b is still pending
    workers[0]!.reply({ id: 2, result: "B" });
    await expect(b).resolves.toBe("B");
    expect(workers[0]!.terminated).toBe(true);
    const c = client.run({ text: "c" });
    expect(workers).toHaveLength(2);
    workers[1]!.reply({ id: 3, result: "C" });
    await expect(c).resolves.toBe("C");
  });

  it("where no worker can start, runs the fallback in the page (with progress), and tries a worker again next time", async () => {
    let starts = 0;
    const fallback = vi.fn(async (r: Req, onProgress: (p: number) => void) => {
      onProgress(1);
      return `page: ${r.text}`;
    });
    const client = workerClient<Req, string, number>({
      start: () => {
        starts++;
        return new Worker("never.js"); // node has no Worker: a ReferenceError, as in a browser without workers
      },
      failed: () => "failed",
      fallback,
    });
    const seen: number[] = [];
    await expect(client.run({ text: "a" }, (p) => seen.push(p))).resolves.toBe("page: a");
    await expect(client.run({ text: "b" })).resolves.toBe("page: b");
    expect(seen).toEqual([1]);
    expect(fallback).toHaveBeenCalledTimes(2);
    expect(starts).toBe(2);
  });

  it("where no worker can start and there is no fallback, resolves as failed", async () => {
    const client = workerClient<Req, string>({
      start: () => {
        throw new Error("blocked by the content security policy");
      },
      failed: (r) => `failed: ${r.text}`,
    });
    await expect(client.run({ text: "a" })).resolves.toBe("failed: a");
  });

  it("a message the worker cannot take (postMessage throws) rejects that request and leaves nothing pending", async () => {
    const { client, workers } = setup();
    const a = client.run({ text: "a" });
    const w = workers[0]!;
    const post = w.postMessage.bind(w);
    w.postMessage = () => {
      throw new DOMException("could not be cloned", "DataCloneError");
    };
    await expect(client.run({ text: "b" })).rejects.toThrow("could not be cloned");
    w.postMessage = post;
    // Only a is left to fail.
    w.crash();
    await expect(a).resolves.toBe("failed: a");
  });
});

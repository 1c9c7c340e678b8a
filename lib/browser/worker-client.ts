/**
 * What a worker posts back for the request numbered `id`: progress any number of times, then the result once.
 * Requests arrive as the caller's message with the `id` added.
 */
export type WorkerReply<R, P = never> = { id: number; progress: P; result?: undefined } | { id: number; result: R; progress?: undefined };

export interface WorkerClientOptions<Q extends object, R, P> {
  /**
   * Starts the worker. Written at the call site as `() => new Worker(new URL("./x.worker.ts", import.meta.url))`, the
   * form bundlers recognise. Where it throws (no Worker in this environment), the request runs in `fallback`.
   */
  start: () => Worker;
  /** What a request resolves to when the worker stops unexpectedly (or when it cannot start and there is no fallback). */
  failed: (request: Q) => R;
  /** Runs a request in the page where workers are unavailable. */
  fallback?: (request: Q, onProgress: (p: P) => void) => Promise<R>;
  /** Terminate the worker as soon as no request is pending (a large file's reader gives its memory back), instead of keeping it for the next. */
  stopWhenIdle?: boolean;
}

export interface WorkerClient<Q extends object, R, P = never> {
  /** Runs one request in the worker (started on first use, and again after it stopped); never rejects unless posting the message throws. */
  run(request: Q, onProgress?: (p: P) => void): Promise<R>;
  /** Stops the worker now: requests still pending resolve as failed. */
  terminate(): void;
  /** Starts the worker now, ahead of its first request (it loads its code meanwhile); nothing where workers are unavailable. */
  start?(): void;
}

interface Pending<R, P> {
  resolve: (r: R) => void;
  onProgress: (p: P) => void;
  failed: () => R;
}

const ignore = () => {};

/**
 * One Web Worker serving numbered requests: replies are matched to their request by id, progress is forwarded, and when
 * the worker fails every pending request resolves to `failed` and the next request starts a fresh worker.
 */
export function workerClient<Q extends object, R, P = never>(options: WorkerClientOptions<Q, R, P>): WorkerClient<Q, R, P> {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, Pending<R, P>>();

  const stop = () => {
    worker?.terminate();
    worker = null;
    const left = [...pending.values()];
    pending.clear();
    for (const p of left) p.resolve(p.failed());
  };

  const startWorker = (): Worker | null => {
    try {
      const w = options.start();
      w.onmessage = (e: MessageEvent<WorkerReply<R, P>>) => {
        const p = pending.get(e.data.id);
        if (!p) return;
        if (e.data.result !== undefined) {
          pending.delete(e.data.id);
          p.resolve(e.data.result);
          if (options.stopWhenIdle && pending.size === 0 && worker === w) stop();
        } else p.onProgress(e.data.progress as P);
      };
      w.onerror = () => {
        if (worker === w) stop();
      };
      return w;
    } catch {
      return null;
    }
  };

  return {
    async run(request, onProgress = ignore) {
      worker ??= startWorker();
      if (!worker) return options.fallback ? options.fallback(request, onProgress) : options.failed(request);
      const id = ++nextId;
      const w = worker;
      return new Promise<R>((resolve) => {
        pending.set(id, { resolve, onProgress, failed: () => options.failed(request) });
        try {
          w.postMessage({ ...request, id });
        } catch (e) {
          pending.delete(id);
          throw e;
        }
      });
    },
    terminate: stop,
    start() {
      worker ??= startWorker();
    },
  };
}

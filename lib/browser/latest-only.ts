/**
 * Wraps an asynchronous job so that only the latest request is answered: requests are numbered; one runs at a time;
 * a request made while one runs waits, replacing any other still waiting (that one is never run); and a request's
 * promise resolves to undefined when a newer request was made before its answer came (the answer is dropped). For work
 * that follows a person's typing: only the figures of what is on screen now are wanted.
 */
export function latestOnly<Q, R>(run: (request: Q) => Promise<R>): (request: Q) => Promise<R | undefined> {
  let latest = 0;
  let busy = false;
  let waiting: { seq: number; request: Q; resolve: (r: R | undefined) => void } | null = null;

  const start = (seq: number, request: Q, resolve: (r: R | undefined) => void) => {
    busy = true;
    const done = (r: R | undefined) => {
      busy = false;
      resolve(seq === latest ? r : undefined);
      const next = waiting;
      waiting = null;
      if (next) start(next.seq, next.request, next.resolve);
    };
    run(request).then(done, () => done(undefined));
  };

  return (request) =>
    new Promise<R | undefined>((resolve) => {
      const seq = ++latest;
      if (!busy) return start(seq, request, resolve);
      waiting?.resolve(undefined);
      waiting = { seq, request, resolve };
    });
}

"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/** How long the form waits for the first EC2 and Managed Instances figures at most (a worker that never answers). */
const MAX_WAIT_MS = 8000;

/**
 * The form turns usable (`onReady`) once the first load is done (`onLoaded`, the returned callback, called by the
 * persistence hook) and the scenario it opened is priced on every side (`priced`: its EC2 and Managed Instances
 * figures came back from the cluster worker, or there is nothing to price), or MAX_WAIT_MS after the load at the
 * latest. Figures that arrive under a person already typing change the summary's height (the comparison sentence and
 * the "what each side includes" line come with them): issue 24 item 7.
 */
export function useReadyWhenPriced(onReady: (() => void) | undefined, priced: boolean): () => void {
  const [loaded, setLoaded] = useState(false);
  const [waitedEnough, setWaitedEnough] = useState(false);
  const onLoaded = useCallback(() => setLoaded(true), []);
  useEffect(() => {
    if (!loaded) return;
    const t = setTimeout(() => setWaitedEnough(true), MAX_WAIT_MS);
    return () => clearTimeout(t);
  }, [loaded]);
  const said = useRef(false);
  useEffect(() => {
    if (said.current || !loaded || !(priced || waitedEnough)) return;
    said.current = true;
    onReady?.();
  }, [loaded, priced, waitedEnough, onReady]);
  return onLoaded;
}

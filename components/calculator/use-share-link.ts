"use client";

import { useCallback, useEffect } from "react";
import type { useScenarioPersistence } from "@/components/saved/use-scenario-persistence";
import { inIdleSteps, replaceHash } from "@/lib/browser";
import { type Draft, type DraftEvaluation, encodeScenario, SHARE_PARAM } from "@/lib/scenario";

type Persistence = Pick<ReturnType<typeof useScenarioPersistence>, "loaded" | "lastLink" | "save"> &
  Partial<Pick<ReturnType<typeof useScenarioPersistence>, "held">>;

/**
 * The share link: it exists for a complete scenario, and is encoded when needed (on idle, or on copy), not per
 * keystroke. Keeps the address bar and the saved entry in step with the scenario (after the first load, so they never
 * clobber a link): once typing pauses, the draft is saved; the link follows in idle steps (encoding, the address bar,
 * the entry again with its link); at the end of the first load too (`firstLoadDone`), for the scenario it left on screen
 * (a first visit's default: it once waited for the whole-bill prices to arrive after the load). `copyLink` puts the
 * link on the clipboard and says so through `setStatus`.
 */
export function useShareLink(
  draft: Draft,
  evaluation: DraftEvaluation,
  { loaded, lastLink, save, held }: Persistence,
  setStatus: (s: string) => void,
  /** The first load is done: the scenario on screen then (one it did not replace, a first visit's) is saved too. */
  firstLoadDone = false,
) {
  const shareable = evaluation.complete && evaluation.priced !== null;

  useEffect(() => {
    if (!loaded.current) return;
    // The default a broken link left on screen: neither saved nor linked until the person changes it (the address bar
    // keeps the link the notice talks about).
    if (held?.current && held.current === draft) return;
    const priced = shareable ? evaluation.priced : null;
    let link: string | null = null;
    let cancelSteps = () => {};
    const t = window.setTimeout(() => {
      // The draft is saved as soon as typing pauses (the work of a person is never left waiting for idle time);
      // the share link follows in idle steps, and the entry is saved again with it.
      save(draft);
      cancelSteps = inIdleSteps([
        () => {
          link = priced ? encodeScenario(priced) : null;
        },
        () => {
          if (link && link !== lastLink.current) {
            lastLink.current = link;
            replaceHash(`#${SHARE_PARAM}=${link}`);
          }
        },
        // The saved entry with its link (its own code handles storage that is full or disabled).
        () => save(draft),
      ]);
    }, 150);
    return () => {
      window.clearTimeout(t);
      cancelSteps();
    };
  }, [draft, evaluation, shareable, loaded, lastLink, save, held, firstLoadDone]);

  const copyLink = useCallback(async () => {
    if (!shareable || !evaluation.priced) return;
    const link = encodeScenario(evaluation.priced);
    const url = `${window.location.origin}${window.location.pathname}#${SHARE_PARAM}=${link}`;
    try {
      await navigator.clipboard.writeText(url);
      setStatus("Share link copied to the clipboard.");
    } catch {
      window.prompt("Copy this share link:", url);
      setStatus("Share link shown for copying.");
    }
  }, [shareable, evaluation, setStatus]);

  return { shareable, copyLink };
}

"use client";

import { useEffect, useRef, useState } from "react";
import { billReader, type Reconciliation } from "@/lib/billing";

/**
 * Reads bill files in a Web Worker (lib/billing/bill-client): the file being read and the share read so far, and the
 * last failure. A reconciliation goes to onRead; a failure keeps the last good bill (the caller's) on screen.
 */
export function useBillReader(onRead: (recon: Reconciliation) => void) {
  const [progress, setProgress] = useState<{ name: string; share: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reader = useRef<ReturnType<typeof billReader> | null>(null);

  useEffect(
    () => () => {
      const r = reader.current;
      reader.current = null;
      r?.terminate();
    },
    [],
  );

  const read = async (file: File) => {
    const client = (reader.current ??= billReader());
    setError(null);
    setProgress({ name: file.name, share: 0 });
    const result = await client.run({ file }, (share) => setProgress({ name: file.name, share }));
    // Unmounted meanwhile: nothing to show.
    if (reader.current !== client) return;
    setProgress(null);
    if (result.ok) onRead(result.value);
    else setError(result.error.message);
  };

  return { progress, error, read };
}

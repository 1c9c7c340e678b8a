"use client";

import { useState } from "react";
import type { FileProgress, RightsizingRecommendation, UtilizationOptions } from "@/lib/rightsizing";

const MAX_BYTES = 5_000_000;

export interface LoadedRecommendations {
  /** Changes with every load, so per-row edits (task counts, targets) start over. */
  id: number;
  source: string;
  recommendations: RightsizingRecommendation[];
  warnings: string[];
}

export type UtilizationNumbers = { vcpu: number | string; memoryGiB: number | string; percentile: number | string; headroom: number | string };

let loads = 0;

/**
 * Where recommendations come from: Compute Optimizer through the server route, its export CSV, or a utilization CSV.
 * Files are read and parsed in a Web Worker with progress; a failure leaves the last good list on screen.
 */
export function useRightsizingSource(region: string, onArrived: () => void = () => {}) {
  const [loaded, setLoaded] = useState<LoadedRecommendations | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<(FileProgress & { name: string }) | null>(null);

  const show = (source: string, recommendations: RightsizingRecommendation[], warnings: string[]) => {
    setError(null);
    setLoaded({ id: ++loads, source, recommendations, warnings });
    onArrived();
  };
  const fail = (message: string) => {
    // A failure changes nothing else: the last good list stays on screen.
    setError(message);
    onArrived();
  };

  const parseFile = async (file: File, job: { kind: "export" } | { kind: "utilization"; options: UtilizationOptions }) => {
    if (file.size > MAX_BYTES) return fail(`${file.name}: the file is larger than 5 MB.`);
    const { parseInBackground } = await import("@/lib/rightsizing/parse-client");
    setProgress({ stage: "reading", loaded: 0, total: file.size, name: file.name });
    try {
      const r = await parseInBackground({ ...job, file, name: file.name }, (p) => setProgress({ ...p, name: file.name }));
      if (!r.ok) return fail(r.error.message);
      show(file.name, r.value.recommendations, r.value.warnings);
    } finally {
      setProgress(null);
    }
  };

  const fromExport = (file: File) => parseFile(file, { kind: "export" });

  const fromUtilization = (file: File, n: UtilizationNumbers) => {
    const numbers = { "Current vCPU": n.vcpu, "Current memory (GiB)": n.memoryGiB, Percentile: n.percentile, "Headroom (%)": n.headroom };
    const notNumbers = Object.entries(numbers)
      .filter(([, v]) => typeof v !== "number")
      .map(([k]) => k);
    if (notNumbers.length) return fail(`${notNumbers.join(", ")}: enter a number before uploading.`);
    return parseFile(file, {
      kind: "utilization",
      options: {
        current: { vcpu: Number(n.vcpu), memoryGiB: Number(n.memoryGiB) },
        percentile: Number(n.percentile),
        headroomPercent: Number(n.headroom),
        defaultServiceName: file.name.replace(/\.csv$/i, ""),
      },
    });
  };

  const fetchLive = async () => {
    setBusy(true);
    try {
      const res = await fetch("/api/rightsizing", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ region }) });
      const body = await res.json().catch(() => null);
      if (!res.ok) return fail(body?.error?.message ?? `The server answered ${res.status}.`);
      show(
        `Compute Optimizer (${region})`,
        body.recommendations,
        (body.serviceErrors ?? []).map((e: { identifier: string; message: string }) => `${e.identifier}: ${e.message}`),
      );
    } catch {
      fail("Could not reach the server. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  };

  return { loaded, error, busy, progress, fromExport, fromUtilization, fetchLive };
}

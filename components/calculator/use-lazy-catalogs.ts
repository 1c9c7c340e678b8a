"use client";

import { useEffect, useState } from "react";
import type { ExtrasCatalog } from "@/lib/catalog";

/** A module's export, imported after the page (so the first paint stays small); null until it has loaded. `load` is
 * a module-level function (it never changes). */
function useAfterPage<T>(load: () => Promise<T>): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    load().then((v) => live && setValue(() => v));
    return () => {
      live = false;
    };
  }, [load]);
  return value;
}

const loadExtras = () => import("@/lib/catalog/extras").then((m) => m.extrasCatalog);

/**
 * The price catalog that loads after the page: the whole-bill prices (public IPv4, load balancers, NAT, logs, data
 * transfer, EFS, EKS, ECR). Null while loading. The EC2 prices (instance types x regions) are the cluster worker's
 * (lib/results clustersInBackground): the page itself never loads them, unless workers are unavailable.
 */
export function useLazyCatalogs(): { extrasCatalog: ExtrasCatalog | null } {
  return { extrasCatalog: useAfterPage(loadExtras) };
}

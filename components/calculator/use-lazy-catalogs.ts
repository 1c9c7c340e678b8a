"use client";

import { useEffect, useState } from "react";
import type { Ec2Catalog, ExtrasCatalog } from "@/lib/catalog";

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

const loadEc2 = () => import("@/lib/catalog/ec2").then((m) => m.ec2Catalog);
const loadExtras = () => import("@/lib/catalog/extras").then((m) => m.extrasCatalog);

/**
 * The price catalogs that load after the page: EC2 (instance types x regions) and the whole-bill prices (public IPv4,
 * load balancers, NAT, logs, data transfer, EFS, EKS, ECR). Null while loading.
 */
export function useLazyCatalogs(): { ec2Catalog: Ec2Catalog | null; extrasCatalog: ExtrasCatalog | null } {
  return { ec2Catalog: useAfterPage(loadEc2), extrasCatalog: useAfterPage(loadExtras) };
}

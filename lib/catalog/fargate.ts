import fargateJson from "./data/fargate.json";
import { FargateCatalog } from "./schema";

/** The embedded Fargate price snapshot, validated once at load. */
export const fargateCatalog: FargateCatalog = FargateCatalog.parse(fargateJson);

export function catalogRegions(catalog: FargateCatalog = fargateCatalog) {
  return Object.entries(catalog.regions).map(([code, r]) => ({ code, name: r.name, group: r.group }));
}

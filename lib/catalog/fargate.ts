import fargateJson from "./data/fargate.json";
import { embeddedCatalog } from "./embedded";
import { FargateCatalog } from "./schema";

/** The embedded Fargate price snapshot, validated once at load (by the build, in the bundled CLI). */
export const fargateCatalog: FargateCatalog = embeddedCatalog(FargateCatalog, fargateJson);

export function catalogRegions(catalog: FargateCatalog = fargateCatalog) {
  return Object.entries(catalog.regions).map(([code, r]) => ({ code, name: r.name, group: r.group }));
}

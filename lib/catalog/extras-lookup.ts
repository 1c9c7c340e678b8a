import type { ExtrasCatalog, ExtrasRegion } from "./extras-schema";

/** The region's extras prices, looked up as an own property only (the region code is user input). */
export function extrasRegion(catalog: ExtrasCatalog, region: string): ExtrasRegion | undefined {
  return Object.hasOwn(catalog.regions, region) ? catalog.regions[region] : undefined;
}

/** Regions that have a price for an item, for refusals that say where it is available. */
export function regionsWith(catalog: ExtrasCatalog, has: (r: ExtrasRegion) => boolean): string[] {
  return Object.entries(catalog.regions)
    .filter(([, r]) => has(r))
    .map(([code]) => code);
}

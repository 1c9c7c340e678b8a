/** lib/catalog's public entry: what other folders may import from it. */
export { Ec2Catalog } from "./ec2-schema";
export type { Ec2Architecture, Ec2Region, InstancePriceRow, InstanceSpecRow } from "./ec2-schema";
export { serializeEc2Catalog } from "./ec2-serialize";
export { extrasRegion, regionsWith } from "./extras-lookup";
export { ExtrasCatalog } from "./extras-schema";
export type { ExtrasItem, ExtrasRegion } from "./extras-schema";
export { FargateCatalog, SAVINGS_PLAN_TERMS } from "./schema";
export type { ComputeRates, DerivedRates, FargateRegion, Rate, SavingsPlanTerm } from "./schema";

/**
 * Pure mappers for the AWS Price List API (GetProducts): PriceList JSON strings -> validated items ->
 * our catalog's per-region Fargate rates (decimal strings + SKU) and EC2 on-demand instance prices, and the merges of
 * those into the embedded snapshots (lib/catalog/data/fargate.json, ec2.json).
 * No SDK import; no costs computed here (rates only). One file per concept, re-exported here: price-list.ts (items and
 * on-demand rates), fargate-price-map.ts (Fargate rates and their merge), ec2-price-map.ts (EC2 prices and their
 * merge), lib/catalog/ec2-serialize.ts (the ec2.json layout, shared with scripts/build-ec2-catalog.ts).
 */
export * from "./price-list";
export * from "./fargate-price-map";
export * from "./ec2-price-map";

import "./zod";
import { z } from "zod";
import { DecimalString, Provenance, Rate } from "./schema";

/**
 * The "whole bill" price snapshot: what a Fargate service pays beside the Fargate meter (public IPv4, load
 * balancers, NAT gateways, CloudWatch Logs, data transfer, EFS, the EKS cluster fee, ECR storage).
 * Every block is optional per region: the feeds do not all cover the same regions (inter-AZ: 5, ELB/ECR/egress:
 * 35, EFS One Zone: 24), and an item without a price in a region is refused, never guessed.
 * Each block names its provenance key (a feed and its publication date).
 */
export const EXTRAS_ITEMS = [
  "public-ipv4",
  "nat-gateway",
  "load-balancer",
  "cloudwatch-logs",
  "efs",
  "eks",
  "ecr",
  "internet-egress",
  "inter-az",
  "ecs-managed-instances",
] as const;
export type ExtrasItem = (typeof EXTRAS_ITEMS)[number];

/** One internet-egress tier: the rate for GB above the previous tier's `upToGB`, up to this one (null: no limit). */
const EgressTier = z.object({ upToGB: z.number().int().positive().nullable(), perGB: Rate });

export const ExtrasRegion = z.object({
  name: z.string().min(1),
  publicIpv4: z.object({ inUseHour: Rate, idleHour: Rate }).optional(),
  natGateway: z.object({ hour: Rate, gbProcessed: Rate }).optional(),
  loadBalancer: z.object({ albHour: Rate, albLcuHour: Rate, nlbHour: Rate, nlbNlcuHour: Rate }).optional(),
  logs: z.object({ standardIngestionGB: Rate, storageGBMonth: Rate }).optional(),
  efs: z
    .object({
      standardGBMonth: Rate,
      /** Standard-IA with Elastic Throughput (the mode whose read/write charges are priced here). */
      standardIaGBMonth: Rate,
      archiveGBMonth: Rate,
      /** One Zone classes: 24 of 36 regions. */
      oneZoneGBMonth: Rate.optional(),
      oneZoneIaGBMonth: Rate.optional(),
      iaReadGB: Rate,
      iaWriteGB: Rate,
      archiveReadGB: Rate,
      archiveWriteGB: Rate,
      elasticReadGB: Rate,
      elasticWriteGB: Rate,
    })
    .optional(),
  eks: z.object({ clusterHour: Rate, extendedSupportSurchargeHour: Rate }).optional(),
  ecr: z.object({ storageGBMonth: Rate }).optional(),
  internetEgress: z.object({ tiers: z.array(EgressTier).min(1) }).optional(),
  interAz: z.object({ gbEachSide: Rate }).optional(),
  /**
   * ECS Managed Instances management fee per instance-hour, by EC2 instance type: [USD as published, Price List SKU].
   * A twin type (two AWS rows with the same price) names both SKUs, "A/B".
   * Only types the EC2 snapshot prices in this region (the fee is charged on top of the instance). The instance type
   * of each row is INFERRED (see ExtrasCatalog.ecsManagedInstances.caveat); absent: no fee in our data here.
   */
  ecsManagedInstances: z
    .object({
      fees: z.record(z.string(), z.tuple([DecimalString, z.string().min(1)])),
      /**
       * Set only by `npm run pricing:refresh`: the fee types whose SKU the Price List API (AmazonECS) returned with that
       * instance type (confirmed, or corrected to AWS's type), and the day. Absent: every type here is inferred.
       */
      confirmed: z.object({ on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), types: z.array(z.string().min(1)) }).optional(),
    })
    .optional(),
});
export type ExtrasRegion = z.infer<typeof ExtrasRegion>;

export const ExtrasCatalog = z.object({
  schemaVersion: z.literal(1),
  generatedFrom: z.string(),
  /** One provenance per item (key = the item), each with its feed's publication date. */
  provenance: z.record(z.enum(EXTRAS_ITEMS), Provenance),
  regions: z.record(z.string(), ExtrasRegion),
  /** What the ECS Managed Instances fee table is and is not (shown with every estimate that uses it). */
  ecsManagedInstances: z
    .object({
      /** The inferred-type caveat, in words for users. */
      caveat: z.string().min(1),
      /** How each type's label was inferred: "A" (verified in every region), "B" (in most), "A-twin" (one of two identical rows). */
      labelTiers: z.record(z.string(), z.enum(["A", "B", "A-twin"])),
      /** Fee rows of AWS's map whose type could not be inferred (not priced). */
      unlabeledRows: z.number().int().nonnegative(),
      /** Billing rules and what AWS does not publish, as assumptions. */
      billing: z.string().min(1),
    })
    .optional(),
});
export type ExtrasCatalog = z.infer<typeof ExtrasCatalog>;

// Lookups live in ./extras-lookup (no zod), so the browser's first load does not carry this schema.
export { extrasRegion, regionsWith } from "./extras-lookup";

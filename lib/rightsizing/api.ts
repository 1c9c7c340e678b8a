/**
 * The contract of /api/rightsizing and /api/rightsizing/projected-metrics: request schemas (zod, shared by the
 * route and the browser) and response shapes. Pure: importable from client components.
 */
import { z } from "zod";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { FINDINGS, type RightsizingRecommendation, type SkippedService } from "./types";

export const MAX_BODY_BYTES = 64 * 1024;
/** Compute Optimizer takes one account ID per request, so each is its own paginated call. */
export const MAX_ACCOUNT_IDS = 20;
export const MAX_SERVICE_ARNS = 100;

const knownRegion = z
  .string({ error: "region is required" })
  .trim()
  .refine((r) => Object.hasOwn(fargateCatalog.regions, r), { message: "region must be a known AWS region code such as us-east-1" });

const SERVICE_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:service\/[A-Za-z0-9_/-]{1,512}$/;

export const RightsizingRequest = z.strictObject(
  {
    region: knownRegion,
    accountIds: z
      .array(
        z
          .string()
          .trim()
          .regex(/^\d{12}$/, "each account ID is 12 digits"),
        { error: "accountIds must be a list of 12-digit account IDs" },
      )
      .max(MAX_ACCOUNT_IDS, `at most ${MAX_ACCOUNT_IDS} account IDs`)
      .default([]),
    findings: z
      .array(z.enum(FINDINGS, { error: `each finding is one of ${FINDINGS.join(", ")}` }), { error: "findings must be a list" })
      .max(FINDINGS.length)
      .default([]),
    serviceArns: z
      .array(z.string().trim().regex(SERVICE_ARN, "each service ARN looks like arn:aws:ecs:us-east-1:123456789012:service/cluster/name"), {
        error: "serviceArns must be a list of ECS service ARNs",
      })
      .max(MAX_SERVICE_ARNS, `at most ${MAX_SERVICE_ARNS} service ARNs`)
      .default([]),
  },
  {
    error: (iss) =>
      iss.code === "unrecognized_keys" ? `unknown field${iss.keys.length > 1 ? "s" : ""}: ${iss.keys.join(", ")}` : "the request must be a JSON object",
  },
);
export type RightsizingRequest = z.infer<typeof RightsizingRequest>;
export type RightsizingRequestInput = z.input<typeof RightsizingRequest>;

const DAY_MS = 86_400_000;
export const ProjectedMetricsRequest = z
  .strictObject(
    {
      region: knownRegion,
      serviceArn: z.string({ error: "serviceArn is required" }).trim().regex(SERVICE_ARN, "serviceArn must be an ECS service ARN"),
      /** ISO dates; default: the last 14 days. */
      startTime: z.iso.datetime({ offset: true, error: "startTime must be an ISO date-time" }).optional(),
      endTime: z.iso.datetime({ offset: true, error: "endTime must be an ISO date-time" }).optional(),
      /** Seconds per point; default one day. */
      period: z.number().int().min(60).max(86_400).default(86_400),
      stat: z.enum(["Maximum", "Average"]).default("Maximum"),
    },
    {
      error: (iss) =>
        iss.code === "unrecognized_keys" ? `unknown field${iss.keys.length > 1 ? "s" : ""}: ${iss.keys.join(", ")}` : "the request must be a JSON object",
    },
  )
  .transform((r, ctx) => {
    const end = r.endTime ? new Date(r.endTime) : new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
    const start = r.startTime ? new Date(r.startTime) : new Date(end.getTime() - 14 * DAY_MS);
    if (start >= end) ctx.addIssue({ code: "custom", path: ["startTime"], message: "startTime must be before endTime" });
    return { ...r, startTime: start, endTime: end };
  });
export type ProjectedMetricsRequest = z.infer<typeof ProjectedMetricsRequest>;

export interface RecommendationError {
  /** The service ARN (or other identifier) the error is about. */
  identifier: string | null;
  code: string | null;
  message: string;
}

export interface RightsizingResponse {
  region: string;
  recommendations: RightsizingRecommendation[];
  /** Recommendations we could not map (e.g. no current size). */
  skipped: SkippedService[];
  /** Per-service errors Compute Optimizer returned alongside the results. */
  serviceErrors: RecommendationError[];
  fetchedAt: string;
}

export interface ProjectedMetricsResponse {
  region: string;
  serviceArn: string;
  options: {
    recommended: { vcpu: number; memoryGiB: number };
    series: { name: "Cpu" | "Memory"; points: { timestamp: string; lower: number | null; upper: number | null }[] }[];
  }[];
}

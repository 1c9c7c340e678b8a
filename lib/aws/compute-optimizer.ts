import "server-only";
import {
  ComputeOptimizerClient,
  GetECSServiceRecommendationProjectedMetricsCommand,
  GetECSServiceRecommendationsCommand,
  type ECSServiceRecommendation,
  type ECSServiceRecommendationFilter,
  type GetRecommendationError,
} from "@aws-sdk/client-compute-optimizer";
import type { Finding, ProjectedMetricsResponse, RightsizingResponse } from "@/lib/rightsizing";
import { mapEcsServiceRecommendations, mapProjectedMetrics, mapRecommendationErrors } from "./compute-optimizer-map";
import { AWS_CALL_TIMEOUT_MS, withDeadline } from "./deadline";
import { fail, ok } from "@/lib/core";
import { classifyAwsError, noRecommendationsError, type AwsResult } from "./errors";

/**
 * Compute Optimizer adapter (ECS services on Fargate). Credentials: the SDK's default chain on the server
 * (env, shared config/SSO, container or instance role). Returns mapped data or a classified error; never throws.
 */

const SERVICE = "Compute Optimizer";
/** Safety stop for the nextToken loop (100 pages is far more than any account has). */
export const MAX_PAGES = 100;

const clients = new Map<string, ComputeOptimizerClient>();

/** One client per region, reused across requests (keeps connections warm). */
export function computeOptimizerClient(region: string): ComputeOptimizerClient {
  let client = clients.get(region);
  if (!client) {
    client = new ComputeOptimizerClient({
      region,
      maxAttempts: 3,
      retryMode: "adaptive",
      requestHandler: { connectionTimeout: 3_000, requestTimeout: 10_000 },
    });
    clients.set(region, client);
  }
  return client;
}

export interface EcsRecommendationQuery {
  region: string;
  accountIds?: string[];
  findings?: Finding[];
  serviceArns?: string[];
}

export interface CallOptions {
  client?: ComputeOptimizerClient;
  /** Whole-call deadline (all pages). Default 15 s. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Clock for `fetchedAt` (tests). */
  now?: () => Date;
}

export async function getEcsServiceRecommendations(query: EcsRecommendationQuery, options: CallOptions = {}): Promise<AwsResult<RightsizingResponse>> {
  const client = options.client ?? computeOptimizerClient(query.region);
  const filters: ECSServiceRecommendationFilter[] = query.findings?.length ? [{ name: "Finding", values: [...query.findings] }] : [];
  try {
    const { items, errors } = await withDeadline(
      async (signal) => {
        const items: ECSServiceRecommendation[] = [];
        const errors: GetRecommendationError[] = [];
        // The API takes one account ID per request: one paginated loop per account.
        const accounts: (string | undefined)[] = query.accountIds?.length ? [...new Set(query.accountIds)] : [undefined];
        for (const accountId of accounts) {
          const seen = new Set<string>();
          let nextToken: string | undefined;
          for (let page = 0; page < MAX_PAGES; page++) {
            const out = await client.send(
              new GetECSServiceRecommendationsCommand({
                ...(query.serviceArns?.length ? { serviceArns: query.serviceArns } : {}),
                ...(accountId ? { accountIds: [accountId] } : {}),
                ...(filters.length ? { filters } : {}),
                ...(nextToken ? { nextToken } : {}),
              }),
              { abortSignal: signal },
            );
            items.push(...(out.ecsServiceRecommendations ?? []));
            errors.push(...(out.errors ?? []));
            nextToken = out.nextToken || undefined;
            if (!nextToken || seen.has(nextToken)) break;
            seen.add(nextToken);
          }
        }
        return { items, errors };
      },
      options.timeoutMs ?? AWS_CALL_TIMEOUT_MS,
      options.signal,
    );
    const mapped = mapEcsServiceRecommendations(items);
    const serviceErrors = mapRecommendationErrors(errors);
    if (mapped.recommendations.length === 0 && mapped.skipped.length === 0) {
      const filtered = !!(query.findings?.length || query.serviceArns?.length || query.accountIds?.length);
      const error = noRecommendationsError(filtered, query.region);
      const first = serviceErrors[0];
      if (first) error.message += ` Compute Optimizer says: ${first.message}${serviceErrors.length > 1 ? ` (and ${serviceErrors.length - 1} more)` : ""}`;
      return fail(error);
    }
    return ok({ region: query.region, ...mapped, serviceErrors, fetchedAt: (options.now?.() ?? new Date()).toISOString() });
  } catch (e) {
    return fail(classifyAwsError(e, { service: SERVICE, region: query.region }));
  }
}

export interface ProjectedMetricsQuery {
  region: string;
  serviceArn: string;
  startTime: Date;
  endTime: Date;
  /** Seconds per point. */
  period: number;
  stat: "Maximum" | "Average";
}

export async function getEcsServiceProjectedMetrics(query: ProjectedMetricsQuery, options: CallOptions = {}): Promise<AwsResult<ProjectedMetricsResponse>> {
  const client = options.client ?? computeOptimizerClient(query.region);
  try {
    const out = await withDeadline(
      (signal) =>
        client.send(
          new GetECSServiceRecommendationProjectedMetricsCommand({
            serviceArn: query.serviceArn,
            stat: query.stat,
            period: query.period,
            startTime: query.startTime,
            endTime: query.endTime,
          }),
          { abortSignal: signal },
        ),
      options.timeoutMs ?? AWS_CALL_TIMEOUT_MS,
      options.signal,
    );
    return ok(mapProjectedMetrics(out, query.region, query.serviceArn));
  } catch (e) {
    return fail(classifyAwsError(e, { service: SERVICE, region: query.region }));
  }
}

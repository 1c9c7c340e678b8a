import "server-only";
import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  type GetQueryResultsCommandOutput,
} from "@aws-sdk/client-athena";
import { fail, ok } from "@/lib/core";
import { withDeadline } from "./deadline";
import { classifyAwsError, type AwsErrorInfo, type AwsResult } from "./errors";

/**
 * Athena adapter: runs one SQL query (the reconciliation over the CUR 2.0 table, lib/billing/athena-sql.ts) and returns
 * its rows as text, as Athena gives them. StartQueryExecution, then GetQueryExecution until the query ends, then
 * GetQueryResults page by page. Credentials: the SDK's default chain (env, shared config/SSO, container or instance
 * role). Returns the rows or a classified error (one sentence); never throws.
 */

const SERVICE = "Athena";
/** Safety stop for the NextToken loop: 1,000 rows a page, a million rows; the reconciliation's answer is a few hundred. */
export const MAX_RESULT_PAGES = 1_000;
/** The whole run (queue, scan, results): Athena's own DML timeout is 30 minutes by default. */
export const ATHENA_TIMEOUT_MS = 30 * 60_000;

export interface AthenaTarget {
  sql: string;
  /** Default database of the query (the table's database). */
  database: string;
  /** s3://bucket/prefix/ for the results; optional when the workgroup enforces its own. */
  outputLocation?: string;
  workGroup?: string;
  /** AWS region of the Athena workgroup; default: the SDK's (AWS_REGION or the profile's). */
  region?: string;
}

export interface AthenaOptions {
  client?: AthenaClient;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Waits between GetQueryExecution polls (tests pass a no-op). */
  sleep?: (ms: number) => Promise<void>;
}

export type AthenaRows = Record<string, string | null>[];

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function athenaClient(region?: string): AthenaClient {
  return new AthenaClient({
    ...(region ? { region } : {}),
    maxAttempts: 3,
    retryMode: "adaptive",
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 30_000 },
  });
}

const queryError = (message: string, code: AwsErrorInfo["code"] = "AWS_ERROR", status = 502): AwsErrorInfo => ({ code, status, message });

/** Runs the query; the rows keyed by column name (NULL cells as null). */
export async function runAthenaQuery(target: AthenaTarget, options: AthenaOptions = {}): Promise<AwsResult<AthenaRows>> {
  const client = options.client ?? athenaClient(target.region);
  const sleep = options.sleep ?? wait;
  let id: string | undefined;
  try {
    return await withDeadline(
      async (signal) => {
        const started = await client.send(
          new StartQueryExecutionCommand({
            QueryString: target.sql,
            QueryExecutionContext: { Database: target.database },
            ...(target.outputLocation ? { ResultConfiguration: { OutputLocation: target.outputLocation } } : {}),
            ...(target.workGroup ? { WorkGroup: target.workGroup } : {}),
          }),
          { abortSignal: signal },
        );
        id = started.QueryExecutionId;
        if (!id) return fail(queryError("Athena started no query (no QueryExecutionId in its answer): try again.", "INVALID_RESPONSE"));
        // Poll: 0.5 s, then up to 5 s between checks.
        for (let pause = 500; ; pause = Math.min(pause * 2, 5_000)) {
          const run = await client.send(new GetQueryExecutionCommand({ QueryExecutionId: id }), { abortSignal: signal });
          const status = run.QueryExecution?.Status;
          const state = status?.State;
          if (state === "SUCCEEDED") break;
          if (state === "FAILED" || state === "CANCELLED") {
            const reason = (status?.StateChangeReason ?? status?.AthenaError?.ErrorMessage ?? "").replace(/\s+/g, " ").trim().slice(0, 300);
            return fail(
              queryError(
                `The Athena query ${state === "FAILED" ? "failed" : "was cancelled"}${reason ? `: ${reason.replace(/\.$/, "")}` : ""}. Check the table name, --output and the workgroup.`,
                "INVALID_PARAMETER",
                400,
              ),
            );
          }
          await sleep(pause);
        }
        const rows: AthenaRows = [];
        let names: string[] | undefined;
        let token: string | undefined;
        const seen = new Set<string>();
        for (let page = 0; page < MAX_RESULT_PAGES; page++) {
          const out: GetQueryResultsCommandOutput = await client.send(
            new GetQueryResultsCommand({ QueryExecutionId: id, MaxResults: 1000, ...(token ? { NextToken: token } : {}) }),
            { abortSignal: signal },
          );
          const data = out.ResultSet?.Rows ?? [];
          let first = 0;
          if (!names) {
            names = (out.ResultSet?.ResultSetMetadata?.ColumnInfo ?? []).map((c) => c.Name ?? c.Label ?? "");
            // A SELECT's first page starts with the header row (the column labels).
            const head = data[0]?.Data?.map((d) => d.VarCharValue ?? "");
            if (head && names.length && head.every((h, i) => h === names![i])) first = 1;
          }
          for (const row of data.slice(first)) {
            const cells = row.Data ?? [];
            const record: Record<string, string | null> = Object.create(null) as Record<string, string | null>;
            names.forEach((n, i) => (record[n] = cells[i]?.VarCharValue ?? null));
            rows.push(record);
          }
          token = out.NextToken || undefined;
          if (!token || seen.has(token)) break;
          seen.add(token);
        }
        return ok(rows);
      },
      options.timeoutMs ?? ATHENA_TIMEOUT_MS,
      options.signal,
    );
  } catch (e) {
    const info = classifyAwsError(e, { service: SERVICE, ...(target.region ? { region: target.region } : {}) });
    if (info.code === "ACCESS_DENIED") {
      info.message =
        "The AWS identity may not run this Athena query: allow athena:StartQueryExecution, athena:GetQueryExecution, athena:GetQueryResults, glue:GetTable on the CUR table, s3:GetObject on its data and s3:PutObject on --output.";
    } else if ((info.code === "INVALID_PARAMETER" || info.awsName === "InvalidRequestException") && (e as { message?: unknown }).message) {
      // Athena says what is wrong (no such table, a bad output location, a workgroup that does not exist): pass it on.
      Object.assign(info, { code: "INVALID_PARAMETER", status: 400 });
      info.message = `Athena refused the query: ${String((e as { message: unknown }).message)
        .replace(/\s+/g, " ")
        .slice(0, 300)
        .replace(/\.$/, "")}.`;
    } else if (/region is missing/i.test(String((e as { message?: unknown }).message ?? ""))) {
      Object.assign(info, { code: "INVALID_PARAMETER", status: 400 });
      info.message = "No AWS region is set: set AWS_REGION (or the profile's region) to the region of the Athena workgroup and the CUR table.";
    }
    // A query still running after the deadline is stopped (best effort), so it does not scan on.
    if (id && info.code === "TIMEOUT") await client.send(new StopQueryExecutionCommand({ QueryExecutionId: id })).catch(() => undefined);
    return fail(info);
  }
}

import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  InvalidRequestException,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  type GetQueryExecutionCommandOutput,
  type GetQueryResultsCommandOutput,
} from "@aws-sdk/client-athena";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it, vi } from "vitest";
import failed from "./__fixtures__/athena/get-query-execution-failed.json";
import running from "./__fixtures__/athena/get-query-execution-running.json";
import succeeded from "./__fixtures__/athena/get-query-execution-succeeded.json";
import page1 from "./__fixtures__/athena/get-query-results-page1.json";
import page2 from "./__fixtures__/athena/get-query-results-page2.json";
import started from "./__fixtures__/athena/start-query-execution.json";

vi.mock("server-only", () => ({}));
const { runAthenaQuery } = await import("./athena");

const athena = mockClient(AthenaClient);
const client = new AthenaClient({ region: "us-east-1", credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" } });
const noWait = async () => undefined;
/** The SDK returns Date objects where the JSON has ISO strings. */
const execution = (json: typeof running | typeof succeeded | typeof failed): GetQueryExecutionCommandOutput => {
  const out = structuredClone(json) as unknown as GetQueryExecutionCommandOutput & { QueryExecution: { Status: Record<string, unknown> } };
  const s = out.QueryExecution.Status;
  for (const k of ["SubmissionDateTime", "CompletionDateTime"]) if (typeof s[k] === "string") s[k] = new Date(s[k] as string);
  return { ...out, $metadata: {} };
};
const results = (json: typeof page1 | typeof page2) => structuredClone(json) as unknown as GetQueryResultsCommandOutput;
const target = { sql: "SELECT 1", database: "billing", outputLocation: "s3://example-athena-results/fargate/" };

beforeEach(() => athena.reset());

describe("runAthenaQuery", () => {
  it("starts the query, polls until it succeeds, reads both result pages (skipping the header row)", async () => {
    athena.on(StartQueryExecutionCommand).resolves(started);
    athena.on(GetQueryExecutionCommand).resolvesOnce(execution(running)).resolvesOnce(execution(running)).resolves(execution(succeeded));
    athena.on(GetQueryResultsCommand).resolvesOnce(results(page1)).resolves(results(page2));
    const sleeps: number[] = [];
    const r = await runAthenaQuery({ ...target, workGroup: "primary" }, { client, sleep: async (ms) => void sleeps.push(ms) });
    expect(athena.commandCalls(StartQueryExecutionCommand)[0]!.args[0].input).toEqual({
      QueryString: "SELECT 1",
      QueryExecutionContext: { Database: "billing" },
      ResultConfiguration: { OutputLocation: "s3://example-athena-results/fargate/" },
      WorkGroup: "primary",
    });
    // Two RUNNING answers: waits of 0.5 s then 1 s before the third check.
    expect(sleeps).toEqual([500, 1000]);
    const pages = athena.commandCalls(GetQueryResultsCommand).map((c) => c.args[0].input);
    expect(pages).toEqual([
      { QueryExecutionId: started.QueryExecutionId, MaxResults: 1000 },
      { QueryExecutionId: started.QueryExecutionId, MaxResults: 1000, NextToken: page1.NextToken },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // Page 1: header + 9 rows, page 2: 10 rows (the sums, then the period's: its billing period and usage hours).
    expect(r.value).toHaveLength(19);
    expect(r.value[0]).toMatchObject({
      section: "account-wide",
      region: "ap-northeast-1",
      product: "AmazonEC2",
      usage_type: "NatGateway-Hours",
      cost: "0.310000000000",
    });
    // A NULL cell ({} without VarCharValue) is null.
    expect(r.value[0]!.cluster).toBeNull();
    expect(r.value.find((x) => x.section === "total")).toMatchObject({ list_cost: "0.148110000000", cost: "0.148110000000" });
    // The period's rows (BIGINT seconds since 1970): 2026-09-01 00:00 = 1,788,220,800 s; + 30 days x 86,400 = 1,790,812,800;
    // the usage rows' one hour ends at 1,788,220,800 + 3,600 = 1,788,224,400.
    expect(r.value.find((x) => x.section === "billing period")).toMatchObject({
      quantity: "18.000000000000",
      first_start: "1788220800",
      last_end: "1790812800",
      invoiced_rows: "0",
      granularity: null,
    });
    expect(r.value.find((x) => x.section === "usage hours")).toMatchObject({
      granularity: "hourly",
      first_start: "1788220800",
      last_end: "1788224400",
      usage_rows: "18",
      fargate_rows: "4",
    });
  });

  it("a failed query: one sentence with Athena's reason", async () => {
    athena.on(StartQueryExecutionCommand).resolves(started);
    athena.on(GetQueryExecutionCommand).resolves(execution(failed));
    const r = await runAthenaQuery(target, { client, sleep: noWait });
    expect(r).toEqual({
      ok: false,
      error: {
        code: "INVALID_PARAMETER",
        status: 400,
        message:
          "The Athena query failed: TABLE_NOT_FOUND: line 38:8: Table 'awsdatacatalog.billing.cur2' does not exist. Check the table name, --output and the workgroup.",
      },
    });
    expect(athena.commandCalls(GetQueryResultsCommand)).toHaveLength(0);
  });

  it("Athena refusing the request (a bad output location) passes its message on", async () => {
    athena
      .on(StartQueryExecutionCommand)
      .rejects(
        new InvalidRequestException({ message: "outputLocation is not a valid S3 path. Provided s3:/bucket", $metadata: {}, AthenaErrorCode: "INVALID_INPUT" }),
      );
    const r = await runAthenaQuery({ ...target, outputLocation: "s3:/bucket" }, { client, sleep: noWait });
    expect(!r.ok && r.error).toMatchObject({
      code: "INVALID_PARAMETER",
      message: "Athena refused the query: outputLocation is not a valid S3 path. Provided s3:/bucket.",
    });
  });

  it("no credentials: the one sentence of the other adapters", async () => {
    athena
      .on(StartQueryExecutionCommand)
      .rejects(Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" }));
    const r = await runAthenaQuery(target, { client, sleep: noWait });
    expect(!r.ok && r.error.code).toBe("NO_CREDENTIALS");
    expect(!r.ok && r.error.message).toMatch(/^No AWS credentials were found/);
  });

  it("access denied names the permissions the query needs", async () => {
    athena.on(StartQueryExecutionCommand).rejects(Object.assign(new Error("User is not authorized"), { name: "AccessDeniedException" }));
    const r = await runAthenaQuery(target, { client, sleep: noWait });
    expect(!r.ok && r.error.message).toMatch(/allow athena:StartQueryExecution, athena:GetQueryExecution, athena:GetQueryResults/);
  });

  it("a query still running at the deadline is stopped, and the answer is a timeout", async () => {
    athena.on(StartQueryExecutionCommand).resolves(started);
    athena.on(GetQueryExecutionCommand).resolves(execution(running));
    athena.on(StopQueryExecutionCommand).resolves({});
    const r = await runAthenaQuery(target, { client, timeoutMs: 50, sleep: (ms) => new Promise((res) => setTimeout(res, Math.min(ms, 20))) });
    expect(!r.ok && r.error.code).toBe("TIMEOUT");
    expect(athena.commandCalls(StopQueryExecutionCommand)[0]!.args[0].input).toEqual({ QueryExecutionId: started.QueryExecutionId });
  });

  it("stops on a repeated NextToken instead of looping", async () => {
    athena.on(StartQueryExecutionCommand).resolves(started);
    athena.on(GetQueryExecutionCommand).resolves(execution(succeeded));
    athena.on(GetQueryResultsCommand).resolves(results(page1));
    const r = await runAthenaQuery(target, { client, sleep: noWait });
    expect(athena.commandCalls(GetQueryResultsCommand)).toHaveLength(2);
    // Page 1 read twice: its 9 rows, then all 10 again (Athena puts the header row on the first page only, so only there is it skipped).
    expect(r.ok && r.value).toHaveLength(9 + 10);
  });
});

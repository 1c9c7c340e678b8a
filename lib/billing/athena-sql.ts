/**
 * The reconciliation as one SQL query over the CUR 2.0 Athena table (AWS Data Exports' Athena integration), for
 * organisations whose bills are too big for one machine: Fargate usage per region, platform and usage type with its
 * quantity, list and paid cost, the totals, and what is beside the meter split as ./attribution.ts splits it (linked to
 * the Fargate services found, account-wide per region, ECS/EKS on EC2). The same rules as the streaming reader
 * (./accumulate.ts, ./attribution.ts), written in SQL that Athena (Trino) and DuckDB both accept, so the test runs it
 * on the test bills with DuckDB and compares the answer row for row (./athena-sql.test.ts). Pure: no I/O.
 */
import { dec, MS_PER_HOUR, ZERO } from "@/lib/core";
import type { BesideFargate, BesideLine, LinkedLine, Reconciliation, UsageLine } from "./types";
import { FARGATE_USAGE_TYPES, fargateMeter } from "./usage-type";
import { clipPeriod, PeriodTracker, periodSentence, type BillPeriod, type Granularity } from "./period";

export interface AthenaQuery {
  /** "database.table" of the CUR 2.0 table. */
  table: string;
  /** First usage day (YYYY-MM-DD, UTC), included. */
  from: string;
  /** Day after the last usage day (YYYY-MM-DD, UTC), excluded. */
  to: string;
  /** product_region_code values; empty: every region. */
  regions?: readonly string[];
  /** line_item_usage_account_id values; empty: every account. */
  accounts?: readonly string[];
}

const TABLE = /^[A-Za-z0-9_]{1,255}\.[A-Za-z0-9_]{1,255}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const ACCOUNT = /^\d{12}$/;

/** The query's problems, one sentence each (the values go into SQL text, so only these shapes are accepted). */
export function athenaQueryProblems(q: AthenaQuery): string[] {
  const problems: string[] = [];
  if (!TABLE.test(q.table)) problems.push(`--athena: give the CUR 2.0 table as DATABASE.TABLE (letters, digits, _), got "${q.table}".`);
  const day = (flag: string, v: string) => {
    const ok = DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
    if (!ok) problems.push(`${flag}: give a date as YYYY-MM-DD, got "${v}".`);
    return ok;
  };
  if (day("--from", q.from) && day("--to", q.to) && q.from >= q.to)
    problems.push(`--to (${q.to}) must be after --from (${q.from}); --to is the first day not counted.`);
  for (const r of q.regions ?? []) if (!REGION.test(r)) problems.push(`--regions: "${r}" is not a region code like us-east-1.`);
  for (const a of q.accounts ?? []) if (!ACCOUNT.test(a)) problems.push(`--accounts: "${a}" is not a 12-digit account id.`);
  return problems;
}

const str = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** A regular-expression test both engines read alike (Trino's regexp_extract gives NULL on no match, DuckDB's ''). */
const matches = (expr: string, pattern: string) => `NULLIF(regexp_extract(${expr}, ${str(pattern)}, 0), '') IS NOT NULL`;
const group = (expr: string, pattern: string, n: number) => `NULLIF(regexp_extract(${expr}, ${str(pattern)}, ${n}), '')`;
/** A resource tag, NULL when absent or empty (Trino's map subscript fails on a missing key: try() makes it NULL). */
const tag = (keys: readonly string[]) => `COALESCE(${keys.map((k) => `NULLIF(try(resource_tags[${str(k)}]), '')`).join(", ")})`;
const money = (expr: string) => `CAST(COALESCE(${expr}, 0) AS DECIMAL(38, 12))`;

// The same lists as ./accumulate.ts (products beside the meter) and ./attribution.ts (tags, cluster keys).
const RELATED_PRODUCTS = ["AmazonECS", "AmazonEKS", "AmazonVPC", "AWSELB", "AmazonCloudWatch", "AWSDataTransfer", "AmazonEFS", "AmazonECR"];
const RELATED_EC2_USAGE = "NatGateway|DataTransfer|-Bytes$|PublicIPv4|VpcEndpoint|LoadBalancer|LCUUsage";
/** CUR 2.0 resource_tags keys (aws:ecs:clusterName is written aws_ecs_clusterName), user tags of the same names too. */
export const CLUSTER_TAG_KEYS = ["aws_ecs_clusterName", "user_ecs_clusterName", "aws_eks_cluster_name", "user_eks_cluster_name"] as const;
export const SERVICE_TAG_KEYS = ["aws_ecs_serviceName", "user_ecs_serviceName"] as const;

/** The SQL (Athena engine 3 / Trino; also DuckDB). One result set: columns ATHENA_COLUMNS, one row per line. */
export function athenaSql(q: AthenaQuery): string {
  const problems = athenaQueryProblems(q);
  if (problems.length) throw new Error(problems.join(" "));
  const [db, table] = q.table.split(".") as [string, string];
  // Every row type of the dates: usage feeds the sums, and every row the billing period and invoice (./period.ts).
  const filters = [`line_item_usage_start_date >= TIMESTAMP '${q.from} 00:00:00'`, `line_item_usage_start_date < TIMESTAMP '${q.to} 00:00:00'`];
  if (q.regions?.length) filters.push(`product_region_code IN (${q.regions.map(str).join(", ")})`);
  if (q.accounts?.length) filters.push(`line_item_usage_account_id IN (${q.accounts.map(str).join(", ")})`);
  const rid = "COALESCE(line_item_resource_id, '')";
  const ut = "COALESCE(line_item_usage_type, '')";
  const V = "CAST(NULL AS VARCHAR)";
  const B = "CAST(NULL AS BIGINT)";
  /** Seconds since 1970 (date_diff reads alike in both engines; Trino has no epoch(), DuckDB no to_unixtime()). */
  const epoch = (col: string) => `date_diff('second', TIMESTAMP '1970-01-01 00:00:00', ${col})`;
  const usageTypes = `item_type IN ('Usage', 'DiscountedUsage', 'SavingsPlanCoveredUsage')`;
  const isFargate = `product IN ('AmazonECS', 'AmazonEKS') AND ${matches("usage_type", "^(?:SpotUsage-)?Fargate-")}`;
  const noPeriod = `${B}, ${B}, ${B}, ${B}, ${B}`;
  return `-- fargate-estimator reconcile --athena-sql: Fargate usage, list and paid cost, and what is beside the meter
-- (linked to the Fargate services found / account-wide per region / ECS-EKS on EC2), ${q.from} to ${q.to} (excluded).
WITH base AS (
  SELECT
    line_item_line_item_type AS item_type,
    COALESCE(line_item_product_code, '') AS product,
    ${ut} AS raw_usage_type,
    COALESCE(${group(ut, "^(?:[A-Z]{2,4}[0-9]{0,2}-)?([A-Za-z].*)$", 1)}, ${ut}) AS usage_type,
    ${rid} AS resource_id,
    COALESCE(product_region_code, '') AS region,
    COALESCE(pricing_unit, '') AS unit,
    ${money("line_item_usage_amount")} AS quantity,
    ${money("pricing_public_on_demand_cost")} AS list_cost,
    ${money("CASE WHEN line_item_line_item_type = 'SavingsPlanCoveredUsage' THEN savings_plan_savings_plan_effective_cost ELSE line_item_unblended_cost END")} AS paid_cost,
    ${tag(CLUSTER_TAG_KEYS)} AS tag_cluster,
    ${tag(SERVICE_TAG_KEYS)} AS tag_service,
    COALESCE(
      ${group(rid, "^(arn:[^:]*:eks:[^:]*:[^:]*:)cluster/[^/]+$", 1)} || 'pod/' || ${group(rid, "^arn:[^:]*:eks:[^:]*:[^:]*:cluster/([^/]+)$", 1)},
      ${group(rid, "^(arn:[^:]*:[^:]*:[^:]*:[^:]*:[^/ ]+/[^/]+)/", 1)}
    ) AS cluster_key,
    COALESCE(${group(rid, "^(?:[^:]*:){5}[^/]*/([^/]+)/", 1)}, '(unknown)') AS cluster,
    ${epoch("bill_billing_period_start_date")} AS period_start,
    ${epoch("bill_billing_period_end_date")} AS period_end,
    CASE WHEN NULLIF(bill_invoice_id, '') IS NOT NULL THEN 1 ELSE 0 END AS invoiced,
    ${epoch("line_item_usage_start_date")} AS usage_start,
    ${epoch("line_item_usage_end_date")} AS usage_end
  FROM "${db}"."${table}"
  WHERE ${filters.join("\n    AND ")}
),
fargate AS (
  SELECT region, CASE WHEN product = 'AmazonECS' THEN 'ecs' ELSE 'eks' END AS platform, usage_type, unit, quantity, list_cost, paid_cost,
    cluster_key, cluster, COALESCE(tag_service, '(untagged)') AS service
  FROM base
  WHERE ${usageTypes} AND ${isFargate}
),
beside AS (
  SELECT product, region, unit, quantity, paid_cost, cluster_key, tag_cluster, tag_service,
    ${group("raw_usage_type", "^(?:[A-Z]{2,4}[0-9]{0,2}-)?((?:ECS|EKS)-EC2-.*)$", 1)} AS on_ec2_type, usage_type
  FROM base
  WHERE ${usageTypes} AND NOT (${isFargate})
    AND (product IN (${RELATED_PRODUCTS.map(str).join(", ")}) OR (product = 'AmazonEC2' AND ${matches("usage_type", RELATED_EC2_USAGE)}))
),
usage_hours AS (
  -- The usage rows' spans, as ./period.ts classes them: an hour or less, a day or less, longer (negations count too).
  SELECT CASE WHEN usage_end - usage_start <= 3600 THEN 'hourly' WHEN usage_end - usage_start <= 86400 THEN 'daily' ELSE 'monthly' END AS granularity,
    usage_start, usage_end, CASE WHEN ${isFargate} THEN 1 ELSE 0 END AS is_fargate
  FROM base
  WHERE item_type IN ('Usage', 'DiscountedUsage', 'SavingsPlanCoveredUsage', 'SavingsPlanNegation') AND usage_end > usage_start
),
fk AS (SELECT cluster_key, MIN(platform) AS platform, MIN(cluster) AS cluster FROM fargate WHERE cluster_key IS NOT NULL GROUP BY cluster_key),
fcl AS (SELECT region, cluster, MIN(platform) AS platform FROM fargate WHERE cluster <> '(unknown)' GROUP BY region, cluster),
fsv AS (
  SELECT region, cluster, service, MIN(platform) AS platform FROM fargate
  WHERE cluster <> '(unknown)' AND service <> '(untagged)' GROUP BY region, cluster, service
),
fso AS (
  SELECT region, service, MIN(platform) AS platform, MIN(CASE WHEN cluster <> '(unknown)' THEN cluster END) AS cluster FROM fargate
  WHERE service <> '(untagged)' GROUP BY region, service
),
linked AS (
  SELECT b.product, b.region, b.unit, b.quantity, b.paid_cost, b.usage_type,
    CASE
      WHEN fk.cluster IS NOT NULL THEN 'resource id'
      WHEN b.tag_cluster IS NOT NULL AND b.tag_service IS NOT NULL THEN CASE WHEN tsv.platform IS NOT NULL THEN 'tags' END
      WHEN b.tag_cluster IS NOT NULL THEN CASE WHEN tcl.platform IS NOT NULL THEN 'tags' END
      WHEN b.tag_service IS NOT NULL THEN CASE WHEN tso.platform IS NOT NULL THEN 'tags' END
    END AS linked_by,
    CASE
      WHEN fk.cluster IS NOT NULL THEN fk.platform
      WHEN b.tag_cluster IS NOT NULL AND b.tag_service IS NOT NULL THEN tsv.platform
      WHEN b.tag_cluster IS NOT NULL THEN tcl.platform
      ELSE tso.platform
    END AS platform,
    CASE
      WHEN fk.cluster IS NOT NULL THEN fk.cluster
      WHEN b.tag_cluster IS NOT NULL THEN b.tag_cluster
      ELSE COALESCE(tso.cluster, '(unknown)')
    END AS cluster,
    CASE
      WHEN fk.cluster IS NOT NULL THEN ksv.service
      WHEN b.tag_cluster IS NOT NULL AND b.tag_service IS NOT NULL THEN b.tag_service
      WHEN b.tag_cluster IS NOT NULL THEN ${V}
      ELSE b.tag_service
    END AS service
  FROM beside b
  LEFT JOIN fk ON fk.cluster_key = b.cluster_key
  LEFT JOIN fsv ksv ON ksv.region = b.region AND ksv.cluster = fk.cluster AND ksv.service = b.tag_service
  LEFT JOIN fsv tsv ON tsv.region = b.region AND tsv.cluster = b.tag_cluster AND tsv.service = b.tag_service
  LEFT JOIN fcl tcl ON tcl.region = b.region AND tcl.cluster = b.tag_cluster
  LEFT JOIN fso tso ON tso.region = b.region AND tso.service = b.tag_service
  WHERE b.on_ec2_type IS NULL
)
SELECT 'fargate' AS section, region, platform, ${V} AS cluster, ${V} AS service, ${V} AS linked_by, ${V} AS product, usage_type,
  CASE WHEN usage_type LIKE '%vCPU-Hours%' OR usage_type LIKE '%-OS-Hours%' THEN 'vCPU-hours' WHEN usage_type LIKE '%GB-Hours%' THEN 'GB-hours' ELSE MIN(unit) END AS unit,
  SUM(quantity) AS quantity, SUM(list_cost) AS list_cost, SUM(paid_cost) AS cost,
  ${V} AS granularity, ${B} AS first_start, ${B} AS last_end, ${B} AS usage_rows, ${B} AS fargate_rows, ${B} AS invoiced_rows
FROM fargate GROUP BY region, platform, usage_type
UNION ALL
SELECT 'total', ${V}, ${V}, ${V}, ${V}, ${V}, ${V}, ${V}, ${V}, CAST(COUNT(*) AS DECIMAL(38, 12)), SUM(list_cost), SUM(paid_cost), ${V}, ${noPeriod} FROM fargate
UNION ALL
SELECT 'linked', region, platform, cluster, service, linked_by, product, usage_type, unit, SUM(quantity), CAST(NULL AS DECIMAL(38, 12)), SUM(paid_cost), ${V}, ${noPeriod}
FROM linked WHERE linked_by IS NOT NULL GROUP BY region, platform, cluster, service, linked_by, product, usage_type, unit
UNION ALL
SELECT 'account-wide', region, ${V}, ${V}, ${V}, ${V}, product, usage_type, unit, SUM(quantity), CAST(NULL AS DECIMAL(38, 12)), SUM(paid_cost), ${V}, ${noPeriod}
FROM linked WHERE linked_by IS NULL GROUP BY region, product, usage_type, unit
UNION ALL
SELECT 'on-ec2', region, ${V}, ${V}, ${V}, ${V}, product, on_ec2_type, unit, SUM(quantity), CAST(NULL AS DECIMAL(38, 12)), SUM(paid_cost), ${V}, ${noPeriod}
FROM beside WHERE on_ec2_type IS NOT NULL GROUP BY region, product, on_ec2_type, unit
UNION ALL
-- The period (./period.ts): every row's billing period (seconds since 1970), how many rows carry an invoice ID, and
-- how many rows were read (quantity).
SELECT 'billing period', ${V}, ${V}, ${V}, ${V}, ${V}, ${V}, ${V}, ${V}, CAST(COUNT(*) AS DECIMAL(38, 12)), CAST(NULL AS DECIMAL(38, 12)), CAST(NULL AS DECIMAL(38, 12)),
  ${V}, MIN(period_start), MAX(period_end), ${B}, ${B}, CAST(SUM(invoiced) AS BIGINT)
FROM base
UNION ALL
-- Per granularity: the first usage start and last usage end (seconds since 1970), the usage rows and the Fargate ones.
SELECT 'usage hours', ${V}, ${V}, ${V}, ${V}, ${V}, ${V}, ${V}, ${V}, CAST(NULL AS DECIMAL(38, 12)), CAST(NULL AS DECIMAL(38, 12)), CAST(NULL AS DECIMAL(38, 12)),
  granularity, MIN(usage_start), MAX(usage_end), COUNT(*), CAST(SUM(is_fargate) AS BIGINT), ${B}
FROM usage_hours GROUP BY granularity
ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 13
`;
}

/** The result's columns, in order. */
export const ATHENA_COLUMNS = [
  "section",
  "region",
  "platform",
  "cluster",
  "service",
  "linked_by",
  "product",
  "usage_type",
  "unit",
  "quantity",
  "list_cost",
  "cost",
  "granularity",
  "first_start",
  "last_end",
  "usage_rows",
  "fargate_rows",
  "invoiced_rows",
] as const;
export type AthenaRow = Partial<Record<(typeof ATHENA_COLUMNS)[number], string | null>>;

const num = (v: string | null | undefined) => dec(v && v.trim() ? v.trim() : "0");
const order = [...FARGATE_USAGE_TYPES.keys()];
const rank = (t: string) => {
  const i = order.indexOf(t);
  return i < 0 ? order.length : i;
};
const byLine = (a: BesideLine, b: BesideLine) =>
  a.product.localeCompare(b.product) || a.usageType.localeCompare(b.usageType) || a.region.localeCompare(b.region);

/** What the SQL computes, in the reconciliation's own shapes and order (./accumulate.ts, ./attribution.ts). */
export interface AthenaResult {
  usage: UsageLine[];
  totals: { listCost: string; effectiveCost: string; outsideFargate: string };
  fargateRows: number;
  beside: BesideFargate;
  /** Rows the query read (every row type, of the dates, regions and accounts); null from a query without the period rows. */
  rows: number | null;
  /** The period as ./period.ts reads it from the same rows; null from a query without the period rows. */
  period: BillPeriod | null;
}

const GRANULARITIES: readonly Granularity[] = ["hourly", "daily", "monthly"];
/** Seconds since 1970 (as text) -> ms; NaN when absent. */
const ms = (v: string | null | undefined) => (v && v.trim() ? Number(v) * 1000 : NaN);
const count = (v: string | null | undefined) => (v && v.trim() ? Number(v) : 0);

/** The SQL's rows (as Athena and DuckDB give them: decimals as text) -> the reconciliation's shapes. */
export function athenaResult(rows: readonly AthenaRow[]): AthenaResult {
  const usage: UsageLine[] = [];
  const linked: LinkedLine[] = [];
  const wide: BesideLine[] = [];
  const onEc2: BesideLine[] = [];
  let totals = { listCost: "0", effectiveCost: "0" };
  let fargateRows = 0;
  let read: number | null = null;
  const tracker = new PeriodTracker();
  let periodRows = false;
  for (const r of rows) {
    const base = {
      product: r.product ?? "",
      usageType: r.usage_type ?? "",
      region: r.region ?? "",
      quantity: num(r.quantity).toString(),
      unit: r.unit ?? "",
      cost: num(r.cost).toString(),
    };
    switch (r.section) {
      case "fargate":
        usage.push({
          region: base.region,
          platform: r.platform === "eks" ? "eks" : "ecs",
          usageType: base.usageType,
          quantity: base.quantity,
          unit: fargateMeter(base.usageType)?.unit ?? base.unit,
          listCost: num(r.list_cost).toString(),
          effectiveCost: base.cost,
        });
        break;
      case "total":
        totals = { listCost: num(r.list_cost).toString(), effectiveCost: base.cost };
        fargateRows = Number(num(r.quantity).toFixed(0));
        break;
      case "linked":
        linked.push({
          ...base,
          platform: r.platform === "eks" ? "eks" : "ecs",
          cluster: r.cluster ?? "(unknown)",
          service: r.service || null,
          by: r.linked_by === "tags" ? "tags" : "resource id",
        });
        break;
      case "account-wide":
        wide.push(base);
        break;
      case "on-ec2":
        onEc2.push(base);
        break;
      case "billing period":
        periodRows = true;
        read = Number(num(r.quantity).toFixed(0));
        tracker.billing(ms(r.first_start), ms(r.last_end));
        if (count(r.invoiced_rows) > 0) tracker.invoice("invoiced");
        break;
      case "usage hours": {
        periodRows = true;
        const g = GRANULARITIES.find((x) => x === r.granularity);
        if (!g)
          throw new Error(`The Athena result has usage hours of unknown granularity "${String(r.granularity).slice(0, 40)}": the query is not this version's.`);
        tracker.extremes(g, count(r.usage_rows), count(r.fargate_rows), ms(r.first_start), ms(r.last_end));
        break;
      }
      default:
        throw new Error(`The Athena result has a row of unknown section "${String(r.section).slice(0, 40)}": the query is not this version's.`);
    }
  }
  usage.sort(
    (a, b) =>
      a.region.localeCompare(b.region) ||
      a.platform.localeCompare(b.platform) ||
      rank(a.usageType) - rank(b.usageType) ||
      a.usageType.localeCompare(b.usageType),
  );
  linked.sort((a, b) => a.cluster.localeCompare(b.cluster) || (a.service ?? "").localeCompare(b.service ?? "") || byLine(a, b) || a.by.localeCompare(b.by));
  const sum = (xs: readonly BesideLine[]) => xs.reduce((t, x) => t.plus(x.cost), ZERO).toString();
  const regions = [...new Set(wide.map((x) => x.region))].sort((a, b) => a.localeCompare(b));
  const accountWide = regions.map((region) => {
    const lines = wide.filter((x) => x.region === region).sort(byLine);
    return { region, lines, total: sum(lines) };
  });
  const beside: BesideFargate = {
    linked,
    linkedTotal: sum(linked),
    accountWide,
    accountWideTotal: sum(wide),
    onEc2: { lines: onEc2.sort(byLine), total: sum(onEc2) },
  };
  const outside = dec(beside.linkedTotal).plus(beside.accountWideTotal).plus(beside.onEc2.total).toString();
  return { usage, totals: { ...totals, outsideFargate: outside }, fargateRows, beside, rows: read, period: periodRows ? tracker.result() : null };
}

/** A reconciliation from the SQL's answer, so the CLI's table, CSV and --scenario comparison work on it as on a file. */
export function reconciliationFromAthena(q: AthenaQuery, result: AthenaResult): Reconciliation {
  const start = Date.parse(`${q.from}T00:00:00Z`);
  const end = Date.parse(`${q.to}T00:00:00Z`);
  const outsideFargate = [
    ...result.beside.linked.map(({ product, usageType, region, quantity, unit, cost }) => ({ product, usageType, region, quantity, unit, cost })),
  ];
  for (const w of result.beside.accountWide) outsideFargate.push(...w.lines);
  outsideFargate.push(...result.beside.onEc2.lines);
  // The period as the streaming reader reads the same rows, within the dates queried (./period.ts clipPeriod).
  const period = result.period ? clipPeriod(result.period, start, end) : null;
  // The bill's period: its billing period (as a file's), else the dates queried.
  const [ps, pe] =
    period?.billingPeriodStart && period.billingPeriodEnd ? [Date.parse(period.billingPeriodStart), Date.parse(period.billingPeriodEnd)] : [start, end];
  const sentence =
    period && (period.monthToDate || (period.granularity && period.granularity !== "hourly") || period.coveredHours !== result.period?.coveredHours);
  return {
    bill: {
      file: `${q.table} (Athena)`,
      format: "cur2",
      rows: result.rows ?? result.fargateRows,
      fargateRows: result.fargateRows,
      periodStart: new Date(ps).toISOString().replace(".000Z", "Z"),
      periodEnd: new Date(pe).toISOString().replace(".000Z", "Z"),
      periodHours: String((pe - ps) / MS_PER_HOUR),
    },
    ...(period ? { period } : {}),
    usage: result.usage,
    groups: [],
    outsideFargate,
    beside: result.beside,
    adjustments: [],
    totals: { ...result.totals, adjustments: "0", other: "0" },
    notes: [
      `Read with Athena from ${q.table}: usage from ${q.from} to ${q.to} (excluded)${q.regions?.length ? ` in ${q.regions.join(", ")}` : ""}${q.accounts?.length ? ` for account${q.accounts.length > 1 ? "s" : ""} ${q.accounts.join(", ")}` : ""}; ${result.rows === null ? "rows counts only Fargate rows; " : ""}groups by cluster/service, taxes, credits, fees and other charges are not queried.`,
      ...(sentence ? [`Period: ${periodSentence(period)}.`] : []),
    ],
  };
}

/**
 * Test bills for the attribution (./attribution.test.ts) and the Athena SQL (./athena-sql.test.ts): a CUR 2.0 CSV of
 * one account whose Fargate service (cluster "shop", service "api", us-east-1) sits beside unrelated NAT gateways and
 * EFS in other regions, a NAT gateway and load balancers tagged to the cluster, public IPv4 and data transfer tied to
 * a task by its ARN, and ECS/EKS-on-EC2 split rows. Costs are AWS's list rates times the quantity (written next to
 * each row); the expected split is worked out by hand in the tests.
 */
import Papa from "papaparse";

export const CUR2_COLUMNS = [
  "bill_billing_period_start_date",
  "bill_billing_period_end_date",
  "line_item_usage_account_id",
  "line_item_line_item_type",
  "line_item_usage_start_date",
  "line_item_usage_end_date",
  "line_item_product_code",
  "line_item_usage_type",
  "line_item_resource_id",
  "line_item_usage_amount",
  "line_item_unblended_cost",
  "line_item_line_item_description",
  "product_region_code",
  "pricing_unit",
  "pricing_public_on_demand_cost",
  "savings_plan_savings_plan_effective_cost",
  "resource_tags",
] as const;

export interface Cur2Row {
  account?: string;
  type?: string;
  start?: string;
  end?: string;
  product: string;
  usageType: string;
  resourceId?: string;
  quantity: string;
  cost: string;
  /** On-demand cost; defaults to `cost`. */
  list?: string;
  spCost?: string;
  description?: string;
  region: string;
  unit?: string;
  tags?: Record<string, string>;
}

export const ACCOUNT = "111122223333";
export const TASK_1 = `arn:aws:ecs:us-east-1:${ACCOUNT}:task/shop/0a1b2c3d4e5f40718293a4b5c6d7e8f9`;
export const TASK_2 = `arn:aws:ecs:us-east-1:${ACCOUNT}:task/shop/1b2c3d4e5f6071829304b5c6d7e8f90a`;

/** CUR 2.0 CSV text of the rows (September 2026, hourly rows at 00:00-01:00 unless given). */
export function cur2Csv(rows: readonly Cur2Row[]): string {
  const data = rows.map((r) => [
    "2026-09-01T00:00:00Z",
    "2026-10-01T00:00:00Z",
    r.account ?? ACCOUNT,
    r.type ?? "Usage",
    r.start ?? "2026-09-01T00:00:00Z",
    r.end ?? "2026-09-01T01:00:00Z",
    r.product,
    r.usageType,
    r.resourceId ?? "",
    r.quantity,
    r.cost,
    r.description ?? "",
    r.region,
    r.unit ?? "Hrs",
    r.list ?? r.cost,
    r.spCost ?? "",
    JSON.stringify(r.tags ?? {}),
  ]);
  return Papa.unparse([[...CUR2_COLUMNS], ...data], { newline: "\n" }) + "\n";
}

const api = { aws_ecs_clusterName: "shop", aws_ecs_serviceName: "api" };

/** The attribution bill's rows; beside rows come first, so links are decided after the Fargate rows are read. */
export const ATTRIBUTION_ROWS: readonly Cur2Row[] = [
  // a. NAT gateway tagged to the cluster: 10 h x 0.045 = 0.45 (linked by tags, cluster shop).
  {
    product: "AmazonEC2",
    usageType: "NatGateway-Hours",
    resourceId: `arn:aws:ec2:us-east-1:${ACCOUNT}:natgateway/nat-0aa`,
    quantity: "10",
    cost: "0.45",
    region: "us-east-1",
    tags: { aws_ecs_clusterName: "shop" },
  },
  // b. An untagged NAT gateway in the same region: 10 h x 0.045 = 0.45 (account-wide).
  {
    product: "AmazonEC2",
    usageType: "NatGateway-Hours",
    resourceId: `arn:aws:ec2:us-east-1:${ACCOUNT}:natgateway/nat-0bb`,
    quantity: "10",
    cost: "0.45",
    region: "us-east-1",
  },
  // c. NAT in ap-northeast-1, where nothing runs on Fargate: 5 h x 0.062 = 0.31 (account-wide).
  {
    product: "AmazonEC2",
    usageType: "APN1-NatGateway-Hours",
    resourceId: `arn:aws:ec2:ap-northeast-1:${ACCOUNT}:natgateway/nat-0cc`,
    quantity: "5",
    cost: "0.31",
    region: "ap-northeast-1",
  },
  // d. EFS in ap-southeast-1: 10 GB-Mo x 0.33 = 3.3 (account-wide).
  {
    product: "AmazonEFS",
    usageType: "APS1-TimedStorage-ByteHrs",
    resourceId: `arn:aws:elasticfilesystem:ap-southeast-1:${ACCOUNT}:file-system/fs-0dd`,
    quantity: "10",
    cost: "3.3",
    region: "ap-southeast-1",
    unit: "GB-Mo",
  },
  // e. Public IPv4 billed to a Fargate task's ARN: 2 h x 0.005 = 0.01 (linked by resource id).
  { product: "AmazonVPC", usageType: "USE1-PublicIPv4:InUseAddress", resourceId: TASK_1, quantity: "2", cost: "0.01", region: "us-east-1" },
  // f. Public IPv4 of a network interface: 3 h x 0.005 = 0.015 (account-wide: nothing in the bill ties eni-... to a task).
  {
    product: "AmazonVPC",
    usageType: "USE1-PublicIPv4:InUseAddress",
    resourceId: `arn:aws:ec2:us-east-1:${ACCOUNT}:network-interface/eni-0ff`,
    quantity: "3",
    cost: "0.015",
    region: "us-east-1",
  },
  // g. A Fargate task's internet egress (ECS data-transfer row with the task ARN): 1 GB x 0.09 = 0.09 (linked by resource id).
  { product: "AmazonECS", usageType: "USE1-DataTransfer-Out-Bytes", resourceId: TASK_2, quantity: "1", cost: "0.09", region: "us-east-1", unit: "GB" },
  // h. ECS-on-EC2 and EKS-on-EC2 split rows: $0 (their own line).
  {
    product: "AmazonECS",
    usageType: "USE1-ECS-EC2-vCPU-Hours",
    resourceId: `arn:aws:ecs:us-east-1:${ACCOUNT}:task/ec2-cluster/9f`,
    quantity: "4",
    cost: "0",
    region: "us-east-1",
  },
  {
    product: "AmazonECS",
    usageType: "USE1-ECS-EC2-GB-Hours",
    resourceId: `arn:aws:ecs:us-east-1:${ACCOUNT}:task/ec2-cluster/9f`,
    quantity: "8",
    cost: "0",
    region: "us-east-1",
  },
  {
    product: "AmazonEKS",
    usageType: "EKS-EC2-vCPU-Hours",
    resourceId: `arn:aws:eks:us-east-1:${ACCOUNT}:pod/k8s/default/web/1`,
    quantity: "2",
    cost: "0",
    region: "us-east-1",
  },
  // i. A load balancer of a service of the same cluster that is not on Fargate: 1 h x 0.0225 (account-wide).
  {
    product: "AWSELB",
    usageType: "USE1-LoadBalancerUsage",
    resourceId: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/app/legacy/0a`,
    quantity: "1",
    cost: "0.0225",
    region: "us-east-1",
    tags: { aws_ecs_clusterName: "shop", aws_ecs_serviceName: "legacy-ec2" },
  },
  // j. The Fargate service's load balancer: 1 h x 0.0225 (linked by tags, shop / api).
  {
    product: "AWSELB",
    usageType: "USE1-LoadBalancerUsage",
    resourceId: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/app/api/0b`,
    quantity: "1",
    cost: "0.0225",
    region: "us-east-1",
    tags: api,
  },
  // k. A NAT tagged with the same cluster name in eu-west-1, where no Fargate runs: 1 h x 0.048 (account-wide).
  {
    product: "AmazonEC2",
    usageType: "EU-NatGateway-Hours",
    resourceId: `arn:aws:ec2:eu-west-1:${ACCOUNT}:natgateway/nat-0kk`,
    quantity: "1",
    cost: "0.048",
    region: "eu-west-1",
    tags: { aws_ecs_clusterName: "shop" },
  },
  // l. EC2 instances' inter-AZ traffic: 100 GB x 0.01 = 1 (account-wide).
  {
    product: "AmazonEC2",
    usageType: "USE1-DataTransfer-Regional-Bytes",
    resourceId: "i-0123456789abcdef0",
    quantity: "100",
    cost: "1",
    region: "us-east-1",
    unit: "GB",
  },
  // Fargate: 1 vCPU and 2 GB for 2 h of task 1: 2 x 0.04048 = 0.08096; 4 x 0.004445 = 0.01778.
  {
    product: "AmazonECS",
    usageType: "USE1-Fargate-vCPU-Hours:perCPU",
    resourceId: TASK_1,
    quantity: "2",
    cost: "0.08096",
    region: "us-east-1",
    unit: "hours",
    tags: api,
  },
  {
    product: "AmazonECS",
    usageType: "USE1-Fargate-GB-Hours",
    resourceId: TASK_1,
    quantity: "4",
    cost: "0.01778",
    region: "us-east-1",
    unit: "hours",
    tags: api,
  },
  // Task 2, 1 h: 1 x 0.04048 and 2 x 0.004445 = 0.00889.
  {
    product: "AmazonECS",
    usageType: "USE1-Fargate-vCPU-Hours:perCPU",
    resourceId: TASK_2,
    quantity: "1",
    cost: "0.04048",
    region: "us-east-1",
    unit: "hours",
    tags: api,
  },
  {
    product: "AmazonECS",
    usageType: "USE1-Fargate-GB-Hours",
    resourceId: TASK_2,
    quantity: "2",
    cost: "0.00889",
    region: "us-east-1",
    unit: "hours",
    tags: api,
  },
];

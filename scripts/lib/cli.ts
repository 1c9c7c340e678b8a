import { parseCliArgs } from "./args";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { ec2Catalog } from "@/lib/catalog/ec2";
import { extrasCatalog } from "@/lib/catalog/extras";
import { estimateToCsv, estimateToTable } from "@/lib/export";
import { estimateAll } from "@/lib/pricing";
import { terminalText } from "@/lib/core";
import { parseScenario, type Problem } from "@/lib/scenario";
import { importWorkload } from "@/lib/scenario/import";
import { runDiff } from "./diff-cli";

export const HELP = `Usage: npm run --silent estimate -- <scenario.json | -> [--format json|table|csv]
       npm run --silent estimate -- --import <task-definition.json | pod.yaml | -> [--region R] [--format ...]
       npm run --silent estimate -- diff BASE HEAD [--region R] [--format json|markdown|table] [--fail-above PERCENT]

Prices a scenario on AWS Fargate, on ECS Managed Instances (EC2 instances AWS manages, plus a management fee)
and on an equivalent self-managed ECS-on-EC2 cluster with the embedded price snapshot.
  <file>            a scenario JSON file; "-" reads standard input
  --format json     the estimate as JSON (default; full-precision decimal strings)
  --format table    a readable table of line items and totals
  --format csv      line items as CSV (RFC 4180, formula-safe)
  --import FILE     price an ECS task definition (JSON) or Kubernetes Pod/Deployment (YAML) instead:
                    always-on, replicas as tasks, EKS rules for Kubernetes
  --region R        region for --import (default us-east-1)
  --columns LIST    which sides the table and CSV show, comma-separated (default fargate,managed-instances,ec2:
                    Fargate, ECS Managed Instances, self-managed EC2); the JSON always has all three
  diff BASE HEAD    the monthly cost difference between two files (see estimate diff --help)
  --help            this text

Scenario format (version 1; optional fields show their defaults):
{
  "version": 1,
  "name": "checkout",
  "region": "us-east-1",
  "workloads": [{
    "name": "api",
    "platform": "ecs",            // "ecs" | "eks" (EKS: vcpu/memoryGiB are pod requests; Fargate adds 256 MiB and rounds up)
    "os": "linux",                // "linux" | "windows"
    "arch": "x86_64",             // "x86_64" | "arm64"
    "vcpu": 1,                    // ECS: a valid task size (0.25, 0.5, 1, 2, 4, 8, 16, 32)
    "memoryGiB": 2,               // valid for the vCPU (e.g. 1 vCPU: 2-8 GiB)
    "storageGiB": 20,             // ephemeral storage per task, 20 included; ECS up to 200, EKS up to 175
    "tasks": 3,                   // tasks running at once
    "schedule": { "type": "always-on" },
        // or { "type": "duty-cycle", "percent": 40 }
        // or { "type": "batch", "runsPerMonth": 1000, "secondsPerRun": 10 }
    "spotPercent": 0,             // 0..100 share of task-hours on Fargate Spot (ECS Linux only)
        // or instead "capacityProviders": [{ "provider": "FARGATE", "base": 2, "weight": 1 },
        //                                  { "provider": "FARGATE_SPOT", "weight": 3 }]  (ECS's split: base, then weight)
    "savingsPlan": "none"         // "none" | "1yr-no-upfront" | "1yr-all-upfront" | "3yr-no-upfront" | "3yr-all-upfront"
  }],
  "ec2": {                        // optional: how the equivalent EC2 cluster is built and bought
    "networking": "awsvpc",       // "awsvpc" (tasks per instance capped by ENIs) | "bridge"
    "eniTrunking": false,
    "headroomPercent": 5,
    "reservedMemoryMiB": 256,
    "unregisteredMemoryPercent": 2.5,
    "scaling": "always-on",       // "always-on" | "scale-with-tasks" (batch and duty-cycle work)
    "spotPercent": 0,             // share of instance-hours on EC2 Spot (estimate)
    "commitment": "none",         // "none" | "1yr" | "3yr" (discount estimates)
    "ebsRootGiB": 30,
    "instanceTypes": []           // restrict the search, e.g. ["m6i.large"]
  }
}

Version 2 (the whole bill; set "version": 2): every field below is optional.
  per workload:
    "publicIp": false,            // each running task holds a public IPv4 address (per address-hour)
    "logs": { "ingestedGiBPerMonth": 0, "storedGiB": 0 }   // CloudWatch Logs, Standard class
  per scenario:
  "services": {
    "loadBalancers": [{ "name": "web", "type": "application", // or "network"
                        "capacityUnits": 1,   // average LCUs (NLCUs) per hour
                        "internetFacing": true, "azs": 2 }],  // internet-facing: one public IPv4 per AZ
    "natGateways": { "count": 0, "processedGiBPerMonth": 0 },  // each gateway also holds a public IPv4
    "dataTransfer": { "internetOutGiBPerMonth": 0,    // by AWS's tiers; the free 100 GB is not applied
                      "interAzGiBPerMonth": 0 },      // billed on each side (2 x GB)
    "fileSystems": [{ "name": "shared", "storageClass": "standard", // "standard-ia" | "archive" | "one-zone" | "one-zone-ia"
                      "storedGiB": 100, "readGiBPerMonth": 0, "writeGiBPerMonth": 0 }], // EFS, Elastic Throughput
    "eksClusters": { "count": 0, "extendedSupport": false },  // the EKS cluster-hour (+ extended support)
    "containerRegistry": { "storedGiB": 0 }                    // ECR storage
  }
  The EC2 side prices the same services and logs, and one public IPv4 per instance when tasks are public.
  A region without a price for an item refuses that item. JSON totals: computeMonthlyCost,
  servicesMonthlyCost (everything beside compute) and monthlyCost (the whole bill); ec2.wholeBill likewise.

Exit status: 0 success; 2 invalid input (each problem on stderr as "path: message"); 3 (diff) over --fail-above.
`;

/** The columns a table or CSV can show, in order (--columns; default all three). */
const COLUMNS = ["fargate", "managed-instances", "ec2"] as const;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const fail = (problems: Problem[]): CliResult => ({
  code: 2,
  stdout: "",
  // Messages quote names from the file: escaped for the terminal (terminalText).
  stderr: terminalText(problems.map((p) => `${p.path || "(scenario)"}: ${p.message}`).join("\n") + "\n"),
});

/** The CLI as a pure-ish function of its arguments and a file reader, so tests drive it directly. */
export function runCli(argv: string[], readFile: (path: string) => string): CliResult {
  if (argv[0] === "diff") return runDiff(argv.slice(1), readFile);
  if (argv.includes("--help") || argv.includes("-h")) return { code: 0, stdout: HELP, stderr: "" };
  const args = parseCliArgs(argv, ["format", "import", "region", "columns"]);
  if (!args.ok) return fail([{ path: "arguments", message: `${args.error.message} (see --help)` }]);
  const { format = "json", import: importFile, region = "us-east-1", columns = COLUMNS.join(",") } = args.value.values;
  const shown = columns.split(",").map((c) => c.trim());
  if (!shown.includes("fargate") || shown.some((c) => !(COLUMNS as readonly string[]).includes(c)))
    return fail([{ path: "--columns", message: `a comma-separated list of ${COLUMNS.join(", ")}, with fargate (got "${columns}")` }]);
  const files = args.value.positionals;
  if (!["json", "table", "csv"].includes(format)) return fail([{ path: "--format", message: `must be json, table or csv (got "${format}")` }]);
  if (importFile !== undefined) {
    if (!importFile || files.length) return fail([{ path: "--import", message: "give one task definition or Kubernetes file, or - for standard input" }]);
    files.push(importFile);
  }
  if (files.length !== 1) return fail([{ path: "arguments", message: "give exactly one scenario file, or - for standard input (see --help)" }]);
  const file = files[0]!;

  let text: string;
  try {
    text = readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail([{ path: file, message: code === "ENOENT" ? "file not found" : `cannot read the file (${code ?? "error"})` }]);
  }
  let json: unknown;
  if (importFile !== undefined) {
    const imported = importWorkload(text);
    if (!imported.ok) return fail([{ path: file, message: imported.error.message }]);
    const names = imported.value.workloads.map((w) => w.name).join(", ");
    json = { name: names.length > 120 ? `${names.slice(0, 117)}...` : names, region, workloads: imported.value.workloads };
  } else {
    try {
      json = JSON.parse(text);
    } catch (e) {
      return fail([{ path: file, message: `not valid JSON: ${(e as Error).message}` }]);
    }
  }
  const parsed = parseScenario(json, fargateCatalog, extrasCatalog);
  if (!parsed.ok) return fail(parsed.error);
  const estimate = estimateAll(parsed.value, fargateCatalog, ec2Catalog, extrasCatalog);
  const input = {
    scenario: parsed.value,
    fargate: estimate,
    ...(shown.includes("managed-instances") ? { managedInstances: estimate.managedInstances } : {}),
    ...(shown.includes("ec2") ? { ec2: estimate.ec2 } : {}),
  };
  const stdout = format === "table" ? estimateToTable(input) : format === "csv" ? estimateToCsv(input) : `${JSON.stringify(estimate, null, 2)}\n`;
  return { code: 0, stdout, stderr: "" };
}

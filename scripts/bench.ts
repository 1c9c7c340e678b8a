/**
 * `npm run bench` [-- --json]: times the engine on this machine. Median of several runs after a warm-up (three runs
 * for engine10k and the EC2 searches: a 10,000-workload search needs a few calls before V8 has optimized its code,
 * and with one warm-up run the scaled figure measured mostly that).
 * engine10k: estimateScenario on a 10,000-workload scenario (validated once beforehand; parse is timed apart), cold:
 * fresh workload objects each run. engine10kOneChanged: the same with one workload changed since the last call (the
 * calculator's keystroke path: the engine remembers the others' estimates by their input objects).
 * ec2Search1k: estimateEc2 (packing + purchase options + break-even) for 1,000 workloads.
 * ec2Search10k: the same for 10,000 workloads (cluster always on); ec2Search10kScaled: 10,000 workloads with
 * duty-cycle and batch schedules and scaling "scale-with-tasks" (each part-time workload gets its own instances).
 * urlRoundTrip1k: 1,000 share-link encode/decode round trips (decode validates with the scenario schema).
 * `--browser`: the page's figures instead, in Chromium (scripts/bench-browser.ts; needs a build).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fargateCatalog } from "@/lib/catalog";
import { ec2Catalog } from "@/lib/catalog/ec2";
import { estimateEc2 } from "@/lib/pricing/ec2";
import { mixedScenario } from "@/lib/pricing/ec2/test-helpers";
import { estimateScenario } from "@/lib/pricing/estimate";
import { parseScenario } from "@/lib/scenario/parse";
import { decodeScenario, encodeScenario } from "@/lib/scenario/url";
import type { ScenarioInput, WorkloadInput } from "@/lib/scenario/schema";

const json = process.argv.includes("--json");
if (process.argv.includes("--browser")) {
  const tsx = path.join(__dirname, "..", "node_modules", ".bin", "tsx");
  process.exit(spawnSync(tsx, [path.join(__dirname, "bench-browser.ts"), ...process.argv.slice(2)], { stdio: "inherit" }).status ?? 1);
}

function median(fn: () => unknown, runs = 7, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]! * 10) / 10;
}

/** A deterministic mix of every kind of workload the engine prices. */
export function benchScenario(count: number): ScenarioInput {
  const shapes: Omit<WorkloadInput, "name">[] = [
    { vcpu: 1, memoryGiB: 2, tasks: 3 },
    { vcpu: 0.5, memoryGiB: 1, tasks: 10, arch: "arm64", spotPercent: 50 },
    { vcpu: 2, memoryGiB: 8, tasks: 2, storageGiB: 60, savingsPlan: "1yr-no-upfront" },
    { vcpu: 1, memoryGiB: 8, platform: "eks", tasks: 4 },
    { vcpu: 1, memoryGiB: 2, os: "windows", tasks: 1, schedule: { type: "duty-cycle", percent: 40 } },
    { vcpu: 4, memoryGiB: 16, tasks: 1, schedule: { type: "batch", runsPerMonth: 1000, secondsPerRun: 10 } },
  ];
  return {
    name: "bench",
    region: "us-east-1",
    workloads: Array.from({ length: count }, (_, i) => ({ name: `w${i}`, ...shapes[i % shapes.length]! })),
  };
}

const input = benchScenario(10_000);
const parsed = parseScenario(input, fargateCatalog);
if (!parsed.ok) throw new Error(parsed.error[0]?.message);
const scenario = parsed.value;

// Cold pricing, as the CLI and the API price a scenario: the engine remembers each workload's estimate by its input
// object (the calculator re-prices only the workload a keystroke changed), so every run gets fresh workload objects.
const coldCopies = Array.from({ length: 18 }, () => ({ ...scenario, workloads: scenario.workloads.map((w) => ({ ...w })) }));
let coldRun = 0;
const engine10k = median(() => estimateScenario(coldCopies[coldRun++]!, fargateCatalog), 15, 3);
// The calculator's keystroke path: the same 10,000 workloads with one changed (the other 9,999 are remembered).
const warmBase = coldCopies[0]!;
const warmCopies = Array.from({ length: 18 }, (_, i) => ({ ...warmBase, workloads: warmBase.workloads.map((w, j) => (j === i ? { ...w } : w)) }));
let warmRun = 0;
const engine10kOneChanged = median(() => estimateScenario(warmCopies[warmRun++]!, fargateCatalog), 15, 3);
const parse10k = median(() => parseScenario(input, fargateCatalog));

// EC2 search: 1,000 workloads of 24 sizes with 100-399 tasks each, against every us-east-1 candidate type.
const ec2Parsed = parseScenario(mixedScenario(1000), fargateCatalog);
if (!ec2Parsed.ok) throw new Error(ec2Parsed.error[0]?.message);
const ec2Scenario = ec2Parsed.value;
const ec2Fargate = estimateScenario(ec2Scenario, fargateCatalog);
const ec2At = (input: ScenarioInput) => {
  const p = parseScenario(input, fargateCatalog);
  if (!p.ok) throw new Error(p.error[0]?.message);
  return { scenario: p.value, fargate: estimateScenario(p.value, fargateCatalog) };
};
const ec2Big = ec2At(mixedScenario(10_000));
const ec2BigScaled = ec2At(mixedScenario(10_000, { scaling: "scale-with-tasks" }, true));

// Share links: 1,000 encode + decode (validate) round trips of a 12-workload scenario.
const urlParsed = parseScenario(benchScenario(12), fargateCatalog);
if (!urlParsed.ok) throw new Error(urlParsed.error[0]?.message);
const urlScenario = urlParsed.value;
function urlRoundTrips(n: number) {
  for (let i = 0; i < n; i++) {
    const decoded = decodeScenario(encodeScenario(urlScenario), fargateCatalog);
    if (!decoded.ok) throw new Error(decoded.error.message);
  }
}

const figures = {
  engine10k,
  engine10kOneChanged,
  ec2Search1k: median(() => estimateEc2(ec2Scenario, ec2Fargate, ec2Catalog), 7, 3),
  ec2Search10k: median(() => estimateEc2(ec2Big.scenario, ec2Big.fargate, ec2Catalog), 7, 3),
  ec2Search10kScaled: median(() => estimateEc2(ec2BigScaled.scenario, ec2BigScaled.fargate, ec2Catalog), 7, 3),
  urlRoundTrip1k: median(() => urlRoundTrips(1000), 5, 1),
  parse10k,
};

if (json) {
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} else {
  console.log(`engine10k  ${figures.engine10k} ms  (estimateScenario, 10,000 workloads, cold; budget 20 ms)`);
  console.log(`engine10kOneChanged ${figures.engine10kOneChanged} ms  (the same, one workload changed since the last call)`);
  console.log(`ec2Search1k ${figures.ec2Search1k} ms  (estimateEc2, 1,000 workloads x every us-east-1 candidate; budget 100 ms)`);
  console.log(`ec2Search10k ${figures.ec2Search10k} ms  (estimateEc2, 10,000 workloads, cluster always on; budget 50 ms)`);
  console.log(`ec2Search10kScaled ${figures.ec2Search10kScaled} ms  (estimateEc2, 10,000 workloads, scale-with-tasks; budget 50 ms)`);
  console.log(`urlRoundTrip1k ${figures.urlRoundTrip1k} ms  (1,000 share-link encode + decode + validate, 12 workloads)`);
  console.log(`parse10k   ${figures.parse10k} ms  (parseScenario, 10,000 workloads)`);
}

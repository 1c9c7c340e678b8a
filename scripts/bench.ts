/**
 * `npm run bench` [-- --json]: times the engine on this machine. Median of several runs after a warm-up (three runs
 * for engine10k and the EC2 searches: a 10,000-workload search needs a few calls before V8 has optimized its code,
 * and with one warm-up run the scaled figure measured mostly that).
 * engine10k: estimateScenario on a 10,000-workload scenario (validated once beforehand; parse is timed apart), cold:
 * fresh workload objects each run. engineFloat10k: the same workloads priced in plain floating-point numbers with the
 * same line-item objects (scripts/lib/float-reference.ts), measured in alternating blocks with engine10k;
 * engineRatio = engine10k / engineFloat10k (budget 3). engine10kLineItems: engine10k with every line item read (the
 * engine builds them on first read), and engineLineItemsRatio its ratio to the float reference.
 * engine10kOneChanged: the same with one workload changed since the last call (the calculator's keystroke path: the
 * engine reuses the estimates of the workload objects its last calls priced).
 * ec2Search1k: estimateEc2 (packing + purchase options + break-even) for 1,000 workloads.
 * ec2Search10k: the same for 10,000 workloads (cluster always on); ec2Search10kScaled: 10,000 workloads with
 * duty-cycle and batch schedules and scaling "scale-with-tasks" (each part-time workload gets its own instances).
 * urlRoundTrip1k: 1,000 share-link encode/decode round trips (decode validates with the scenario schema).
 * cliStart: the bundled CLI (dist/cli, built first when missing) answering `estimate examples/checkout.json` in a new
 * Node process, start to exit (budget 300 ms; the bundle is built afresh first); nodeStart: `node -e 0` on the same
 * machine, timed in alternating blocks with cliStart, for scale; cliStartRatio = cliStart / nodeStart.
 * `--browser`: the page's figures instead, in Chromium (scripts/bench-browser.ts; needs a build).
 * `--bill [--mb N]`: the bill reader on a synthetic CUR 2.0 export it generates (scripts/bench-bill.ts).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { ec2Catalog } from "@/lib/catalog/ec2";
import { estimateEc2, estimateScenario } from "@/lib/pricing";
import { mixedScenario } from "@/lib/pricing/ec2/test-helpers";
import { importWorkload } from "@/lib/scenario/import";
import { podWithLabels } from "../e2e/perf";
import { decodeScenario, encodeScenario, parseScenario, type ScenarioInput } from "@/lib/scenario";
import { benchScenario } from "./lib/bench-scenario";
import { estimateScenarioFloat } from "./lib/float-reference";

const json = process.argv.includes("--json");
if (process.argv.includes("--browser")) {
  const tsx = path.join(__dirname, "..", "node_modules", ".bin", "tsx");
  process.exit(spawnSync(tsx, [path.join(__dirname, "bench-browser.ts"), ...process.argv.slice(2)], { stdio: "inherit" }).status ?? 1);
}
if (process.argv.includes("--bill")) {
  const tsx = path.join(__dirname, "..", "node_modules", ".bin", "tsx");
  process.exit(spawnSync(tsx, [path.join(__dirname, "bench-bill.ts"), ...process.argv.slice(2)], { stdio: "inherit" }).status ?? 1);
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

/**
 * The medians of several functions measured side by side: in each round, a warm-up run and then `runs` runs of each
 * function in turn (in blocks, so each block collects its own garbage), in ms to 0.01.
 */
function medians(fns: (() => unknown)[], rounds: number, runs: number): number[] {
  const times = fns.map((): number[] => []);
  for (let r = 0; r < rounds; r++)
    fns.forEach((fn, k) => {
      fn();
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        fn();
        times[k]!.push(performance.now() - t0);
      }
    });
  return times.map((t) => {
    t.sort((a, b) => a - b);
    return Math.round(t[Math.floor(t.length / 2)]! * 100) / 100;
  });
}

const input = benchScenario(10_000);
const parsed = parseScenario(input, fargateCatalog);
if (!parsed.ok) throw new Error(parsed.error[0]?.message);
const scenario = parsed.value;

// Cold pricing, as the CLI and the API price a scenario: the engine remembers each workload's estimate by its input
// object (the calculator re-prices only the workload a keystroke changed), so every run gets fresh workload objects.
// The floor it is measured against: the same 10,000 workloads (the same objects) priced in plain floating-point
// numbers, building the same line-item objects (scripts/lib/float-reference.ts), in rounds alternating with the
// engine's runs so both meet the same machine. engine10kLineItems: the engine's cold run with every workload's line
// items read (they are built on first read), on workload objects of its own.
const coldCopies = Array.from({ length: 18 }, () => ({ ...scenario, workloads: scenario.workloads.map((w) => ({ ...w })) }));
const itemCopies = Array.from({ length: 18 }, () => ({ ...scenario, workloads: scenario.workloads.map((w) => ({ ...w })) }));
let coldRun = 0;
let floatRun = 0;
let itemRun = 0;
const [engine10k, engineFloat10k, engine10kLineItems] = medians(
  [
    () => estimateScenario(coldCopies[coldRun++]!, fargateCatalog),
    () => estimateScenarioFloat(coldCopies[floatRun++]!, fargateCatalog),
    () => {
      for (const w of estimateScenario(itemCopies[itemRun++]!, fargateCatalog).workloads) if (w.lineItems.length === 0) throw new Error("no line items");
    },
  ],
  3,
  5,
) as [number, number, number];
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
// The calculator's keystroke path: the same 10,000 workloads with one changed since the last call (the previous
// call's changed one is back to its first object: 9,998 are reused from the last call, two priced).
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

// YAML import is linear in the key count (issue 10): 4x the keys should cost about 4x the time (quadratic: 16x).
const [pod5k, pod20k] = [podWithLabels(5_000), podWithLabels(20_000)];
const yamlImport20k = median(() => importWorkload(pod20k), 5, 1);
const yamlImport5k = median(() => importWorkload(pod5k), 5, 1);

// The bundled CLI, as a user runs it: a new process each time (after one run that fills Node's compile cache, if any),
// built afresh from this checkout (a dist/cli left from an older build would time older code).
const root = path.join(__dirname, "..");
const cli = path.join(root, "dist", "cli", "fargate-estimator.mjs");
const built = spawnSync(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], { encoding: "utf8" });
if (built.status !== 0) throw new Error(`npm run build:cli: exit ${built.status} ${built.stderr}`);
const run = (args: string[]) => () => {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${args.join(" ")}: exit ${r.status} ${r.stderr}`);
};
// In alternating blocks, so a busy machine slows both alike (cliStartRatio: how many `node -e 0` the CLI costs).
const [cliStart, nodeStart] = medians([run([cli, "estimate", "examples/checkout.json"]), run(["-e", "0"])], 5, 3) as [number, number];

const figures = {
  engine10k,
  engineFloat10k,
  engineRatio: ratio(engine10k, engineFloat10k),
  engine10kLineItems,
  engineLineItemsRatio: ratio(engine10kLineItems, engineFloat10k),
  engine10kOneChanged,
  ec2Search1k: median(() => estimateEc2(ec2Scenario, ec2Fargate, ec2Catalog), 7, 3),
  ec2Search10k: median(() => estimateEc2(ec2Big.scenario, ec2Big.fargate, ec2Catalog), 7, 3),
  ec2Search10kScaled: median(() => estimateEc2(ec2BigScaled.scenario, ec2BigScaled.fargate, ec2Catalog), 7, 3),
  urlRoundTrip1k: median(() => urlRoundTrips(1000), 5, 1),
  parse10k,
  yamlImport20k,
  yamlKeysRatio: ratio(yamlImport20k, yamlImport5k),
  cliStart,
  nodeStart,
  cliStartRatio: ratio(cliStart, nodeStart),
};

if (json) {
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} else {
  console.log(`engine10k  ${figures.engine10k} ms  (estimateScenario, 10,000 workloads, cold; budget 20 ms)`);
  console.log(
    `engineFloat10k ${figures.engineFloat10k} ms  (the same in plain floating-point numbers, same line-item objects: scripts/lib/float-reference.ts)`,
  );
  console.log(`engineRatio ${figures.engineRatio}  (engine10k / engineFloat10k, same process, runs alternated; budget 3)`);
  console.log(`engine10kLineItems ${figures.engine10kLineItems} ms  (engine10k with every workload's line items read; ratio ${figures.engineLineItemsRatio})`);
  console.log(`engine10kOneChanged ${figures.engine10kOneChanged} ms  (the same, one workload changed since the last call)`);
  console.log(`ec2Search1k ${figures.ec2Search1k} ms  (estimateEc2, 1,000 workloads x every us-east-1 candidate; budget 100 ms)`);
  console.log(`ec2Search10k ${figures.ec2Search10k} ms  (estimateEc2, 10,000 workloads, cluster always on; budget 50 ms)`);
  console.log(`ec2Search10kScaled ${figures.ec2Search10kScaled} ms  (estimateEc2, 10,000 workloads, scale-with-tasks; budget 50 ms)`);
  console.log(`urlRoundTrip1k ${figures.urlRoundTrip1k} ms  (1,000 share-link encode + decode + validate, 12 workloads)`);
  console.log(`parse10k   ${figures.parse10k} ms  (parseScenario, 10,000 workloads)`);
  console.log(
    `yamlImport20k ${figures.yamlImport20k} ms  (a Pod with 20,000 labels; 20k/5k keys ratio ${figures.yamlKeysRatio}: linear about 4, quadratic 16)`,
  );
  console.log(
    `cliStart   ${figures.cliStart} ms  (the bundled CLI: estimate examples/checkout.json in a new process; budget 300 ms; node -e 0: ${figures.nodeStart} ms, ratio ${figures.cliStartRatio})`,
  );
}

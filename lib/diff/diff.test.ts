import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { parseScenario } from "@/lib/scenario/parse";
import type { Scenario } from "@/lib/scenario/schema";
import { diffScenarios, diffToJson, growsMoreThan } from "./diff";
import { diffToMarkdown, diffToTable } from "./render";
import { besidePath, loadSide } from "./source";

// us-east-1 rates in the snapshot: Linux x86_64 on-demand 0.04048 per vCPU-hour, 0.004445 per GB-hour;
// Fargate Spot x86_64 0.01288871 / 0.00141527. eu-central-1: 0.04656 / 0.00511. Month = 730 hours.

const scenario = (input: unknown): Scenario => {
  const r = parseScenario(input, fargateCatalog);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const json = (d: ReturnType<typeof diffScenarios>) =>
  diffToJson(d) as {
    base: { monthlyCost: string };
    head: { monthlyCost: string };
    difference: { monthlyCost: string; percent: string | null };
    workloads: { name: string; change: string; baseMonthlyCost: string | null; headMonthlyCost: string | null; difference: string; reasons: string[] }[];
  };
const load = (path: string, text: string, beside?: string, region = "us-east-1") => {
  const r = loadSide({ file: { path, text }, beside: beside === undefined ? undefined : { path: besidePath(path), text: beside } }, { region }, fargateCatalog);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.scenario;
};

describe("diff of two scenario files", () => {
  const base = scenario({
    region: "us-east-1",
    workloads: [
      { name: "api", vcpu: 1, memoryGiB: 2, tasks: 2 },
      { name: "worker", vcpu: 0.5, memoryGiB: 1 },
      { name: "static", vcpu: 0.25, memoryGiB: 0.5 },
    ],
  });
  const head = scenario({
    region: "us-east-1",
    workloads: [
      { name: "api", vcpu: 2, memoryGiB: 4, tasks: 3, spotPercent: 50 },
      { name: "static", vcpu: 0.25, memoryGiB: 0.5 },
      { name: "report", vcpu: 1, memoryGiB: 2, schedule: { type: "batch", runsPerMonth: 1000, secondsPerRun: 10 } },
    ],
  });
  const d = diffScenarios(base, head, fargateCatalog);
  const j = json(d);

  it("prices each workload on both sides, matched by name", () => {
    // api BASE: 2 tasks x 730 h = 1460 task-hours; 1460 x 1 x 0.04048 = 59.1008; 1460 x 2 x 0.004445 = 12.9794; = 72.0802
    // api HEAD: 3 x 730 = 2190 task-hours, half on Spot: 1095 on-demand + 1095 Spot, at 2 vCPU / 4 GB:
    //   on-demand 1095 x 2 x 0.04048 = 88.6512; 1095 x 4 x 0.004445 = 19.4691
    //   Spot      1095 x 2 x 0.01288871 = 28.2262749; 1095 x 4 x 0.00141527 = 6.1988826
    //   = 142.5454575; difference 142.5454575 - 72.0802 = 70.4652575
    const api = j.workloads.find((w) => w.name === "api")!;
    expect(api).toMatchObject({ change: "changed", baseMonthlyCost: "72.0802", headMonthlyCost: "142.5454575", difference: "70.4652575" });
    expect(api.reasons).toEqual(["vCPU 1 → 2", "memory 2 GiB → 4 GiB", "tasks 2 → 3", "Spot 0% → 50%"]);
    // worker (removed): 730 x (0.5 x 0.04048 + 1 x 0.004445) = 730 x 0.024685 = 18.02005
    expect(j.workloads.find((w) => w.name === "worker")).toMatchObject({
      change: "removed",
      baseMonthlyCost: "18.02005",
      headMonthlyCost: null,
      difference: "-18.02005",
    });
    // static: 730 x (0.25 x 0.04048 + 0.5 x 0.004445) = 730 x 0.0123425 = 9.010025 on both sides
    expect(j.workloads.find((w) => w.name === "static")).toMatchObject({
      change: "unchanged",
      baseMonthlyCost: "9.010025",
      headMonthlyCost: "9.010025",
      difference: "0",
      reasons: [],
    });
    // report (added): 1000 runs, each 10 s billed as the 60 s Linux minimum: 60,000 s = 16.6666... h (20 decimals)
    //   x (0.04048 + 2 x 0.004445 = 0.04937) = 0.8228333... -> $0.82
    const report = j.workloads.find((w) => w.name === "report")!;
    expect(report.change).toBe("added");
    expect(report.baseMonthlyCost).toBeNull();
    expect(Number(report.headMonthlyCost)).toBeCloseTo(0.822833, 6);
    expect(report.reasons).toEqual(["added: 1 × 1 vCPU / 2 GiB, batch 1,000 runs × 10 s"]);
  });

  it("totals are the engine's scenario totals, and the percent is of the base", () => {
    // BASE 72.0802 + 18.02005 + 9.010025 = 99.110275
    expect(j.base.monthlyCost).toBe("99.110275");
    // HEAD 142.5454575 + 9.010025 + 0.8228333... = 152.3783158...
    expect(Number(j.head.monthlyCost)).toBeCloseTo(152.378316, 6);
    // (152.3783158 - 99.110275) / 99.110275 = 53.7460...%
    expect(j.difference.percent).toBe("53.75");
    expect(growsMoreThan(d, 53.74)).toBe(true);
    expect(growsMoreThan(d, 53.75)).toBe(false);
  });

  it("Markdown: the total change first, rows that add up to the totals shown, line items folded", () => {
    const md = diffToMarkdown([{ diff: d }]);
    const lines = md.split("\n");
    // 152.3783158 - 99.110275 = 53.2680408 -> shown as $152.38 - $99.11 = $53.27
    expect(lines[1]).toBe("### Fargate cost: +$53.27 a month (+53.75%)");
    expect(md).toContain("**$99.11 → $152.38** a month in us-east-1");
    // api 142.5454575 -> 142.55; report 0.8228333 -> 0.82; static 9.010025 -> 9.01: 152.38 = the total. No adjustment needed.
    expect(md).toContain("| api | changed | $72.08 | $142.55 | +$70.47 | vCPU 1 → 2; memory 2 GiB → 4 GiB; tasks 2 → 3; Spot 0% → 50% |");
    expect(md).toContain("| report | added | – | $0.82 | +$0.82 | added: 1 × 1 vCPU / 2 GiB, batch 1,000 runs × 10 s |");
    expect(md).toContain("| worker | removed | $18.02 | – | -$18.02 |");
    expect(md).toContain("| static | unchanged | $9.01 | $9.01 | $0.00 |  |");
    expect(md).toContain("| **Total** | | **$99.11** | **$152.38** | **+$53.27** | |");
    expect(md.indexOf("### Fargate cost")).toBeLessThan(md.indexOf("| Workload |"));
    expect(md).toMatch(/<details><summary>Line items[^<]*<\/summary>\n\n\| Workload \| Line item \|/);
    // Spot vCPU 28.2262749 -> $28.23 (the api line items 88.65 + 19.47 + 28.23 + 6.20 add up to its $142.55)
    expect(md).toContain("| api | Fargate vCPU (Spot, Linux/x86\\_64) | – | $28.23 | +$28.23 |");
    expect(md.trimEnd().endsWith("</sub>")).toBe(true);
  });

  it("a table for the terminal", () => {
    const t = diffToTable([{ diff: d }]);
    expect(t.split("\n")[0]).toBe("Fargate cost: +$53.27 a month (+53.75%)");
    expect(t).toMatch(/^api\s+changed\s+\$72\.08\s+\$142\.55\s+\+\$70\.47\s+vCPU 1 → 2; memory 2 GiB → 4 GiB; tasks 2 → 3; Spot 0% → 50%$/m);
    expect(t).toMatch(/^Total\s+\$99\.11\s+\$152\.38\s+\+\$53\.27$/m);
  });

  it("the terminal table escapes control characters in names and section titles (issue 19 item 11)", () => {
    const hostile = scenario({ workloads: [{ name: "api\x1b]52;c;cHduZWQ=\x07\x1b[2J", vcpu: 1, memoryGiB: 2 }] });
    const diff = diffScenarios(null, hostile, fargateCatalog);
    const t = diffToTable([
      { diff, title: "a\x1b]0;owned\x07.yaml" },
      { diff, title: "b\u009b2J.yaml" },
    ]);
    expect(t).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(t).toContain("a\\x1b]0;owned\\x07.yaml: ");
    expect(t).toContain("b\\x9b2J.yaml: ");
    expect(t).toMatch(/^api\\x1b]52;c;cHduZWQ=\\x07\\x1b\[2J\s+added/m);
  });

  it("rounded rows always add up to the rounded total shown (largest remainder)", () => {
    // Three workloads of 0.25 vCPU / 0.5 GB x 1 task at 50% duty cycle: 365 h x 0.0123425 = 4.5050125 each -> $4.51.
    // Total 13.5150375 -> $13.52, but 3 x $4.51 = $13.53: one row shows $4.50 so the column adds up.
    const small = (n: number) =>
      scenario({
        workloads: Array.from({ length: n }, (_, i) => ({ name: `w${i}`, vcpu: 0.25, memoryGiB: 0.5, schedule: { type: "duty-cycle", percent: 50 } })),
      });
    const md = diffToMarkdown([{ diff: diffScenarios(null, small(3), fargateCatalog) }]);
    const heads = [...md.matchAll(/^\| w\d \| added \| – \| \$(\d+\.\d\d) \|/gm)].map((m) => m[1]);
    expect(heads.sort()).toEqual(["4.50", "4.51", "4.51"]);
    expect(md).toContain("| **Total** | | **$0.00** | **$13.52** | **+$13.52** | |");
    expect(md).toContain("### Fargate cost: +$13.52 a month (new cost)");
  });

  it("a region move is a reason, and is priced at the new region's rates", () => {
    // eu-central-1: 730 x (1 x 0.04656 + 2 x 0.00511) = 730 x 0.05678 = 41.4494; us-east-1 36.0401
    const a = scenario({ region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2 }] });
    const b = scenario({ region: "eu-central-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2 }] });
    const r = json(diffScenarios(a, b, fargateCatalog));
    expect(r.workloads[0]).toMatchObject({
      change: "changed",
      baseMonthlyCost: "36.0401",
      headMonthlyCost: "41.4494",
      difference: "5.4093",
      reasons: ["region us-east-1 → eu-central-1"],
    });
    // 5.4093 / 36.0401 = 15.0091...%
    expect(r.difference.percent).toBe("15.01");
  });

  it("the same name twice matches in order, and says which", () => {
    const a = scenario({
      workloads: [
        { name: "api", vcpu: 1, memoryGiB: 2 },
        { name: "api", vcpu: 1, memoryGiB: 2 },
      ],
    });
    const b = scenario({
      workloads: [
        { name: "api", vcpu: 1, memoryGiB: 2 },
        { name: "api", vcpu: 1, memoryGiB: 3 },
      ],
    });
    const r = json(diffScenarios(a, b, fargateCatalog));
    expect(r.workloads.map((w) => [w.name, w.change])).toEqual([
      ["api", "unchanged"],
      ["api (2)", "changed"],
    ]);
    // 730 x 1 GB x 0.004445 = 3.24485
    expect(r.workloads[1]!.difference).toBe("3.24485");
  });

  it("no change at all, and a decrease", () => {
    const a = scenario({ workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 2 }] });
    const same = diffScenarios(a, a, fargateCatalog);
    expect(diffToMarkdown([{ diff: same }]).split("\n")[1]).toBe("### Fargate cost: no change ($72.08 a month)");
    expect(json(same).difference).toEqual({ monthlyCost: "0", percent: "0.00" });
    const b = scenario({ workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 1, savingsPlan: "1yr-no-upfront" }] });
    const down = diffScenarios(a, b, fargateCatalog);
    // HEAD: 730 x (0.032384 + 2 x 0.003556) = 730 x 0.039496 = 28.83208; -43.24812 of 72.0802 = -60.00%
    expect(json(down).workloads[0]).toMatchObject({
      headMonthlyCost: "28.83208",
      difference: "-43.24812",
      reasons: ["tasks 2 → 1", "Savings Plan none → 1yr no upfront"],
    });
    expect(json(down).difference.percent).toBe("-60.00");
    expect(growsMoreThan(down, 0)).toBe(false);
    expect(diffToMarkdown([{ diff: down }]).split("\n")[1]).toBe("### Fargate cost: -$43.25 a month (-60.00%)");
  });

  it("names from files cannot break the table or mention anyone", () => {
    const a = scenario({ workloads: [{ name: "a|b <img src=x onerror=alert(1)> @octocat **x**", vcpu: 1, memoryGiB: 2 }] });
    const md = diffToMarkdown([{ diff: diffScenarios(null, a, fargateCatalog) }]);
    // "@" is "&#64;" plus a zero-width space: GitHub finds mentions in the rendered text, where the entity is "@" again.
    expect(md).toContain("| a\\|b &lt;img src=x onerror=alert(1)&gt; &#64;&#8203;octocat \\*\\*x\\*\\* | added |");
    expect(md).not.toContain("<img");
  });
});

describe("diff of ECS task definitions, with a scenario beside them", () => {
  const taskDef = (cpu: string, memory: string) =>
    JSON.stringify({ family: "web", requiresCompatibilities: ["FARGATE"], cpu, memory, containerDefinitions: [{ name: "web", image: "nginx" }] });

  it("sizes come from the task definition, tasks from the scenario beside it", () => {
    const beside = JSON.stringify({ workloads: [{ name: "web", tasks: 2 }] });
    const base = load(".aws/task-definition.json", taskDef("512", "1024"), beside);
    const head = load(".aws/task-definition.json", taskDef("1024", "2048"), beside);
    const r = json(diffScenarios(base, head, fargateCatalog));
    // BASE 2 x 730 = 1460 h x (0.5 x 0.04048 + 1 x 0.004445 = 0.024685) = 36.0401
    // HEAD 1460 h x (1 x 0.04048 + 2 x 0.004445 = 0.04937) = 72.0802; +100%
    expect(r.workloads).toEqual([
      expect.objectContaining({
        name: "web",
        change: "changed",
        baseMonthlyCost: "36.0401",
        headMonthlyCost: "72.0802",
        difference: "36.0401",
        reasons: ["vCPU 0.5 → 1", "memory 1 GiB → 2 GiB"],
      }),
    ]);
    expect(r.difference.percent).toBe("100.00");
  });

  it("without a scenario beside it: one task, always on, in --region", () => {
    const s = load("td.json", taskDef("1024", "2048"), undefined, "eu-central-1");
    expect(s.region).toBe("eu-central-1");
    // 730 x (0.04656 + 2 x 0.00511) = 41.4494
    expect(json(diffScenarios(null, s, fargateCatalog)).head.monthlyCost).toBe("41.4494");
  });

  it("the scenario beside it can change tasks and Spot between commits", () => {
    const base = load("td.json", taskDef("1024", "2048"), JSON.stringify({ workloads: [{ name: "web", tasks: 2 }] }));
    const head = load("td.json", taskDef("1024", "2048"), JSON.stringify({ workloads: [{ name: "web", tasks: 2, spotPercent: 100 }] }));
    const r = json(diffScenarios(base, head, fargateCatalog));
    // HEAD all Spot: 1460 x (0.01288871 + 2 x 0.00141527 = 0.01571925) = 22.950105; 22.950105 - 72.0802 = -49.130095
    expect(r.workloads[0]).toMatchObject({ headMonthlyCost: "22.950105", difference: "-49.130095", reasons: ["Spot 0% → 100%"] });
  });
});

describe("diff of Kubernetes manifests with several documents", () => {
  const manifests = (replicas: number, secondsPerRun?: number) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: ${replicas}
  template:
    spec:
      containers:
        - name: api
          resources: {requests: {cpu: 500m, memory: 1Gi}}
---
apiVersion: v1
kind: Service
metadata: {name: api}
spec: {ports: [{port: 80}]}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: report
              resources: {requests: {cpu: "1", memory: 2Gi}}
${secondsPerRun ? "" : ""}`;
  const beside = (secondsPerRun: number) => JSON.stringify({ workloads: [{ name: "report", schedule: { type: "batch", runsPerMonth: 30, secondsPerRun } }] });

  it("replicas and the CronJob's schedule (from the scenario beside it), priced with EKS rounding", () => {
    const base = load("k8s/app.yaml", manifests(2), beside(600));
    const head = load("k8s/app.yaml", manifests(3), beside(1200));
    const r = json(diffScenarios(base, head, fargateCatalog));
    // api: 0.5 vCPU / 1 GiB + 0.25 GiB = 1.25 GiB -> billed 0.5 vCPU / 2 GB; per pod 730 x (0.5 x 0.04048 + 2 x 0.004445)
    //   = 730 x 0.02913 = 21.2649; BASE 2 pods 42.5298, HEAD 3 pods 63.7947
    expect(r.workloads[0]).toMatchObject({
      name: "api",
      change: "changed",
      baseMonthlyCost: "42.5298",
      headMonthlyCost: "63.7947",
      difference: "21.2649",
      reasons: ["tasks 2 → 3"],
    });
    // report: 1 vCPU / 2 GiB + 0.25 GiB -> billed 1 vCPU / 3 GB at 0.04048 + 3 x 0.004445 = 0.053815 an hour;
    //   BASE 30 runs x 600 s = 5 h -> 0.269075; HEAD 30 x 1200 s = 10 h -> 0.53815
    expect(r.workloads[1]).toMatchObject({
      name: "report",
      baseMonthlyCost: "0.269075",
      headMonthlyCost: "0.53815",
      reasons: ["schedule batch 30 runs × 600 s → batch 30 runs × 1,200 s"],
    });
    // BASE 42.5298 + 0.269075 = 42.798875; HEAD 63.7947 + 0.53815 = 64.33285
    expect(r.base.monthlyCost).toBe("42.798875");
    expect(r.head.monthlyCost).toBe("64.33285");
  });

  it("an EKS request change names the billed size too", () => {
    const pod = (memory: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, resources: {requests: {cpu: "1", memory: ${memory}}}}]}\n`;
    const r = json(diffScenarios(load("p.yaml", pod("2Gi")), load("p.yaml", pod("7Gi")), fargateCatalog));
    // 1 vCPU / 2 GiB -> billed 1 / 3 GB (730 x 0.053815 = 39.28495); 1 vCPU / 7 GiB + 0.25 -> 1 / 8 GB
    //   (730 x (0.04048 + 8 x 0.004445 = 0.07604) = 55.5092)
    expect(r.workloads[0]).toMatchObject({
      baseMonthlyCost: "39.28495",
      headMonthlyCost: "55.5092",
      reasons: ["memory request 2 GiB → 7 GiB", "billed size 1 vCPU / 3 GiB → 1 vCPU / 8 GiB"],
    });
  });
});

describe("loading a side: clear errors", () => {
  const td = JSON.stringify({ family: "web", cpu: "256", memory: "512", containerDefinitions: [{ name: "web" }] });
  const problems = (path: string, text: string, beside?: string) => {
    const r = loadSide(
      { file: { path, text }, beside: beside === undefined ? undefined : { path: besidePath(path), text: beside } },
      { region: "us-east-1" },
      fargateCatalog,
    );
    return r.ok ? [] : r.error.map((p) => `${p.path}: ${p.message}`);
  };

  it.each([
    [
      "a workload the file does not have",
      JSON.stringify({ workloads: [{ name: "wbe", tasks: 2 }] }),
      'td.scenario.json: workloads.0.name: "wbe" matches no workload in td.json (it has: web): use one of those names',
    ],
    [
      "a size beside a task definition",
      JSON.stringify({ workloads: [{ name: "web", vcpu: 2 }] }),
      "td.scenario.json: workloads.0.vcpu: the size and platform come from td.json: beside it, set only tasks, schedule, spotPercent, savingsPlan",
    ],
    [
      "a bad value",
      JSON.stringify({ workloads: [{ name: "web", tasks: -1 }] }),
      "td.json (with td.scenario.json): workloads.0.tasks: Tasks cannot be negative",
    ],
    ["broken JSON", "{", "td.scenario.json: not valid JSON"],
    ["not an object", "[1]", "td.scenario.json: expected a scenario object beside td.json"],
    ["twice the same name", JSON.stringify({ workloads: [{ name: "web" }, { name: "web" }] }), 'td.scenario.json: workloads.1.name: "web" is listed twice'],
  ])("%s", (_, beside, message) => {
    expect(problems("td.json", td, beside).join("\n")).toContain(message);
  });

  it("a bad file names itself", () => {
    expect(problems("deploy.yaml", "kind: [")[0]).toMatch(/^deploy\.yaml: The file is not valid YAML/);
    expect(problems("s.json", JSON.stringify({ workloads: [{ name: "a", vcpu: 1, memoryGiB: 10 }] }))[0]).toBe(
      "s.json: workloads.0.memoryGiB: 1 vCPU / 10 GiB is not a valid Fargate task size; nearest valid: 1 vCPU / 8 GiB, 2 vCPU / 10 GiB",
    );
  });

  it("besidePath", () => {
    expect(besidePath(".aws/task-definition.json")).toBe(".aws/task-definition.scenario.json");
    expect(besidePath("k8s/app.yaml")).toBe("k8s/app.scenario.json");
    expect(besidePath("Procfile")).toBe("Procfile.scenario.json");
    expect(besidePath("dir.v2/.hidden")).toBe("dir.v2/.hidden.scenario.json");
  });
});

describe("diff of version 2 scenarios (the whole bill)", () => {
  it("counts public IPv4 on the workload and a NAT gateway as a scenario-level item", async () => {
    const { extrasCatalog } = await import("@/lib/catalog/extras");
    const side = (doc: unknown) => {
      const r = loadSide({ file: { path: "cost.json", text: JSON.stringify(doc) } }, { region: "us-east-1" }, fargateCatalog, extrasCatalog);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value.scenario;
    };
    const base = side({ region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 2 }] });
    const head = side({
      version: 2,
      region: "us-east-1",
      workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 2, publicIp: true }],
      services: { natGateways: { count: 1 } },
    });
    const d = json(diffScenarios(base, head, fargateCatalog, extrasCatalog));
    // Fargate: 2 tasks x 730 h x (1 x 0.04048 + 2 x 0.004445) = 59.1008 + 12.9794 = 72.0802
    expect(d.base.monthlyCost).toBe("72.0802");
    // + public IPv4: 2 tasks x 730 h x 0.005 = 7.30; NAT: 730 h x 0.045 = 32.85 plus its address 730 x 0.005 = 3.65
    expect(d.head.monthlyCost).toBe("115.8802");
    expect(d.difference.monthlyCost).toBe("43.8");
    const api = d.workloads.find((w) => w.name === "api")!;
    expect(api).toMatchObject({ change: "changed", difference: "7.3", reasons: ["public IP no → yes"] });
    // A version 2 scenario without the extras catalog cannot be priced beside compute: it is refused, not guessed.
    expect(() => diffScenarios(base, head, fargateCatalog)).toThrow(RangeError);
  });
});

describe("what the importer assumed reaches every format", () => {
  const td = JSON.stringify({ family: "web", requiresCompatibilities: ["FARGATE"], cpu: "1024", memory: "2048", containerDefinitions: [{ name: "web" }] });
  const k8s =
    "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: api}\nspec:\n  containers: [{name: c, resources: {requests: {cpu: 500m}}}]\n";
  const side = (path: string, text: string, beside?: string) => {
    const r = loadSide(
      { file: { path, text }, beside: beside === undefined ? undefined : { path: besidePath(path), text: beside } },
      { region: "us-east-1" },
      fargateCatalog,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value;
  };

  it("a task definition alone: 1 task assumed, said in JSON, table and Markdown; a scenario beside it that sets tasks settles it", () => {
    const alone = side("ecs/td.json", td);
    const d = diffScenarios(null, alone.scenario, fargateCatalog, undefined, undefined, { head: alone.notes });
    const assumed = 'assumed 1 task: add td.scenario.json beside it with "tasks" for this workload';
    expect((diffToJson(d) as { workloads: { assumptions: string[] }[] }).workloads[0]!.assumptions).toEqual([assumed]);
    expect(diffToTable([{ diff: d }])).toContain(`Assumed:\n  web: ${assumed}\n`);
    expect(diffToMarkdown([{ diff: d }])).toContain(`- web: assumed 1 task: add td.scenario.json beside it with "tasks" for this workload`);
    const settled = side("ecs/td.json", td, JSON.stringify({ workloads: [{ name: "web", tasks: 2 }] }));
    expect(diffToJson(diffScenarios(null, settled.scenario, fargateCatalog, undefined, undefined, { head: settled.notes }))).toMatchObject({
      workloads: [{ assumptions: [] }],
      warnings: [],
    });
  });

  it("manifests: what was skipped is a warning of the file, what was guessed an assumption of its workload", () => {
    const s = side("k8s/app.yaml", k8s);
    const j = diffToJson(diffScenarios(null, s.scenario, fargateCatalog, undefined, undefined, { head: s.notes })) as {
      warnings: string[];
      workloads: { name: string; assumptions: string[] }[];
    };
    expect(j.warnings).toEqual(['Skipped Service "web": it runs no pods']);
    expect(j.workloads[0]!.assumptions).toEqual(['Pod "api" requests no memory: Fargate sizes it on its CPU alone; imported with a token 1 MiB request']);
    // On both sides, a note shows once; one only BASE had is marked.
    const d = diffScenarios(s.scenario, s.scenario, fargateCatalog, undefined, undefined, {
      base: { warnings: ["old", 'Skipped Service "web": it runs no pods'] },
      head: s.notes,
    });
    expect(d.warnings).toEqual(['Skipped Service "web": it runs no pods', "base: old"]);
    expect(diffToMarkdown([{ diff: d }])).toContain('**Warnings:**\n- Skipped Service "web": it runs no pods\n- base: old');
  });
});

describe("prices what the files mean", () => {
  const load = (path: string, text: string, beside?: string) =>
    loadSide(
      { file: { path, text }, beside: beside === undefined ? undefined : { path: besidePath(path), text: beside } },
      { region: "us-east-1" },
      fargateCatalog,
    );
  const priced = (path: string, text: string, beside?: string) => {
    const r = load(path, text, beside);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const d = diffScenarios(null, r.value.scenario, fargateCatalog, undefined, undefined, { head: r.value.notes });
    return diffToJson(d) as {
      head: { monthlyCost: string };
      warnings: string[];
      workloads: { name: string; headMonthlyCost: string; assumptions: string[] }[];
    };
  };
  const cronJob = (extra = "") =>
    `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: report}\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n${extra}      template:\n        spec:\n          containers: [{name: r, resources: {requests: {cpu: 1, memory: 2Gi}}}]\n`;

  it("a CronJob from its schedule, not always-on", () => {
    // 1 vCPU / 2 GiB + 256 MiB -> billed 1 vCPU / 3 GB: 0.04048 + 3 x 0.004445 = 0.053815 an hour.
    // "0 3 * * *": 30 runs a month (30.44 on average); 600 s each (assumed) = 5 hours: 5 x 0.053815 = 0.269075
    // (always-on it was 730 x 0.053815 = 39.28495).
    const j = priced("k8s/report.yaml", cronJob());
    expect(j.head.monthlyCost).toBe("0.269075");
    expect(j.workloads[0]!.assumptions).toEqual([
      'CronJob "report" priced from its schedule "0 3 * * *": 30 runs a month (30.44 on average) of 1 pod, 10 minutes each (assumed: set activeDeadlineSeconds, or a schedule in a scenario beside the file)',
    ]);
    // activeDeadlineSeconds 900: 30 x 0.25 h = 7.5 h x 0.053815 = 0.4036125; said, not assumed.
    const deadline = priced("k8s/report.yaml", cronJob("      activeDeadlineSeconds: 900\n"));
    expect(deadline.head.monthlyCost).toBe("0.4036125");
    expect(deadline.workloads[0]!.assumptions[0]).toMatch(/15 minutes each \(activeDeadlineSeconds, the most a run may last\)$/);
    // A schedule beside the file settles it: 10 runs of 3600 s = 10 h x 0.053815 = 0.53815, no assumption left.
    const beside = priced(
      "k8s/report.yaml",
      cronJob(),
      JSON.stringify({ workloads: [{ name: "report", schedule: { type: "batch", runsPerMonth: 10, secondsPerRun: 3600 } }] }),
    );
    expect(beside.head.monthlyCost).toBe("0.53815");
    expect(beside.workloads[0]!.assumptions).toEqual([]);
  });

  const deployment =
    "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers: [{name: a, resources: {requests: {cpu: 500m, memory: 1Gi}}}]\n";

  it("an HPA: priced at its minimum, the cost at both ends said", () => {
    // 0.5 vCPU / 1 GiB + 256 MiB -> billed 0.5 vCPU / 2 GB: 0.02024 + 0.00889 = 0.02913 an hour, 21.2649 a pod-month.
    // minReplicas 4 (not spec.replicas 2): 4 x 21.2649 = 85.0596; at maxReplicas 10: 212.649.
    const hpa = `${deployment}---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: api-hpa}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}\n  minReplicas: 4\n  maxReplicas: 10\n`;
    const j = priced("k8s/api.yaml", hpa);
    expect(j.head.monthlyCost).toBe("85.0596");
    expect(j.workloads[0]!.assumptions).toEqual([
      'HorizontalPodAutoscaler "api-hpa" scales it from 4 pods ($85.06 a month) to 10 pods ($212.65 a month): priced at the minimum, 4 pods',
    ]);
    // With tasks beside it (6 pods: 127.5894), the headline is the scenario's count; both ends still shown.
    const six = priced("k8s/api.yaml", hpa, JSON.stringify({ workloads: [{ name: "api", tasks: 6 }] }));
    expect(six.head.monthlyCost).toBe("127.5894");
    expect(six.workloads[0]!.assumptions).toEqual([
      'HorizontalPodAutoscaler "api-hpa" scales it from 4 pods ($85.06 a month) to 10 pods ($212.65 a month): priced at the 6 pods set beside it',
    ]);
  });

  it("a KEDA ScaledObject: minReplicaCount defaults to 0, maxReplicaCount to 100", () => {
    // 0 pods: $0; maxReplicaCount 5: 5 x 21.2649 = 106.3245.
    const keda = `${deployment}---\napiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: api-keda}\nspec:\n  scaleTargetRef: {name: api}\n  maxReplicaCount: 5\n`;
    const j = priced("k8s/api.yaml", keda);
    expect(j.head.monthlyCost).toBe("0");
    expect(j.workloads[0]!.assumptions).toEqual([
      'ScaledObject "api-keda" scales it from 0 pods ($0.00 a month) to 5 pods ($106.32 a month): priced at the minimum, 0 pods',
    ]);
    const other = `${deployment}---\napiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: k}\nspec:\n  scaleTargetRef: {name: web}\n`;
    expect(priced("k8s/api.yaml", other).warnings).toEqual(['ScaledObject "k" scales Deployment "web", which is not in this file: ignored']);
  });

  const td = (extra: object) => JSON.stringify({ family: "web", containerDefinitions: [{ name: "web" }], cpu: "1024", memory: "2048", ...extra });

  it("an EC2 task definition is not priced as Fargate, and says so", () => {
    const j = priced("ecs/web.json", td({ requiresCompatibilities: ["EC2"], networkMode: "bridge" }));
    expect(j.head.monthlyCost).toBe("0");
    expect(j.workloads).toEqual([]);
    expect(j.warnings).toContain('"web" runs on EC2, not Fargate: not priced here, and left out of the Fargate totals');
    expect(priced("ecs/web.json", td({ requiresCompatibilities: ["EC2", "FARGATE"], launchType: "EC2" })).workloads).toEqual([]);
  });

  it("a size Fargate does not have is the README's error, naming the nearest valid sizes", () => {
    // 2 vCPU takes 4-16 GiB: 2 GiB is below; the nearest valid is 2 vCPU / 4 GiB.
    expect(load("ecs/web.json", td({ requiresCompatibilities: ["FARGATE"], cpu: "2048", memory: "2048" }))).toEqual({
      ok: false,
      error: [
        {
          path: "ecs/web.json",
          message:
            'Task definition "web": cpu 2048 / memory 2048 MiB (2 vCPU / 2 GiB) is not a valid Fargate task size, so ECS would not register it for FARGATE; nearest valid: 2 vCPU / 4 GiB',
        },
      ],
    });
    // 1 vCPU / 10 GiB: 1 vCPU / 8 GiB below, 2 vCPU / 10 GiB above (as the scenario schema says).
    const r = load("ecs/web.json", td({ requiresCompatibilities: ["FARGATE"], cpu: "1024", memory: "10240" }));
    expect(r.ok ? "" : r.error[0]!.message).toMatch(/nearest valid: 1 vCPU \/ 8 GiB, 2 vCPU \/ 10 GiB$/);
  });
});

describe("Terraform plans and CloudFormation templates", () => {
  const fixture = (name: string) => readFileSync(join(__dirname, "__fixtures__", name), "utf8");
  const priced = (path: string, text: string) => {
    const r = loadSide({ file: { path, text } }, { region: "us-east-1" }, fargateCatalog);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return { side: r.value, json: diffToJson(diffScenarios(null, r.value.scenario, fargateCatalog, undefined, undefined, { head: r.value.notes })) as Json };
  };
  type Json = { head: { monthlyCost: string }; warnings: string[]; workloads: { name: string; headMonthlyCost: string; assumptions: string[] }[] };

  it("terraform show -json: a service inside a module, its task definition known only by reference, FARGATE and FARGATE_SPOT", () => {
    // module.ecs_service: checkout, 0.5 vCPU / 1 GB (0.02024 + 0.004445 = 0.024685 an hour), desired_count 4;
    // strategy FARGATE base 1 weight 1, FARGATE_SPOT weight 1: 1 on the base, then FARGATE, FARGATE_SPOT, FARGATE
    // (engine capacitySplit: 1 each by weight, the odd one to the first listed) -> 3 on FARGATE, 1 on FARGATE_SPOT = 25% Spot. 4 x 730 = 2920 task-hours:
    //   on-demand 2190 x 0.024685 = 54.060150; Spot 730 x (0.5 x 0.01288871 + 0.00141527 = 0.007859625) = 5.73752625
    //   = 59.79767625. The root module's legacy service runs on EC2: left out, said.
    const { json } = priced("infra/plan.json", fixture("terraform-plan.json"));
    expect(json.head.monthlyCost).toBe("59.79767625");
    expect(json.workloads.map((w) => [w.name, w.headMonthlyCost])).toEqual([["checkout", "59.79767625"]]);
    expect(json.workloads[0]!.assumptions).toContain(
      "module.ecs_service.aws_ecs_service.this[0]: capacity provider strategy: 1 on FARGATE (base), then 1:1 FARGATE:FARGATE_SPOT → 1 on Spot of 4",
    );
    expect(json.warnings).toContain('"legacy" runs on EC2, not Fargate: not priced here, and left out of the Fargate totals');
  });

  it("a plan whose desired count changes: tasks 4 -> 6 in the diff", () => {
    const base = priced("infra/plan.json", fixture("terraform-plan.json")).side;
    const head = priced("infra/plan.json", fixture("terraform-plan.json").replace('"desired_count": 4', '"desired_count": 6')).side;
    const d = diffScenarios(base.scenario, head.scenario, fargateCatalog, undefined, undefined, { base: base.notes, head: head.notes });
    // 6 tasks: 1 on the base, then 5 by weight 1:1: 2 each, the odd one to the first listed -> 4 on FARGATE, 2 on Spot.
    expect(d.workloads[0]!.reasons[0]).toBe("tasks 4 → 6");
    expect(d.workloads[0]!.assumptions).toContain(
      "module.ecs_service.aws_ecs_service.this[0]: capacity provider strategy: 1 on FARGATE (base), then 1:1 FARGATE:FARGATE_SPOT → 2 on Spot of 6",
    );
  });

  it("CloudFormation / CDK JSON: Ref to parameter defaults, Fn::Sub left as an assumption, a capacity provider strategy", () => {
    // nginx (Family and ServiceName Ref ServiceName, default "nginx"): Cpu 256 / Memory 512 -> 0.25 vCPU / 0.5 GB,
    //   0.01012 + 0.0022225 = 0.0123425 an hour; DesiredCount Ref default 2: 1460 x 0.0123425 = 18.02005.
    // worker: 1 vCPU / 2 GB, 5 tasks, FARGATE base 1 weight 1 + FARGATE_SPOT weight 3: 1 on the base, then FARGATE,
    //   SPOT, SPOT, SPOT -> 2 on FARGATE, 3 on FARGATE_SPOT = 60% Spot. 3650 task-hours:
    //   on-demand 1460 x (0.04048 + 2 x 0.004445 = 0.04937) = 72.0802; Spot 2190 x (0.01288871 + 2 x 0.00141527
    //   = 0.01571925) = 34.4251575; = 106.5053575. Total 124.5254075.
    const { json } = priced("cdk.out/Shop.template.json", fixture("cloudformation-fargate.json"));
    expect(json.workloads.map((w) => [w.name, w.headMonthlyCost])).toEqual([
      ["nginx", "18.02005"],
      ["worker", "106.5053575"],
    ]);
    expect(json.head.monthlyCost).toBe("124.5254075");
    expect(json.workloads[1]!.assumptions).toContain(
      "WorkerService5C9D2E11: capacity provider strategy: 1 on FARGATE (base), then 1:3 FARGATE:FARGATE_SPOT → 3 on Spot of 5",
    );
  });

  it("CloudFormation YAML with short forms: !Ref to a parameter resolves; one that cannot be resolved is an assumption", () => {
    // Cpu !Ref Cpu (512) / Memory !Ref Memory (1024): 0.5 vCPU / 1 GB; DesiredCount !Ref of no parameter: 1 task,
    // assumed. 730 x 0.024685 = 18.02005.
    const { json } = priced("cfn/api.yaml", fixture("cloudformation-short-form.yaml"));
    expect(json.head.monthlyCost).toBe("18.02005");
    expect(json.workloads[0]!.assumptions).toEqual(["ApiService: DesiredCount is an expression this estimate cannot resolve: assumed 1 task"]);
  });

  it("a real cdk synth template (aws-cdk-lib 2.276.0, __fixtures__/cdk-shop): the ALB service, the Spot strategy and a task definition alone", () => {
    // Web (ApplicationLoadBalancedFargateService): 0.5 vCPU / 1 GiB, 2 tasks: 1460 h x (0.5 x 0.04048 + 0.004445 =
    //   0.024685) = 36.0401.
    // Worker: 1 vCPU / 2 GiB, 5 tasks, FARGATE base 1 weight 1 + FARGATE_SPOT weight 3 -> 2 on FARGATE, 3 on Spot:
    //   on-demand 1460 x 0.04937 = 72.0802; Spot 2190 x 0.01571925 = 34.4251575; = 106.5053575.
    // Report (ARM64, 2 vCPU / 4 GiB, 40 GiB storage, no service: assumed 1 task, always on): 730 x (2 x 0.03238 +
    //   4 x 0.00356 = 0.079) = 57.67, storage 20 GiB over the free 20 x 730 x 0.000111 = 1.6206; = 59.2906.
    // Total 36.0401 + 106.5053575 + 59.2906 = 201.8360575.
    const { json } = priced("cdk.out/Shop.template.json", fixture("cdk-shop/Shop.template.json"));
    expect(json.workloads.map((w) => [w.name, w.headMonthlyCost])).toEqual([
      ["WebServiceD04B5F3E", "36.0401"],
      ["WorkerService9FFC549A", "106.5053575"],
      ["ShopReportDefB364D514", "59.2906"],
    ]);
    expect(json.head.monthlyCost).toBe("201.8360575");
    expect(json.workloads[1]!.assumptions).toEqual([
      "WorkerService9FFC549A: capacity provider strategy: 1 on FARGATE (base), then 1:3 FARGATE:FARGATE_SPOT → 3 on Spot of 5",
    ]);
    expect(json.workloads[2]!.assumptions).toEqual(['assumed 1 task: add Shop.template.scenario.json beside it with "tasks" for this workload']);
    expect(json.warnings).toEqual([]);
    // The Markdown names the workload once, although the importer's note starts with the same logical ID.
    const md = diffToMarkdown([
      {
        diff: diffScenarios(
          null,
          priced("cdk.out/Shop.template.json", fixture("cdk-shop/Shop.template.json")).side.scenario,
          fargateCatalog,
          undefined,
          undefined,
          { head: priced("cdk.out/Shop.template.json", fixture("cdk-shop/Shop.template.json")).side.notes },
        ),
      },
    ]);
    expect(md).toContain("- WorkerService9FFC549A: capacity provider strategy: 1 on FARGATE (base)");
    expect(md).not.toContain("WorkerService9FFC549A: WorkerService9FFC549A");
  });
});

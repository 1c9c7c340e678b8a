import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { FC_RUNS as runs } from "@/test/setup-fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { importWorkload, MAX_IMPORT_CHARS } from "./import";
import { parseScenario } from "./parse";
import type { WorkloadInput } from "./schema";

const fixture = (name: string) => readFileSync(join(__dirname, "__fixtures__", name), "utf8");
const GiB = 2 ** 30;
const MiB = 2 ** 20;

/** Every successful import must be a valid scenario as it stands. */
function expectValidScenario(workloads: WorkloadInput[]) {
  const parsed = parseScenario({ workloads }, fargateCatalog);
  expect(parsed.ok, parsed.ok ? "" : JSON.stringify(parsed.error)).toBe(true);
}

const ecs = (w: Partial<WorkloadInput>) => ({ platform: "ecs", os: "linux", arch: "x86_64", storageGiB: 20, tasks: 1, ...w });
const eks = (w: Partial<WorkloadInput>) => ({ platform: "eks", os: "linux", arch: "x86_64", storageGiB: 20, tasks: 1, ...w });

describe("importWorkload: fixtures", () => {
  const cases: { file: string; workloads: object[]; warnings: RegExp[] }[] = [
    {
      // Task-level cpu "1024" = 1 vCPU, memory "3072" MiB = 3 GiB: valid as written; storage 50 GiB.
      file: "ecs-describe-task-definition.json",
      workloads: [ecs({ name: "checkout-api", vcpu: 1, memoryGiB: 3, storageGiB: 50 })],
      warnings: [],
    },
    {
      // "1 vCPU" / "3GB" (3 x 1024 MiB); WINDOWS_SERVER_2019_CORE without cpuArchitecture -> Windows on x86_64.
      file: "ecs-windows.json",
      workloads: [ecs({ name: "legacy-billing", os: "windows", vcpu: 1, memoryGiB: 3 })],
      warnings: [],
    },
    {
      // cpu 512 (a number) = 0.5 vCPU, memory "2 GB" = 2 GiB, ARM64.
      file: "ecs-arm64.json",
      workloads: [ecs({ name: "thumbnailer-graviton", arch: "arm64", vcpu: 0.5, memoryGiB: 2 })],
      warnings: [],
    },
    {
      // No task-level values: cpu 256 + 512 = 768 units = 0.75 vCPU; memory 512 (hard limit) + 1024
      // (memoryReservation) = 1536 MiB = 1.5 GiB. Not a Fargate size: smallest cover is 1 vCPU / 2 GiB.
      file: "ecs-container-level.json",
      workloads: [ecs({ name: "reports-ec2", vcpu: 1, memoryGiB: 2 })],
      warnings: [
        /no task-level cpu or memory: used the sum of its containers \(cpu 768 units, memory 1536 MiB\)/,
        /cpu 768 \/ memory 1536 MiB is not a valid Fargate size; imported as 1 vCPU \/ 2 GiB, the smallest valid size that covers it/,
        /does not list FARGATE in requiresCompatibilities \(it lists EC2\)/,
        /networkMode "bridge"/,
      ],
    },
    {
      // 1 vCPU allows 2-8 GiB; 10 GiB needs 2 vCPU (4-16 GiB): 2 vCPU / 10 GiB.
      file: "ecs-invalid-size.json",
      workloads: [ecs({ name: "search-indexer", vcpu: 2, memoryGiB: 10 })],
      warnings: [
        /^Task definition "search-indexer": cpu 1024 \/ memory 10240 MiB is not a valid Fargate size; imported as 2 vCPU \/ 10 GiB, the smallest valid size that covers it$/,
      ],
    },
    {
      // cpu:    init wait-for-db 100m (no sidecar before it); init migrate 2000m + sidecar log-shipper 250m = 2250m;
      //         long-running app 750m + envoy 250m + sidecar 250m = 1250m  -> max = 2250m = 2.25 vCPU.
      // memory: wait-for-db 64Mi; migrate 1024Mi + 128Mi = 1152Mi; app 1536Mi + envoy 256Mi + sidecar 128Mi
      //         = 1920Mi -> max = 1920Mi = 1.875 GiB. ephemeral-storage 30Gi -> 30. replicas 4.
      // (Fargate then bills 2.25 vCPU / 1.875 + 0.25 GiB -> 4 vCPU / 8 GiB.)
      file: "k8s-deployment.yaml",
      workloads: [eks({ name: "checkout", vcpu: 2.25, memoryGiB: 1.875, storageGiB: 30, tasks: 4 })],
      warnings: [],
    },
    {
      // app: limits only, so requests = limits: 500m, 2.5G = 2,500,000,000 bytes.
      // metrics: cpu request 250m (wins over the 1 CPU limit); memory limit 128974848 bytes.
      // cpu 750m = 0.75; memory (2,500,000,000 + 128,974,848) / 2^30 = 2,628,974,848 / 1,073,741,824 GiB.
      file: "k8s-pod-limits-only.yaml",
      workloads: [eks({ name: "limits-only", vcpu: 0.75, memoryGiB: 2_628_974_848 / GiB })],
      warnings: [],
    },
    {
      // No requests: token 1m CPU / 1 MiB; + 256 MiB Fargate overhead -> billed 0.25 vCPU / 0.5 GB.
      file: "k8s-pod-no-resources.yaml",
      workloads: [eks({ name: "hello", vcpu: 0.001, memoryGiB: 1 / 1024 })],
      warnings: [/Pod "hello" requests no CPU or memory: Fargate runs it at 0.25 vCPU \/ 0.5 GB/],
    },
    {
      // api: 500m / 1Gi x 2. db: 2 / 4Gi x 3, ephemeral-storage 50G = 50e9 bytes = 46.57 GiB -> 47.
      // nightly-report: 1 / 2Gi, parallelism 2, schedule "0 3 * * *": once a day, 146,097 days / 4,800 months =
      // 30.436875 runs a month -> 30; no activeDeadlineSeconds: 600 s a run (assumed).
      // seed: cpu 1.5 (a YAML float), memory 129e6 (a YAML float) bytes.
      file: "k8s-multi.yaml",
      workloads: [
        eks({ name: "api", vcpu: 0.5, memoryGiB: 1, tasks: 2 }),
        eks({ name: "db", vcpu: 2, memoryGiB: 4, tasks: 3, storageGiB: 47 }),
        eks({ name: "nightly-report", vcpu: 1, memoryGiB: 2, tasks: 2, schedule: { type: "batch", runsPerMonth: 30, secondsPerRun: 600 } }),
        eks({ name: "seed", vcpu: 1.5, memoryGiB: 129e6 / GiB }),
      ],
      warnings: [
        /Skipped Service "api": it runs no pods/,
        /^CronJob "nightly-report" priced from its schedule "0 3 \* \* \*": 30 runs a month \(30\.44 on average\) of 2 pods, 10 minutes each \(assumed: set activeDeadlineSeconds, or a schedule in a scenario beside the file\)$/,
        /Skipped ConfigMap "shop-config"/,
        /Job "seed" is a Job/,
      ],
    },
    {
      // A `kubectl get -o json` List. frontend: 300m, 123Mi = 123/1024 GiB, 3 replicas. node-exporter: 100m, 1.5Gi.
      file: "k8s-list.json",
      workloads: [eks({ name: "frontend", vcpu: 0.3, memoryGiB: 123 / 1024, tasks: 3 }), eks({ name: "node-exporter", vcpu: 0.1, memoryGiB: 1.5 })],
      warnings: [/DaemonSet "node-exporter" is a DaemonSet, which EKS on Fargate does not run/],
    },
  ];

  it.each(cases)("$file", ({ file, workloads, warnings }) => {
    const result = importWorkload(fixture(file));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.workloads).toEqual(workloads);
    expect(result.value.warnings).toHaveLength(warnings.length);
    warnings.forEach((w, i) => expect(result.value.warnings[i]).toMatch(w));
    expectValidScenario(result.value.workloads);
  });

  it("reads the same task definition with and without the describe-task-definition wrapper", () => {
    const wrapped = JSON.parse(fixture("ecs-describe-task-definition.json"));
    const bare = importWorkload(JSON.stringify(wrapped.taskDefinition));
    expect(bare).toEqual(importWorkload(fixture("ecs-describe-task-definition.json")));
  });

  it("reads a task definition written as YAML, and a manifest written as JSON", () => {
    const td = JSON.parse(fixture("ecs-arm64.json"));
    expect(importWorkload(stringify(td))).toEqual(importWorkload(JSON.stringify(td)));
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "p" },
      spec: { containers: [{ name: "c", resources: { requests: { cpu: "1", memory: "2Gi" } } }] },
    };
    expect(importWorkload(JSON.stringify(pod))).toMatchObject({ ok: true, value: { workloads: [{ name: "p", vcpu: 1, memoryGiB: 2 }] } });
  });
});

describe("importWorkload: ECS values", () => {
  const td = (extra: object, containers: object[] = [{ name: "c", image: "x" }]) =>
    JSON.stringify({ family: "t", requiresCompatibilities: ["FARGATE"], containerDefinitions: containers, ...extra });

  it.each([
    // [cpu, memory, expected vCPU, expected GiB]
    ["1024", "2048", 1, 2],
    [1024, 2048, 1, 2],
    ["1 vcpu", "2GB", 1, 2],
    ["1 vCPU", "2 GB", 1, 2],
    ["0.5 vcpu", ".5 gb", 0.5, 1], // 0.5 vCPU / 0.5 GiB is not valid: 0.5 vCPU starts at 1 GiB
    ["256", "512", 0.25, 0.5],
    ["4096", "30720", 4, 30],
    ["8 vCPU", "18 GB", 8, 20], // 8 vCPU steps by 4 GiB: 18 -> 20
    ["32768", "249856", 32, 244],
  ])("cpu %j / memory %j -> %d vCPU / %d GiB", (cpu, memory, vcpu, memoryGiB) => {
    const r = importWorkload(td({ cpu, memory }));
    expect(r).toMatchObject({ ok: true, value: { workloads: [{ vcpu, memoryGiB }] } });
  });

  it("Windows below 1 vCPU is raised to the smallest Windows size", () => {
    // 512 units = 0.5 vCPU; Windows starts at 1 vCPU (2-8 GiB): 1 vCPU / 2 GiB.
    const r = importWorkload(td({ cpu: "512", memory: "1024", runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2022_FULL" } }));
    expect(r).toMatchObject({ ok: true, value: { workloads: [{ os: "windows", arch: "x86_64", vcpu: 1, memoryGiB: 2 }] } });
    if (r.ok) expect(r.value.warnings.join(" ")).toMatch(/not a valid Fargate Windows size; imported as 1 vCPU \/ 2 GiB/);
  });

  it("Windows extra ephemeral storage falls back to the included 20 GiB with a warning", () => {
    const r = importWorkload(
      td({ cpu: "1024", memory: "2048", ephemeralStorage: { sizeInGiB: 60 }, runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2019_FULL" } }),
    );
    expect(r).toMatchObject({ ok: true, value: { workloads: [{ storageGiB: 20 }] } });
    if (r.ok) expect(r.value.warnings.join(" ")).toMatch(/Windows tasks on Fargate cannot configure/);
  });

  it("warns when FARGATE is not listed at all", () => {
    const r = importWorkload(JSON.stringify({ family: "t", cpu: "256", memory: "512", containerDefinitions: [{ name: "c" }] }));
    expect(r.ok && r.value.warnings).toEqual([expect.stringMatching(/does not list FARGATE in requiresCompatibilities \(it lists none\)/)]);
  });

  it("names an unnamed task definition after the file, or a default", () => {
    const text = JSON.stringify({ cpu: "256", memory: "512", requiresCompatibilities: ["FARGATE"], containerDefinitions: [{ name: "c" }] });
    expect(importWorkload(text, { name: "my-task.json" })).toMatchObject({ ok: true, value: { workloads: [{ name: "my-task.json" }] } });
    expect(importWorkload(text)).toMatchObject({ ok: true, value: { workloads: [{ name: "Imported workload" }] } });
  });
});

describe("importWorkload: Kubernetes values", () => {
  const pod = (resources: object, extra: object = {}) =>
    JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "c", resources }], ...extra } });

  it.each([
    // [requests, vCPU, GiB]
    [{ cpu: "250m", memory: "512Mi" }, 0.25, 0.5],
    [{ cpu: 0.5, memory: "1Gi" }, 0.5, 1],
    [{ cpu: 1, memory: "1.5Gi" }, 1, 1.5],
    [{ cpu: "2", memory: "2.5G" }, 2, 2.5e9 / GiB],
    [{ cpu: "100m", memory: 128974848 }, 0.1, 128974848 / GiB],
    [{ cpu: "1", memory: "129e6" }, 1, 129e6 / GiB],
    [{ cpu: "1", memory: "123Mi" }, 1, (123 * MiB) / GiB],
    [{ cpu: "1", memory: "500M" }, 1, 5e8 / GiB],
    [{ cpu: "0.0001", memory: "1Gi" }, 0.001, 1], // Kubernetes keeps CPU to the millicore, rounding up
  ])("requests %j -> %d vCPU / %d GiB", (requests, vcpu, memoryGiB) => {
    expect(importWorkload(pod({ requests }))).toMatchObject({ ok: true, value: { workloads: [{ vcpu, memoryGiB }] } });
  });

  it("CPU without memory keeps the CPU and warns", () => {
    const r = importWorkload(pod({ requests: { cpu: "2" } }));
    expect(r).toMatchObject({ ok: true, value: { workloads: [{ vcpu: 2, memoryGiB: 1 / 1024 }] } });
    if (r.ok) expect(r.value.warnings[0]).toMatch(/requests no memory: Fargate sizes it on its CPU alone/);
  });

  it("ephemeral storage is rounded up to whole GiB, at least 20", () => {
    expect(importWorkload(pod({ requests: { cpu: "1", memory: "1Gi", "ephemeral-storage": "10Gi" } }))).toMatchObject({
      ok: true,
      value: { workloads: [{ storageGiB: 20 }] },
    });
    expect(importWorkload(pod({ requests: { cpu: "1", memory: "1Gi", "ephemeral-storage": "30.5Gi" } }))).toMatchObject({
      ok: true,
      value: { workloads: [{ storageGiB: 31 }] },
    });
  });

  it("warns about arm64 and Windows node selectors, which EKS on Fargate cannot honour", () => {
    const r = importWorkload(pod({ requests: { cpu: "1", memory: "1Gi" } }, { nodeSelector: { "kubernetes.io/arch": "arm64" } }));
    expect(r).toMatchObject({ ok: true, value: { workloads: [{ arch: "x86_64" }] } });
    if (r.ok) expect(r.value.warnings[0]).toMatch(/runs x86_64 only/);
  });

  it("reads an unknown workload kind with a pod template like a Deployment", () => {
    const rollout = {
      apiVersion: "argoproj.io/v1alpha1",
      kind: "Rollout",
      metadata: { name: "r" },
      spec: { replicas: 5, template: { spec: { containers: [{ name: "c", resources: { requests: { cpu: "1", memory: "2Gi" } } }] } } },
    };
    const r = importWorkload(JSON.stringify(rollout));
    expect(r).toMatchObject({ ok: true, value: { workloads: [{ name: "r", tasks: 5, vcpu: 1, memoryGiB: 2 }] } });
  });

  it("replicas: 0 imports zero pods", () => {
    const d = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "d" },
      spec: { replicas: 0, template: { spec: { containers: [{ name: "c" }] } } },
    };
    expect(importWorkload(JSON.stringify(d))).toMatchObject({ ok: true, value: { workloads: [{ tasks: 0 }] } });
  });

  it("YAML merge keys and a few aliases are fine", () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: merged}
spec:
  containers:
    - &base
      name: a
      resources: {requests: {cpu: 250m, memory: 256Mi}}
    - <<: *base
      name: b
`;
    expect(importWorkload(yaml)).toMatchObject({ ok: true, value: { workloads: [{ vcpu: 0.5, memoryGiB: 0.5 }] } });
  });
});

describe("importWorkload: bad files are refused with a clear message and nothing imported", () => {
  const deployment = (cpu: unknown) =>
    JSON.stringify({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web" },
      spec: { template: { spec: { containers: [{ name: "app", resources: { requests: { cpu, memory: "1Gi" } } }] } } },
    });
  const bomb = `a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
`;
  const amplifying = [
    "apiVersion: v1",
    "kind: Pod",
    "metadata:",
    "  name: amplified",
    "  annotations: &big",
    ...Array.from({ length: 5_000 }, (_, i) => `    k${i}: v`),
    "spec:",
    "  containers:",
    ...Array.from({ length: 250 }, (_, i) => `    - {name: c${i}, <<: *big}`),
  ].join("\n");
  const cases: { what: string; text: string; message: RegExp }[] = [
    { what: "empty", text: "  \n", message: /The file is empty: expected an ECS task definition \(JSON\) or Kubernetes manifests/ },
    { what: "broken JSON", text: '{"family": "x", ', message: /The file is not valid JSON \(.+\): expected/ },
    { what: "broken YAML", text: "kind: Pod\n  spec: [\n", message: /The file is not valid YAML: .+at line \d+/ },
    { what: "plain text", text: "just some words", message: /found plain text \("just some words"\)/ },
    { what: "a JSON number", text: "42", message: /found a number \(42\)/ },
    {
      what: "other JSON",
      text: '{"name":"api","image":"nginx"}',
      message:
        /Expected an ECS task definition \(an object with "containerDefinitions"\) or a Kubernetes object \(with "apiVersion" and "kind"\); found an object with "name", "image"/,
    },
    { what: "a scenario file", text: '{"workloads":[]}', message: /This is a scenario/ },
    { what: "only a Service", text: "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n", message: /The file has no workloads: .*Skipped Service "s"/ },
    {
      what: "unparseable cpu",
      text: deployment("lots"),
      message: /Deployment "web": container "app" has cpu request "lots", which is not a Kubernetes quantity; expected a quantity such as 250m, 0.5, 1 or 2/,
    },
    { what: "negative cpu", text: deployment("-500m"), message: /has cpu request "-500m", which cannot be negative/ },
    { what: "exponent and suffix", text: deployment("1e3Mi"), message: /"1e3Mi", which is not a Kubernetes quantity/ },
    { what: "huge exponent", text: deployment("1e999999999"), message: /which is out of range/ },
    { what: "pod above the largest Fargate size", text: deployment("64"), message: /"web" cannot run on Fargate as written: .*above the largest Fargate size/ },
    { what: "no containers", text: JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: {} }), message: /Pod "p" has no containers/ },
    {
      what: "bad replicas",
      text: JSON.stringify({
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "d" },
        spec: { replicas: -2, template: { spec: { containers: [{ name: "c" }] } } },
      }),
      message: /spec.replicas is -2; expected a whole number/,
    },
    {
      what: "bad task cpu",
      text: JSON.stringify({ family: "t", cpu: "fast", memory: "512", containerDefinitions: [{}] }),
      message: /Task definition "t": cpu "fast" is not a CPU size; expected CPU units such as 1024/,
    },
    {
      what: "negative task memory",
      text: JSON.stringify({ family: "t", cpu: "256", memory: -512, containerDefinitions: [{}] }),
      message: /memory -512 is not a memory size/,
    },
    {
      what: "fractional CPU units",
      text: JSON.stringify({ family: "t", cpu: "0.5", memory: "1024", containerDefinitions: [{}] }),
      message: /cpu "0.5" is not a CPU size/,
    },
    {
      what: "no memory anywhere",
      text: JSON.stringify({ family: "t", containerDefinitions: [{ name: "c", cpu: 256 }] }),
      message: /sets no memory: expected a task-level "memory"/,
    },
    {
      what: "task above the largest size",
      text: JSON.stringify({ family: "t", cpu: "65536", memory: "1024", containerDefinitions: [{}] }),
      message: /above the largest Fargate size \(32 vCPU \/ 244 GiB\)/,
    },
    {
      what: "Windows on ARM",
      text: JSON.stringify({
        family: "t",
        cpu: "1024",
        memory: "2048",
        runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2022_CORE", cpuArchitecture: "ARM64" },
        containerDefinitions: [{}],
      }),
      message: /"t" cannot run on Fargate as written: Windows containers on Fargate run on x86_64 only/,
    },
    {
      what: "unknown OS family",
      text: JSON.stringify({ family: "t", cpu: "256", memory: "512", runtimePlatform: { operatingSystemFamily: "MACOS" }, containerDefinitions: [{}] }),
      message: /operatingSystemFamily is "MACOS"; expected LINUX or a WINDOWS_SERVER_/,
    },
    {
      what: "storage beyond 200 GiB",
      text: JSON.stringify({ family: "t", cpu: "256", memory: "512", ephemeralStorage: { sizeInGiB: 500 }, containerDefinitions: [{}] }),
      message: /at most 200 GiB/,
    },
    // Before issue 19 item 7, yaml's alias count refused it ("more than 100 aliases"); now the expanded size (5.4 million values) does, first.
    {
      what: "a small alias bomb (3^6 values): yaml's alias count",
      text: `a: &a [x,x,x]\nb: &b [*a,*a,*a]\nc: &c [*b,*b,*b]\nd: &d [*c,*c,*c]\ne: &e [*d,*d,*d]\nf: &f [*e,*e,*e]\n`,
      message: /^The YAML uses more than 100 aliases \(\*name\), which a manifest never needs: refused as a possible "billion laughs" document\.$/,
    },
    { what: "an alias bomb", text: bomb, message: /expands to more than 1,000,000 values through its aliases/ },
    { what: "deeply nested JSON", text: "[".repeat(5000) + "]".repeat(5000), message: /nested more than 64 levels deep/ },
    { what: "deeply nested YAML (brackets)", text: "a: " + "[".repeat(50_000), message: /opens more than 100 brackets/ },
    {
      what: "deeply nested YAML (indentation)",
      text: Array.from({ length: 1000 }, (_, i) => " ".repeat(i) + "a:").join("\n"),
      message: /indented more than 200 columns/,
    },
    {
      what: "nested just inside the YAML guards (200 columns, 100 brackets): parsed, then refused by depth",
      text: Array.from({ length: 200 }, (_, i) => " ".repeat(i) + "a:").join("\n") + " " + "[".repeat(100) + "]".repeat(100),
      message: /nested more than 64 levels deep/,
    },
    {
      // 73 KB, 5,251 keys written, 100 aliases (yaml's own limit): each merge copies the 5,000-key mapping, 250 x
      // 10,001 values = 2.5 million once expanded. Before: parsed and expanded (issue 19 item 7).
      what: "merge keys that amplify a small file (250 merges of a 5,000-key mapping)",
      text: amplifying,
      message: /^The YAML expands to more than 1,000,000 values through its aliases \(\*name\) and merge keys \(<<\), which a manifest never needs/,
    },
    { what: "too large", text: "x".repeat(MAX_IMPORT_CHARS + 1), message: /too large \(1.0 MB; at most 1 MB\)/ },
    { what: "too many documents", text: "a: 1\n---\n".repeat(1500), message: /more than 1000 YAML documents/ },
  ];

  it.each(cases)("$what", ({ text, message }) => {
    const r = importWorkload(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(message);
  });

  it("one bad document fails the whole file (no partial result) and says which", () => {
    const good = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c, resources: {requests: {cpu: 1, memory: 1Gi}}}]}\n";
    const bad = "apiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec: {containers: [{name: c, resources: {requests: {cpu: 1, memory: 12 GB}}}]}\n";
    const r = importWorkload(`${good}---\n${bad}`);
    expect(r).toEqual({
      ok: false,
      error: {
        message: expect.stringMatching(
          /^Document 2: Pod "b": container "c" has memory request "12 GB", which is not a Kubernetes quantity; expected a quantity such as 512Mi, 1Gi, 2.5G or 1073741824\.$/,
        ),
      },
    });
  });

  it("refuses oversized input quickly", () => {
    const text = "a".repeat(50 * 1024 * 1024);
    // The size check comes before any parsing: 50 MB is refused by its length alone.
    expect(importWorkload(text)).toEqual({ ok: false, error: { message: expect.stringMatching(/^The file is too large \(50\.0 MB; at most 1 MB\)/) } });
  });

  it("non-string input is refused, not thrown", () => {
    expect(importWorkload(undefined as unknown as string)).toEqual({ ok: false, error: { message: expect.stringMatching(/Expected the text/) } });
  });
});

describe("importWorkload properties (fast-check)", () => {
  let imported = 0;
  const check = (text: string) => {
    const r = importWorkload(text);
    if (r.ok) {
      imported++;
      expectValidScenario(r.value.workloads);
    } else {
      expect(r.error.message.trim().length).toBeGreaterThan(0);
      // Never the catch-all that only an unforeseen exception reaches (importWorkload catches everything).
      expect(r.error.message).not.toMatch(/^The file could not be read as /);
    }
  };
  /** The generators must reach the success path often enough for "every success is valid" to mean something. */
  const expectSomeImported = (atLeast: number) => {
    expect(imported).toBeGreaterThanOrEqual(atLeast);
    imported = 0;
  };

  it("never throws on arbitrary text; rejections have a message; successes are valid scenarios", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), check));
  });

  it("never throws on arbitrary JSON or YAML values", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        check(JSON.stringify(v) ?? "null");
        check(stringify(v));
      }),
    );
  });

  const cpuValue = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(256, 512, 1024, "256", "1024", "2048", "1 vCPU", "0.5 vcpu", "2 vcpu", "4096", "16 vCPU") },
    { weight: 1, arbitrary: fc.integer({ min: -2048, max: 40000 }) },
    { weight: 1, arbitrary: fc.constantFrom("abc", "-1", "1.5", "", "65536") },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );
  const memValue = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(512, 2048, "512", "1024", "2GB", ".5 gb", "30 GB", "10240", "3 GB") },
    { weight: 1, arbitrary: fc.integer({ min: -1024, max: 300000 }) },
    { weight: 1, arbitrary: fc.constantFrom("x", "-2 GB", "244 GB", "1e3", "300 GB") },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );
  // Mostly well-formed values, so that many cases import and their results get checked.
  const quantityOf = (...valid: (string | number)[]) =>
    fc.oneof(
      { weight: 40, arbitrary: fc.constantFrom(...valid) },
      { weight: 1, arbitrary: fc.constantFrom("1e3Mi", "-1", "abc", "300Gi", "1Ei", "1e-300", "64") },
      { weight: 1, arbitrary: fc.double({ min: -10, max: 1e12, noNaN: true }) },
      { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    );
  const cpuQuantity = quantityOf("250m", "0.5", "1", "2", "0", 0.25, 1, "100m", "1500m");
  const bytesQuantity = quantityOf("512Mi", "2.5G", "1Gi", "129e6", "1.5Gi", "500M", "0", "4Gi", 128974848);

  it("random task definitions: never throw, and every success is a valid scenario", () => {
    const td = fc.record(
      {
        family: fc.string({ maxLength: 20 }),
        cpu: cpuValue,
        memory: memValue,
        runtimePlatform: fc.record(
          {
            operatingSystemFamily: fc.constantFrom("LINUX", "LINUX", "WINDOWS_SERVER_2019_CORE", "WINDOWS_SERVER_2022_FULL", "BSD"),
            cpuArchitecture: fc.constantFrom("X86_64", "X86_64", "ARM64", "MIPS"),
          },
          { requiredKeys: [] },
        ),
        ephemeralStorage: fc.record({
          sizeInGiB: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 20, max: 200 }) }, { weight: 1, arbitrary: fc.integer({ min: -5, max: 250 }) }),
        }),
        containerDefinitions: fc.array(
          fc.record({ name: fc.string({ maxLength: 5 }), cpu: cpuValue, memory: memValue, memoryReservation: memValue }, { requiredKeys: [] }),
          { maxLength: 4 },
        ),
      },
      { requiredKeys: ["containerDefinitions"] },
    );
    imported = 0;
    fc.assert(fc.property(td, fc.boolean(), (t, wrap) => check(JSON.stringify(wrap ? { taskDefinition: t } : t))));
    expectSomeImported(Math.floor(runs / 20));
  });

  it("random pods and deployments: never throw, and every success is a valid scenario", () => {
    const resources = fc.record(
      {
        requests: fc.record({ cpu: cpuQuantity, memory: bytesQuantity, "ephemeral-storage": bytesQuantity }, { requiredKeys: [] }),
        limits: fc.record({ cpu: cpuQuantity, memory: bytesQuantity }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    );
    const container = fc.record(
      { name: fc.string({ maxLength: 5 }), resources, restartPolicy: fc.constantFrom("Always", "OnFailure") },
      { requiredKeys: ["name"] },
    );
    const podSpec = fc.record(
      { containers: fc.array(container, { minLength: 1, maxLength: 3 }), initContainers: fc.array(container, { maxLength: 3 }) },
      { requiredKeys: ["containers"] },
    );
    const obj = fc.oneof(
      podSpec.map((spec) => ({ apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec })),
      fc
        .tuple(
          podSpec,
          fc.oneof(
            { weight: 8, arbitrary: fc.integer({ min: 0, max: 20 }) },
            { weight: 1, arbitrary: fc.integer({ min: -3, max: 200_000 }) },
            { weight: 1, arbitrary: fc.constant(undefined) },
          ),
        )
        .map(([spec, replicas]) => ({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { replicas, template: { spec } } })),
    );
    fc.assert(
      fc.property(fc.array(obj, { minLength: 1, maxLength: 3 }), (objs) => {
        check(objs.map((o) => stringify(o)).join("---\n"));
      }),
    );
    expectSomeImported(Math.floor(runs / 20));
  });
});

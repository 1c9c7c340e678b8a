import { describe, expect, it } from "vitest";
import { problemsOf } from "@/lib/pricing/test-helpers";

const base = { name: "w", vcpu: 1, memoryGiB: 2 };
const one = (w: Record<string, unknown>, region = "us-east-1") => problemsOf({ region, workloads: [{ ...base, ...w }] });

describe("scenario errors name the rule and the field", () => {
  const cases: { what: string; input: unknown; path: string; message: RegExp }[] = [
    {
      what: "invalid ECS size names the nearest valid sizes",
      input: { workloads: [{ ...base, memoryGiB: 10 }] },
      path: "workloads.0.memoryGiB",
      message: /1 vCPU \/ 10 GiB is not a valid Fargate task size; nearest valid: 1 vCPU \/ 8 GiB, 2 vCPU \/ 10 GiB/,
    },
    {
      what: "invalid vCPU",
      input: { workloads: [{ ...base, vcpu: 3, memoryGiB: 8 }] },
      path: "workloads.0.vcpu",
      message: /3 vCPU \/ 8 GiB is not a valid Fargate task size; nearest valid: 2 vCPU \/ 8 GiB, 4 vCPU \/ 8 GiB/,
    },
    {
      what: "8 vCPU memory steps of 4 GiB",
      input: { workloads: [{ ...base, vcpu: 8, memoryGiB: 18 }] },
      path: "workloads.0.memoryGiB",
      message: /nearest valid: 8 vCPU \/ 16 GiB, 8 vCPU \/ 20 GiB/,
    },
    {
      what: "above the largest size",
      input: { workloads: [{ ...base, vcpu: 64, memoryGiB: 128 }] },
      path: "workloads.0.vcpu",
      message: /above the largest Fargate size \(32 vCPU \/ 244 GiB\)/,
    },
    {
      what: "Windows with Spot",
      input: { workloads: [{ ...base, os: "windows", spotPercent: 10 }] },
      path: "workloads.0.spotPercent",
      message: /Fargate Spot does not support Windows/,
    },
    {
      what: "Windows below 1 vCPU",
      input: { workloads: [{ ...base, os: "windows", vcpu: 0.5, memoryGiB: 1 }] },
      path: "workloads.0.vcpu",
      message: /at least 1 vCPU/,
    },
    {
      what: "Windows at 8 vCPU",
      input: { workloads: [{ ...base, os: "windows", vcpu: 8, memoryGiB: 16 }] },
      path: "workloads.0.vcpu",
      message: /above the largest Fargate Windows size \(4 vCPU \/ 30 GiB\)/,
    },
    { what: "Windows on arm64", input: { workloads: [{ ...base, os: "windows", arch: "arm64" }] }, path: "workloads.0.arch", message: /x86_64 only/ },
    {
      what: "Windows extra storage",
      input: { workloads: [{ ...base, os: "windows", storageGiB: 30 }] },
      path: "workloads.0.storageGiB",
      message: /Windows containers on Fargate cannot configure ephemeral storage/,
    },
    {
      what: "Windows on EKS",
      input: { workloads: [{ ...base, os: "windows", platform: "eks" }] },
      path: "workloads.0.os",
      message: /EKS on Fargate runs Linux pods only/,
    },
    {
      what: "ARM on EKS",
      input: { workloads: [{ ...base, arch: "arm64", platform: "eks" }] },
      path: "workloads.0.arch",
      message: /EKS on Fargate does not run arm64/,
    },
    {
      what: "Spot on EKS",
      input: { workloads: [{ ...base, spotPercent: 50, platform: "eks" }] },
      path: "workloads.0.spotPercent",
      message: /EKS on Fargate has no Spot/,
    },
    { what: "ECS storage above 200 GiB", input: { workloads: [{ ...base, storageGiB: 201 }] }, path: "workloads.0.storageGiB", message: /at most 200 GiB/ },
    {
      what: "EKS storage above 175 GiB",
      input: { workloads: [{ ...base, platform: "eks", storageGiB: 176 }] },
      path: "workloads.0.storageGiB",
      message: /at most 175 GiB/,
    },
    { what: "storage below the free 20 GiB", input: { workloads: [{ ...base, storageGiB: 10 }] }, path: "workloads.0.storageGiB", message: /at least 20 GiB/ },
    {
      what: "EKS pod above the largest size",
      input: { workloads: [{ ...base, platform: "eks", vcpu: 32, memoryGiB: 244 }] },
      path: "workloads.0.memoryGiB",
      message: /above the largest Fargate size/,
    },
    { what: "negative tasks", input: { workloads: [{ ...base, tasks: -1 }] }, path: "workloads.0.tasks", message: /cannot be negative/ },
    { what: "fractional tasks", input: { workloads: [{ ...base, tasks: 1.5 }] }, path: "workloads.0.tasks", message: /whole number/ },
    { what: "non-numeric vCPU", input: { workloads: [{ ...base, vcpu: "abc" }] }, path: "workloads.0.vcpu", message: /vCPU must be a number/ },
    { what: "missing memory", input: { workloads: [{ name: "w", vcpu: 1 }] }, path: "workloads.0.memoryGiB", message: /Memory is required/ },
    { what: "negative memory", input: { workloads: [{ ...base, memoryGiB: -2 }] }, path: "workloads.0.memoryGiB", message: /more than 0/ },
    { what: "Spot above 100%", input: { workloads: [{ ...base, spotPercent: 101 }] }, path: "workloads.0.spotPercent", message: /at most 100%/ },
    {
      what: "duty cycle above 100%",
      input: { workloads: [{ ...base, schedule: { type: "duty-cycle", percent: 150 } }] },
      path: "workloads.0.schedule.percent",
      message: /at most 100%/,
    },
    {
      what: "negative batch runs",
      input: { workloads: [{ ...base, schedule: { type: "batch", runsPerMonth: -5, secondsPerRun: 10 } }] },
      path: "workloads.0.schedule.runsPerMonth",
      message: /cannot be negative/,
    },
    {
      what: "zero-second runs",
      input: { workloads: [{ ...base, schedule: { type: "batch", runsPerMonth: 5, secondsPerRun: 0 } }] },
      path: "workloads.0.schedule.secondsPerRun",
      message: /more than 0/,
    },
    {
      what: "unknown schedule",
      input: { workloads: [{ ...base, schedule: { type: "sometimes" } }] },
      path: "workloads.0.schedule.type",
      message: /Schedule type must be/,
    },
    {
      what: "unknown platform",
      input: { workloads: [{ ...base, platform: "lambda" }] },
      path: "workloads.0.platform",
      message: /Platform must be "ecs" or "eks"/,
    },
    {
      what: "unknown Savings Plan",
      input: { workloads: [{ ...base, savingsPlan: "5yr" }] },
      path: "workloads.0.savingsPlan",
      message: /Savings Plan must be one of/,
    },
    { what: "unknown region", input: { region: "mars-north-1", workloads: [base] }, path: "region", message: /Unknown region "mars-north-1"/ },
    {
      what: "Windows where AWS does not offer it",
      input: { region: "ap-east-2", workloads: [{ ...base, os: "windows" }] },
      path: "workloads.0.os",
      message: /not offered in ap-east-2/,
    },
    {
      what: "Spot where we have no Spot price",
      input: { region: "ca-west-1", workloads: [{ ...base, spotPercent: 10 }] },
      path: "workloads.0.spotPercent",
      message: /no Fargate Spot price for ca-west-1/,
    },
    { what: "a future format version", input: { version: 3, workloads: [base] }, path: "version", message: /version must be 1 or 2/ },
    {
      what: "a version 2 field in a version 1 document",
      input: { version: 1, workloads: [base], services: {} },
      path: "services",
      message: /set "version": 2/,
    },
    {
      what: "a bad NAT gateway count",
      input: { version: 2, workloads: [base], services: { natGateways: { count: 1.5 } } },
      path: "services.natGateways.count",
      message: /whole number/,
    },
    {
      what: "an unknown load balancer type",
      input: { version: 2, workloads: [base], services: { loadBalancers: [{ name: "web", type: "classic" }] } },
      path: "services.loadBalancers.0.type",
      message: /"application" or "network"/,
    },
    {
      what: "a misspelt services field",
      input: { version: 2, workloads: [base], services: { natGateway: { count: 1 } } },
      path: "services",
      message: /unknown field "natGateway"/,
    },
    {
      what: "a negative EFS read volume",
      input: { version: 2, workloads: [base], services: { fileSystems: [{ name: "data", storedGiB: 10, readGiBPerMonth: -1 }] } },
      path: "services.fileSystems.0.readGiBPerMonth",
      message: /cannot be negative/,
    },
    {
      what: "a public IP that is not a boolean",
      input: { version: 2, workloads: [{ ...base, publicIp: "yes" }] },
      path: "workloads.0.publicIp",
      message: /true or false/,
    },
    {
      what: "logs stored negative",
      input: { version: 2, workloads: [{ ...base, logs: { storedGiB: -5 } }] },
      path: "workloads.0.logs.storedGiB",
      message: /cannot be negative/,
    },
    { what: "workloads not a list", input: { workloads: "api" }, path: "workloads", message: /must be a list/ },
  ];

  it.each(cases)("$what", ({ input, path, message }) => {
    const problems = problemsOf(input);
    const hit = problems.find((p) => p.path === path);
    expect(hit, JSON.stringify(problems)).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  it("lists every problem at once", () => {
    const problems = one({ vcpu: -1, tasks: -2, spotPercent: 300 });
    expect(problems.map((p) => p.path).sort()).toEqual(["workloads.0.spotPercent", "workloads.0.tasks", "workloads.0.vcpu"]);
  });

  it("fills defaults for omitted optional fields", () => {
    expect(one({})).toEqual([]);
  });
});

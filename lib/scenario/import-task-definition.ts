import { formatSize, isValidSize, largestSize, nearestValidSizes, roundUpToValidSize } from "@/lib/pricing";
import { CPU_UNITS_PER_VCPU, MIB_PER_GIB, ok } from "@/lib/core";
import { ImportError, isRecord, own, refused, show, stop, type ImportResult, type WorkloadMeta } from "./import-shared";
import { STORAGE_LIMITS_GIB, type WorkloadInput } from "./schema";

/**
 * ECS task definitions -> workloads (platform "ecs"), as `aws ecs describe-task-definition` prints them
 * (the `{ "taskDefinition": {...} }` wrapper) or as registered (`register-task-definition --cli-input-json`).
 */

/** The task definition inside a value, unwrapping `{ taskDefinition: {...} }`; undefined when it is not one. */
export function asTaskDefinition(value: unknown): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  const inner = own(value, "taskDefinition");
  if (isRecord(inner) && Array.isArray(own(inner, "containerDefinitions"))) return inner;
  return Array.isArray(own(value, "containerDefinitions")) ? value : undefined;
}

const NUMBER = String.raw`(\d+(?:\.\d*)?|\.\d+)`;
const CPU_TEXT = new RegExp(`^${NUMBER}\\s*(vcpus?)?$`, "i");
const MEMORY_TEXT = new RegExp(`^${NUMBER}\\s*(gib|gb|mib|mb)?$`, "i");

/**
 * Task or container cpu in every form ECS accepts: CPU units (1024, "1024") or vCPU ("1 vCPU", "0.5 vcpu").
 * Returns vCPU, or undefined for anything else (negative, fractional units, other text).
 */
export function parseTaskCpu(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 ? value / CPU_UNITS_PER_VCPU : undefined;
  if (typeof value !== "string") return undefined;
  const m = CPU_TEXT.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  if (!Number.isFinite(n)) return undefined;
  if (m[2]) return n;
  return Number.isInteger(n) ? n / CPU_UNITS_PER_VCPU : undefined;
}

/**
 * Task or container memory in every form ECS accepts: MiB (512, "512") or GB ("2GB", "2 GB", ".5 gb";
 * ECS's GB are GiB). Returns MiB, or undefined for anything else.
 */
export function parseTaskMemory(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== "string") return undefined;
  const m = MEMORY_TEXT.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  if (!Number.isFinite(n)) return undefined;
  const unit = (m[2] ?? "").toLowerCase();
  if (unit === "gb" || unit === "gib") return n * MIB_PER_GIB;
  return Number.isInteger(n) ? n : undefined;
}

const fmt = (n: number) => String(Number(n.toFixed(4)));

function osOf(platform: Record<string, unknown> | undefined, label: string): "linux" | "windows" {
  const family = platform ? own(platform, "operatingSystemFamily") : undefined;
  if (family === undefined || family === null) return "linux";
  if (typeof family === "string") {
    const f = family.trim().toUpperCase();
    if (f === "LINUX") return "linux";
    if (f.startsWith("WINDOWS_SERVER_")) return "windows";
  }
  return stop(
    `${label}: runtimePlatform.operatingSystemFamily is ${show(family)}; expected LINUX or a WINDOWS_SERVER_… value such as WINDOWS_SERVER_2022_CORE`,
  );
}

function archOf(platform: Record<string, unknown> | undefined, label: string): "x86_64" | "arm64" {
  const arch = platform ? own(platform, "cpuArchitecture") : undefined;
  if (arch === undefined || arch === null) return "x86_64"; // also what a Windows task without cpuArchitecture runs on
  if (typeof arch === "string") {
    const a = arch.trim().toUpperCase();
    if (a === "X86_64") return "x86_64";
    if (a === "ARM64") return "arm64";
  }
  return stop(`${label}: runtimePlatform.cpuArchitecture is ${show(arch)}; expected X86_64 or ARM64`);
}

/** One task definition (or the describe-task-definition wrapper) as one ECS workload. Never throws. */
export function importTaskDefinition(value: unknown): ImportResult {
  try {
    return convert(value);
  } catch (error) {
    if (error instanceof ImportError) return refused(error.message);
    return refused("The task definition could not be read.");
  }
}

function convert(value: unknown): ImportResult {
  const td = asTaskDefinition(value) ?? stop('Expected an ECS task definition: an object with "containerDefinitions"');
  const familyRaw = own(td, "family");
  const family = typeof familyRaw === "string" ? familyRaw.trim() : "";
  const label = family ? `Task definition "${family}"` : "The task definition";
  const warnings: string[] = [];

  const containers = own(td, "containerDefinitions") as unknown[];
  if (containers.length === 0) stop(`${label} has no containers (containerDefinitions is empty)`);
  containers.forEach((c, i) => {
    if (!isRecord(c)) stop(`${label}: containerDefinitions[${i}] is ${show(c)}, not a container definition`);
  });
  const defs = containers as Record<string, unknown>[];
  const containerName = (c: Record<string, unknown>, i: number) => {
    const n = own(c, "name");
    return typeof n === "string" && n ? `container "${n}"` : `containerDefinitions[${i}]`;
  };

  const platformRaw = own(td, "runtimePlatform");
  if (platformRaw !== undefined && platformRaw !== null && !isRecord(platformRaw)) stop(`${label}: runtimePlatform is ${show(platformRaw)}, not an object`);
  const platform = isRecord(platformRaw) ? platformRaw : undefined;
  const os = osOf(platform, label);
  const arch = archOf(platform, label);

  // cpu: the task's, or the containers' sum (ECS on EC2 task definitions often set only those).
  const taskCpu = own(td, "cpu");
  let vcpu: number;
  let fromContainers = false;
  if (taskCpu !== undefined && taskCpu !== null) {
    vcpu =
      parseTaskCpu(taskCpu) ??
      stop(`${label}: cpu ${show(taskCpu)} is not a CPU size; expected CPU units such as 1024 or "1024", or vCPU such as "1 vCPU" or "0.5 vcpu"`);
    if (!(vcpu > 0)) stop(`${label}: cpu must be more than 0 (it is ${show(taskCpu)})`);
  } else {
    fromContainers = true;
    vcpu = 0;
    defs.forEach((c, i) => {
      const cpu = own(c, "cpu");
      if (cpu === undefined || cpu === null) return;
      vcpu += parseTaskCpu(cpu) ?? stop(`${label}: ${containerName(c, i)} has cpu ${show(cpu)}; expected a whole number of CPU units such as 256`);
    });
  }

  // memory: the task's, or the sum of each container's memory (hard limit) or else memoryReservation.
  const taskMemory = own(td, "memory");
  let mib: number;
  if (taskMemory !== undefined && taskMemory !== null) {
    mib =
      parseTaskMemory(taskMemory) ??
      stop(`${label}: memory ${show(taskMemory)} is not a memory size; expected MiB such as 2048 or "2048", or GB such as "2 GB"`);
    if (!(mib > 0)) stop(`${label}: memory must be more than 0 (it is ${show(taskMemory)})`);
  } else {
    fromContainers = true;
    mib = 0;
    defs.forEach((c, i) => {
      for (const key of ["memory", "memoryReservation"]) {
        const m = own(c, key);
        if (m === undefined || m === null) continue;
        mib += parseTaskMemory(m) ?? stop(`${label}: ${containerName(c, i)} has ${key} ${show(m)}; expected a whole number of MiB such as 512`);
        return;
      }
    });
    if (!(mib > 0)) stop(`${label} sets no memory: expected a task-level "memory", or "memory" or "memoryReservation" on its containers`);
  }

  if (fromContainers) {
    const cpuPart = taskCpu === undefined || taskCpu === null ? `cpu ${fmt(vcpu * CPU_UNITS_PER_VCPU)} units` : undefined;
    const memPart = taskMemory === undefined || taskMemory === null ? `memory ${fmt(mib)} MiB` : undefined;
    warnings.push(
      `${label} has no task-level ${[cpuPart && "cpu", memPart && "memory"].filter(Boolean).join(" or ")}: used the sum of its containers (${[cpuPart, memPart].filter(Boolean).join(", ")}); Fargate needs them at task level`,
    );
  }

  const compat = own(td, "requiresCompatibilities");
  const compatList = Array.isArray(compat) ? compat.filter((x): x is string => typeof x === "string") : [];
  const listsFargate = compatList.some((x) => x.toUpperCase() === "FARGATE");
  const launchType = own(td, "launchType");
  // On EC2: launchType EC2, or compatible with EC2 (or EXTERNAL) and not with Fargate.
  const onEc2 =
    (typeof launchType === "string" && launchType.toUpperCase() === "EC2") ||
    (!listsFargate && compatList.some((x) => ["EC2", "EXTERNAL"].includes(x.toUpperCase())));
  const meta: WorkloadMeta = { assumptions: [], tasksAssumed: true, ...(onEc2 ? { launchType: "EC2" as const } : {}) };

  // A size Fargate would reject as written: the smallest valid size that covers it. A task definition that lists
  // FARGATE with such a size is one ECS refuses to register: the diff reports it as an error naming the nearest sizes.
  const request = { vcpu, memoryGiB: mib / MIB_PER_GIB };
  let size = request;
  if (!(vcpu > 0) || !isValidSize(request, os)) {
    const covering = roundUpToValidSize(request, os);
    const asWritten = `cpu ${fmt(vcpu * CPU_UNITS_PER_VCPU)} / memory ${fmt(mib)} MiB`;
    if (!covering) stop(`${label}: ${asWritten} is above the largest Fargate ${os === "windows" ? "Windows " : ""}size (${formatSize(largestSize(os))})`);
    size = covering!;
    warnings.push(
      `${label}: ${asWritten} is not a valid Fargate ${os === "windows" ? "Windows " : ""}size; imported as ${formatSize(size)}, the smallest valid size that covers it`,
    );
    if (listsFargate && !onEc2 && vcpu > 0) {
      const nearest = nearestValidSizes(request, os).map(formatSize).join(", ");
      meta.invalidSize = `${label}: ${asWritten} (${formatSize(request)}) is not a valid Fargate task size, so ECS would not register it for FARGATE; nearest valid: ${nearest}`;
    }
  }

  if (!listsFargate)
    warnings.push(
      `${label} does not list FARGATE in requiresCompatibilities (${compatList.length ? `it lists ${compatList.join(", ")}` : "it lists none"}): ${
        onEc2
          ? "it runs on EC2; its Fargate price is what it would cost moved to Fargate (the EC2 estimate is what it costs as it is)"
          : "priced as if it ran on Fargate"
      }`,
    );
  else if (onEc2) warnings.push(`${label} sets launchType EC2: it runs on EC2; its Fargate price is what it would cost moved to Fargate`);
  const networkMode = own(td, "networkMode");
  if (typeof networkMode === "string" && networkMode !== "awsvpc") warnings.push(`${label} uses networkMode "${networkMode}": Fargate tasks need "awsvpc"`);

  let storageGiB: number = STORAGE_LIMITS_GIB.free;
  const eph = own(td, "ephemeralStorage");
  if (eph !== undefined && eph !== null) {
    const raw = isRecord(eph) ? own(eph, "sizeInGiB") : eph;
    const n = typeof raw === "number" ? raw : typeof raw === "string" && /^\s*\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isFinite(n) || n < 0) stop(`${label}: ephemeralStorage.sizeInGiB is ${show(raw)}; expected a whole number of GiB from 21 to 200`);
    storageGiB = Math.max(STORAGE_LIMITS_GIB.free, Math.ceil(n));
    if (os === "windows" && storageGiB > STORAGE_LIMITS_GIB.free) {
      warnings.push(
        `${label} asks for ${storageGiB} GiB of ephemeral storage, which Windows tasks on Fargate cannot configure: imported with the ${STORAGE_LIMITS_GIB.free} GiB included`,
      );
      storageGiB = STORAGE_LIMITS_GIB.free;
    }
  }

  const workload: WorkloadInput = { name: family, platform: "ecs", os, arch, vcpu: size.vcpu, memoryGiB: size.memoryGiB, storageGiB, tasks: 1 };
  return ok({ workloads: [workload], warnings, meta: [meta] });
}

import { ok } from "@/lib/core";
import { capacityProviderIssues, capacitySplit, type CapacityProviderName } from "@/lib/pricing";
import { importTaskDefinition } from "./import-task-definition";
import { isRecord, own, stop, type Assumption, type ImportResult, type WorkloadMeta } from "./import-shared";
import type { WorkloadInput } from "./schema";

/**
 * Infrastructure as code -> ECS workloads: a Terraform plan (`terraform show -json plan.out`: aws_ecs_task_definition
 * and aws_ecs_service in planned_values, modules included) and a CloudFormation template (a CDK `cdk synth` template
 * included: AWS::ECS::TaskDefinition and AWS::ECS::Service). Each task definition is read as an ECS task definition
 * (import-task-definition.ts); each service that runs it gives a workload named after the service, with its
 * desired count, its launch type and its capacity provider strategy (carried as the workload's capacityProviders).
 * A task definition no service runs is one workload of 1 task (assumed). Values the file does not give (unknown until
 * apply, or an intrinsic function that cannot be resolved here) become assumptions, never a crash.
 */

interface TaskDef {
  /** How a service refers to it: Terraform addresses, CloudFormation logical IDs, the family. */
  keys: string[];
  label: string;
  value: Record<string, unknown>;
}

interface Service {
  label: string;
  name: string;
  taskDefinition: string | undefined;
  desired: number | undefined;
  desiredNote?: string;
  launchType: string | undefined;
  strategy: { capacityProvider: string; base?: number; weight?: number }[] | undefined;
}

export function isTerraformPlan(value: unknown): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    isRecord(own(value, "planned_values")) &&
    (typeof own(value, "format_version") === "string" || typeof own(value, "terraform_version") === "string")
  );
}

export function isCloudFormationTemplate(value: unknown): value is Record<string, unknown> {
  const resources = isRecord(value) ? own(value, "Resources") : undefined;
  return (
    isRecord(resources) && Object.values(resources).some((r) => isRecord(r) && typeof own(r, "Type") === "string" && String(own(r, "Type")).startsWith("AWS::"))
  );
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const first = (v: unknown): Record<string, unknown> | undefined => {
  const x = Array.isArray(v) ? v[0] : v;
  return isRecord(x) ? x : undefined;
};
const wholeOrUndefined = (v: unknown) =>
  typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : typeof v === "string" && /^\d+$/.test(v.trim()) ? Number(v) : undefined;

/** Workloads from task definitions and the services that run them. */
function workloadsOf(taskDefs: TaskDef[], services: Service[], fileWarnings: string[]): ImportResult {
  const workloads: WorkloadInput[] = [];
  const meta: WorkloadMeta[] = [];
  const warnings = [...fileWarnings];
  const used = new Set<TaskDef>();
  const read = (td: TaskDef) => {
    const r = importTaskDefinition(td.value);
    if (!r.ok) return stop(`${td.label}: ${r.error.message}`);
    return { workload: r.value.workloads[0]!, meta: r.value.meta?.[0] ?? { assumptions: [] }, warnings: r.value.warnings };
  };
  for (const s of services) {
    const td = s.taskDefinition === undefined ? undefined : taskDefs.find((t) => t.keys.includes(s.taskDefinition!));
    if (!td) {
      warnings.push(`${s.label} runs a task definition that is not in this file (${s.taskDefinition ?? "unknown until apply"}): not priced`);
      continue;
    }
    used.add(td);
    const got = read(td);
    const assumptions: Assumption[] = got.warnings.map((text) => ({ text }));
    const w: WorkloadInput = { ...got.workload, name: s.name };
    let tasks = s.desired;
    if (tasks === undefined) {
      tasks = 1;
      assumptions.push({ text: `${s.label}: ${s.desiredNote ?? "desired count not known from the file"}: assumed 1 task`, unless: "tasks" });
    }
    w.tasks = tasks;
    const m: WorkloadMeta = { ...got.meta, assumptions, tasksAssumed: false };
    if (s.launchType?.toUpperCase() === "EC2" || s.launchType?.toUpperCase() === "EXTERNAL") m.launchType = "EC2";
    if (s.strategy?.length) {
      const known = s.strategy.every((p) => ["FARGATE", "FARGATE_SPOT"].includes(p.capacityProvider.toUpperCase()));
      if (!known)
        m.launchType = "EC2"; // an Auto Scaling group capacity provider: EC2 instances
      else {
        // The workload carries the strategy itself: the engine splits the tasks as ECS places them (capacitySplit).
        const specs = s.strategy.map((p) => ({ provider: p.capacityProvider.toUpperCase() as CapacityProviderName, base: p.base ?? 0, weight: p.weight ?? 0 }));
        const issue = capacityProviderIssues(specs)[0];
        if (issue) assumptions.push({ text: `${s.label}: its capacity provider strategy cannot be read (${issue.message}): priced on FARGATE` });
        else {
          w.capacityProviders = specs;
          assumptions.push({ text: `${s.label}: capacity provider strategy: ${capacitySplit(tasks, specs).words}`, unless: "tasks" });
        }
      }
    }
    workloads.push(w);
    meta.push(m);
  }
  for (const td of taskDefs) {
    if (used.has(td)) continue;
    const got = read(td);
    workloads.push(got.workload);
    meta.push({ ...got.meta, assumptions: got.warnings.map((text) => ({ text })) });
    warnings.push(...got.warnings);
  }
  if (!workloads.length && !warnings.length) warnings.push("No aws_ecs_task_definition or AWS::ECS::TaskDefinition in the file");
  for (const m of meta) warnings.push(...m.assumptions.map((a) => a.text).filter((t) => !warnings.includes(t)));
  return ok({ workloads, warnings, meta });
}

// ---- Terraform ----

type TfResource = { address: string; type: string; values: Record<string, unknown> };

function tfResources(module: unknown, out: TfResource[] = []): TfResource[] {
  if (!isRecord(module)) return out;
  for (const r of list(own(module, "resources"))) {
    if (!isRecord(r) || own(r, "mode") === "data") continue;
    const values = own(r, "values");
    out.push({ address: String(own(r, "address") ?? ""), type: String(own(r, "type") ?? ""), values: isRecord(values) ? values : {} });
  }
  for (const child of list(own(module, "child_modules"))) tfResources(child, out);
  return out;
}

/** A reference such as aws_ecs_task_definition.app.arn in the configuration, as the resource's address in its module. */
function tfReferences(config: unknown, prefix = "", out = new Map<string, string>()): Map<string, string> {
  if (!isRecord(config)) return out;
  for (const r of list(own(config, "resources"))) {
    if (!isRecord(r) || own(r, "type") !== "aws_ecs_service") continue;
    const exprs = own(r, "expressions");
    const td = isRecord(exprs) ? own(exprs, "task_definition") : undefined;
    const refs = isRecord(td) ? list(own(td, "references")).filter((x): x is string => typeof x === "string") : [];
    const target =
      refs.find((x) => /^aws_ecs_task_definition\.[^.]+$/.test(x)) ??
      refs
        .find((x) => x.startsWith("aws_ecs_task_definition."))
        ?.split(".")
        .slice(0, 2)
        .join(".");
    if (target) out.set(`${prefix}${String(own(r, "address"))}`, `${prefix}${target}`);
  }
  const calls = own(config, "module_calls");
  if (isRecord(calls)) for (const [name, call] of Object.entries(calls)) if (isRecord(call)) tfReferences(own(call, "module"), `${prefix}module.${name}.`, out);
  return out;
}

/** Terraform's address of a resource without its index ("module.ecs.aws_ecs_service.this[0]" -> "module.ecs.aws_ecs_service.this"). */
const unindexed = (address: string) => address.replace(/\[[^\]]*\](?=$|\.)/g, "");

export function importTerraformPlan(plan: Record<string, unknown>): ImportResult {
  const planned = own(plan, "planned_values");
  const resources = tfResources(isRecord(planned) ? own(planned, "root_module") : undefined);
  const config = own(plan, "configuration");
  const refs = tfReferences(isRecord(config) ? own(config, "root_module") : undefined);
  const taskDefs: TaskDef[] = resources
    .filter((r) => r.type === "aws_ecs_task_definition")
    .map((r) => {
      const v = r.values;
      const family = typeof own(v, "family") === "string" ? String(own(v, "family")) : "";
      const cdText = own(v, "container_definitions");
      let containers: unknown = [];
      try {
        containers = typeof cdText === "string" ? JSON.parse(cdText) : [];
      } catch {
        containers = [];
      }
      const platform = first(own(v, "runtime_platform"));
      const eph = first(own(v, "ephemeral_storage"));
      const value: Record<string, unknown> = {
        family,
        cpu: own(v, "cpu"),
        memory: own(v, "memory"),
        requiresCompatibilities: own(v, "requires_compatibilities"),
        networkMode: own(v, "network_mode"),
        containerDefinitions: Array.isArray(containers) && containers.length ? containers : [{ name: family || r.address }],
        ...(platform
          ? { runtimePlatform: { operatingSystemFamily: own(platform, "operating_system_family"), cpuArchitecture: own(platform, "cpu_architecture") } }
          : {}),
        ...(eph ? { ephemeralStorage: { sizeInGiB: own(eph, "size_in_gib") } } : {}),
      };
      return { keys: [r.address, unindexed(r.address), family].filter(Boolean), label: r.address, value };
    });
  const services: Service[] = resources
    .filter((r) => r.type === "aws_ecs_service")
    .map((r) => {
      const v = r.values;
      const tdValue = own(v, "task_definition");
      // Known: an ARN or "family:revision"; unknown until apply: the configuration's reference to the resource.
      const family = typeof tdValue === "string" ? (tdValue.split("/").pop() ?? "").split(":")[0] : undefined;
      const taskDefinition = family || refs.get(unindexed(r.address)) || refs.get(r.address);
      const desired = wholeOrUndefined(own(v, "desired_count"));
      const strategy = list(own(v, "capacity_provider_strategy"))
        .filter(isRecord)
        .map((s) => ({
          capacityProvider: String(own(s, "capacity_provider") ?? ""),
          base: wholeOrUndefined(own(s, "base")) ?? 0,
          weight: wholeOrUndefined(own(s, "weight")) ?? 0,
        }));
      const name = typeof own(v, "name") === "string" ? String(own(v, "name")) : r.address;
      return {
        label: r.address,
        name,
        taskDefinition,
        desired,
        desiredNote: "desired_count is not known until apply",
        launchType: typeof own(v, "launch_type") === "string" ? String(own(v, "launch_type")) : undefined,
        strategy: strategy.length ? strategy : undefined,
      };
    });
  return workloadsOf(taskDefs, services, []);
}

// ---- CloudFormation ----

/** A value with intrinsic functions resolved where a template alone can: Ref to a parameter's Default; else undefined. */
function resolver(template: Record<string, unknown>) {
  const params = own(template, "Parameters");
  const paramDefault = (name: string) => {
    const p = isRecord(params) ? own(params, name) : undefined;
    return isRecord(p) ? own(p, "Default") : undefined;
  };
  return (v: unknown): unknown => {
    if (isRecord(v)) {
      const ref = own(v, "Ref");
      if (typeof ref === "string") return paramDefault(ref);
      return undefined; // Fn::GetAtt, Fn::Sub, Fn::If...: not resolved here
    }
    // YAML short forms (!Ref Name) arrive as the plain name: a parameter's name resolves to its Default.
    if (typeof v === "string" && paramDefault(v) !== undefined) return paramDefault(v);
    return v;
  };
}

export function importCloudFormationTemplate(template: Record<string, unknown>): ImportResult {
  const resources = own(template, "Resources") as Record<string, unknown>;
  const resolve = resolver(template);
  const notes: string[] = [];
  const taskDefs: TaskDef[] = [];
  const services: Service[] = [];
  for (const [id, r] of Object.entries(resources)) {
    if (!isRecord(r)) continue;
    const type = own(r, "Type");
    const propsRaw = own(r, "Properties");
    const p = isRecord(propsRaw) ? propsRaw : {};
    const get = (key: string) => resolve(own(p, key));
    if (type === "AWS::ECS::TaskDefinition") {
      const familyRaw = get("Family");
      const family = typeof familyRaw === "string" ? familyRaw : "";
      if (!family && own(p, "Family") !== undefined) notes.push(`${id}: Family is an expression this estimate cannot resolve: named ${id}`);
      const platform = first(own(p, "RuntimePlatform"));
      const eph = first(own(p, "EphemeralStorage"));
      const containers = list(own(p, "ContainerDefinitions"))
        .filter(isRecord)
        .map((c, i) => ({
          name: typeof own(c, "Name") === "string" ? own(c, "Name") : `container ${i + 1}`,
          cpu: resolve(own(c, "Cpu")),
          memory: resolve(own(c, "Memory")),
          memoryReservation: resolve(own(c, "MemoryReservation")),
        }));
      for (const key of ["Cpu", "Memory"])
        if (own(p, key) !== undefined && get(key) === undefined)
          return stop(`${id}: ${key} is an expression this estimate cannot resolve: give it as a number or a parameter with a Default`);
      taskDefs.push({
        keys: [id, family].filter(Boolean),
        label: id,
        value: {
          family: family || id,
          cpu: get("Cpu"),
          memory: get("Memory"),
          requiresCompatibilities: get("RequiresCompatibilities"),
          networkMode: get("NetworkMode"),
          containerDefinitions: containers.length ? containers : [{ name: id }],
          ...(platform
            ? {
                runtimePlatform: {
                  operatingSystemFamily: resolve(own(platform, "OperatingSystemFamily")),
                  cpuArchitecture: resolve(own(platform, "CpuArchitecture")),
                },
              }
            : {}),
          ...(eph ? { ephemeralStorage: { sizeInGiB: resolve(own(eph, "SizeInGiB")) } } : {}),
        },
      });
    } else if (type === "AWS::ECS::Service") {
      const tdRaw = own(p, "TaskDefinition");
      const td = isRecord(tdRaw) ? own(tdRaw, "Ref") : tdRaw;
      const taskDefinition = typeof td === "string" ? (td.split("/").pop() ?? "").split(":")[0] : undefined;
      const nameRaw = get("ServiceName");
      const desiredRaw = own(p, "DesiredCount");
      const desired = desiredRaw === undefined ? 1 : wholeOrUndefined(get("DesiredCount"));
      const strategy = list(own(p, "CapacityProviderStrategy"))
        .filter(isRecord)
        .map((s) => ({
          capacityProvider: String(resolve(own(s, "CapacityProvider")) ?? ""),
          base: wholeOrUndefined(resolve(own(s, "Base"))) ?? 0,
          weight: wholeOrUndefined(resolve(own(s, "Weight"))) ?? 0,
        }));
      const launch = get("LaunchType");
      services.push({
        label: id,
        name: typeof nameRaw === "string" ? nameRaw : id,
        taskDefinition,
        desired,
        desiredNote: "DesiredCount is an expression this estimate cannot resolve",
        launchType: typeof launch === "string" ? launch : undefined,
        strategy: strategy.length ? strategy : undefined,
      });
    }
  }
  return workloadsOf(taskDefs, services, notes);
}

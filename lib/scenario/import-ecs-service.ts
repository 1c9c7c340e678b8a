import { isRecord, own, show, stop } from "./import-shared";
import type { WorkloadInput } from "./schema";

/**
 * ECS services -> the running side of a workload: how many tasks (`desiredCount`) and on which capacity providers
 * (`capacityProviderStrategy`). A service names its task definition by ARN or family:revision, which does not say the
 * task size, so a service applies to the task definition of the same family imported with it (a JSON list
 * `[taskDefinition, service]`, or YAML documents). Read as `aws ecs describe-services` prints them (`{ "services": [...] }`)
 * or as `create-service --cli-input-json` takes one.
 */
export interface EcsService {
  serviceName: string;
  /** The task definition's family (ARN prefix and revision removed). */
  family: string;
  desiredCount?: number;
  capacityProviders?: { provider: "FARGATE" | "FARGATE_SPOT"; base: number; weight: number }[];
}

const isService = (v: unknown): v is Record<string, unknown> =>
  isRecord(v) && typeof own(v, "serviceName") === "string" && typeof own(v, "taskDefinition") === "string" && !("containerDefinitions" in v);

/** The services in a value (one service, or describe-services' `{ services: [...] }`); undefined when it holds none. */
export function asEcsServices(value: unknown): Record<string, unknown>[] | undefined {
  if (isService(value)) return [value];
  if (isRecord(value)) {
    const list = own(value, "services");
    if (Array.isArray(list) && list.length > 0 && list.every(isService)) return list;
  }
  return undefined;
}

/** "arn:aws:ecs:us-east-1:123:task-definition/web:7", "web:7", "web" -> "web". */
export function familyOf(taskDefinition: string): string {
  const afterSlash = taskDefinition.slice(taskDefinition.lastIndexOf("/") + 1);
  return afterSlash.replace(/:\d+$/, "");
}

/** One service's settings (throws ImportError with the sentence for the user). */
export function readService(s: Record<string, unknown>): EcsService {
  const serviceName = String(own(s, "serviceName")).trim();
  const label = `Service "${serviceName}"`;
  const out: EcsService = { serviceName, family: familyOf(String(own(s, "taskDefinition"))) };
  const desired = own(s, "desiredCount");
  if (desired !== undefined && desired !== null) {
    if (typeof desired !== "number" || !Number.isInteger(desired) || desired < 0)
      stop(`${label}: desiredCount is ${show(desired)}, not a whole number of tasks`);
    out.desiredCount = desired as number;
  }
  const strategy = own(s, "capacityProviderStrategy");
  if (Array.isArray(strategy) && strategy.length > 0) {
    out.capacityProviders = strategy.map((entry, i) => {
      if (!isRecord(entry)) return stop(`${label}: capacityProviderStrategy[${i}] is ${show(entry)}, not an object`);
      const provider = own(entry, "capacityProvider");
      if (provider !== "FARGATE" && provider !== "FARGATE_SPOT")
        return stop(
          `${label} uses the capacity provider ${show(provider)}: only FARGATE and FARGATE_SPOT are priced here (EC2 capacity providers are not Fargate)`,
        );
      const num = (key: string) => {
        const v = own(entry, key);
        if (v === undefined || v === null) return 0;
        if (typeof v !== "number" || !Number.isInteger(v) || v < 0)
          return stop(`${label}: capacityProviderStrategy[${i}].${key} is ${show(v)}, not a whole number`);
        return v;
      };
      return { provider, base: num("base"), weight: num("weight") };
    });
  }
  return out;
}

/**
 * Applies services to the imported task definitions' workloads (matched by family), in place: tasks from desiredCount,
 * capacityProviders from the strategy. A family run by two services becomes two workloads. Throws ImportError when a
 * service's task definition is not in the file.
 */
export function applyServices(workloads: WorkloadInput[], services: EcsService[], warnings: string[]): void {
  const used = new Set<WorkloadInput>();
  for (const svc of services) {
    const base = workloads.find((w) => w.platform === "ecs" && w.name === svc.family);
    if (!base)
      stop(
        `Service "${svc.serviceName}" runs task definition "${svc.family}", which is not in the file: a service does not say the task size, so import its task definition with it (a JSON list [taskDefinition, service]).`,
      );
    const w = used.has(base!) ? { ...base! } : base!;
    if (w !== base) workloads.push(w);
    used.add(w);
    if (svc.desiredCount !== undefined) w.tasks = svc.desiredCount;
    if (svc.capacityProviders) w.capacityProviders = svc.capacityProviders;
    warnings.push(
      `Service "${svc.serviceName}" sets ${svc.desiredCount ?? 1} task${svc.desiredCount === 1 ? "" : "s"} of "${svc.family}"${svc.capacityProviders ? " and its capacity provider strategy" : ""}`,
    );
  }
}

import type { ExtrasCatalog, FargateCatalog } from "@/lib/catalog";
import { own } from "@/lib/core";
import { catalogProblems, extrasProblems, formatPath, type Problem, unsoldProblems } from "./parse";
import {
  EFS_STORAGE_CLASSES,
  Ec2Settings,
  LATEST_SCENARIO_VERSION,
  type Scenario,
  ScenarioShape,
  SCENARIO_VERSION,
  Services,
  usesVersion2Fields,
  Workload,
  type ScenarioInput,
  type WorkloadInput,
} from "./schema";

/**
 * What the editor holds: the scenario as typed, which may be invalid. Numeric fields may hold the raw text the
 * user typed ("abc", "") so nothing is lost; validation reports it and the estimate leaves that workload out.
 */
type Loose<T> = { [K in keyof T]: T[K] extends number | undefined ? number | string | undefined : T[K] };
export type DraftSchedule =
  { type: "always-on" } | { type: "duty-cycle"; percent: number | string } | { type: "batch"; runsPerMonth: number | string; secondsPerRun: number | string };
type N = number | string;
export type DraftWorkload = Omit<Loose<WorkloadInput>, "schedule" | "logs"> & { schedule?: DraftSchedule; logs?: { ingestedGiBPerMonth?: N; storedGiB?: N } };
export interface DraftLoadBalancer {
  name: string;
  type: "application" | "network";
  capacityUnits?: N;
  internetFacing?: boolean;
  azs?: N;
}
export interface DraftFileSystem {
  name: string;
  storageClass?: (typeof EFS_STORAGE_CLASSES)[number];
  storedGiB?: N;
  readGiBPerMonth?: N;
  writeGiBPerMonth?: N;
}
/** The services (v2) as typed: numbers may hold raw text. */
export interface DraftServices {
  loadBalancers?: DraftLoadBalancer[];
  natGateways?: { count?: N; processedGiBPerMonth?: N };
  dataTransfer?: { internetOutGiBPerMonth?: N; interAzGiBPerMonth?: N };
  fileSystems?: DraftFileSystem[];
  eksClusters?: { count?: N; extendedSupport?: boolean };
  containerRegistry?: { storedGiB?: N };
}
export type Draft = Omit<ScenarioInput, "workloads" | "services"> & { workloads: DraftWorkload[]; services?: DraftServices };

export interface DraftEvaluation {
  /** The valid part of the draft: every valid workload (what the estimate prices). Null when the region is unusable. */
  priced: Scenario | null;
  /** True when every field is valid (the share link and exports are exact). */
  complete: boolean;
  /** Problems keyed by workload index, then by field path inside the workload ("vcpu", "schedule.percent"). */
  workloadProblems: Record<number, Record<string, string>>;
  /** Problems outside workloads ("region", "name", "ec2.headroomPercent"). */
  scenarioProblems: Problem[];
  /** Indices of workloads left out of the estimate because they have problems. */
  excluded: number[];
  /** True while version 2 items wait for the extras prices (they load after the page): priced leaves them out. */
  pendingExtras: boolean;
}

/** The scenario's own fields (built once: zod's omit makes a new schema each call). */
const Head = ScenarioShape.omit({ workloads: true, ec2: true, services: true });

/** One workload's check, kept for as long as the workload object is unchanged (see createWorkloadCheckCache). */
interface WorkloadCheck {
  region: string;
  catalog: FargateCatalog;
  /** The parsed workload, or null when it has problems. */
  data: Workload | null;
  fields: Record<string, string>;
}

/**
 * Remembers each workload's validation by the workload object itself: the editor's store replaces only the workload
 * being edited, so a keystroke re-validates one workload, not all of them. The check depends on the region and the
 * catalog too, so a change of either re-validates. Pass the same cache to every evaluateDraft call of one editor.
 */
export type WorkloadCheckCache = WeakMap<object, WorkloadCheck>;
export const createWorkloadCheckCache = (): WorkloadCheckCache => new WeakMap();

function checkWorkload(w: DraftWorkload, region: FargateCatalog["regions"][string] | undefined, regionCode: string, catalog: FargateCatalog): WorkloadCheck {
  const parsed = Workload.safeParse(w);
  const fields: Record<string, string> = {};
  if (!parsed.success) {
    for (const i of parsed.error.issues) fields[formatPath(i.path)] ??= i.message;
  } else if (region) {
    for (const p of catalogProblems(
      { version: SCENARIO_VERSION, name: "check", region: regionCode, workloads: [parsed.data], ec2: Ec2Settings.parse({}) },
      catalog,
    )) {
      fields[p.path.replace(/^workloads\.0\./, "")] ??= p.message;
    }
  }
  return { region: regionCode, catalog, data: parsed.success && !Object.keys(fields).length ? parsed.data : null, fields };
}

const NO_PROBLEMS: Problem[] = Object.freeze([]) as unknown as Problem[];

/**
 * Validates a draft field by field, so one bad field never blanks the rest of the estimate. Pure.
 * Version 2 items (public IPv4, logs, services) are priced once the extras catalog is given; the version of the
 * priced scenario follows what it uses (2 when it has a version 2 item, else the draft's own).
 * With a cache (createWorkloadCheckCache), unchanged workloads are not validated again, and their parsed objects are
 * the same objects as in the last evaluation.
 */
export function evaluateDraft(draft: Draft, catalog: FargateCatalog, extras?: ExtrasCatalog | null, cache?: WorkloadCheckCache): DraftEvaluation {
  const scenarioProblems: Problem[] = [];
  const workloadProblems: Record<number, Record<string, string>> = {};
  const valid: Workload[] = [];
  /** The draft index of each valid workload. */
  const validIndex: number[] = [];
  const excluded: number[] = [];

  const head = Head.safeParse({ version: draft.version, name: draft.name, region: draft.region });
  if (!head.success) for (const i of head.error.issues) scenarioProblems.push({ path: formatPath(i.path), message: i.message });
  const ec2 = Ec2Settings.safeParse(draft.ec2 ?? {});
  if (!ec2.success) for (const i of ec2.error.issues) scenarioProblems.push({ path: formatPath(["ec2", ...i.path]), message: i.message });

  const regionCode = typeof draft.region === "string" ? draft.region : "";
  const region = own(catalog.regions, regionCode);
  if (!region && !scenarioProblems.some((p) => p.path === "region"))
    scenarioProblems.push(
      ...catalogProblems({ version: SCENARIO_VERSION, name: "check", region: regionCode, workloads: [], ec2: Ec2Settings.parse({}) }, catalog),
    );

  draft.workloads.forEach((w, index) => {
    const cacheable = cache !== undefined && typeof w === "object" && w !== null;
    let check = cacheable ? cache.get(w) : undefined;
    if (!check || check.region !== regionCode || check.catalog !== catalog) {
      check = checkWorkload(w, region, regionCode, catalog);
      if (cacheable) cache.set(w, check);
    }
    if (check.data === null) {
      // A copy: the cached check stays as it was whatever is added to this evaluation's problems.
      workloadProblems[index] = { ...check.fields };
      excluded.push(index);
    } else {
      valid.push(check.data);
      validIndex.push(index);
    }
  });

  // Services (v2): refused as a whole while any of their fields is wrong (each problem on its own path).
  let services: Scenario["services"];
  if (draft.services !== undefined) {
    const parsed = Services.safeParse(draft.services);
    if (parsed.success) services = parsed.data;
    else for (const i of parsed.error.issues) scenarioProblems.push({ path: formatPath(["services", ...i.path]), message: i.message });
  }

  // A problem on a workload ("workloads.N.field", N an index into `list`, the valid workloads still priced) goes on
  // the draft's field and leaves that workload out; any other problem goes on the scenario and leaves the services out.
  const leaveOut = (problems: readonly { path: string; message: string }[], list: Scenario["workloads"]): Scenario["workloads"] => {
    const dropped = new Set<number>();
    for (const p of problems) {
      const m = /^workloads\.(\d+)\.(.*)$/.exec(p.path);
      if (m) {
        const index = validIndex[Number(m[1])]!;
        (workloadProblems[index] ??= {})[m[2]!] ??= p.message;
        if (!excluded.includes(index)) excluded.push(index);
        dropped.add(Number(m[1]));
      } else {
        scenarioProblems.push(p);
        services = undefined;
      }
    }
    excluded.sort((a, b) => a - b);
    if (!dropped.size) return list;
    const kept = validIndex.filter((_, i) => !dropped.has(i));
    validIndex.length = 0;
    validIndex.push(...kept);
    return list.filter((_, i) => !dropped.has(i));
  };

  // What AWS does not sell (unsoldProblems): the workload is left out (its field says why), the services too.
  let workloads = leaveOut(unsoldProblems({ workloads: valid, services }), valid);

  // Version 2 items the region has no price for: the workload is left out (its field says why), the services too.
  let pendingExtras = false;
  const wantsExtras = usesVersion2Fields({ services, workloads });
  if (region && wantsExtras && !extras) {
    pendingExtras = true;
    workloads = workloads.map((w) => ({ ...w, publicIp: undefined, logs: undefined }));
    services = undefined;
  } else if (region && wantsExtras && extras) {
    workloads = leaveOut(extrasProblems({ region: regionCode, workloads, services }, extras), workloads);
  }

  // Only an unusable region stops pricing: a bad name or EC2 setting is reported on its field while the rest is
  // priced with the default in its place.
  const name = typeof draft.name === "string" && draft.name.trim() ? draft.name.trim().slice(0, 120) : "My scenario";
  const v2 = usesVersion2Fields({ services, workloads });
  const version = v2 || (head.success && head.data.version === LATEST_SCENARIO_VERSION) ? LATEST_SCENARIO_VERSION : SCENARIO_VERSION;
  const priced: Scenario | null = region
    ? {
        version,
        name: head.success ? head.data.name : name,
        region: regionCode,
        workloads,
        ec2: ec2.success ? ec2.data : Ec2Settings.parse({}),
        ...(services ? { services } : {}),
      }
    : null;
  return {
    priced,
    complete: priced !== null && !pendingExtras && excluded.length === 0 && scenarioProblems.length === 0,
    workloadProblems,
    // The same (frozen, empty) list whenever there is no problem: what shows the problems can skip a re-render.
    scenarioProblems: scenarioProblems.length ? scenarioProblems : NO_PROBLEMS,
    excluded,
    pendingExtras,
  };
}

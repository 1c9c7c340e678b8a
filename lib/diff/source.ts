import type { ExtrasCatalog, FargateCatalog } from "@/lib/catalog";
import { fail, formatUsd, ok, type Fail, type Result } from "@/lib/core";
import { estimateScenario } from "@/lib/pricing";
import { parseScenario, type Problem, type Scenario } from "@/lib/scenario";
import { importWorkload, type WorkloadMeta } from "@/lib/scenario/import";
import type { SideNotes } from "./diff";

/**
 * One side of a cost diff (BASE or HEAD) from a file: a scenario file, or an ECS task definition or Kubernetes
 * manifests (detected as `estimate --import` does). Beside an imported file, an optional scenario file
 * (`name.scenario.json` next to `name.yaml`) gives what task definitions and manifests do not say: tasks,
 * schedules, Spot share and Savings Plans per workload (matched by name), the region, the EC2 settings and any
 * other scenario-level fields. The size always comes from the task definition or manifest.
 */

export interface SourceFile {
  path: string;
  text: string;
}

export interface SideInput {
  file: SourceFile;
  /** The scenario file beside an imported file, when there is one. */
  beside?: SourceFile;
  /** Where that scenario would go, as the report should name it (default: besidePath(file.path)). */
  besideName?: string;
}

/**
 * One side, validated: the scenario, whether it was a scenario file or imported, the importer's warnings, and the
 * notes for the diff (what was assumed per workload, what the file says that the Fargate cost leaves out).
 */
export type LoadedSide = { scenario: Scenario; kind: "scenario" | "import"; warnings: string[]; notes: SideNotes };
export type SideResult = Result<LoadedSide, Problem[]>;

/** Fields a scenario beside a task definition or manifest may set per workload; everything else comes from the file. */
export const BESIDE_FIELDS = ["tasks", "schedule", "spotPercent", "savingsPlan", "publicIp", "logs"] as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const own = (o: Record<string, unknown>, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

/** `dir/deploy.yaml` -> `dir/deploy.scenario.json`: where a scenario beside an imported file sits. */
export function besidePath(file: string): string {
  const slash = Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\"));
  const dot = file.lastIndexOf(".");
  const stem = dot > slash + 1 ? file.slice(0, dot) : file;
  return `${stem}.scenario.json`;
}

/** True when the text is a scenario file (a JSON object with "workloads"), not a task definition or manifest. */
export function isScenarioText(text: string): boolean {
  const trimmed = text.replace(/^\uFEFF/, "").trimStart();
  if (!trimmed.startsWith("{")) return false;
  try {
    const json: unknown = JSON.parse(trimmed);
    return isRecord(json) && Object.hasOwn(json, "workloads");
  } catch {
    return false;
  }
}

const at = (file: string, problems: Problem[]): Problem[] => problems.map((p) => ({ path: p.path ? `${file}: ${p.path}` : file, message: p.message }));
const problem = (path: string, message: string): Fail<Problem[]> => fail([{ path, message }]);

function parseJson(file: SourceFile): Result<unknown, Problem[]> {
  try {
    return ok(JSON.parse(file.text.replace(/^\uFEFF/, "")));
  } catch (e) {
    return problem(file.path, `not valid JSON: ${(e as Error).message}`);
  }
}

/** Reads one side into a validated scenario. `region` applies to task definitions and manifests unless a scenario beside them names one. */
export function loadSide(input: SideInput, opts: { region: string }, catalog: FargateCatalog, extras?: ExtrasCatalog): SideResult {
  const { file, beside } = input;
  if (isScenarioText(file.text)) {
    const json = parseJson(file);
    if (!json.ok) return json;
    const parsed = parseScenario(json.value, catalog, extras);
    return parsed.ok ? ok({ scenario: parsed.value, kind: "scenario", warnings: [], notes: {} }) : fail(at(file.path, parsed.error));
  }

  const imported = importWorkload(file.text, { name: file.path.split(/[\\/]/).pop() });
  if (!imported.ok) return problem(file.path, imported.error.message);
  const { warnings } = imported.value;
  const metas: WorkloadMeta[] = imported.value.meta ?? imported.value.workloads.map(() => ({ assumptions: [] }));
  // A size ECS would refuse to register for Fargate is an error here, as in a scenario (the importer alone rounds it up).
  const invalid = metas.flatMap((m) => (m.invalidSize ? [{ path: file.path, message: m.invalidSize }] : []));
  if (invalid.length) return fail(invalid);
  // Workloads that run on EC2 are not a Fargate cost: said plainly, and left out of the Fargate totals.
  const fileNotes: string[] = [];
  const kept: { w: Record<string, unknown>; meta: WorkloadMeta }[] = [];
  imported.value.workloads.forEach((w, i) => {
    const meta = metas[i] ?? { assumptions: [] };
    if (meta.launchType === "EC2") fileNotes.push(`"${w.name}" runs on EC2, not Fargate: not priced here, and left out of the Fargate totals`);
    else kept.push({ w: w as unknown as Record<string, unknown>, meta });
  });
  const workloads = kept.map((k) => k.w);
  let raw: Record<string, unknown> = { name: file.path, region: opts.region, workloads };
  let overrides = new Map<string, Record<string, unknown>>();

  if (beside) {
    const json = parseJson(beside);
    if (!json.ok) return json;
    const merged = mergeBeside(json.value, workloads, file.path, beside.path);
    if (!merged.ok) return merged;
    overrides = merged.value.overrides;
    raw = { ...merged.value.scenario, name: own(merged.value.scenario, "name") ?? file.path, region: own(merged.value.scenario, "region") ?? opts.region };
  }
  const parsed = parseScenario(raw, catalog, extras);
  if (!parsed.ok) return fail(at(beside ? `${file.path} (with ${beside.path})` : file.path, parsed.error));

  const scenario = parsed.value;
  const besideName = (input.besideName ?? besidePath(file.path)).split(/[\\/]/).pop();
  const assumptions = kept.map(({ w, meta }, i) => {
    const set = overrides.get(String(w.name));
    const has = (field: string) => set !== undefined && Object.hasOwn(set, field);
    const out = meta.assumptions.filter((a) => (!a.unless || !has(a.unless)) && a.text !== meta.replicas?.note).map((a) => a.text);
    if (meta.tasksAssumed && !has("tasks")) out.unshift(`assumed 1 task: add ${besideName} beside it with "tasks" for this workload`);
    if (meta.replicas) out.push(scalingNote(scenario, i, meta.replicas, has("tasks"), catalog, extras));
    return out;
  });
  const perWorkload = new Set(metas.flatMap((m) => m.assumptions.map((a) => a.text)));
  const looseWarnings = warnings.filter((w) => !perWorkload.has(w));
  return ok({ scenario, kind: "import", warnings, notes: { warnings: [...looseWarnings, ...fileNotes], assumptions } });
}

/** "scaled by HPA "api" from 2 to 10 pods: priced at 2 (the minimum); at 10, $x a month" — the cost at both ends. */
function scalingNote(
  scenario: Scenario,
  index: number,
  range: { min: number; max: number; by: string },
  fromBeside: boolean,
  catalog: FargateCatalog,
  extras?: ExtrasCatalog,
): string {
  const w = scenario.workloads[index]!;
  const cost = (tasks: number) =>
    formatUsd(estimateScenario({ ...scenario, workloads: [{ ...w, tasks }] } as Scenario, catalog, extras).workloads[0]!.monthlyCost);
  const pods = (n: number) => `${n} pod${n === 1 ? "" : "s"}`;
  const at = fromBeside ? `priced at the ${pods(w.tasks)} set beside it` : `priced at the minimum, ${pods(range.min)}`;
  return `${range.by} scales it from ${pods(range.min)} (${cost(range.min)} a month) to ${pods(range.max)} (${cost(range.max)} a month): ${at}`;
}

function mergeBeside(
  value: unknown,
  workloads: readonly Record<string, unknown>[],
  filePath: string,
  besidePathName: string,
): Result<{ scenario: Record<string, unknown>; overrides: Map<string, Record<string, unknown>> }, Problem[]> {
  const refuse = (path: string, message: string) => problem(path ? `${besidePathName}: ${path}` : besidePathName, message);
  if (!isRecord(value))
    return refuse("", `expected a scenario object beside ${filePath} (with "workloads" giving tasks, schedule, spotPercent or savingsPlan by name)`);
  const list = own(value, "workloads") ?? [];
  if (!Array.isArray(list)) return refuse("workloads", "must be a list of workloads, each with a name");
  const names = new Set(workloads.map((w) => String(w.name)));
  const overrides = new Map<string, Record<string, unknown>>();
  for (const [i, w] of list.entries()) {
    if (!isRecord(w)) return refuse(`workloads.${i}`, "must be an object with a name");
    const name = own(w, "name");
    if (typeof name !== "string" || !name.trim()) return refuse(`workloads.${i}.name`, `name the workload of ${filePath} this entry applies to`);
    const key = name.trim();
    if (!names.has(key)) {
      const found = [...names].slice(0, 10).join(", ");
      return refuse(`workloads.${i}.name`, `"${key}" matches no workload in ${filePath} (it has: ${found}): use one of those names`);
    }
    if (overrides.has(key)) return refuse(`workloads.${i}.name`, `"${key}" is listed twice: give each workload once`);
    for (const field of Object.keys(w)) {
      if (field !== "name" && !(BESIDE_FIELDS as readonly string[]).includes(field))
        return refuse(`workloads.${i}.${field}`, `the size and platform come from ${filePath}: beside it, set only ${BESIDE_FIELDS.join(", ")}`);
    }
    overrides.set(key, w);
  }
  const merged = workloads.map((w) => {
    const o = overrides.get(String(w.name));
    if (!o) return w;
    const out: Record<string, unknown> = { ...w };
    for (const field of BESIDE_FIELDS) if (Object.hasOwn(o, field)) out[field] = o[field];
    return out;
  });
  return ok({ scenario: { ...value, workloads: merged }, overrides });
}

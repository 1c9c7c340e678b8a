import { isAlias, isCollection, isMap, isNode, isPair, isScalar, parseAllDocuments, visit, type Document } from "yaml";
import { autoscalerOf, type Autoscaler } from "./import-autoscale";
import { importCloudFormationTemplate, importTerraformPlan, isCloudFormationTemplate, isTerraformPlan } from "./import-iac";
import { importKubernetesObject, isKubernetesObject } from "./import-k8s";
import { asTaskDefinition, importTaskDefinition } from "./import-task-definition";
import { applyServices, asEcsServices, readService, type EcsService } from "./import-ecs-service";
import { ok } from "@/lib/core";
import { ImportError, isRecord, refused, stop, type ImportResult, type WorkloadMeta } from "./import-shared";
import { Workload, type WorkloadInput } from "./schema";

/**
 * One entry for imported files: an ECS task definition (JSON) or Kubernetes manifests (YAML or JSON,
 * several documents, a `List`). Detects which, converts, and checks every workload against the schema,
 * so an ok result always passes `parseScenario({ workloads })`. All or nothing: one bad document fails
 * the import. Never throws.
 */

export type { Assumption, ImportResult, WorkloadMeta } from "./import-shared";

export interface ImportOptions {
  /** Name for workloads the file does not name (no `family`, no `metadata.name`), e.g. the file's name. */
  name?: string;
}

/** Inputs longer than this (characters) are refused before parsing. */
export const MAX_IMPORT_CHARS = 1024 * 1024;
/** Nesting depth allowed in a parsed document (real manifests stay under 20). */
export const MAX_IMPORT_DEPTH = 64;
/** YAML documents per file. */
export const MAX_IMPORT_DOCUMENTS = 1000;
/** Aliases (`*name`) a YAML document may expand: guards against "billion laughs". */
const MAX_ALIASES = 100;
/**
 * Values a file's YAML may hold once its aliases and merge keys (`<<: *name`) are expanded, all documents together.
 * A 1 MB file written out holds at most ~525,000 values ("[1,1,1,…]"), real manifests a few thousand; merge keys copy
 * their whole mapping each time (a 105,000-key mapping merged 99 times took 30 s and 1.5 GB), and yaml's own alias
 * count misses them (it only counts aliases nested in an alias's target).
 */
export const MAX_EXPANDED_VALUES = 1_000_000;
/** Before YAML parsing: leading indentation columns and open brackets, which bound the nesting the parser recurses into. */
const MAX_YAML_INDENT = 200;
const MAX_YAML_BRACKETS = 100;
const NAME_MAX = 120;

const EXPECTED = "an ECS task definition (JSON) or Kubernetes manifests (YAML or JSON)";

export function importWorkload(text: string, opts: ImportOptions = {}): ImportResult {
  try {
    return importText(text, opts);
  } catch (error) {
    if (error instanceof ImportError) return refused(error.message);
    if (error instanceof RangeError) return refused(`The file is nested too deeply to be ${EXPECTED}.`);
    return refused(`The file could not be read as ${EXPECTED}.`);
  }
}

function importText(text: string, opts: ImportOptions): ImportResult {
  if (typeof text !== "string") return stop(`Expected the text of ${EXPECTED}.`);
  if (text.length > MAX_IMPORT_CHARS) return stop(`The file is too large (${(text.length / 1024 / 1024).toFixed(1)} MB; at most 1 MB) to be ${EXPECTED}.`);
  const source = text.replace(/^\uFEFF/, "");
  if (!source.trim()) return stop(`The file is empty: expected ${EXPECTED}.`);
  // Binary content (an image or archive read as text) is named in one sentence, never echoed back as mojibake.
  if (/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(source.slice(0, 65_536)))
    return stop(`This is not text (it looks like a binary file, such as an image or an archive): expected ${EXPECTED}.`);

  const documents = parseDocuments(source);
  const objects: { value: unknown; where: string }[] = [];
  documents.forEach((value, i) => {
    if (tooDeep(value))
      stop(`${documents.length > 1 ? `Document ${i + 1} is` : "The file is"} nested more than ${MAX_IMPORT_DEPTH} levels deep: expected ${EXPECTED}.`);
    const doc = documents.length > 1 ? `Document ${i + 1}` : "";
    const items = expand(value);
    items.forEach((item, j) => {
      const where = items.length > 1 ? (doc ? `${doc}, item ${j + 1}` : `Item ${j + 1}`) : doc;
      objects.push({ value: item, where: where ? `${where}: ` : "" });
    });
  });

  const workloads: WorkloadInput[] = [];
  const warnings: string[] = [];
  const services: EcsService[] = [];
  const meta: WorkloadMeta[] = [];
  const scalers: Autoscaler[] = [];
  for (const { value, where } of objects) {
    if (value === null || value === undefined) continue; // an empty document between "---" lines
    // ECS services set how many tasks run and on which capacity providers: applied to their task definitions below.
    const ecsServices = asEcsServices(value);
    if (ecsServices) {
      for (const s of ecsServices) {
        try {
          services.push(readService(s));
        } catch (error) {
          if (error instanceof ImportError) return stop(`${where}${error.message}.`);
          throw error;
        }
      }
      continue;
    }
    try {
      const scaler = autoscalerOf(value);
      if (scaler) {
        scalers.push(scaler);
        continue;
      }
    } catch (error) {
      if (error instanceof ImportError) return stop(`${where}${error.message}.`);
      throw error;
    }
    const result = asTaskDefinition(value)
      ? importTaskDefinition(value)
      : isTerraformPlan(value)
        ? importTerraformPlan(value)
        : isCloudFormationTemplate(value)
          ? importCloudFormationTemplate(value)
          : isKubernetesObject(value)
            ? importKubernetesObject(value)
            : refused(unrecognised(value));
    if (!result.ok) return stop(`${where}${result.error.message}${/[.!?]$/.test(result.error.message) ? "" : "."}`);
    const got = result.value;
    // A warning of an object that gave one workload is about that workload; others (skipped objects) about the file.
    got.workloads.forEach((_, j) => {
      const m = got.meta?.[j] ?? { assumptions: [] };
      const known = new Set(m.assumptions.map((a) => a.text));
      const own = got.workloads.length === 1 ? got.warnings.filter((w) => !known.has(w)).map((text) => ({ text })) : [];
      meta.push({ ...m, assumptions: [...m.assumptions, ...own] });
    });
    workloads.push(...got.workloads);
    warnings.push(...got.warnings);
  }
  if (services.length) applyServices(workloads, services, warnings);
  applyAutoscalers(scalers, workloads, warnings, meta);
  if (workloads.length === 0) {
    const skipped = warnings.length ? ` (${warnings.join("; ")})` : "";
    return stop(
      `The file has no workloads: expected an ECS task definition or a Kubernetes Pod, Deployment, StatefulSet, ReplicaSet, Job, CronJob or DaemonSet${skipped}.`,
    );
  }

  nameWorkloads(workloads, warnings, opts, meta);
  for (const w of workloads) {
    const parsed = Workload.safeParse(w);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return stop(`"${w.name}" cannot run on Fargate as written: ${issue?.message ?? "it is not a valid workload"}.`);
    }
  }
  return ok({ workloads, warnings, meta });
}

/** Each autoscaler sets its target's pods to its minimum; the range stays in the target's meta for the diff. */
function applyAutoscalers(scalers: Autoscaler[], workloads: WorkloadInput[], warnings: string[], meta: WorkloadMeta[]) {
  for (const s of scalers) {
    const i = meta.findIndex((m) => m.source?.kind === s.target.kind && m.source.name === s.target.name);
    if (i < 0) {
      warnings.push(`${s.by} scales ${s.target.kind} "${s.target.name}", which is not in this file: ignored`);
      continue;
    }
    const note = `${s.target.kind} "${s.target.name}" is scaled by ${s.by} from ${s.min} to ${s.max} pods: imported at the minimum, ${s.min}`;
    workloads[i]!.tasks = s.min;
    warnings.push(note);
    meta[i]!.replicas = { min: s.min, max: s.max, by: s.by, note };
    meta[i]!.assumptions.push({ text: note, unless: "tasks" });
  }
}

/** JSON first (the common case, and exact); YAML otherwise, including flow-style YAML that starts like JSON. */
function parseDocuments(source: string): unknown[] {
  const trimmed = source.trimStart();
  let jsonError: string | undefined;
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      return [JSON.parse(source)];
    } catch (error) {
      jsonError = error instanceof Error ? error.message : String(error);
    }
  }
  const yamlGuard = yamlTooDeep(source);
  if (yamlGuard) return stop(jsonError ? `The file is not valid JSON (${jsonError}): expected ${EXPECTED}.` : yamlGuard);
  // uniqueKeys: false. The library's own duplicate-key check compares every key with every other key of its
  // mapping (a 40,000-key Pod took 7.9 s); duplicateKey below does the same check in one pass.
  const docs = parseAllDocuments(source, { merge: true, prettyErrors: true, uniqueKeys: false });
  if (!Array.isArray(docs)) return [];
  if (docs.length > MAX_IMPORT_DOCUMENTS) return stop(`The file has ${docs.length} YAML documents; at most ${MAX_IMPORT_DOCUMENTS} can be imported at once.`);
  let expanded = 0;
  return docs.map((doc, i) => {
    const error = doc.errors[0];
    if (error) {
      const where = docs.length > 1 ? ` (document ${i + 1})` : "";
      if (jsonError) return stop(`The file is not valid JSON (${jsonError}): expected ${EXPECTED}.`);
      return stop(`The file is not valid YAML${where}: ${firstLine(error.message)}; expected ${EXPECTED}.`);
    }
    const duplicate = duplicateKey(doc, source);
    if (duplicate) return stop(`The file is not valid YAML${docs.length > 1 ? ` (document ${i + 1})` : ""}: ${duplicate}; expected ${EXPECTED}.`);
    expanded += expandedValues(doc, MAX_EXPANDED_VALUES - expanded);
    if (expanded > MAX_EXPANDED_VALUES)
      return stop(
        `The YAML${docs.length > 1 ? ` (up to document ${i + 1})` : ""} expands to more than ${MAX_EXPANDED_VALUES.toLocaleString("en-US")} values through its aliases (*name) and merge keys (<<), which a manifest never needs: refused as a possible "billion laughs" document.`,
      );
    try {
      return doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (e) {
      if (e instanceof ReferenceError && /alias/i.test(e.message))
        return stop(`The YAML uses more than ${MAX_ALIASES} aliases (*name), which a manifest never needs: refused as a possible "billion laughs" document.`);
      if (e instanceof RangeError) return stop(`The file is nested too deeply to be ${EXPECTED}.`);
      return stop(`The file is not valid YAML: ${firstLine(e instanceof Error ? e.message : String(e))}; expected ${EXPECTED}.`);
    }
  });
}

/**
 * YAML forbids a key twice in one mapping (YAML 1.2, 3.2.1.1). Linear: one Set of scalar keys per mapping.
 * Keys compare as the library compares them (same scalar value and type); the merge key "<<" may repeat.
 */
function duplicateKey(doc: Document, source: string): string | undefined {
  let found: string | undefined;
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return;
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key) || key.value === "<<") continue;
        const id = `${typeof key.value}:${String(key.value)}`;
        if (seen.has(id)) {
          const at = key.range?.[0];
          const line = at === undefined ? "" : ` at line ${source.slice(0, at).split("\n").length}`;
          found = `the key "${String(key.value).slice(0, 80)}" appears twice in one mapping${line}`;
          return visit.BREAK;
        }
        seen.add(id);
      }
    },
  });
  return found;
}

/**
 * How many values (scalars, mappings, sequences, keys) the document holds with every alias and merge key expanded;
 * stops counting past `limit`. One pass in document order: an alias counts as the size of the latest node with its
 * anchor (as YAML resolves it), so nested aliases multiply as they would when expanded, without expanding anything.
 */
function expandedValues(doc: Document, limit: number): number {
  const anchors = new Map<string, number>();
  const size = (node: unknown): number => {
    if (isAlias(node)) return anchors.get(node.source) ?? 1;
    let n = 1;
    if (isCollection(node)) {
      for (const item of node.items) {
        n += isPair(item) ? size(item.key) + size(item.value) : size(item);
        if (n > limit) return n;
      }
    }
    if (isNode(node) && node.anchor) anchors.set(node.anchor, n);
    return n;
  };
  return size(doc.contents);
}

const firstLine = (message: string) => message.split("\n")[0]!.replace(/[:.]\s*$/, "");

/**
 * The YAML parser recurses once per nesting level; a document nested thousands deep overflows the stack
 * (and in V8 can even abort the process). Indentation columns and open brackets bound the depth, so
 * refuse before parsing when they are far beyond anything a manifest has.
 */
function yamlTooDeep(source: string): string | undefined {
  let brackets = 0;
  let indent = 0;
  let lineStart = true;
  let documents = 1;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      indent = 0;
      if (source.startsWith("---", i + 1) && ++documents > MAX_IMPORT_DOCUMENTS)
        return `The file has more than ${MAX_IMPORT_DOCUMENTS} YAML documents; at most ${MAX_IMPORT_DOCUMENTS} can be imported at once.`;
      continue;
    }
    if (lineStart) {
      // Spaces, tabs and the indicators "- ", "? ", ": " all open a nesting level in block YAML.
      if (c === 32 || c === 9 || c === 45 || c === 63 || c === 58) {
        if (++indent > MAX_YAML_INDENT) return `The file is indented more than ${MAX_YAML_INDENT} columns deep: expected ${EXPECTED}.`;
        continue;
      }
      lineStart = false;
    }
    if (c === 91 || c === 123) {
      if (++brackets > MAX_YAML_BRACKETS) return `The file opens more than ${MAX_YAML_BRACKETS} brackets without closing them: expected ${EXPECTED}.`;
    } else if ((c === 93 || c === 125) && brackets > 0) brackets--;
  }
  return undefined;
}

/** Depth of nested arrays and plain objects, without recursion. */
function tooDeep(value: unknown): boolean {
  const stack: { v: unknown; d: number }[] = [{ v: value, d: 0 }];
  while (stack.length) {
    const { v, d } = stack.pop()!;
    if (d > MAX_IMPORT_DEPTH) return true;
    if (Array.isArray(v)) for (const x of v) stack.push({ v: x, d: d + 1 });
    else if (isRecord(v) && Object.getPrototypeOf(v) === Object.prototype) for (const x of Object.values(v)) stack.push({ v: x, d: d + 1 });
  }
  return false;
}

/** A top-level list of objects, or a Kubernetes `List` (`kubectl get ... -o yaml`), gives its items. */
function expand(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.length ? value.flatMap((v) => (isKubernetesList(v) ? (v.items as unknown[]) : [v])) : [value];
  return isKubernetesList(value) ? (value.items as unknown[]) : [value];
}

function isKubernetesList(value: unknown): value is { items: unknown[] } {
  return isRecord(value) && typeof value.kind === "string" && value.kind.endsWith("List") && Array.isArray(value.items) && !("containerDefinitions" in value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length ? "a list" : "an empty list";
  if (typeof value === "string") {
    const s = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `plain text ("${s}")`;
  }
  if (typeof value === "number" || typeof value === "boolean") return `a ${typeof value} (${value})`;
  if (isRecord(value)) {
    const keys = Object.keys(value);
    if (!keys.length) return "an empty object";
    return `an object with ${keys
      .slice(0, 5)
      .map((k) => `"${k}"`)
      .join(", ")}${keys.length > 5 ? ` and ${keys.length - 5} more keys` : ""}`;
  }
  return `a ${typeof value}`;
}

function unrecognised(value: unknown): string {
  if (isRecord(value) && "workloads" in value)
    return 'This is a scenario (it has "workloads"), not a task definition or manifest: open it as a scenario instead';
  if (isRecord(value) && typeof value.kind === "string")
    return `Found a "${String(value.kind)}" without "apiVersion": expected a Kubernetes object with "apiVersion" and "kind"`;
  return `Expected an ECS task definition (an object with "containerDefinitions") or a Kubernetes object (with "apiVersion" and "kind"); found ${describe(value)}`;
}

function nameWorkloads(workloads: WorkloadInput[], warnings: string[], opts: ImportOptions, meta: WorkloadMeta[]) {
  const fallback = (typeof opts.name === "string" && opts.name.trim()) || "Imported workload";
  const unnamed = workloads.filter((w) => !w.name.trim()).length;
  let n = 0;
  for (const [i, w] of workloads.entries()) {
    if (!w.name.trim()) {
      n++;
      w.name = unnamed > 1 ? `${fallback} ${n}` : fallback;
    }
    if (w.name.length > NAME_MAX) {
      const text = `The name "${w.name.slice(0, 40)}…" is longer than ${NAME_MAX} characters: shortened`;
      warnings.push(text);
      meta[i]?.assumptions.push({ text });
      w.name = w.name.slice(0, NAME_MAX).trim();
    }
  }
}

import { fail, ok, type Result } from "@/lib/core";
import { cronRunsPerMonth } from "./cron";
import { ImportError, isRecord, own, refused, show, stop, type Assumption, type ImportResult } from "./import-shared";
import { STORAGE_LIMITS_GIB, type WorkloadInput } from "./schema";

/**
 * Kubernetes objects -> EKS-on-Fargate workloads. The workload's vcpu / memoryGiB are the pod's requests,
 * computed as Kubernetes does (docs/pricing-rules.md#eks-pod-sizing); the engine adds the 256 MiB
 * and rounds up to the billed size.
 */

// ---- quantities ----

/** A non-negative Kubernetes quantity as an exact fraction num/den. */
export interface Quantity {
  num: bigint;
  den: bigint;
}

// <signedNumber><suffix>, suffix one of binarySI | decimalExponent | decimalSI (k8s.io/apimachinery resource.Quantity).
const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei)|[eE]([+-]?\d+)|(m|k|M|G|T|P|E))?$/;
const BINARY_POWER: Record<string, bigint> = { Ki: 1n, Mi: 2n, Gi: 3n, Ti: 4n, Pi: 5n, Ei: 6n };
const DECIMAL_EXPONENT: Record<string, number> = { m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const MAX_DIGITS = 40;
const MAX_EXPONENT = 40;

/**
 * Parses a quantity in every form Kubernetes accepts: "250m", "0.5", 1, "2", "512Mi", "2.5G", "1Gi",
 * 128974848, "129e6", "1.5Gi", "500M". Returns a reason instead for anything else, negative values included
 * ("1e3Mi" is not a quantity: a quantity has an exponent or a suffix, not both).
 */
export function parseQuantity(value: unknown): Result<Quantity, string> {
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return fail("is not a finite number");
    text = String(value);
  } else if (typeof value === "string") {
    text = value.trim();
  } else {
    return fail("is not a quantity");
  }
  const m = QUANTITY.exec(text);
  if (!m) return fail("is not a Kubernetes quantity");
  const [, sign, number, binary, exponent, decimal] = m;
  const [whole = "", fraction = ""] = number!.split(".");
  const digits = (whole + fraction).replace(/^0+(?=\d)/, "");
  const zero = /^0*$/.test(digits);
  if (sign === "-" && !zero) return fail("cannot be negative");
  if (digits.length > MAX_DIGITS) return fail("has too many digits");
  let power = -fraction.length;
  if (exponent !== undefined) {
    const e = Number(exponent);
    if (e > MAX_EXPONENT) return fail("is out of range");
    // Far below a byte or a millicore: any positive amount that small rounds up to 1 byte / 1m.
    if (e < -MAX_EXPONENT) return ok(zero ? { num: 0n, den: 1n } : { num: 1n, den: 10n ** BigInt(2 * MAX_EXPONENT) });
    power += e;
  }
  if (decimal !== undefined) power += DECIMAL_EXPONENT[decimal]!;
  let num = BigInt(digits || "0");
  let den = 1n;
  if (power >= 0) num *= 10n ** BigInt(power);
  else den = 10n ** BigInt(-power);
  if (binary !== undefined) num *= 1024n ** BINARY_POWER[binary]!;
  return ok({ num, den });
}

const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;
/** CPU in millicores, rounded up (Kubernetes keeps CPU to the millicore). */
export const toMillicores = (q: Quantity) => ceilDiv(q.num * 1000n, q.den);
/** Memory and storage in bytes, rounded up. */
export const toBytes = (q: Quantity) => ceilDiv(q.num, q.den);

// ---- objects ----

const RESOURCES = ["cpu", "memory", "ephemeral-storage"] as const;
type Resource = (typeof RESOURCES)[number];
type Amounts = Record<Resource, bigint>;
const EXAMPLES: Record<Resource, string> = {
  cpu: "250m, 0.5, 1 or 2",
  memory: "512Mi, 1Gi, 2.5G or 1073741824",
  "ephemeral-storage": "30Gi or 50G",
};

const GIB = 1n << 30n;

/** A Kubernetes object: `kind` plus `apiVersion` (or a `spec`). */
export function isKubernetesObject(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && typeof own(value, "kind") === "string" && (typeof own(value, "apiVersion") === "string" || isRecord(own(value, "spec")));
}

const nameOf = (o: Record<string, unknown>): string => {
  const meta = own(o, "metadata");
  if (!isRecord(meta)) return "";
  const name = own(meta, "name");
  if (typeof name === "string" && name.trim()) return name.trim();
  const generate = own(meta, "generateName");
  return typeof generate === "string" ? generate.trim().replace(/-+$/, "") : "";
};

/** Kinds whose pods run on and on: `spec.replicas` of them. */
const REPLICATED = new Set(["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"]);
/** Where each known kind keeps its pod spec. */
function podSpecPath(kind: string): string[] | undefined {
  if (kind === "Pod") return ["spec"];
  if (kind === "PodTemplate") return ["template", "spec"];
  if (kind === "CronJob") return ["spec", "jobTemplate", "spec", "template", "spec"];
  if (REPLICATED.has(kind) || kind === "Job" || kind === "DaemonSet") return ["spec", "template", "spec"];
  return undefined;
}

function dig(o: Record<string, unknown>, path: string[]): unknown {
  let at: unknown = o;
  for (const key of path) {
    if (!isRecord(at)) return undefined;
    at = own(at, key);
  }
  return at;
}

function count(value: unknown, what: string, label: string): number {
  if (value === undefined || value === null) return 1;
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return value;
  return stop(`${label}: ${what} is ${show(value)}; expected a whole number of at least 0`);
}

function containerAmounts(c: unknown, where: string, label: string): Amounts & { sidecar: boolean; any: Record<Resource, boolean> } {
  if (!isRecord(c)) return stop(`${label}: ${where} is ${show(c)}, not a container`);
  const n = own(c, "name");
  const who = typeof n === "string" && n ? `container "${n}"` : where;
  const resources = own(c, "resources");
  if (resources !== undefined && resources !== null && !isRecord(resources)) stop(`${label}: ${who} has resources ${show(resources)}, not an object`);
  const section = (key: "requests" | "limits") => {
    const s = isRecord(resources) ? own(resources, key) : undefined;
    if (s !== undefined && s !== null && !isRecord(s)) stop(`${label}: ${who} has resources.${key} ${show(s)}, not an object`);
    return isRecord(s) ? s : {};
  };
  const requests = section("requests");
  const limits = section("limits");
  const out = {
    cpu: 0n,
    memory: 0n,
    "ephemeral-storage": 0n,
    sidecar: own(c, "restartPolicy") === "Always",
    any: { cpu: false, memory: false, "ephemeral-storage": false },
  };
  for (const r of RESOURCES) {
    // Kubernetes defaults a missing request to the limit.
    const fromRequest = own(requests, r);
    const raw = fromRequest !== undefined && fromRequest !== null ? fromRequest : own(limits, r);
    if (raw === undefined || raw === null) continue;
    const kindOf = fromRequest !== undefined && fromRequest !== null ? "request" : "limit";
    const parsed = parseQuantity(raw);
    if (!parsed.ok) return stop(`${label}: ${who} has ${r} ${kindOf} ${show(raw)}, which ${parsed.error}; expected a quantity such as ${EXAMPLES[r]}`);
    out[r] = r === "cpu" ? toMillicores(parsed.value) : toBytes(parsed.value);
    out.any[r] = true;
  }
  return out;
}

/**
 * The pod's effective requests (Kubernetes' rule, sidecars included): for each resource,
 * max(sum of containers + sum of sidecar init containers, max over init container i of (its request +
 * the sidecars declared before it)).
 */
function podRequests(spec: Record<string, unknown>, label: string) {
  const containers = own(spec, "containers");
  if (!Array.isArray(containers) || containers.length === 0) stop(`${label} has no containers (expected a non-empty list at spec.containers of the pod)`);
  const initRaw = own(spec, "initContainers");
  if (initRaw !== undefined && initRaw !== null && !Array.isArray(initRaw)) stop(`${label}: initContainers is ${show(initRaw)}, not a list`);
  const inits = (Array.isArray(initRaw) ? initRaw : []).map((c, i) => containerAmounts(c, `initContainers[${i}]`, label));
  const mains = (containers as unknown[]).map((c, i) => containerAmounts(c, `containers[${i}]`, label));
  const total: Amounts = { cpu: 0n, memory: 0n, "ephemeral-storage": 0n };
  const any: Record<Resource, boolean> = { cpu: false, memory: false, "ephemeral-storage": false };
  for (const r of RESOURCES) {
    let sum = 0n;
    let sidecarsSoFar = 0n;
    let initPeak = 0n;
    for (const c of inits) {
      if (c.sidecar) sidecarsSoFar += c[r];
      else if (c[r] + sidecarsSoFar > initPeak) initPeak = c[r] + sidecarsSoFar;
    }
    for (const c of mains) sum += c[r];
    sum += sidecarsSoFar;
    total[r] = sum > initPeak ? sum : initPeak;
    any[r] = [...inits, ...mains].some((c) => c.any[r]);
  }
  return { total, any };
}

/** One Kubernetes object as zero or one EKS workload (zero, with a warning, for kinds that run no pods). Never throws. */
export function importKubernetesObject(value: unknown): ImportResult {
  try {
    return convert(value);
  } catch (error) {
    if (error instanceof ImportError) return refused(error.message);
    return refused("The Kubernetes object could not be read.");
  }
}

function convert(value: unknown): ImportResult {
  if (!isKubernetesObject(value)) return stop('Expected a Kubernetes object: an object with "apiVersion" and "kind"');
  const kind = own(value, "kind") as string;
  const name = nameOf(value);
  const label = name ? `${kind} "${name}"` : `The ${kind}`;
  const warnings: string[] = [];

  let path = podSpecPath(kind);
  if (!path) {
    // Workload kinds we do not know (an Argo Rollout, an OpenKruise CloneSet...) with a pod template: read like a Deployment.
    if (!isRecord(dig(value, ["spec", "template", "spec"]))) {
      return ok({ workloads: [], warnings: [`Skipped ${label}: it runs no pods`] });
    }
    path = ["spec", "template", "spec"];
    warnings.push(`${label} is not a kind this importer knows: read as a Deployment (spec.replicas pods of spec.template)`);
  }
  const spec = dig(value, path);
  if (!isRecord(spec)) return stop(`${label} has no pod spec (expected an object at ${path.join(".")})`);

  let tasks = 1;
  let cron: ReturnType<typeof cronSchedule> | undefined;
  const assumptions: Assumption[] = [];
  const spec0 = own(value, "spec");
  const top = isRecord(spec0) ? spec0 : {};
  if (kind === "Job") {
    tasks = count(own(top, "parallelism"), "spec.parallelism", label);
    warnings.push(
      `${label} is a Job: imported as ${tasks} pod${tasks === 1 ? "" : "s"} running all month; set a batch schedule (runs per month, seconds per run) for what it really costs`,
    );
  } else if (kind === "CronJob") {
    const jobSpec = dig(value, ["spec", "jobTemplate", "spec"]);
    tasks = count(isRecord(jobSpec) ? own(jobSpec, "parallelism") : undefined, "spec.jobTemplate.spec.parallelism", label);
    cron = cronSchedule(top, isRecord(jobSpec) ? jobSpec : {}, spec, label, tasks);
    warnings.push(cron.note.text);
    assumptions.push(cron.note);
  } else if (kind === "DaemonSet") {
    warnings.push(
      `${label} is a DaemonSet, which EKS on Fargate does not run (each Fargate pod gets its own node): imported as 1 pod; run it as a sidecar and count it in each pod instead`,
    );
  } else if (kind !== "Pod" && kind !== "PodTemplate") {
    tasks = count(own(top, "replicas"), "spec.replicas", label);
  }

  const { total, any } = podRequests(spec, label);

  let vcpu = Number(total.cpu) / 1000;
  let memoryGiB = Number(total.memory) / Number(GIB);
  const noCpu = total.cpu === 0n;
  const noMemory = total.memory === 0n;
  if (noCpu || noMemory) {
    // The schema needs a positive request: 1m CPU / 1 MiB stand for "none", which Fargate bills at its smallest size.
    if (noCpu) vcpu = 0.001;
    if (noMemory) memoryGiB = 1 / 1024;
    const missing = noCpu && noMemory ? "CPU or memory" : noCpu ? "CPU" : "memory";
    const setButZero = (noCpu && any.cpu) || (noMemory && any.memory);
    warnings.push(
      noCpu && noMemory
        ? `${label} requests no ${missing}${setButZero ? " (its requests are 0)" : ""}: Fargate runs it at 0.25 vCPU / 0.5 GB; imported with a token request of 1m CPU and 1 MiB`
        : `${label} requests no ${missing}${setButZero ? " (its requests are 0)" : ""}: Fargate sizes it on its ${noCpu ? "memory" : "CPU"} alone; imported with a token ${noCpu ? "1m CPU" : "1 MiB"} request`,
    );
  }

  const storageGiB = Math.max(STORAGE_LIMITS_GIB.free, Number(ceilDiv(total["ephemeral-storage"], GIB)));

  const nodeSelector = own(spec, "nodeSelector");
  if (isRecord(nodeSelector)) {
    const archSel = own(nodeSelector, "kubernetes.io/arch");
    if (typeof archSel === "string" && archSel !== "amd64")
      warnings.push(`${label} selects kubernetes.io/arch "${archSel}", but EKS on Fargate runs x86_64 only: imported as x86_64`);
    const osSel = own(nodeSelector, "kubernetes.io/os");
    if (typeof osSel === "string" && osSel !== "linux")
      warnings.push(`${label} selects kubernetes.io/os "${osSel}", but EKS on Fargate runs Linux only: imported as Linux`);
  }

  const workload: WorkloadInput = { name, platform: "eks", os: "linux", arch: "x86_64", vcpu, memoryGiB, storageGiB, tasks };
  if (cron?.schedule) workload.schedule = cron.schedule;
  return ok({ workloads: [workload], warnings, meta: [{ assumptions, source: { kind, name } }] });
}

/** Seconds a CronJob's run is assumed to take when neither activeDeadlineSeconds nor a scenario says. */
export const ASSUMED_CRON_SECONDS = 600;

/**
 * A CronJob's batch schedule: runs a month from its cron expression (lib/scenario/cron.ts), each run
 * activeDeadlineSeconds long (the Job's, else the pod's: the most a run may last), else ASSUMED_CRON_SECONDS (an
 * assumption a scenario beside the file can settle). A schedule it cannot read keeps the pods running all month.
 */
function cronSchedule(top: Record<string, unknown>, job: Record<string, unknown>, pod: Record<string, unknown>, label: string, tasks: number) {
  const pods = `${tasks} pod${tasks === 1 ? "" : "s"}`;
  const text = own(top, "schedule");
  const runs = typeof text === "string" ? cronRunsPerMonth(text) : fail("it has no spec.schedule");
  const note = (text: string) => ({ text, unless: "schedule" as const });
  if (!runs.ok)
    return {
      note: note(
        `${label} is a CronJob whose schedule cannot be read (${runs.error}): imported as ${pods} running all month; set a batch schedule (runs per month, seconds per run) for what it really costs`,
      ),
    };
  if (own(top, "suspend") === true)
    return {
      schedule: { type: "batch" as const, runsPerMonth: 0, secondsPerRun: 60 },
      note: note(`${label} is suspended (spec.suspend): priced at 0 runs a month`),
    };
  const runsPerMonth = Math.floor(runs.value + 0.5);
  const deadline = [own(job, "activeDeadlineSeconds"), own(pod, "activeDeadlineSeconds")].find((v) => typeof v === "number" && Number.isFinite(v) && v > 0) as
    number | undefined;
  const secondsPerRun = Math.min(deadline ?? ASSUMED_CRON_SECONDS, 2_678_400);
  const each = secondsPerRun % 60 === 0 ? `${secondsPerRun / 60} minute${secondsPerRun === 60 ? "" : "s"}` : `${secondsPerRun} s`;
  const priced = `${label} priced from its schedule "${String(text)}": ${runsPerMonth} run${runsPerMonth === 1 ? "" : "s"} a month (${runs.value.toFixed(2)} on average) of ${pods}`;
  const schedule = { type: "batch" as const, runsPerMonth, secondsPerRun };
  if (deadline !== undefined) return { schedule, note: note(`${priced}, ${each} each (activeDeadlineSeconds, the most a run may last)`) };
  return { schedule, note: note(`${priced}, ${each} each (assumed: set activeDeadlineSeconds, or a schedule in a scenario beside the file)`) };
}

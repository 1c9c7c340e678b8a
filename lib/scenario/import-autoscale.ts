import { isRecord, own, show, stop } from "./import-shared";

/**
 * Autoscalers in Kubernetes manifests: a HorizontalPodAutoscaler (autoscaling/v1, v2) or a KEDA ScaledObject
 * (keda.sh/v1alpha1) sets its target's pod count between a minimum and a maximum, whatever `spec.replicas` says.
 * The importer prices the target at the minimum and says so; the diff shows the cost at both ends.
 */

export interface Autoscaler {
  /** e.g. `HorizontalPodAutoscaler "api"`. */
  by: string;
  target: { kind: string; name: string };
  min: number;
  max: number;
}

const whole = (v: unknown, what: string, label: string, fallback?: number): number => {
  if ((v === undefined || v === null) && fallback !== undefined) return fallback;
  if (typeof v === "number" && Number.isInteger(v) && v >= 0) return v;
  return stop(`${label}: ${what} is ${show(v)}; expected a whole number of at least 0`);
};

/** The autoscaler a Kubernetes object is, undefined when it is none; stops (ImportError) on one it cannot read. */
export function autoscalerOf(value: unknown): Autoscaler | undefined {
  if (!isRecord(value)) return undefined;
  const kind = own(value, "kind");
  const api = own(value, "apiVersion");
  if (typeof api !== "string") return undefined;
  const hpa = kind === "HorizontalPodAutoscaler" && api.startsWith("autoscaling/");
  const keda = kind === "ScaledObject" && api.startsWith("keda.sh/");
  if (!hpa && !keda) return undefined;
  const meta = own(value, "metadata");
  const nameRaw = isRecord(meta) ? own(meta, "name") : undefined;
  const by = `${kind} ${typeof nameRaw === "string" ? `"${nameRaw}"` : "(unnamed)"}`;
  const spec = own(value, "spec");
  if (!isRecord(spec)) return stop(`${by} has no spec`);
  const ref = own(spec, "scaleTargetRef");
  const refName = isRecord(ref) ? own(ref, "name") : undefined;
  if (!isRecord(ref) || typeof refName !== "string" || !refName) return stop(`${by} has no spec.scaleTargetRef.name: name the workload it scales`);
  const refKind = own(ref, "kind");
  // KEDA's ScaledObject targets a Deployment unless it says otherwise; minReplicaCount defaults to 0, maxReplicaCount to 100.
  const target = { kind: typeof refKind === "string" && refKind ? refKind : "Deployment", name: refName };
  const min = hpa ? whole(own(spec, "minReplicas"), "spec.minReplicas", by, 1) : whole(own(spec, "minReplicaCount"), "spec.minReplicaCount", by, 0);
  const max = hpa ? whole(own(spec, "maxReplicas"), "spec.maxReplicas", by) : whole(own(spec, "maxReplicaCount"), "spec.maxReplicaCount", by, 100);
  if (max < min) return stop(`${by}: the maximum (${max}) is below the minimum (${min})`);
  return { by, target, min, max };
}

"use client";

import { useCallback } from "react";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { validMemoriesFor, validVcpus } from "@/lib/pricing";
import { type DraftSchedule, type DraftWorkload, EKS_OVERHEAD_MIB, STORAGE_LIMITS_GIB } from "@/lib/scenario";
import { useScenarioStore } from "@/lib/store";

function describeRange(values: readonly number[]): string {
  if (values.length === 0) return "";
  if (values.length <= 3) return values.join(", ");
  const step = values[1]! - values[0]!;
  return `${values[0]}–${values[values.length - 1]} in ${step} GiB steps`;
}

/**
 * The card's store actions (bound to its index). Taken from the store when called, not subscribed to: the actions
 * never change, and 500 cards each subscribing would run their selectors on every keystroke.
 */
export function useWorkloadActions(index: number) {
  const set = useCallback((patch: Partial<DraftWorkload>) => useScenarioStore.getState().updateWorkload(index, patch), [index]);
  return { set, duplicate: () => useScenarioStore.getState().duplicateWorkload(index), remove: () => useScenarioStore.getState().removeWorkload(index) };
}

/** What the card shows beside the raw fields: defaults filled, why a field is off, and hints. */
export function workloadCardModel(w: DraftWorkload, regionHasSpot: boolean) {
  const platform = w.platform ?? "ecs";
  const os = w.os ?? "linux";
  const arch = w.arch ?? "x86_64";
  const schedule: DraftSchedule = w.schedule ?? { type: "always-on" };
  const vcpu = typeof w.vcpu === "number" ? w.vcpu : NaN;
  const memories = validMemoriesFor(vcpu, os);
  const eks = platform === "eks";

  const spotReason =
    os === "windows"
      ? "Fargate Spot does not run Windows containers."
      : eks
        ? "EKS on Fargate has no Spot capacity."
        : !regionHasSpot
          ? "No Fargate Spot price for this region in our snapshot."
          : undefined;
  const storageReason = os === "windows" ? `Windows tasks get the ${STORAGE_LIMITS_GIB.free} GiB included; more cannot be configured.` : undefined;
  const memoryHint = eks
    ? `Pod request. Fargate adds ${EKS_OVERHEAD_MIB} MiB and rounds up to a valid size.`
    : memories.length
      ? `Valid for ${vcpu} vCPU: ${describeRange(memories)}`
      : "Pick a valid vCPU first.";
  return {
    platform,
    os,
    arch,
    schedule,
    eks,
    memories,
    vcpuOptions: validVcpus(os),
    spotReason,
    storageReason,
    memoryHint,
    minimumSeconds: fargateCatalog.minimumBillableSeconds[os],
  };
}

export type WorkloadCardModel = ReturnType<typeof workloadCardModel>;

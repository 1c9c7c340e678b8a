"use client";

import { NumberField, SelectField } from "@/components/ui/fields";
import { type DraftWorkload, STORAGE_LIMITS_GIB } from "@/lib/scenario";
import type { WorkloadCardModel } from "./use-workload-card";

type Props = { w: DraftWorkload; m: WorkloadCardModel; p: Record<string, string>; set: (patch: Partial<DraftWorkload>) => void };

const SAVINGS_PLANS = [
  { value: "none", label: "None (on-demand)" },
  { value: "1yr-no-upfront", label: "Compute SP, 1 year, no upfront" },
  { value: "1yr-all-upfront", label: "Compute SP, 1 year, all upfront" },
  { value: "3yr-no-upfront", label: "Compute SP, 3 years, no upfront" },
  { value: "3yr-all-upfront", label: "Compute SP, 3 years, all upfront" },
];

/** Platform, operating system and CPU architecture, with the combinations Fargate refuses disabled. */
export function RuntimeFields({ m, p, set }: Props) {
  const { platform, os, arch } = m;
  return (
    <>
      <SelectField
        label="Platform"
        value={platform}
        onChange={(v) => set({ platform: v as DraftWorkload["platform"] })}
        error={p.platform}
        options={[
          { value: "ecs", label: "ECS" },
          { value: "eks", label: os === "windows" ? "EKS (Linux only)" : "EKS", disabled: os === "windows" },
        ]}
      />
      <SelectField
        label="Operating system"
        value={os}
        onChange={(v) => set({ os: v as DraftWorkload["os"] })}
        error={p.os}
        options={[
          { value: "linux", label: "Linux" },
          { value: "windows", label: platform === "eks" ? "Windows (ECS only)" : "Windows Server", disabled: platform === "eks" },
        ]}
      />
      <SelectField
        label="CPU architecture"
        value={arch}
        onChange={(v) => set({ arch: v as DraftWorkload["arch"] })}
        error={p.arch}
        hint={platform === "eks" ? "EKS on Fargate runs x86_64 only." : os === "windows" ? "Windows runs on x86_64 only." : undefined}
        options={[
          { value: "x86_64", label: "x86_64" },
          {
            value: "arm64",
            label: platform === "eks" ? "arm64 (not on EKS)" : os === "windows" ? "arm64 (not for Windows)" : "arm64 (Graviton)",
            disabled: platform === "eks" || os === "windows",
          },
        ]}
      />
    </>
  );
}

/** vCPU, memory and ephemeral storage (the pod's requests on EKS). */
export function SizeFields({ w, m, p, set }: Props) {
  return (
    <>
      <NumberField
        label="vCPU"
        value={w.vcpu}
        onChange={(v) => set({ vcpu: v })}
        error={p.vcpu}
        hint={m.eks ? "Pod request (e.g. 0.3)." : `Valid: ${m.vcpuOptions.join(", ")}`}
        suggestions={m.vcpuOptions}
        testId="vcpu"
      />
      <NumberField
        label="Memory (GiB)"
        value={w.memoryGiB}
        onChange={(v) => set({ memoryGiB: v })}
        error={p.memoryGiB}
        hint={m.memoryHint}
        suggestions={m.eks ? undefined : m.memories}
        testId="memory"
      />
      <NumberField
        label="Ephemeral storage (GiB)"
        value={w.storageGiB ?? 20}
        onChange={(v) => set({ storageGiB: v })}
        error={p.storageGiB}
        hint={m.storageReason ?? `${STORAGE_LIMITS_GIB.free} GiB included; up to ${STORAGE_LIMITS_GIB[m.platform]}.`}
        disabled={Boolean(m.storageReason) && (w.storageGiB ?? 20) === 20}
        testId="storage"
      />
    </>
  );
}

/** How it is bought: Spot share and Savings Plan. */
export function PurchaseFields({ w, m, p, set }: Props) {
  return (
    <>
      <NumberField
        label="Spot share (%)"
        value={w.spotPercent ?? 0}
        onChange={(v) => set({ spotPercent: v })}
        error={p.spotPercent}
        hint={m.spotReason ?? `Share of ${m.eks ? "pod" : "task"}-hours on Fargate Spot.`}
        disabled={Boolean(m.spotReason) && (w.spotPercent ?? 0) === 0}
        testId="spot"
      />
      <SelectField
        label="Savings Plan"
        value={w.savingsPlan ?? "none"}
        onChange={(v) => set({ savingsPlan: v as DraftWorkload["savingsPlan"] })}
        error={p.savingsPlan}
        options={SAVINGS_PLANS}
      />
    </>
  );
}

import { create } from "zustand";
import { DEFAULT_SCENARIO, DEFAULT_WORKLOAD, type Draft, type DraftServices, type DraftWorkload } from "@/lib/scenario";
import { useUndoStore } from "@/lib/store/undo-store";

/**
 * The editor's store holds the draft scenario as typed, nothing derived: estimates are computed from it on render.
 * `keys` are stable React keys for the workloads (index keys would move typed text between cards on removal).
 */
export interface Notice {
  kind: "error" | "info";
  text: string;
}

interface ScenarioState {
  draft: Draft;
  /** A message about how the scenario was loaded (a broken share link, an old link format); not part of the scenario. */
  notice: Notice | null;
  setNotice: (notice: Notice | null) => void;
  keys: number[];
  nextKey: number;
  replace: (draft: Draft) => void;
  update: (patch: Partial<Omit<Draft, "workloads">>) => void;
  updateEc2: (patch: Partial<NonNullable<Draft["ec2"]>>) => void;
  /** Replaces parts of the services (v2); a part set to undefined is removed, and no parts left means no services. */
  updateServices: (patch: Partial<DraftServices>) => void;
  updateWorkload: (index: number, patch: Partial<DraftWorkload>) => void;
  addWorkload: (workload?: DraftWorkload) => void;
  addWorkloads: (workloads: DraftWorkload[]) => void;
  duplicateWorkload: (index: number) => void;
  /** Removes a workload and offers to undo it. */
  removeWorkload: (index: number) => void;
  /** Replaces every workload (an import in "replace" mode) and offers to undo it. */
  replaceWorkloads: (workloads: DraftWorkload[], label: string) => void;
  /** Replaces one workload in place (right-sizing "replace"), keeping its card. */
  setWorkload: (index: number, workload: DraftWorkload) => void;
  /** Starts over from the default scenario and offers to undo it. */
  clear: () => void;
}

const initial = DEFAULT_SCENARIO as Draft;

function uniqueName(base: string, taken: DraftWorkload[]): string {
  const names = new Set(taken.map((w) => w.name));
  if (!names.has(base)) return base;
  for (let i = 2; ; i++) if (!names.has(`${base} ${i}`)) return `${base} ${i}`;
}

/** Offers to put the draft (and its card keys) back as they were before a destructive action. */
function offerUndo(label: string, before: Pick<ScenarioState, "draft" | "keys">) {
  useUndoStore.getState().push({ label, restore: () => useScenarioStore.setState({ draft: before.draft, keys: before.keys }) });
}

export const useScenarioStore = create<ScenarioState>()((set, get) => ({
  draft: initial,
  notice: null,
  setNotice: (notice) => set({ notice }),
  keys: initial.workloads.map((_, i) => i),
  nextKey: initial.workloads.length,
  replace: (draft) => set((s) => ({ draft, keys: draft.workloads.map((_, i) => s.nextKey + i), nextKey: s.nextKey + draft.workloads.length })),
  update: (patch) => set((s) => ({ draft: { ...s.draft, ...patch } })),
  updateEc2: (patch) => set((s) => ({ draft: { ...s.draft, ec2: { ...s.draft.ec2, ...patch } } })),
  updateServices: (patch) =>
    set((s) => {
      const merged: DraftServices = { ...s.draft.services, ...patch };
      const services = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)) as DraftServices;
      const { services: _old, ...rest } = s.draft;
      void _old;
      return { draft: Object.keys(services).length ? { ...rest, services } : rest };
    }),
  updateWorkload: (index, patch) =>
    set((s) => ({
      draft: {
        ...s.draft,
        // A Spot share typed in the editor replaces a capacity provider strategy (the two cannot disagree).
        workloads: s.draft.workloads.map((w, i) =>
          i !== index ? w : "spotPercent" in patch ? { ...w, ...patch, capacityProviders: undefined } : { ...w, ...patch },
        ),
      },
    })),
  addWorkload: (workload) =>
    set((s) => {
      const w = workload ?? { ...DEFAULT_WORKLOAD, name: uniqueName("workload", s.draft.workloads), tasks: 1 };
      return { draft: { ...s.draft, workloads: [...s.draft.workloads, w] }, keys: [...s.keys, s.nextKey], nextKey: s.nextKey + 1 };
    }),
  addWorkloads: (workloads) =>
    set((s) => ({
      draft: { ...s.draft, workloads: [...s.draft.workloads, ...workloads] },
      keys: [...s.keys, ...workloads.map((_, i) => s.nextKey + i)],
      nextKey: s.nextKey + workloads.length,
    })),
  duplicateWorkload: (index) =>
    set((s) => {
      const source = s.draft.workloads[index];
      if (!source) return {};
      const copy = { ...source, name: uniqueName(`${source.name} copy`, s.draft.workloads) };
      const workloads = [...s.draft.workloads.slice(0, index + 1), copy, ...s.draft.workloads.slice(index + 1)];
      const keys = [...s.keys.slice(0, index + 1), s.nextKey, ...s.keys.slice(index + 1)];
      return { draft: { ...s.draft, workloads }, keys, nextKey: s.nextKey + 1 };
    }),
  removeWorkload: (index) => {
    const s = get();
    const gone = s.draft.workloads[index];
    if (!gone) return;
    set({ draft: { ...s.draft, workloads: s.draft.workloads.filter((_, i) => i !== index) }, keys: s.keys.filter((_, i) => i !== index) });
    offerUndo(`Removed workload “${gone.name || `#${index + 1}`}”.`, s);
  },
  replaceWorkloads: (workloads, label) => {
    const s = get();
    set({ draft: { ...s.draft, workloads }, keys: workloads.map((_, i) => s.nextKey + i), nextKey: s.nextKey + workloads.length });
    offerUndo(label, s);
  },
  setWorkload: (index, workload) =>
    set((s) => (index in s.draft.workloads ? { draft: { ...s.draft, workloads: s.draft.workloads.map((w, i) => (i === index ? workload : w)) } } : {})),
  clear: () => {
    const s = get();
    const fresh = DEFAULT_SCENARIO as Draft;
    set({ draft: fresh, keys: fresh.workloads.map((_, i) => s.nextKey + i), nextKey: s.nextKey + fresh.workloads.length });
    offerUndo(`Cleared “${s.draft.name || "the scenario"}”: the default scenario is shown.`, s);
  },
}));

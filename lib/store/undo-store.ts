import { create } from "zustand";

/**
 * One step of undo for the destructive actions (remove a workload, replace workloads by import, clear the scenario,
 * delete a saved scenario): the last such action offers to put things back until the next one, or until dismissed.
 */
export interface UndoOffer {
  /** What was done, in words ("Removed workload “api”."). */
  label: string;
  /** Puts things back; absent for a plain confirmation that changed nothing (shown without an Undo button). */
  restore?: () => void;
}

interface UndoState {
  offer: UndoOffer | null;
  /** Offers to undo an action; replaces any earlier offer (one step, like a mail client's "Undo send"). */
  push: (offer: UndoOffer) => void;
  /** Runs the restore and withdraws the offer; false when there was nothing to undo. */
  undo: () => boolean;
  dismiss: () => void;
}

export const useUndoStore = create<UndoState>()((set, get) => ({
  offer: null,
  push: (offer) => set({ offer }),
  undo: () => {
    const offer = get().offer;
    if (!offer) return false;
    set({ offer: null });
    if (!offer.restore) return false;
    offer.restore();
    return true;
  },
  dismiss: () => set({ offer: null }),
}));

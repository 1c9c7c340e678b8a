/** lib/store's public entry: what other folders may import from it. */
export { displayName, isSavedKey, MAX_ENTRY_CHARS, useSavedStore } from "./saved-store";
export type { NotStored, SavedScenario } from "./saved-store";
export { useScenarioStore } from "./scenario-store";
export { useUndoStore } from "./undo-store";
export { useColumnsStore } from "./columns-store";
export type { ColumnsState } from "./columns-store";

/** lib/diff's public entry: what other folders may import from it. */
export { diffScenarios, diffToJson, growsMoreThan, percentOf, totalGrowsMoreThan } from "./diff";
export type { CostDiff, SideNotes } from "./diff";
export { diffToMarkdown, diffToTable, escapeMarkdown, MARKDOWN_MARKER, notComputedMarkdown } from "./render";
export type { DiffSection, ErrorSection } from "./render";
export { besidePath, isScenarioText, loadSide } from "./source";
export type { SourceFile } from "./source";

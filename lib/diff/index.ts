/** lib/diff's public entry: what other folders may import from it. */
export { diffScenarios, diffToJson, growsMoreThan, percentOf, totalGrowsMoreThan } from "./diff";
export type { CostDiff } from "./diff";
export { diffToMarkdown, diffToTable, MARKDOWN_MARKER } from "./render";
export type { DiffSection } from "./render";
export { besidePath, isScenarioText, loadSide } from "./source";
export type { SourceFile } from "./source";

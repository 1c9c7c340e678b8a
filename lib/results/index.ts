/** lib/results's public entry: what other folders may import from it. */
export type { BillSlice } from "./bill-breakdown";
export { BREAKDOWN_KEYS, chartRows } from "./chart-data";
export type { BreakdownRow } from "./chart-data";
export { comparisonSentence, matchPurchaseOptions, partTimeWorkloads, purchaseMatches } from "./compare";
export { describeFleet } from "./fleet-words";
export { glance, isComplete, isReplacement } from "./glance";
export type { Glance, Priced } from "./glance";
export { splitNotes } from "./notes";
export { periods, upfrontPayments } from "./periods";
export { sameChartProps } from "./same-data";
export { sameWorkloadTable } from "./same-table";
export { spotInBackground } from "./spot-client";
export { stagedView } from "./staged";
export { buildResults } from "./view";
export type { ResultsView, SpotView } from "./view";
export { serviceHints } from "./whole-bill";
export type { ServiceHints } from "./whole-bill";

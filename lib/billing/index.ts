/** lib/billing's public entry: what other folders may import from it. */
export { billReader } from "./bill-client";
export { scenarioFromBill } from "./build-scenario";
export type { BuiltScenario } from "./build-scenario";
export { billResult } from "./columns";
export { compareWithScenario } from "./compare";
export type { Reconciliation } from "./types";
export { billToCsv, billToTable, billView } from "./view";
export type { BillView } from "./view";
export type { BillChartBar } from "./bill-chart";
export { billVerdict, comparedPeriod } from "./verdict";
export type { BillVerdict, ComparedPeriod } from "./verdict";
export { budgetMessage, readBudgetMs } from "./budget";

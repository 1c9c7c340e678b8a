/** lib/billing's public entry: what other folders may import from it. */
export { billReader } from "./bill-client";
export { scenarioFromBill } from "./build-scenario";
export type { BuiltScenario } from "./build-scenario";
export { billResult } from "./columns";
export { compareWithScenario } from "./compare";
export type { ColumnsUsed, Reconciliation, SavingsPlanSummary } from "./types";
export { COVERAGE_RULE, periodSentence } from "./period";
export type { BillPeriod, Granularity } from "./period";
export { savingsPlanChartData, savingsPlanToTable, TERM_LABELS } from "./savings-plan";
export type { SavingsPlanOption, SavingsPlanReport } from "./savings-plan";
export { billToCsv, billToTable, billView } from "./view";
export type { BillView } from "./view";
export type { BillChartBar } from "./bill-chart";
export { billVerdict, comparedPeriod } from "./verdict";
export type { BillVerdict, ComparedPeriod } from "./verdict";
export { budgetMessage, readBudgetMs } from "./budget";
export { absentRightsizing, HOW_TO_ENABLE as SPLIT_HOW_TO_ENABLE, rightsizingTable } from "./split-rightsizing";
export type { BillRightsizing, SplitService } from "./split-rightsizing";

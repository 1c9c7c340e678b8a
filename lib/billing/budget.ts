/**
 * The time a bill may take to read, in the browser's worker and in the CLI (README, Security): 60 s plus 4 s per MB
 * of the file (at least 250 KB/s, far below what either reader does: a 1 GB file gets about 70 minutes). It is a last
 * resort that stops a decoder caught in a loop the checks before it could not see; the reader is then terminated.
 */
export const READ_BUDGET = { baseMs: 60_000, msPerMB: 4_000 } as const;

export function readBudgetMs(fileBytes: number): number {
  return READ_BUDGET.baseMs + Math.ceil((Math.max(0, fileBytes) / 1_000_000) * READ_BUDGET.msPerMB);
}

/** The sentence when the budget ran out. */
export function budgetMessage(fileName: string, ms: number): string {
  const seconds = ms >= 10_000 ? Math.round(ms / 1000).toLocaleString("en-US") : String(Math.round(ms) / 1000);
  return `${fileName} took longer than ${seconds} s to read (the limit for its size), so reading it was stopped; the file may be damaged.`;
}

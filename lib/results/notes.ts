/**
 * The engine's notes are of two kinds: how a line is billed (EKS rounding, the minimum charge, the Windows license
 * outside Savings Plans, an allowance not applied) and cautions (estimated prices, Spot interruptions, a cost that
 * is left out). The results show the first as information and the second as warnings. The patterns match the
 * engine's fixed wording (lib/pricing/fargate.ts, services.ts); notes.test.ts checks them against real estimates,
 * so a change of wording fails there rather than silently turning a note into a warning.
 */
const INFORMATIONAL: readonly RegExp[] = [
  /^Billed as .*: EKS adds \d+ MiB/,
  /^Each [\d.,]+-second run is billed as \d+ s/,
  /^The Windows OS license fee is priced on-demand/,
  /^Internet egress is priced by AWS's published tiers/,
];

export function isInformational(message: string): boolean {
  return INFORMATIONAL.some((re) => re.test(message));
}

/** Splits notes into information and warnings, keeping their order. */
export function splitNotes(messages: readonly string[]): { info: string[]; warnings: string[] } {
  const info: string[] = [];
  const warnings: string[] = [];
  for (const m of messages) (isInformational(m) ? info : warnings).push(m);
  return { info, warnings };
}

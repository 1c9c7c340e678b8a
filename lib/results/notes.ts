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
  // The EC2 side (lib/pricing/ec2/estimate.ts): how awsvpc networking limits tasks per instance, and how the fee is charged.
  /^awsvpc networking caps tasks per instance/,
  /^The ENI trunking task limit is what fills some instances here/,
  /^Max ENIs and ENI-trunking task limits are per-size estimates/,
  /^The ECS Managed Instances fee is charged per instance-hour/,
];

/**
 * The engine's ENI notes in plain words (issue 24 item 4: the default EC2 card opened on an orange "Warning" in
 * networking jargon). The engine's own wording stays as it is (the CLI, the API and the golden files print it).
 */
const PLAIN: readonly (readonly [RegExp, string])[] = [
  [
    /^Max ENIs and ENI-trunking task limits are per-size estimates \(AWS's price data does not carry them\)\.$/,
    "How many tasks fit on each instance size with awsvpc networking (one network interface per task) is our figure per size: AWS's price data does not list it.",
  ],
  [
    /^awsvpc networking caps tasks per instance at max ENIs - 1 \(2 on a large instance\) and the cap is what fills some instances here: ENI trunking \(10 tasks on a large\) may need fewer instances\.$/,
    "With awsvpc networking each task takes one of the instance's few network interfaces (2 tasks on a large instance), and here that, not CPU or memory, is what fills some instances. ENI trunking (EC2 cluster settings: 10 tasks on a large) may need fewer instances.",
  ],
];

/** A note as the page shows it: the engine's wording, or plainer words for the few that need them. */
export function plainNote(message: string): string {
  for (const [re, text] of PLAIN) if (re.test(message)) return text;
  return message;
}

export function isInformational(message: string): boolean {
  return INFORMATIONAL.some((re) => re.test(message));
}

/** Splits notes into information and warnings, keeping their order (the engine's wording: see plainNote). */
export function splitNotes(messages: readonly string[]): { info: string[]; warnings: string[] } {
  const info: string[] = [];
  const warnings: string[] = [];
  for (const m of messages) (isInformational(m) ? info : warnings).push(m);
  return { info, warnings };
}

/** lib/export's public entry: what other folders may import from it. */
export { estimateToCsv } from "./csv";
export { shownFargate, shownTable } from "./shown";
export type { ShownTable } from "./shown";
export { shownEc2 } from "./shown-ec2";
export { estimateToTable } from "./table";

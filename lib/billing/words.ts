import { formatQuantity, ROUND_HALF_UP, type Decimal } from "@/lib/core";
import { fargateMeter } from "./usage-type";

/** Words and figures shared by the comparison's findings (./compare.ts) and the verdict (./verdict.ts). */

/** A quantity as people read it: grouped, at most 4 decimals ("2,158", "4,352.8767"). */
export function groupedQuantity(q: Decimal): string {
  const [int, frac] = formatQuantity(q.abs()).split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${q.lt(0) && !q.abs().round(4).eq(0) ? "-" : ""}${grouped}${frac ? `.${frac}` : ""}`;
}

/**
 * A non-negative percentage as people read it: "0.28%", "4.1%", "99.8%", "210%". Below 1%, two significant digits
 * (never "0%" for something that is not nothing); below 100%, one decimal, never rounded up to "100%"; from 100%,
 * whole percents.
 */
export function readablePercent(p: Decimal): string {
  const a = p.abs();
  if (a.eq(0)) return "0%";
  if (a.lt(1)) return `${a.toPrecision(2)}%`;
  if (a.lt(100)) {
    const r = a.round(1, ROUND_HALF_UP);
    const shown = r.eq(100) ? "99.9" : r.toFixed(1).replace(/\.0$/, "");
    return `${shown}%`;
  }
  return `${a
    .round(0, ROUND_HALF_UP)
    .toFixed(0)
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",")}%`;
}

/** `part` as a percentage of `whole` in words ("0.28%"); null when the whole is zero. */
export function percentOf(part: Decimal, whole: Decimal): string | null {
  return whole.eq(0) ? null : readablePercent(part.times(100).div(whole));
}

/** What a usage type meters, in words: "vCPU", "ARM memory", "Spot vCPU", "Windows license", "ephemeral storage". */
export function meterWords(usageType: string): string {
  const m = fargateMeter(usageType);
  if (!m) return usageType;
  const base = m.resource === "vcpu" ? "vCPU" : m.resource === "memory" ? "memory" : m.resource === "storage" ? "ephemeral storage" : "Windows license";
  const qualifiers = [m.spot ? "Spot" : "", m.resource === "os-license" ? "" : m.os === "windows" ? "Windows" : m.arch === "arm64" ? "ARM" : ""]
    .filter(Boolean)
    .join(" ");
  return qualifiers ? `${qualifiers} ${base}` : base;
}

/** AWS's unit abbreviations, as people read them ("Hrs" -> "hours", "GB-Mo" -> "GB-months"); others as written. */
const UNIT_WORDS = new Map([
  ["hrs", "hours"],
  ["hours", "hours"],
  ["hour", "hours"],
  ["gb-mo", "GB-months"],
  ["gb-month", "GB-months"],
  ["lcu-hrs", "LCU-hours"],
  ["ipv4 address-hrs", "IPv4 address-hours"],
]);
export function readableUnit(unit: string): string {
  return UNIT_WORDS.get(unit.trim().toLowerCase()) ?? unit;
}

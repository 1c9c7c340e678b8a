import { dec, ROUND_HALF_UP, toCents, type Decimal } from "./money";

/** An exact decimal, its string form, or a chart's number (already rounded to cents). */
type Amount = Decimal | string | number;

/**
 * Formatting shared by the screen, the CSV and the CLI, so every surface shows the same number.
 * Money: half-up to cents. Quantities: up to 4 decimals.
 */

/** "1234567" -> "1,234,567": a whole number's digits in groups of three, as `toLocaleString("en-US")` writes them. */
export function groupDigits(digits: string | number): string {
  return String(digits).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Intl's US-dollar formats, made on first use: see dollars(). */
const intlUsd: Partial<Record<2 | 4, Intl.NumberFormat>> = {};

/**
 * A plain decimal string with `places` decimals ("-1234.50") in US dollars ("-$1,234.50"), exactly as
 * Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }) writes its number, but by hand: a page's first
 * Intl number format loads the locale's data, 85 ms on the main thread at 4× CPU throttling, in the task that
 * evaluated this module as the calculator's code loads (issue 24 item 7). Past 15 digits in all, where the number Intl
 * was given is no longer exact, Intl itself, for the very same output as before.
 */
function dollars(plain: string, places: 2 | 4): string {
  const negative = plain.startsWith("-");
  const [whole = "", fraction = ""] = (negative ? plain.slice(1) : plain).split(".");
  if (whole.length + fraction.length > 15) {
    intlUsd[places] ??= new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: places, maximumFractionDigits: places });
    return intlUsd[places].format(Number(plain));
  }
  return `${negative ? "-" : ""}$${groupDigits(whole)}.${fraction}`;
}

/** "36.0401" -> "$36.04" (rounded half-up on the exact decimal, then grouped). */
export function formatUsd(amount: Amount): string {
  return dollars(toCents(dec(amount)), 2);
}

/** "0.14811" -> "$0.1481": per-hour figures need more than cents (rounded half-up on the exact decimal, then grouped). */
export function formatUsdPerHour(amount: Amount): string {
  return dollars(dec(amount).toFixed(4, ROUND_HALF_UP), 4);
}

/** "36.0401" -> "36.04": the plain cents string used in CSV cells. */
export function centsString(amount: Amount): string {
  return toCents(dec(amount));
}

/**
 * The noun for a count, singular for exactly 1 and plural otherwise ("1 row", "0 rows", "2 rows", "0.5 hours"); the
 * count as a number or a decimal string. `${n} ${plural(n, "row")}`; irregular plurals as the third argument.
 */
export function plural(count: number | string, singular: string, pluralForm = `${singular}s`): string {
  return Number(count) === 1 ? singular : pluralForm;
}

/** A billed quantity for display: at most 4 decimals, no exponent ("16.6667"). */
export function formatQuantity(quantity: Amount): string {
  const s = dec(quantity).round(4).toFixed(4);
  return s.replace(/0+$/, "").replace(/\.$/, "");
}

/** A rate as published, unrounded ("0.00511175"). */
export function formatRate(rate: string): string {
  return `$${rate}`;
}

/** Digits in groups of three, separated by one kind of grouping mark (comma, space, no-break spaces, apostrophe, underscore). */
const GROUPED = /^([+-]?\d{1,3})((?:([,\u0020\u00a0\u202f'_])\d{3})(?:\3\d{3})*)(\.\d*)?$/;

/**
 * A number as a person types it into a field: "1024", "2.5", "1e3", and with grouping marks "1,000", "12 500.5",
 * "1_000_000" (groups of three digits, one kind of mark). Null when the text is not a finite number ("", "1,5",
 * "1,00", "abc", "1e309"): the field then keeps the text and validation names the problem.
 */
export function parseTypedNumber(text: string): number | null {
  const t = text.trim();
  if (t === "") return null;
  const grouped = GROUPED.exec(t);
  const n = Number(grouped ? `${grouped[1]}${grouped[2]!.replace(/\D/g, "")}${grouped[4] ?? ""}` : t);
  return Number.isFinite(n) ? n : null;
}

/**
 * Characters a terminal acts on instead of showing: C0 controls (ESC starts OSC 0 title and OSC 52 clipboard writes
 * and CSI 2J screen clears; BEL ends them; CR and BS overwrite), DEL, C1 controls (U+009B is CSI and U+009D OSC in
 * one character), and the bidirectional and line-separator format characters that reorder or break a line.
 */
const TERMINAL_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text safe to print to a terminal: each control character is shown as its escape ("\x1b", "\u202e") and never
 * acts, except the line feed when `lines` (the default) keeps whole lines. Names come from files and bills anyone
 * can write, so every terminal output goes through this.
 */
export function terminalText(text: string, lines = true): string {
  return text.replace(TERMINAL_CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    if (lines && code === 10) return c;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/**
 * A plain-text table for the terminal: columns padded to their widest cell, two spaces apart, the columns in
 * `rightAligned` aligned right (figures), control characters escaped (terminalText). Used by the CLI's estimate, diff and
 * bill tables.
 */
export function textTable(table: string[][], rightAligned: ReadonlySet<number>): string {
  // Cells are escaped before measuring (a control character never acts, a line break never splits a row).
  const rows = table.map((r) => r.map((cell) => terminalText(cell, false)));
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/**
 * How the screen, the CLI table and the CSV show what is beside the Fargate meter (./attribution.ts): linked to the
 * Fargate services found, account-wide (per region, never called Fargate's), ECS/EKS on EC2. Cents that add up.
 */
import { allocateCents, centsToString, formatQuantity, formatUsd, textTable } from "@/lib/core";
import type { BesideFargate, BesideLine, Reconciliation } from "./types";
import { readableUnit } from "./words";

export interface BesideViewLine {
  key: string;
  product: string;
  usageType: string;
  region: string;
  quantity: string;
  unit: string;
  /** Cents, as "12.34". */
  cost: string;
}

export interface BesideView {
  linked: (BesideViewLine & { cluster: string; service: string | null; platform: "ECS" | "EKS"; by: "resource id" | "tags" })[];
  linkedTotal: string;
  accountWide: { region: string; total: string; lines: BesideViewLine[] }[];
  accountWideTotal: string;
  onEc2: { lines: BesideViewLine[]; total: string };
}

/** Section names, so the words are true: only linked rows are called Fargate's. */
export const BESIDE_TITLES = {
  linked: "Beside Fargate, linked to the Fargate services found (task ARN or cluster/service tags)",
  accountWide: "Account-wide, not attributed to Fargate (per region)",
  onEc2: "ECS/EKS on EC2 (split cost allocation rows; not Fargate)",
} as const;

const sumCents = (rows: readonly string[]) => centsToString(rows.reduce((t, r) => t + BigInt(r.replace(".", "")), 0n));

/** A reconciliation without the split (made before it existed): every row beside the meter is account-wide. */
function besideOf(r: Reconciliation): BesideFargate {
  if (r.beside) return r.beside;
  const regions = [...new Set(r.outsideFargate.map((o) => o.region))].sort();
  return {
    linked: [],
    linkedTotal: "0",
    accountWide: regions.map((region) => ({ region, lines: r.outsideFargate.filter((o) => o.region === region), total: "0" })),
    accountWideTotal: r.totals.outsideFargate,
    onEc2: { lines: [], total: "0" },
  };
}

export function besideView(r: Reconciliation): BesideView {
  const b = besideOf(r);
  const line = (x: BesideLine, cost: string, prefix = ""): BesideViewLine => ({
    key: `${prefix}${x.product}|${x.usageType}|${x.region}|${x.unit}`,
    product: x.product,
    usageType: x.usageType,
    region: x.region,
    quantity: formatQuantity(x.quantity),
    unit: readableUnit(x.unit),
    cost,
  });
  const linkedCents = allocateCents(b.linked.map((x) => x.cost));
  // One allocation over every account-wide row, so the region totals add up to the account-wide total.
  const wideLines = b.accountWide.flatMap((w) => w.lines);
  const wideCents = allocateCents(wideLines.map((x) => x.cost));
  let at = 0;
  const accountWide = b.accountWide.map((w) => {
    const cents = wideCents.slice(at, (at += w.lines.length));
    return { region: w.region, total: sumCents(cents), lines: w.lines.map((x, i) => line(x, cents[i]!)) };
  });
  const ec2Cents = allocateCents(b.onEc2.lines.map((x) => x.cost));
  return {
    linked: b.linked.map((x, i) => ({
      ...line(x, linkedCents[i]!, `${x.platform}|${x.cluster}|${x.service ?? ""}|${x.by}|`),
      cluster: x.cluster,
      service: x.service,
      platform: x.platform === "eks" ? "EKS" : "ECS",
      by: x.by,
    })),
    linkedTotal: sumCents(linkedCents),
    accountWide,
    accountWideTotal: sumCents(wideCents),
    onEc2: { lines: b.onEc2.lines.map((x, i) => line(x, ec2Cents[i]!)), total: sumCents(ec2Cents) },
  };
}

const usd = (cents: string) => formatUsd(cents);

/** The CLI table's sections (lines of text). */
export function besideTable(v: BesideView): string[] {
  const out: string[] = ["", BESIDE_TITLES.linked];
  out.push(
    textTable(
      [
        ["Cluster / service", "Linked by", "Product", "Usage type", "Region", "Quantity", "Unit", "Cost"],
        ...v.linked.map((x) => [
          x.service ? `${x.cluster} / ${x.service}` : x.cluster,
          x.by,
          x.product,
          x.usageType,
          x.region,
          x.quantity,
          x.unit,
          usd(x.cost),
        ]),
        ["Total", "", "", "", "", "", "", usd(v.linkedTotal)],
      ],
      new Set([5, 7]),
    ),
  );
  out.push("", BESIDE_TITLES.accountWide);
  out.push(
    textTable(
      [
        ["Region", "Product", "Usage type", "Quantity", "Unit", "Cost"],
        ...v.accountWide.flatMap((w) => [
          ...w.lines.map((x) => [w.region, x.product, x.usageType, x.quantity, x.unit, usd(x.cost)]),
          [`${w.region} total`, "", "", "", "", usd(w.total)],
        ]),
        ["Total", "", "", "", "", usd(v.accountWideTotal)],
      ],
      new Set([3, 5]),
    ),
  );
  if (v.onEc2.lines.length) {
    out.push("", BESIDE_TITLES.onEc2);
    out.push(
      textTable(
        [
          ["Product", "Usage type", "Region", "Quantity", "Unit", "Cost"],
          ...v.onEc2.lines.map((x) => [x.product, x.usageType, x.region, x.quantity, x.unit, usd(x.cost)]),
          ["Total", "", "", "", "", usd(v.onEc2.total)],
        ],
        new Set([3, 5]),
      ),
    );
  }
  return out;
}

/**
 * The CSV's rows, in its 11 columns (Section, Region, Platform, Product or group, Usage type, Quantity, Unit, List,
 * Paid or cost, Estimated, Difference).
 */
export function besideCsvRows(v: BesideView): string[][] {
  const rows: string[][] = [];
  for (const x of v.linked) {
    const group = `${x.service ? `${x.cluster} / ${x.service}` : x.cluster} (by ${x.by}): ${x.product}`;
    rows.push(["Linked to Fargate", x.region, x.platform, group, x.usageType, x.quantity, x.unit, "", x.cost, "", ""]);
  }
  rows.push(["Linked to Fargate total", "", "", "", "", "", "", "", v.linkedTotal, "", ""]);
  for (const w of v.accountWide) {
    for (const x of w.lines) rows.push(["Account-wide (not attributed)", w.region, "", x.product, x.usageType, x.quantity, x.unit, "", x.cost, "", ""]);
    rows.push(["Account-wide (not attributed) region total", w.region, "", "", "", "", "", "", w.total, "", ""]);
  }
  rows.push(["Account-wide (not attributed) total", "", "", "", "", "", "", "", v.accountWideTotal, "", ""]);
  for (const x of v.onEc2.lines) rows.push(["ECS/EKS on EC2", x.region, "", x.product, x.usageType, x.quantity, x.unit, "", x.cost, "", ""]);
  if (v.onEc2.lines.length) rows.push(["ECS/EKS on EC2 total", "", "", "", "", "", "", "", v.onEc2.total, "", ""]);
  return rows;
}

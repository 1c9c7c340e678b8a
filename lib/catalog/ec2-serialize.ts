import type { Ec2Catalog } from "./ec2-schema";

/** The layout scripts/build-ec2-catalog.ts writes: compact but diffable, one line per type and per region's prices. */
export function serializeEc2Catalog(c: Ec2Catalog): string {
  const { types: t, regions: r, ...head } = c;
  const headJson = JSON.stringify(head, null, 1).replace(/\n}$/, "");
  const typeLines = Object.entries(t).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const regionLines = Object.entries(r).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `${headJson},\n "types": {\n${typeLines.join(",\n")}\n },\n "regions": {\n${regionLines.join(",\n")}\n }\n}\n`;
}

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Ec2Catalog } from "./ec2-schema";
import { ExtrasCatalog } from "./extras-schema";
import { FargateCatalog } from "./schema";

/**
 * The page uses the embedded snapshots without parsing them (embedded.ts): that is right only while each schema's
 * parse returns its snapshot exactly as it is (no default filled in, no value transformed, no key stripped).
 */
describe("the embedded snapshots are what their schemas' parse returns", () => {
  for (const [file, schema] of [
    ["fargate.json", FargateCatalog],
    ["ec2.json", Ec2Catalog],
    ["extras.json", ExtrasCatalog],
  ] as const) {
    it(file, () => {
      const raw: unknown = JSON.parse(readFileSync(path.join(__dirname, "data", file), "utf8"));
      const parsed = schema.parse(JSON.parse(JSON.stringify(raw)));
      expect(parsed).toStrictEqual(raw);
      // A schema that strips unknown keys or fills in defaults would pass toStrictEqual only by chance: the same text.
      expect(JSON.stringify(parsed)).toBe(JSON.stringify(raw));
    });
  }
});

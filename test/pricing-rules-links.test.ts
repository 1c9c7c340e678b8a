import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Code cites the billing rules as docs/pricing-rules.md#section: every cited section must be a heading there
 * (GitHub's anchor: lower case, spaces to hyphens, punctuation dropped), and no comment cites a rules note
 * outside the repository.
 */
const root = path.resolve(__dirname, "..");
const doc = readFileSync(path.join(root, "docs/pricing-rules.md"), "utf8");
const anchors = new Set(
  [...doc.matchAll(/^#{1,4} (.+)$/gm)].map((m) =>
    m[1]!
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9 -]/g, "")
      .replace(/ /g, "-"),
  ),
);

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return ["node_modules", ".next", "fixtures", "golden"].includes(e.name) ? [] : sources(rel);
    return /\.(ts|tsx|mjs)$/.test(e.name) ? [rel] : [];
  });
}
const files = [...["lib", "app", "components", "scripts", "test", "e2e"].flatMap(sources), "proxy.ts", "instrumentation.ts", "next.config.ts"].filter(
  (f) => f !== "test/pricing-rules-links.test.ts", // this file names the pattern
);
const cites = files.flatMap((file) => {
  const text = readFileSync(path.join(root, file), "utf8");
  return [...text.matchAll(/pricing-rules\.md(#[a-z0-9-]+)?/g)].map((m) => ({
    file,
    index: m.index,
    anchor: m[1]?.slice(1),
    before: text.slice(Math.max(0, m.index - 20), m.index),
  }));
});

describe("docs/pricing-rules.md citations", () => {
  it("the headings give the sections the code cites", () => {
    for (const a of [
      "the-month",
      "per-second-billing",
      "valid-task-sizes",
      "eks-pod-sizing",
      "beside-the-fargate-meter",
      "what-an-instance-offers",
      "right-sizing",
    ])
      expect(anchors).toContain(a);
  });

  it("every citation is docs/pricing-rules.md, and its section exists", () => {
    expect(cites.length).toBeGreaterThanOrEqual(15);
    for (const c of cites) {
      expect(c.before.endsWith("docs/"), `${c.file}: cite docs/pricing-rules.md, the repository's own rules`).toBe(true);
      if (c.anchor !== undefined) expect(anchors, `${c.file}: #${c.anchor} is not a heading of docs/pricing-rules.md`).toContain(c.anchor);
    }
  });
});

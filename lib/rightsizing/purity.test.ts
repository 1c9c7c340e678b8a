import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * lib/rightsizing must stay importable from client components: no node:*, no server-only, no AWS SDK, no lib/aws,
 * anywhere in its import graph (followed through "@/..." and relative imports).
 */
const root = path.resolve(__dirname, "..", "..");
const FORBIDDEN = [/^node:/, /^(fs|path|http|https|child_process|crypto|os)$/, /^server-only$/, /^@aws-sdk\//, /^@smithy\//, /^@\/lib\/aws(\/|$)/, /^next(\/|$)/];

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (existsSync(candidate) && !candidate.endsWith(".json") && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

function importsOf(file: string): string[] {
  const src = readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of src.matchAll(/(?:^|\n)\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+["']([^"']+)["']|(?:^|\n)\s*import\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
    out.push((m[1] ?? m[2] ?? m[3])!);
  }
  return out;
}

describe("lib/rightsizing is browser-safe", () => {
  it("no forbidden import anywhere in its import graph", () => {
    const dir = path.join(root, "lib", "rightsizing");
    const queue = readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .map((f) => path.join(dir, f));
    const seen = new Set<string>();
    const bad: string[] = [];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const spec of importsOf(file)) {
        if (FORBIDDEN.some((re) => re.test(spec))) bad.push(`${path.relative(root, file)} imports ${spec}`);
        const next = resolve(file, spec);
        if (next) queue.push(next);
      }
    }
    expect(bad).toEqual([]);
    expect(seen.size).toBeGreaterThan(8);
  });
});

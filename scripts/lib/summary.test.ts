import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs module (the gate runs before TypeScript tooling exists)
import { vitestCounts } from "./summary.mjs";

const root = path.resolve(__dirname, "..", "..");

describe("the gate's closing line counts (issue 10 item 12)", () => {
  it("counts a test file that fails to import as a failure, from a real vitest JSON report", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "vitest-broken-"));
    try {
      const out = path.join(dir, "report.json");
      const r = spawnSync(
        path.join(root, "node_modules", ".bin", "vitest"),
        ["run", "--config", "test/fixtures/vitest-broken/vitest.config.mts", "--reporter=json", `--outputFile.json=${out}`],
        { cwd: root, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } },
      );
      expect(r.status).not.toBe(0);
      const report = JSON.parse(readFileSync(out, "utf8"));
      // What vitest itself reports: 1 passed test, 0 failed tests, 1 failed file.
      expect(report.numPassedTests).toBe(1);
      expect(report.numFailedTests).toBe(0);
      expect(vitestCounts(report, r.status)).toEqual({ passed: 1, failed: 1, skipped: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("a non-zero exit with nothing counted is one failure; a missing report is one failure", () => {
    expect(vitestCounts({ numPassedTests: 3, numFailedTests: 0, testResults: [] }, 1)).toEqual({ passed: 3, failed: 1, skipped: 0 });
    expect(vitestCounts(null, 1)).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });

  it("a file with failed tests counts its tests, not the file again", () => {
    const report = {
      numPassedTests: 2,
      numFailedTests: 2,
      numPendingTests: 1,
      numTodoTests: 1,
      testResults: [{ status: "failed", assertionResults: [{ status: "failed" }, { status: "failed" }] }],
    };
    expect(vitestCounts(report, 1)).toEqual({ passed: 2, failed: 2, skipped: 2 });
  });
});

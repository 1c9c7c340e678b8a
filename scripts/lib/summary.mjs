// Counting for the gate's closing line (`N passed, N failed, N skipped`). Node built-ins only.

/**
 * Vitest's JSON report -> counts. A test file that fails to load (an import error, a syntax error, a throw at
 * the top level) has no failed test inside it, only a failed file: it counts as one failure, so the closing line
 * never says "0 failed" when vitest failed. `exitStatus` is vitest's: a non-zero exit with nothing counted (a
 * crash after the report, an unhandled error) counts as one failure too.
 */
export function vitestCounts(report, exitStatus) {
  if (!report || typeof report !== "object") return { passed: 0, failed: 1, skipped: 0 };
  const files = Array.isArray(report.testResults) ? report.testResults : [];
  const failedFiles = files.filter(
    (f) => f && f.status === "failed" && !(Array.isArray(f.assertionResults) && f.assertionResults.some((a) => a && a.status === "failed")),
  ).length;
  let failed = (report.numFailedTests ?? 0) + failedFiles;
  if (exitStatus !== 0 && failed === 0) failed = 1;
  return {
    passed: report.numPassedTests ?? 0,
    failed,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

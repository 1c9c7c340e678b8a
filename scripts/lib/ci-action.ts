import { randomUUID } from "node:crypto";
import { appendTo, pullRequestNumber, runCiDiff, upsertComment, workflowCommand, type CiEnv } from "./ci-diff";

/**
 * The GitHub Action's step (action.yml): the cost diff to stdout, the job summary, the step's outputs and (with a
 * token, on a pull request) the pull-request comment. Returns the exit code: 0; 2 bad input or a file that cannot be
 * priced (after writing everything); 3 over fail-above. Run by scripts/ci-diff.ts and the bundled CLI's `ci-diff`.
 */
export async function runGithubAction(env: CiEnv, write: { stdout(s: string): void; stderr(s: string): void }): Promise<number> {
  const result = runCiDiff(env);
  // The report echoes names and messages from the files: the runner reads no workflow command ("::...") inside it.
  const stop = randomUUID();
  write.stdout(`::stop-commands::${stop}\n${result.markdown}::${stop}::\n`);
  for (const line of result.log) write.stderr(result.code === 2 ? workflowCommand("error", line) : workflowCommand("", line));
  appendTo(env.GITHUB_STEP_SUMMARY, `${result.markdown}\n`);
  appendTo(
    env.GITHUB_OUTPUT,
    Object.entries(result.outputs)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(""),
  );

  // The comment is updated on every run, a failed one included, so an out-of-date estimate never stays up.
  const token = env.INPUT_TOKEN?.trim();
  if (token) {
    const pr = pullRequestNumber(env);
    if (pr === undefined || !env.GITHUB_REPOSITORY) write.stderr(workflowCommand("notice", "Not a pull request: the cost diff is in the job summary only."));
    else {
      const r = await upsertComment({
        api: env.GITHUB_API_URL || "https://api.github.com",
        repository: env.GITHUB_REPOSITORY,
        pr,
        token,
        body: result.markdown,
        fetch,
      });
      write.stderr(r.ok ? workflowCommand("", r.value) : workflowCommand("warning", r.error.message));
    }
  }
  return result.code;
}

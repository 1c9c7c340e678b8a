/**
 * The script of the GitHub Action (action.yml): the cost diff of the given paths between two commits, to the job
 * summary, the step's outputs and (with a token, on a pull request) a pull-request comment.
 * Reads INPUT_PATHS, INPUT_BASE, INPUT_HEAD, INPUT_REGION, INPUT_FAIL_ABOVE, INPUT_TOKEN, INPUT_WORKING_DIRECTORY,
 * INPUT_PR_NUMBER and GitHub's GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, GITHUB_EVENT_PATH,
 * GITHUB_REPOSITORY, GITHUB_API_URL. Exit 0; 2 on bad input; 3 over fail-above.
 */
import { randomUUID } from "node:crypto";
import { actionEnv } from "../lib/env";
import { appendTo, pullRequestNumber, runCiDiff, upsertComment, workflowCommand } from "./lib/ci-diff";

async function main(): Promise<number> {
  const env = actionEnv();
  const result = runCiDiff(env);
  // The report echoes names and messages from the files: the runner reads no workflow command ("::...") inside it.
  const stop = randomUUID();
  process.stdout.write(`::stop-commands::${stop}\n${result.markdown}::${stop}::\n`);
  for (const line of result.log) process.stderr.write(result.code === 2 ? workflowCommand("error", line) : `${workflowCommand("", line)}`);
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
    if (pr === undefined || !env.GITHUB_REPOSITORY)
      process.stderr.write(workflowCommand("notice", "Not a pull request: the cost diff is in the job summary only."));
    else {
      const r = await upsertComment({
        api: env.GITHUB_API_URL || "https://api.github.com",
        repository: env.GITHUB_REPOSITORY,
        pr,
        token,
        body: result.markdown,
        fetch,
      });
      process.stderr.write(r.ok ? workflowCommand("", r.value) : workflowCommand("warning", r.error.message));
    }
  }
  return result.code;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(workflowCommand("error", `The cost diff failed: ${error instanceof Error ? error.message : String(error)}`));
    process.exitCode = 1;
  },
);

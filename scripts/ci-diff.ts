/**
 * The script of the GitHub Action (action.yml): the cost diff of the given paths between two commits, to the job
 * summary, the step's outputs and (with a token, on a pull request) a pull-request comment.
 * Reads INPUT_PATHS, INPUT_BASE, INPUT_HEAD, INPUT_REGION, INPUT_FAIL_ABOVE, INPUT_TOKEN, INPUT_WORKING_DIRECTORY,
 * INPUT_PR_NUMBER and GitHub's GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, GITHUB_EVENT_PATH,
 * GITHUB_REPOSITORY, GITHUB_API_URL. Exit 0; 2 on bad input; 3 over fail-above.
 */
import { actionEnv } from "../lib/env";
import { appendTo, pullRequestNumber, runCiDiff, upsertComment } from "./lib/ci-diff";

async function main(): Promise<number> {
  const env = actionEnv();
  const result = runCiDiff(env);
  process.stdout.write(result.markdown);
  // Workflow commands (::error::) need %, CR and LF escaped in their message.
  const command = (line: string) => line.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  for (const line of result.log) process.stderr.write(result.code === 2 ? `::error::${command(line)}\n` : `${line}\n`);
  appendTo(env.GITHUB_STEP_SUMMARY, `${result.markdown}\n`);
  appendTo(
    env.GITHUB_OUTPUT,
    Object.entries(result.outputs)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(""),
  );

  const token = env.INPUT_TOKEN?.trim();
  if (token && result.code !== 2) {
    const pr = pullRequestNumber(env);
    if (pr === undefined || !env.GITHUB_REPOSITORY) process.stderr.write("::notice::Not a pull request: the cost diff is in the job summary only.\n");
    else {
      const r = await upsertComment({
        api: env.GITHUB_API_URL || "https://api.github.com",
        repository: env.GITHUB_REPOSITORY,
        pr,
        token,
        body: result.markdown,
        fetch,
      });
      process.stderr.write(`${r.ok ? r.value : `::warning::${r.error.message}`}\n`);
    }
  }
  return result.code;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`::error::The cost diff failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);

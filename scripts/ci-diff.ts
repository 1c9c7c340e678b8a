/**
 * The script of the GitHub Action (action.yml) when run from source (the bundled CLI's `ci-diff` is the same): the
 * cost diff of the given paths between two commits, to the job summary, the step's outputs and (with a token, on a
 * pull request) a pull-request comment.
 * Reads INPUT_PATHS, INPUT_BASE, INPUT_HEAD, INPUT_REGION, INPUT_FAIL_ABOVE, INPUT_FAIL_ABOVE_USD, INPUT_TOKEN,
 * INPUT_WORKING_DIRECTORY, INPUT_PR_NUMBER and GitHub's GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT,
 * GITHUB_EVENT_PATH, GITHUB_REPOSITORY, GITHUB_API_URL. Exit 0; 2 on bad input; 3 over fail-above.
 */
import { actionEnv } from "../lib/env";
import { runGithubAction } from "./lib/ci-action";
import { workflowCommand } from "./lib/ci-diff";

runGithubAction(actionEnv(), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(workflowCommand("error", `The cost diff failed: ${error instanceof Error ? error.message : String(error)}`));
    process.exitCode = 1;
  },
);

import { writeFileSync } from "node:fs";
import { parseCliArgs } from "./args";
import { runCiDiff } from "./ci-diff";
import { upsertMergeRequestNote } from "./gitlab-note";
import type { CliResult } from "./cli";

export const REPORT_HELP = `Usage: fargate-estimator report --base REF [--head REF] [--region R] [--fail-above P] [--fail-above-usd A]
                         [--working-directory DIR] [--markdown FILE] [--json FILE] [--post gitlab] PATH...

The cost diff of a change for any CI: what the GitHub Action reports, from the git checkout in the current folder.
  PATH...             files or globs (k8s/**/*.yaml), relative to --working-directory; each counted once
  --base, --head      the commits to compare (head: HEAD)
  --markdown FILE     the Markdown report (default: standard output)
  --json FILE         the JSON report: { base, head, difference, overLimit, files: [...], errors: [...] }
  --post gitlab       also post the Markdown as one merge-request note, updated on later runs, with the GitLab API
                      (CI_API_V4_URL, CI_PROJECT_ID, CI_MERGE_REQUEST_IID, and GITLAB_TOKEN: a token with the api scope)

Exit status: 0; 2 bad input or a file that cannot be priced (after writing the reports); 3 over a limit.
`;

type Fetch = Parameters<typeof upsertMergeRequestNote>[0]["fetch"];

/** `fargate-estimator report`: runCiDiff from arguments, reports to files, and optionally a GitLab merge-request note. */
export async function runReport(argv: string[], env: Readonly<Record<string, string | undefined>>, cwd: string, fetch: Fetch): Promise<CliResult> {
  if (argv.includes("--help") || argv.includes("-h")) return { code: 0, stdout: REPORT_HELP, stderr: "" };
  const args = parseCliArgs(argv, ["base", "head", "region", "fail-above", "fail-above-usd", "working-directory", "markdown", "json", "post"]);
  if (!args.ok) return { code: 2, stdout: "", stderr: `arguments: ${args.error.message} for report (see report --help)\n` };
  const v = args.value.values;
  if (v.post !== undefined && v.post !== "gitlab") return { code: 2, stdout: "", stderr: `--post: only "gitlab" is known (got "${v.post}")\n` };
  const result = runCiDiff({
    GITHUB_WORKSPACE: cwd,
    INPUT_PATHS: args.value.positionals.join("\n"),
    INPUT_BASE: v.base,
    INPUT_HEAD: v.head,
    INPUT_REGION: v.region,
    INPUT_FAIL_ABOVE: v["fail-above"],
    INPUT_FAIL_ABOVE_USD: v["fail-above-usd"],
    INPUT_WORKING_DIRECTORY: v["working-directory"],
  });
  let stdout = "";
  const stderr = result.log.map((l) => `${l}\n`);
  if (v.markdown) writeFileSync(v.markdown, result.markdown);
  else stdout = result.markdown;
  if (v.json) writeFileSync(v.json, `${JSON.stringify(result.json, null, 2)}\n`);
  if (v.post === "gitlab") {
    const [api, project, mr, token] = [env.CI_API_V4_URL, env.CI_PROJECT_ID, env.CI_MERGE_REQUEST_IID, env.GITLAB_TOKEN?.trim()];
    if (!api || !project || !mr || !/^\d+$/.test(mr)) stderr.push("Not a merge request pipeline (no CI_MERGE_REQUEST_IID): the report is not posted.\n");
    else if (!token) stderr.push("No GITLAB_TOKEN: the report is not posted (give a project access token with the api scope).\n");
    else {
      const r = await upsertMergeRequestNote({ api, project, mr: Number(mr), token, body: result.markdown, fetch });
      stderr.push(`${r.ok ? r.value : r.error.message}\n`);
    }
  }
  return { code: result.code, stdout, stderr: stderr.join("") };
}

/**
 * The `fargate-estimator` command (package.json "bin"; bundled by scripts/build-cli.mjs into one file that needs only
 * Node.js): `fargate-estimator estimate|diff|reconcile ...` with the flags of `npm run estimate` / `npm run reconcile`,
 * and `ci-diff`, the GitHub Action's step. Exit codes as each command documents (0, 2 bad input, 3 over a limit).
 */
import { readFileSync } from "node:fs";
import module from "node:module";
import type { CliResult } from "./lib/cli";

// Node 22.1+ keeps the compiled bundle between runs (a no-op on Node 20); each command loads only its own code.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

declare const __CLI_VERSION__: string | undefined;
const version = typeof __CLI_VERSION__ === "string" ? __CLI_VERSION__ : "source";

const USAGE = `Usage: fargate-estimator <command> [arguments]

  estimate FILE [--format json|table|csv]           price a scenario ("-" reads standard input)
  estimate --import FILE [--region R] [--format ...] price a task definition or Kubernetes manifests
  diff BASE HEAD [--format json|markdown|table] [--fail-above PERCENT] [--fail-above-usd AMOUNT]
                                                    the monthly cost change between two files ("-": stdin)
  reconcile BILL [--scenario FILE] [--format ...]   what Fargate cost on a real AWS bill
  report --base REF [--head REF] [--json FILE] [--markdown FILE] [--post gitlab] PATH...
                                                    the cost diff of a change for any CI (GitLab: a merge-request note)
  ci-diff                                           the GitHub Action's step (reads INPUT_* and GITHUB_*)
  --version                                         the version

Each command's --help has the details (fargate-estimator estimate --help).
`;

const read = (file: string) => (file === "-" ? readFileSync(0, "utf8") : readFileSync(file, "utf8"));
const print = (r: CliResult) => {
  if (r.stdout) process.stdout.write(r.stdout);
  if (r.stderr) process.stderr.write(r.stderr);
  return r.code;
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "estimate":
      return print((await import("./lib/cli")).runCli(rest, read));
    case "diff":
      return print((await import("./lib/cli")).runCli(["diff", ...rest], read));
    case "reconcile":
      return print(await (await import("./lib/reconcile-cli")).runReconcileCli(rest));
    case "report": {
      const [{ gitlabEnv }, { runReport }] = await Promise.all([import("../lib/env"), import("./lib/report-cli")]);
      return print(await runReport(rest, gitlabEnv(), process.cwd(), fetch));
    }
    case "ci-diff": {
      const [{ actionEnv }, { runGithubAction }] = await Promise.all([import("../lib/env"), import("./lib/ci-action")]);
      return runGithubAction(actionEnv(), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
    }
    case "--version":
    case "version":
      process.stdout.write(`${version}\n`);
      return 0;
    case undefined:
    case "--help":
    case "-h":
    case "help":
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`arguments: unknown command "${command}": use estimate, diff, reconcile, report or ci-diff (see fargate-estimator --help)\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const message = `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    // In the action, one ::error:: line (escaped as ci-diff.ts escapes its messages).
    const line = process.argv[2] === "ci-diff" ? `::error::${message.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A")}` : message;
    process.stderr.write(`${line}\n`);
    process.exitCode = 1;
  },
);

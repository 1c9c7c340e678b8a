/**
 * The estimator CLI. `npm run --silent estimate -- scenario.json [--format json|table|csv]` ("-" reads stdin).
 * Exit 0 on success; 2 on invalid input, with every problem on stderr as `path: message`.
 */
import { readFileSync } from "node:fs";
import { runCli } from "./lib/cli";

const result = runCli(process.argv.slice(2), (file) => (file === "-" ? readFileSync(0, "utf8") : readFileSync(file, "utf8")));
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.code;

import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "./cli";
import { Ec2Catalog, ExtrasCatalog, FargateCatalog } from "@/lib/catalog";

/**
 * The published form of the CLI: `npm pack` of the bundle (scripts/build-cli.mjs), installed into an empty folder with
 * npm offline and an empty cache (so any dependency to fetch would fail the install), then run as `fargate-estimator`.
 */
const root = path.resolve(__dirname, "..", "..");
const run = (cmd: string, args: string[], opts: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}) => {
  const r = spawnSync(cmd, args, { encoding: "utf8", ...opts });
  if (r.status !== 0 && opts.input === undefined) throw new Error(`${cmd} ${args.join(" ")}: exit ${r.status}\n${r.stderr}`);
  return r;
};

describe("the npm package of the CLI", () => {
  it("packs, installs into an empty folder offline, and answers as the source does", () => {
    const work = mkdtempSync(path.join(tmpdir(), "cli-package-"));
    const pkg = path.join(work, "pkg");
    run(process.execPath, [path.join(root, "scripts", "build-cli.mjs"), "--out", pkg]);
    const manifest = JSON.parse(readFileSync(path.join(pkg, "package.json"), "utf8")) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: "fargate-estimator", bin: { "fargate-estimator": "fargate-estimator.mjs" } });
    expect(manifest.dependencies).toBeUndefined(); // nothing to download
    const env = { ...process.env, npm_config_cache: path.join(work, "cache"), npm_config_update_notifier: "false" };
    const tarball = run("npm", ["pack", pkg, "--pack-destination", work, "--silent"], { cwd: work, env }).stdout.trim().split("\n").at(-1)!;
    const size = statSync(path.join(work, tarball)).size;
    expect(size).toBeLessThan(1_000_000); // a few hundred KB gzipped

    const app = path.join(work, "empty");
    mkdirSync(app);
    run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", path.join(work, tarball)], { cwd: app, env });
    const bin = path.join(app, "node_modules", ".bin", "fargate-estimator");

    // The price snapshots the bundle embeds (parsed at build time; the bundle skips the parse at start) are the
    // schemas' output for lib/catalog/data, exactly: each once, as the string literal the bundle's JSON.parse reads.
    const bundled = readdirSync(path.join(pkg, "chunks"))
      .filter((f) => f.endsWith(".mjs"))
      .map((f) => readFileSync(path.join(pkg, "chunks", f), "utf8"))
      .join("\n");
    const embedded = [...bundled.matchAll(/JSON\.parse\((["'`])\{"schemaVersion"/g)].map((m) => {
      let end = m.index + "JSON.parse(".length + 1;
      while (bundled[end] !== m[1]) end += bundled[end] === "\\" ? 2 : 1;
      return new Function(`return ${bundled.slice(m.index + "JSON.parse(".length, end + 1)}`)() as string;
    });
    const catalog = (file: string) => JSON.parse(readFileSync(path.join(root, "lib", "catalog", "data", file), "utf8")) as unknown;
    expect(embedded.sort()).toEqual(
      [
        JSON.stringify(FargateCatalog.parse(catalog("fargate.json"))),
        JSON.stringify(Ec2Catalog.parse(catalog("ec2.json"))),
        JSON.stringify(ExtrasCatalog.parse(catalog("extras.json"))),
      ].sort(),
    );

    const example = path.join(root, "examples", "checkout.json");
    const expected = runCli([example, "--format", "table"], (f) => readFileSync(f, "utf8"));
    const got = run(bin, ["estimate", example, "--format", "table"], { cwd: app });
    expect(got.stdout).toBe(expected.stdout); // byte-identical to the source CLI
    expect(run(bin, ["--version"], { cwd: app }).stdout).toBe(`${JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).version}\n`);
    // diff with standard input as HEAD ("helm template ... | fargate-estimator diff base.yaml -"): the same file, no change.
    const piped = spawnSync(bin, ["diff", example, "-", "--format", "markdown"], { cwd: app, encoding: "utf8", input: readFileSync(example, "utf8") });
    expect(piped.status).toBe(0);
    expect(piped.stdout).toContain("### Fargate cost: no change");
    const unknown = spawnSync(bin, ["price"], { cwd: app, encoding: "utf8" });
    expect([unknown.status, unknown.stderr]).toEqual([
      2,
      'arguments: unknown command "price": use estimate, diff, reconcile, report or ci-diff (see fargate-estimator --help)\n',
    ]);
  }, 120_000);
});

describe("the CLI's build", () => {
  it("parses the embedded price snapshots with their schemas, and refuses one that does not pass", async () => {
    type Parse = (dataDir?: string) => Promise<Record<string, string>>;
    const { parseCatalogs } = (await import(pathToFileURL(path.join(root, "scripts", "build-cli.mjs")).href)) as { parseCatalogs: Parse };
    const data = path.join(root, "lib", "catalog", "data");
    const parsed = await parseCatalogs();
    expect(Object.keys(parsed).sort()).toEqual(["ec2.json", "extras.json", "fargate.json"]);
    // The parse changes nothing in today's data (no key dropped, none reordered): the bundle holds the snapshots as they are.
    for (const file of Object.keys(parsed)) expect(parsed[file], file).toBe(JSON.stringify(JSON.parse(readFileSync(path.join(data, file), "utf8"))));

    const broken = mkdtempSync(path.join(tmpdir(), "cli-catalogs-"));
    cpSync(data, broken, { recursive: true });
    const fargate = JSON.parse(readFileSync(path.join(broken, "fargate.json"), "utf8")) as {
      regions: Record<string, { ephemeralStorageGbHour: { usd: string } }>;
    };
    fargate.regions["us-east-1"]!.ephemeralStorageGbHour.usd = "0,000111"; // not a decimal string
    writeFileSync(path.join(broken, "fargate.json"), JSON.stringify(fargate));
    await expect(parseCatalogs(broken)).rejects.toThrow(/fargate\.json does not pass FargateCatalog: .*must be a non-negative decimal string/s);
  }, 60_000);
});

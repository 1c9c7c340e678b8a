import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assembleFinalStage, stages } from "@/scripts/lib/dockerfile";

/**
 * No Docker engine runs on these machines, so the Dockerfile is checked by reading it: its stages, what the final
 * stage copies (what the standalone server needs, per the Next.js self-hosting guide: .next/standalone with server.js,
 * .next/static and public/), its user and health check. e2e/standalone.spec.ts then lays out the final stage's
 * files from a real build and starts the server from them.
 */
const root = path.resolve(__dirname, "..");
const text = readFileSync(path.join(root, "Dockerfile"), "utf8");
const all = stages(text);
const final = all.at(-1)!;

describe("Dockerfile", () => {
  it("is multi-stage: dependencies from the lockfile, a build, a runtime", () => {
    expect(all.map((s) => s.name)).toEqual(["deps", "builder", "runner"]);
    // Node.js 24 (LTS until 2028-04-30; Node 20 reached its end of life on 2026-04-30), pinned by digest: the same
    // image for every stage, and a rebuild gets the same base unless someone changes the pin.
    for (const s of all) expect(s.image).toMatch(/^node:24-bookworm-slim@sha256:[0-9a-f]{64}$/);
    const deps = all[0]!;
    expect(deps.copies.map((c) => c.sources)).toEqual([["package.json", "package-lock.json"]]);
    expect(deps.instructions.find((i) => i.keyword === "RUN")?.args).toMatch(/^npm ci\b/);
    const builder = all[1]!;
    expect(builder.copies[0]).toMatchObject({ from: "deps", sources: ["/app/node_modules"] });
    // The build, then sharp and libvips out of the standalone server: nothing imports them (no next/image).
    expect(builder.instructions.filter((i) => i.keyword === "RUN").map((i) => i.args)).toEqual([
      "npx next build",
      "rm -rf .next/standalone/node_modules/sharp .next/standalone/node_modules/@img",
    ]);
  });

  it("the final stage copies what the standalone server needs, and nothing else", () => {
    expect(final.workdir).toBe("/app");
    expect(final.copies.map((c) => [c.from, c.sources.join(" "), c.dest])).toEqual([
      ["builder", "/app/.next/standalone", "/app"], // server.js, package.json, .next/server, the traced node_modules
      ["builder", "/app/.next/static", "/app/.next/static"], // the page's scripts and styles (/_next/static/...)
      ["builder", "/app/public", "/app/public"], // files served from / (robots.txt)
    ]);
    expect(final.cmd).toEqual(["node", "server.js"]);
    // No install in the runtime stage, and no node_modules but the standalone server's own: no dev dependencies.
    expect(final.instructions.some((i) => i.keyword === "RUN")).toBe(false);
    expect(final.copies.some((c) => c.from === "deps" || c.sources.some((s) => /node_modules/.test(s)))).toBe(false);
  });

  it("runs as a numeric non-root user over root-owned files, listens where it says, and checks its health over HTTP", () => {
    // Numeric (Kubernetes runAsNonRoot refuses a user name it cannot resolve), not root: the node image's "node" is 1000.
    expect(final.user).toMatch(/^[1-9]\d*:[1-9]\d*$/);
    const userAt = final.instructions.findIndex((i) => i.keyword === "USER");
    expect(userAt).toBeLessThan(final.instructions.findIndex((i) => i.keyword === "CMD"));
    // The application files stay root's (no --chown, no --chmod): the runtime user can read them, not change them.
    for (const c of final.copies) expect(c.chown).toBeUndefined();
    expect(final.instructions.some((i) => /--chmod|--chown/.test(i.args))).toBe(false);
    expect(final.env).toMatchObject({ NODE_ENV: "production", PORT: "3000", HOSTNAME: "0.0.0.0" });
    expect(final.instructions.find((i) => i.keyword === "EXPOSE")?.args).toBe(final.env.PORT);
    // No node process for the health check: bash's /dev/tcp (bash, head and grep are in the slim image).
    expect(final.healthcheck?.slice(0, 2)).toEqual(["bash", "-c"]);
    expect(final.healthcheck?.[2]).toContain("/api/health");
    expect(final.healthcheck?.join(" ")).not.toMatch(/\bnode\b/);
  });

  it("the health check passes on 200, fails on another status and on a closed port", async () => {
    let status = 200;
    const server = createServer((req, res) => {
      res.statusCode = req.url === "/api/health" ? status : 404;
      res.end("{}");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = String((server.address() as { port: number }).port);
    // Asynchronously: the server answers from this process.
    const check = (p: string) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(final.healthcheck![0]!, final.healthcheck!.slice(1), { env: { NODE_ENV: "test", PATH: process.env.PATH, PORT: p } });
        child.on("close", resolve);
      });
    try {
      expect(await check(port)).toBe(0);
      status = 503;
      expect(await check(port)).toBe(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    // The server gone: the port refuses the connection.
    expect(spawnSync(final.healthcheck![0]!, final.healthcheck!.slice(1), { env: { NODE_ENV: "test", PATH: process.env.PATH, PORT: port } }).status).toBe(1);
  });

  it("never sends node_modules, the build output or secrets to the build", () => {
    const ignored = readFileSync(path.join(root, ".dockerignore"), "utf8")
      .split("\n")
      .map((l) => l.trim());
    for (const p of ["node_modules", ".next", ".env*", ".npmrc", ".git"]) expect(ignored).toContain(p);
    // Tests and docs: nothing the build needs.
    for (const p of ["test", "e2e", "**/*.test.ts", "**/*.test.tsx", "**/__fixtures__", "docs", "*.md"]) expect(ignored).toContain(p);
  });

  it("laying out the final stage fails, naming the path, when a copied folder is missing", () => {
    const fake = mkdtempSync(path.join(tmpdir(), "docker-layout-"));
    mkdirSync(path.join(fake, ".next", "standalone"), { recursive: true });
    writeFileSync(path.join(fake, ".next", "standalone", "server.js"), "");
    expect(() => assembleFinalStage(text, fake, path.join(fake, "out"))).toThrow(
      "COPY --from=builder /app/.next/static: .next/static does not exist after the build",
    );
  });
});

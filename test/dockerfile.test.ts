import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
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
    for (const s of all) expect(s.image).toMatch(/^node:20[-.\w]*$/); // the Node major the project runs on (engines >= 20.9)
    const deps = all[0]!;
    expect(deps.copies.map((c) => c.sources)).toEqual([["package.json", "package-lock.json"]]);
    expect(deps.instructions.find((i) => i.keyword === "RUN")?.args).toMatch(/^npm ci\b/);
    const builder = all[1]!;
    expect(builder.copies[0]).toMatchObject({ from: "deps", sources: ["/app/node_modules"] });
    expect(builder.instructions.filter((i) => i.keyword === "RUN").map((i) => i.args)).toEqual(["npx next build"]);
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

  it("runs as a non-root user, listens where it says, and checks its health over HTTP", () => {
    expect(final.user).toBe("node");
    const userAt = final.instructions.findIndex((i) => i.keyword === "USER");
    expect(userAt).toBeLessThan(final.instructions.findIndex((i) => i.keyword === "CMD"));
    for (const c of final.copies) expect(c.chown).toBe("node:node"); // the server may write .next/cache
    expect(final.env).toMatchObject({ NODE_ENV: "production", PORT: "3000", HOSTNAME: "0.0.0.0" });
    expect(final.instructions.find((i) => i.keyword === "EXPOSE")?.args).toBe(final.env.PORT);
    expect(final.healthcheck?.slice(0, 2)).toEqual(["node", "-e"]);
    expect(final.healthcheck?.[2]).toContain("/api/health");
  });

  it("never sends node_modules, the build output or secrets to the build", () => {
    const ignored = readFileSync(path.join(root, ".dockerignore"), "utf8")
      .split("\n")
      .map((l) => l.trim());
    for (const p of ["node_modules", ".next", ".env", ".env*.local", ".git"]) expect(ignored).toContain(p);
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

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { assembleFinalStage, type Stage } from "../scripts/lib/dockerfile";
import { expect, test } from "./fixtures";

/**
 * Self-hosting without a Docker engine: lay out the files of the Dockerfile's final stage from this build (its COPY
 * lines, applied to .next/standalone, .next/static and public/), start `node server.js` there as the image's CMD
 * does, away from the project's node_modules, and use it: the page with its scripts and styles, a file from public/,
 * the API, and the image's own HEALTHCHECK command.
 */
const root = path.resolve(__dirname, "..");
const port = Number(process.env.E2E_PORT ?? 3100) + 50;
const base = `http://127.0.0.1:${port}`;
let dir = "";
let final: Stage;
let server: ChildProcess | undefined;
let log = "";

async function waitForHealth(timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server?.exitCode !== null && server?.exitCode !== undefined) throw new Error(`server.js exited (${server.exitCode}):\n${log}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server.js did not answer /api/health in ${timeoutMs} ms:\n${log}`);
}

const healthcheck = () =>
  spawnSync(final.healthcheck![0]!, final.healthcheck!.slice(1), { env: { ...process.env, PORT: String(port) }, timeout: 10_000 }).status;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  expect(existsSync(path.join(root, ".next", "standalone", "server.js")), 'run "npx next build" first').toBe(true);
  dir = mkdtempSync(path.join(tmpdir(), "fargate-estimator-image-"));
  // scripts/serve-standalone.mjs copies static files into .next/standalone for local serving: leave those out, so
  // only the Dockerfile's own COPY lines put them in place.
  final = assembleFinalStage(readFileSync(path.join(root, "Dockerfile"), "utf8"), root, dir, {
    exclude: [".next/standalone/.next/static", ".next/standalone/public"],
  });
  expect(existsSync(path.join(dir, "server.js"))).toBe(true);
  const [cmd, ...args] = final.cmd!;
  // The image's environment only (ENV lines), plus PATH to find node: nothing from this machine leaks in.
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: "production",
    PATH: process.env.PATH,
    ...final.env,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    AWS_EC2_METADATA_DISABLED: "true",
  };
  const child = spawn(cmd!, args, { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  server = child;
  await waitForHealth(60_000);
});

test.afterAll(() => {
  server?.kill("SIGTERM");
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("the image's server serves the calculator with its scripts and styles", async ({ page }) => {
  const assets: { url: string; status: number }[] = [];
  page.on("response", (r) => {
    if (r.url().includes("/_next/static/")) assets.push({ url: r.url(), status: r.status() });
  });
  const response = await page.goto(`${base}/`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["content-security-policy"]).toContain("script-src 'self' 'nonce-");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fargate Estimator");
  // The default scenario's total is rendered by the client: the scripts loaded and ran. The EC2 price catalog is a
  // chunk loaded after the page: its total appearing shows lazily loaded chunks are served too.
  await expect(page.getByTestId("fargate-total")).toContainText("$");
  await expect(page.getByTestId("ec2-total")).toContainText("$", { timeout: 15_000 });
  expect(assets.some((a) => a.url.endsWith(".js")) && assets.some((a) => a.url.endsWith(".css"))).toBe(true);
  expect(assets.filter((a) => a.status !== 200)).toEqual([]);
  await page.screenshot({ path: "test-results/screenshots/standalone-image.png", fullPage: true });
});

test("public/ files, the estimate API and the health route", async ({ request }) => {
  const robots = await request.get(`${base}/robots.txt`);
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toBe(readFileSync(path.join(root, "public", "robots.txt"), "utf8"));

  const estimate = await request.post(`${base}/api/estimate`, { data: { workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 2 }] } });
  expect(estimate.status()).toBe(200);
  // 2 tasks x 730 h x (0.04048 + 2 x 0.004445) = 1460 x 0.04937 = 72.0802
  expect((await estimate.json()).totals.monthlyCost).toBe("72.0802");
  const bad = await request.post(`${base}/api/estimate`, { data: { workloads: [{ name: "api", vcpu: 1, memoryGiB: 10 }] } });
  expect(bad.status()).toBe(400);

  const health = await request.get(`${base}/api/health`);
  expect(await health.json()).toEqual({ status: "ok", pricesPublishedAt: "2025-10-27" });
  expect(health.headers()["cache-control"]).toBe("no-store");
});

test("the Dockerfile's HEALTHCHECK command passes against it, and fails once it stops", async () => {
  expect(healthcheck()).toBe(0);
  server?.kill("SIGTERM");
  await new Promise<void>((resolve) => (server?.exitCode !== null ? resolve() : server?.once("exit", () => resolve())));
  expect(healthcheck()).toBe(1);
});

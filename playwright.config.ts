import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  // Two spec files at a time (the tests in one file run in order): no test measures time any more, and on 2 cores the
  // browser tests finish in about three quarters of the time. PW_WORKERS=1 runs them one at a time.
  workers: Number(process.env.PW_WORKERS ?? 2),
  retries: 0,
  // Wide bounds, so a loaded machine cannot flip a test (how fast things are is npm run bench -- --browser's to say).
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: process.env.PW_JSON_OUTPUT ? [["list"], ["json", { outputFile: process.env.PW_JSON_OUTPUT }]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "off",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: {
    // The standalone server, as `npm start` and the Docker image run it (next start does not serve output: "standalone").
    command: `node scripts/serve-standalone.mjs --port ${port} --hostname 127.0.0.1`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    // No AWS credentials in tests, and never a call to the EC2 instance metadata service.
    env: { NEXT_TELEMETRY_DISABLED: "1", AWS_EC2_METADATA_DISABLED: "true", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  },
});

import { defineConfig } from "vitest/config";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    // Every core (vitest's default leaves one to its main process, which mostly waits: one worker on a 2-core machine).
    maxWorkers: availableParallelism(),
    // One fast-check configuration (FC_RUNS cases per property) for every test file.
    setupFiles: ["test/setup-fast-check.ts"],
  },
});

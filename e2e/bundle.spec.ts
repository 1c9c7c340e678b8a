import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

/**
 * The AWS SDK and credentials handling must never reach the browser: after `next build`, no client chunk under
 * .next/static may contain SDK markers. A file-system test; it runs with the Playwright suite because that suite
 * runs after the build.
 */
const STATIC_DIR = path.join(__dirname, "..", ".next", "static");
const MARKERS = [
  "fromNodeProviderChain",
  "defaultProvider",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_ACCESS_KEY_ID",
  "AWS_EC2_METADATA_DISABLED",
  "@aws-sdk",
  "@smithy",
  "ComputeOptimizerClient",
  "GetECSServiceRecommendationsCommand",
  "PricingClient",
  "GetProductsCommand",
  "AWSPriceListService",
  "ComputeOptimizerService",
  "server-only",
];

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return jsFiles(full);
    return /\.(m?js)$/.test(name) ? [full] : [];
  });
}

test("no AWS SDK code or credential names in the client bundle", () => {
  expect(existsSync(STATIC_DIR), "run `next build` first: .next/static is missing").toBe(true);
  const files = jsFiles(STATIC_DIR);
  expect(files.length, "the build produced no client JavaScript").toBeGreaterThan(0);
  const hits: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const marker of MARKERS) if (text.includes(marker)) hits.push(`${path.relative(STATIC_DIR, file)}: ${marker}`);
  }
  expect(hits).toEqual([]);
});

import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * lib/pricing is the pure heart of the product: no UI, no framework, no AWS SDK, no I/O.
 * Exported so the test that proves the rule fires uses the very same rule.
 */
export const pricingPurity = {
  files: ["lib/pricing/**/*.{ts,tsx}"],
  // Tests may read the environment (e.g. FC_RUNS) and the file system; the shipped engine may not.
  ignores: ["lib/pricing/**/*.test.ts", "lib/pricing/**/test-helpers.ts"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        paths: ["@/lib/catalog", "@/lib/catalog/index", "@/lib/catalog/ec2"].map((name) => ({
          name,
          message: "lib/pricing takes the catalog as an argument: import only types from lib/catalog/*schema.",
        })),
        patterns: [
          { group: ["react", "react/*", "react-dom", "react-dom/*"], message: "lib/pricing is pure: no React." },
          { group: ["next", "next/*"], message: "lib/pricing is pure: no Next.js." },
          { group: ["@aws-sdk/*", "aws-sdk", "server-only", "@/lib/aws", "@/lib/aws/*", "**/lib/aws/*"], message: "lib/pricing is pure: AWS I/O belongs in lib/aws." },
          { group: ["**/catalog/data/*"], message: "lib/pricing takes the catalog as an argument: import only types from lib/catalog/*schema." },
          { group: ["@/components/*", "**/components/*", "@/app/*", "**/app/*"], message: "lib/pricing is pure: it never imports the UI or routes." },
          { group: ["node:*", "fs", "path", "http", "https", "child_process"], message: "lib/pricing is pure: no I/O." },
        ],
      },
    ],
    "no-restricted-globals": [
      "error",
      { name: "fetch", message: "lib/pricing is pure: no network." },
      { name: "XMLHttpRequest", message: "lib/pricing is pure: no network." },
      { name: "process", message: "lib/pricing is pure: no environment; pass values in." },
      { name: "window", message: "lib/pricing is pure: no browser globals." },
      { name: "document", message: "lib/pricing is pure: no browser globals." },
      { name: "localStorage", message: "lib/pricing is pure: no storage." },
    ],
    "no-restricted-syntax": [
      "error",
      { selector: "NewExpression[callee.name='Date']", message: "lib/pricing is pure: no clock; pass the time in." },
    ],
    "no-restricted-properties": [
      "error",
      { object: "Date", property: "now", message: "lib/pricing is pure: no clock; pass the time in." },
      { object: "Math", property: "random", message: "lib/pricing is pure: deterministic only." },
    ],
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  pricingPurity,
  globalIgnores([".next/**", "out/**", "build/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "coverage/**", "test/fixtures/lint/**"]),
]);

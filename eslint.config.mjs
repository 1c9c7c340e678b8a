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
          {
            group: ["@aws-sdk/*", "aws-sdk", "server-only", "@/lib/aws", "@/lib/aws/*", "**/lib/aws/*"],
            message: "lib/pricing is pure: AWS I/O belongs in lib/aws.",
          },
          { group: ["**/catalog/data/*"], message: "lib/pricing takes the catalog as an argument: import only types from lib/catalog/*schema." },
          { group: ["@/components/*", "**/components/*", "@/app/*", "**/app/*"], message: "lib/pricing is pure: it never imports the UI or routes." },
          {
            group: ["@/lib/scenario", "@/lib/scenario/*", "**/lib/scenario/*", "../scenario/*", "../../scenario/*"],
            message:
              "lib/pricing owns its input (lib/pricing/input.ts): it never imports the scenario schema; lib/scenario depends on lib/pricing, not the reverse.",
          },
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
    "no-restricted-syntax": ["error", { selector: "NewExpression[callee.name='Date']", message: "lib/pricing is pure: no clock; pass the time in." }],
    "no-restricted-properties": [
      "error",
      { object: "Date", property: "now", message: "lib/pricing is pure: no clock; pass the time in." },
      { object: "Math", property: "random", message: "lib/pricing is pure: deterministic only." },
    ],
  },
};

/** lib/* never imports the UI or the routes (components, app): the layers point one way. */
const NO_UI = [
  {
    group: ["@/components", "@/components/*", "**/components/*", "@/app", "@/app/*", "**/app/*"],
    message: "lib/* never imports components/ or app/: the UI depends on lib, not the reverse.",
  },
];

/** lib/rightsizing runs in client components: nothing server-only, no AWS, no Node, no Next. */
export const rightsizingPurity = {
  files: ["lib/rightsizing/**/*.{ts,tsx}"],
  ignores: ["lib/rightsizing/**/*.test.ts"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          { group: ["node:*", "fs", "path", "http", "https", "child_process", "crypto", "os"], message: "lib/rightsizing is browser-safe: no Node built-ins." },
          { group: ["server-only"], message: "lib/rightsizing is browser-safe: nothing server-only." },
          {
            group: ["@aws-sdk/*", "@smithy/*", "aws-sdk", "@/lib/aws", "@/lib/aws/*", "**/lib/aws/*", "../aws/*"],
            message: "lib/rightsizing is browser-safe: AWS I/O belongs in lib/aws.",
          },
          { group: ["next", "next/*"], message: "lib/rightsizing is browser-safe and framework-free: no Next.js." },
          ...NO_UI,
        ],
      },
    ],
  },
};

/** Every other lib module: no UI, no routes (lib/pricing and lib/rightsizing have their own, stricter rules). */
export const libLayer = {
  files: ["lib/**/*.{ts,tsx}"],
  ignores: ["lib/pricing/**", "lib/rightsizing/**"],
  rules: { "no-restricted-imports": ["error", { patterns: NO_UI }] },
};

/**
 * lib/core, the ground floor (money, units, cents, formatting, Result/Problem, own-property lookups): every layer may
 * import it, and it imports nothing outside itself, only its own files by "./name": no other lib folder (neither "@/"
 * nor "../"), no Node built-in, no package (React, big.js, ...). Its tests may use test tools and reference libraries.
 */
export const coreLeaf = {
  files: ["lib/core/**/*.{ts,tsx}"],
  ignores: ["lib/core/**/*.test.ts"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            regex: "^(?!\\./)",
            message: 'lib/core imports nothing outside lib/core: only its own files ("./money"); no other lib folder, Node built-in or package.',
          },
        ],
      },
    ],
    // As pure as lib/pricing, which it carries: no network, environment, browser globals, clock or randomness.
    "no-restricted-globals": [
      "error",
      ...["fetch", "XMLHttpRequest", "process", "window", "document", "localStorage"].map((name) => ({ name, message: "lib/core is pure." })),
    ],
    "no-restricted-syntax": ["error", { selector: "NewExpression[callee.name='Date']", message: "lib/core is pure: no clock." }],
    "no-restricted-properties": [
      "error",
      { object: "Date", property: "now", message: "lib/core is pure: no clock." },
      { object: "Math", property: "random", message: "lib/core is pure: deterministic only." },
    ],
  },
};

/** lib/core/result.ts, the one success/failure shape, is imported by every layer (lib/pricing included): it imports nothing. */
export const resultLeaf = {
  files: ["lib/core/result.ts"],
  rules: {
    "no-restricted-imports": [
      "error",
      { patterns: [{ group: ["*", "**"], message: "lib/core/result.ts imports nothing: every layer, lib/pricing included, imports it." }] },
    ],
  },
};

/** components/ render: AWS I/O stays in server-side adapters (lib/aws), reached through routes. */
export const componentsLayer = {
  files: ["components/**/*.{ts,tsx}"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            group: ["@/lib/aws", "@/lib/aws/*", "**/lib/aws/*", "@aws-sdk/*", "aws-sdk"],
            message: "components/ never import lib/aws or the AWS SDK: call a route (app/api) instead.",
          },
        ],
      },
    ],
  },
};

/**
 * Environment variables are read in one module, lib/env.ts: everything else imports its typed values. Exceptions:
 * lib/pricing and lib/core (stricter: pricingPurity and coreLeaf forbid `process` itself), instrumentation.ts (`process.env.NEXT_RUNTIME`,
 * the guard Next.js resolves per runtime at build time), plain Node launchers that cannot import TypeScript
 * (scripts/*.mjs, scripts/lib/*.mjs), the browser tests and their config (E2E_PORT, CHROMIUM_PATH, CI) and unit tests (environments
 * for child processes). Exported so test/lint-env.test.ts proves the rule fires.
 */
const ENV_MESSAGE = "Read environment variables through lib/env.ts (the one module that reads process.env).";
export const envReads = {
  files: ["**/*.{ts,tsx,mts,cts,js,mjs,cjs}"],
  ignores: ["lib/env.ts", "lib/pricing/**", "lib/core/**", "instrumentation.ts", "scripts/**/*.mjs", "playwright.config.ts", "e2e/**", "**/*.test.ts"],
  rules: {
    "no-restricted-syntax": [
      "error",
      // process.env, process["env"], globalThis.process.env, const { env } = process
      { selector: "MemberExpression[object.name='process'][property.name='env']", message: ENV_MESSAGE },
      { selector: "MemberExpression[object.name='process'][property.value='env']", message: ENV_MESSAGE },
      { selector: "MemberExpression[object.property.name='process'][property.name='env']", message: ENV_MESSAGE },
      { selector: "VariableDeclarator[init.name='process'] > ObjectPattern > Property[key.name='env']", message: ENV_MESSAGE },
    ],
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  pricingPurity,
  rightsizingPurity,
  libLayer,
  coreLeaf,
  resultLeaf,
  componentsLayer,
  envReads,
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "node_modules/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    "coverage/**",
    "test/fixtures/lint/**",
  ]),
]);

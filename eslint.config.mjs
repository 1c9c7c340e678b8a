import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import boundaries from "eslint-plugin-boundaries";

/**
 * The layers, as a map: each part of the tree and the parts it may import. Anything not listed is refused.
 *
 *   core <- catalog <- pricing <- scenario <- billing / diff / export / rightsizing / results <- store <- components <- app
 *
 * - core: money, units, cents, formatting, Result/Problem, own-property lookups. Imports nothing.
 * - browser: browser plumbing (the Web Worker client, idle scheduling, viewport hooks), on core only.
 * - env (lib/env: the one module that reads environment variables), aws (the AWS SDK adapters) and http (route plumbing) are reached only from app/ and scripts/.
 * - results may use export (what the page shows is what the CSV writes).
 * Tests (*.test.ts, test-helpers.ts, test/, e2e/) may reach anything: they are not part of the layers.
 */
export const LAYERS = {
  core: [],
  env: [],
  browser: ["core"],
  catalog: ["core"],
  pricing: ["core", "catalog"],
  scenario: ["core", "catalog", "pricing", "browser"],
  billing: ["core", "catalog", "pricing", "scenario", "browser", "rightsizing"],
  diff: ["core", "catalog", "pricing", "scenario"],
  export: ["core", "catalog", "pricing", "scenario"],
  rightsizing: ["core", "catalog", "pricing", "scenario", "browser"],
  results: ["core", "catalog", "pricing", "scenario", "export", "browser"],
  store: ["core", "catalog", "pricing", "scenario", "results", "browser"],
  aws: ["core", "env", "catalog", "pricing", "scenario", "rightsizing"],
  http: ["core", "env"],
  components: ["core", "browser", "catalog", "pricing", "scenario", "billing", "diff", "export", "rightsizing", "results", "store", "components"],
  app: [
    "core",
    "env",
    "browser",
    "catalog",
    "pricing",
    "scenario",
    "billing",
    "diff",
    "export",
    "rightsizing",
    "results",
    "store",
    "aws",
    "http",
    "components",
    "app",
  ],
  scripts: ["core", "env", "catalog", "pricing", "scenario", "billing", "diff", "export", "rightsizing", "results", "aws", "http", "scripts"],
};

/**
 * The way into a lib folder from outside it: its public entry, index.ts, and nothing else; except the price snapshots
 * (lib/catalog/fargate.ts, ec2.ts, extras.ts: data, the last two loaded as chunks of their own), the modules the page
 * loads on demand as chunks of their own, and test-helpers.ts (for tests and the bench).
 */
export const ENTRIES = {
  catalog: ["index.ts", "fargate.ts", "ec2.ts", "extras.ts"],
  // Loaded on demand, each a chunk of its own: the importers (with the YAML parser) and their file readers, the
  // right-sizing reader, the CSV.
  scenario: ["index.ts", "import.ts", "import-client.ts", "import-file.ts", "import-binary.ts"],
  rightsizing: ["index.ts", "parse-client.ts"],
  export: ["index.ts", "csv.ts"],
  // The Node reader of bill files (node:fs, streams), for the CLI: the page never loads it.
  billing: ["index.ts", "node.ts"],
  // Installed by instrumentation.ts at server start, outside React Server Components, where index.ts's server-only guard refuses.
  http: ["index.ts", "peer-address.ts", "slow-clients.ts"],
};

const TESTS = ["**/*.test.ts", "**/*.test.tsx", "**/test-helpers.ts", "test/**", "e2e/**", "**/__fixtures__/**"];
const FOLDERS = Object.keys(LAYERS).filter((t) => !["components", "app", "scripts"].includes(t));
/** The files of a part that others may import: a lib folder's entries (and test-helpers.ts), any file of the rest. */
const entryFiles = (type) =>
  FOLDERS.includes(type) ? [...(ENTRIES[type] ?? ["index.ts"]).map((f) => `**/lib/${type}/${f}`), `**/lib/${type}/**/test-helpers.ts`] : "**";

export const layers = {
  files: ["**/*.{ts,tsx,mts,mjs}"],
  ignores: TESTS,
  plugins: { boundaries },
  settings: {
    "import/resolver": { typescript: { alwaysTryTypes: true } },
    "boundaries/elements": [
      ...FOLDERS.map((type) => ({ type, pattern: `lib/${type}` })),
      { type: "components", pattern: "components" },
      { type: "app", pattern: "app" },
      { type: "scripts", pattern: "scripts" },
    ],
  },
  rules: {
    "boundaries/dependencies": [
      "error",
      {
        default: "disallow",
        message:
          "{{from.type}} may not import this {{to.type}} module: the layers point one way, and a lib folder is entered only through its public entry, @/lib/{{to.type}} (eslint.config.mjs LAYERS and ENTRIES).",
        policies: Object.entries(LAYERS).map(([from, allowed]) => ({
          from: { element: { type: from } },
          allow: allowed.map((type) => ({ to: { element: { type }, file: { path: entryFiles(type) } } })),
        })),
      },
    ],
  },
};

/**
 * No module may reach itself again through its imports, within a folder too (the map above rules out cycles between
 * folders). Linted files only: eslint-plugin-import's rule needs the file on disk, so the lint tests' in-memory
 * fixtures (*fixture.ts) are left out, and test/lint-boundaries.test.ts proves it on two files that import each other.
 */
export const noCycle = {
  files: ["lib/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "app/**/*.{ts,tsx}", "scripts/**/*.{ts,mts}", "test/fixtures/lint/cycle-*.ts"],
  ignores: ["**/*.test.ts", "**/*.test.tsx", "**/*fixture.ts", "**/*fixture.tsx"],
  rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
};

/**
 * Purity beyond the map: what lib/core and lib/pricing (the engine, run in the browser, the CLI and the API alike)
 * may not touch. Exported so the tests that prove the rules fire use the very same rules.
 */
/** Node built-ins by their bare names (exact: a pattern "http" would also match "@/lib/http"); "node:*" covers the rest. */
const NODE_BUILTINS = ["fs", "path", "http", "https", "child_process", "crypto", "os", "zlib", "stream", "net", "worker_threads"];
const PURE_GLOBALS = (where) => [
  { name: "fetch", message: `${where} is pure: no network.` },
  { name: "XMLHttpRequest", message: `${where} is pure: no network.` },
  { name: "process", message: `${where} is pure: no environment; pass values in.` },
  { name: "window", message: `${where} is pure: no browser globals.` },
  { name: "document", message: `${where} is pure: no browser globals.` },
  { name: "localStorage", message: `${where} is pure: no storage.` },
];
const PURE_CLOCK = (where) => ({
  "no-restricted-syntax": ["error", { selector: "NewExpression[callee.name='Date']", message: `${where} is pure: no clock; pass the time in.` }],
  "no-restricted-properties": [
    "error",
    { object: "Date", property: "now", message: `${where} is pure: no clock; pass the time in.` },
    { object: "Math", property: "random", message: `${where} is pure: deterministic only.` },
  ],
});

/** lib/core, the ground floor: only its own files ("./money"); no package, no Node, and as pure as the engine. */
export const coreLeaf = {
  files: ["lib/core/**/*.{ts,tsx}"],
  ignores: TESTS,
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
    "no-restricted-globals": ["error", ...PURE_GLOBALS("lib/core")],
    ...PURE_CLOCK("lib/core"),
  },
};

/** lib/pricing, the pure heart: no framework, no AWS SDK, no I/O, and the price data comes in as an argument. */
export const pricingPurity = {
  files: ["lib/pricing/**/*.{ts,tsx}"],
  ignores: TESTS,
  rules: {
    "no-restricted-imports": [
      "error",
      {
        paths: [
          ...["@/lib/catalog/fargate", "@/lib/catalog/ec2", "@/lib/catalog/extras"].map((name) => ({
            name,
            message: "lib/pricing takes the catalog as an argument: import the schema and types from @/lib/catalog, never a snapshot.",
          })),
          ...NODE_BUILTINS.map((name) => ({ name, message: "lib/pricing is pure: no I/O." })),
        ],
        patterns: [
          { group: ["react", "react/*", "react-dom", "react-dom/*"], message: "lib/pricing is pure: no React." },
          { group: ["next", "next/*"], message: "lib/pricing is pure: no Next.js." },
          { group: ["@aws-sdk/*", "aws-sdk", "server-only"], message: "lib/pricing is pure: AWS I/O belongs in lib/aws." },
          { group: ["node:*"], message: "lib/pricing is pure: no I/O." },
        ],
      },
    ],
    "no-restricted-globals": ["error", ...PURE_GLOBALS("lib/pricing")],
    ...PURE_CLOCK("lib/pricing"),
  },
};

/** Code that runs in the browser (lib/rightsizing, lib/browser, components/): nothing server-only, no Node, no AWS SDK. */
export const browserSafe = {
  files: ["lib/rightsizing/**/*.{ts,tsx}", "lib/browser/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
  ignores: TESTS,
  rules: {
    "no-restricted-imports": [
      "error",
      {
        paths: NODE_BUILTINS.map((name) => ({ name, message: "Browser code: no Node built-ins." })),
        patterns: [
          { group: ["node:*"], message: "Browser code: no Node built-ins." },
          { group: ["server-only"], message: "Browser code: nothing server-only." },
          { group: ["@aws-sdk/*", "@smithy/*", "aws-sdk"], message: "Browser code: AWS I/O belongs in lib/aws, reached through a route (app/api)." },
        ],
      },
    ],
  },
};

/**
 * Environment variables are read in one module, lib/env (index.ts): everything else imports its typed values. Exceptions:
 * lib/pricing and lib/core (stricter: pricingPurity and coreLeaf forbid `process` itself), instrumentation.ts (`process.env.NEXT_RUNTIME`,
 * the guard Next.js resolves per runtime at build time), plain Node launchers that cannot import TypeScript
 * (scripts/*.mjs, scripts/lib/*.mjs), the browser tests and their config (E2E_PORT, CHROMIUM_PATH, CI) and unit tests (environments
 * for child processes). Exported so test/lint-env.test.ts proves the rule fires.
 */
const ENV_MESSAGE = "Read environment variables through lib/env (the one module that reads process.env).";
export const envReads = {
  files: ["**/*.{ts,tsx,mts,cts,js,mjs,cjs}"],
  ignores: ["lib/env/**", "lib/pricing/**", "lib/core/**", "instrumentation.ts", "scripts/**/*.mjs", "playwright.config.ts", "e2e/**", "**/*.test.ts"],
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
  layers,
  noCycle,
  coreLeaf,
  pricingPurity,
  browserSafe,
  envReads,
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "dist/**",
    "node_modules/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    "coverage/**",
    "test/fixtures/lint/**",
  ]),
]);

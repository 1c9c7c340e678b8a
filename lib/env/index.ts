/**
 * The one module that reads environment variables (eslint.config.mjs `envReads` forbids `process.env` elsewhere,
 * save the exceptions listed there). Each is read once, when this module is first imported, by its own
 * `process.env.NAME` (the form bundlers and Next.js inline and tree-shake), and handed out typed.
 * Raw strings are kept where a module of its own parses and tests the value (TRUST_PROXY_HOPS, HSTS).
 */
export interface Env {
  /** NODE_ENV is "development" (`next dev`); Next.js inlines NODE_ENV at build time. */
  readonly dev: boolean;
  /** HSTS: "on", "off" or unset/"auto" (proxy.ts `wantsHsts`). */
  readonly hsts: string | undefined;
  /** TRUST_PROXY_HOPS: reverse proxies in front of the server (lib/http/rate-limit.ts `trustedProxyHops`). */
  readonly trustProxyHops: string | undefined;
  /** FC_RUNS: fast-check cases per property in the unit tests (the gate sets 2000); undefined when unset or not a number. */
  readonly fcRuns: number | undefined;
  /** CHROMIUM_PATH: the browser `npm run bench -- --browser` drives (playwright.config.ts reads it too). */
  readonly chromiumPath: string | undefined;
}

const number = (value: string | undefined): number | undefined => {
  if (value === undefined || value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
};

export const env: Env = Object.freeze({
  dev: process.env.NODE_ENV === "development",
  hsts: process.env.HSTS,
  trustProxyHops: process.env.TRUST_PROXY_HOPS,
  fcRuns: number(process.env.FC_RUNS),
  chromiumPath: process.env.CHROMIUM_PATH,
});

/** The environment a script hands a child process it starts (the server the browser bench measures): this one, plus `extra`. */
export function childProcessEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

/**
 * The GitHub Action's inputs and context for scripts/ci-diff.ts: every INPUT_* variable (action.yml's inputs) and
 * GITHUB_* variable (GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, GITHUB_EVENT_PATH, GITHUB_REPOSITORY,
 * GITHUB_API_URL), by name. Read when called: the action's script calls it once.
 */
export function actionEnv(): Readonly<Record<string, string | undefined>> {
  return Object.freeze(Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith("INPUT_") || k.startsWith("GITHUB_"))));
}

/**
 * Before a CLI creates an AWS SDK client: no EC2 instance-metadata probe for credentials or region off EC2 (it
 * waits for timeouts on a laptop) and no Node version notice, unless the user set them.
 */
export function setAwsSdkDefaults(): void {
  process.env.AWS_EC2_METADATA_DISABLED ??= "true";
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
}

/**
 * GitLab CI's variables for `fargate-estimator report --gitlab-note` (CI_API_V4_URL, CI_PROJECT_ID,
 * CI_MERGE_REQUEST_IID, CI_MERGE_REQUEST_DIFF_BASE_SHA, CI_COMMIT_SHA) and the token it posts with (GITLAB_TOKEN).
 */
export function gitlabEnv(): Readonly<Record<string, string | undefined>> {
  return Object.freeze(Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith("CI_") || k === "GITLAB_TOKEN")));
}

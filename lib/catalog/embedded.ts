/**
 * Set by the bundled CLI's build (scripts/build-cli.mjs, esbuild `define`): the embedded price snapshots were parsed
 * with their schema at build time and the bundle carries the parse's output, so parsing them again at every start
 * (the largest part of the CLI's start time) would give the same objects. Undefined everywhere else (the app, the
 * tests, tsx), where each snapshot is validated once at load.
 */
declare const __CATALOGS_PARSED__: boolean | undefined;

/**
 * In a page (a window, or a Web Worker the page started: not Node): the page's server validated the same snapshots
 * when it started (it imports these modules), and each schema's parse returns its snapshot unchanged
 * (catalog-identity.test.ts), so the browser uses the JSON as it is. Validating them again froze the page's main thread
 * for about a second at 4x CPU throttling (the EC2 and extras snapshots: 0.5 MB of JSON through zod; issue 24 item 7),
 * and held the EC2 estimate's worker (lib/results clusters.worker.ts) as long before its first answer.
 */
const inPage = (typeof window === "object" && typeof document === "object") || "WorkerGlobalScope" in globalThis;

/** An embedded snapshot, validated with its schema (unless the bundle's build did so already, or in a page: above). */
export function embeddedCatalog<T>(schema: { parse: (data: unknown) => T }, data: unknown): T {
  if (inPage) return data as T;
  return typeof __CATALOGS_PARSED__ === "boolean" && __CATALOGS_PARSED__ ? (data as T) : schema.parse(data);
}

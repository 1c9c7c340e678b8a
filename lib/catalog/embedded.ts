/**
 * Set by the bundled CLI's build (scripts/build-cli.mjs, esbuild `define`): the embedded price snapshots were parsed
 * with their schema at build time and the bundle carries the parse's output, so parsing them again at every start
 * (the largest part of the CLI's start time) would give the same objects. Undefined everywhere else (the app, the
 * tests, tsx), where each snapshot is validated once at load.
 */
declare const __CATALOGS_PARSED__: boolean | undefined;

/** An embedded snapshot, validated with its schema (unless the bundle's build did so already). */
export function embeddedCatalog<T>(schema: { parse: (data: unknown) => T }, data: unknown): T {
  return typeof __CATALOGS_PARSED__ === "boolean" && __CATALOGS_PARSED__ ? (data as T) : schema.parse(data);
}

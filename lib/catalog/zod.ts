import { config } from "zod";

/**
 * zod, set up for the page: imported for its effect by the catalog's schema modules (the first schemas any code
 * loads: the scenario schema imports the catalog's), so it runs before any schema is used.
 *
 * In a page, zod never compiles its fast object parsers with `new Function`: zod 4 otherwise probes whether it may
 * (`allowsEval`, on the first object parse), and under the page's Content-Security-Policy (no 'unsafe-eval') that probe
 * is refused and reported as a `securitypolicyviolation` on every load, although zod catches the error (issue 19,
 * item 12). The page could never use the compiled parsers anyway, so nothing is slower there. Node (the CLI, the API,
 * the bench) and the Web Workers (served without a CSP) keep them. `config` by name, not the `z` namespace: passing
 * the namespace on would keep all of zod (its locales too) in the page's bundle.
 */
if (typeof (globalThis as { document?: unknown }).document !== "undefined") config({ jitless: true });

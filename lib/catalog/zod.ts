import { z } from "zod";

/**
 * zod, set up for this app: every schema imports `z` from here (`@/lib/catalog`; eslint.config.mjs `zodOnce`), so this
 * runs before any schema is built or used.
 *
 * In a page, zod never compiles its fast object parsers with `new Function`: zod 4 otherwise probes whether it may
 * (`allowsEval`, on the first object parse), and under the page's Content-Security-Policy (no 'unsafe-eval') that probe
 * is refused and reported as a `securitypolicyviolation` on every load, although zod catches the error (issue 19,
 * item 12). The page could never use the compiled parsers anyway, so nothing is slower there. Node (the CLI, the API,
 * the bench) and the Web Workers (served without a CSP) keep them.
 */
if (typeof (globalThis as { document?: unknown }).document !== "undefined") z.config({ jitless: true });

export { z };

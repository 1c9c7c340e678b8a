/* eslint-disable @typescript-eslint/no-require-imports -- require() here is the point: see below. */

/**
 * The calculator's code, evaluated in steps (components/calculator-code.ts calls them one task at a time): zod, the
 * price catalog's schemas, the scenario's schemas and checks, the engine, the results and stores, the whole-bill
 * price snapshot, then the components.
 * Evaluated in one go, its modules were one task of 360–670 ms at 4× CPU throttling (issue 24 item 7); a module
 * evaluates once, so each step evaluates only what the steps before it did not, and the last finds most of its imports
 * done. `require`, not `import()`: the bundler puts everything required here in this module's chunks (the calculator's),
 * and evaluates each module only when it is first required; separate `import()`s would each be a chunk group of their
 * own, with copies of the shared modules (about 130 KB more JavaScript when tried). zod's step requires a module of
 * ours that imports it: `require("zod")` resolves to zod's CommonJS build (the package's "require" condition), a
 * second copy of zod with all its locales that nothing else uses (the schemas import its ES module build); evaluating
 * it cost 250 ms at 4×.
 */
export const steps: (() => unknown)[] = [
  () => require("@/components/calculator-zod"),
  () => require("@/lib/catalog"),
  () => require("@/lib/scenario"),
  () => require("@/lib/pricing"),
  () => require("@/lib/results"),
  () => require("@/lib/store"),
  () => require("@/lib/catalog/extras"),
];

export const calculator = (): typeof import("@/components/calculator") => require("@/components/calculator");

// Types of what test/lint-boundaries.test.ts reads from eslint.config.mjs.
import type { Linter } from "eslint";

/** Each part of the tree and the parts it may import. */
export declare const LAYERS: Record<string, string[]>;
/** The files of a lib folder that other parts may import (index.ts unless listed). */
export declare const ENTRIES: Record<string, string[]>;
declare const config: Linter.Config[];
export default config;

/**
 * lib/core, the ground floor: exact decimal money, units, cents that add up, formatting, the Result/Problem shape
 * and own-property lookups. Every layer may import it (through this file); it imports nothing outside itself: no
 * other lib folder, no Node, no React, no package (lint-enforced, eslint.config.mjs `coreLeaf`).
 */
export * from "./money";
export * from "./units";
export * from "./cents";
export * from "./format";
export * from "./result";
export * from "./own";

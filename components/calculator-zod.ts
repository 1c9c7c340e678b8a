import { object } from "zod";

/**
 * zod's schema classes, as the price catalog's and the scenario's schemas import them (its ES module build), for a step
 * of their own (./calculator-steps.ts): `require("zod")` there would evaluate zod's CommonJS build instead, a second
 * copy with all its locales that nothing else uses.
 */
export const zodObject = object;

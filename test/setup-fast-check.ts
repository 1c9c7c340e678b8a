import fc from "fast-check";
import { env } from "@/lib/env";

/**
 * One fast-check configuration for every property in the suite: FC_RUNS cases each (the gate sets 2000;
 * a quick local run defaults to 300). No property sets its own numRuns, so the README's figure holds for all.
 */
export const FC_RUNS = env.fcRuns ?? 300;
fc.configureGlobal({ numRuns: FC_RUNS });

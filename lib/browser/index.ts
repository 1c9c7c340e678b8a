/** lib/browser's public entry: what other folders may import from it. */
export { inIdleSteps } from "./idle";
export { latestOnly } from "./latest-only";
export { replaceHash } from "./replace-hash";
export { useIdleValue } from "./use-idle-value";
export { useHeldWhileNotLive, useNearViewport } from "./use-near-viewport";
export { workerClient } from "./worker-client";
export type { WorkerClient, WorkerReply } from "./worker-client";
export { useShownCount } from "./use-shown-count";

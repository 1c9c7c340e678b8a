import "server-only";
import { AwsTimeoutError } from "./errors";

/** Timeouts for AWS calls made on behalf of a user request. */
export const AWS_CALL_TIMEOUT_MS = 15_000;

/**
 * Runs `fn` with an AbortSignal that fires after `ms` (or when `outer` aborts) and settles by then, even if the
 * SDK is stuck before it sends anything (credential resolution does not watch the signal).
 */
export async function withDeadline<T>(fn: (signal: AbortSignal) => Promise<T>, ms: number, outer?: AbortSignal): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onOuter = () => controller.abort(outer?.reason);
  if (outer?.aborted) controller.abort(outer.reason);
  else outer?.addEventListener("abort", onOuter, { once: true });
  const deadline = new Promise<never>((_, reject) => {
    const fail = () => reject(new AwsTimeoutError(ms));
    if (controller.signal.aborted) fail();
    controller.signal.addEventListener("abort", fail, { once: true });
    timer = setTimeout(() => controller.abort(new AwsTimeoutError(ms)), ms);
  });
  try {
    return await Promise.race([fn(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener("abort", onOuter);
    // Settle the losing deadline promise quietly.
    deadline.catch(() => undefined);
    if (!controller.signal.aborted) controller.abort();
  }
}

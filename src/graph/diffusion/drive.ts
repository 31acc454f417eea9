// Long computations of this folder are written once, as generators that yield a progress
// report between chunks of work (the coroutine style of Knuth, TAOCP vol. 1, §1.4.2), and run
// by one of two drivers: `drive` to the end in one go, or `driveAsync`, which returns to the
// event loop after each chunk so that an AbortSignal can stop it and progress can be shown.

/** No options. */
export const DEFAULTS = {};

/** Runs `steps` to completion, passing each report to `onProgress`. */
export function drive<P, R>(steps: Generator<P, R>, onProgress?: (progress: P) => void): R {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    onProgress?.(next.value);
  }
}

/** Runs `steps`, yielding to the event loop between chunks; rejects with `signal.reason` once aborted. */
export async function driveAsync<P, R>(steps: Generator<P, R>, onProgress?: (progress: P) => void, signal?: AbortSignal): Promise<R> {
  signal?.throwIfAborted();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    onProgress?.(next.value);
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (signal?.aborted) {
      steps.return(undefined as R);
      throw signal.reason;
    }
  }
}

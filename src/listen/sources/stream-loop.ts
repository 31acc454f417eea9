// What long-lived subscriptions (Mastodon's streaming API, Bluesky's Jetstream) share: a loop
// that connects, hands what arrives to a sink in small batches, and reconnects after a failure
// with the sources' back-off (jittered, growing, never before a server's Retry-After) until its
// signal aborts or its session time is up. A session that ends by the signal flushes what it
// holds first: nothing received is dropped, and the sink writes each batch with its cursor in
// one go (idempotency rules of source.ts).
import type { MentionInput } from '../model.ts';
import { backoffDelay, type BackoffOptions, type SourceFailure, type SourceProblem } from './source.ts';
import { FetchFailure } from './feeds/http-get.ts';

export interface StreamBatch<C> {
  mentions: MentionInput[];
  problems: SourceProblem[];
  /** Where to resume after this batch (Jetstream's time_us); null when the stream cannot resume. */
  cursor: C | null;
}

export interface StreamSink<C> {
  /** Stores a batch (and its cursor). */
  deliver(batch: StreamBatch<C>): Promise<void>;
  /** A connection failed; `consecutive` counts failures since the last good connection. */
  failed(failure: SourceFailure, consecutive: number): Promise<void>;
  /** A connection opened. */
  connected?(): Promise<void>;
}

export interface StreamLoopOptions {
  signal: AbortSignal;
  /** Epoch ms after which the loop returns (the job that runs it is then started again). */
  until: number;
  /** Flush after this many mentions… */
  batchSize: number;
  /** …or this long after the first one waiting. */
  flushMs: number;
  backoff: BackoffOptions;
  random: () => number;
  now: () => number;
}

export const STREAM_DEFAULTS = {
  batchSize: 200,
  flushMs: 1_000,
  /** No byte for this long (heartbeats included): the connection is dead, reconnect. */
  idleMs: 90_000,
  /** Streams retry sooner than polled sources: a short drop is the common case. */
  backoff: { baseMs: 2_000, maxMs: 5 * 60_000, maxRetryAfterMs: 60 * 60_000 } satisfies BackoffOptions,
  sessionMs: 30 * 60_000,
};

/** Collects items and hands them to the sink in batches; `flush` empties it. */
export class Batcher<C> {
  #mentions: MentionInput[] = [];
  #problems: SourceProblem[] = [];
  #cursor: C | null = null;
  #timer: NodeJS.Timeout | null = null;
  #due = 0;
  #writing: Promise<void> = Promise.resolve();
  #error: unknown = null;
  readonly #sink: StreamSink<C>;
  readonly #options: Pick<StreamLoopOptions, 'batchSize' | 'flushMs'>;

  constructor(sink: StreamSink<C>, options: Pick<StreamLoopOptions, 'batchSize' | 'flushMs'>) {
    this.#sink = sink;
    this.#options = options;
  }

  add(mention: MentionInput | null, problem: SourceProblem | null, cursor: C | null): void {
    if (this.#error) throw this.#error;
    if (mention) this.#mentions.push(mention);
    if (problem) this.#problems.push(problem);
    if (cursor !== null) this.#cursor = cursor;
    if (this.#mentions.length >= this.#options.batchSize) void this.flush().catch(() => undefined);
    else if (this.#mentions.length > 0 || this.#problems.length > 0) this.#schedule(this.#options.flushMs);
    // A cursor alone (posts filtered out) is saved now and then, so a restart resumes near here.
    else if (this.#cursor !== null) this.#schedule(this.#options.flushMs * 15);
  }

  /** Flushes within `ms`: an earlier deadline already set is kept, a later one brought forward. */
  #schedule(ms: number): void {
    const due = Date.now() + ms;
    if (this.#timer !== null && this.#due <= due) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#due = due;
    this.#timer = setTimeout(() => void this.flush().catch(() => undefined), ms);
  }

  /** Delivers what waits (in order with earlier deliveries); rethrows a sink's error. */
  flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#mentions.length > 0 || this.#problems.length > 0 || this.#cursor !== null) {
      const batch = { mentions: this.#mentions, problems: this.#problems, cursor: this.#cursor };
      this.#mentions = [];
      this.#problems = [];
      this.#cursor = null;
      this.#writing = this.#writing.then(() => this.#sink.deliver(batch)).catch((e: unknown) => {
        this.#error ??= e;
      });
    }
    return this.#writing.then(() => {
      if (this.#error) throw this.#error;
    });
  }
}

/** Waits `ms`, or less if the signal aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Runs `session` again and again: each call connects and returns when the connection ends (or
 * throws a FetchFailure). Returns when the signal aborts or `until` has passed.
 * `session(signal, healthy)` calls `healthy()` once data flows, which resets the back-off.
 */
export async function reconnectLoop<C>(session: (signal: AbortSignal, healthy: () => void) => Promise<void>, sink: StreamSink<C>, options: StreamLoopOptions): Promise<void> {
  let failures = 0;
  while (!options.signal.aborted && options.now() < options.until) {
    const timeLeft = AbortSignal.timeout(Math.max(1, options.until - options.now()));
    const signal = AbortSignal.any([options.signal, timeLeft]);
    let retryAfterMs = 0;
    try {
      await session(signal, () => {
        failures = 0;
      });
    } catch (e) {
      if (signal.aborted) break;
      if (!(e instanceof FetchFailure)) throw e;
      failures += 1;
      retryAfterMs = Math.min(e.retryAfterMs ?? 0, options.backoff.maxRetryAfterMs);
      await sink.failed({ kind: e.kind, code: e.code, message: e.message, status: e.status, retryAfterMs: e.retryAfterMs, at: options.now() }, failures);
      // Credentials or an address refused will not heal by retrying within this session.
      if (e.kind === 'auth-expired' || (e.kind === 'rejected' && e.code !== 'not-json')) return;
    }
    if (signal.aborted) break;
    const wait = Math.max(failures > 0 ? backoffDelay(failures, options.random, options.backoff) : 1_000, retryAfterMs);
    await pause(Math.min(wait, Math.max(0, options.until - options.now())), options.signal);
  }
}

// The contract every Listen source implements (feeds now; Mastodon, Bluesky, files and the
// webhook later), and the back-off arithmetic they share. Pure: no I/O, no clock (`now` is
// passed in), randomness injected.
//
// A source is polled with the state the caller persisted last time and yields batches. Each
// batch carries the mentions it found, the per-item problems it met (a bad item is reported and
// skipped, the rest goes in) and the state to persist *with* that batch.
//
// Idempotency rules — every source keeps them:
// 1. The same item fetched twice yields the same `networkId` and the same `url`, so the store
//    merges it (by network id, then by canonical URL) instead of adding a copy. An item edited
//    at the source keeps its id; the store updates the stored mention.
// 2. The caller writes a batch's mentions and its `state` in one transaction. If it crashes
//    before the commit, the next poll starts again from the previous state and re-yields the
//    same items, which rule 1 merges: nothing is lost, nothing is doubled, nothing half-written.
// 3. A source may skip items it has already yielded (feeds keep fingerprints of the last fetch),
//    but only as an optimisation: correctness never depends on it, only on rule 1. (One
//    consequence the store relies on: an entry without a date is dated when first seen, and is
//    not re-yielded with a later date while it stays unchanged.)
// 4. Ids that are not globally unique ("123") are scoped by the source (feeds: the URL the
//    source was created with, which a permanent redirect does not change).
// 5. A poll never throws for a failure of the remote side: it yields a last batch whose
//    `failure` says what went wrong (classified below) and whose `state` carries the back-off.
//    A throw means a bug.
// 6. `state.nextAttemptAt` says when to poll again (interval after a success, back-off after a
//    failure, never before a server's Retry-After). The caller may poll earlier on a user's
//    request; the source does not refuse.
import type { MentionInput } from '../model.ts';

/**
 * How a remote failure is handled: `auth-expired` (ask a user to reconnect: 401/403),
 * `rate-limited` (wait `retryAfterMs`: 429), `rejected` (retrying the same request will not help:
 * other 4xx, an unparsable body, a refused address), `unavailable` (try later: 5xx, network,
 * timeout).
 */
export type SourceFailureKind = 'auth-expired' | 'rate-limited' | 'rejected' | 'unavailable';

export interface SourceFailure {
  kind: SourceFailureKind;
  /** Stable machine reason: 'http-404', 'timeout', 'too-large', 'address-refused', 'not-a-feed'… */
  code: string;
  /** One sentence for the ingest log. */
  message: string;
  /** HTTP status when there was one. */
  status: number | null;
  /** What the server asked us to wait (Retry-After), in milliseconds. */
  retryAfterMs: number | null;
  /** Epoch ms when it happened. */
  at: number;
}

/** A problem with one item (or with the whole payload when `itemIndex` is null). */
export interface SourceProblem {
  /** 'error': the item was left out; 'warning': it was kept, repaired as the message says. */
  severity: 'error' | 'warning';
  /** Stable machine reason: 'empty-item', 'date-invalid', 'xml-repaired', 'encoding-fallback'… */
  code: string;
  message: string;
  /** 0-based index of the item in the payload; null for the payload as a whole. */
  itemIndex: number | null;
  /** 1-based line and column in the payload (as decoded text), when known. */
  line: number | null;
  column: number | null;
}

/** What every source's persisted state holds; each source adds its own cursor. */
export interface SourceState {
  consecutiveFailures: number;
  /** Epoch ms before which the caller should not poll again. */
  nextAttemptAt: number;
  lastSuccessAt: number | null;
  lastFailure: SourceFailure | null;
}

export interface SourceBatch<S extends SourceState> {
  mentions: MentionInput[];
  problems: SourceProblem[];
  /** Persist this with the batch, in the same transaction. */
  state: S;
  /** Set on the last batch of a poll that failed. */
  failure: SourceFailure | null;
}

export interface PollContext {
  /** Epoch ms: the time the poll runs at (for back-off, and dates a payload lacks). */
  now: number;
  signal?: AbortSignal;
}

/** A source: poll it with its last state, store what it yields, batch by batch. */
export interface Source<S extends SourceState> {
  /** 'feed', 'mastodon', 'bluesky'… */
  readonly kind: string;
  poll(state: S, context: PollContext): AsyncIterable<SourceBatch<S>>;
}

export interface BackoffOptions {
  /** Delay after the first failure. */
  baseMs: number;
  /** The delay never grows beyond this. */
  maxMs: number;
  /** Never wait longer than this for a Retry-After (a server may ask for absurd delays). */
  maxRetryAfterMs: number;
}

export const BACKOFF_DEFAULTS: BackoffOptions = {
  baseMs: 60_000,
  maxMs: 24 * 3_600_000,
  maxRetryAfterMs: 7 * 24 * 3_600_000,
};

/**
 * The delay after the n-th consecutive failure: base·2^(n−1), capped, with "equal jitter" — half
 * fixed, half random — so that sources failing together do not retry together, yet the delay
 * still grows. E.g. base 60 s: 30–60 s, 60–120 s, 120–240 s…
 */
export function backoffDelay(failures: number, random: () => number, options: BackoffOptions = BACKOFF_DEFAULTS): number {
  if (failures <= 0) return 0;
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(failures - 1, 52));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** The state after a successful poll: failures reset, next poll one interval later. */
export function afterSuccess<S extends SourceState>(state: S, now: number, intervalMs: number): S {
  return { ...state, consecutiveFailures: 0, nextAttemptAt: now + intervalMs, lastSuccessAt: now, lastFailure: null };
}

/** The state after a failed poll: one more failure, next poll after the back-off or the server's Retry-After, whichever is later. */
export function afterFailure<S extends SourceState>(state: S, failure: SourceFailure, now: number, random: () => number, options: BackoffOptions = BACKOFF_DEFAULTS): S {
  const failures = state.consecutiveFailures + 1;
  const retryAfter = failure.retryAfterMs === null ? 0 : Math.min(failure.retryAfterMs, options.maxRetryAfterMs);
  const delay = Math.max(backoffDelay(failures, random, options), retryAfter);
  return { ...state, consecutiveFailures: failures, nextAttemptAt: now + delay, lastFailure: failure };
}

/**
 * Why a source should be paused, or null: it has failed `maxFailures` times in a row, or it
 * failed in a way that retrying cannot fix (gone, or credentials to renew).
 */
export function pauseReason(state: SourceState, maxFailures = 10): string | null {
  const last = state.lastFailure;
  if (last === null) return null;
  if (last.code === 'http-410') return `The source is gone (HTTP 410): ${last.message}`;
  if (last.kind === 'auth-expired' && state.consecutiveFailures >= 3) return `Access refused ${state.consecutiveFailures} times: ${last.message}`;
  if (state.consecutiveFailures >= maxFailures) return `Failed ${state.consecutiveFailures} times in a row; last: ${last.message}`;
  return null;
}

// The source contract's back-off: growth with jitter, the cap, Retry-After, reset on success, pausing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { afterFailure, afterSuccess, BACKOFF_DEFAULTS, backoffDelay, pauseReason, type SourceFailure, type SourceState } from '../../../src/listen/sources/source.ts';

const fresh: SourceState = { consecutiveFailures: 0, nextAttemptAt: 0, lastSuccessAt: null, lastFailure: null };
const failure = (extra: Partial<SourceFailure> = {}): SourceFailure => ({ kind: 'unavailable', code: 'http-503', message: 'down', status: 503, retryAfterMs: null, at: 0, ...extra });
const options = { baseMs: 1_000, maxMs: 60_000, maxRetryAfterMs: 3_600_000 };

test('the delay doubles per failure, between half and all of base·2^(n−1), up to the cap', () => {
  for (let n = 1; n <= 12; n++) {
    const ceiling = Math.min(60_000, 1_000 * 2 ** (n - 1));
    assert.equal(backoffDelay(n, () => 0, options), ceiling / 2, `n=${n} low`);
    assert.equal(backoffDelay(n, () => 0.999999, options), Math.round(ceiling / 2 + 0.999999 * (ceiling / 2)), `n=${n} high`);
  }
  assert.equal(backoffDelay(0, () => 0.5, options), 0);
  assert.equal(backoffDelay(10_000, () => 1, options), 60_000); // no overflow
  // Jitter spreads retries: 100 draws of a seeded generator give many distinct delays.
  let seed = 42;
  const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  assert.ok(new Set(Array.from({ length: 100 }, () => backoffDelay(5, random, options))).size > 50);
});

test('failures grow the back-off; a success resets it and schedules the next poll an interval later', () => {
  let state = fresh;
  const delays: number[] = [];
  let now = 1_000_000;
  for (let i = 0; i < 8; i++) {
    state = afterFailure(state, failure({ at: now }), now, () => 0, options);
    delays.push(state.nextAttemptAt - now);
    now = state.nextAttemptAt;
  }
  assert.deepEqual(delays, [500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  assert.equal(state.consecutiveFailures, 8);
  assert.equal(state.lastFailure?.code, 'http-503');
  state = afterSuccess(state, now, 900_000);
  assert.deepEqual(state, { consecutiveFailures: 0, nextAttemptAt: now + 900_000, lastSuccessAt: now, lastFailure: null });
  state = afterFailure(state, failure(), now, () => 0, options);
  assert.equal(state.nextAttemptAt - now, 500);
});

test('Retry-After is honoured (never retry earlier), and capped', () => {
  const a = afterFailure(fresh, failure({ kind: 'rate-limited', code: 'http-429', retryAfterMs: 120_000 }), 0, () => 0, options);
  assert.equal(a.nextAttemptAt, 120_000);
  const b = afterFailure({ ...fresh, consecutiveFailures: 10 }, failure({ retryAfterMs: 2_000 }), 0, () => 0, options);
  assert.equal(b.nextAttemptAt, 30_000); // the back-off is longer than Retry-After here
  const c = afterFailure(fresh, failure({ retryAfterMs: 10 * 86_400_000 }), 0, () => 0, options);
  assert.equal(c.nextAttemptAt, 3_600_000);
  assert.equal(BACKOFF_DEFAULTS.maxRetryAfterMs, 7 * 86_400_000);
});

test('a source that keeps failing is paused with its reason', () => {
  assert.equal(pauseReason(fresh), null);
  assert.equal(pauseReason({ ...fresh, consecutiveFailures: 3, lastFailure: failure() }), null);
  assert.match(pauseReason({ ...fresh, consecutiveFailures: 10, lastFailure: failure() }) ?? '', /Failed 10 times in a row; last: down/);
  assert.match(pauseReason({ ...fresh, consecutiveFailures: 1, lastFailure: failure({ kind: 'rejected', code: 'http-410', message: 'gone' }) }) ?? '', /gone \(HTTP 410\)/);
  assert.match(pauseReason({ ...fresh, consecutiveFailures: 3, lastFailure: failure({ kind: 'auth-expired', code: 'http-401' }) }) ?? '', /Access refused 3 times/);
});

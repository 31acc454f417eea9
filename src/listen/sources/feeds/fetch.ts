// Polling one feed: the I/O edge of feed sources. A conditional GET (If-None-Match /
// If-Modified-Since from the last answer; a 304 costs the server nothing), redirects (a 301/308
// chain moves the stored URL for good), the SSRF guard, parsing, and the state the caller
// persists with the batch: validators, fingerprints of the items already yielded, back-off.
import { createHash } from 'node:crypto';
import type { MentionInput, SourceType } from '../../model.ts';
import { afterFailure, afterSuccess, BACKOFF_DEFAULTS, type BackoffOptions, type PollContext, type Source, type SourceBatch, type SourceFailure, type SourceState } from '../source.ts';
import type { Resolver } from './address.ts';
import { FetchFailure, guardedGet } from './http-get.ts';
import { parseFeed } from './parse.ts';

/** What a feed source persists between polls. */
export interface FeedState extends SourceState {
  /** The feed URL; a permanent redirect (301/308) updates it. */
  url: string;
  /** The URL the source was created with: it scopes entry ids that are not globally unique
   * ("123"), and never changes, so that a feed that moves keeps its entries' ids. */
  idScope: string;
  /** Validators of the last 200 answer, sent back for a conditional GET. */
  etag: string | null;
  lastModified: string | null;
  /** Fingerprints of the items of the last fetch: unchanged items are not yielded again. */
  seen: string[];
}

export interface FeedSourceOptions {
  /** 'blog' (default), 'news' or 'forum': the source type of every mention. */
  sourceType?: SourceType;
  /** Time between two successful polls. */
  intervalMs?: number;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
  /** Admin setting: allow feeds on loopback and private addresses (off: such URLs are refused). */
  allowPrivate?: boolean;
  /** Admin setting: private networks allowed all the same, as CIDR ("10.1.0.0/16"). */
  allowedNetworks?: readonly string[];
  backoff?: BackoffOptions;
  /** Jitter source for the back-off; Math.random by default. */
  random?: () => number;
  /** DNS resolver (tests inject one); the system's by default. */
  resolve?: Resolver;
}

export const FEED_DEFAULTS = {
  sourceType: 'blog' as SourceType,
  intervalMs: 15 * 60_000,
  timeoutMs: 30_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'relais-feed-fetcher/0.1 (self-hosted social listening; +https://github.com/relais)',
  maxSeen: 2_000,
};

const ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

/** The state of a feed never polled: due at once. */
export function initialFeedState(url: string): FeedState {
  return { url, idScope: url, etag: null, lastModified: null, seen: [], consecutiveFailures: 0, nextAttemptAt: 0, lastSuccessAt: null, lastFailure: null };
}

/**
 * A short digest of what a mention says: the same item unchanged has the same fingerprint. The
 * date is left out: an undated entry is dated when first seen and must not come back with a new
 * date at every poll.
 */
export function mentionFingerprint(m: MentionInput): string {
  return createHash('sha256').update(JSON.stringify([m.networkId, m.url, m.title, m.text, m.author?.displayName ?? null])).digest('base64url').slice(0, 16);
}

function header(value: string | string[] | undefined): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  return v && v.trim() !== '' ? v.trim() : null;
}

/**
 * Polls one feed once and returns the batch to store: new or changed mentions, per-item problems,
 * and the next state; a failure is reported in the batch, never thrown.
 */
export async function pollFeed(state: FeedState, options: FeedSourceOptions, context: PollContext): Promise<SourceBatch<FeedState>> {
  const { now } = context;
  const random = options.random ?? Math.random;
  const backoff = options.backoff ?? BACKOFF_DEFAULTS;
  const fail = (e: FetchFailure): SourceBatch<FeedState> => {
    const failure: SourceFailure = { kind: e.kind, code: e.code, message: e.message, status: e.status, retryAfterMs: e.retryAfterMs, at: now };
    return { mentions: [], problems: [], state: afterFailure(state, failure, now, random, backoff), failure };
  };
  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? FEED_DEFAULTS.userAgent,
    accept: ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (state.etag) headers['if-none-match'] = state.etag;
  if (state.lastModified) headers['if-modified-since'] = state.lastModified;

  let answer: Awaited<ReturnType<typeof guardedGet>>;
  try {
    answer = await guardedGet(state.url, {
      headers, now,
      timeoutMs: options.timeoutMs ?? FEED_DEFAULTS.timeoutMs,
      maxBytes: options.maxBytes ?? FEED_DEFAULTS.maxBytes,
      maxRedirects: options.maxRedirects ?? FEED_DEFAULTS.maxRedirects,
      allowPrivate: options.allowPrivate ?? false,
      allowedNetworks: options.allowedNetworks ?? [],
      resolve: options.resolve,
      signal: context.signal,
    });
  } catch (e) {
    if (e instanceof FetchFailure) return fail(e);
    throw e;
  }
  const intervalMs = options.intervalMs ?? FEED_DEFAULTS.intervalMs;
  const url = answer.permanentUrl ?? state.url;
  if (answer.status === 304) {
    const next: FeedState = { ...state, url, etag: header(answer.headers.etag) ?? state.etag, lastModified: header(answer.headers['last-modified']) ?? state.lastModified };
    return { mentions: [], problems: [], state: afterSuccess(next, now, intervalMs), failure: null };
  }

  const contentType = header(answer.headers['content-type']);
  const parsed = parseFeed(answer.body, { url: answer.url, sourceUrl: state.idScope, now, contentType, sourceType: options.sourceType ?? FEED_DEFAULTS.sourceType });
  if (parsed.feed === null) {
    const why = parsed.problems.find((p) => p.severity === 'error' && p.itemIndex === null);
    // Validators are not kept: a later 304 must not hide a feed that has been fixed.
    const batch = fail(new FetchFailure('rejected', 'not-a-feed', why?.message ?? 'The answer is not a feed.', { status: answer.status }));
    return { ...batch, problems: parsed.problems };
  }
  const seen = new Set(state.seen);
  const fingerprints = parsed.mentions.map(mentionFingerprint);
  const fresh = parsed.mentions.filter((_, i) => !seen.has(fingerprints[i] as string));
  const next: FeedState = {
    ...state, url,
    etag: header(answer.headers.etag),
    lastModified: header(answer.headers['last-modified']),
    seen: fingerprints.slice(0, FEED_DEFAULTS.maxSeen),
  };
  return { mentions: fresh, problems: parsed.problems, state: afterSuccess(next, now, intervalMs), failure: null };
}

/**
 * A feed as a Listen source: each poll yields one batch. E.g.
 * `for await (const batch of feedSource({ sourceType: 'news' }).poll(state, { now: Date.now() })) store(batch)`.
 */
export function feedSource(options: FeedSourceOptions = {}): Source<FeedState> {
  return {
    kind: 'feed',
    async *poll(state, context) {
      yield await pollFeed(state, options, context);
    },
  };
}

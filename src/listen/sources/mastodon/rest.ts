// Polling a Mastodon instance over REST: a hashtag timeline (GET /api/v1/timelines/tag/:hashtag),
// the public timeline (GET /api/v1/timelines/public) or a search (GET /api/v2/search?type=statuses).
// https://docs.joinmastodon.org/methods/timelines/ and /methods/search/
//
// Pagination (https://docs.joinmastodon.org/api/guidelines/#pagination): the first poll reads
// the newest page; later polls ask for `min_id` = the newest id seen, which returns the page just
// after it, and follow the Link header's rel="prev" (newer) until a short page or `maxPages`.
// Rate limits (https://docs.joinmastodon.org/api/rate-limits/): X-RateLimit-Remaining low →
// stop paging and do not poll again before X-RateLimit-Reset; a 429 waits for the reset.
import type { MentionInput, SourceType } from '../../model.ts';
import { afterFailure, afterSuccess, BACKOFF_DEFAULTS, type BackoffOptions, type PollContext, type SourceBatch, type SourceFailure, type SourceProblem, type SourceState } from '../source.ts';
import type { Resolver } from '../feeds/address.ts';
import { FetchFailure, rateLimitReset } from '../feeds/http-get.ts';
import { getJson, headerValue } from '../http-json.ts';
import { statusToMention } from './status.ts';

export type MastodonMode = 'tag' | 'public' | 'search';

export interface MastodonOptions {
  /** The instance's origin, e.g. https://mastodon.social. */
  instance: string;
  mode: MastodonMode;
  /** mode 'tag': the hashtag, without '#'. */
  tag?: string | null;
  /** mode 'search': the query. */
  query?: string | null;
  /** mode 'public' and 'tag': only the instance's own statuses. */
  local?: boolean;
  /** An access token (read:statuses); search needs one on most instances. */
  token?: string | null;
  sourceType?: SourceType;
  intervalMs?: number;
  /** Pages read per poll at most (40 statuses each). */
  maxPages?: number;
  allowPrivate?: boolean;
  timeoutMs?: number;
  resolve?: Resolver;
  random?: () => number;
  backoff?: BackoffOptions;
}

export interface MastodonState extends SourceState {
  /** The newest status id seen: the next poll asks for what came after it. */
  minId: string | null;
}

export const MASTODON_DEFAULTS = { intervalMs: 5 * 60_000, maxPages: 5, pageSize: 40, lowRemaining: 2 };

export function initialMastodonState(): MastodonState {
  return { minId: null, consecutiveFailures: 0, nextAttemptAt: 0, lastSuccessAt: null, lastFailure: null };
}

/** Snowflake ids compare as numbers; anything else as text. */
export function newerId(a: string | null, b: string): string {
  if (a === null) return b;
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return BigInt(b) > BigInt(a) ? b : a;
  return b > a ? b : a;
}

/** The URL of the first page to read, per mode. */
export function mastodonUrl(options: MastodonOptions, minId: string | null): string {
  const base = new URL(options.instance).origin;
  let url: URL;
  if (options.mode === 'tag') {
    const tag = (options.tag ?? '').replace(/^#/, '');
    url = new URL(`${base}/api/v1/timelines/tag/${encodeURIComponent(tag)}`);
  } else if (options.mode === 'public') url = new URL(`${base}/api/v1/timelines/public`);
  else {
    url = new URL(`${base}/api/v2/search`);
    url.searchParams.set('q', options.query ?? '');
    url.searchParams.set('type', 'statuses');
    url.searchParams.set('resolve', 'false');
  }
  if (options.local && options.mode !== 'search') url.searchParams.set('local', 'true');
  url.searchParams.set('limit', String(MASTODON_DEFAULTS.pageSize));
  if (minId) url.searchParams.set('min_id', minId);
  return url.href;
}

/** The targets of an RFC 8288 Link header by relation, e.g. { next: '…?max_id=1', prev: '…?min_id=9' }. */
export function parseLinkHeader(value: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!value) return out;
  for (const m of value.matchAll(/<([^>]*)>\s*((?:;\s*[^;,]+)*)/g)) {
    const rel = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(m[2] ?? '');
    if (rel) for (const r of (rel[1] as string).trim().split(/\s+/)) out[r.toLowerCase()] = m[1] as string;
  }
  return out;
}

/**
 * Polls once: reads the pages newer than `state.minId`, maps their statuses, and returns one
 * batch. A failure after some pages keeps those pages (and their position) and reports it.
 */
export async function pollMastodon(state: MastodonState, options: MastodonOptions, context: PollContext): Promise<SourceBatch<MastodonState>> {
  const { now } = context;
  const origin = new URL(options.instance).origin;
  const mentions: MentionInput[] = [];
  const problems: SourceProblem[] = [];
  let minId = state.minId;
  let url: string | null = mastodonUrl(options, minId);
  let waitUntil = 0;
  let failure: SourceFailure | null = null;
  const maxPages = options.maxPages ?? MASTODON_DEFAULTS.maxPages;
  for (let page = 0; url !== null && page < maxPages; page++) {
    let answer: Awaited<ReturnType<typeof getJson>>;
    try {
      answer = await getJson(url, { token: options.token, now, allowPrivate: options.allowPrivate, timeoutMs: options.timeoutMs, resolve: options.resolve, signal: context.signal });
    } catch (e) {
      if (!(e instanceof FetchFailure)) throw e;
      failure = { kind: e.kind, code: e.code, message: e.message, status: e.status, retryAfterMs: e.retryAfterMs, at: now };
      break;
    }
    const list = options.mode === 'search' ? (answer.body as { statuses?: unknown }).statuses : answer.body;
    if (!Array.isArray(list)) {
      failure = { kind: 'rejected', code: 'not-statuses', message: `${new URL(url).pathname} did not answer a list of statuses.`, status: 200, retryAfterMs: null, at: now };
      break;
    }
    const offset = mentions.length + problems.length;
    list.forEach((item: unknown, i) => {
      const { mention, problem } = statusToMention(item, { instance: origin, sourceType: options.sourceType }, offset + i);
      if (mention) mentions.push(mention);
      if (problem) problems.push(problem);
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id === 'string') minId = newerId(minId, id);
    });
    const remaining = Number(headerValue(answer.headers, 'x-ratelimit-remaining'));
    if (Number.isFinite(remaining) && remaining <= MASTODON_DEFAULTS.lowRemaining) {
      waitUntil = now + (rateLimitReset(answer.headers['x-ratelimit-reset'], now) ?? 5 * 60_000);
      break;
    }
    // The first poll reads only the newest page; after that, pages run forward in time.
    if (state.minId === null || list.length < MASTODON_DEFAULTS.pageSize) break;
    const prev = parseLinkHeader(headerValue(answer.headers, 'link')).prev;
    // Search answers carry no Link header: continue from the newest id read.
    url = prev && new URL(prev, url).origin === origin ? new URL(prev, url).href : options.mode === 'search' ? mastodonUrl(options, minId) : null;
  }
  const next: MastodonState = { ...state, minId };
  if (failure) return { mentions, problems, state: afterFailure(next, failure, now, options.random ?? Math.random, options.backoff ?? BACKOFF_DEFAULTS), failure };
  const done = afterSuccess(next, now, options.intervalMs ?? MASTODON_DEFAULTS.intervalMs);
  return { mentions, problems, state: { ...done, nextAttemptAt: Math.max(done.nextAttemptAt, waitUntil) }, failure: null };
}

// Polling app.bsky.feed.searchPosts over XRPC
// (https://docs.bsky.app/docs/api/app-bsky-feed-search-posts): GET
// /xrpc/app.bsky.feed.searchPosts?q=&sort=latest&limit=&cursor=&since= → { posts: [postView],
// cursor }. Newest first; a poll reads pages until it reaches the posts of the previous poll
// (`since`, the newest indexedAt seen, is also sent so the AppView stops there) or `maxPages`.
import type { MentionInput, SourceType } from '../../model.ts';
import { afterFailure, afterSuccess, BACKOFF_DEFAULTS, type BackoffOptions, type PollContext, type SourceBatch, type SourceFailure, type SourceProblem, type SourceState } from '../source.ts';
import type { Resolver } from '../feeds/address.ts';
import { FetchFailure } from '../feeds/http-get.ts';
import { getJson } from '../http-json.ts';
import { postViewToMention } from './post.ts';

export interface BlueskySearchOptions {
  /** The AppView (or PDS proxying it), e.g. https://public.api.bsky.app. */
  service: string;
  query: string;
  /** An access JWT, when the AppView asks for one. */
  token?: string | null;
  sourceType?: SourceType;
  intervalMs?: number;
  maxPages?: number;
  allowPrivate?: boolean;
  timeoutMs?: number;
  resolve?: Resolver;
  random?: () => number;
  backoff?: BackoffOptions;
}

export interface BlueskySearchState extends SourceState {
  /** The newest indexedAt (ISO 8601) read so far. */
  since: string | null;
}

export const BLUESKY_SEARCH_DEFAULTS = { intervalMs: 5 * 60_000, maxPages: 5, pageSize: 100 };

export function initialBlueskySearchState(): BlueskySearchState {
  return { since: null, consecutiveFailures: 0, nextAttemptAt: 0, lastSuccessAt: null, lastFailure: null };
}

export function searchPostsUrl(options: BlueskySearchOptions, since: string | null, cursor: string | null): string {
  const url = new URL('/xrpc/app.bsky.feed.searchPosts', new URL(options.service).origin);
  url.searchParams.set('q', options.query);
  url.searchParams.set('sort', 'latest');
  url.searchParams.set('limit', String(BLUESKY_SEARCH_DEFAULTS.pageSize));
  if (since) url.searchParams.set('since', since);
  if (cursor) url.searchParams.set('cursor', cursor);
  return url.href;
}

export async function pollBlueskySearch(state: BlueskySearchState, options: BlueskySearchOptions, context: PollContext): Promise<SourceBatch<BlueskySearchState>> {
  const { now } = context;
  const mentions: MentionInput[] = [];
  const problems: SourceProblem[] = [];
  let newest = state.since;
  let cursor: string | null = null;
  let failure: SourceFailure | null = null;
  const maxPages = state.since === null ? 1 : (options.maxPages ?? BLUESKY_SEARCH_DEFAULTS.maxPages);
  let index = 0;
  for (let page = 0; page < maxPages; page++) {
    let body: { posts?: unknown; cursor?: unknown };
    try {
      body = (await getJson(searchPostsUrl(options, state.since, cursor), { token: options.token, now, allowPrivate: options.allowPrivate, timeoutMs: options.timeoutMs, resolve: options.resolve, signal: context.signal })).body as typeof body;
    } catch (e) {
      if (!(e instanceof FetchFailure)) throw e;
      failure = { kind: e.kind, code: e.code, message: e.message, status: e.status, retryAfterMs: e.retryAfterMs, at: now };
      break;
    }
    if (typeof body !== 'object' || body === null || !Array.isArray(body.posts)) {
      failure = { kind: 'rejected', code: 'not-posts', message: 'searchPosts did not answer { posts: [...] }.', status: 200, retryAfterMs: null, at: now };
      break;
    }
    let reachedKnown = false;
    for (const post of body.posts as unknown[]) {
      const indexedAt = (post as { indexedAt?: unknown } | null)?.indexedAt;
      if (typeof indexedAt === 'string' && state.since !== null && indexedAt <= state.since) reachedKnown = true;
      const { mention, problem } = postViewToMention(post, { sourceType: options.sourceType, itemIndex: index++ });
      if (mention) mentions.push(mention);
      if (problem) problems.push(problem);
      if (typeof indexedAt === 'string' && (newest === null || indexedAt > newest)) newest = indexedAt;
    }
    cursor = typeof body.cursor === 'string' && body.cursor !== '' ? body.cursor : null;
    if (reachedKnown || cursor === null || body.posts.length === 0) break;
  }
  const next: BlueskySearchState = { ...state, since: newest };
  if (failure) return { mentions, problems, state: afterFailure(next, failure, now, options.random ?? Math.random, options.backoff ?? BACKOFF_DEFAULTS), failure };
  return { mentions, problems, state: afterSuccess(next, now, options.intervalMs ?? BLUESKY_SEARCH_DEFAULTS.intervalMs), failure: null };
}

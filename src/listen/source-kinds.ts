// The kinds of sources Listen follows, and what each keeps: its options (checked when added),
// the URL that names it (unique per workspace and kind), its first state, and how it is polled.
// Streams (Mastodon's streaming API, Bluesky's Jetstream) run in streams.ts; their sources are
// still polled here — a Mastodon stream's REST timeline fills the stream's gaps, a Jetstream
// source's poll only keeps its stream job alive.
import { RelaisError } from '../platform/errors.ts';
import type { SourceType } from './model.ts';
import {
  type BlueskySearchState, type FeedSourceOptions, type FeedState, initialBlueskySearchState, initialFeedState, initialMastodonState, jetstreamUrl,
  type MastodonMode, mastodonUrl, type MastodonState, pollBlueskySearch, pollFeed, pollMastodon, searchPostsUrl, type SourceBatch, type SourceState,
} from './sources/index.ts';

export const SOURCE_KINDS = ['feed', 'mastodon', 'bluesky'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** What every source's options hold. */
export interface CommonOptions {
  sourceType: SourceType;
  intervalMs: number;
  /** Servers on loopback or private addresses: an administrator's choice, off by default. */
  allowPrivate: boolean;
}

export type FeedOptions = CommonOptions;

export interface MastodonSourceOptions extends CommonOptions {
  instance: string;
  mode: MastodonMode;
  tag: string | null;
  query: string | null;
  local: boolean;
  /** Also follow the streaming API (hashtag and public timelines). */
  stream: boolean;
  token: string | null;
  streamingUrl: string | null;
}

export interface BlueskySourceOptions extends CommonOptions {
  mode: 'search' | 'jetstream';
  /** search: the AppView. */
  service: string;
  query: string | null;
  /** jetstream: the Jetstream server, and the keywords/#hashtags a post must have. */
  endpoint: string;
  keywords: string[];
  token: string | null;
}

export type AnySourceOptions = FeedOptions | MastodonSourceOptions | BlueskySourceOptions;

/** Jetstream's state: where to resume. */
export interface JetstreamState extends SourceState {
  cursor: number | null;
}

export const SOURCE_DEFAULTS = {
  feed: { sourceType: 'blog' as SourceType, intervalMs: 15 * 60_000 },
  mastodon: { sourceType: 'microblog' as SourceType, intervalMs: 5 * 60_000 },
  bluesky: { sourceType: 'microblog' as SourceType, intervalMs: 5 * 60_000, service: 'https://public.api.bsky.app', endpoint: 'wss://jetstream2.us-east.bsky.network' },
  /** A streaming source's poll checks its stream every minute. */
  streamCheckMs: 60_000,
};

function httpUrl(value: string, field: string, protocols = ['http:', 'https:']): URL {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new RelaisError('RELAIS_REQUEST_INVALID', `"${value}" is not a URL.`, { field });
  }
  if (!protocols.includes(parsed.protocol)) throw new RelaisError('RELAIS_REQUEST_INVALID', `${field} must start with ${protocols.map((p) => `${p}//`).join(' or ')}, not ${parsed.protocol}`, { field });
  return parsed;
}

export function checkFeedUrl(url: string, field: string): string {
  return httpUrl(url, field).toString();
}

export interface MastodonInput {
  instance: string;
  mode?: MastodonMode;
  tag?: string | null;
  query?: string | null;
  local?: boolean;
  stream?: boolean;
  token?: string | null;
  streamingUrl?: string | null;
}

export function mastodonOptions(input: MastodonInput, common: CommonOptions): { url: string; options: MastodonSourceOptions } {
  const instance = httpUrl(input.instance.includes('://') ? input.instance : `https://${input.instance}`, 'instance').origin;
  const tag = input.tag?.trim().replace(/^#/, '') || null;
  const query = input.query?.trim() || null;
  const mode: MastodonMode = input.mode ?? (tag ? 'tag' : query ? 'search' : 'public');
  if (mode === 'tag' && (!tag || !/^[\p{L}\p{N}_]+$/u.test(tag))) throw new RelaisError('RELAIS_REQUEST_INVALID', `A hashtag is letters, digits and underscores: "${input.tag ?? ''}".`, { field: 'tag' });
  if (mode === 'search' && !query) throw new RelaisError('RELAIS_REQUEST_INVALID', 'A Mastodon search needs a query.', { field: 'query' });
  const stream = Boolean(input.stream) && mode !== 'search';
  if (input.stream && mode === 'search') throw new RelaisError('RELAIS_REQUEST_INVALID', 'Mastodon streams hashtags and the public timeline, not searches.', { field: 'stream' });
  const options: MastodonSourceOptions = { ...common, instance, mode, tag: mode === 'tag' ? tag : null, query: mode === 'search' ? query : null, local: Boolean(input.local), stream, token: input.token?.trim() || null, streamingUrl: input.streamingUrl ? httpUrl(input.streamingUrl, 'streamingUrl').origin : null };
  return { url: mastodonUrl(options, null), options };
}

export interface BlueskyInput {
  mode?: 'search' | 'jetstream';
  query?: string | null;
  keywords?: string[];
  service?: string | null;
  endpoint?: string | null;
  token?: string | null;
}

export function blueskyOptions(input: BlueskyInput, common: CommonOptions): { url: string; options: BlueskySourceOptions } {
  const mode = input.mode ?? (input.query ? 'search' : 'jetstream');
  const service = httpUrl(input.service || SOURCE_DEFAULTS.bluesky.service, 'service').origin;
  const endpoint = httpUrl(input.endpoint || SOURCE_DEFAULTS.bluesky.endpoint, 'endpoint', ['ws:', 'wss:', 'http:', 'https:']).origin.replace(/^http/, 'ws');
  const keywords = [...new Set((input.keywords ?? []).map((k) => k.trim()).filter(Boolean))];
  const query = input.query?.trim() || null;
  if (mode === 'search' && !query) throw new RelaisError('RELAIS_REQUEST_INVALID', 'A Bluesky search needs a query.', { field: 'query' });
  if (mode === 'jetstream' && keywords.length === 0) throw new RelaisError('RELAIS_REQUEST_INVALID', 'Jetstream sends every post of the network: give the keywords or #hashtags to keep.', { field: 'keywords' });
  const options: BlueskySourceOptions = { ...common, mode, service, query: mode === 'search' ? query : null, endpoint, keywords: mode === 'jetstream' ? keywords : [], token: input.token?.trim() || null };
  const url = mode === 'search' ? searchPostsUrl({ service, query: query as string }, null, null) : `${jetstreamUrl(endpoint, null)}#${encodeURIComponent(keywords.join(' '))}`;
  return { url, options };
}

export function initialState(kind: string, url: string, options: AnySourceOptions): SourceState {
  if (kind === 'mastodon') return initialMastodonState();
  if (kind === 'bluesky') {
    const jetstream: JetstreamState = { cursor: null, consecutiveFailures: 0, nextAttemptAt: 0, lastSuccessAt: null, lastFailure: null };
    return (options as BlueskySourceOptions).mode === 'search' ? initialBlueskySearchState() : jetstream;
  }
  return initialFeedState(url);
}

/** Whether the source has a stream job. */
export function streams(kind: string, options: AnySourceOptions): boolean {
  return (kind === 'mastodon' && (options as MastodonSourceOptions).stream) || (kind === 'bluesky' && (options as BlueskySourceOptions).mode === 'jetstream');
}

/** Options as the API shows them: the token is never sent back, only whether there is one. */
export function publicOptions(options: AnySourceOptions): Record<string, unknown> {
  const { token, ...rest } = options as AnySourceOptions & { token?: string | null };
  return 'token' in options ? { ...rest, hasToken: Boolean(token) } : rest;
}

/** Polls a source of any kind once. */
export async function pollOnce(kind: string, state: SourceState, options: AnySourceOptions, context: { now: number; signal?: AbortSignal; feed?: Partial<FeedSourceOptions> }): Promise<SourceBatch<SourceState> & { url?: string }> {
  const poll = { now: context.now, signal: context.signal };
  const common = { sourceType: options.sourceType, intervalMs: options.intervalMs, allowPrivate: options.allowPrivate, resolve: context.feed?.resolve, random: context.feed?.random, timeoutMs: context.feed?.timeoutMs };
  if (kind === 'mastodon') return pollMastodon(state as MastodonState, { ...(options as MastodonSourceOptions), ...common }, poll);
  if (kind === 'bluesky') {
    const o = options as BlueskySourceOptions;
    if (o.mode === 'search') return pollBlueskySearch(state as BlueskySearchState, { ...o, query: o.query ?? '', ...common }, poll);
    // The stream does the work; this poll comes back every minute to keep it running.
    return { mentions: [], problems: [], state: { ...state, nextAttemptAt: context.now + SOURCE_DEFAULTS.streamCheckMs }, failure: null };
  }
  const batch = await pollFeed(state as FeedState, { ...context.feed, sourceType: options.sourceType, intervalMs: options.intervalMs, allowPrivate: options.allowPrivate }, poll);
  return { ...batch, url: batch.state.url };
}

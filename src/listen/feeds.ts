// Sources as Listen keeps them (feeds, Mastodon, Bluesky): added (a feed URL, an OPML list, a
// Mastodon hashtag or search, a Bluesky search or keywords on Jetstream), polled when due, their
// mentions ingested and their problems logged, paused with the reason when they keep failing.
// Streams (streams.ts) store what they receive through `recordBatch` too.
import type { Kysely, Selectable } from 'kysely';
import type { PlatformTables } from '../platform/db/schema.ts';
import { RelaisError } from '../platform/errors.ts';
import { ingestMentions, type Enricher } from './ingest.ts';
import type { MentionInput } from './model.ts';
import { parseOpml, pauseReason, type FeedSourceOptions, type SourceFailure, type SourceProblem, type SourceState } from './sources/index.ts';
import { type AnySourceOptions, blueskyOptions, type BlueskyInput, checkFeedUrl, type CommonOptions, type FeedOptions, initialState, mastodonOptions, type MastodonInput, pollOnce, publicOptions, SOURCE_DEFAULTS, type SourceKind } from './source-kinds.ts';
import type { ListenTables, SourceTable } from './tables.ts';
import type { TopicIndex } from './topics.ts';

type Db = Kysely<PlatformTables>;
const ldb = (db: Db) => db.withTables<ListenTables>();

export type { FeedOptions } from './source-kinds.ts';

export interface SourceView {
  id: number;
  kind: string;
  name: string;
  url: string;
  /** The kind's options, the token left out (`hasToken` says whether there is one). */
  options: CommonOptions & Record<string, unknown>;
  status: 'active' | 'paused';
  pausedReason: string | null;
  nextPollAt: number;
  lastPolledAt: number | null;
  consecutiveFailures: number;
  lastError: string | null;
}

function view(row: Selectable<SourceTable>): SourceView {
  const state = JSON.parse(row.state) as SourceState;
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    url: row.url,
    options: publicOptions(JSON.parse(row.options) as AnySourceOptions) as CommonOptions & Record<string, unknown>,
    status: row.status,
    pausedReason: row.paused_reason,
    nextPollAt: row.next_poll_at,
    lastPolledAt: row.last_polled_at,
    consecutiveFailures: state.consecutiveFailures,
    lastError: state.lastFailure?.message ?? null,
  };
}

function commonOptions(kind: SourceKind, given: Partial<CommonOptions> = {}): CommonOptions {
  const options: CommonOptions = { sourceType: SOURCE_DEFAULTS[kind].sourceType, intervalMs: SOURCE_DEFAULTS[kind].intervalMs, allowPrivate: false, ...given };
  if (options.intervalMs < 60_000) throw new RelaisError('RELAIS_REQUEST_INVALID', 'A source is polled at most once a minute.', { field: 'intervalMs' });
  return options;
}

async function insertSource(db: Db, workspaceId: number, kind: SourceKind, url: string, name: string, options: AnySourceOptions, now: number): Promise<SourceView> {
  const exists = await ldb(db).selectFrom('sources').select('id').where('workspace_id', '=', workspaceId).where('kind', '=', kind).where('url', '=', url).executeTakeFirst();
  if (exists) throw new RelaisError('RELAIS_CONFLICT', `${url} is a source of this workspace already (source ${exists.id}).`, { field: 'url' });
  const row = await ldb(db)
    .insertInto('sources')
    .values({ workspace_id: workspaceId, kind, name, url, options: JSON.stringify(options), state: JSON.stringify(initialState(kind, url, options)), status: 'active', paused_reason: null, next_poll_at: now, last_polled_at: null, created_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return view(row);
}

export async function addFeed(db: Db, workspaceId: number, input: { url: string; name?: string; options?: Partial<FeedOptions> }, now: number): Promise<SourceView> {
  const url = checkFeedUrl(input.url, 'url');
  return insertSource(db, workspaceId, 'feed', url, input.name?.trim() || new URL(url).host, commonOptions('feed', input.options), now);
}

/** Adds a Mastodon hashtag timeline, public timeline or search, e.g. { instance: 'mastodon.social', tag: 'relais', stream: true }. */
export async function addMastodon(db: Db, workspaceId: number, input: MastodonInput & { name?: string; options?: Partial<CommonOptions> }, now: number): Promise<SourceView> {
  const { url, options } = mastodonOptions(input, commonOptions('mastodon', input.options));
  const what = options.mode === 'tag' ? `#${options.tag}` : options.mode === 'search' ? `"${options.query}"` : options.local ? 'local timeline' : 'public timeline';
  return insertSource(db, workspaceId, 'mastodon', url, input.name?.trim() || `${what} on ${new URL(options.instance).host}`, options, now);
}

/** Adds a Bluesky search (searchPosts) or keywords followed on Jetstream. */
export async function addBluesky(db: Db, workspaceId: number, input: BlueskyInput & { name?: string; options?: Partial<CommonOptions> }, now: number): Promise<SourceView> {
  const { url, options } = blueskyOptions(input, commonOptions('bluesky', input.options));
  const what = options.mode === 'search' ? `"${options.query}"` : options.keywords.join(' ');
  return insertSource(db, workspaceId, 'bluesky', url, input.name?.trim() || `Bluesky ${options.mode === 'search' ? 'search' : 'stream'}: ${what}`, options, now);
}

/** Adds every feed of an OPML file; feeds already there and bad outlines are reported, not fatal. */
export async function importOpml(db: Db, workspaceId: number, opml: string, options: Partial<FeedOptions>, now: number): Promise<{ added: SourceView[]; skipped: Array<{ line: number | null; url: string | null; reason: string }> }> {
  const parsed = parseOpml(opml);
  const skipped: Array<{ line: number | null; url: string | null; reason: string }> = parsed.problems.map((p) => ({ line: p.line ?? null, url: null, reason: p.message }));
  const added: SourceView[] = [];
  for (const feed of parsed.feeds) {
    try {
      added.push(await addFeed(db, workspaceId, { url: feed.xmlUrl, name: feed.title ?? undefined, options }, now));
    } catch (error) {
      if (!(error instanceof RelaisError)) throw error;
      skipped.push({ line: feed.line ?? null, url: feed.xmlUrl, reason: error.message });
    }
  }
  return { added, skipped };
}

export async function listSources(db: Db, workspaceId: number): Promise<SourceView[]> {
  const rows = await ldb(db).selectFrom('sources').selectAll().where('workspace_id', '=', workspaceId).orderBy('id').execute();
  return rows.map(view);
}

export async function findSource(db: Db, workspaceId: number, id: number): Promise<SourceView> {
  const row = await ldb(db).selectFrom('sources').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new RelaisError('RELAIS_NOT_FOUND', `No source ${id} in this workspace.`, { field: 'id' });
  return view(row);
}

export async function setSourceStatus(db: Db, workspaceId: number, id: number, status: 'active' | 'paused', reason: string | null, now: number): Promise<SourceView> {
  await findSource(db, workspaceId, id);
  const row = await ldb(db)
    .updateTable('sources')
    .set({ status, paused_reason: status === 'paused' ? reason : null, ...(status === 'active' ? { next_poll_at: now } : {}) })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return view(row);
}

/** Active sources whose next poll is due. */
export async function dueSources(db: Db, now: number, limit = 100): Promise<Array<{ id: number; workspaceId: number }>> {
  const rows = await ldb(db).selectFrom('sources').select(['id', 'workspace_id']).where('status', '=', 'active').where('next_poll_at', '<=', now).orderBy('next_poll_at').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, workspaceId: r.workspace_id }));
}

export interface PollResult {
  inserted: number;
  duplicates: number;
  problems: number;
  failure: string | null;
  paused: string | null;
}

type Deps = { db: Db; topics: TopicIndex; enrich?: Enricher; now: number };

/**
 * Stores what a source gave — mentions, problems in the ingest log, its new state — and pauses
 * it with the reason when it keeps failing. The state is saved after the mentions: a crash in
 * between polls again, and the store merges what it had. Polls and streams both end here.
 */
export async function recordBatch(deps: Deps, row: { id: number; workspace_id: number; url: string }, batch: { mentions: MentionInput[]; problems: SourceProblem[]; state: SourceState; failure: SourceFailure | null; url?: string }): Promise<PollResult> {
  const ingested = batch.mentions.length > 0 ? await ingestMentions(deps, row.workspace_id, batch.mentions) : { inserted: 0, duplicates: 0 };
  if (batch.problems.length > 0) {
    await ldb(deps.db)
      .insertInto('ingest_log')
      .values(
        batch.problems.map((p) => ({
          workspace_id: row.workspace_id,
          source: row.url,
          position: [p.itemIndex !== null && p.itemIndex !== undefined ? `item ${p.itemIndex}` : '', p.line ? `line ${p.line}` : ''].filter(Boolean).join(', ') || null,
          message: `${p.severity}: ${p.message}`,
          at: deps.now,
        })),
      )
      .execute();
  }
  const paused = pauseReason(batch.state);
  await ldb(deps.db)
    .updateTable('sources')
    .set({
      ...(batch.url ? { url: batch.url } : {}),
      state: JSON.stringify(batch.state),
      next_poll_at: batch.state.nextAttemptAt,
      last_polled_at: deps.now,
      ...(paused ? { status: 'paused' as const, paused_reason: paused } : {}),
    })
    .where('id', '=', row.id)
    .execute();
  return { inserted: ingested.inserted, duplicates: ingested.duplicates, problems: batch.problems.length, failure: batch.failure?.message ?? null, paused };
}

/** Polls one source now (any kind) and records what it gave. */
export async function pollSource(deps: Deps & { signal?: AbortSignal; feed?: Partial<FeedSourceOptions> }, id: number): Promise<PollResult> {
  const row = await ldb(deps.db).selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new RelaisError('RELAIS_NOT_FOUND', `No source ${id}.`, { field: 'id' });
  const batch = await pollOnce(row.kind, JSON.parse(row.state) as SourceState, JSON.parse(row.options) as AnySourceOptions, { now: deps.now, signal: deps.signal, feed: deps.feed });
  return recordBatch(deps, row, batch);
}

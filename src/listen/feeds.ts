// Feed sources as Listen keeps them: added (one URL or an OPML list), polled when due, their
// mentions ingested and their problems logged, paused with the reason when they keep failing.
import type { Kysely, Selectable } from 'kysely';
import type { PlatformTables } from '../platform/db/schema.ts';
import { RelaisError } from '../platform/errors.ts';
import { ingestMentions, type Enricher } from './ingest.ts';
import type { SourceType } from './model.ts';
import { initialFeedState, parseOpml, pauseReason, pollFeed, type FeedSourceOptions, type FeedState } from './sources/index.ts';
import type { ListenTables, SourceTable } from './tables.ts';
import type { TopicIndex } from './topics.ts';

type Db = Kysely<PlatformTables>;
const ldb = (db: Db) => db.withTables<ListenTables>();

export interface FeedOptions {
  sourceType: SourceType;
  intervalMs: number;
  /** Feeds on loopback or private addresses: an administrator's choice, off by default. */
  allowPrivate: boolean;
}

export interface SourceView {
  id: number;
  kind: string;
  name: string;
  url: string;
  options: FeedOptions;
  status: 'active' | 'paused';
  pausedReason: string | null;
  nextPollAt: number;
  lastPolledAt: number | null;
  consecutiveFailures: number;
  lastError: string | null;
}

function view(row: Selectable<SourceTable>): SourceView {
  const state = JSON.parse(row.state) as FeedState;
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    url: row.url,
    options: JSON.parse(row.options) as FeedOptions,
    status: row.status,
    pausedReason: row.paused_reason,
    nextPollAt: row.next_poll_at,
    lastPolledAt: row.last_polled_at,
    consecutiveFailures: state.consecutiveFailures,
    lastError: state.lastFailure?.message ?? null,
  };
}

function checkUrl(url: string, field: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RelaisError('RELAIS_REQUEST_INVALID', `"${url}" is not a URL.`, { field });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new RelaisError('RELAIS_REQUEST_INVALID', `A feed URL starts with http:// or https://, not ${parsed.protocol}`, { field });
  return parsed.toString();
}

export async function addFeed(db: Db, workspaceId: number, input: { url: string; name?: string; options?: Partial<FeedOptions> }, now: number): Promise<SourceView> {
  const url = checkUrl(input.url, 'url');
  const options: FeedOptions = { sourceType: 'blog', intervalMs: 15 * 60_000, allowPrivate: false, ...input.options };
  if (options.intervalMs < 60_000) throw new RelaisError('RELAIS_REQUEST_INVALID', 'A feed is polled at most once a minute.', { field: 'intervalMs' });
  const exists = await ldb(db).selectFrom('sources').select('id').where('workspace_id', '=', workspaceId).where('kind', '=', 'feed').where('url', '=', url).executeTakeFirst();
  if (exists) throw new RelaisError('RELAIS_CONFLICT', `The feed ${url} is a source of this workspace already (source ${exists.id}).`, { field: 'url' });
  const row = await ldb(db)
    .insertInto('sources')
    .values({ workspace_id: workspaceId, kind: 'feed', name: input.name?.trim() || new URL(url).host, url, options: JSON.stringify(options), state: JSON.stringify(initialFeedState(url)), status: 'active', paused_reason: null, next_poll_at: now, last_polled_at: null, created_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return view(row);
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

/**
 * Polls one source now: ingests what it yields, logs its problems, keeps its new state, and
 * pauses it with the reason when it keeps failing. The state is saved after the mentions: a
 * crash in between polls again, and the store merges what it had.
 */
export async function pollSource(deps: { db: Db; topics: TopicIndex; enrich?: Enricher; now: number; signal?: AbortSignal; feed?: Partial<FeedSourceOptions> }, id: number): Promise<PollResult> {
  const row = await ldb(deps.db).selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new RelaisError('RELAIS_NOT_FOUND', `No source ${id}.`, { field: 'id' });
  const options = JSON.parse(row.options) as FeedOptions;
  const batch = await pollFeed(JSON.parse(row.state) as FeedState, { ...deps.feed, sourceType: options.sourceType, intervalMs: options.intervalMs, allowPrivate: options.allowPrivate }, { now: deps.now, signal: deps.signal });
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
      url: batch.state.url,
      state: JSON.stringify(batch.state),
      next_poll_at: batch.state.nextAttemptAt,
      last_polled_at: deps.now,
      ...(paused ? { status: 'paused' as const, paused_reason: paused } : {}),
    })
    .where('id', '=', id)
    .execute();
  return { inserted: ingested.inserted, duplicates: ingested.duplicates, problems: batch.problems.length, failure: batch.failure?.message ?? null, paused };
}

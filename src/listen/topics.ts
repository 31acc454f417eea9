// Topics: a name and a query. Queries are checked here (a bad one is refused with the position
// of the fault), compiled into one percolator per workspace for ingest, and backfilled over the
// mentions stored before the topic existed.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../platform/db/schema.ts';
import { RelaisError } from '../platform/errors.ts';
import { createPercolator, isQuerySyntaxError, parseQuery, prepareDocument, type Percolator, type PreparedDocument, type QueryNode } from './query/index.ts';
import type { ListenTables } from './tables.ts';

type Db = Kysely<PlatformTables>;
const listenDb = (db: Db) => db.withTables<ListenTables>();

export interface Topic {
  id: number;
  name: string;
  query: string;
  createdAt: number;
  backfilledAt: number | null;
}

/** Parses a topic query, turning a syntax error into our error with its position and hint. */
export function checkQuery(query: string, field = 'query'): QueryNode {
  try {
    return parseQuery(query);
  } catch (error) {
    if (!isQuerySyntaxError(error)) throw error;
    throw new RelaisError('RELAIS_TOPIC_QUERY_INVALID', error.message, { field, position: error.position, length: error.length, hint: error.hint });
  }
}

function toTopic(row: { id: number; name: string; query: string; created_at: number; backfilled_at: number | null }): Topic {
  return { id: row.id, name: row.name, query: row.query, createdAt: row.created_at, backfilledAt: row.backfilled_at };
}

export async function listTopics(db: Db, workspaceId: number): Promise<Topic[]> {
  const rows = await listenDb(db).selectFrom('topics').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').execute();
  return rows.map(toTopic);
}

export async function findTopic(db: Db, workspaceId: number, id: number): Promise<Topic> {
  const row = await listenDb(db).selectFrom('topics').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new RelaisError('RELAIS_NOT_FOUND', `No topic ${id} in this workspace.`, { field: 'id' });
  return toTopic(row);
}

export async function createTopic(db: Db, workspaceId: number, input: { name: string; query: string }, now: number): Promise<Topic> {
  checkQuery(input.query);
  const row = await listenDb(db)
    .insertInto('topics')
    .values({ workspace_id: workspaceId, name: input.name.trim(), query: input.query, created_at: now, backfilled_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toTopic(row);
}

export async function updateTopic(db: Db, workspaceId: number, id: number, input: { name?: string; query?: string }): Promise<Topic> {
  await findTopic(db, workspaceId, id);
  if (input.query !== undefined) checkQuery(input.query);
  const ldb = listenDb(db);
  return ldb.transaction().execute(async (trx) => {
    if (input.query !== undefined) {
      // A new query: its old matches no longer hold; backfill finds the new ones.
      await trx.deleteFrom('topic_mentions').where('topic_id', '=', id).execute();
    }
    const row = await trx
      .updateTable('topics')
      .set({ ...(input.name !== undefined ? { name: input.name.trim() } : {}), ...(input.query !== undefined ? { query: input.query, backfilled_at: null } : {}) })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toTopic(row);
  });
}

export async function deleteTopic(db: Db, workspaceId: number, id: number): Promise<void> {
  await findTopic(db, workspaceId, id);
  await listenDb(db).deleteFrom('topics').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

/** One percolator per workspace, built from its topics on first use and dropped when they change. */
export class TopicIndex {
  readonly #percolators = new Map<number, Promise<Percolator<number>>>();

  percolator(db: Db, workspaceId: number): Promise<Percolator<number>> {
    let percolator = this.#percolators.get(workspaceId);
    if (!percolator) {
      percolator = listTopics(db, workspaceId).then((topics) => {
        const built = createPercolator<number>();
        for (const topic of topics) built.add(topic.id, parseQuery(topic.query));
        return built;
      });
      percolator.catch(() => this.#percolators.delete(workspaceId));
      this.#percolators.set(workspaceId, percolator);
    }
    return percolator;
  }

  invalidate(workspaceId: number): void {
    this.#percolators.delete(workspaceId);
  }
}

/** A stored mention as the query language sees it. */
export interface StoredMentionForMatch {
  id: number;
  published_at: number;
  title: string | null;
  text: string;
  url: string | null;
  lang: string | null;
  source_type: string;
  sentiment: string | null;
  hashtags: string;
  mentioned: string;
  handle: string | null;
  display_name: string | null;
  country: string | null;
  gender: string | null;
}

export function prepareStored(row: StoredMentionForMatch): PreparedDocument {
  return prepareDocument({
    text: row.text,
    title: row.title,
    url: row.url,
    lang: row.lang,
    sourceType: row.source_type,
    sentiment: row.sentiment,
    hashtags: JSON.parse(row.hashtags) as string[],
    mentioned: JSON.parse(row.mentioned) as string[],
    authorHandle: row.handle,
    authorName: row.display_name,
    country: row.country,
    gender: row.gender,
  });
}

/** Pages through a workspace's stored mentions (oldest id first) with what matching needs. */
export async function* storedMentions(db: Db, workspaceId: number, pageSize = 2000): AsyncGenerator<StoredMentionForMatch[]> {
  let after = 0;
  for (;;) {
    const rows = await listenDb(db)
      .selectFrom('mentions')
      .leftJoin('accounts', 'accounts.id', 'mentions.author_id')
      .select(['mentions.id', 'mentions.published_at', 'mentions.title', 'mentions.text', 'mentions.url', 'mentions.lang', 'mentions.source_type', 'mentions.sentiment', 'mentions.hashtags', 'mentions.mentioned', 'accounts.handle', 'accounts.display_name', 'accounts.country', 'accounts.gender'])
      .where('mentions.workspace_id', '=', workspaceId)
      .where('mentions.id', '>', after)
      .orderBy('mentions.id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
    if (rows.length < pageSize) return;
  }
}

/**
 * Matches topics against every stored mention of their workspace (each mention prepared once,
 * percolated through all of them) and records the matches. Idempotent: run twice, it records
 * each match once.
 */
export async function backfillTopics(
  db: Db,
  workspaceId: number,
  topicIds: readonly number[],
  options: { now: number; onProgress?: (done: number) => void; signal?: AbortSignal },
): Promise<{ scanned: number; matched: Record<number, number> }> {
  const percolator = createPercolator<number>();
  for (const id of topicIds) percolator.add(id, parseQuery((await findTopic(db, workspaceId, id)).query));
  const ldb = listenDb(db);
  let scanned = 0;
  const matched: Record<number, number> = Object.fromEntries(topicIds.map((id) => [id, 0]));
  for await (const page of storedMentions(db, workspaceId)) {
    options.signal?.throwIfAborted();
    const hits: Array<{ workspace_id: number; topic_id: number; mention_id: number; published_at: number }> = [];
    for (const row of page) {
      for (const topicId of percolator.match(prepareStored(row))) {
        hits.push({ workspace_id: workspaceId, topic_id: topicId, mention_id: row.id, published_at: row.published_at });
        matched[topicId] = (matched[topicId] ?? 0) + 1;
      }
    }
    scanned += page.length;
    // Give the event loop a turn between pages: a backfill runs inside a serving process.
    await new Promise((resolve) => setImmediate(resolve));
    for (let i = 0; i < hits.length; i += 1000) {
      await ldb.insertInto('topic_mentions').values(hits.slice(i, i + 1000)).onConflict((oc) => oc.doNothing()).execute();
    }
    options.onProgress?.(scanned);
  }
  if (topicIds.length > 0) await ldb.updateTable('topics').set({ backfilled_at: options.now }).where('workspace_id', '=', workspaceId).where('id', 'in', topicIds).execute();
  return { scanned, matched };
}

/** Topics of a workspace not yet matched against its stored mentions. */
export async function topicsToBackfill(db: Db, workspaceId: number): Promise<number[]> {
  const rows = await listenDb(db).selectFrom('topics').select('id').where('workspace_id', '=', workspaceId).where('backfilled_at', 'is', null).execute();
  return rows.map((r) => r.id);
}

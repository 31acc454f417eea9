// Map's edges from Listen's mentions: who replied to, quoted, reshared or @mentioned whom.
// `recordInteractions` runs inside the ingest transaction (src/listen/ingest.ts, one call per
// batch of stored mentions) and upserts each (source, target, kind) once per batch: the count
// grows, last_at moves forward — no rebuild of anything per mention. `backfillInteractions`
// rebuilds the same edges from every stored mention (after an import, or for mentions loaded
// before Map existed, such as the demo world's).
import { sql, type Kysely } from 'kysely';
import type { ListenTables } from '../listen/tables.ts';
import type { PlatformTables } from '../platform/db/schema.ts';
import type { MapTables } from './tables.ts';

export type Db = Kysely<PlatformTables & ListenTables>;

/** The kinds of ties interactions make, strongest signal first (one kind per mention and target). */
export const INTERACTION_KINDS = ['reply', 'quote', 'reshare', 'mention'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/** What recordInteractions reads of a stored mention. */
export interface MentionLinks {
  network: string;
  author_id: number | null;
  published_at: number;
  reply_to: string | null;
  quote_of: string | null;
  reshare_of: string | null;
  /** JSON array of handles. */
  mentioned: string;
}

/** An aggregated edge to upsert. */
export interface InteractionEdge { source: number; target: number; kind: InteractionKind; count: number; first: number; last: number }

/** How references resolve to account ids (what the database answered). */
export interface Resolver {
  /** `${network} ${network_id or canonical url}` → author id. */
  posts: Map<string, number>;
  /** `${network} ${lowercased handle}` → account id; `* ${handle}` for a match on any network. */
  handles: Map<string, number>;
}

const handleKey = (network: string, handle: string): string => `${network} ${handle.toLowerCase().replace(/^@/, '')}`;

function parseHandles(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((h): h is string => typeof h === 'string' && h.length > 0) : [];
  } catch {
    return [];
  }
}

/** The references of a batch to look up: post ids per network, and handles. */
export function referencesOf(mentions: readonly MentionLinks[]): { posts: Map<string, Set<string>>; handles: Set<string> } {
  const posts = new Map<string, Set<string>>();
  const handles = new Set<string>();
  for (const m of mentions) {
    if (m.author_id === null) continue;
    for (const ref of [m.reply_to, m.quote_of, m.reshare_of]) {
      if (!ref) continue;
      let set = posts.get(m.network);
      if (!set) posts.set(m.network, (set = new Set()));
      set.add(ref);
    }
    for (const h of parseHandles(m.mentioned)) handles.add(h.replace(/^@/, ''));
  }
  return { posts, handles };
}

/**
 * The edges a batch of mentions makes, aggregated per (source, target, kind). Pure. A mention
 * gives each target one kind only (a reshare also names its author: one reshare, no mention);
 * self-ties and unresolved references are skipped.
 */
export function interactionEdges(mentions: readonly MentionLinks[], resolver: Resolver): InteractionEdge[] {
  const edges = new Map<string, InteractionEdge>();
  const add = (source: number, target: number, kind: InteractionKind, at: number): void => {
    const key = `${source} ${target} ${kind}`;
    const e = edges.get(key);
    if (!e) edges.set(key, { source, target, kind, count: 1, first: at, last: at });
    else { e.count++; if (at < e.first) e.first = at; if (at > e.last) e.last = at; }
  };
  for (const m of mentions) {
    const author = m.author_id;
    if (author === null) continue;
    const targets = new Set<number>([author]);
    const link = (target: number | undefined, kind: InteractionKind): void => {
      if (target === undefined || targets.has(target)) return;
      targets.add(target);
      add(author, target, kind, m.published_at);
    };
    if (m.reply_to) link(resolver.posts.get(`${m.network} ${m.reply_to}`), 'reply');
    if (m.quote_of) link(resolver.posts.get(`${m.network} ${m.quote_of}`), 'quote');
    if (m.reshare_of) link(resolver.posts.get(`${m.network} ${m.reshare_of}`), 'reshare');
    for (const h of parseHandles(m.mentioned)) link(resolver.handles.get(handleKey(m.network, h)) ?? resolver.handles.get(handleKey('*', h)), 'mention');
  }
  return [...edges.values()];
}

const LOOKUP = 500;

/** Looks up the posts and handles a batch refers to. */
async function resolve(db: Db, workspaceId: number, mentions: readonly MentionLinks[]): Promise<Resolver> {
  const { posts: wanted, handles: wantedHandles } = referencesOf(mentions);
  const posts = new Map<string, number>();
  for (const [network, refs] of wanted) {
    const list = [...refs];
    for (let i = 0; i < list.length; i += LOOKUP) {
      const chunk = list.slice(i, i + LOOKUP);
      // Two lookups, each on its own unique index (an OR of both would scan).
      const urls = chunk.filter((ref) => /^https?:\/\//i.test(ref));
      const rows = [
        ...(await db.selectFrom('mentions').select(['network_id', 'canonical_url', 'author_id']).where('workspace_id', '=', workspaceId).where('network', '=', network).where('network_id', 'in', chunk).execute()),
        ...(urls.length ? await db.selectFrom('mentions').select(['network_id', 'canonical_url', 'author_id']).where('workspace_id', '=', workspaceId).where('canonical_url', 'in', urls).where('network', '=', network).execute() : []),
      ];
      for (const r of rows) {
        if (r.author_id === null) continue;
        if (r.network_id) posts.set(`${network} ${r.network_id}`, Number(r.author_id));
        if (r.canonical_url) posts.set(`${network} ${r.canonical_url}`, Number(r.author_id));
      }
    }
  }
  const handles = new Map<string, number>();
  const list = [...wantedHandles];
  for (let i = 0; i < list.length; i += LOOKUP) {
    const chunk = list.slice(i, i + LOOKUP);
    // Mastodon handles are stored as user@instance and written as @user: both forms match.
    const rows = await db
      .selectFrom('accounts')
      .select(['id', 'network', 'handle'])
      .where('workspace_id', '=', workspaceId)
      .where('handle', 'in', [...chunk, ...chunk.map((h) => h.toLowerCase())])
      .execute();
    for (const r of rows) {
      handles.set(handleKey(r.network, r.handle), Number(r.id));
      if (!handles.has(handleKey('*', r.handle))) handles.set(handleKey('*', r.handle), Number(r.id));
    }
  }
  return { posts, handles };
}

/** Upserts aggregated edges: counts add up, first_at/last_at widen. Multi-row, in chunks. */
export async function upsertEdges(db: Kysely<PlatformTables>, workspaceId: number, edges: readonly InteractionEdge[]): Promise<void> {
  const mdb = db.withTables<MapTables>();
  // 8 columns a row: 1,000 rows stay under SQLite's 32,766 parameters.
  for (let i = 0; i < edges.length; i += 1000) {
    const rows = edges.slice(i, i + 1000).map((e) => ({ workspace_id: workspaceId, source_id: e.source, target_id: e.target, kind: e.kind, count: e.count, weight: e.count, first_at: e.first, last_at: e.last }));
    await mdb
      .insertInto('edges')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['workspace_id', 'source_id', 'target_id', 'kind']).doUpdateSet({
          count: sql`edges.count + excluded.count`,
          weight: sql`edges.weight + excluded.weight`,
          first_at: sql`case when excluded.first_at < edges.first_at then excluded.first_at else edges.first_at end`,
          last_at: sql`case when excluded.last_at > edges.last_at then excluded.last_at else edges.last_at end`,
        }),
      )
      .execute();
  }
}

/** Marks the workspace's graph as changed (analyses older than this version are stale). */
export async function bumpGraphVersion(db: Kysely<PlatformTables>, workspaceId: number, now: number): Promise<void> {
  await db
    .withTables<MapTables>()
    .insertInto('map_graph_state')
    .values({ workspace_id: workspaceId, version: 1, changed_at: now, backfilled_at: null })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ version: sql`map_graph_state.version + 1`, changed_at: now }))
    .execute();
}

/** The same connection seen with fewer tables (Kysely's table maps are invariant). */
export const asPlatform = (db: Kysely<PlatformTables & ListenTables> | Kysely<PlatformTables & ListenTables & MapTables>): Kysely<PlatformTables> => db as unknown as Kysely<PlatformTables>;

const LINK_COLUMNS = ['network', 'author_id', 'published_at', 'reply_to', 'quote_of', 'reshare_of', 'mentioned'] as const;

/**
 * Records the ties made by freshly stored mentions (their ids), inside the caller's
 * transaction: three or four queries per batch, whatever its size.
 */
export async function recordInteractions(db: Db, workspaceId: number, mentionIds: readonly number[], now: number): Promise<number> {
  if (mentionIds.length === 0) return 0;
  const mentions: MentionLinks[] = [];
  for (let i = 0; i < mentionIds.length; i += LOOKUP) {
    const rows = await db.selectFrom('mentions').select(LINK_COLUMNS).where('id', 'in', mentionIds.slice(i, i + LOOKUP)).execute();
    for (const r of rows) if (r.author_id !== null && (r.reply_to || r.quote_of || r.reshare_of || r.mentioned.length > 2)) mentions.push(r);
  }
  if (mentions.length === 0) return 0;
  const edges = interactionEdges(mentions, await resolve(db, workspaceId, mentions));
  if (edges.length === 0) return 0;
  await upsertEdges(asPlatform(db), workspaceId, edges);
  await bumpGraphVersion(asPlatform(db), workspaceId, now);
  return edges.length;
}

/**
 * Rebuilds every interaction edge of a workspace from its stored mentions, in one
 * transaction (the follows and imported ties stay): one pass to learn who wrote which post and
 * which handle is whose, one pass to link, then one multi-row upsert. Reports progress; stops
 * on `signal`.
 */
export async function backfillInteractions(
  db: Db,
  workspaceId: number,
  options: { now: number; signal?: AbortSignal; onProgress?: (done: number, total: number) => void },
): Promise<{ mentions: number; edges: number }> {
  const total = Number((await db.selectFrom('mentions').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirst())?.n ?? 0);
  return db.transaction().execute(async (trx) => {
    const resolver: Resolver = { posts: new Map(), handles: new Map() };
    for (const r of await trx.selectFrom('accounts').select(['id', 'network', 'handle']).where('workspace_id', '=', workspaceId).execute()) {
      resolver.handles.set(handleKey(r.network, r.handle), Number(r.id));
      if (!resolver.handles.has(handleKey('*', r.handle))) resolver.handles.set(handleKey('*', r.handle), Number(r.id));
    }
    const linked: MentionLinks[] = [];
    let after = 0, done = 0;
    for (;;) {
      options.signal?.throwIfAborted();
      const page = await trx.selectFrom('mentions').select(['id', 'network_id', 'canonical_url', ...LINK_COLUMNS]).where('workspace_id', '=', workspaceId).where('id', '>', after).orderBy('id').limit(10_000).execute();
      if (page.length === 0) break;
      after = Number(page[page.length - 1]!.id);
      done += page.length;
      for (const r of page) {
        if (r.author_id === null) continue;
        const author = Number(r.author_id);
        if (r.network_id) resolver.posts.set(`${r.network} ${r.network_id}`, author);
        if (r.canonical_url) resolver.posts.set(`${r.network} ${r.canonical_url}`, author);
        if (r.reply_to || r.quote_of || r.reshare_of || r.mentioned.length > 2) linked.push(r);
      }
      options.onProgress?.(done, total);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const edges = interactionEdges(linked, resolver);
    await trx.withTables<MapTables>().deleteFrom('edges').where('workspace_id', '=', workspaceId).where('kind', 'in', [...INTERACTION_KINDS]).execute();
    await upsertEdges(asPlatform(trx), workspaceId, edges);
    await bumpGraphVersion(asPlatform(trx), workspaceId, options.now);
    await trx.withTables<MapTables>().updateTable('map_graph_state').set({ backfilled_at: options.now }).where('workspace_id', '=', workspaceId).execute();
    return { mentions: done, edges: edges.length };
  });
}

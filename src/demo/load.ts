// Writes a demo world into a migrated database (the I/O edge of the demo): the workspace, one
// user per role, then accounts, follow ties, mentions, topics, articles and challenges, in one
// transaction (a failed load leaves nothing behind). Accounts get their ids from the database
// (read back with RETURNING and keyed on network + handle, which is unique), so a database
// that already holds other workspaces is fine.
import { sql, type Kysely } from 'kysely';
import type { Database, Dialect } from '../platform/db/connect.ts';
import { RelaisError } from '../platform/errors.ts';
import { bulkInsert } from './insert.ts';
import type { DemoAccount, DemoMention, DemoSize, DemoUser, DemoWorld } from './model.ts';
import { generateWorld } from './world.ts';

export interface LoadOptions {
  seed: number | string;
  size: DemoSize;
  /** The world's "now" (epoch ms); default model.DEFAULT_NOW. */
  now?: number;
  /** Overrides of the size's plan (benchmarks). */
  accounts?: number;
  ties?: number;
  mentions?: number;
  /** Hashes the demo users' passwords (the platform's scrypt); the demo never stores plain text. */
  hashPassword: (password: string) => Promise<string>;
  onProgress?: (done: number, total: number, label: string) => void;
}

export interface DemoSummary {
  workspaceId: number;
  slug: string;
  counts: { accounts: number; ties: number; mentions: number; topics: number; articles: number; challenges: number; users: number };
  /** With their plain-text demo passwords, for the login page of a demo install. */
  users: DemoUser[];
  timings: { generateMs: number; insertMs: number };
  events: DemoWorld['events'];
}

// The capabilities' tables, written without importing their code (the demo fills them all).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const ACCOUNT_COLUMNS = ['workspace_id', 'network', 'handle', 'display_name', 'profile_url', 'bio', 'location', 'country', 'followers', 'following', 'kind', 'gender', 'gender_p', 'affiliation', 'team', 'created_at'];
const EDGE_COLUMNS = ['workspace_id', 'source_id', 'target_id', 'kind', 'count', 'weight', 'first_at', 'last_at'];
const MENTION_COLUMNS = ['workspace_id', 'network', 'network_id', 'canonical_url', 'source_type', 'url', 'author_id', 'published_at', 'title', 'text', 'lang', 'links', 'hashtags', 'mentioned', 'reply_to', 'quote_of', 'reshare_of', 'engagement', 'raw', 'ingested_at'];
const ARTICLE_COLUMNS = ['workspace_id', 'url', 'title', 'summary', 'published_at', 'categories', 'tags', 'event_at'];

/** Generates the world for `options` and loads it. */
export async function loadDemoWorld(database: Database, options: LoadOptions): Promise<DemoSummary> {
  const started = performance.now();
  options.onProgress?.(0, 1, 'generate');
  const world = generateWorld(options);
  const generateMs = Math.round(performance.now() - started);
  const summary = await insertDemoWorld(database, world, options);
  return { ...summary, timings: { generateMs, insertMs: summary.timings.insertMs } };
}

/** Loads an already generated world (tests generate once and load it into each dialect). */
export async function insertDemoWorld(database: Database, world: DemoWorld, options: Pick<LoadOptions, 'hashPassword' | 'onProgress'>): Promise<DemoSummary> {
  const started = performance.now();
  const db = database.db as unknown as AnyDb;
  const taken = await db.selectFrom('workspaces').select('id').where('slug', '=', world.workspace.slug).executeTakeFirst();
  if (taken) {
    throw new RelaisError('RELAIS_CONFLICT', `A workspace "${world.workspace.slug}" already exists: the demo world is loaded once per database.`, {
      hint: 'use a fresh database, or delete that workspace first',
    });
  }
  const hashes = await Promise.all(world.users.map((u) => options.hashPassword(u.password)));
  // SQLite's default page cache (2 MB) makes each index insert of a big load read pages back
  // from the OS; a larger cache for the load's duration cuts its time markedly.
  const cache = database.dialect === 'sqlite' ? await sql<{ cache_size: number }>`pragma cache_size`.execute(db) : null;
  if (cache) await sql`pragma cache_size = -262144`.execute(db);
  try {
    const workspaceId = await db.transaction().execute((trx) => writeWorld(trx, database.dialect, world, hashes, options.onProgress));
    return {
      workspaceId,
      slug: world.workspace.slug,
      counts: {
        accounts: world.accounts.length, ties: world.graph.size, mentions: world.mentions.length, topics: world.topics.length,
        articles: world.articles.length, challenges: world.challenges.length, users: world.users.length,
      },
      users: world.users,
      timings: { generateMs: 0, insertMs: Math.round(performance.now() - started) },
      events: world.events,
    };
  } finally {
    if (cache) await sql.raw(`pragma cache_size = ${Number(cache.rows[0]?.cache_size ?? -2000)}`).execute(db);
  }
}

async function writeWorld(trx: AnyDb, dialect: Dialect, world: DemoWorld, hashes: string[], onProgress: LoadOptions['onProgress']): Promise<number> {
  const total = world.users.length + world.accounts.length + world.graph.size + world.mentions.length + world.topics.length + world.articles.length + world.challenges.length;
  let base = 0;
  const progress = (label: string) => (done: number) => onProgress?.(base + done, total, label);
  const createdAt = world.now;

  const workspace = await trx
    .insertInto('workspaces')
    .values({ slug: world.workspace.slug, name: world.workspace.name, settings: JSON.stringify(world.workspace.settings), created_at: createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  const wid = Number(workspace.id);

  // Users may exist already (another demo workspace): reuse them, add the membership.
  const existing = await trx.selectFrom('users').select(['id', 'email']).where('email', 'in', world.users.map((u) => u.email)).execute();
  const userIds = new Map<string, number>(existing.map((u) => [String(u.email), Number(u.id)]));
  for (const [i, user] of world.users.entries()) {
    if (userIds.has(user.email)) continue;
    const row = await trx
      .insertInto('users')
      .values({ email: user.email, name: user.name, password_hash: hashes[i] as string, locale: user.locale, is_admin: 0, created_at: createdAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    userIds.set(user.email, Number(row.id));
  }
  await trx
    .insertInto('memberships')
    .values(world.users.map((u) => ({ workspace_id: wid, user_id: userIds.get(u.email) as number, role: u.role, created_at: createdAt })))
    .execute();
  base += world.users.length;

  const accounts = world.accounts;
  const returned = await bulkInsert<{ id: number; network: string; handle: string }>(trx, dialect, {
    table: 'accounts', columns: ACCOUNT_COLUMNS, count: accounts.length, returning: ['id', 'network', 'handle'], onBatch: progress('accounts'),
    row: (i) => accountRow(wid, accounts[i] as DemoAccount),
  });
  const byKey = new Map(returned.map((r) => [`${r.network}\n${r.handle}`, Number(r.id)]));
  const ids = Float64Array.from(accounts, (a) => byKey.get(`${a.network}\n${a.handle}`) ?? Number.NaN);
  if (ids.some(Number.isNaN)) throw new RelaisError('RELAIS_INTERNAL', 'The database did not return an id for every demo account.');
  base += accounts.length;

  const g = world.graph;
  await bulkInsert(trx, dialect, {
    table: 'edges', columns: EDGE_COLUMNS, count: g.size, onBatch: progress('ties'),
    row: (e) => [wid, ids[g.source[e] as number], ids[g.target[e] as number], 'follows', 1, 1, g.at[e], g.at[e]],
  });
  base += g.size;

  const mentions = world.mentions;
  await bulkInsert(trx, dialect, {
    table: 'mentions', columns: MENTION_COLUMNS, count: mentions.length, onBatch: progress('mentions'),
    row: (i) => mentionRow(wid, ids, mentions[i] as DemoMention),
  });
  base += mentions.length;

  await trx.insertInto('topics').values(world.topics.map((t) => ({ ...t, workspace_id: wid }))).execute();
  const articles = world.articles;
  await bulkInsert(trx, dialect, {
    table: 'articles', columns: ARTICLE_COLUMNS, count: articles.length,
    row: (i) => {
      const a = articles[i] as DemoWorld['articles'][number];
      return [wid, a.url, a.title, a.summary, a.published_at, a.categories, a.tags, a.event_at];
    },
  });
  await trx.insertInto('challenges').values(world.challenges.map((c) => ({ ...c, workspace_id: wid }))).execute();
  onProgress?.(total, total, 'done');
  return wid;
}

function accountRow(wid: number, a: DemoAccount): unknown[] {
  return [wid, a.network, a.handle, a.display_name, a.profile_url, a.bio, a.location, a.country, a.followers, a.following, a.kind, a.gender, a.gender_p, a.affiliation, a.team, a.created_at];
}

function mentionRow(wid: number, ids: Float64Array, m: DemoMention): unknown[] {
  return [
    wid, m.network, m.network_id, m.canonical_url, m.source_type, m.url, ids[m.author], m.published_at, m.title, m.text, m.lang,
    JSON.stringify(m.links), JSON.stringify(m.hashtags), JSON.stringify(m.mentioned), m.reply_to, m.quote_of, m.reshare_of,
    JSON.stringify(m.engagement), '{}', m.ingested_at,
  ];
}

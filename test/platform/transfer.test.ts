import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CAPABILITIES } from '../../src/capabilities.ts';
import { ALL_MIGRATIONS } from '../../src/migrations.ts';
import type { ListenTables } from '../../src/listen/index.ts';
import type { MapTables } from '../../src/map/index.ts';
import { createWorkspace } from '../../src/platform/auth/store.ts';
import { RelaisError } from '../../src/platform/errors.ts';
import { exportWorkspace, importWorkspace } from '../../src/platform/transfer.ts';
import { eachDialect, openTestDatabase, type TestDatabase } from '../support/databases.ts';

const TABLES = CAPABILITIES.flatMap((c) => c.transfer ?? []);

async function* linesOf(lines: string[]): AsyncIterable<string> {
  yield* lines;
}

async function seed(database: TestDatabase): Promise<void> {
  const now = 1_700_000_000_000;
  const ws = await createWorkspace(database.db, { slug: 'brand', name: 'Brand', settings: { timezone: 'Europe/Paris' }, now });
  const db = database.db.withTables<ListenTables & MapTables>();
  const base = { workspace_id: ws.id, network: 'mastodon', profile_url: null, bio: null, location: 'Lyon, France', country: 'FR', followers: 10, following: 3, kind: 'person', gender: null, gender_p: null, affiliation: null, team: null, created_at: now };
  const accounts = await db
    .insertInto('accounts')
    .values([
      { ...base, handle: 'ana', display_name: 'Ana' },
      { ...base, handle: 'bo', display_name: 'Bo' },
      { ...base, handle: 'élodie', display_name: 'Élodie « É »' },
    ])
    .returning('id')
    .execute();
  await db
    .insertInto('mentions')
    .values(
      accounts.map((a, i) => ({
        workspace_id: ws.id,
        network: 'mastodon',
        network_id: `m${i}`,
        canonical_url: null,
        source_type: 'microblog',
        url: null,
        author_id: a.id,
        published_at: now + i,
        title: null,
        text: `mention ${i} — accents éàü and "quotes"`,
        lang: 'fr',
        links: '[]',
        hashtags: '["cimes"]',
        mentioned: '[]',
        reply_to: null,
        quote_of: null,
        reshare_of: null,
        engagement: '{}',
        sentiment: null,
        sentiment_score: null,
        raw: '{}',
        ingested_at: now,
      })),
    )
    .execute();
  await db
    .insertInto('edges')
    .values([
      { workspace_id: ws.id, source_id: accounts[0]!.id, target_id: accounts[1]!.id, kind: 'follows', count: 1, weight: 1, first_at: now, last_at: now },
      { workspace_id: ws.id, source_id: accounts[1]!.id, target_id: accounts[0]!.id, kind: 'follows', count: 1, weight: 1, first_at: now, last_at: now },
      { workspace_id: ws.id, source_id: accounts[2]!.id, target_id: accounts[0]!.id, kind: 'reply', count: 4, weight: 0.5, first_at: now, last_at: now },
    ])
    .execute();
}

async function exportLines(database: TestDatabase, slug: string): Promise<string[]> {
  const lines: string[] = [];
  await exportWorkspace(database, TABLES, slug, (line) => void lines.push(line));
  return lines;
}

/** The workspace's content with database ids replaced by handles, to compare across databases. */
async function snapshot(database: TestDatabase, slug: string) {
  const db = database.db.withTables<ListenTables & MapTables>();
  const ws = await db.selectFrom('workspaces').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  const accounts = await db.selectFrom('accounts').select(['id', 'handle', 'display_name']).where('workspace_id', '=', ws.id).orderBy('handle').execute();
  const handle = new Map(accounts.map((a) => [a.id, a.handle]));
  const mentions = await db.selectFrom('mentions').select(['network_id', 'author_id', 'text']).where('workspace_id', '=', ws.id).orderBy('network_id').execute();
  const edges = await db.selectFrom('edges').select(['source_id', 'target_id', 'kind', 'count', 'weight']).where('workspace_id', '=', ws.id).execute();
  return {
    accounts: accounts.map((a) => [a.handle, a.display_name]),
    mentions: mentions.map((m) => [m.network_id, handle.get(m.author_id!), m.text]),
    edges: edges.map((e) => [handle.get(e.source_id), handle.get(e.target_id), e.kind, e.count, e.weight]).sort(),
  };
}

eachDialect('export and import', (dialect) => {
  let source: TestDatabase;
  let target: TestDatabase;
  before(async () => {
    source = await openTestDatabase(dialect, ALL_MIGRATIONS);
    // Across dialects: SQLite exports go into PostgreSQL and back.
    target = await openTestDatabase(dialect === 'sqlite' ? 'postgres' : 'sqlite', ALL_MIGRATIONS).catch(() => openTestDatabase(dialect, ALL_MIGRATIONS));
    await seed(source);
  });
  after(async () => {
    await source.dispose();
    await target.dispose();
  });

  test('a workspace survives the round trip, across dialects, ids remapped', async () => {
    const lines = await exportLines(source, 'brand');
    assert.equal(lines.length, 1 + 3 + 3 + 3);
    const result = await importWorkspace(target, TABLES, linesOf(lines), { now: Date.now() });
    assert.deepEqual(result.counts, { accounts: 3, mentions: 3, edges: 3 });
    assert.deepEqual(await snapshot(target, 'brand'), await snapshot(source, 'brand'));
    // And again under another slug in the same database: new ids, same content.
    await importWorkspace(target, TABLES, linesOf(lines), { slug: 'brand-copy', now: Date.now() });
    assert.deepEqual(await snapshot(target, 'brand-copy'), await snapshot(source, 'brand'));
  });

  test('an existing workspace is never overwritten', async () => {
    const lines = await exportLines(source, 'brand');
    await assert.rejects(importWorkspace(source, TABLES, linesOf(lines), { now: Date.now() }), (error: unknown) => error instanceof RelaisError && error.code === 'RELAIS_CONFLICT');
  });

  test('a bad line is reported with its number and nothing is written', async () => {
    const lines = await exportLines(source, 'brand');
    const broken = [...lines.slice(0, 5), '{"table": "mentions", "row": ', ...lines.slice(5)];
    await assert.rejects(importWorkspace(source, TABLES, linesOf(broken), { slug: 'half', now: Date.now() }), (error: unknown) => {
      assert.ok(error instanceof RelaisError);
      assert.equal(error.code, 'RELAIS_FILE_INVALID');
      assert.equal(error.details.line, 6);
      return true;
    });
    const unknownRef = lines.map((l) => l.replace(/"author_id":\d+/, '"author_id":424242'));
    await assert.rejects(importWorkspace(source, TABLES, linesOf(unknownRef), { slug: 'half', now: Date.now() }), /names no accounts row/);
    const half = await source.db.selectFrom('workspaces').select('id').where('slug', '=', 'half').executeTakeFirst();
    assert.equal(half, undefined);
  });

  test('a file that is not an export is refused at line 1', async () => {
    await assert.rejects(importWorkspace(source, TABLES, linesOf(['{"hello": 1}']), { now: Date.now() }), (error: unknown) => error instanceof RelaisError && error.details.line === 1);
  });
});

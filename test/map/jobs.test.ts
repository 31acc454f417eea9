// Map's background work through the real job runner on both dialects: at start, mentions stored
// before Map (as the demo world's) get their interaction ties; a changed graph is re-analysed by
// the every-minute job; progress goes to the workspace's live events.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ListenTables } from '../../src/listen/tables.ts';
import { ANALYSE_DUE_JOB, BACKFILL_JOB, START_DELAY_MS } from '../../src/map/index.ts';
import { bumpGraphVersion } from '../../src/map/interactions.ts';
import type { MapTables } from '../../src/map/tables.ts';
import { analysisState } from '../../src/map/view.ts';
import type { LiveEvent } from '../../src/platform/events.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { eachDialect } from '../support/databases.ts';

async function until(check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

eachDialect('Map jobs', (dialect) => {
  let t: TestApp;
  let ws: number;
  const events: LiveEvent[] = [];
  before(async () => {
    t = await openTestApp(dialect);
    const db = t.database.db.withTables<ListenTables & MapTables>();
    ws = Number((await db.selectFrom('workspaces').select('id').where('slug', '=', 'acme').executeTakeFirstOrThrow()).id);
    t.app.services.events.subscribe(ws, (e) => events.push(e));
    const account = async (handle: string) => Number((await db.insertInto('accounts').values({
      workspace_id: ws, network: 'x', handle, display_name: null, profile_url: null, bio: null, location: null, country: null,
      followers: 1, following: 1, kind: 'person', gender: null, gender_p: null, affiliation: null, team: null, created_at: 0,
    }).returning('id').executeTakeFirstOrThrow()).id);
    const ann = await account('ann'), bob = await account('bob');
    // Mentions written straight to the table, as the demo loader does: no ties recorded yet.
    const row = (id: string, author: number, replyTo: string | null) => ({
      workspace_id: ws, network: 'x', network_id: id, canonical_url: null, source_type: 'microblog', url: null, author_id: author, published_at: 1000, title: null, text: 'hi',
      lang: null, links: '[]', hashtags: '[]', mentioned: '[]', reply_to: replyTo, quote_of: null, reshare_of: null, engagement: '{}', sentiment: null, sentiment_score: null, raw: 'null', ingested_at: 1000,
    });
    await db.insertInto('mentions').values([row('1', ann, null), row('2', bob, '1')]).execute();
  });
  after(() => t.dispose());

  test('start backfills the ties of mentions stored before Map, then analyses', async () => {
    const startedAt = Date.now();
    await t.app.start();
    // Queued for a little after start; run it now rather than wait.
    const queued = (await t.jobs.list(BACKFILL_JOB)).filter((j) => j.state === 'queued');
    assert.equal(queued.length, 1);
    assert.deepEqual(queued[0]!.data, { workspaceId: ws });
    assert.ok(queued[0]!.runAt >= startedAt + START_DELAY_MS - 1000);
    await t.jobs.enqueue(BACKFILL_JOB, { workspaceId: ws });
    await until(async () => (await analysisState(t.database.db, ws)).status === 'done');
    const edges = await t.database.db.withTables<MapTables>().selectFrom('edges').select(['kind', 'count']).where('workspace_id', '=', ws).execute();
    assert.deepEqual(edges.map((e) => [e.kind, Number(e.count)]), [['reply', 1]]);
    assert.ok(events.some((e) => e.type === 'map.backfill'));
    assert.ok(events.some((e) => e.type === 'map.analysis' && e.status === 'running' && e.step === 'influence'));
    assert.ok(events.some((e) => e.type === 'map.analysis' && e.status === 'done'));
  });

  test('the every-minute job re-analyses a workspace whose graph changed', async () => {
    const before = await analysisState(t.database.db, ws);
    await bumpGraphVersion(t.database.db, ws, t.clock.now);
    assert.equal((await analysisState(t.database.db, ws)).stale, true);
    await t.jobs.enqueue(ANALYSE_DUE_JOB, {});
    await until(async () => { const s = await analysisState(t.database.db, ws); return s.status === 'done' && !s.stale; });
    assert.ok((await analysisState(t.database.db, ws)).version > before.version);
  });
});

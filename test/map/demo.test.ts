// Map on the small demo world, end to end on both dialects: interactions rebuilt from its
// mentions, the analysis, the weak-tie shares the seed speaks of, the bought fans made
// visible, communities, and a "who can help" answer with its introduction path.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { insertDemoWorld } from '../../src/demo/load.ts';
import { generateWorld } from '../../src/demo/world.ts';
import type { ListenTables } from '../../src/listen/tables.ts';
import { analyseWorkspace } from '../../src/map/analysis.ts';
import { backfillInteractions } from '../../src/map/interactions.ts';
import { readAccount, readCommunities, readHelp, readInfluencers, readStats } from '../../src/map/reads.ts';
import { ALL_MIGRATIONS } from '../../src/migrations.ts';
import { eachDialect, openTestDatabase, type TestDatabase } from '../support/databases.ts';

const world = generateWorld({ seed: 1, size: 'small' });

eachDialect('Map on the demo world', (dialect) => {
  let database: TestDatabase;
  let ws: number;
  before(async () => {
    database = await openTestDatabase(dialect, ALL_MIGRATIONS);
    ws = (await insertDemoWorld(database, world, { hashPassword: async (p) => p })).workspaceId;
    await backfillInteractions(database.db.withTables<ListenTables>(), ws, { now: world.now });
    await analyseWorkspace(database.db, ws, { now: world.now });
  });
  after(() => database.dispose());

  test('weak ties are the great majority, of the workspace and of the brand\'s fans (seed 000: 85 %, 98 %)', async () => {
    const stats = await readStats(database.db, ws, world.now);
    assert.equal(stats.brand.account?.handle, 'cimes');
    assert.ok(stats.edges.reply! > 1000 && stats.edges.reshare! > 1000 && stats.edges.mention! > 1000);
    assert.ok(stats.weakTieShare.workspace! > 0.8 && stats.weakTieShare.workspace! < 0.99, String(stats.weakTieShare.workspace));
    assert.ok(stats.weakTieShare.brandFans! > 0.7, String(stats.weakTieShare.brandFans));
    assert.ok(stats.strongTies > 500);
    assert.ok(stats.modularity > 0.4, String(stats.modularity));
  });

  test('the three accounts with bought followers have the worst fan quality', async () => {
    const worst = await readInfluencers(database.db, ws, { sort: 'fanQuality', order: 'asc', limit: 3, offset: 0, format: 'json' }, world.now);
    for (const row of worst.rows) {
      assert.ok(row.fanQuality.score! < 0.5, `${row.handle}: ${row.fanQuality.score}`);
      assert.ok(row.fanQuality.suspicious! > 0.4, `${row.handle}: ${row.fanQuality.suspicious}`);
    }
    const card = await readAccount(database.db, ws, worst.rows[0]!.id, world.now);
    assert.match(card.fanQuality.explanation, /look suspicious/);
    const best = await readInfluencers(database.db, ws, { sort: 'influence', order: 'desc', limit: 20, offset: 0, format: 'json' }, world.now);
    assert.ok(best.rows.some((r) => r.affiliation === 'brand' || r.affiliation === 'ambassador'));
  });

  test('communities are labelled by what their members do', async () => {
    const { communities } = await readCommunities(database.db, ws, world.now);
    assert.ok(communities.length >= 5);
    assert.ok(communities.every((c) => c.label.length > 0 && c.topAccounts.length > 0));
    assert.ok(communities.some((c) => /escalade|climbing|alpinisme|trail|montagne/.test(c.label)), communities.map((c) => c.label).join(' | '));
  });

  test('who can help with a rare skill: candidates through trusted introductions', async () => {
    const help = await readHelp(database.db, ws, { q: 'comptabilité', limit: 5 }, world.now);
    assert.ok(help.candidates.length > 0);
    for (const c of help.candidates) {
      assert.equal(c.path[0]!.account.handle, 'cimes');
      assert.equal(c.path.at(-1)!.account.id, c.account.id);
      assert.ok(c.skillMatch > 0 && c.pathTrust > 0 && c.pathTrust <= 1);
      assert.ok(c.why.length >= 2);
    }
    assert.ok(help.candidates.every((c, i) => i === 0 || help.candidates[i - 1]!.score >= c.score));
  });
});

// Map's storage on both dialects: interaction ties kept up to date by ingest and rebuilt by the
// backfill (the same edges either way), imports of every format with their problems, the
// analysis with progress and cancellation, and empty workspaces.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ingestMentions, TopicIndex, type MentionInput } from '../../src/listen/index.ts';
import type { ListenTables } from '../../src/listen/tables.ts';
import { analyseWorkspace, requestCancel } from '../../src/map/analysis.ts';
import { importGraph } from '../../src/map/import.ts';
import { backfillInteractions, loadTieStrengths } from '../../src/map/index.ts';
import { readHelp, readNetwork, readStats } from '../../src/map/reads.ts';
import type { MapTables } from '../../src/map/tables.ts';
import { analysisState } from '../../src/map/view.ts';
import { calibrateWorkspace } from '../../src/map/calibration.ts';
import { loadSettings, saveSettings } from '../../src/map/settings.ts';
import { DEFAULTS as TIE_DEFAULTS } from '../../src/map/tie-strength.ts';
import { ALL_MIGRATIONS } from '../../src/migrations.ts';
import { createWorkspace } from '../../src/platform/auth/store.ts';
import { RelaisError } from '../../src/platform/errors.ts';
import { eachDialect, openTestDatabase, type TestDatabase } from '../support/databases.ts';

const NOW = Date.UTC(2026, 10, 22);

const mention = (id: string, handle: string, extra: Partial<MentionInput> = {}): MentionInput => ({
  network: 'x', networkId: id, sourceType: 'microblog', url: null, author: { handle }, publishedAt: NOW - Number(id) * 60_000, title: null, text: `post ${id}`,
  lang: null, links: [], hashtags: [], mentioned: [], replyTo: null, quoteOf: null, reshareOf: null, engagement: { likes: 1, shares: 0, replies: 0, views: 0 }, raw: null, ...extra,
});

eachDialect('Map store', (dialect) => {
  let database: TestDatabase;
  let ws: number;
  const edgesOf = async (workspaceId: number) =>
    (await database.db.withTables<MapTables & ListenTables>().selectFrom('edges').innerJoin('accounts as s', 's.id', 'edges.source_id').innerJoin('accounts as t', 't.id', 'edges.target_id')
      .select(['s.handle as source', 't.handle as target', 'edges.kind', 'edges.count', 'edges.first_at', 'edges.last_at']).where('edges.workspace_id', '=', workspaceId).where('edges.kind', '!=', 'follows')
      .orderBy('s.handle').orderBy('t.handle').orderBy('edges.kind').execute()).map((e) => ({ ...e, count: Number(e.count), first_at: Number(e.first_at), last_at: Number(e.last_at) }));
  before(async () => {
    database = await openTestDatabase(dialect, ALL_MIGRATIONS);
    ws = (await createWorkspace(database.db, { slug: 'w', name: 'W', now: NOW })).id;
  });
  after(() => database.dispose());
  const graphVersionOf = async (workspaceId: number) => Number((await database.db.withTables<MapTables>().selectFrom('map_graph_state').select('version').where('workspace_id', '=', workspaceId).executeTakeFirst())?.version ?? 0);

  test('ingest records interaction ties batch by batch; the backfill rebuilds exactly the same', async () => {
    const deps = { db: database.db, topics: new TopicIndex(), now: NOW };
    await ingestMentions(deps, ws, [mention('1', 'ann'), mention('2', 'bob', { replyTo: '1', mentioned: ['ann', 'cy'] }), mention('3', 'cy', { mentioned: ['@Ann'] })]);
    // A later batch: a quote and a reshare of ann's post, a second reply by bob, a reply to an unknown post, a self-mention.
    await ingestMentions(deps, ws, [mention('4', 'cy', { quoteOf: '1' }), mention('5', 'dan', { reshareOf: '1', mentioned: ['ann'] }), mention('6', 'bob', { replyTo: '1' }), mention('7', 'bob', { replyTo: '999' }), mention('8', 'ann', { mentioned: ['ann'] })]);
    // The same mention again is a duplicate: it adds nothing.
    await ingestMentions(deps, ws, [mention('6', 'bob', { replyTo: '1' })]);
    const incremental = await edgesOf(ws);
    assert.deepEqual(incremental.map((e) => [e.source, e.target, e.kind, e.count]), [
      ['bob', 'ann', 'reply', 2], ['bob', 'cy', 'mention', 1], ['cy', 'ann', 'mention', 1], ['cy', 'ann', 'quote', 1], ['dan', 'ann', 'reshare', 1],
    ]);
    const bobAnn = incremental[0]!;
    assert.deepEqual([bobAnn.first_at, bobAnn.last_at], [NOW - 6 * 60_000, NOW - 2 * 60_000]);
    const progress: number[] = [];
    const result = await backfillInteractions(database.db.withTables<ListenTables>(), ws, { now: NOW, onProgress: (done) => progress.push(done) });
    assert.deepEqual(result, { mentions: 8, edges: 5 });
    assert.deepEqual(progress, [8]);
    assert.deepEqual(await edgesOf(ws), incremental);
  });

  test('imports: follower exports, SNAP, GML, GEXF, GraphML; problems by line; a wrong format refused', async () => {
    const followers = await importGraph(database.db, ws, { format: 'followers', account: '@ann', network: 'x', text: 'username\nbob\n@cy\n\nnew one\neve\nann\neve\n' }, NOW);
    assert.deepEqual([followers.nodes, followers.edges, followers.accountsCreated], [4, 3, 1]);
    assert.deepEqual(followers.errors, [{ line: 5, message: '"new one" is not a handle (it has spaces)' }]);
    assert.deepEqual(followers.warnings, [{ line: 7, message: 'self-loop on ann (dropped)' }, { line: 8, message: 'duplicate of the edge on line 6 (merged)' }]);
    const ws2 = (await createWorkspace(database.db, { slug: 'imports', name: 'I', now: NOW })).id;
    const snap = await importGraph(database.db, ws2, { format: 'snap', text: '# test\n1 2\n2 3\n3 x\n', directed: false }, NOW);
    assert.deepEqual([snap.nodes, snap.edges, snap.errors.map((e) => e.line)], [3, 2, [4]]);
    const gexf = await importGraph(database.db, ws2, { format: 'gexf', text: '<gexf><graph defaultedgetype="directed"><nodes><node id="1" label="@zoe"/><node id="2" label="yann"/></nodes><edges><edge source="1" target="2" weight="3"/></edges></graph></gexf>' }, NOW);
    assert.deepEqual([gexf.nodes, gexf.edges, gexf.accountsCreated], [2, 1, 2]);
    const graphml = await importGraph(database.db, ws2, { format: 'graphml', text: '<graphml><graph edgedefault="undirected"><node id="zoe"/><node id="1"/><edge source="zoe" target="1"/></graph></graphml>' }, NOW);
    assert.deepEqual([graphml.edges, graphml.accountsCreated], [1, 0]);
    const gml = await importGraph(database.db, ws2, { format: 'gml', text: 'graph [ node [ id 7 label "ann" ] node [ id 8 label "bob" ] edge [ source 7 target 8 value 2 ] edge [ source 7 target 9 ] ]' }, NOW);
    assert.deepEqual([gml.edges, gml.errors.map((e) => e.message)], [1, ['edge target 9 is not a declared node id']]);
    const stats = await readStats(database.db, ws2, NOW);
    assert.deepEqual(stats.edges, { link: 2 + 2 + 1 + 2 + 2 });
    await assert.rejects(importGraph(database.db, ws2, { format: 'snap', text: '<graphml/>' }, NOW), (e: RelaisError) => e.code === 'RELAIS_FILE_INVALID' && e.details.line === 1);
    await assert.rejects(importGraph(database.db, ws2, { format: 'csv', text: 'a\nb\n' }, NOW), (e: RelaisError) => e.code === 'RELAIS_FILE_INVALID' && /line 1/.test(e.message));
    await assert.rejects(importGraph(database.db, ws2, { format: 'followers', text: 'bob' }, NOW), (e: RelaisError) => e.details.field === 'account');
    // A refused import leaves nothing behind.
    assert.deepEqual((await readStats(database.db, ws2, NOW)).edges, stats.edges);
  });

  test('the analysis reports progress, can be cancelled between steps, and keeps the previous results', async () => {
    const steps: string[] = [];
    const summary = await analyseWorkspace(database.db, ws, { now: NOW, onProgress: (step) => steps.push(step) });
    assert.deepEqual(steps, ['ties', 'accounts', 'influence', 'communities', 'brokers', 'save']);
    assert.equal(summary.nodes, 5);
    await importGraph(database.db, ws, { format: 'csv', text: 'dan,eve\n', network: 'x' }, NOW);
    const stale = await analysisState(database.db, ws);
    assert.equal(stale.stale, true);
    await assert.rejects(
      analyseWorkspace(database.db, ws, { now: NOW, onProgress: (step) => { if (step === 'ties') void requestCancel(database.db, ws); } }),
      (e: RelaisError) => e.details.reason === 'cancelled',
    );
    const cancelled = await analysisState(database.db, ws);
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(cancelled.summary?.nodes, 5);
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(analyseWorkspace(database.db, ws, { now: NOW, signal: controller.signal }), (e: RelaisError) => e.details.reason === 'cancelled');
    assert.equal(await requestCancel(database.db, ws), false);
  });

  test('tie strengths for Spread are aligned with the graph arcs', async () => {
    const { graph, ids, strength, strong } = await loadTieStrengths(database.db, ws, NOW);
    assert.equal(strength.length, graph.targets.length);
    assert.equal(strong.length, graph.targets.length);
    assert.ok(strength.every((s) => s > 0 && s < 1));
    assert.equal(ids.length, graph.n);
  });

  test('settings: saved per workspace, used by the analysis; weights calibrated on labelled ties', async () => {
    assert.deepEqual(await loadSettings(database.db, ws), TIE_DEFAULTS);
    const before = await graphVersionOf(ws);
    const saved = await saveSettings(database.db, ws, { halfLifeDays: 30, dunbar: 1 }, NOW);
    assert.deepEqual([saved.halfLifeDays, saved.dunbar, saved.threshold, saved.weights], [30, 1, 0.5, TIE_DEFAULTS.weights]);
    assert.ok((await graphVersionOf(ws)) > before);
    // Labels: bob–ann strong (two replies), the others weak; unknown lines reported.
    const labels = 'source,target,label\nbob,ann,strong\ncy,ann,weak\ndan,ann,weak\nbob,cy,weak\nann,eve,weak\nzed,ann,weak\nbob,ann,maybe\ndan,bob,weak\n';
    const fit = await calibrateWorkspace(database.db, ws, labels, NOW);
    assert.deepEqual([fit.used, fit.strong], [5, 1]);
    assert.deepEqual(fit.problems.map((p) => p.line), [7, 8, 9]);
    assert.equal(fit.accuracy, 1);
    assert.deepEqual((await loadSettings(database.db, ws)).weights, fit.weights);
    assert.equal((await loadSettings(database.db, ws)).halfLifeDays, 30);
    await assert.rejects(calibrateWorkspace(database.db, ws, 'bob,ann,strong\n', NOW), (e: RelaisError) => e.code === 'RELAIS_FILE_INVALID');
    await saveSettings(database.db, ws, { ...TIE_DEFAULTS }, NOW);
  });

  test('a workspace with no tie, or one account, gives empty results', async () => {
    const empty = (await createWorkspace(database.db, { slug: 'empty', name: 'E', now: NOW })).id;
    const stats = await readStats(database.db, empty, NOW);
    assert.deepEqual([stats.nodes, stats.ties, stats.communities, stats.weakTieShare.workspace], [0, 0, 0, null]);
    assert.deepEqual((await readNetwork(database.db, empty, { depth: 1, strength: 'all', limit: 100, edgeLimit: 100 }, NOW)).nodes, []);
    assert.deepEqual(await readHelp(database.db, empty, { q: 'escalade', limit: 5 }, NOW), { from: null, candidates: [] });
    await database.db.withTables<ListenTables>().insertInto('accounts').values({
      workspace_id: empty, network: 'x', handle: 'solo', display_name: null, profile_url: null, bio: 'escalade', location: null, country: null,
      followers: 3, following: 0, kind: 'person', gender: null, gender_p: null, affiliation: 'brand', team: null, created_at: NOW,
    }).execute();
    const one = await analyseWorkspace(database.db, empty, { now: NOW });
    assert.deepEqual([one.nodes, one.ties, one.communities], [1, 0, 0]);
    assert.deepEqual((await readHelp(database.db, empty, { q: 'escalade', limit: 5 }, NOW)).candidates, []);
  });
});

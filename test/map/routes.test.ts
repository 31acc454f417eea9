import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openTestApp, ROLE_EMAIL, type Client, type TestApp } from '../support/app.ts';
import { eachDialect } from '../support/databases.ts';
import type { ListenTables } from '../../src/listen/tables.ts';

const BASE = '/api/v1/w/acme/map';

// A small world: a brand (@acme) and two circles — outdoor people around it, and a separate
// circle of accountants reached through one weak tie (dan → gus).
const PEOPLE: Record<string, string> = {
  acme: 'Acme outdoor gear.',
  ann: 'Guide de montagne, escalade.',
  bob: 'Trail runner, photographe.',
  cy: 'Escalade et alpinisme.',
  dan: 'Photographe de montagne.',
  gus: 'Expert en comptabilité et fiscalité.',
  hal: 'Comptabilité des associations.',
  ivy: 'Audit, comptabilité.',
};

const FOLLOWS = `source,target
ann,acme
acme,ann
bob,acme
acme,bob
cy,acme
ann,bob
bob,ann
ann,cy
cy,ann
bob,cy
cy,bob
dan,ann
ann,dan
dan,gus
gus,hal
hal,gus
hal,ivy
ivy,hal
gus,ivy
ivy,gus
ann,ann
ann,bob
cy,dan
`;

const post = (id: string, handle: string, text: string, extra: Record<string, unknown> = {}) => ({
  network: 'mastodon', networkId: id, sourceType: 'microblog', author: { handle, displayName: handle.toUpperCase(), followers: 10, bio: PEOPLE[handle] },
  publishedAt: '2026-11-20T10:00:00Z', text, ...extra,
});

eachDialect('Map over HTTP', (dialect) => {
  let t: TestApp;
  let manager: Client;
  let viewer: Client;
  let ids: Record<string, number>;
  before(async () => {
    t = await openTestApp(dialect);
    manager = await t.login(ROLE_EMAIL('manager'));
    viewer = await t.login(ROLE_EMAIL('viewer'));
    const mentions = [
      ...Object.keys(PEOPLE).map((h, i) => post(`intro-${i}`, h, `Bonjour, ici ${h}`)),
      post('p1', 'ann', 'Sortie escalade samedi #grimpe', { hashtags: ['grimpe'] }),
      post('p2', 'bob', '@ann je viens !', { replyTo: 'p1', mentioned: ['ann'] }),
      post('p3', 'cy', 'Moi aussi', { replyTo: 'p1' }),
      post('p4', 'acme', 'Bravo @ann', { mentioned: ['ann'] }),
      post('p5', 'ann', 'Merci @acme', { replyTo: 'p4', mentioned: ['acme'] }),
    ];
    const ingested = await manager.request('POST', '/api/v1/w/acme/mentions', { mentions });
    assert.equal(ingested.status, 200);
    const rows = await t.database.db.withTables<ListenTables>().selectFrom('accounts').select(['id', 'handle']).execute();
    ids = Object.fromEntries(rows.map((r) => [r.handle, Number(r.id)]));
    await t.database.db.withTables<ListenTables>().updateTable('accounts').set({ affiliation: 'brand', followers: 5000 }).where('handle', '=', 'acme').execute();
  });
  after(() => t.dispose());

  test('ingested replies and @mentions become ties at once, counted once per mention', async () => {
    const stats = (await (await viewer.request('GET', `${BASE}/stats`)).json()) as { edges: Record<string, number> };
    assert.equal(stats.edges.reply, 3);
    // bob and ann reply to posts that also name their authors: one tie of kind reply each, no extra mention.
    assert.equal(stats.edges.mention, 1);
  });

  test('a manager imports a CSV edge list; bad lines are reported with their numbers, the rest loads', async () => {
    const response = await manager.request('POST', `${BASE}/import`, { format: 'csv', text: FOLLOWS, network: 'mastodon', kind: 'follows' });
    assert.equal(response.status, 200);
    const result = (await response.json()) as { nodes: number; edges: number; accountsCreated: number; warnings: Array<{ line: number; message: string }> };
    assert.equal(result.accountsCreated, 0);
    assert.equal(result.nodes, 8);
    assert.equal(result.edges, 21);
    assert.ok(result.warnings.some((w) => w.line === 22 && /self-loop/.test(w.message)));
    assert.ok(result.warnings.some((w) => w.line === 23 && /duplicate of the edge on line 7/.test(w.message)));
    const refused = await manager.request('POST', `${BASE}/import`, { format: 'csv', text: '<?xml version="1.0"?><gexf/>' });
    assert.equal(refused.status, 400);
    assert.equal(((await refused.json()) as { error: { code: string; line: number } }).error.code, 'RELAIS_FILE_INVALID');
    const forbidden = await viewer.request('POST', `${BASE}/import`, { format: 'csv', text: FOLLOWS });
    assert.equal(forbidden.status, 403);
    // The analysis runs over the new graph.
    const analysed = await manager.request('POST', `${BASE}/analysis`);
    assert.equal(analysed.status, 202);
    const deadline = Date.now() + 20_000;
    for (;;) {
      const state = (await (await viewer.request('GET', `${BASE}/analysis`)).json()) as { status: string; stale: boolean };
      if (state.status === 'done' && !state.stale) break;
      assert.ok(Date.now() < deadline, `analysis still ${state.status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  test('the network: every tie once, with strength and kinds; ego networks; strong/weak filters; limits', async () => {
    const all = (await (await viewer.request('GET', `${BASE}/network`)).json()) as { nodes: Array<{ id: number; handle: string; community: number }>; edges: Array<{ source: number; target: number; strength: number; strong: boolean; kinds: string[] }>; sampled: boolean; totalEdges: number; communities: Array<{ id: number }> };
    assert.equal(all.nodes.length, 8);
    assert.equal(all.sampled, false);
    assert.equal(all.edges.length, all.totalEdges);
    const annAcme = all.edges.find((e) => [e.source, e.target].sort().join() === [ids.ann, ids.acme].sort().join())!;
    assert.deepEqual(annAcme.kinds.sort(), ['follows', 'mention', 'reply']);
    assert.equal(annAcme.strong, true);
    const danGus = all.edges.find((e) => [e.source, e.target].sort().join() === [ids.dan, ids.gus].sort().join())!;
    assert.equal(danGus.strong, false);
    assert.ok(annAcme.strength > danGus.strength);
    // Accountants and climbers fall in different communities.
    const community = new Map(all.nodes.map((n) => [n.handle, n.community]));
    assert.notEqual(community.get('gus'), community.get('ann'));
    assert.equal(community.get('hal'), community.get('ivy'));
    const ego = (await (await viewer.request('GET', `${BASE}/network?focus=${ids.gus}&depth=1`)).json()) as { nodes: Array<{ handle: string }> };
    assert.deepEqual(ego.nodes.map((n) => n.handle).sort(), ['dan', 'gus', 'hal', 'ivy']);
    const strong = (await (await viewer.request('GET', `${BASE}/network?strength=strong`)).json()) as { edges: Array<{ strong: boolean }> };
    assert.ok(strong.edges.length > 0 && strong.edges.every((e) => e.strong));
    const limited = (await (await viewer.request('GET', `${BASE}/network?limit=3`)).json()) as { nodes: unknown[]; sampled: boolean; totalNodes: number };
    assert.deepEqual([limited.nodes.length, limited.sampled, limited.totalNodes], [3, true, 8]);
    const missing = await viewer.request('GET', `${BASE}/network?focus=999999`);
    assert.equal(missing.status, 404);
  });

  test('influencers: sorted, filtered, as JSON and CSV', async () => {
    const page = (await (await viewer.request('GET', `${BASE}/influencers?sort=influence&limit=3`)).json()) as { total: number; rows: Array<{ handle: string; influence: number; parts: { reach: number; trust: number } }> };
    assert.equal(page.total, 8);
    assert.equal(page.rows.length, 3);
    assert.ok(page.rows[0]!.influence >= page.rows[1]!.influence);
    for (const r of page.rows) assert.ok(r.influence >= 0 && r.influence <= 100);
    const brand = (await (await viewer.request('GET', `${BASE}/influencers?affiliation=brand`)).json()) as { rows: Array<{ handle: string }> };
    assert.deepEqual(brand.rows.map((r) => r.handle), ['acme']);
    const search = (await (await viewer.request('GET', `${BASE}/influencers?q=IV`)).json()) as { rows: Array<{ handle: string }> };
    assert.deepEqual(search.rows.map((r) => r.handle), ['ivy']);
    const asc = (await (await viewer.request('GET', `${BASE}/influencers?sort=followers&order=asc&limit=1`)).json()) as { rows: Array<{ followers: number }> };
    assert.equal(asc.rows[0]!.followers, 10);
    const csv = await viewer.request('GET', `${BASE}/influencers?format=csv`);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    assert.equal(lines.length, 9);
    assert.match(lines[0]!, /^id,handle,display_name/);
  });

  test("an account's card explains its score, lists its ties with the golden weak tie first", async () => {
    const card = (await (await viewer.request('GET', `${BASE}/accounts/${ids.dan}`)).json()) as {
      influence: { score: number; explanation: string[] }; ties: Array<{ account: { handle: string }; golden: boolean; strong: boolean }>; weakTieShare: number; brokerage: { betweenness: number }; skills: { bio: string };
    };
    assert.ok(card.influence.explanation.length >= 4);
    assert.match(card.influence.explanation[0]!, /^Influence \d+\/100/);
    // dan's only tie into the accountants' community is weak: golden.
    assert.equal(card.ties[0]!.account.handle, 'gus');
    assert.equal(card.ties[0]!.golden, true);
    assert.ok(card.brokerage.betweenness > 0);
    assert.equal(card.skills.bio, PEOPLE.dan);
    const fr = (await (await viewer.request('GET', `${BASE}/accounts/${ids.dan}?lang=fr`)).json()) as { influence: { explanation: string[] }; fanQuality: { explanation: string } };
    assert.match(fr.influence.explanation[0]!, /portée \d+ % × confiance \d+ %/);
    assert.match(fr.fanQuality.explanation, /trop peu pour vérifier/);
    const missing = await viewer.request('GET', `${BASE}/accounts/999999`);
    assert.equal(missing.status, 404);
  });

  test('who can help: skill match × trust of the introduction path, with the path and why', async () => {
    const response = await viewer.request('GET', `${BASE}/help?q=${encodeURIComponent('comptabilité')}`);
    assert.equal(response.status, 200);
    const help = (await response.json()) as { from: { handle: string }; candidates: Array<{ account: { handle: string }; score: number; pathTrust: number; skillMatch: number; path: Array<{ account: { handle: string }; strength: number }>; why: string[] }> };
    assert.equal(help.from.handle, 'acme');
    const handles = help.candidates.map((c) => c.account.handle);
    assert.deepEqual([...handles].sort(), ['gus', 'hal', 'ivy']);
    const gus = help.candidates.find((c) => c.account.handle === 'gus')!;
    assert.deepEqual(gus.path.map((p) => p.account.handle), ['acme', 'ann', 'dan', 'gus']);
    const product = gus.path.slice(1).reduce((x, p) => x * p.strength, 1);
    assert.ok(Math.abs(product - gus.pathTrust) < 1e-3);
    assert.ok(Math.abs(gus.score - gus.skillMatch * gus.pathTrust) < 1e-3);
    assert.ok(gus.why.some((w) => /@ann can vouch/.test(w)));
    const fr = (await (await viewer.request('GET', `${BASE}/help?q=comptabilite&lang=fr`)).json()) as { candidates: Array<{ account: { handle: string }; why: string[] }> };
    assert.ok(fr.candidates.find((c) => c.account.handle === 'gus')!.why.some((w) => /@ann peut se porter garant/.test(w)));
    // A tag a user adds makes someone a candidate.
    const put = await viewer.request('PUT', `${BASE}/accounts/${ids.bob}/skills`, { skills: ['comptabilité'] });
    assert.equal(put.status, 403);
    const member = await t.login(ROLE_EMAIL('member'));
    const saved = await member.request('PUT', `${BASE}/accounts/${ids.bob}/skills`, { skills: ['Comptabilité', 'comptabilité ', 'levée de fonds'] });
    assert.deepEqual(((await saved.json()) as { skills: string[] }).skills, ['comptabilité', 'levée de fonds']);
    const again = (await (await viewer.request('GET', `${BASE}/help?q=${encodeURIComponent('comptabilite')}`)).json()) as { candidates: Array<{ account: { handle: string }; why: string[] }> };
    assert.equal(again.candidates[0]!.account.handle, 'bob');
    assert.ok(again.candidates[0]!.why.some((w) => /tag/.test(w)));
    const empty = await viewer.request('GET', `${BASE}/help?q=${encodeURIComponent('de la')}`);
    assert.equal(empty.status, 400);
  });

  test('settings: viewers read them, the strategist changes them and calibrates the weights', async () => {
    const settings = (await (await viewer.request('GET', `${BASE}/settings`)).json()) as { halfLifeDays: number; dunbar: number };
    assert.deepEqual([settings.halfLifeDays, settings.dunbar], [60, 150]);
    assert.equal((await manager.request('PUT', `${BASE}/settings`, { dunbar: 2 })).status, 403);
    const strategist = await t.login(ROLE_EMAIL('strategist'));
    const bad = await strategist.request('PUT', `${BASE}/settings`, { threshold: 2 });
    assert.equal(bad.status, 400);
    const put = await strategist.request('PUT', `${BASE}/settings`, { halfLifeDays: 30 });
    assert.equal(((await put.json()) as { halfLifeDays: number }).halfLifeDays, 30);
    const calibrated = await strategist.request('POST', `${BASE}/calibrate`, { text: 'ann,acme,strong\nbob,ann,strong\ndan,gus,weak\ngus,hal,weak\nann,dan,weak\nnobody,ann,weak\n' });
    assert.equal(calibrated.status, 200);
    const fit = (await calibrated.json()) as { used: number; problems: Array<{ line: number }> };
    assert.deepEqual([fit.used, fit.problems.map((p) => p.line)], [5, [6]]);
    await strategist.request('PUT', `${BASE}/settings`, { halfLifeDays: 60, weights: { intercept: -4, frequency: 1, recency: 1.5, reciprocity: 1.5, embeddedness: 3, multiplexity: 0.7 } });
  });

  test('communities, stats and exports for Gephi', async () => {
    const communities = (await (await viewer.request('GET', `${BASE}/communities`)).json()) as { modularity: number; communities: Array<{ size: number; topAccounts: unknown[]; label: string }> };
    assert.ok(communities.modularity > 0.1);
    assert.equal(communities.communities.reduce((s, c) => s + c.size, 0), 8);
    const stats = (await (await viewer.request('GET', `${BASE}/stats`)).json()) as { ties: number; weakTieShare: { workspace: number }; brand: { account: { handle: string } | null }; analysis: { status: string } };
    assert.equal(stats.brand.account?.handle, 'acme');
    assert.ok(stats.weakTieShare.workspace > 0 && stats.weakTieShare.workspace < 1);
    const gexf = await viewer.request('GET', `${BASE}/export?format=gexf`);
    const text = await gexf.text();
    assert.match(text, /<gexf xmlns="http:\/\/gexf.net\/1.3"/);
    assert.equal((text.match(/<edge /g) ?? []).length, stats.ties);
    assert.match(text, /<attvalue for="strong" value="(true|false)"\/>/);
    const graphml = await (await viewer.request('GET', `${BASE}/export?format=graphml`)).text();
    assert.equal((graphml.match(/<node /g) ?? []).length, 8);
  });
});

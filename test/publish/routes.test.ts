import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { PublishTables } from '../../src/publish/tables.ts';
import { eachDialect } from '../support/databases.ts';
import { openTestApp, ROLE_EMAIL, type Client, type TestApp } from '../support/app.ts';

const DAY = 86_400_000;

eachDialect('Publish routes: short links and the recycling preview', (dialect) => {
  let t: TestApp;
  let member: Client;
  let viewer: Client;
  let workspaceId: number;
  before(async () => {
    t = await openTestApp(dialect);
    member = await t.login(ROLE_EMAIL('member'));
    viewer = await t.login(ROLE_EMAIL('viewer'));
    const db = t.database.db.withTables<PublishTables>();
    workspaceId = Number((await t.database.db.selectFrom('workspaces').select('id').where('slug', '=', 'acme').executeTakeFirstOrThrow()).id);
    const article = (title: string, ageDays: number, categories: string[], eventInDays: number | null = null) => ({
      workspace_id: workspaceId, url: `https://acme.example/blog/${encodeURIComponent(title)}`, title, summary: null,
      published_at: t.clock.now - ageDays * DAY, categories: JSON.stringify(categories), tags: '[]', event_at: eventInDays === null ? null : t.clock.now + eventInDays * DAY,
    });
    await db.insertInto('articles').values([
      article('Bien choisir sa veste', 40, ['Conseils']),
      article('Réparer plutôt que jeter', 60, ['Entretien']),
      article('Soldes d’été', 45, ['Annonces']),
      article('Festival du film', 50, ['Événements'], -2),
      article('Tout nouveau', 3, ['Produits']),
      article('Trop ancien', 400, ['Conseils']),
    ]).execute();
  });
  after(() => t.dispose());

  test('a short link redirects, counts each click with its referrer, and says 404 for an unknown code', async () => {
    const created = await member.request('POST', '/api/v1/w/acme/links', { url: 'https://acme.example/blog/veste', utm: { source: 'mastodon', campaign: 'rentree' } });
    assert.equal(created.status, 201);
    const link = (await created.json()) as { code: string; path: string; url: string };
    assert.match(link.code, /^[0-9A-Za-z]{8}$/);
    assert.equal(link.url, 'https://acme.example/blog/veste?utm_source=mastodon&utm_campaign=rentree');
    for (const referer of ['https://mastodon.example/@cimes/1', 'https://mastodon.example/@cimes/1', undefined]) {
      const follow = await t.app.fetch(new Request(`http://localhost${link.path}`, { headers: referer ? { referer } : {} }));
      assert.equal(follow.status, 302);
      assert.equal(follow.headers.get('location'), link.url);
      assert.equal(follow.headers.get('cache-control'), 'no-store');
    }
    const unknown = await t.app.fetch(new Request('http://localhost/s/nope1234'));
    assert.equal(unknown.status, 404);
    assert.match(await unknown.text(), /Lien inconnu/);
    const stats = (await (await viewer.request('GET', '/api/v1/w/acme/links')).json()) as { links: Array<{ code: string; clicks: number; visitors: number }> };
    const mine = stats.links.find((l) => l.code === link.code)!;
    assert.equal(mine.clicks, 3);
    assert.equal(mine.visitors, 1, 'one visitor (same address, same day) clicking three times');
    const clicks = await t.database.db.withTables<PublishTables>().selectFrom('link_clicks').select(['referrer']).orderBy('id').execute();
    assert.deepEqual(clicks.map((c) => c.referrer), ['mastodon.example', 'mastodon.example', null]);
  });

  test('a short link to something that is not a web address is refused with the field', async () => {
    const response = await member.request('POST', '/api/v1/w/acme/links', { url: 'javascript:alert(1)' });
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: { field: string } };
    assert.equal(body.error.field, 'url');
    assert.equal((await viewer.request('POST', '/api/v1/w/acme/links', { url: 'https://acme.example' })).status, 403);
  });

  test('the recycling preview shares the articles in the window, composed for the network, and says why the others are out', async () => {
    const response = await viewer.request('POST', '/api/v1/w/acme/recycle/preview', { rules: { excludeCategories: ['Annonces'], spreadMinutes: 0, prefix: 'À relire :' }, network: 'bluesky', count: 4, seed: 7 });
    assert.equal(response.status, 200);
    const preview = (await response.json()) as { shares: Array<{ title: string; text: string; over: boolean; at: number }>; excluded: Array<{ title: string; reason: string }>; intervalHours: number };
    assert.deepEqual(preview.shares.slice(0, 2).map((s) => s.title), ['Réparer plutôt que jeter', 'Bien choisir sa veste']);
    assert.ok(preview.shares.every((s) => s.text.startsWith('À relire :') && !s.over));
    assert.match(preview.shares[0]!.text, /#Entretien/);
    assert.equal(preview.intervalHours, 24, 'no brand posts seen: the quiet pace, one a day');
    assert.deepEqual(Object.fromEntries(preview.excluded.map((e) => [e.title, e.reason])), { 'Soldes d’été': 'excluded-category', 'Festival du film': 'event-passed', 'Tout nouveau': 'too-recent', 'Trop ancien': 'too-old' });
    const bad = await viewer.request('POST', '/api/v1/w/acme/recycle/preview', { rules: { minAgeDays: 90, maxAgeDays: 30 } });
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(await bad.json()), /maxAgeDays/);
  });
});

test('relais recycle preview prints the next posts and refuses bad rules with the field', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { main } = await import('../../src/cli.ts');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-recycle-'));
  const url = `sqlite:${path.join(dir, 'relais.db')}`;
  const run = async (argv: string[]) => {
    const out: string[] = [], err: string[] = [];
    const code = await main(argv, { out: (x) => out.push(x), err: (x) => err.push(x), env: {}, interactive: false });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  try {
    assert.equal((await run(['demo', '--database', url, '--size', 'small'])).code, 0);
    const preview = await run(['recycle', 'preview', '--workspace', 'demo', '--database', url, '--count', '5', '--network', 'bluesky', '--json']);
    assert.equal(preview.code, 0, preview.err);
    const json = JSON.parse(preview.out) as { shares: Array<{ text: string; over: boolean }>; excluded: Array<{ reason: string }> };
    assert.equal(json.shares.length, 5);
    assert.ok(json.shares.every((s) => !s.over));
    assert.ok(json.excluded.some((e) => e.reason === 'event-passed'), 'the demo blog has dated announcements');
    const rules = path.join(dir, 'rules.json');
    fs.writeFileSync(rules, JSON.stringify({ postsPerRun: 0 }));
    const bad = await run(['recycle', 'preview', '--workspace', 'demo', '--database', url, '--rules', rules]);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /postsPerRun/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

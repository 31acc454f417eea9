import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { main } from '../../src/cli.ts';
import { parseWhen } from '../../src/publish/commands.ts';
import { eachDialect } from '../support/databases.ts';
import { openTestApp, ROLE_EMAIL, type Client, type TestApp } from '../support/app.ts';
import { fakeMastodon, type FakeMastodon } from './support/fake-networks.ts';

async function until<T>(probe: () => Promise<T | null>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

eachDialect('Publish over the API: channels and scheduled posts, sent by the job runner', (dialect) => {
  let t: TestApp;
  let manager: Client;
  let viewer: Client;
  let mastodon: FakeMastodon;
  before(async () => {
    mastodon = await fakeMastodon();
    t = await openTestApp(dialect);
    manager = await t.login(ROLE_EMAIL('manager'));
    viewer = await t.login(ROLE_EMAIL('viewer'));
  });
  after(async () => { await t.dispose(); await mastodon.close(); });

  test('a manager adds a channel (credentials checked), schedules a post, and the worker sends it once', async () => {
    const refused = await manager.request('POST', '/api/v1/w/acme/channels', { network: 'mastodon', name: 'Masto', config: { instanceUrl: mastodon.url }, secrets: { accessToken: 'wrong' } });
    assert.equal(refused.status, 400);
    assert.equal(((await refused.json()) as { error: { field: string } }).error.field, 'secrets');
    const created = await manager.request('POST', '/api/v1/w/acme/channels', { network: 'mastodon', name: 'Masto', config: { instanceUrl: mastodon.url }, secrets: { accessToken: mastodon.token } });
    assert.equal(created.status, 201);
    const channel = (await created.json()) as { id: number; handle: string; secrets?: unknown };
    assert.match(channel.handle, /^@cimes@/);
    assert.equal(channel.secrets, undefined, 'credentials are never returned');
    const listed = JSON.stringify(await (await viewer.request('GET', '/api/v1/w/acme/channels')).json());
    assert.ok(!listed.includes(mastodon.token));

    const tooLong = await manager.request('POST', '/api/v1/w/acme/posts', { text: 'x'.repeat(501), targets: [{ channelId: channel.id }], dueAt: t.clock.now });
    assert.equal(tooLong.status, 400);
    assert.equal(((await tooLong.json()) as { error: { field: string } }).error.field, 'text');
    assert.equal((await viewer.request('POST', '/api/v1/w/acme/posts', { text: 'x', targets: [{ channelId: channel.id }], dueAt: t.clock.now })).status, 403);

    // The job runner waits in real time: bring the test's clock to it.
    t.clock.now = Date.now();
    const scheduled = await manager.request('POST', '/api/v1/w/acme/posts', { text: 'Depuis l’API', targets: [{ channelId: channel.id }], dueAt: t.clock.now });
    assert.equal(scheduled.status, 201);
    const { id } = (await scheduled.json()) as { id: number };
    const post = await until(async () => {
      const body = (await (await viewer.request('GET', `/api/v1/w/acme/posts/${id}`)).json()) as { status: string; attempts: Array<{ outcome: string }>; targets: Array<{ remoteUrl: string | null }> };
      return body.status === 'published' ? body : null;
    });
    assert.deepEqual(post.attempts.map((a) => a.outcome), ['published']);
    assert.match(post.targets[0]!.remoteUrl!, /\/@cimes\/\d+$/);
    assert.equal(mastodon.statuses.filter((s) => s.text === 'Depuis l’API').length, 1);
    const calendar = (await (await viewer.request('GET', `/api/v1/w/acme/posts?from=${t.clock.now - 1000}&to=${t.clock.now + 1000}`)).json()) as { posts: Array<{ id: number }> };
    assert.ok(calendar.posts.some((p) => p.id === id));
    assert.equal((await manager.request('POST', `/api/v1/w/acme/posts/${id}/retry`)).status, 409, 'nothing to retry');

    const feed = (await (await manager.request('POST', '/api/v1/w/acme/channels', { network: 'feed', name: 'Fil Atom', config: {}, secrets: {} })).json()) as { id: number };
    const forFeed = (await (await manager.request('POST', '/api/v1/w/acme/posts', { text: 'Dans le fil & ailleurs', targets: [{ channelId: feed.id }], dueAt: t.clock.now, linkUrl: 'https://acme.example/a' })).json()) as { id: number };
    await until(async () => (((await (await viewer.request('GET', `/api/v1/w/acme/posts/${forFeed.id}`)).json()) as { status: string }).status === 'published' ? true : null));
    const atom = await t.app.fetch(new Request(`http://localhost/feeds/acme/${feed.id}.atom`));
    assert.equal(atom.status, 200);
    assert.match(atom.headers.get('content-type')!, /application\/atom\+xml/);
    const xml = await atom.text();
    assert.match(xml, /<content type="text">Dans le fil &amp; ailleurs<\/content>/);
    assert.match(xml, /<link rel="alternate" href="https:\/\/acme.example\/a"\/>/);
    assert.equal((await t.app.fetch(new Request(`http://localhost/feeds/acme/${channel.id}.atom`))).status, 404, 'a Mastodon channel has no feed');
  });
});

test('times given on the command line are read in the channel\'s time zone', () => {
  assert.equal(parseWhen('2026-12-01T09:30', 'Europe/Paris', 0), Date.UTC(2026, 11, 1, 8, 30));
  assert.equal(parseWhen('2026-07-01T09:30', 'Europe/Paris', 0), Date.UTC(2026, 6, 1, 7, 30));
  assert.equal(parseWhen('2026-07-01T09:30', 'America/New_York', 0), Date.UTC(2026, 6, 1, 13, 30));
  assert.equal(parseWhen('2026-07-01T09:30:00Z', 'Europe/Paris', 0), Date.UTC(2026, 6, 1, 9, 30));
  assert.equal(parseWhen('now', 'Europe/Paris', 42), 42);
  assert.throws(() => parseWhen('demain', 'Europe/Paris', 0), /Cannot read the time/);
});

test('relais channel add|list|test and post schedule|list|cancel', async () => {
  const mastodon = await fakeMastodon();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-post-'));
  const url = `sqlite:${path.join(dir, 'relais.db')}`;
  const run = async (argv: string[]) => {
    const out: string[] = [], err: string[] = [];
    const code = await main(argv, { out: (x) => out.push(x), err: (x) => err.push(x), env: {}, interactive: false });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  try {
    assert.equal((await run(['demo', '--database', url, '--size', 'small'])).code, 0);
    const bad = await run(['channel', 'add', 'Masto', '--network', 'mastodon', '--instance', mastodon.url, '--token', 'nope', '--workspace', 'demo', '--database', url]);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /refused the channel/);
    const added = await run(['channel', 'add', 'Masto', '--network', 'mastodon', '--instance', mastodon.url, '--token', mastodon.token, '--workspace', 'demo', '--database', url]);
    assert.equal(added.code, 0, added.err);
    assert.match(added.out, /@cimes@/);
    assert.match((await run(['channel', 'list', '--workspace', 'demo', '--database', url])).out, /Masto\s+mastodon\s+active/);
    assert.equal((await run(['channel', 'test', 'Masto', '--workspace', 'demo', '--database', url])).code, 0);
    const scheduled = await run(['post', 'schedule', 'Bonjour depuis la CLI', '--channel', 'Masto', '--at', '2030-01-02T09:00', '--workspace', 'demo', '--database', url, '--json']);
    assert.equal(scheduled.code, 0, scheduled.err);
    const post = JSON.parse(scheduled.out) as { id: number; dueAt: number; status: string };
    assert.equal(post.dueAt, Date.UTC(2030, 0, 2, 8));
    assert.equal(post.status, 'scheduled');
    assert.match((await run(['post', 'list', '--workspace', 'demo', '--database', url])).out, /Masto: pending/);
    assert.match((await run(['post', 'cancel', String(post.id), '--workspace', 'demo', '--database', url])).out, /cancelled/);
    const unknown = await run(['post', 'schedule', 'x', '--channel', 'Nope', '--at', 'now', '--workspace', 'demo', '--database', url]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /No channel named "Nope"/);
  } finally {
    await mastodon.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

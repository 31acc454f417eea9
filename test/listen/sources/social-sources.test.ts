// Mastodon and Bluesky sources and file uploads end to end, on both databases: added over the
// API (the token kept, never shown), polled and streamed by the real jobs against local servers
// that speak the protocols, stored once, paused after repeated failures with the reason, and
// files uploaded with their bad rows in the ingest log.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pollSource } from '../../../src/listen/feeds.ts';
import { TopicIndex } from '../../../src/listen/topics.ts';
import type { MastodonStatus } from '../../../src/listen/sources/index.ts';
import { openTestApp, ROLE_EMAIL, type Client, type TestApp } from '../../support/app.ts';
import { eachDialect } from '../../support/databases.ts';
import { type FeedServer, startFeedServer } from './feed-server.ts';
import { startWsServer, type WsServer } from './ws-server.ts';

const STATUSES = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures/mastodon-statuses.json'), 'utf8')) as MastodonStatus[];
const EVENTS = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/jetstream-events.ndjson'), 'utf8').trim().split('\n');
const CSV = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/mentions-semicolon-latin1.csv'));

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

eachDialect('Mastodon, Bluesky and files as Listen sources', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  let viewer: Client;
  let mastodon: FeedServer;
  let jetstream: WsServer;
  let failing = false;
  const streamed: Array<(text: string) => void> = [];

  before(async () => {
    t = await openTestApp(dialect);
    admin = await t.login('admin@acme.test');
    manager = await t.login(ROLE_EMAIL('manager'));
    viewer = await t.login(ROLE_EMAIL('viewer'));
    mastodon = await startFeedServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (failing) return void res.writeHead(503).end('down');
      if (req.headers.authorization !== 'Bearer tok') return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"The access token is invalid"}');
      if (url.pathname === '/api/v1/streaming/hashtag') {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(':)\n\n');
        streamed.push((text) => res.write(text));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(url.searchParams.get('min_id') ? [] : STATUSES));
    });
    jetstream = await startWsServer((connection) => {
      for (const e of EVENTS) connection.send(e);
    });
  });
  after(async () => {
    await t.dispose();
    await mastodon.close();
    await jetstream.close();
  });

  test('a Mastodon hashtag with streaming: added (token hidden), polled, streamed by the jobs, stored once', async () => {
    const refused = await manager.request('POST', '/api/v1/w/acme/sources/mastodon', { instance: mastodon.origin, tag: 'relais', allowPrivate: true });
    assert.equal(refused.status, 403);
    const invalid = await admin.request('POST', '/api/v1/w/acme/sources/mastodon', { instance: mastodon.origin, tag: 'two words' });
    assert.equal(invalid.status, 400);
    const added = await admin.request('POST', '/api/v1/w/acme/sources/mastodon', { instance: mastodon.origin, tag: '#relais', token: 'tok', stream: true, allowPrivate: true });
    assert.equal(added.status, 201);
    const source = (await added.json()) as { id: number; kind: string; name: string; options: Record<string, unknown> };
    assert.equal(source.kind, 'mastodon');
    assert.equal(source.options.hasToken, true);
    assert.equal(source.options.token, undefined);
    assert.match(source.name, /#relais on 127\.0\.0\.1/);
    const again = await admin.request('POST', '/api/v1/w/acme/sources/mastodon', { instance: mastodon.origin, tag: 'relais', allowPrivate: true });
    assert.equal(again.status, 409);
    const stored = async () => ((await (await manager.request('GET', '/api/v1/w/acme/mentions')).json()) as { mentions: Array<{ network: string; text: string; author: { handle: string } | null }> }).mentions.filter((m) => m.network === 'mastodon');
    // The poll job ran at once, then started the stream job.
    await until(stored, (m) => m.length === 2, 'the polled statuses');
    const push = await until(async () => streamed.at(-1), (p) => p !== undefined, 'the stream connection');
    push!(`event: update\ndata: ${JSON.stringify({ ...STATUSES[0], id: '2', uri: 'https://mastodon.social/users/Gargron/statuses/2', url: 'https://mastodon.social/@Gargron/2', content: '<p>streamed #relais</p>' })}\n\n`);
    push!(`event: update\ndata: ${JSON.stringify(STATUSES[1])}\n\n`);
    const all = await until(stored, (m) => m.some((x) => x.text === 'streamed #relais'), 'the streamed status');
    assert.equal(all.length, 3, 'the status both polled and streamed is stored once');
    // Pausing the source ends its stream.
    await manager.request('POST', `/api/v1/w/acme/sources/${source.id}/pause`);
  });

  test('a Mastodon source that keeps failing is paused with its reason', async () => {
    const added = (await (await admin.request('POST', '/api/v1/w/acme/sources/mastodon', { instance: mastodon.origin, mode: 'public', token: 'tok', allowPrivate: true })).json()) as { id: number };
    failing = true;
    let result = { paused: null as string | null, failure: null as string | null };
    for (let i = 0; i < 10; i++) result = await pollSource({ db: t.database.db, topics: new TopicIndex(), now: Date.now() }, added.id);
    failing = false;
    assert.match(result.failure ?? '', /503/);
    assert.match(result.paused ?? '', /Failed 10 times/);
    const list = (await (await viewer.request('GET', '/api/v1/w/acme/sources')).json()) as { sources: Array<{ id: number; status: string; pausedReason: string }> };
    assert.equal(list.sources.find((s) => s.id === added.id)?.status, 'paused');
  });

  test('Bluesky keywords on Jetstream: the stream job keeps matching posts and saves its cursor', async () => {
    const missing = await admin.request('POST', '/api/v1/w/acme/sources/bluesky', { mode: 'jetstream', endpoint: jetstream.origin, allowPrivate: true });
    assert.equal(missing.status, 400);
    const added = await admin.request('POST', '/api/v1/w/acme/sources/bluesky', { keywords: ['relais'], endpoint: jetstream.origin, allowPrivate: true });
    assert.equal(added.status, 201);
    const source = (await added.json()) as { id: number; options: { mode: string } };
    assert.equal(source.options.mode, 'jetstream');
    const stored = async () => ((await (await manager.request('GET', '/api/v1/w/acme/mentions')).json()) as { mentions: Array<{ network: string; text: string }> }).mentions.filter((m) => m.network === 'bluesky');
    const posts = await until(stored, (m) => m.length === 2, 'the matching Jetstream posts');
    assert.ok(posts.every((p) => /relais/i.test(p.text)));
    const row = await until(
      () => t.database.db.selectFrom('sources' as never).select(['state' as never]).where('id' as never, '=', source.id as never).executeTakeFirstOrThrow() as Promise<{ state: string }>,
      (r) => (JSON.parse(r.state) as { cursor: number | null }).cursor === 1725911162700000,
      'the cursor saved',
    );
    assert.ok(row);
    await manager.request('POST', `/api/v1/w/acme/sources/${source.id}/pause`);
  });

  test('uploading a CSV: preview with the guessed mapping, then import; the bad row is in the ingest log with its line', async () => {
    const upload = (client: Client, route: string, query: string, body: Uint8Array) =>
      t.app.fetch(new Request(`http://localhost/api/v1/w/acme/ingest/${route}?${query}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', cookie: client.cookie, 'x-csrf-token': client.csrfToken }, body: new Uint8Array(body) }));
    const forbidden = await upload(viewer, 'file', 'name=export.csv', CSV);
    assert.equal(forbidden.status, 403);
    const preview = (await (await upload(manager, 'preview', 'name=export.csv', CSV)).json()) as { format: string; encoding: string; delimiter: string; mapping: Record<string, string>; total: number; errors: number; sample: unknown[] };
    assert.equal(preview.format, 'csv');
    assert.equal(preview.encoding, 'windows-1252');
    assert.equal(preview.delimiter, ';');
    assert.equal(preview.mapping.text, 'Texte');
    assert.equal(preview.total, 4);
    assert.equal(preview.errors, 1);
    const response = await upload(manager, 'file', `name=export.csv&sourceType=forum&mapping=${encodeURIComponent(JSON.stringify({ 'author.displayName': 'Colonne inconnue' }))}`, CSV);
    assert.equal(response.status, 200);
    const result = (await response.json()) as { inserted: number; received: number; rejected: Array<{ position: string; message: string }> };
    assert.equal(result.received, 4);
    assert.equal(result.inserted, 3);
    assert.deepEqual(result.rejected.map((r) => r.position), ['line 5']);
    const log = (await (await manager.request('GET', '/api/v1/w/acme/ingest-log')).json()) as { entries?: Array<{ source: string; position: string; message: string }> } & Record<string, unknown>;
    const entries = (log.entries ?? (Object.values(log).find(Array.isArray) as Array<{ source: string; position: string; message: string }>)) ?? [];
    assert.ok(entries.some((e) => e.source === 'export.csv' && e.position === 'line 5' && /not a date/.test(e.message)));
    const badMapping = await upload(manager, 'file', `name=export.csv&mapping=${encodeURIComponent('{"text":"Nope"}')}`, CSV);
    assert.equal(badMapping.status, 400);
    assert.match(((await badMapping.json()) as { error: { message: string } }).error.message, /"Nope" mapped to text is not in the file's header/);
    const again = (await (await upload(manager, 'file', 'name=export.csv', CSV)).json()) as { inserted: number; duplicates: number };
    assert.equal(again.inserted, 0, 'a file imported twice is stored once');
  });
});

// Feed sources end to end: a local HTTP server speaks RSS (a recorded real feed), relais adds
// it over the API, polls it, stores its items once, honours conditional GET, refuses private
// addresses unless an administrator allows them, and pauses a feed that keeps failing.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pollSource } from '../../src/listen/feeds.ts';
import { TopicIndex } from '../../src/listen/topics.ts';
import { openTestApp, ROLE_EMAIL, type Client, type TestApp } from '../support/app.ts';

const RSS = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/feeds/rss2sample.xml'));

interface Served {
  url: string;
  counts: { ok: number; notModified: number; failed: number };
  failing: boolean;
  close(): Promise<void>;
}

async function serveFeed(): Promise<Served> {
  const served = { counts: { ok: 0, notModified: 0, failed: 0 }, failing: false } as Served;
  const server = http.createServer((request, response) => {
    if (served.failing) {
      served.counts.failed += 1;
      response.writeHead(503).end('down');
      return;
    }
    if (request.headers['if-none-match'] === '"v1"') {
      served.counts.notModified += 1;
      response.writeHead(304).end();
      return;
    }
    served.counts.ok += 1;
    response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(RSS);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  served.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
  served.close = () => new Promise((resolve) => server.close(() => resolve()));
  return served;
}

let t: TestApp;
let admin: Client;
let manager: Client;
let feed: Served;
before(async () => {
  t = await openTestApp('sqlite');
  admin = await t.login('admin@acme.test');
  manager = await t.login(ROLE_EMAIL('manager'));
  feed = await serveFeed();
});
after(async () => {
  await feed.close();
  await t.dispose();
});

test('a feed on a private address is refused unless an administrator allows it', async () => {
  const refused = await manager.request('POST', '/api/v1/w/acme/sources', { url: feed.url, allowPrivate: true });
  assert.equal(refused.status, 403);
  const added = await manager.request('POST', '/api/v1/w/acme/sources', { url: `${feed.url}?plain` });
  assert.equal(added.status, 201);
  const { id } = (await added.json()) as { id: number };
  const polled = (await (await manager.request('POST', `/api/v1/w/acme/sources/${id}/poll`)).json()) as { inserted: number; failure: string };
  assert.equal(polled.inserted, 0);
  assert.match(polled.failure, /private|loopback/i);
  assert.equal(feed.counts.ok, 0, 'no request reached the server');
});

test('an allowed feed is polled: items stored once, conditional GET, then the stream shows them', async () => {
  const added = await admin.request('POST', '/api/v1/w/acme/sources', { url: feed.url, allowPrivate: true, sourceType: 'news' });
  assert.equal(added.status, 201);
  const { id } = (await added.json()) as { id: number };
  // Adding a source polls it in the background at once; polling again now changes nothing.
  const stored = async () => ((await (await manager.request('GET', '/api/v1/w/acme/mentions?source=news')).json()) as { mentions: Array<{ url: string }> }).mentions;
  for (let i = 0; i < 100 && (await stored()).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  const first = await stored();
  assert.ok(first.length >= 3, `items stored: ${first.length}`);
  assert.ok(first.every((m) => m.url?.startsWith('http')));
  const again = (await (await manager.request('POST', `/api/v1/w/acme/sources/${id}/poll`)).json()) as { inserted: number; failure: string | null };
  assert.equal(again.failure, null);
  assert.equal(again.inserted, 0);
  assert.equal(feed.counts.ok, 1, 'one full download');
  assert.ok(feed.counts.notModified >= 1, 'then a conditional GET answered 304');
  assert.equal((await stored()).length, first.length);
});

test('a feed that keeps failing backs off and is paused with its reason', async () => {
  const sources = (await (await manager.request('GET', '/api/v1/w/acme/sources')).json()) as { sources: Array<{ id: number; url: string }> };
  const id = sources.sources.find((s) => s.url === feed.url)!.id;
  feed.failing = true;
  let result = { paused: null as string | null, failure: null as string | null };
  for (let i = 0; i < 10; i++) result = await pollSource({ db: t.database.db, topics: new TopicIndex(), now: Date.now() }, id);
  assert.match(result.failure ?? '', /503/);
  assert.match(result.paused ?? '', /Failed 10 times/);
  const after = (await (await manager.request('GET', '/api/v1/w/acme/sources')).json()) as { sources: Array<{ id: number; status: string; pausedReason: string; nextPollAt: number }> };
  const source = after.sources.find((s) => s.id === id)!;
  assert.equal(source.status, 'paused');
  assert.match(source.pausedReason, /503/);
  feed.failing = false;
  const resumed = (await (await manager.request('POST', `/api/v1/w/acme/sources/${id}/resume`)).json()) as { status: string };
  assert.equal(resumed.status, 'active');
});

test('an OPML list adds its feeds and reports what it skipped', async () => {
  const opml = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/feeds/subscriptionList.opml'), 'utf8');
  const response = await manager.request('POST', '/api/v1/w/acme/sources/opml', { opml });
  assert.equal(response.status, 200);
  const result = (await response.json()) as { added: unknown[]; skipped: unknown[] };
  assert.ok(result.added.length > 0);
  const again = (await (await manager.request('POST', '/api/v1/w/acme/sources/opml', { opml })).json()) as { added: unknown[]; skipped: Array<{ reason: string }> };
  assert.equal(again.added.length, 0);
  assert.ok(again.skipped.every((k) => /already/.test(k.reason)));
});

// The SSRF guard: by default a feed URL whose host is or resolves to a loopback or private
// address is refused before any connection, on the first request and on every redirect hop; the
// connection uses the very address that was checked. No test sends traffic anywhere but to the
// local test server: refused addresses are refused before connecting.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Resolver } from '../../../src/listen/sources/feeds/address.ts';
import { type FeedSourceOptions, initialFeedState, pollFeed } from '../../../src/listen/sources/feeds/fetch.ts';
import { type FeedServer, rssFeed, startFeedServer } from './feed-server.ts';

const NOW = Date.UTC(2024, 0, 1);
let server: FeedServer;
after(async () => server?.close());

async function local(): Promise<FeedServer> {
  server ??= await startFeedServer((req, res) => {
    if (req.url?.startsWith('/to?')) return res.writeHead(302, { location: decodeURIComponent(req.url.slice(4)) }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed([`host ${req.headers.host}`]));
  });
  return server;
}
const poll = (url: string, options: FeedSourceOptions = {}) => pollFeed(initialFeedState(url), { random: () => 0, timeoutMs: 2_000, ...options }, { now: NOW });

test('by default, loopback and private addresses are refused before connecting', async () => {
  const s = await local();
  const before = s.requests.length;
  for (const url of [`${s.origin}/feed`, 'http://10.0.0.1/feed', `http://[::1]:${s.port}/feed`, `http://localhost:${s.port}/feed`, 'http://169.254.169.254/latest/meta-data/', 'http://0x7f.1/feed', 'http://[::ffff:127.0.0.1]/feed', 'https://192.168.1.1/rss']) {
    const r = await poll(url);
    assert.equal(r.failure?.kind, 'rejected', url);
    assert.equal(r.failure?.code, 'address-refused', url);
    assert.match(r.failure?.message ?? '', /(loopback|private|link-local) address: refused/, url);
  }
  assert.equal(s.requests.length, before, 'no request reached the server');
});

test('a hostname resolving to a private address is refused, even when only one of its addresses is', async () => {
  const s = await local();
  const resolve: Resolver = async (host) =>
    host === 'inside.example' ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.1', family: 4 }];
  const a = await poll(`http://inside.example:${s.port}/feed`, { resolve });
  assert.match(a.failure?.message ?? '', /inside\.example resolves to 127\.0\.0\.1, which is a loopback address/);
  const b = await poll('http://mixed.example/feed', { resolve });
  assert.match(b.failure?.message ?? '', /mixed\.example resolves to 10\.0\.0\.1, which is a private address/);
  assert.equal(s.requests.length, 0);
});

test('allowPrivate (admin setting) lets local feeds through', async () => {
  const s = await local();
  const r = await poll(`${s.origin}/feed`, { allowPrivate: true });
  assert.equal(r.failure, null);
  assert.equal(r.mentions[0]?.title, `host 127.0.0.1:${s.port}`);
});

test('every redirect hop is checked: a public-looking feed redirecting inside is refused', async () => {
  const s = await local();
  // The admin allowed exactly 127.0.0.1 (the test server); every other private address stays refused.
  const options: FeedSourceOptions = { allowedNetworks: ['127.0.0.1/32'] };
  assert.equal((await poll(`${s.origin}/feed`, options)).failure, null);
  const count = s.requests.length;
  for (const target of ['http://10.0.0.1/admin', `http://[::1]:${s.port}/feed`, 'http://169.254.169.254/latest/meta-data/', 'http://192.168.0.10/']) {
    const r = await poll(`${s.origin}/to?${encodeURIComponent(target)}`, options);
    assert.equal(r.failure?.code, 'address-refused', target);
  }
  assert.equal(s.requests.length, count + 4, 'only the redirecting requests reached the server');
});

test('the connection is pinned to the address that was checked (no DNS rebinding)', async () => {
  const s = await local();
  const calls: string[] = [];
  // A rebinding resolver: first answer allowed, any later answer private.
  const answers = ['127.0.0.1', '10.0.0.1'];
  const resolve: Resolver = async (host) => {
    calls.push(host);
    return [{ address: answers[Math.min(calls.length - 1, 1)] as string, family: 4 }];
  };
  const r = await poll(`http://feeds.example:${s.port}/feed`, { resolve, allowedNetworks: ['127.0.0.1'] });
  assert.equal(r.failure, null);
  // One resolution, and the server got the request on the checked address with the original Host.
  assert.deepEqual(calls, ['feeds.example']);
  assert.equal(r.mentions[0]?.title, `host feeds.example:${s.port}`);
});

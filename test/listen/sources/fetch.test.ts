// Polling a feed against a local server: conditional GET, redirects, compression, limits,
// timeouts, error classification and back-off. (The SSRF guard has its own file.)
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import zlib from 'node:zlib';
import { type FeedSourceOptions, type FeedState, feedSource, initialFeedState, pollFeed } from '../../../src/listen/sources/feeds/fetch.ts';
import { pauseReason } from '../../../src/listen/sources/source.ts';
import { type FeedServer, rssFeed, startFeedServer } from './feed-server.ts';

const NOW = Date.UTC(2024, 0, 1, 12);
// The test server is on 127.0.0.1: the admin setting that allows private addresses is on.
const OPTIONS: FeedSourceOptions = { allowPrivate: true, random: () => 0, intervalMs: 600_000, timeoutMs: 2_000 };
const servers: FeedServer[] = [];
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
});
async function serve(handler: Parameters<typeof startFeedServer>[0]): Promise<FeedServer> {
  const s = await startFeedServer(handler);
  servers.push(s);
  return s;
}
const poll = (state: FeedState, options: FeedSourceOptions = {}, now = NOW) => pollFeed(state, { ...OPTIONS, ...options }, { now });

test('conditional GET with ETag: the server answers 304 and nothing is yielded again', async () => {
  let version = 'v1';
  let titles = ['Un', 'Deux'];
  const s = await serve((req, res) => {
    const etag = `"${version}"`;
    if (req.headers['if-none-match'] === etag) return res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(rssFeed(titles));
  });
  const first = await poll(initialFeedState(`${s.origin}/feed`));
  assert.equal(first.failure, null);
  assert.deepEqual(first.mentions.map((m) => m.title), ['Un', 'Deux']);
  assert.equal(first.state.etag, '"v1"');
  assert.equal(first.state.nextAttemptAt, NOW + 600_000);
  const second = await poll(first.state, {}, NOW + 600_000);
  assert.equal(second.failure, null);
  assert.deepEqual(second.mentions, []);
  assert.equal(second.state.etag, '"v1"');
  assert.equal(second.state.lastSuccessAt, NOW + 600_000);
  assert.equal(s.requests[1]?.headers['if-none-match'], '"v1"');
  // A new item and an edited one: only they are yielded.
  version = 'v2';
  titles = ['Trois', 'Un', 'Deux'];
  const third = await poll(second.state);
  assert.deepEqual(third.mentions.map((m) => m.title), ['Trois']);
  assert.deepEqual([s.statuses.get(200), s.statuses.get(304)], [2, 1]);
});

test('conditional GET with Last-Modified only', async () => {
  const lastModified = 'Tue, 10 Jun 2003 04:00:00 GMT';
  const s = await serve((req, res) => {
    if (req.headers['if-modified-since'] === lastModified) return res.writeHead(304).end();
    res.writeHead(200, { 'content-type': 'text/xml', 'last-modified': lastModified }).end(rssFeed(['A']));
  });
  const first = await poll(initialFeedState(`${s.origin}/rss`));
  assert.equal(first.state.lastModified, lastModified);
  assert.equal(first.state.etag, null);
  const second = await poll(first.state);
  assert.deepEqual(second.mentions, []);
  assert.deepEqual([s.statuses.get(200), s.statuses.get(304)], [1, 1]);
});

test('an undated entry is dated when first seen and not yielded again with a new date', async () => {
  const s = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss version="2.0"><channel><title>T</title><item><title>Undated</title><guid isPermaLink="false">u1</guid></item></channel></rss>'));
  const first = await poll(initialFeedState(`${s.origin}/f`));
  assert.equal(first.mentions[0]?.publishedAt, NOW);
  assert.equal(first.mentions[0]?.networkId, `${s.origin}/f#u1`);
  assert.ok(first.problems.some((p) => p.code === 'date-missing'));
  const later = await poll(first.state, {}, NOW + 86_400_000);
  assert.deepEqual(later.mentions, []);
});

test('without validators, unchanged items are not yielded twice; an edited one is', async () => {
  let text = 'first';
  const s = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed(['A', 'B'], `<description>${text}</description>`)));
  const first = await poll(initialFeedState(`${s.origin}/f`));
  assert.equal(first.mentions.length, 2);
  const second = await poll(first.state);
  assert.equal(second.mentions.length, 0);
  text = 'edited';
  const third = await poll(second.state);
  assert.deepEqual(third.mentions.map((m) => [m.networkId, m.text]), [['https://blog.example/A', 'edited'], ['https://blog.example/B', 'edited']]);
});

test('redirects: followed; only an unbroken run of 301/308 moves the stored URL', async () => {
  const s = await serve((req, res) => {
    const to: Record<string, [number, string]> = {
      '/a': [301, '/b'], '/b': [308, '/feed'], '/c': [301, '/d'], '/d': [302, '/feed'], '/e': [302, '/f'], '/f': [301, '/feed'],
      '/abs': [301, 'PLACEHOLDER'],
    };
    const hop = to[req.url ?? ''];
    if (hop) return res.writeHead(hop[0], { location: hop[1] === 'PLACEHOLDER' ? `http://${req.headers.host}/feed` : hop[1] }).end();
    if (req.url?.startsWith('/loop')) return res.writeHead(302, { location: `/loop${Number(req.url.slice(5) || 0) + 1}` }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed(['R']));
  });
  const cases: [string, string][] = [['/a', '/feed'], ['/c', '/d'], ['/e', '/e'], ['/abs', '/feed'], ['/feed', '/feed']];
  for (const [start, stored] of cases) {
    const r = await poll(initialFeedState(`${s.origin}${start}`));
    assert.equal(r.failure, null, start);
    assert.equal(r.mentions[0]?.title, 'R');
    assert.equal(r.state.url, `${s.origin}${stored}`, start);
  }
  // A feed that moved keeps its entries' ids (scoped by the URL the source was created with).
  const moved = await poll(initialFeedState(`${s.origin}/a`));
  const again = await poll({ ...moved.state, seen: [] });
  assert.deepEqual([again.state.url, again.state.idScope], [`${s.origin}/feed`, `${s.origin}/a`]);
  assert.deepEqual(again.mentions.map((m) => m.networkId), moved.mentions.map((m) => m.networkId));
  const loop = await poll(initialFeedState(`${s.origin}/loop`));
  assert.equal(loop.failure?.kind, 'rejected');
  assert.equal(loop.failure?.code, 'too-many-redirects');
  assert.equal(s.requests.filter((r) => r.path.startsWith('/loop')).length, 6); // the first request and 5 redirects
});

test('gzip, deflate (zlib and raw) and brotli bodies are decompressed', async () => {
  const body = Buffer.from(rssFeed(['Compressé']));
  const s = await serve((req, res) => {
    const encodings: Record<string, Buffer> = { '/gzip': zlib.gzipSync(body), '/deflate': zlib.deflateSync(body), '/raw': zlib.deflateRawSync(body), '/br': zlib.brotliCompressSync(body) };
    const enc = (req.url ?? '').slice(1);
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': enc === 'raw' ? 'deflate' : enc }).end(encodings[req.url ?? '']);
  });
  for (const path of ['/gzip', '/deflate', '/raw', '/br']) {
    const r = await poll(initialFeedState(`${s.origin}${path}`));
    assert.equal(r.failure, null, path);
    assert.equal(r.mentions[0]?.title, 'Compressé', path);
  }
  assert.match(String(s.requests[0]?.headers['accept-encoding']), /gzip.*deflate.*br/);
  assert.match(String(s.requests[0]?.headers['user-agent']), /^relais-feed-fetcher\//);
  assert.match(String(s.requests[0]?.headers.accept), /application\/rss\+xml/);
});

test('the size limit: declared, streamed, and after decompression (a gzip bomb)', async () => {
  const big = Buffer.from(rssFeed(['x'.repeat(5_000)]));
  const s = await serve((req, res) => {
    if (req.url === '/declared') return res.writeHead(200, { 'content-length': String(big.length) }).end(big);
    if (req.url === '/chunked') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write(big.subarray(0, 2_000));
      return res.end(big.subarray(2_000));
    }
    res.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync(Buffer.alloc(1_000_000, 0x20)));
  });
  for (const path of ['/declared', '/chunked', '/bomb']) {
    const r = await poll(initialFeedState(`${s.origin}${path}`), { maxBytes: 4_096 });
    assert.equal(r.failure?.kind, 'rejected', path);
    assert.equal(r.failure?.code, 'too-large', path);
  }
});

test('a timeout covers a server that never answers and one that drips its body', async () => {
  const s = await serve((req, res) => {
    if (req.url === '/drip') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<rss version="2.0"><channel>');
      return; // never ends
    }
    // /silent: never answers
  });
  for (const path of ['/silent', '/drip']) {
    const started = performance.now();
    const r = await poll(initialFeedState(`${s.origin}${path}`), { timeoutMs: 250 });
    const took = performance.now() - started;
    assert.equal(r.failure?.kind, 'unavailable', path);
    assert.equal(r.failure?.code, 'timeout', path);
    assert.ok(took >= 240 && took < 2_000, `${path} took ${took} ms`);
  }
});

test('failures are classified: auth-expired, rate-limited with Retry-After, rejected, unavailable', async () => {
  const s = await serve((req, res) => {
    const path = req.url ?? '';
    if (path === '/429') return res.writeHead(429, { 'retry-after': '120' }).end();
    if (path === '/503') return res.writeHead(503, { 'retry-after': 'Mon, 01 Jan 2024 13:00:00 GMT' }).end('down');
    if (path === '/html') return res.writeHead(200, { 'content-type': 'text/html', etag: '"page"' }).end('<!DOCTYPE html><html><body>Not a feed</body></html>');
    res.writeHead(Number(path.slice(1))).end();
  });
  const expect: [string, string, string, number | null][] = [
    ['/401', 'auth-expired', 'http-401', null], ['/403', 'auth-expired', 'http-403', null], ['/404', 'rejected', 'http-404', null],
    ['/410', 'rejected', 'http-410', null], ['/400', 'rejected', 'http-400', null], ['/429', 'rate-limited', 'http-429', 120_000],
    ['/500', 'unavailable', 'http-500', null], ['/502', 'unavailable', 'http-502', null], ['/503', 'unavailable', 'http-503', 3_600_000],
    ['/html', 'rejected', 'not-a-feed', null],
  ];
  for (const [path, kind, code, retryAfterMs] of expect) {
    const r = await poll(initialFeedState(`${s.origin}${path}`));
    assert.deepEqual([r.failure?.kind, r.failure?.code, r.failure?.retryAfterMs], [kind, code, retryAfterMs], path);
    assert.equal(r.mentions.length, 0);
    assert.equal(r.state.consecutiveFailures, 1);
    if (retryAfterMs !== null) assert.ok(r.state.nextAttemptAt >= NOW + retryAfterMs, `${path} honours Retry-After`);
  }
  const html = await poll(initialFeedState(`${s.origin}/html`));
  assert.equal(html.state.etag, null); // a later 304 must not hide a fixed feed
  assert.ok(html.problems.some((p) => p.code === 'not-a-feed'));
  const gone = await poll(initialFeedState(`${s.origin}/410`));
  assert.match(pauseReason(gone.state) ?? '', /gone/);
  // Network errors: a closed port, a bad URL, a scheme that is not HTTP.
  const closed = await startFeedServer(() => undefined);
  const port = closed.port;
  await closed.close();
  const refused = await poll(initialFeedState(`http://127.0.0.1:${port}/feed`));
  assert.deepEqual([refused.failure?.kind, refused.failure?.code], ['unavailable', 'connection-refused']);
  for (const url of ['not a url', 'ftp://example.com/feed', 'file:///etc/passwd']) {
    assert.deepEqual([(await poll(initialFeedState(url))).failure?.code], ['url-invalid'], url);
  }
});

test('back-off grows with each failure and resets on success; the source yields one batch per poll', async () => {
  let failing = true;
  const s = await serve((_req, res) => (failing ? res.writeHead(500).end() : res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed(['Back']))));
  const source = feedSource({ ...OPTIONS, backoff: { baseMs: 1_000, maxMs: 8_000, maxRetryAfterMs: 60_000 } });
  let state = initialFeedState(`${s.origin}/feed`);
  let now = NOW;
  const delays: number[] = [];
  for (let i = 0; i < 5; i++) {
    const batches = [];
    for await (const batch of source.poll(state, { now })) batches.push(batch);
    assert.equal(batches.length, 1);
    state = (batches[0] as (typeof batches)[number]).state;
    delays.push(state.nextAttemptAt - now);
    now = state.nextAttemptAt;
  }
  assert.deepEqual(delays, [500, 1_000, 2_000, 4_000, 4_000]);
  assert.equal(state.consecutiveFailures, 5);
  assert.equal(state.lastFailure?.code, 'http-500');
  failing = false;
  const ok = await pollFeed(state, OPTIONS, { now });
  assert.deepEqual([ok.failure, ok.state.consecutiveFailures, ok.state.nextAttemptAt - now, ok.state.lastFailure], [null, 0, 600_000, null]);
  assert.equal(ok.mentions[0]?.title, 'Back');
});

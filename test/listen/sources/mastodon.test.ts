// Mastodon: a status (the documentation's example) mapped to a mention; the REST poller against a
// local server that speaks the API as documented (bearer token, min_id pagination with the Link
// header, rate-limit headers, 429); the streaming API over server-sent events with reconnection.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { initialMastodonState, type MastodonStatus, parseLinkHeader, pollMastodon, SseParser, statusToMention, streamMastodon, type StreamBatch } from '../../../src/listen/sources/index.ts';
import { startFeedServer } from './feed-server.ts';

const STATUSES = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures/mastodon-statuses.json'), 'utf8')) as MastodonStatus[];
const NOW = Date.UTC(2026, 10, 22, 12);

/** A status numbered n, in the documented shape. */
function status(n: number, extra: Partial<MastodonStatus> = {}): MastodonStatus {
  return { ...STATUSES[0]!, id: String(1000 + n), uri: `https://mastodon.social/users/Gargron/statuses/${1000 + n}`, url: `https://mastodon.social/@Gargron/${1000 + n}`, content: `<p>status ${n} #relais</p>`, tags: [{ name: 'relais', url: 'https://mastodon.social/tags/relais' }], ...extra };
}

test('the documented Status maps to a mention: uri as id, acct made global, HTML to text, engagement, bio', () => {
  const { mention, problem } = statusToMention(STATUSES[0], { instance: 'https://mastodon.social' });
  assert.equal(problem, null);
  assert.ok(mention);
  assert.equal(mention.network, 'mastodon');
  assert.equal(mention.networkId, 'https://mastodon.social/users/Gargron/statuses/103270115826048975');
  assert.equal(mention.url, 'https://mastodon.social/@Gargron/103270115826048975');
  assert.equal(mention.publishedAt, Date.UTC(2019, 11, 8, 3, 48, 33, 901));
  assert.equal(mention.author?.handle, 'Gargron@mastodon.social');
  assert.equal(mention.author?.displayName, 'Eugen');
  assert.equal(mention.author?.followers, 322930);
  assert.match(mention.author?.bio ?? '', /^Developer of Mastodon/);
  assert.match(mention.text, /^"I lost my inheritance with one wrong digit on my sort code"/);
  assert.ok(mention.links.includes('https://www.theguardian.com/money/2019/dec/07/i-lost-my-193000-inheritance-with-one-wrong-digit-on-my-sort-code'));
  assert.equal(mention.lang, 'en');
  assert.deepEqual(mention.engagement, { likes: 11, shares: 6, replies: 5 });
  assert.equal(mention.raw, STATUSES[0]);
});

test('a reply keeps its parent, its mentions and tags; tag and profile links are not cited links', () => {
  const { mention } = statusToMention(STATUSES[1], { instance: 'https://mastodon.social' });
  assert.ok(mention);
  assert.equal(mention.replyTo, 'https://mastodon.social/api/v1/statuses/103270115826048975');
  assert.deepEqual(mention.mentioned, ['Gargron@mastodon.social']);
  assert.deepEqual(mention.hashtags, ['banque']);
  assert.deepEqual(mention.links, ['https://www.example.org/article']);
  assert.equal(mention.author?.handle, 'ana@social.example');
  assert.equal(mention.author?.bio, 'Journaliste & curieuse');
  assert.equal(mention.lang, 'fr');
});

test('a reblog is a reshare of the original; a quote points at the quoted status; junk is reported', () => {
  const original = STATUSES[0]!;
  const reblog = { ...status(1), content: '', reblog: original, account: { ...original.account, acct: 'bob@other.example', username: 'bob' } };
  const { mention } = statusToMention(reblog, { instance: 'https://mastodon.social' });
  assert.equal(mention?.reshareOf, original.uri);
  assert.match(mention?.text ?? '', /inheritance/);
  assert.equal(mention?.author?.handle, 'bob@other.example');
  const quoting = status(2, { quote: { state: 'accepted', quoted_status: original } });
  assert.equal(statusToMention(quoting, { instance: 'https://mastodon.social' }).mention?.quoteOf, original.uri);
  const shallow = status(3, { quote: { state: 'accepted', quoted_status_id: '77' } });
  assert.equal(statusToMention(shallow, { instance: 'https://mastodon.social' }).mention?.quoteOf, 'https://mastodon.social/api/v1/statuses/77');
  const bad = statusToMention({ id: '1' }, { instance: 'https://mastodon.social' }, 4);
  assert.equal(bad.mention, null);
  assert.equal(bad.problem?.itemIndex, 4);
  assert.equal(statusToMention(status(5, { created_at: 'yesterday' }), { instance: 'https://mastodon.social' }).problem?.code, 'date-invalid');
});

test('Link headers are read as RFC 8288 writes them', () => {
  assert.deepEqual(parseLinkHeader('<https://m.example/api/v1/timelines/tag/x?max_id=1>; rel="next", <https://m.example/api/v1/timelines/tag/x?min_id=9>; rel="prev"'), {
    next: 'https://m.example/api/v1/timelines/tag/x?max_id=1',
    prev: 'https://m.example/api/v1/timelines/tag/x?min_id=9',
  });
});

test('polling a hashtag: newest page first, then min_id pages forward through Link rel="prev", with the bearer token', async () => {
  const all = Array.from({ length: 95 }, (_, i) => status(i + 1));
  const server = await startFeedServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.headers.authorization !== 'Bearer s3cret') return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"The access token is invalid"}');
    assert.equal(url.pathname, '/api/v1/timelines/tag/relais');
    const limit = Number(url.searchParams.get('limit'));
    const minId = url.searchParams.get('min_id');
    // As Mastodon: min_id → the page immediately newer than it; none → the newest page. Newest first either way.
    const newer = minId ? all.filter((s) => BigInt(s.id) > BigInt(minId)) : all;
    const page = (minId ? newer.slice(0, limit) : newer.slice(-limit)).reverse();
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '250', 'x-ratelimit-reset': new Date(NOW + 300_000).toISOString() };
    if (page.length > 0) headers.link = `<${server.origin}/api/v1/timelines/tag/relais?limit=${limit}&max_id=${page.at(-1)!.id}>; rel="next", <${server.origin}/api/v1/timelines/tag/relais?limit=${limit}&min_id=${page[0]!.id}>; rel="prev"`;
    res.writeHead(200, headers).end(JSON.stringify(page));
  });
  try {
    const options = { instance: server.origin, mode: 'tag' as const, tag: 'relais', token: 's3cret', allowPrivate: true };
    const first = await pollMastodon(initialMastodonState(), { ...options, token: 'wrong' }, { now: NOW });
    assert.equal(first.failure?.kind, 'auth-expired');

    const one = await pollMastodon(initialMastodonState(), options, { now: NOW });
    assert.equal(one.failure, null);
    assert.equal(one.mentions.length, 40);
    assert.equal(one.state.minId, '1095');
    assert.equal(one.state.nextAttemptAt, NOW + 5 * 60_000);
    // 10 more arrive: one page of 10 (shorter than the limit: done).
    all.push(...Array.from({ length: 10 }, (_, i) => status(96 + i)));
    const two = await pollMastodon(one.state, options, { now: NOW + 1 });
    assert.deepEqual(two.mentions.map((m) => m.networkId?.split('/').pop()), Array.from({ length: 10 }, (_, i) => String(1105 - i)));
    // From an older position, pages run forward through rel="prev" until the newest.
    const three = await pollMastodon({ ...one.state, minId: '1010' }, options, { now: NOW + 2 });
    assert.equal(three.mentions.length, 95);
    assert.equal(three.state.minId, '1105');
    assert.ok(server.requests.some((r) => r.path.includes('min_id=1050')), 'followed the Link header');
  } finally {
    await server.close();
  }
});

test('rate limits: few requests left stops paging until the reset; a 429 waits for X-RateLimit-Reset', async () => {
  const reset = new Date(NOW + 120_000).toISOString();
  let mode: 'low' | '429' = 'low';
  const server = await startFeedServer((_req, res) => {
    if (mode === '429') return void res.writeHead(429, { 'content-type': 'application/json', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }).end('{"error":"Too many requests"}');
    res.writeHead(200, { 'content-type': 'application/json', 'x-ratelimit-remaining': '1', 'x-ratelimit-reset': reset, link: `<${'http://elsewhere.example'}/x?min_id=1>; rel="prev"` }).end(JSON.stringify(Array.from({ length: 40 }, (_, i) => status(i))));
  });
  try {
    const options = { instance: server.origin, mode: 'public' as const, allowPrivate: true, intervalMs: 60_000 };
    const low = await pollMastodon({ ...initialMastodonState(), minId: '1' }, options, { now: NOW });
    assert.equal(server.requests.length, 1, 'no second page with one request left');
    assert.equal(low.state.nextAttemptAt, NOW + 120_000);
    mode = '429';
    const limited = await pollMastodon(low.state, options, { now: NOW });
    assert.equal(limited.failure?.kind, 'rate-limited');
    assert.equal(limited.failure?.retryAfterMs, 120_000);
    assert.ok(limited.state.nextAttemptAt >= NOW + 120_000);
  } finally {
    await server.close();
  }
});

test('search: /api/v2/search?type=statuses, continued from the newest id', async () => {
  const server = await startFeedServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    assert.equal(url.pathname, '/api/v2/search');
    assert.equal(url.searchParams.get('type'), 'statuses');
    assert.equal(url.searchParams.get('q'), 'relais lancement');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ accounts: [], hashtags: [], statuses: url.searchParams.get('min_id') ? [] : [STATUSES[1], { broken: true }] }));
  });
  try {
    const batch = await pollMastodon(initialMastodonState(), { instance: server.origin, mode: 'search', query: 'relais lancement', allowPrivate: true }, { now: NOW });
    assert.equal(batch.mentions.length, 1);
    assert.equal(batch.problems.length, 1);
    assert.equal(batch.problems[0]!.itemIndex, 1);
    assert.equal(batch.state.minId, '103270231245678901');
  } finally {
    await server.close();
  }
});

test('a private instance address is refused unless allowed', async () => {
  const batch = await pollMastodon(initialMastodonState(), { instance: 'http://127.0.0.1:9', mode: 'public' }, { now: NOW });
  assert.equal(batch.failure?.code, 'address-refused');
});

test('server-sent events are parsed as the HTML standard reads them', () => {
  const parser = new SseParser();
  assert.deepEqual(parser.push(':thump\n\nevent: update\ndata: {"a":'), []);
  assert.deepEqual(parser.push('1}\r\n\r'), [{ event: 'update', data: '{"a":1}', id: null }]);
  assert.deepEqual(parser.push('\ndata:x\ndata: y\nid: 7\n\n'), [{ event: 'message', data: 'x\ny', id: '7' }]);
  assert.equal(parser.comments, 1);
});

test('streaming: updates arrive in batches, a dropped connection is reconnected, the signal stops it', async () => {
  let connections = 0;
  const server = await startFeedServer((req, res) => {
    connections += 1;
    assert.equal(req.url, '/api/v1/streaming/hashtag?tag=relais');
    assert.equal(req.headers.authorization, 'Bearer tok');
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(':)\n\n');
    if (connections === 1) {
      res.write(`event: update\ndata: ${JSON.stringify(status(1))}\n\n`);
      res.write(`event: delete\ndata: 1001\n\n`);
      res.write(`event: update\ndata: {not json\n\n`);
      // The server goes away mid-stream.
      setTimeout(() => res.destroy(), 50);
    } else {
      res.write(`event: update\ndata: ${JSON.stringify(status(2))}\n\n`);
    }
  });
  const batches: StreamBatch<never>[] = [];
  const failures: string[] = [];
  const controller = new AbortController();
  try {
    const running = streamMastodon(
      { instance: server.origin, mode: 'tag', tag: 'relais', token: 'tok', allowPrivate: true },
      {
        async deliver(batch) {
          batches.push(batch);
          if (batches.flatMap((b) => b.mentions).length >= 2) controller.abort();
        },
        async failed(failure) {
          failures.push(failure.code);
        },
      },
      { signal: controller.signal, until: Date.now() + 20_000, batchSize: 100, flushMs: 20, backoff: { baseMs: 10, maxMs: 50, maxRetryAfterMs: 100 }, random: () => 0.5, now: Date.now },
    );
    await running;
    const mentions = batches.flatMap((b) => b.mentions);
    assert.deepEqual(mentions.map((m) => m.networkId), [status(1).uri, status(2).uri]);
    assert.equal(batches.flatMap((b) => b.problems).length, 1, 'the update that is not JSON is reported');
    assert.equal(connections, 2);
  } finally {
    controller.abort();
    await server.close();
  }
});

test('streaming: a refused token ends the session at once; a 429 waits for Retry-After before reconnecting', async () => {
  let answer = 401;
  const times: number[] = [];
  const server = await startFeedServer((_req, res) => {
    times.push(Date.now());
    if (answer === 401) return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"The access token is invalid"}');
    if (times.length < 3) return void res.writeHead(429, { 'retry-after': '1' }).end();
    res.writeHead(200, { 'content-type': 'text/event-stream' }).write(`event: update\ndata: ${JSON.stringify(status(9))}\n\n`);
  });
  const failures: Array<{ code: string; retryAfterMs: number | null }> = [];
  const loop = (signal: AbortSignal) => ({ signal, until: Date.now() + 20_000, batchSize: 100, flushMs: 10, backoff: { baseMs: 10, maxMs: 20, maxRetryAfterMs: 5_000 }, random: () => 0.5, now: Date.now });
  try {
    const options = { instance: server.origin, mode: 'public' as const, allowPrivate: true, token: 'x' };
    await streamMastodon(options, { deliver: async () => {}, failed: async (f) => void failures.push(f) }, loop(new AbortController().signal));
    assert.deepEqual(failures.map((f) => f.code), ['http-401'], 'no retry with a refused token');
    answer = 200;
    times.length = 0;
    failures.length = 0;
    const controller = new AbortController();
    let delivered = 0;
    await streamMastodon(options, { deliver: async (b) => void ((delivered += b.mentions.length) && controller.abort()), failed: async (f) => void failures.push(f) }, loop(controller.signal));
    assert.equal(delivered, 1);
    assert.deepEqual(failures.map((f) => [f.code, f.retryAfterMs]), [['http-429', 1000], ['http-429', 1000]]);
    assert.ok(times[1]! - times[0]! >= 950 && times[2]! - times[1]! >= 950, `waited for Retry-After: ${times.map((t) => t - times[0]!)}`);
  } finally {
    await server.close();
  }
});

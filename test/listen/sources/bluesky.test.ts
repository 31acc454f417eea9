// Bluesky: postViews (searchPosts) and Jetstream commits mapped to mentions (facets, reply,
// quote, engagement); searchPosts polled over XRPC against a local server with its cursor; the
// Jetstream WebSocket played by a local RFC 6455 server — keyword filter, cursor resume after a
// dropped connection.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { initialBlueskySearchState, jetstreamUrl, keywordFilter, pollBlueskySearch, postViewToMention, recordToMention, streamJetstream, type StreamBatch } from '../../../src/listen/sources/index.ts';
import { startFeedServer } from './feed-server.ts';
import { startWsServer } from './ws-server.ts';

const SEARCH = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures/bluesky-search.json'), 'utf8')) as { posts: unknown[]; cursor: string };
const EVENTS = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/jetstream-events.ndjson'), 'utf8').trim().split('\n');
const NOW = Date.UTC(2026, 10, 22, 12);

test('a postView maps to a mention: at:// id, bsky.app URL, facets, engagement', () => {
  const { mention, problem } = postViewToMention(SEARCH.posts[0]);
  assert.equal(problem, null);
  assert.ok(mention);
  assert.equal(mention.network, 'bluesky');
  assert.equal(mention.networkId, 'at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3l6oveex3ii2l');
  assert.equal(mention.url, 'https://bsky.app/profile/bsky.app/post/3l6oveex3ii2l');
  assert.equal(mention.author?.handle, 'bsky.app');
  assert.equal(mention.author?.displayName, 'Bluesky');
  assert.deepEqual(mention.hashtags, ['OpenSource']);
  assert.deepEqual(mention.links, ['https://relais.example/docs']);
  assert.deepEqual(mention.mentioned, ['why.bsky.team']);
  assert.deepEqual(mention.engagement, { likes: 87, shares: 15, replies: 4 });
  assert.equal(mention.lang, 'en');
  assert.equal(mention.publishedAt, Date.UTC(2024, 9, 16, 18, 19, 41, 425));
});

test('a reply keeps its parent, a quote embed its quoted post', () => {
  const { mention } = postViewToMention(SEARCH.posts[1]);
  assert.equal(mention?.replyTo, 'at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3l6oveex3ii2l');
  assert.equal(mention?.quoteOf, 'at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3l5abcdefgh2x');
  assert.equal(mention?.lang, 'fr');
});

test('a Jetstream commit maps with the DID for the handle; bad records are reported', () => {
  const event = JSON.parse(EVENTS[1]!) as { did: string; commit: { rkey: string; record: unknown } };
  const { mention } = recordToMention({ uri: `at://${event.did}/app.bsky.feed.post/${event.commit.rkey}`, record: event.commit.record, author: { did: event.did }, raw: event });
  assert.equal(mention?.url, `https://bsky.app/profile/${encodeURIComponent(event.did)}/post/3l3qo2w0xyz2a`);
  assert.deepEqual(mention?.hashtags, ['Relais']);
  assert.equal(recordToMention({ uri: 'nope', record: {}, author: { did: 'x' }, raw: null }).problem?.code, 'uri-invalid');
  assert.equal(recordToMention({ uri: 'at://did:x/app.bsky.feed.post/1', record: { text: 1 }, author: { did: 'x' }, raw: null }).problem?.code, 'record-invalid');
});

test('keywords match whole words without case or accents; #tags match tags', () => {
  const keep = keywordFilter(['relais', '#Élysée', 'social listening']);
  assert.ok(keep({ text: 'Le RELAIS du jour', hashtags: [] }));
  assert.ok(!keep({ text: 'relaisons', hashtags: [] }));
  assert.ok(keep({ text: 'x', hashtags: ['elysee'] }));
  assert.ok(keep({ text: 'Social\nListening rocks', hashtags: [] }));
  assert.ok(!keep({ text: 'élysée', hashtags: [] }));
});

test('searchPosts: sort=latest, pages through the cursor until the posts already read', async () => {
  const server = await startFeedServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    assert.equal(url.pathname, '/xrpc/app.bsky.feed.searchPosts');
    assert.equal(url.searchParams.get('q'), 'relais');
    assert.equal(url.searchParams.get('sort'), 'latest');
    if (url.searchParams.get('since') === null) return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ posts: [SEARCH.posts[1]], cursor: '1' }));
    if (url.searchParams.get('cursor') === null) return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ posts: [{ ...(SEARCH.posts[1] as object), uri: 'at://did:plc:new/app.bsky.feed.post/3new', indexedAt: '2024-10-17T00:00:00.000Z' }, { junk: 1 }], cursor: '2' }));
    return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ posts: [SEARCH.posts[1]] }));
  });
  try {
    const options = { service: server.origin, query: 'relais', allowPrivate: true };
    const first = await pollBlueskySearch(initialBlueskySearchState(), options, { now: NOW });
    assert.equal(first.mentions.length, 1);
    assert.equal(first.state.since, '2024-10-16T18:31:02.500Z');
    const second = await pollBlueskySearch(first.state, options, { now: NOW + 1 });
    assert.equal(second.mentions.length, 2, 'the new post, and the known one that ends the paging (merged by the store)');
    assert.equal(second.problems.length, 1);
    assert.equal(second.state.since, '2024-10-17T00:00:00.000Z');
    assert.equal(server.requests.length, 3);
  } finally {
    await server.close();
  }
});

test('searchPosts failing with 5xx backs off; a non-JSON answer is rejected', async () => {
  let status = 503;
  const server = await startFeedServer((_req, res) => (status === 503 ? res.writeHead(503).end('down') : res.writeHead(200, { 'content-type': 'application/json' }).end('<html>')));
  try {
    const options = { service: server.origin, query: 'relais', allowPrivate: true, random: () => 0.5 };
    const down = await pollBlueskySearch(initialBlueskySearchState(), options, { now: NOW });
    assert.equal(down.failure?.kind, 'unavailable');
    assert.equal(down.state.consecutiveFailures, 1);
    status = 200;
    const html = await pollBlueskySearch(down.state, options, { now: NOW });
    assert.equal(html.failure?.code, 'not-json');
    assert.equal(html.state.consecutiveFailures, 2);
  } finally {
    await server.close();
  }
});

test('Jetstream: wantedCollections, keyword filter, cursor saved with each batch and resumed after a drop', async () => {
  const server = await startWsServer((connection) => {
    if (server.connections.length === 1) {
      for (const e of EVENTS.slice(0, 3)) connection.send(e);
      connection.send('{broken');
      setTimeout(() => connection.drop(), 100);
    } else {
      for (const e of EVENTS.slice(3)) connection.send(e);
    }
  });
  const batches: StreamBatch<number>[] = [];
  const controller = new AbortController();
  try {
    await streamJetstream(
      { endpoint: server.origin, keywords: ['relais'], allowPrivate: true },
      1725911000000000,
      {
        async deliver(batch) {
          batches.push(batch);
          if (batches.flatMap((b) => b.mentions).length >= 2) controller.abort();
        },
        async failed() {},
      },
      { signal: controller.signal, until: Date.now() + 20_000, batchSize: 100, flushMs: 20, backoff: { baseMs: 10, maxMs: 50, maxRetryAfterMs: 100 }, random: () => 0.5, now: Date.now },
    );
    const first = new URL(server.connections[0]!.url, 'ws://x');
    assert.equal(first.pathname, '/subscribe');
    assert.equal(first.searchParams.get('wantedCollections'), 'app.bsky.feed.post');
    assert.equal(first.searchParams.get('cursor'), String(1725911000000000 - 5_000_000));
    // The second connection resumes from the last time_us received, minus the overlap.
    assert.equal(new URL(server.connections[1]!.url, 'ws://x').searchParams.get('cursor'), String(1725911162500000 - 5_000_000));
    const mentions = batches.flatMap((b) => b.mentions);
    assert.deepEqual(mentions.map((m) => m.text), ['Le #Relais du matin : tout le monde parle de la nouvelle appli', 'Social listening with relais is fast']);
    assert.equal(mentions[1]!.replyTo, 'at://did:plc:wa7b35aakoll7hugkrjtf3xf/app.bsky.feed.post/3l3qo2w0xyz2a');
    assert.ok(batches.some((b) => b.problems.some((p) => p.code === 'not-json')));
    assert.equal(batches.at(-1)!.cursor, 1725911162700000);
  } finally {
    controller.abort();
    await server.close();
  }
});

test('the Jetstream URL resumes a few seconds early', () => {
  assert.equal(jetstreamUrl('wss://jetstream2.us-east.bsky.network', null), 'wss://jetstream2.us-east.bsky.network/subscribe?wantedCollections=app.bsky.feed.post');
  assert.match(jetstreamUrl('https://j.example', 10_000_000), /^wss:\/\/j\.example\/subscribe\?.*cursor=5000000$/);
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { anonymous, openTestApp, ROLE_EMAIL, type Client, type TestApp } from '../support/app.ts';
import { eachDialect } from '../support/databases.ts';

interface ErrorBody {
  error: { code: string; message: string; field?: string; position?: number; hint?: string };
}

const item = (id: string, text: string, extra: Record<string, unknown> = {}) => ({
  network: 'mastodon',
  networkId: id,
  sourceType: 'microblog',
  author: { handle: `user${id}@social.example`, displayName: 'Élodie Martin', followers: 10 },
  publishedAt: '2026-11-20T10:00:00Z',
  text,
  ...extra,
});

async function until(check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

eachDialect('Listen over HTTP', (dialect) => {
  let t: TestApp;
  let manager: Client;
  let viewer: Client;
  before(async () => {
    t = await openTestApp(dialect);
    manager = await t.login(ROLE_EMAIL('manager'));
    viewer = await t.login(ROLE_EMAIL('viewer'));
  });
  after(() => t.dispose());

  test('a topic query is validated as typed: the canonical form, or the position of the fault', async () => {
    const ok = await viewer.request('POST', '/api/v1/w/acme/topics/validate', { query: 'elysee   OR  "palais"' });
    assert.equal(ok.status, 200);
    assert.equal(((await ok.json()) as { canonical: string }).canonical, 'elysee OR "palais"');
    const bad = await viewer.request('POST', '/api/v1/w/acme/topics/validate', { query: 'cimes AND (sentiers' });
    assert.equal(bad.status, 400);
    const body = (await bad.json()) as ErrorBody;
    assert.equal(body.error.code, 'RELAIS_TOPIC_QUERY_INVALID');
    assert.equal(body.error.position, 10);
    assert.ok(body.error.hint);
  });

  test('the webhook stores a batch, merges duplicates, rejects bad items by index, and logs them', async () => {
    const strategist = await t.login(ROLE_EMAIL('strategist'));
    const { token } = (await (await strategist.request('POST', '/api/v1/w/acme/tokens', { name: 'ingest', role: 'manager' })).json()) as { token: string };
    const batch = [item('1', "L'Élysée dément."), item('1', 'again'), { ...item('2', 'x'), sourceType: 'carrier pigeon' }, item('3', "C'est une arnaque, boycott de Cimes !", { hashtags: ['boycott'] }), 'not an object'];
    const response = await anonymous(t.app).request('POST', '/api/v1/mentions', { mentions: batch }, { authorization: `Bearer ${token}` });
    assert.equal(response.status, 200);
    const result = (await response.json()) as { received: number; inserted: number; duplicates: number; rejected: Array<{ index: number; field: string }> };
    assert.deepEqual({ received: result.received, inserted: result.inserted, duplicates: result.duplicates }, { received: 5, inserted: 2, duplicates: 1 });
    assert.deepEqual(result.rejected.map((r) => [r.index, r.field]), [[2, 'sourceType'], [4, '(item)']]);
    const log = (await (await manager.request('GET', '/api/v1/w/acme/ingest-log')).json()) as { entries: Array<{ position: string; source: string }> };
    assert.deepEqual(log.entries.map((e) => e.position).sort(), ['item 2', 'item 4']);
    const session = await manager.request('POST', '/api/v1/mentions', { mentions: [item('9', 'x')] });
    assert.equal(session.status, 403, 'the webhook takes a token, not a session');
  });

  test('a new topic is backfilled in the background; the stream filters by topic, source and words', async () => {
    const created = await manager.request('POST', '/api/v1/w/acme/topics', { name: 'Élysée', query: 'elysee' });
    assert.equal(created.status, 201);
    const topic = (await created.json()) as { id: number };
    await until(async () => {
      const list = (await (await viewer.request('GET', '/api/v1/w/acme/topics')).json()) as { topics: Array<{ id: number; mentions: number; backfilledAt: number | null }> };
      return list.topics.find((x) => x.id === topic.id)?.backfilledAt !== null;
    });
    const stream = (await (await viewer.request('GET', `/api/v1/w/acme/mentions?topic=${topic.id}`)).json()) as { mentions: Array<{ text: string; author: { displayName: string } }> };
    assert.deepEqual(stream.mentions.map((m) => m.text), ["L'Élysée dément."]);
    const words = (await (await viewer.request('GET', '/api/v1/w/acme/mentions?q=ARNAQUE')).json()) as { mentions: Array<{ text: string; sentiment: string; lang: string; author: { country: string | null } }> };
    assert.deepEqual(words.mentions.map((m) => m.text), ["C'est une arnaque, boycott de Cimes !"]);
    assert.equal(words.mentions[0]!.sentiment, 'negative', 'enriched at ingest');
    assert.equal(words.mentions[0]!.lang, 'fr');
    const none = (await (await viewer.request('GET', '/api/v1/w/acme/mentions?source=blog')).json()) as { mentions: unknown[] };
    assert.equal(none.mentions.length, 0);
    // Mentions pushed after the topic exists are matched as they arrive.
    await manager.request('POST', '/api/v1/w/acme/mentions', { mentions: [item('4', 'Communiqué de l’Élysée')] });
    const list = (await (await viewer.request('GET', '/api/v1/w/acme/topics')).json()) as { topics: Array<{ id: number; mentions: number }> };
    assert.equal(list.topics.find((x) => x.id === topic.id)?.mentions, 2);
    const bad = await manager.request('POST', '/api/v1/w/acme/topics', { name: 'x', query: 'a AND b OR c' });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as ErrorBody).error.code, 'RELAIS_TOPIC_QUERY_INVALID');
    assert.equal((await viewer.request('POST', '/api/v1/w/acme/topics', { name: 'x', query: 'y' })).status, 403);
  });

  test('the stream pages with a cursor', async () => {
    const first = (await (await viewer.request('GET', '/api/v1/w/acme/mentions?limit=2')).json()) as { mentions: Array<{ id: number }>; next: string };
    assert.equal(first.mentions.length, 2);
    const second = (await (await viewer.request('GET', `/api/v1/w/acme/mentions?limit=2&before=${first.next}`)).json()) as { mentions: Array<{ id: number }> };
    assert.ok(second.mentions.length >= 1);
    assert.ok(second.mentions.every((m) => !first.mentions.some((f) => f.id === m.id)));
  });
});

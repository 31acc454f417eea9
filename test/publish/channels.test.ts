import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import { after, before, test } from 'node:test';
import { blueskyChannel, facetsOf, tidFor } from '../../src/publish/channels/bluesky.ts';
import { ChannelError, retryAfterMs, type OutgoingPost } from '../../src/publish/channels/channel.ts';
import { mastodonChannel, statusText } from '../../src/publish/channels/mastodon.ts';
import { webhookChannel } from '../../src/publish/channels/webhook.ts';
import { fakeMastodon, fakePds, fakeWebhook, type FakeMastodon, type FakePds, type FakeWebhook } from './support/fake-networks.ts';

const NOW = Date.UTC(2026, 10, 22, 9);
const post = (over: Partial<OutgoingPost> = {}): OutgoingPost => ({
  idempotencyKey: 'relais-1-1-abc', text: 'Nouvelle veste #montagne https://cimes.example/v', media: [], contentWarning: null, visibility: 'public', dueAt: NOW, inReplyTo: null, lang: 'fr', ...over,
});
const PNG = new Uint8Array(Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2215bc60000000049454e44ae426082', 'hex'));
const kindOf = async (promise: Promise<unknown>) => promise.then(() => 'ok', (error: unknown) => (error instanceof ChannelError ? error.kind : `other: ${String(error)}`));

let mastodon: FakeMastodon;
let pds: FakePds;
let hook: FakeWebhook;
before(async () => {
  [mastodon, pds, hook] = await Promise.all([fakeMastodon(), fakePds(), fakeWebhook('whsec')]);
});
after(() => Promise.all([mastodon.close(), pds.close(), hook.close()]));

test('a recorded Mastodon status reads back as the text that was sent', () => {
  const status = JSON.parse(fs.readFileSync(new URL('../fixtures/publish/mastodon-status.json', import.meta.url), 'utf8')) as { content: string };
  assert.equal(statusText(status.content), 'Nouvelle veste https://cimes.example/v & plus');
});

test('Retry-After in seconds or as a date, and the reset headers, become a wait', () => {
  assert.equal(retryAfterMs(new Headers({ 'retry-after': '120' }), NOW), 120_000);
  assert.equal(retryAfterMs(new Headers({ 'retry-after': new Date(NOW + 30_000).toUTCString() }), NOW), 30_000);
  assert.equal(retryAfterMs(new Headers({ 'x-ratelimit-reset': new Date(NOW + 90_000).toISOString() }), NOW), 90_000);
  assert.equal(retryAfterMs(new Headers({ 'ratelimit-reset': String(NOW / 1000 + 10) }), NOW), 10_000);
  assert.equal(retryAfterMs(new Headers(), NOW), null);
});

test('Mastodon: a status with media, alt text, content warning and visibility; the same key twice makes one status', async () => {
  const channel = mastodonChannel({ instanceUrl: mastodon.url }, { accessToken: mastodon.token }, () => NOW);
  assert.match((await channel.verify()).handle, /^@cimes@127\.0\.0\.1:\d+$/);
  const sent = post({ media: [{ data: PNG, mime: 'image/png', alt: 'Une veste rouge' }], contentWarning: 'promo', visibility: 'unlisted' });
  const first = await channel.publish(sent);
  const again = await channel.publish(sent);
  assert.equal(again.remoteId, first.remoteId);
  assert.equal(mastodon.statuses.length, 1);
  const status = mastodon.statuses[0]!;
  assert.equal(status.visibility, 'unlisted');
  assert.equal(status.spoiler_text, 'promo');
  assert.deepEqual(status.media_ids, [mastodon.media[0]!.id]);
  assert.equal(mastodon.media[0]!.description, 'Une veste rouge');
  assert.equal(mastodon.requests.filter((r) => r.path === '/api/v1/statuses').every((r) => r.headers['idempotency-key'] === 'relais-1-1-abc'), true);
  assert.deepEqual(await channel.metrics(first.remoteId), { likes: 3, shares: 2, replies: 1 });
  assert.deepEqual(await channel.find(sent), first);
  assert.equal(await channel.find(post({ text: 'never sent' })), null);
  await channel.delete(first.remoteId);
  await channel.delete(first.remoteId); // already gone: fine
  assert.equal(mastodon.statuses.length, 0);
});

test('Mastodon failures are classified: 401, 429 with its reset, 422, 503, 500 after creating, no answer', async () => {
  const channel = mastodonChannel({ instanceUrl: mastodon.url }, { accessToken: mastodon.token }, () => NOW);
  assert.equal(await kindOf(mastodonChannel({ instanceUrl: mastodon.url }, { accessToken: 'revoked' }).publish(post())), 'auth-expired');
  mastodon.faults.push({ status: 429, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': new Date(NOW + 300_000).toISOString() } });
  const limited = await channel.publish(post({ idempotencyKey: 'k429' })).catch((e: unknown) => e as ChannelError);
  assert.ok(limited instanceof ChannelError && limited.kind === 'rate-limited' && limited.retryAfterMs === 300_000);
  assert.equal(await kindOf(channel.publish(post({ idempotencyKey: 'k422', text: 'x'.repeat(501) }))), 'rejected');
  mastodon.faults.push({ status: 503 });
  assert.equal(await kindOf(channel.publish(post({ idempotencyKey: 'k503' }))), 'unavailable');
  mastodon.faults.push({ status: 500, afterCreate: true });
  assert.equal(await kindOf(channel.publish(post({ idempotencyKey: 'k500', text: 'ambiguous one' }))), 'ambiguous');
  assert.ok(await channel.find(post({ text: 'ambiguous one' })), 'the status exists: the check finds it');
  mastodon.faults.push({ hang: true, afterCreate: true });
  const hurried = mastodonChannel({ instanceUrl: mastodon.url, timeoutMs: 300 }, { accessToken: mastodon.token });
  assert.equal(await kindOf(hurried.publish(post({ idempotencyKey: 'khang', text: 'no answer' }))), 'ambiguous', 'sent, then no answer: it may exist');
  assert.ok(await hurried.find(post({ text: 'no answer' })));
  const closed = await new Promise<number>((resolve) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const port = (s.address() as net.AddressInfo).port; s.close(() => resolve(port)); }); });
  assert.equal(await kindOf(mastodonChannel({ instanceUrl: `http://127.0.0.1:${closed}` }, { accessToken: 'x' }).publish(post())), 'unavailable', 'connection refused: nothing was sent');
});

test('Bluesky: facets with UTF-8 byte offsets, a TID record key from the idempotency key, one record per key', async () => {
  const text = 'Café #montagne avec @alice.test et @unknown.test https://cimes.example/é';
  const facets = await facetsOf(text, async (h) => (h === 'alice.test' ? 'did:plc:alice' : null));
  const bytes = Buffer.from(text);
  const slice = (f: (typeof facets)[number]) => bytes.subarray(f.index.byteStart, f.index.byteEnd).toString();
  assert.deepEqual(facets.map(slice), ['#montagne', '@alice.test', 'https://cimes.example/é']);
  assert.deepEqual(facets.map((f) => f.features[0]!.$type), ['app.bsky.richtext.facet#tag', 'app.bsky.richtext.facet#mention', 'app.bsky.richtext.facet#link']);
  assert.match(tidFor(NOW, 'k'), /^[234567a-z]{13}$/);
  assert.equal(tidFor(NOW, 'k'), tidFor(NOW, 'k'));
  assert.notEqual(tidFor(NOW, 'k'), tidFor(NOW, 'other'));

  const channel = blueskyChannel({ serviceUrl: pds.url, identifier: 'cimes.test' }, { appPassword: pds.password }, () => NOW);
  assert.equal((await channel.verify()).handle, 'cimes.test');
  const sent = post({ text, media: [{ data: PNG, mime: 'image/png', alt: 'veste' }] });
  const first = await channel.publish(sent);
  const again = await channel.publish(sent);
  assert.equal(again.remoteId, first.remoteId);
  assert.equal(pds.records.size, 1);
  const record = pds.records.get(first.remoteId)!.value as { text: string; langs: string[]; embed: { images: Array<{ alt: string }> }; facets: unknown[] };
  assert.equal(record.text, text);
  assert.deepEqual(record.langs, ['fr']);
  assert.equal(record.embed.images[0]!.alt, 'veste');
  assert.equal(record.facets.length, 3);
  assert.match(first.remoteUrl!, /^https:\/\/bsky\.app\/profile\/cimes\.test\/post\/[234567a-z]{13}$/);
  assert.deepEqual(await channel.find(sent), first);
  assert.deepEqual(await channel.metrics(first.remoteId), { likes: 7, shares: 2, replies: 1 });

  pds.expireAccess();
  const afterExpiry = await channel.publish(post({ idempotencyKey: 'k2', text: 'après expiration' }));
  assert.ok(pds.records.has(afterExpiry.remoteId), 'the session was refreshed and the post made');
  const reply = await channel.publish(post({ idempotencyKey: 'k3', text: 'merci !', inReplyTo: first.remoteId }));
  assert.deepEqual((pds.records.get(reply.remoteId)!.value as { reply: { parent: { uri: string }; root: { uri: string } } }).reply.root.uri, first.remoteId);
  await channel.delete(reply.remoteId);
  assert.equal(pds.records.has(reply.remoteId), false);

  assert.equal(await kindOf(blueskyChannel({ serviceUrl: pds.url, identifier: 'cimes.test' }, { appPassword: 'wrong' }).publish(post())), 'auth-expired');
  assert.equal(await kindOf(channel.publish(post({ idempotencyKey: 'k4', text: 'é'.repeat(301) }))), 'rejected');
  pds.faults.push({ status: 502, afterCreate: true });
  const ambiguous = post({ idempotencyKey: 'k5', text: 'peut-être' });
  assert.equal(await kindOf(channel.publish(ambiguous)), 'ambiguous');
  assert.ok(await channel.find(ambiguous), 'the record was written before the 502: found by its key');
  assert.ok(await channel.publish(ambiguous), 'publishing again returns the existing record');
  assert.equal([...pds.records.values()].filter((r) => r.value.text === 'peut-être').length, 1);
});

test('webhook: signed with the timestamp, deduplicated by key on the receiver, refused signature is auth-expired', async () => {
  const channel = webhookChannel({ url: hook.url }, { signingSecret: 'whsec' }, () => NOW);
  await channel.verify();
  const sent = post();
  const published = await channel.publish(sent);
  assert.equal(published.remoteId, 'wh-relais-1-1-abc');
  await channel.publish(sent);
  assert.equal(hook.received.filter((r) => r.event === 'post.publish').length, 1);
  assert.equal(hook.requests.at(-1)!.headers['x-relais-timestamp'], String(NOW / 1000));
  assert.equal(await kindOf(webhookChannel({ url: hook.url }, { signingSecret: 'wrong' }).publish(sent)), 'auth-expired');
});

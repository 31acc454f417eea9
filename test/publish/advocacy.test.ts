import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eachDialect } from '../support/databases.ts';
import { openTestApp, ROLE_EMAIL, type Client, type TestApp } from '../support/app.ts';
import { fakeMastodon, type FakeMastodon } from './support/fake-networks.ts';

eachDialect('Publish advocacy: library, members\' own accounts, brand safety, approval queue', (dialect) => {
  let t: TestApp;
  let member: Client, reviewer: Client, strategist: Client, manager: Client;
  let mastodon: FakeMastodon;
  before(async () => {
    mastodon = await fakeMastodon();
    t = await openTestApp(dialect);
    [member, reviewer, strategist, manager] = await Promise.all([t.login(ROLE_EMAIL('member')), t.login(ROLE_EMAIL('reviewer')), t.login(ROLE_EMAIL('strategist')), t.login(ROLE_EMAIL('manager'))]);
  });
  after(async () => { await t.dispose(); await mastodon.close(); });

  test('a member shares library content on their own account; the reviewer sees the problems, comments, then approves the fixed post', async () => {
    const json = async (r: Response, status: number) => { assert.equal(r.status, status, await r.clone().text()); return r.json() as Promise<Record<string, unknown>>; };
    await json(await strategist.request('PUT', '/api/v1/w/acme/advocacy/policy', { banned: ['garanti à vie'], allowedDomains: ['acme.example'], disclosure: '#partenariat', disclosureFor: ['ambassador'] }), 200);
    const item = await json(await manager.request('POST', '/api/v1/w/acme/advocacy/items', { title: 'Veste', text: 'La nouvelle veste Acme, garantie à vie ?', linkUrl: 'https://acme.example/veste' }), 201);
    assert.equal((await member.request('POST', '/api/v1/w/acme/advocacy/items', { title: 'x', text: 'y' })).status, 403);
    await json(await member.request('PUT', '/api/v1/w/acme/advocacy/template', { affiliation: 'ambassador', signature: '— Léa', hashtag: '#AcmeTeam' }), 200);
    const channel = await json(await member.request('POST', '/api/v1/w/acme/advocacy/channels', { network: 'mastodon', name: 'Léa sur Mastodon', config: { instanceUrl: mastodon.url }, secrets: { accessToken: mastodon.token } }), 201);
    assert.ok(channel.ownerId);
    const brand = await json(await manager.request('POST', '/api/v1/w/acme/channels', { network: 'mastodon', name: 'Marque', config: { instanceUrl: mastodon.url }, secrets: { accessToken: mastodon.token } }), 201);
    const notMine = await member.request('POST', '/api/v1/w/acme/advocacy/share', { itemId: item.id, channelIds: [brand.id], dueAt: t.clock.now + 3_600_000 });
    assert.equal(notMine.status, 403, 'a member shares on their own accounts only');

    const shared = await json(await member.request('POST', '/api/v1/w/acme/advocacy/share', { itemId: item.id, text: 'Ma veste préférée, garanti à vie ! https://acme.example/veste', channelIds: [channel.id], dueAt: t.clock.now + 3_600_000 }), 201) as { post: { id: number; status: string; text: string }; problems: Array<{ code: string }> };
    assert.equal(shared.post.status, 'pending-approval');
    assert.match(shared.post.text, /#AcmeTeam\n— Léa$/);
    assert.deepEqual(shared.problems.map((p) => p.code), ['banned', 'disclosure-missing']);
    const queue = await json(await reviewer.request('GET', '/api/v1/w/acme/advocacy/queue'), 200) as { queue: Array<{ post: { id: number }; problems: unknown[] }> };
    assert.equal(queue.queue.length, 1);
    assert.equal((await member.request('GET', '/api/v1/w/acme/advocacy/queue')).status, 403);
    const refused = await reviewer.request('POST', `/api/v1/w/acme/advocacy/posts/${shared.post.id}/review`, { decision: 'approve' });
    assert.equal(refused.status, 409);
    assert.match(JSON.stringify(await refused.json()), /banned list/);
    await json(await reviewer.request('POST', `/api/v1/w/acme/advocacy/posts/${shared.post.id}/review`, { decision: 'comment', comment: 'Retire « garanti à vie » et ajoute #partenariat' }), 200);
    const rejected = await json(await reviewer.request('POST', `/api/v1/w/acme/advocacy/posts/${shared.post.id}/review`, { decision: 'reject', comment: 'À refaire' }), 200) as { post: { status: string }; reviews: Array<{ decision: string }> };
    assert.equal(rejected.post.status, 'rejected');
    assert.deepEqual(rejected.reviews.map((r) => r.decision), ['submitted', 'comment', 'rejected']);

    const fixed = await json(await member.request('POST', '/api/v1/w/acme/advocacy/share', { text: 'Ma veste préférée #partenariat https://acme.example/veste', channelIds: [channel.id], dueAt: t.clock.now + 3_600_000 }), 201) as { post: { id: number }; problems: unknown[] };
    assert.deepEqual(fixed.problems, []);
    const approved = await json(await reviewer.request('POST', `/api/v1/w/acme/advocacy/posts/${fixed.post.id}/review`, { decision: 'approve' }), 200) as { post: { status: string; targets: Array<{ status: string }> } };
    assert.equal(approved.post.status, 'scheduled');
    assert.deepEqual(approved.post.targets.map((x) => x.status), ['pending']);
  });
});

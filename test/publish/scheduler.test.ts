import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { ALL_MIGRATIONS } from '../../src/migrations.ts';
import { createWorkspace } from '../../src/platform/auth/store.ts';
import { RelaisError } from '../../src/platform/errors.ts';
import { channelClient } from '../../src/publish/channels/index.ts';
import { addChannel } from '../../src/publish/channels/store.ts';
import { attemptsOf, cancelPost, findPost, reschedulePost, schedulePost } from '../../src/publish/scheduler/posts.ts';
import { dueTargets, retryPost, sendTarget, STALE_SENDING_MS, type SendDeps } from '../../src/publish/scheduler/send.ts';
import type { PublishTables } from '../../src/publish/tables.ts';
import { eachDialect, openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { fakeMastodon, fakePds, fakeWebhook, type FakeMastodon, type FakePds, type FakeWebhook } from './support/fake-networks.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 22, 8);

eachDialect('Publish scheduler', (dialect) => {
  let database: TestDatabase;
  let workspaceId: number;
  let mastodon: FakeMastodon, pds: FakePds, hook: FakeWebhook;
  const channels: Record<string, number> = {};
  const clock = { now: T0 };
  let deps: SendDeps;
  const drain = async () => {
    const outcomes: string[] = [];
    for (const id of await dueTargets(database.db, clock.now)) outcomes.push(await sendTarget(deps, id));
    return outcomes;
  };
  before(async () => {
    database = await openTestDatabase(dialect, ALL_MIGRATIONS);
    workspaceId = (await createWorkspace(database.db, { slug: 'acme', name: 'Acme', now: T0 })).id;
    [mastodon, pds, hook] = await Promise.all([fakeMastodon(), fakePds(), fakeWebhook('whsec')]);
    channels.mastodon = (await addChannel(database.db, workspaceId, { network: 'mastodon', name: 'Mastodon', config: { instanceUrl: mastodon.url }, secrets: { accessToken: mastodon.token } }, T0)).id;
    channels.bluesky = (await addChannel(database.db, workspaceId, { network: 'bluesky', name: 'Bluesky', config: { serviceUrl: pds.url, identifier: 'cimes.test' }, secrets: { appPassword: pds.password } }, T0)).id;
    channels.webhook = (await addChannel(database.db, workspaceId, { network: 'webhook', name: 'Intranet', config: { url: hook.url }, secrets: { signingSecret: 'whsec' }, ratePerHour: 2 }, T0)).id;
    deps = { db: database.db, now: () => clock.now, clientFor: (row) => channelClient(row, () => clock.now) };
  });
  beforeEach(() => { mastodon.faults.length = 0; pds.faults.length = 0; hook.faults.length = 0; });
  after(async () => { await Promise.all([mastodon.close(), pds.close(), hook.close()]); await database.dispose(); });

  test('a post to three channels goes out once each at its time, with per-channel variants, and every attempt is kept', async () => {
    const post = await schedulePost(database.db, workspaceId, {
      text: 'La nouvelle veste est là #montagne https://cimes.example/v',
      targets: [{ channelId: channels.mastodon! }, { channelId: channels.bluesky!, text: 'Nouvelle veste ! #montagne' }, { channelId: channels.webhook! }],
      dueAt: T0 + 10 * MIN,
    }, clock.now);
    assert.equal(post.status, 'scheduled');
    assert.deepEqual(await drain(), [], 'nothing before its time');
    clock.now = T0 + 10 * MIN + 500;
    assert.deepEqual((await drain()).sort(), ['published', 'published', 'published']);
    assert.deepEqual(await drain(), [], 'and never twice');
    const done = (await findPost(database.db, workspaceId, post.id))!;
    assert.equal(done.status, 'published');
    assert.ok(done.targets.every((t) => t.status === 'published' && (t.network === 'webhook' || t.remoteUrl)));
    assert.equal(mastodon.statuses.filter((s) => s.text.startsWith('La nouvelle veste')).length, 1);
    assert.equal([...pds.records.values()].filter((r) => r.value.text === 'Nouvelle veste ! #montagne').length, 1);
    assert.equal(hook.received.filter((r) => r.event === 'post.publish').length, 1);
    assert.equal((await attemptsOf(database.db, workspaceId, post.id)).filter((a) => a.outcome === 'published').length, 3);
  });

  test('a 429 waits for the network\'s Retry-After, then the post goes out', async () => {
    clock.now = T0 + 60 * MIN;
    const post = await schedulePost(database.db, workspaceId, { text: 'limité', targets: [{ channelId: channels.mastodon! }], dueAt: clock.now }, clock.now);
    mastodon.faults.push({ status: 429, headers: { 'retry-after': '120' } });
    assert.deepEqual(await drain(), ['retry']);
    clock.now += 60_000;
    assert.deepEqual(await drain(), [], 'still waiting');
    clock.now += 61_000;
    assert.deepEqual(await drain(), ['published']);
    const attempts = await attemptsOf(database.db, workspaceId, post.id);
    assert.deepEqual(attempts.map((a) => [a.outcome, a.httpStatus]), [['rate-limited', 429], ['published', null]]);
  });

  test('an ambiguous failure is checked before any retry: the status made before the 500 is found, not posted again', async () => {
    clock.now = T0 + 120 * MIN;
    const post = await schedulePost(database.db, workspaceId, { text: 'une seule fois', targets: [{ channelId: channels.mastodon! }, { channelId: channels.bluesky! }], dueAt: clock.now }, clock.now);
    mastodon.faults.push({ status: 500, afterCreate: true });
    pds.faults.push({ status: 504, afterCreate: true });
    assert.deepEqual(await drain(), ['retry', 'retry']);
    clock.now += 60 * MIN;
    assert.deepEqual(await drain(), ['published', 'published']);
    assert.equal(mastodon.statuses.filter((s) => s.text === 'une seule fois').length, 1);
    assert.equal([...pds.records.values()].filter((r) => r.value.text === 'une seule fois').length, 1);
    const outcomes = (await attemptsOf(database.db, workspaceId, post.id)).map((a) => a.outcome);
    assert.deepEqual(outcomes, ['ambiguous', 'ambiguous', 'found-after-check', 'found-after-check']);
  });

  test('a worker killed mid-send leaves the target claimed; later it is checked, then sent once', async () => {
    clock.now = T0 + 300 * MIN;
    const post = await schedulePost(database.db, workspaceId, { text: 'après un crash', targets: [{ channelId: channels.mastodon! }], dueAt: clock.now }, clock.now);
    const target = post.targets[0]!;
    // The claim a dead worker left: 'sending', never finished.
    await database.db.withTables<PublishTables>().updateTable('post_targets').set({ status: 'sending', attempts: 1, next_attempt_at: clock.now }).where('id', '=', target.id).execute();
    assert.deepEqual(await drain(), [], 'a fresh claim is left to its worker');
    clock.now += STALE_SENDING_MS + 1000;
    assert.deepEqual(await drain(), ['published']);
    assert.deepEqual((await attemptsOf(database.db, workspaceId, post.id)).map((a) => a.outcome), ['absent-after-check', 'published']);
    assert.equal(mastodon.statuses.filter((s) => s.text === 'après un crash').length, 1);
  });

  test('two workers racing for one target: exactly one sends it', async () => {
    clock.now = T0 + 400 * MIN;
    await schedulePost(database.db, workspaceId, { text: 'course', targets: [{ channelId: channels.mastodon! }], dueAt: clock.now }, clock.now);
    const [id] = await dueTargets(database.db, clock.now);
    const outcomes = await Promise.all([sendTarget(deps, id!), sendTarget(deps, id!), sendTarget(deps, id!)]);
    assert.deepEqual(outcomes.filter((o) => o === 'published').length, 1);
    assert.equal(mastodon.statuses.filter((s) => s.text === 'course').length, 1);
  });

  test('a post due while relais was down goes out when it comes back, or is missed past the lateness', async () => {
    clock.now = T0 + 500 * MIN;
    const soon = await schedulePost(database.db, workspaceId, { text: 'un peu en retard', targets: [{ channelId: channels.bluesky! }], dueAt: clock.now + MIN }, clock.now);
    const early = await schedulePost(database.db, workspaceId, { text: 'bonjour à tous', targets: [{ channelId: channels.bluesky! }], dueAt: clock.now + 2 * MIN }, clock.now);
    await database.db.withTables<PublishTables>().updateTable('post_targets').set({ next_attempt_at: clock.now - 7 * 60 * MIN }).where('post_id', '=', early.id).execute();
    clock.now += 3 * 60 * MIN; // three hours "down"
    assert.deepEqual((await drain()).sort(), ['missed', 'published']);
    assert.equal((await findPost(database.db, workspaceId, soon.id))!.status, 'published');
    const missed = (await findPost(database.db, workspaceId, early.id))!;
    assert.equal(missed.status, 'missed');
    assert.match(missed.targets[0]!.lastError!, /late/);
    assert.equal(await retryPost(database.db, workspaceId, early.id, clock.now), 1);
    assert.deepEqual(await drain(), ['published'], 'a user may still send a missed post');
  });

  test('expired credentials stop the channel with the reason; the post is kept and goes out after reconnecting', async () => {
    clock.now = T0 + 900 * MIN;
    const post = await schedulePost(database.db, workspaceId, { text: 'jeton révoqué', targets: [{ channelId: channels.mastodon! }], dueAt: clock.now }, clock.now);
    const token = mastodon.token;
    mastodon.token = 'rotated';
    assert.deepEqual(await drain(), ['failed']);
    const kept = (await findPost(database.db, workspaceId, post.id))!;
    assert.equal(kept.status, 'failed');
    assert.match(kept.targets[0]!.lastError!, /reconnect/);
    const channel = await database.db.withTables<PublishTables>().selectFrom('channels').select(['status']).where('id', '=', channels.mastodon!).executeTakeFirstOrThrow();
    assert.equal(channel.status, 'auth-expired');
    mastodon.token = token;
    await database.db.withTables<PublishTables>().updateTable('channels').set({ status: 'active', status_reason: null }).where('id', '=', channels.mastodon!).execute();
    await retryPost(database.db, workspaceId, post.id, clock.now);
    assert.deepEqual(await drain(), ['published']);
  });

  test('a channel\'s hourly rate defers posts instead of dropping them', async () => {
    clock.now = T0 + 1200 * MIN;
    const ids = [];
    for (const n of [1, 2, 3]) ids.push((await schedulePost(database.db, workspaceId, { text: `note ${n}`, targets: [{ channelId: channels.webhook! }], dueAt: clock.now }, clock.now)).id);
    assert.deepEqual((await drain()).sort(), ['deferred', 'published', 'published'], 'the intranet takes 2 an hour');
    clock.now += 61 * MIN;
    assert.deepEqual(await drain(), ['published']);
    for (const id of ids) assert.equal((await findPost(database.db, workspaceId, id))!.status, 'published');
  });

  test('bad input: over the limit (with the field and how much), in the past, unknown channel, a cancelled post never goes out', async () => {
    clock.now = T0 + 1500 * MIN;
    const refused = (input: Parameters<typeof schedulePost>[2]) => schedulePost(database.db, workspaceId, input, clock.now).then(() => null, (e: unknown) => e as RelaisError);
    const long = await refused({ text: 'ok', targets: [{ channelId: channels.bluesky!, text: 'é'.repeat(301) }], dueAt: clock.now + MIN });
    assert.equal(long?.details.field, 'targets.0.text');
    assert.match(String(long?.details.hint), /by 1/);
    assert.equal((await refused({ text: 'hier', targets: [{ channelId: channels.mastodon! }], dueAt: clock.now - 10 * MIN }))?.details.field, 'dueAt');
    assert.equal((await refused({ text: 'x', targets: [{ channelId: 999_999 }], dueAt: clock.now + MIN }))?.details.field, 'targets.0.channelId');
    assert.equal((await refused({ text: 'x', targets: [{ channelId: channels.mastodon! }], dueAt: clock.now, timeZone: 'Mars/Olympus' }))?.details.field, 'timeZone');
    const draft = await schedulePost(database.db, workspaceId, { text: 'brouillon', targets: [{ channelId: channels.mastodon! }], dueAt: null }, clock.now);
    assert.equal(draft.status, 'draft');
    assert.deepEqual(await dueTargets(database.db, clock.now + 365 * 24 * 60 * MIN), [], 'a draft never goes out by itself');
    const moved = await reschedulePost(database.db, workspaceId, draft.id, clock.now + 30 * MIN, clock.now);
    assert.equal(moved.status, 'scheduled');
    assert.equal(moved.targets[0]!.nextAttemptAt, clock.now + 30 * MIN);
    await reschedulePost(database.db, workspaceId, draft.id, clock.now + 60 * MIN, clock.now);
    assert.deepEqual(await dueTargets(database.db, clock.now + 45 * MIN), [], 'moved later: not due at the old time');
    await cancelPost(database.db, workspaceId, draft.id, clock.now);
    const movedPast = await reschedulePost(database.db, workspaceId, draft.id, clock.now + MIN, clock.now).then(() => null, (e: unknown) => e as RelaisError);
    assert.equal(movedPast?.code, 'RELAIS_CONFLICT', 'a cancelled post cannot be moved');
    const cancelled = await schedulePost(database.db, workspaceId, { text: 'annulé', targets: [{ channelId: channels.mastodon! }], dueAt: clock.now + MIN }, clock.now);
    assert.equal((await cancelPost(database.db, workspaceId, cancelled.id, clock.now)).status, 'cancelled');
    clock.now += 5 * MIN;
    assert.deepEqual(await drain(), []);
    assert.equal(mastodon.statuses.some((s) => s.text === 'annulé' || s.text === 'brouillon'), false);
  });
});

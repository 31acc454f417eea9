// The dashboard's figures on the demo world, on both dialects: every split adds up to the
// topic's count in topic_mentions, the peak is the scandal's peak day, the co-mentioned names
// are the scandal's, authors are ranked, the share of voice adds up, and bad periods are refused.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { buildDashboard, type Dashboard } from '../../../src/listen/dashboard/dashboard.ts';
import { liveView } from '../../../src/listen/dashboard/live.ts';
import { backfillTopics, listTopics, topicsToBackfill, type Topic } from '../../../src/listen/topics.ts';
import { ALL_MIGRATIONS } from '../../../src/migrations.ts';
import { loadDemo } from '../../../src/demo-setup.ts';
import type { DemoEvents } from '../../../src/demo/model.ts';
import { createWorkspace } from '../../../src/platform/auth/store.ts';
import { eachDialect, openTestDatabase, type TestDatabase } from '../../support/databases.ts';

const DAY = 86_400_000;
const TO = Date.UTC(2026, 10, 15);
const FROM = TO - 60 * DAY;
const sum = (values: Iterable<number>) => [...values].reduce((s, n) => s + n, 0);

eachDialect('the Listen dashboard on the demo world', (dialect) => {
  let database: TestDatabase;
  let workspaceId: number;
  let events: DemoEvents;
  let scandal: Topic;
  let d: Dashboard;
  before(async () => {
    database = await openTestDatabase(dialect, ALL_MIGRATIONS);
    const loaded = await loadDemo(database, { size: 'small', seed: 1 });
    workspaceId = loaded.summary.workspaceId;
    events = loaded.summary.events;
    await backfillTopics(database.db, workspaceId, await topicsToBackfill(database.db, workspaceId), { now: Date.now() });
    scandal = (await listTopics(database.db, workspaceId)).find((t) => /delorme/i.test(t.query))!;
    d = await buildDashboard(database.db, dialect, { workspaceId, topicId: scandal.id, from: FROM, to: TO });
  });
  after(() => database.dispose());

  test('every split adds up to the topic’s mentions of the period', async () => {
    const { rows } = await sql<{ n: unknown }>`select count(*) as n from topic_mentions where topic_id = ${scandal.id} and published_at >= ${FROM} and published_at < ${TO}`.execute(database.db);
    const total = Number(rows[0]!.n);
    assert.ok(total > 1000, `the scandal has mentions: ${total}`);
    assert.equal(d.total, total);
    assert.equal(sum(Object.values(d.bySource)), total);
    assert.equal(sum(Object.values(d.daily.bySource).flat()), total);
    assert.equal(sum(Object.values(d.volume.bySource).flat()), total);
    assert.equal(sum(Object.values(d.sentiment.split)), total);
    assert.equal(sum(Object.values(d.sentiment.daily).flat()), total);
    assert.equal(sum(Object.values(d.gender)), total);
    assert.equal(sum(d.countries.map((c) => c.count)), total);
    assert.equal(sum(d.languages.map((c) => c.count)), total);
    assert.equal(d.daily.at.length, 60);
    assert.equal(d.volume.bucket, 'day');
    // The seed's DSK story: mostly French, men well ahead of women.
    assert.equal(d.countries[0]!.key, 'FR');
    assert.ok(d.gender.m > 1.5 * d.gender.f, `men ${d.gender.m}, women ${d.gender.f}`);
  });

  test('the peak is the scandal’s peak day, far above a usual day, and marked as a spike', () => {
    const all = d.daily.buzz.find((b) => b.sourceType === 'all')!;
    assert.equal(all.peak!.at, events.scandal.peakDay);
    assert.ok(all.peak!.factor! >= 50, `peak factor ${all.peak!.factor}`);
    assert.ok(d.daily.marks.some((m) => m.sourceType === 'all' && m.at === events.scandal.peakDay));
    assert.ok(d.daily.marks.every((m) => m.at >= events.scandal.start), 'no spike before the scandal starts');
  });

  test('keywords, co-mentioned names and hashtags are the scandal’s', () => {
    assert.equal(d.terms.keywords[0]!.term, 'delorme');
    assert.ok(d.terms.keywords.every((k) => k.keyness !== null && k.keyness > 0));
    const names = d.terms.names.map((n) => n.term);
    const coMentioned = events.scandal.names.filter((name) => names.includes(name));
    assert.ok(coMentioned.length >= 5, `co-mentioned names found: ${coMentioned.join(', ')} in ${names.join(', ')}`);
    assert.equal(d.hashtags[0]!.term, 'affairedelorme');
    assert.ok(d.sites.length > 0 && d.sites.every((s) => !s.term.startsWith('www.')));
  });

  test('authors are ranked by mentions, reach and engagement', () => {
    const sortedBy = (list: Dashboard['authors']['byVolume'], key: 'mentions' | 'followers' | 'engagement') => list.every((a, i) => i === 0 || list[i - 1]![key] >= a[key]);
    assert.equal(d.authors.byVolume.length, 10);
    assert.ok(sortedBy(d.authors.byVolume, 'mentions'));
    assert.ok(sortedBy(d.authors.byReach, 'followers'));
    assert.ok(sortedBy(d.authors.byEngagement, 'engagement'));
    assert.ok(d.authorsCount >= d.authors.byVolume.length);
  });

  test('the share of voice compares the workspace’s topics and adds up', () => {
    const sov = d.shareOfVoice;
    assert.ok(sov.topics.length >= 5);
    assert.ok(Math.abs(sum(sov.topics.map((t) => t.share)) - 1) < 1e-9);
    assert.equal(sov.topics.find((t) => t.id === scandal.id)!.total, d.total);
    const compared = sov.topics.slice(0, 2).map((t) => t.id);
    return buildDashboard(database.db, dialect, { workspaceId, topicId: scandal.id, from: FROM, to: TO, compare: compared }).then((two) => assert.deepEqual(two.shareOfVoice.topics.map((t) => t.id).sort(), [...compared].sort()));
  });

  test('the whole workspace, and hourly buckets over a short period', async () => {
    const whole = await buildDashboard(database.db, dialect, { workspaceId, from: FROM, to: TO });
    const { rows } = await sql<{ n: unknown }>`select count(*) as n from mentions where workspace_id = ${workspaceId} and published_at >= ${FROM} and published_at < ${TO}`.execute(database.db);
    assert.equal(whole.total, Number(rows[0]!.n));
    assert.equal(whole.topic, null);
    assert.ok(whole.terms.keywords.every((k) => k.keyness === null), 'without a topic, keywords rank by count');
    const peak = events.scandal.peakDay;
    const hours = await buildDashboard(database.db, dialect, { workspaceId, topicId: scandal.id, from: peak, to: peak + 2 * DAY });
    assert.equal(hours.volume.bucket, 'hour');
    assert.equal(hours.volume.at.length, 48);
    assert.equal(sum(Object.values(hours.volume.bySource).flat()), hours.total);
  });

  test('bad periods and foreign topics are refused with a clear error', async () => {
    await assert.rejects(buildDashboard(database.db, dialect, { workspaceId, from: TO, to: FROM }), { code: 'RELAIS_REQUEST_INVALID' });
    await assert.rejects(buildDashboard(database.db, dialect, { workspaceId, from: TO - 500 * DAY, to: TO }), { code: 'RELAIS_REQUEST_INVALID', message: /at most 400 days/ });
    await assert.rejects(buildDashboard(database.db, dialect, { workspaceId, from: FROM, to: TO, bucket: 'hour' }), { code: 'RELAIS_REQUEST_INVALID', message: /Hourly/ });
    const other = await createWorkspace(database.db, { slug: 'other', name: 'Other', now: Date.now() });
    await assert.rejects(buildDashboard(database.db, dialect, { workspaceId: other.id, topicId: scandal.id, from: FROM, to: TO }), { code: 'RELAIS_NOT_FOUND' });
    await assert.rejects(buildDashboard(database.db, dialect, { workspaceId, topicId: scandal.id, from: FROM, to: TO, compare: [999_999] }), { code: 'RELAIS_NOT_FOUND' });
  });

  test('the live view counts the last minute per network and the last hour per minute', async () => {
    const now = events.badBuzz.at + 30 * 60_000;
    const live = await liveView(database.db, { workspaceId }, now);
    const { rows } = await sql<{ n: unknown }>`select count(*) as n from mentions where workspace_id = ${workspaceId} and published_at >= ${now - 60_000} and published_at <= ${now}`.execute(database.db);
    assert.equal(live.lastMinute.total, Number(rows[0]!.n));
    assert.equal(live.perMinute.at.length, 60);
    const hour = sum(Object.values(live.perMinute.byNetwork).flat());
    assert.ok(hour > 0, 'the bad buzz’s first half hour has mentions');
  });
});

// The buzz report's story on the demo world, on both dialects: the scandal (seed 003's shape)
// peaks on its peak day at tens of times a usual day, starts on its first day; the bad buzz
// starts in the hour of the influencer's post, and that post is named as what started it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildReport, type ReportData } from '../../../src/listen/report/build.ts';
import { backfillTopics, createTopic, listTopics, topicsToBackfill } from '../../../src/listen/topics.ts';
import { ALL_MIGRATIONS } from '../../../src/migrations.ts';
import { loadDemo } from '../../../src/demo-setup.ts';
import type { DemoEvents } from '../../../src/demo/model.ts';
import { eachDialect, openTestDatabase, type TestDatabase } from '../../support/databases.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const TO = Date.UTC(2026, 10, 15);
const FROM = TO - 60 * DAY;

eachDialect('the buzz report’s story on the demo world', (dialect) => {
  let database: TestDatabase;
  let events: DemoEvents;
  let scandal: ReportData;
  let badBuzz: ReportData;
  before(async () => {
    database = await openTestDatabase(dialect, ALL_MIGRATIONS);
    const loaded = await loadDemo(database, { size: 'small', seed: 1 });
    const workspaceId = loaded.summary.workspaceId;
    events = loaded.summary.events;
    await createTopic(database.db, workspaceId, { name: 'Boycott Cimes', query: '#BoycottCimes OR #CimesArnaque' }, Date.now());
    await backfillTopics(database.db, workspaceId, await topicsToBackfill(database.db, workspaceId), { now: Date.now() });
    const topics = await listTopics(database.db, workspaceId);
    const report = (name: RegExp) => buildReport(database.db, dialect, { workspaceId, topicId: topics.find((t) => name.test(t.name))!.id, from: FROM, to: TO }, TO);
    scandal = await report(/Delorme/);
    badBuzz = await report(/Boycott/);
  });
  after(() => database.dispose());

  test('the scandal: peak day, factors per source, burst from its first day, spread', () => {
    const { story } = scandal;
    assert.equal(story.peak!.at, events.scandal.peakDay);
    assert.ok(story.peak!.factor! >= 50, `peak ×${story.peak!.factor}`);
    assert.equal(story.total, scandal.dashboard.total);
    assert.equal(story.burst!.from, events.scandal.start, 'the burst starts on the scandal’s first day');
    assert.ok(story.burst!.days >= 7, `a burst of ${story.burst!.days} days`);
    assert.ok(story.onsetAt! >= events.scandal.start - DAY && story.onsetAt! < events.scandal.start + DAY, `onset ${new Date(story.onsetAt!).toISOString()}`);
    const news = story.sources.find((s) => s.sourceType === 'news')!;
    assert.ok(news.usualPerDay! < 5 && news.peak!.count > 100, `news from ${news.usualPerDay}/day to ${news.peak!.count}`);
    const blog = story.sources.find((s) => s.sourceType === 'blog')!;
    assert.ok(blog.peak!.count / Math.max(blog.usualPerDay!, 1) >= 50, 'blogs multiplied by tens');
    assert.deepEqual(new Set(story.spread.map((s) => s.sourceType)), new Set(['news', 'microblog', 'blog', 'forum']));
    assert.ok(story.spread.every((s, i) => i === 0 || story.spread[i - 1]!.caughtAt <= s.caughtAt));
    assert.ok(scandal.starters.length > 0 && scandal.starters.every((m) => Math.abs(m.publishedAt - story.onsetAt!) <= 6 * HOUR));
    assert.ok(scandal.quotes.length === 6 && scandal.quotes.every((q, i) => i === 0 || scandal.quotes[i - 1]!.engagement >= q.engagement));
  });

  test('the bad buzz: started in the hour of the influencer’s post, which is named first', () => {
    const { story } = badBuzz;
    assert.equal(story.burst!.from, Math.floor(events.badBuzz.at / DAY) * DAY);
    assert.ok(story.peak!.at - events.badBuzz.at < 2 * DAY, 'the peak within two days of the post');
    assert.equal(story.onsetAt, Math.floor(events.badBuzz.at / HOUR) * HOUR);
    const first = badBuzz.starters[0]!;
    assert.equal(first.publishedAt, events.badBuzz.at);
    assert.ok(first.author!.followers > 80_000, `the influential author (${first.author!.handle}, ${first.author!.followers})`);
    assert.equal(story.spread[0]!.sourceType, 'microblog');
  });
});

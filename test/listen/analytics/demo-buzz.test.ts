// On the demo world, the scandal reads like seed 003: its daily volume multiplied by tens to
// hundreds against a usual day, counted in the database on both dialects.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buzzBySource } from '../../../src/listen/analytics/buzz.ts';
import { firstMentionAt, toSeries, volumeBySource } from '../../../src/listen/analytics/volume.ts';
import { backfillTopics, listTopics, topicsToBackfill } from '../../../src/listen/topics.ts';
import { ALL_MIGRATIONS } from '../../../src/migrations.ts';
import { loadDemo } from '../../../src/demo-setup.ts';
import { eachDialect, openTestDatabase, type TestDatabase } from '../../support/databases.ts';

eachDialect('the demo scandal in figures', (dialect) => {
  let database: TestDatabase;
  let workspaceId: number;
  before(async () => {
    database = await openTestDatabase(dialect, ALL_MIGRATIONS);
    workspaceId = (await loadDemo(database, { size: 'small', seed: 1 })).summary.workspaceId;
    await backfillTopics(database.db, workspaceId, await topicsToBackfill(database.db, workspaceId), { now: Date.now() });
  });
  after(() => database.dispose());

  test('the scandal topic peaks at ×50 or more against its usual day', async () => {
    const scandal = (await listTopics(database.db, workspaceId)).find((t) => /delorme/i.test(t.query))!;
    assert.ok(scandal, 'the demo world has the scandal topic');
    const day = 86_400_000;
    const to = Date.UTC(2026, 10, 15);
    const from = to - 60 * day;
    const rows = await volumeBySource(database.db, { workspaceId, topicId: scandal.id, from: from - 28 * day, to, bucket: 'day' });
    const buzz = buzzBySource(toSeries(rows, from - 28 * day, to, 'day'), 28, { dataStart: await firstMentionAt(database.db, workspaceId) });
    const all = buzz.find((b) => b.sourceType === 'all')!;
    assert.ok(all.total > 1000, `scandal mentions: ${all.total}`);
    assert.ok((all.peak?.factor ?? 0) >= 50, `peak factor ${all.peak?.factor}`);
    assert.ok(all.burstDays.length >= 1);
    const news = buzz.find((b) => b.sourceType === 'news');
    assert.ok(news && (news.peak?.factor ?? 0) >= 20, `news peak factor ${news?.peak?.factor}`);
    // A competitor without a scandal has no day far above its usual ones.
    const quiet = (await listTopics(database.db, workspaceId)).find((t) => /granitek/i.test(t.name))!;
    const quietRows = await volumeBySource(database.db, { workspaceId, topicId: quiet.id, from: from - 28 * day, to, bucket: 'day' });
    const quietAll = buzzBySource(toSeries(quietRows, from - 28 * day, to, 'day'), 28, { dataStart: await firstMentionAt(database.db, workspaceId) }).find((b) => b.sourceType === 'all')!;
    assert.ok((quietAll.peak?.factor ?? 0) < 10, `a quiet topic's peak factor: ${quietAll.peak?.factor}`);
  });
});

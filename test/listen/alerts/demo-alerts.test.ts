// On the demo world, the recommended rules on the brand's topic fire in the hour the bad buzz
// starts (18:40 Paris, day 47) and, except the influential-author rule, on no quiet day.
// The demo loader stores no sentiment, so the test first labels every mention with Listen's
// own sentiment analyser, as ingest would have.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadDemo } from '../../../src/demo-setup.ts';
import { dryRun } from '../../../src/listen/alerts/engine.ts';
import { HOUR_MS, hourStart, type Rule } from '../../../src/listen/alerts/model.ts';
import { recommendedRules } from '../../../src/listen/alerts/recommended.ts';
import { analyzeSentiment } from '../../../src/listen/enrich/index.ts';
import type { ListenTables } from '../../../src/listen/tables.ts';
import { backfillTopics, listTopics, topicsToBackfill } from '../../../src/listen/topics.ts';
import { ALL_MIGRATIONS } from '../../../src/migrations.ts';
import { eachDialect, openTestDatabase, type TestDatabase } from '../../support/databases.ts';

const DAY = 24 * HOUR_MS;

eachDialect('the recommended alert rules on the demo world', (dialect) => {
  let database: TestDatabase;
  let workspaceId: number;
  let events: { launch: { at: number }; badBuzz: { at: number }; scandal: { start: number } };
  let brandTopic: number;
  before(async () => {
    database = await openTestDatabase(dialect, ALL_MIGRATIONS);
    const { summary } = await loadDemo(database, { size: 'small', seed: 1 });
    workspaceId = summary.workspaceId;
    events = summary.events;
    await backfillTopics(database.db, workspaceId, await topicsToBackfill(database.db, workspaceId), { now: Date.now() });
    const ldb = database.db.withTables<ListenTables>();
    const rows = await ldb.selectFrom('mentions').select(['id', 'text', 'lang']).where('workspace_id', '=', workspaceId).execute();
    const byLabel = new Map<string, number[]>();
    for (const r of rows) {
      const label = analyzeSentiment(r.text, r.lang).label;
      (byLabel.get(label) ?? byLabel.set(label, []).get(label)!).push(r.id);
    }
    for (const [label, ids] of byLabel) for (let i = 0; i < ids.length; i += 1000) await ldb.updateTable('mentions').set({ sentiment: label }).where('id', 'in', ids.slice(i, i + 1000)).execute();
    brandTopic = (await listTopics(database.db, workspaceId)).find((t) => t.name === 'Cimes & Sentiers')!.id;
  });
  after(() => database.dispose());

  test('they fire in the hour the bad buzz starts, and not on quiet days', async () => {
    const start = hourStart(events.badBuzz.at);
    const to = events.badBuzz.at + 12 * DAY;
    // Days with a storyline under way: the launch and the bad buzz, each with its week after.
    const busy = (at: number) => [events.launch.at, events.badBuzz.at].some((e) => at >= hourStart(e) - 2 * HOUR_MS && at < e + 6 * DAY);
    const firstAfterStart: Record<string, number> = {};
    for (const input of recommendedRules(brandTopic)) {
      const rule: Rule = { ...input, id: 0, workspaceId, webhookSecret: '', createdAt: 0, updatedAt: 0 };
      const result = await dryRun(database.db, rule, to, 45);
      const firings = result.firings.map((f) => f.windowEnd - HOUR_MS);
      const atBuzz = firings.find((at) => at >= start && at < start + 3 * HOUR_MS);
      assert.ok(atBuzz !== undefined, `${rule.kind} fires as the bad buzz starts: ${firings.map((f) => new Date(f).toISOString()).join(', ')}`);
      firstAfterStart[rule.kind] = (atBuzz - start) / HOUR_MS;
      if (rule.kind !== 'influencer_negative') {
        const quiet = firings.filter((at) => !busy(at));
        assert.deepEqual(quiet.map((at) => new Date(at).toISOString()), [], `${rule.kind} fires on no quiet day`);
      }
      if (rule.kind === 'influencer_negative') {
        const first = result.firings.find((f) => f.windowStart === start)!;
        assert.equal(first.figures.mentionId !== undefined, true);
        assert.match(first.explanation, /followers, threshold 50,000\) posted a negative mention at/);
      }
    }
    // The words and the negative share move in the buzz's first hour (17:40 UTC); the volume
    // spike is judged on whole hours and fires the hour after.
    assert.deepEqual(firstAfterStart, { spike: 1, negative_surge: 0, influencer_negative: 0, keyword: 0 });
  });
});

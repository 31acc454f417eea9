// End to end on both dialects: the demo world loaded, its topics backfilled, the volume route
// marks the hour the scandal's buzz starts (the demo knows it) and none on a quiet topic.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadDemo } from '../../../src/demo-setup.ts';
import { generateWorld } from '../../../src/demo/world.ts';
import { backfillTopics, listTopics, topicsToBackfill } from '../../../src/listen/topics.ts';
import { openTestApp, type Client, type TestApp } from '../../support/app.ts';
import { eachDialect } from '../../support/databases.ts';

eachDialect('spike marks on the volume route', (dialect) => {
  let t: TestApp;
  let client: Client;
  let workspaceId: number;
  before(async () => {
    t = await openTestApp(dialect);
    workspaceId = (await loadDemo(t.database, { size: 'small', seed: 1 })).summary.workspaceId;
    await backfillTopics(t.database.db, workspaceId, await topicsToBackfill(t.database.db, workspaceId), { now: Date.now() });
    client = await t.login('strategist@demo.relais', 'demo-strategist');
  });
  after(() => t.dispose());

  test('the scandal is marked within hours of its start; a quiet competitor is not marked', async () => {
    const { events, now } = generateWorld({ seed: 1, size: 'small' });
    const topics = await listTopics(t.database.db, workspaceId);
    const scandal = topics.find((x) => /delorme/i.test(x.query))!;
    const day = 86_400_000;
    const from = now - 60 * day;
    const response = await client.request('GET', `/api/v1/w/demo/analytics/volume?topic=${scandal.id}&from=${from}&to=${now}&bucket=hour`);
    assert.equal(response.status, 200, await response.clone().text());
    const body = (await response.json()) as { buzz: Array<{ sourceType: string; spikes: Array<{ at: number; count: number; expected: number; score: number }>; spikeDays: number[] }>; spikeParameters: { threshold: number } };
    const all = body.buzz.find((b) => b.sourceType === 'all')!;
    assert.ok(all.spikes.length >= 1, 'the scandal is marked');
    const first = all.spikes.find((m) => m.at >= events.scandal.start - day)!;
    assert.ok(first, `a mark near the arrest: ${JSON.stringify(all.spikes)}`);
    const hours = (first.at - events.scandal.start) / 3_600_000;
    assert.ok(hours >= 0 && hours <= 8, `first mark ${hours} hours after the arrest`);
    assert.ok(first.count > first.expected * 3, `${first.count} mentions against ${first.expected} expected`);
    assert.ok(all.spikes.length <= 4, `one burst, few marks: ${all.spikes.length}`);
    assert.ok(all.spikeDays.includes(Math.floor(first.at / day) * day));
    assert.equal(body.spikeParameters.threshold, 0.9999);

    const quiet = topics.find((x) => /granitek/i.test(x.name))!;
    const quietBody = (await (await client.request('GET', `/api/v1/w/demo/analytics/volume?topic=${quiet.id}&from=${from}&to=${now}&bucket=day`)).json()) as typeof body;
    assert.equal(quietBody.buzz.find((b) => b.sourceType === 'all')!.spikes.length, 0, 'no mark on a topic without a buzz');
  });
});

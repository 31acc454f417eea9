// Alerts end to end over HTTP, on both dialects: rules are managed by managers only, mentions
// pushed through the ingest route fire an alert once (the live stream hears it), a local
// webhook receiver checks the HMAC signature and timestamp, failures are retried with
// back-off and every attempt is recorded, and the alert moves open → acknowledged → resolved
// on its append-only timeline.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { DELIVER_JOB, deliverAlert, evaluateAndAnnounce, evaluateLive, type DeliverJob } from '../../../src/listen/alerts/engine.ts';
import { findRule } from '../../../src/listen/alerts/store.ts';
import { openTestApp, ROLE_EMAIL, type Client, type TestApp } from '../../support/app.ts';
import { eachDialect } from '../../support/databases.ts';

interface Received {
  body: string;
  signature: string | undefined;
  timestamp: string | undefined;
  delivery: string | undefined;
}

/** A webhook receiver: records every POST; answers `status.next` (200 unless told). */
async function startReceiver() {
  const received: Received[] = [];
  const status = { next: 200 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: req.headers['x-relais-signature'] as string | undefined, timestamp: req.headers['x-relais-timestamp'] as string | undefined, delivery: req.headers['x-relais-delivery'] as string | undefined });
      res.writeHead(status.next).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/relais`;
  return { received, status, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** What a receiver does: HMAC-SHA256 of the raw body under the secret, and a fresh timestamp it covers. */
function verify(r: Received, secret: string, nowSeconds: number): boolean {
  const expected = `sha256=${createHmac('sha256', secret).update(r.body).digest('hex')}`;
  const body = JSON.parse(r.body) as { sentAt: number };
  return r.signature === expected && r.timestamp === String(body.sentAt) && Math.abs(nowSeconds - Number(r.timestamp)) <= 300;
}

async function until(check: () => Promise<boolean> | boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Reads the workspace's server-sent events into `events` until `stop()`. */
async function listen(client: Client) {
  const response = await client.request('GET', '/api/v1/w/acme/events');
  assert.equal(response.status, 200);
  const reader = response.body!.getReader();
  const events: Array<{ type: string; [key: string]: unknown }> = [];
  const decoder = new TextDecoder();
  let buffer = '';
  const reading = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const data = buffer.slice(0, end).split('\n').find((line) => line.startsWith('data: '));
        buffer = buffer.slice(end + 2);
        if (data) events.push(JSON.parse(data.slice(6)) as { type: string });
      }
    }
  })();
  return { events, stop: async () => { await reader.cancel(); await reading; } };
}

const mention = (id: string, text: string, at: number, followers = 10) => ({
  network: 'mastodon',
  networkId: id,
  sourceType: 'microblog',
  author: { handle: `user${id}@social.example`, displayName: 'Élodie Martin', followers },
  publishedAt: new Date(at).toISOString(),
  text,
});

interface RuleBody {
  id: number;
  webhookSecret: string | null;
  params: Record<string, unknown>;
}
interface AlertBody {
  id: number;
  status: string;
  ruleId: number;
  kind: string;
  explanation: string;
  figures: Record<string, unknown>;
  acknowledgedBy: { name: string } | null;
}

eachDialect('Listen alerts over HTTP', (dialect) => {
  let t: TestApp;
  let manager: Client;
  let viewer: Client;
  let admin: Client;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  before(async () => {
    t = await openTestApp(dialect);
    [manager, viewer, admin] = await Promise.all([t.login(ROLE_EMAIL('manager')), t.login(ROLE_EMAIL('viewer')), t.login('admin@acme.test')]);
    receiver = await startReceiver();
  });
  after(async () => {
    await receiver.close();
    await t.dispose();
  });

  test('rules: managers create and change them, viewers read them without the secret, bad thresholds are named', async () => {
    const denied = await viewer.request('POST', '/api/v1/w/acme/alert-rules', { name: 'Spike', kind: 'spike' });
    assert.equal(denied.status, 403);
    const created = await manager.request('POST', '/api/v1/w/acme/alert-rules', { name: 'Spike', kind: 'spike', params: { minFactor: 8 } });
    assert.equal(created.status, 201);
    const rule = (await created.json()) as RuleBody;
    assert.deepEqual(rule.params, { minFactor: 8, minCount: 20, minZ: 3.5 });
    assert.match(rule.webhookSecret ?? '', /^[0-9a-f]{64}$/);
    const seen = (await (await viewer.request('GET', '/api/v1/w/acme/alert-rules')).json()) as { rules: RuleBody[] };
    assert.equal(seen.rules.find((r) => r.id === rule.id)?.webhookSecret, null);

    const wrongField = await manager.request('POST', '/api/v1/w/acme/alert-rules', { name: 'x', kind: 'spike', params: { query: 'boycott' } });
    assert.equal(wrongField.status, 400);
    const wrong = (await wrongField.json()) as { error: { code: string; field: string; message: string } };
    assert.equal(wrong.error.code, 'RELAIS_ALERT_RULE_INVALID');
    assert.equal(wrong.error.field, 'body.params.query');
    const badQuery = (await (await manager.request('POST', '/api/v1/w/acme/alert-rules', { name: 'x', kind: 'keyword', params: { query: 'boycott AND (cimes' } })).json()) as { error: { code: string; field: string; position: number } };
    assert.equal(badQuery.error.code, 'RELAIS_TOPIC_QUERY_INVALID');
    assert.equal(badQuery.error.field, 'body.params.query');
    const outOfRange = (await (await manager.request('POST', '/api/v1/w/acme/alert-rules', { name: 'x', kind: 'negative_surge', params: { minShare: 3 } })).json()) as { error: { field: string } };
    assert.equal(outOfRange.error.field, 'body.params.minShare');
    const privateHook = await manager.request('POST', '/api/v1/w/acme/alert-rules', { name: 'x', kind: 'spike', webhookUrl: receiver.url, webhookAllowPrivate: true });
    assert.equal(privateHook.status, 403, 'only an administrator may allow a private webhook address');

    const patched = (await (await manager.request('PATCH', `/api/v1/w/acme/alert-rules/${rule.id}`, { params: { minCount: 50 }, enabled: false, rotateSecret: true })).json()) as RuleBody & { enabled: boolean };
    assert.deepEqual(patched.params, { minFactor: 8, minCount: 50, minZ: 3.5 });
    assert.equal(patched.enabled, false);
    assert.notEqual(patched.webhookSecret, rule.webhookSecret);
    assert.equal((await manager.request('DELETE', `/api/v1/w/acme/alert-rules/${rule.id}`)).status, 204);
    assert.equal((await viewer.request('GET', `/api/v1/w/acme/alert-rules/${rule.id}`)).status, 404);
  });

  test('mentions pushed in fire one alert, heard live and posted to a signed webhook; acknowledged then resolved', async () => {
    const now = t.clock.now;
    const created = await admin.request('POST', '/api/v1/w/acme/alert-rules', {
      name: 'Boycott',
      kind: 'keyword',
      params: { query: 'boycott OR arnaque', minCount: 3, windowHours: 1 },
      webhookUrl: receiver.url,
      webhookAllowPrivate: true,
    });
    assert.equal(created.status, 201);
    const rule = (await created.json()) as RuleBody;
    const stream = await listen(viewer);
    try {
      const batch = [mention('b1', 'Boycott de Cimes !', now - 20 * 60_000), mention('b2', "C'est une arnaque", now - 15 * 60_000), mention('b3', 'Je rejoins le boycott', now - 10 * 60_000), mention('b4', 'Belle rando ce matin', now - 5 * 60_000)];
      assert.equal((await manager.request('POST', '/api/v1/w/acme/mentions', { mentions: batch })).status, 200);
      await until(() => stream.events.some((e) => e.type === 'alert.fired'));
      await until(() => receiver.received.length >= 1);
    } finally {
      await stream.stop();
    }
    const fired = stream.events.filter((e) => e.type === 'alert.fired').map((e) => e.alert as AlertBody);
    assert.equal(fired.length, 1);
    assert.equal(fired[0]!.ruleId, rule.id);
    assert.equal(fired[0]!.figures.matches, 3);
    assert.match(fired[0]!.explanation, /3 mentions matching boycott OR arnaque/);

    const hook = receiver.received[0]!;
    assert.ok(verify(hook, rule.webhookSecret!, Math.floor(now / 1000)), 'the receiver verifies the signature and the timestamp');
    assert.ok(!verify({ ...hook, body: hook.body.replace('"acme"', '"acmf"') }, rule.webhookSecret!, Math.floor(now / 1000)), 'a changed body fails');
    assert.ok(!verify(hook, rule.webhookSecret!, Math.floor(now / 1000) + 3600), 'a replay an hour later fails');
    const payload = JSON.parse(hook.body) as { type: string; workspace: string; alert: AlertBody };
    assert.equal(payload.type, 'alert.fired');
    assert.equal(payload.workspace, 'acme');
    assert.equal(payload.alert.id, fired[0]!.id);
    assert.equal(hook.delivery, `alert-${fired[0]!.id}`);

    // The minute's evaluation, again and again, on two "workers" at once: still one alert.
    const stored = await findRule(t.database.db, 1, rule.id);
    const again = await Promise.all([evaluateLive(t.database.db, stored, now), evaluateLive(t.database.db, stored, now + 60_000)]);
    assert.deepEqual(again.map((a) => a.length), [0, 0]);
    const list = (await (await viewer.request('GET', `/api/v1/w/acme/alerts?rule=${rule.id}`)).json()) as { alerts: AlertBody[] };
    assert.equal(list.alerts.length, 1);

    const id = list.alerts[0]!.id;
    assert.equal((await viewer.request('POST', `/api/v1/w/acme/alerts/${id}/acknowledge`, {})).status, 403);
    const acked = (await (await manager.request('POST', `/api/v1/w/acme/alerts/${id}/acknowledge`, {})).json()) as AlertBody;
    assert.equal(acked.status, 'acknowledged');
    assert.equal(acked.acknowledgedBy?.name, 'manager');
    const twice = await manager.request('POST', `/api/v1/w/acme/alerts/${id}/acknowledge`, {});
    assert.equal(twice.status, 409);
    assert.equal(((await twice.json()) as { error: { code: string } }).error.code, 'RELAIS_ALERT_STATUS_INVALID');
    assert.equal(((await (await manager.request('POST', `/api/v1/w/acme/alerts/${id}/resolve`, { note: 'Answered publicly' })).json()) as AlertBody).status, 'resolved');
    const detail = (await (await viewer.request('GET', `/api/v1/w/acme/alerts/${id}`)).json()) as { timeline: Array<{ type: string; actor: { name: string } | null; detail: Record<string, unknown> }>; deliveries: Array<{ outcome: string; httpStatus: number; attempt: number }> };
    await until(async () => ((await (await viewer.request('GET', `/api/v1/w/acme/alerts/${id}`)).json()) as typeof detail).timeline.some((e) => e.type === 'delivered'));
    const final = (await (await viewer.request('GET', `/api/v1/w/acme/alerts/${id}`)).json()) as typeof detail;
    assert.deepEqual(final.timeline.map((e) => e.type).sort(), ['acknowledged', 'delivered', 'fired', 'resolved']);
    assert.equal(final.timeline.find((e) => e.type === 'resolved')?.detail.note, 'Answered publicly');
    assert.equal(final.timeline.find((e) => e.type === 'acknowledged')?.actor?.name, 'manager');
    assert.deepEqual(final.deliveries.map((d) => [d.attempt, d.outcome, d.httpStatus]), [[1, 'succeeded', 200]]);
    assert.ok(detail.timeline.length >= 3);
  });

  test('two workers evaluating the same rule at once record one alert', async () => {
    const created = (await (await manager.request('POST', '/api/v1/w/acme/alert-rules', { name: 'Race', kind: 'keyword', params: { query: 'grêle', minCount: 1 }, enabled: false })).json()) as RuleBody;
    assert.equal((await manager.request('POST', '/api/v1/w/acme/mentions', { mentions: [mention('r1', 'De la grêle sur le refuge', t.clock.now - 60_000)] })).status, 200);
    const rule = { ...(await findRule(t.database.db, 1, created.id)), enabled: true };
    const runs = await Promise.all([1, 2, 3, 4].map(() => evaluateLive(t.database.db, rule, t.clock.now)));
    assert.equal(runs.flat().length, 1, 'one of the four recorded it');
    const list = (await (await viewer.request('GET', `/api/v1/w/acme/alerts?rule=${created.id}`)).json()) as { alerts: AlertBody[] };
    assert.equal(list.alerts.length, 1);
    // A rule that cannot run (its query no longer parses) is reported and the others still run.
    const broken = { ...rule, id: 999_999, params: { query: 'grêle AND (', minCount: 1, windowHours: 1 } };
    const deps = { db: t.database.db, events: t.app.services.events, jobs: t.jobs, now: () => t.clock.now };
    const result = await evaluateAndAnnounce(deps, [broken, rule]);
    assert.deepEqual(result.failures.map((f) => f.ruleId), [999_999]);
    assert.equal(result.fired.length, 0, 'the good rule ran: its alert was already recorded');
  });

  test('a failing webhook is retried with back-off, every attempt recorded', async () => {
    const now = t.clock.now;
    receiver.status.next = 503;
    const before = receiver.received.length;
    const rule = (await (await admin.request('POST', '/api/v1/w/acme/alert-rules', { name: 'Influential', kind: 'influencer_negative', params: { minFollowers: 1000 }, webhookUrl: receiver.url, webhookAllowPrivate: true })).json()) as RuleBody;
    const batch = [mention('i1', "Quelle honte, une arnaque, je suis furieux et déçu, c'est nul", now - 5 * 60_000, 250_000)];
    assert.equal((await manager.request('POST', '/api/v1/w/acme/mentions', { mentions: batch })).status, 200);
    await until(() => receiver.received.length > before);
    const alerts = (await (await viewer.request('GET', `/api/v1/w/acme/alerts?rule=${rule.id}`)).json()) as { alerts: AlertBody[] };
    assert.equal(alerts.alerts.length, 1, 'the negative mention of an influential author fired');
    const alertId = alerts.alerts[0]!.id;
    await until(async () => (await t.jobs.list(DELIVER_JOB, 50)).some((j) => (j.data as DeliverJob).alertId === alertId && (j.data as DeliverJob).attempt === 2));
    const retry = (await t.jobs.list(DELIVER_JOB, 50)).find((j) => (j.data as DeliverJob).alertId === alertId && (j.data as DeliverJob).attempt === 2)!;
    assert.equal(retry.state, 'queued');
    assert.ok(retry.runAt >= retry.createdAt + 30_000 - 1000, `the second attempt waits its back-off (${retry.runAt - retry.createdAt} ms)`);
    // Time passes; the receiver is back: the second attempt (as the job would run it) succeeds.
    receiver.status.next = 200;
    const deps = { db: t.database.db, events: t.app.services.events, jobs: t.jobs, now: () => now + 31_000 };
    assert.equal(await deliverAlert(deps, retry.data as DeliverJob), 'delivered');
    assert.equal(await deliverAlert(deps, retry.data as DeliverJob), 'skipped', 'an alert delivered is not posted twice');
    const detail = (await (await viewer.request('GET', `/api/v1/w/acme/alerts/${alertId}`)).json()) as { deliveries: Array<{ attempt: number; outcome: string; httpStatus: number | null; error: string | null }>; timeline: Array<{ type: string; detail: { retryAt?: number } }> };
    assert.deepEqual(detail.deliveries.map((d) => [d.attempt, d.outcome, d.httpStatus]), [[1, 'failed', 503], [2, 'succeeded', 200]]);
    assert.match(detail.deliveries[0]!.error ?? '', /503/);
    assert.ok(detail.timeline.find((e) => e.type === 'delivery_failed')?.detail.retryAt);
  });

  test('a webhook on a private address is refused unless an administrator allowed it', async () => {
    const rule = (await (await manager.request('POST', '/api/v1/w/acme/alert-rules', { name: 'Spike to self', kind: 'keyword', params: { query: 'incendie', minCount: 1 }, webhookUrl: receiver.url })).json()) as RuleBody;
    const before = receiver.received.length;
    assert.equal((await manager.request('POST', '/api/v1/w/acme/mentions', { mentions: [mention('p1', 'Un incendie au dépôt', t.clock.now - 60_000)] })).status, 200);
    let alertId = 0;
    await until(async () => {
      const list = (await (await viewer.request('GET', `/api/v1/w/acme/alerts?rule=${rule.id}`)).json()) as { alerts: AlertBody[] };
      alertId = list.alerts[0]?.id ?? 0;
      if (!alertId) return false;
      const detail = (await (await viewer.request('GET', `/api/v1/w/acme/alerts/${alertId}`)).json()) as { deliveries: unknown[] };
      return detail.deliveries.length > 0;
    });
    const detail = (await (await viewer.request('GET', `/api/v1/w/acme/alerts/${alertId}`)).json()) as { deliveries: Array<{ outcome: string; error: string }> };
    assert.equal(detail.deliveries[0]!.outcome, 'failed');
    assert.match(detail.deliveries[0]!.error, /loopback/);
    assert.equal(receiver.received.length, before, 'nothing was posted');
  });

  test('quiet hours hold the webhook until they end; the alert shows at once', async () => {
    const rule = (await (await admin.request('POST', '/api/v1/w/acme/alert-rules', { name: 'Night', kind: 'keyword', params: { query: 'avalanche', minCount: 1 }, quietHours: { from: 11, to: 14, timeZone: 'UTC' }, webhookUrl: receiver.url, webhookAllowPrivate: true })).json()) as RuleBody;
    const before = receiver.received.length;
    assert.equal((await manager.request('POST', '/api/v1/w/acme/mentions', { mentions: [mention('q1', 'Une avalanche au col', t.clock.now - 60_000)] })).status, 200);
    let alertId = 0;
    await until(async () => {
      alertId = ((await (await viewer.request('GET', `/api/v1/w/acme/alerts?rule=${rule.id}`)).json()) as { alerts: AlertBody[] }).alerts[0]?.id ?? 0;
      return alertId > 0;
    });
    await until(async () => (await t.jobs.list(DELIVER_JOB, 50)).some((j) => (j.data as DeliverJob).alertId === alertId));
    const job = (await t.jobs.list(DELIVER_JOB, 50)).find((j) => (j.data as DeliverJob).alertId === alertId)!;
    assert.equal(job.state, 'queued');
    assert.ok(Math.abs(job.runAt - job.createdAt - 2 * 3_600_000) < 5_000, 'held two hours: until 14:00 UTC');
    const detail = (await (await viewer.request('GET', `/api/v1/w/acme/alerts/${alertId}`)).json()) as { timeline: Array<{ type: string; detail: { until?: number } }> };
    assert.deepEqual(detail.timeline.map((e) => e.type), ['fired', 'delivery_held']);
    assert.equal(detail.timeline[1]!.detail.until, Date.UTC(2026, 10, 22, 14));
    assert.equal(receiver.received.length, before);
  });

  test('rule changes and alert moves are in the workspace audit log', async () => {
    const strategist = await t.login(ROLE_EMAIL('strategist'));
    const response = await strategist.request('GET', '/api/v1/w/acme/audit');
    assert.equal(response.status, 200);
    const actions = JSON.stringify(await response.json());
    for (const action of ['alert-rule.create', 'alert-rule.update', 'alert-rule.delete', 'alert.acknowledge', 'alert.resolve']) assert.ok(actions.includes(action), action);
  });

  test('the dry run says when a rule would have fired, and records nothing', async () => {
    const count = async () => ((await (await viewer.request('GET', '/api/v1/w/acme/alerts?limit=200')).json()) as { alerts: unknown[] }).alerts.length;
    const before = await count();
    const response = await manager.request('POST', '/api/v1/w/acme/alert-rules/test?days=7', { name: 'Try', kind: 'keyword', params: { query: 'boycott', minCount: 2 } });
    assert.equal(response.status, 200);
    const result = (await response.json()) as { firings: Array<{ windowStart: number; explanation: string }>; from: number; to: number };
    assert.equal(result.firings.length, 1);
    assert.equal(result.firings[0]!.windowStart, Date.UTC(2026, 10, 22, 11));
    assert.equal(await count(), before);
    assert.equal((await viewer.request('POST', '/api/v1/w/acme/alert-rules/test', { name: 'Try', kind: 'spike' })).status, 403);
  });
});

// Spread over HTTP on both dialects: analyses as jobs (queued, done, cancelled, refused), true
// reach, the network view, and a campaign whose hashtag Listen sees, actual beside predicted.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ListenTables } from '../../src/listen/tables.ts';
import type { MapTables } from '../../src/map/tables.ts';
import { createRun, RUN_JOB } from '../../src/spread/runs.ts';
import { openTestApp, ROLE_EMAIL, type Client, type TestApp } from '../support/app.ts';
import { eachDialect } from '../support/databases.ts';
import { insertSmallWorld, mention } from './support.ts';

interface Run { id: number; status: string; error: string | null; result: any; progress: unknown }
const HOUR = 3_600_000;

async function until<T>(get: () => Promise<T>, done: (t: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await get();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`timed out: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

eachDialect('Spread over HTTP', (dialect) => {
  let t: TestApp;
  let manager: Client;
  let viewer: Client;
  let start: number;
  before(async () => {
    t = await openTestApp(dialect);
    manager = await t.login(ROLE_EMAIL('manager'));
    viewer = await t.login(ROLE_EMAIL('viewer'));
    const db = t.database.db.withTables<ListenTables & MapTables>();
    const ws = await db.selectFrom('workspaces').select('id').where('slug', '=', 'acme').executeTakeFirstOrThrow();
    const ids = await insertSmallWorld(t.database.db, ws.id, t.clock.now);
    start = t.clock.now - 48 * HOUR;
    let n = 0;
    const post = (author: number, at: number, hashtags: string[]) => mention(ws.id, author, at, 'microblog', hashtags, `m${n++}`);
    await db.insertInto('mentions').values([post(ids[1]!, start + HOUR, ['cimes2027']), post(ids[7]!, start + 13 * HOUR, ['Cimes2027']), post(ids[8]!, start + 14 * HOUR, ['autre'])]).execute();
  });
  after(() => t.dispose());

  test('pools and the graph size', async () => {
    const r = await viewer.request('GET', '/api/v1/w/acme/spread/pools');
    assert.equal(r.status, 200);
    assert.deepEqual(await r.json(), { pools: { all: 12, employees: 3, ambassadors: 0, bloggers: 2 }, nodes: 12, arcs: 16, ties: 'map' });
  });

  test('an analysis runs as a job and stores its answer; viewers read it, only planners start it', async () => {
    const body = { kind: 'seeds', model: { model: 'ic', probabilities: 'weighted-cascade' }, pool: { pool: 'employees' }, k: 2, epsilon: 0.3, runs: 500, strategies: ['imm', 'followers', 'random'] };
    assert.equal((await viewer.request('POST', '/api/v1/w/acme/spread/runs', body)).status, 403);
    const created = await manager.request('POST', '/api/v1/w/acme/spread/runs', body);
    assert.equal(created.status, 202);
    const { id } = (await created.json()) as Run;
    const run = await until(async () => (await (await viewer.request('GET', `/api/v1/w/acme/spread/runs/${id}`)).json()) as Run, (r) => r.status === 'done' || r.status === 'failed');
    assert.equal(run.status, 'done', run.error ?? '');
    assert.deepEqual(run.result.strategies.map((s: { strategy: string }) => s.strategy), ['imm', 'followers', 'random']);
    for (const s of run.result.strategies) {
      assert.equal(s.seeds.length, 2);
      assert.ok(s.estimate.mean >= 2 && s.estimate.steps.length >= 1);
    }
    const list = (await (await viewer.request('GET', '/api/v1/w/acme/spread/runs')).json()) as { runs: Run[] };
    assert.ok(list.runs.some((r) => r.id === id && r.result === null));
  });

  test('the strong-ties plan and the tie-strength model run on Map\'s tie strength', async () => {
    const run = async (body: unknown): Promise<Run> => {
      const created = await manager.request('POST', '/api/v1/w/acme/spread/runs', body);
      assert.equal(created.status, 202);
      const { id } = (await created.json()) as Run;
      return until(async () => (await (await viewer.request('GET', `/api/v1/w/acme/spread/runs/${id}`)).json()) as Run, (r) => r.status === 'done' || r.status === 'failed');
    };
    const plan = await run({ kind: 'strong-ties', model: {}, ego: '@cimes', runs: 500 });
    assert.equal(plan.status, 'done', plan.error ?? '');
    assert.equal(plan.result.ego.handle, 'cimes');
    assert.deepEqual(plan.result.waves.map((w: { wave: string }) => w.wave), ['ego', 'strong-ties', 'weak-ties']);
    const ties = await run({ kind: 'simulate', model: { probabilities: 'tie-strength', scale: 1 }, seeds: ['@b1'], runs: 500 });
    assert.equal(ties.status, 'done', ties.error ?? '');
    assert.ok(ties.result.estimate.mean > 1 && ties.result.estimate.mean <= 4, `b1 reaches at most itself and its 3 followers: ${ties.result.estimate.mean}`);
  });

  test('bad requests are refused at once, with the field', async () => {
    const post = async (body: unknown) => {
      const r = await manager.request('POST', '/api/v1/w/acme/spread/runs', body);
      return { status: r.status, error: ((await r.json()) as { error: { code: string; field?: string } }).error };
    };
    const tooMany = await post({ kind: 'seeds', model: {}, pool: { pool: 'employees' }, k: 4 });
    assert.deepEqual([tooMany.status, tooMany.error.code, tooMany.error.field], [400, 'RELAIS_SPREAD_INVALID', 'body.k']);
    const p = await post({ kind: 'simulate', model: { probabilities: 'uniform', p: 1.5 }, seeds: ['@e1'] });
    assert.equal(p.status, 400);
    assert.match(p.error.field ?? '', /p$/);
    const noP = await post({ kind: 'simulate', model: { probabilities: 'uniform' }, seeds: ['@e1'] });
    assert.deepEqual([noP.status, noP.error.field], [400, 'body.model.p']);
    const empty = await post({ kind: 'seeds', model: {}, pool: { pool: 'ambassadors' }, k: 1 });
    assert.deepEqual([empty.status, empty.error.code], [400, 'RELAIS_SPREAD_POOL_EMPTY']);
    const unknown = await post({ kind: 'simulate', model: {}, seeds: ['@e1', '@nobody'] });
    assert.deepEqual([unknown.status, unknown.error.field], [400, 'body.seeds.1']);
  });

  test('a queued analysis can be cancelled and is never computed', async () => {
    // Stored but not yet handed to the job runner, so that nothing takes it before the cancel.
    const ws = await t.database.db.selectFrom('workspaces').select('id').where('slug', '=', 'acme').executeTakeFirstOrThrow();
    const { id } = await createRun(t.database.db, ws.id, { kind: 'simulate', model: { model: 'ic', probabilities: 'weighted-cascade' }, seeds: ['@e1'], runs: 1000, seed: 1 }, null, t.clock.now);
    const cancelled = (await (await manager.request('POST', `/api/v1/w/acme/spread/runs/${id}/cancel`)).json()) as Run;
    assert.equal(cancelled.status, 'cancelled');
    assert.equal((await viewer.request('POST', `/api/v1/w/acme/spread/runs/${id}/cancel`)).status, 403);
    await t.jobs.enqueue(RUN_JOB, { runId: id });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const again = (await (await viewer.request('GET', `/api/v1/w/acme/spread/runs/${id}`)).json()) as Run;
    assert.deepEqual([again.status, again.result], ['cancelled', null]);
  });

  test('true reach of the employees and of audiences given as id lists', async () => {
    const r = await viewer.request('POST', '/api/v1/w/acme/spread/reach', { pool: { pool: 'employees' } });
    assert.equal(r.status, 200);
    const body = (await r.json()) as { unique: number; naiveInGraph: number; seedExample: { naive: number } };
    assert.deepEqual([body.unique, body.naiveInGraph, body.seedExample.naive], [6, 9, 250_000]);
    const h = (await (await viewer.request('POST', '/api/v1/w/acme/spread/reach', { audiences: [['a', 'b'], ['b', 'c']] })).json()) as { unique: number; naive: number };
    assert.equal(h.naive, 4);
    assert.ok(Math.abs(h.unique - 3) < 0.5);
    const empty = await viewer.request('POST', '/api/v1/w/acme/spread/reach', { pool: { pool: 'ambassadors' } });
    assert.equal(empty.status, 400);
  });

  test('the network around the seeds', async () => {
    const r = (await (await viewer.request('GET', '/api/v1/w/acme/spread/network?seeds=@b1')).json()) as { nodes: Array<{ handle: string; seed: boolean }>; edges: unknown[] };
    assert.deepEqual(r.nodes.map((n) => [n.handle, n.seed]).sort(), [['b1', true], ['f10', false], ['f11', false], ['f9', false]]);
    assert.equal(r.edges.length, 3);
  });

  test('a campaign: predicted reach over time, then the actual once its hashtag is seen', async () => {
    const input = { name: 'Cimes 2027', goal: 'Lancer la collection', pool: { pool: 'employees' }, seeds: ['@e1', '@e2'], content: 'La nouvelle collection', hashtag: '#Cimes2027', stepHours: 12, startsAt: start, runs: 500 };
    assert.equal((await viewer.request('POST', '/api/v1/w/acme/spread/campaigns', input)).status, 403);
    const created = await manager.request('POST', '/api/v1/w/acme/spread/campaigns', input);
    assert.equal(created.status, 201);
    const campaign = (await created.json()) as { id: number; hashtag: string; seeds: Array<{ handle: string }>; predicted: { mean: number } };
    assert.equal(campaign.hashtag, 'cimes2027');
    assert.deepEqual(campaign.seeds.map((s) => s.handle), ['e1', 'e2']);
    assert.ok(campaign.predicted.mean >= 2);
    assert.equal((await manager.request('POST', '/api/v1/w/acme/spread/campaigns', input)).status, 409);
    const got = (await (await viewer.request('GET', `/api/v1/w/acme/spread/campaigns/${campaign.id}`)).json()) as { reach: { tracked: boolean; mentions: number; points: Array<{ posters: number | null; audience: number | null; predicted: number | null }> } };
    assert.equal(got.reach.tracked, true);
    assert.equal(got.reach.mentions, 2);
    // Bucket 0 (first 12 h): e1 posted; its audience is e1 and its followers 0, 6, 7, 8.
    assert.deepEqual([got.reach.points[0]!.posters, got.reach.points[0]!.audience], [1, 5]);
    // Bucket 1: f7 too, who follows e1 and has no followers: the audience stays at 5.
    assert.deepEqual([got.reach.points[1]!.posters, got.reach.points[1]!.audience], [2, 5]);
    assert.ok(got.reach.points[0]!.predicted! >= 2);
    const list = (await (await viewer.request('GET', '/api/v1/w/acme/spread/campaigns')).json()) as { campaigns: unknown[] };
    assert.equal(list.campaigns.length, 1);
    assert.equal((await manager.request('DELETE', `/api/v1/w/acme/spread/campaigns/${campaign.id}`)).status, 204);
    assert.equal((await viewer.request('GET', `/api/v1/w/acme/spread/campaigns/${campaign.id}`)).status, 404);
  });
});

// The job runner's contract, run on SQLite (the jobs table) and PostgreSQL (pg-boss) alike;
// then what only one side can show: cron slots stepped with an injected clock (SQLite), and
// the cron parser. On PostgreSQL each run uses its own pg-boss schema, dropped afterwards.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database, type Dialect } from '../../src/platform/db/connect.ts';
import { RelaisError } from '../../src/platform/errors.ts';
import { parseCron } from '../../src/platform/jobs/cron.ts';
import { createJobQueue, jobMigrations, type JobQueue, type JobQueueOptions, type JobRecord } from '../../src/platform/jobs/index.ts';
import { POSTGRES_URL, eachDialect, openTestDatabase, type TestDatabase } from '../support/databases.ts';

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await sleep(20);
  }
}

const isCode = (code: string) => (error: unknown) => error instanceof RelaisError && error.code === code;

/** A fixture: queues opened on the suite's database (or another), all stopped at the end. */
function jobFixture(dialect: Dialect) {
  const bossSchema = `relais_jobs_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const queues: JobQueue[] = [];
  const fixture = {
    database: undefined as unknown as TestDatabase,
    open(options: JobQueueOptions & { database?: Database } = {}): JobQueue {
      const queue = createJobQueue(options.database ?? fixture.database, {
        postgresUrl: POSTGRES_URL,
        schema: bossSchema,
        pollIntervalMs: 50,
        superviseIntervalMs: dialect === 'sqlite' ? 50 : 1000,
        ...options,
      });
      queues.push(queue);
      return queue;
    },
    /**
     * Another connection to the same database, as a second process would have. On PostgreSQL
     * each queue already has its own (pg-boss's pool) and only reads the dialect here.
     */
    async reopen(): Promise<Database> {
      return dialect === 'sqlite' ? openDatabase(fixture.database.label) : { ...fixture.database, close: async () => {} };
    },
    /** Leaves a job as a worker that died while running it would: active, lease expired or not. */
    async leaveActive(id: string, leaseExpired: boolean): Promise<void> {
      if (dialect === 'sqlite') {
        const leaseUntil = Date.now() + (leaseExpired ? -1000 : 60_000);
        await sql`update jobs set state = 'active', attempts = 1, locked_by = 'dead-worker', lease_until = ${leaseUntil} where id = ${Number(id)}`.execute(fixture.database.db);
      } else {
        // pg-boss's lease is started_on + expire_seconds (here the default timeout, 15 min).
        const startedOn = leaseExpired ? sql`now() - interval '1 hour'` : sql`now()`;
        await sql`update ${sql.table(`${bossSchema}.job`)} set state = 'active', started_on = ${startedOn} where id = ${id}::uuid`.execute(fixture.database.db);
      }
    },
    before: async () => {
      // On PostgreSQL the jobs live in pg-boss's schema: the jobs table is not needed there.
      fixture.database = await openTestDatabase(dialect, dialect === 'sqlite' ? jobMigrations : []);
    },
    after: async () => {
      for (const queue of queues) await queue.stop();
      await fixture.database.dispose();
      if (dialect === 'postgres') {
        const client = new pg.Client({ connectionString: POSTGRES_URL });
        await client.connect();
        await client.query(`drop schema if exists ${bossSchema} cascade`);
        await client.end();
      }
    },
  };
  return fixture;
}

const WORKER = { worker: true, scheduler: false };

eachDialect('jobs', (dialect) => {
  const fx = jobFixture(dialect);
  before(fx.before);
  after(fx.after);
  const find = async (queue: JobQueue, name: string, id: string): Promise<JobRecord | undefined> => (await queue.list(name, 100)).find((job) => job.id === id);
  const settled = (queue: JobQueue, name: string, id: string, state = 'completed') =>
    waitFor(`${name} ${id} to be ${state}`, async () => (await find(queue, name, id))?.state === state);

  test('a job runs once, with its data, and is recorded as completed', async () => {
    const queue = fx.open();
    const runs: { data: unknown; attempt: number }[] = [];
    queue.define<{ n: number }>('once', async (job) => void runs.push({ data: job.data, attempt: job.attempt }));
    const before = await queue.stats();
    await queue.start(WORKER);
    const id = await queue.enqueue('once', { n: 1 });
    await settled(queue, 'once', id);
    assert.deepEqual(runs, [{ data: { n: 1 }, attempt: 1 }]);
    const record = await find(queue, 'once', id);
    assert.equal(record?.attempts, 1);
    assert.equal(record?.lastError, null);
    assert.equal(typeof record?.finishedAt, 'number');
    assert.deepEqual(record?.data, { n: 1 });
    assert.equal((await queue.stats()).completed, before.completed + 1);
    await queue.stop();
  });

  test('a failing job is retried with exponential back-off, then failed with its error kept', async () => {
    const errors: unknown[] = [];
    const queue = fx.open({ onError: (error, job) => errors.push([errorText(error), job?.name]) });
    const starts: number[] = [];
    queue.define('flaky', async ({ attempt }) => {
      starts.push(Date.now());
      throw new Error(`boom ${attempt}`);
    }, { retryLimit: 2, retryDelayMs: 500 });
    await queue.start(WORKER);
    const id = await queue.enqueue('flaky', null);
    await settled(queue, 'flaky', id, 'failed');
    assert.equal(starts.length, 3);
    // Retry n waits at least retryDelayMs·2^(n−1) on both runners (queue.ts, JobOptions).
    for (let n = 1; n < starts.length; n += 1) assert.ok(starts[n]! - starts[n - 1]! >= 500 * 2 ** (n - 1) - 20, `retry ${n} waited ${starts[n]! - starts[n - 1]!} ms`);
    const record = await find(queue, 'flaky', id);
    assert.equal(record?.attempts, 3);
    assert.equal(record?.lastError, 'boom 3');
    assert.equal(typeof record?.finishedAt, 'number');
    assert.deepEqual(errors, [['boom 1', 'flaky'], ['boom 2', 'flaky'], ['boom 3', 'flaky']]);
    await queue.stop();
  });

  test('a delayed job does not start before runAt', async () => {
    const queue = fx.open();
    let startedAt = 0;
    queue.define('later', async () => void (startedAt = Date.now()));
    await queue.start(WORKER);
    const runAt = Date.now() + 500;
    const id = await queue.enqueue('later', {}, { runAt });
    await sleep(250);
    assert.equal((await find(queue, 'later', id))?.state, 'queued');
    assert.ok(Math.abs((await find(queue, 'later', id))!.runAt - runAt) < 5);
    await settled(queue, 'later', id);
    assert.ok(startedAt >= runAt - 10, `started ${runAt - startedAt} ms early`);
    await queue.stop();
  });

  test('an idempotency key adds one job while the first is queued or active', async () => {
    const queue = fx.open();
    const runs: unknown[] = [];
    queue.define('keyed', async ({ data }) => void runs.push(data));
    const first = await queue.enqueue('keyed', { v: 1 }, { key: 'post-7' });
    assert.equal(await queue.enqueue('keyed', { v: 2 }, { key: 'post-7' }), first);
    assert.notEqual(await queue.enqueue('keyed', { v: 3 }, { key: 'post-8' }), first);
    assert.deepEqual((await queue.list('keyed')).map((job) => job.key).sort(), ['post-7', 'post-8']);
    await queue.start(WORKER);
    await settled(queue, 'keyed', first);
    const again = await queue.enqueue('keyed', { v: 4 }, { key: 'post-7' });
    assert.notEqual(again, first, 'a finished job frees its key');
    await settled(queue, 'keyed', again);
    const a = await queue.enqueue('keyed', { v: 5 });
    const b = await queue.enqueue('keyed', { v: 5 });
    assert.notEqual(a, b, 'jobs without a key never collide');
    await Promise.all([settled(queue, 'keyed', a), settled(queue, 'keyed', b)]);
    assert.deepEqual(runs.map((data) => (data as { v: number }).v).sort(), [1, 3, 4, 5, 5]);
    await queue.stop();
  });

  test('a job is claimed by one worker only: two runners, 60 jobs, each runs exactly once', async () => {
    const other = await fx.reopen();
    const [a, b] = [fx.open(), fx.open({ database: other })];
    const runs = new Map<string, number>();
    const byRunner = { a: 0, b: 0 };
    for (const [queue, label] of [[a, 'a'], [b, 'b']] as const) {
      queue.define('shared', async ({ id }) => {
        runs.set(id, (runs.get(id) ?? 0) + 1);
        byRunner[label] += 1;
        await sleep(15);
      }, { concurrency: 3 });
    }
    const ids = await Promise.all(Array.from({ length: 60 }, (_, i) => a.enqueue('shared', { i })));
    await Promise.all([a.start(WORKER), b.start(WORKER)]);
    await waitFor('60 runs', async () => (await a.stats()).queued === 0 && (await a.list('shared', 100)).every((job) => job.state === 'completed'));
    await Promise.all([a.stop(), b.stop()]);
    assert.equal(runs.size, 60);
    assert.deepEqual(new Set(runs.keys()), new Set(ids));
    assert.ok([...runs.values()].every((count) => count === 1), 'a job ran twice');
    assert.ok(byRunner.a > 0 && byRunner.b > 0, `both runners took jobs (${JSON.stringify(byRunner)})`);
    await other.close();
  });

  test('survives a restart: a job enqueued before the process stopped runs in the next one', async () => {
    const first = await fx.reopen();
    const previous = fx.open({ database: first });
    previous.define('restart', async () => {});
    const id = await previous.enqueue('restart', { n: 7 });
    await previous.stop();
    await first.close();
    const second = await fx.reopen();
    const next = fx.open({ database: second });
    const runs: unknown[] = [];
    next.define('restart', async ({ id, data }) => void runs.push([id, data]));
    await next.start(WORKER);
    await settled(next, 'restart', id);
    assert.deepEqual(runs, [[id, { n: 7 }]]);
    await next.stop();
    await second.close();
  });

  test('a job left active by a dead worker runs again once its lease has expired, and not before', async () => {
    const setup = fx.open();
    setup.define('orphan', async () => {}, { retryDelayMs: 0 });
    const dead = await setup.enqueue('orphan', { which: 'dead' }, { retryLimit: 1 });
    const alive = await setup.enqueue('orphan', { which: 'alive' });
    await fx.leaveActive(dead, true);
    await fx.leaveActive(alive, false);
    const queue = fx.open();
    const runs: unknown[] = [];
    queue.define<{ which: string }>('orphan', async ({ data, attempt }) => void runs.push([data.which, attempt]), { retryDelayMs: 0 });
    await queue.start(WORKER);
    await settled(queue, 'orphan', dead);
    await sleep(300);
    assert.deepEqual(runs, [['dead', 2]]);
    assert.equal((await find(queue, 'orphan', dead))?.attempts, 2);
    assert.equal((await find(queue, 'orphan', alive))?.state, 'active');
    await queue.stop();
  });

  test('a schedule fires once per slot, however many schedulers run', async () => {
    const [a, b] = [fx.open(), fx.open()];
    const runs: unknown[] = [];
    for (const queue of [a, b]) queue.define('tick', async ({ data }) => void runs.push(data));
    const firstMinute = Math.floor(Date.now() / 60_000);
    await a.schedule('tick', '* * * * *', { from: 'cron' });
    await Promise.all([a.start({ worker: true, scheduler: true }), b.start({ worker: true, scheduler: true })]);
    await waitFor('the scheduled run', () => runs.length > 0);
    await sleep(dialect === 'sqlite' ? 300 : 1200); // more scheduler passes on every instance
    await a.unschedule('tick');
    const minutes = Math.floor(Date.now() / 60_000) - firstMinute + 1;
    assert.ok(runs.length <= minutes, `${runs.length} runs in ${minutes} minute slot(s)`);
    assert.deepEqual(runs[0], { from: 'cron' });
    const [record] = await a.list('tick');
    assert.equal(record?.key, 'schedule');
    await Promise.all([a.stop(), b.stop()]);
  });

  test('stop() waits for the jobs that are running', async () => {
    const queue = fx.open();
    let state = 'waiting';
    queue.define('slow', async () => {
      state = 'running';
      await sleep(400);
      state = 'finished';
    });
    await queue.start(WORKER);
    const id = await queue.enqueue('slow', {});
    await waitFor('the slow job to start', () => state === 'running');
    await queue.stop();
    assert.equal(state, 'finished');
    const observer = fx.open();
    assert.equal((await find(observer, 'slow', id))?.state, 'completed');
  });

  test('a run past its timeout is aborted and fails', async () => {
    const queue = fx.open();
    let reason = '';
    queue.define('stuck', async ({ signal }) => {
      await new Promise((resolve) => signal.addEventListener('abort', resolve));
      reason = errorText(signal.reason);
    }, { timeoutMs: 200, retryLimit: 0 });
    await queue.start(WORKER);
    const id = await queue.enqueue('stuck', {});
    await settled(queue, 'stuck', id, 'failed');
    assert.match(reason, /timed out after 200 ms/);
    assert.match((await find(queue, 'stuck', id))?.lastError ?? '', /timed out after 200 ms/);
    await queue.stop();
  });

  test('an unknown job name or a bad cron expression is refused', async () => {
    const queue = fx.open();
    queue.define('known', async () => {});
    await assert.rejects(queue.enqueue('unknown', {}), isCode('RELAIS_JOB_UNKNOWN'));
    await assert.rejects(queue.schedule('unknown', '* * * * *'), isCode('RELAIS_JOB_UNKNOWN'));
    await assert.rejects(queue.schedule('known', 'every minute'), isCode('RELAIS_JOB_CRON_INVALID'));
    await assert.rejects(queue.schedule('known', '0 0 * * * *'), isCode('RELAIS_JOB_CRON_INVALID'));
  });
});

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

describe('jobs on SQLite only', () => {
  const fx = jobFixture('sqlite');
  before(fx.before);
  after(fx.after);

  test('cron slots, stepped with an injected clock: once per slot across schedulers, none after unschedule', async () => {
    let now = Date.parse('2026-11-22T12:00:30Z');
    const clock = () => now;
    const other = await fx.reopen();
    const [a, b] = [fx.open({ now: clock, superviseIntervalMs: 10 }), fx.open({ database: other, now: clock, superviseIntervalMs: 10 })];
    const runs: number[] = [];
    for (const queue of [a, b]) queue.define('digest', async () => void runs.push(now));
    await a.schedule('digest', '*/5 * * * *');
    await Promise.all([a.start({ worker: true, scheduler: true }), b.start({ worker: true, scheduler: true })]);
    await waitFor('the 12:00 slot', () => runs.length === 1);
    now = Date.parse('2026-11-22T12:01:10Z');
    await sleep(150);
    assert.equal(runs.length, 1, '12:01 is not a slot, and 12:00 fired already');
    now = Date.parse('2026-11-22T12:05:00Z');
    await waitFor('the 12:05 slot', () => runs.length === 2);
    await sleep(150);
    assert.equal(runs.length, 2);
    await a.unschedule('digest');
    now = Date.parse('2026-11-22T12:10:00Z');
    await sleep(150);
    assert.equal(runs.length, 2, 'unscheduled');
    await Promise.all([a.stop(), b.stop()]);
    await other.close();
  });

  test('a job whose worker died on each of its allowed runs is failed, not run again', async () => {
    const queue = fx.open();
    let runs = 0;
    queue.define('killer', async () => void (runs += 1));
    const id = await queue.enqueue('killer', {}, { retryLimit: 1 });
    await sql`update jobs set state = 'active', attempts = 2, locked_by = 'dead-worker', lease_until = ${Date.now() - 1} where id = ${Number(id)}`.execute(fx.database.db);
    await queue.start(WORKER);
    await waitFor('the job to fail', async () => (await queue.list('killer'))[0]?.state === 'failed');
    assert.equal(runs, 0);
    assert.match((await queue.list('killer'))[0]?.lastError ?? '', /lease expired/);
    await queue.stop();
  });
});

describe('cron expressions', () => {
  const at = (iso: string) => Date.parse(iso);

  test('fields, ranges, steps, lists and names, in UTC', () => {
    assert.ok(parseCron('* * * * *').matches(at('2026-11-22T12:34:56Z')));
    assert.ok(parseCron('*/15 * * * *').matches(at('2026-11-22T12:45:00Z')));
    assert.ok(!parseCron('*/15 * * * *').matches(at('2026-11-22T12:46:00Z')));
    assert.ok(parseCron('0 6 * * MON-FRI').matches(at('2026-11-23T06:00:00Z')), 'a Monday');
    assert.ok(!parseCron('0 6 * * MON-FRI').matches(at('2026-11-22T06:00:00Z')), 'a Sunday');
    assert.ok(parseCron('0 0 * * 7').matches(at('2026-11-22T00:00:00Z')), '7 is Sunday');
    assert.ok(parseCron('30 9 1,15 jan,jul *').matches(at('2026-07-15T09:30:00Z')));
    assert.ok(parseCron('10-20/5 * * * *').matches(at('2026-07-15T09:15:00Z')));
    assert.ok(!parseCron('10-20/5 * * * *').matches(at('2026-07-15T09:25:00Z')));
    assert.ok(parseCron('5/20 * * * *').matches(at('2026-07-15T09:45:00Z')));
  });

  test('with both day fields restricted, either one matching is enough (as cron does)', () => {
    const cron = parseCron('0 0 13 * FRI');
    assert.ok(cron.matches(at('2026-11-13T00:00:00Z')), 'the 13th, a Friday');
    assert.ok(cron.matches(at('2026-11-20T00:00:00Z')), 'a Friday');
    assert.ok(cron.matches(at('2026-12-13T00:00:00Z')), 'a 13th');
    assert.ok(!cron.matches(at('2026-11-21T00:00:00Z')));
  });

  test('malformed expressions say what is wrong', () => {
    for (const [expression, why] of [
      ['* * * *', /4 fields/],
      ['60 * * * *', /outside 0–59/],
      ['* * * * mon-sun-x', /malformed/],
      ['* * * * x', /"x" is not a number/],
      ['*/0 * * * *', /step/],
      ['20-10 * * * *', /backwards/],
      ['* * * foo *', /"foo"/],
    ] as const) {
      assert.throws(() => parseCron(expression), (error: unknown) => isCode('RELAIS_JOB_CRON_INVALID')(error) && why.test((error as Error).message), expression);
    }
  });
});

// The job runner on a table (migrations.ts), through Kysely: what relais uses on SQLite. It
// would run on PostgreSQL as well, but there createJobQueue picks pg-boss.
//
// Every write is one statement. node:sqlite is synchronous, so a transaction held open across
// an `await` would make a second connection in the same process (a second queue in tests)
// spin on the busy timeout while the first can never commit; and one statement is atomic on
// its own. Claiming is `UPDATE … WHERE id = (SELECT … LIMIT 1) AND <still claimable>`:
// SQLite runs writers one at a time, and PostgreSQL re-checks the WHERE on the locked row, so
// two workers never take the same job. A claimed job carries a lease, renewed while it runs;
// a job whose lease ran out (its worker died) is claimable again.
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/connect.ts';
import { RelaisError } from '../errors.ts';
import { parseCron, type Cron } from './cron.ts';
import {
  JOB_DEFAULTS, JOB_STATES, errorMessage, runWithTimeout, toDefinition,
  type Definition, type EnqueueOptions, type JobHandler, type JobOptions, type JobQueue, type JobQueueOptions,
  type JobRecord, type JobRoles, type JobState,
} from './queue.ts';
import type { JobTable, JobTables } from './tables.ts';

const withJobTables = (db: Database['db']) => db.withTables<JobTables>();
type JobDb = ReturnType<typeof withJobTables>;

type JobRow = Omit<JobTable, 'id'> & { id: number };

const MINUTE = 60_000;

export function createSqliteQueue(database: Database, options: JobQueueOptions = {}): JobQueue {
  return new SqliteQueue(withJobTables(database.db), options);
}

class SqliteQueue implements JobQueue {
  readonly #db: JobDb;
  readonly #options: JobQueueOptions;
  readonly #now: () => number;
  readonly #leaseMs: number;
  /** Marks this runner's claims, so that it only ever settles jobs it still holds. */
  readonly #workerId = randomUUID();
  readonly #definitions = new Map<string, Definition>();
  readonly #crons = new Map<string, Cron>();
  readonly #running = new Map<number, { name: string; controller: AbortController; done: Promise<void> }>();
  #roles: JobRoles | null = null;
  #stopped = false;
  #timers: NodeJS.Timeout[] = [];
  /** The claim loop in progress, if any, and whether something asked for another pass. */
  #claiming: Promise<void> | null = null;
  #claimAgain = false;
  #ticking: Promise<void> | null = null;

  constructor(db: JobDb, options: JobQueueOptions) {
    this.#db = db;
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#leaseMs = options.leaseMs ?? JOB_DEFAULTS.leaseMs;
  }

  define<P>(name: string, handler: JobHandler<P>, options?: JobOptions): void {
    // Also after start(): the next claim pass takes the name into account.
    this.#definitions.set(name, toDefinition(handler as JobHandler<unknown>, options));
    this.#wake();
  }

  #definition(name: string): Definition {
    const definition = this.#definitions.get(name);
    if (!definition) throw new RelaisError('RELAIS_JOB_UNKNOWN', `No job is defined with the name "${name}".`, { field: 'name' });
    return definition;
  }

  async enqueue<P>(name: string, data: P, options: EnqueueOptions = {}): Promise<string> {
    const definition = this.#definition(name);
    const now = this.#now();
    const key = options.key ?? null;
    const row = {
      name,
      data: JSON.stringify(data ?? null),
      state: 'queued' as const,
      run_at: options.runAt ?? now,
      attempts: 0,
      retry_limit: options.retryLimit ?? definition.retryLimit,
      key,
      created_at: now,
    };
    // A key already taken makes the insert a no-op; the holder may finish between our insert
    // and our look-up, hence the second try.
    for (let tries = 0; tries < 3; tries += 1) {
      const inserted = await this.#db.insertInto('jobs').values(row).onConflict((c) => c.doNothing()).returning('id').executeTakeFirst();
      if (inserted) {
        this.#wake();
        return String(inserted.id);
      }
      const holder = await this.#db
        .selectFrom('jobs').select('id')
        .where('name', '=', name).where('key', '=', key).where('state', 'in', ['queued', 'active'])
        .executeTakeFirst();
      if (holder) return String(holder.id);
    }
    throw new RelaisError('RELAIS_CONFLICT', `Job ${name} with key ${key} could not be enqueued: the key keeps changing hands.`);
  }

  async schedule(name: string, cron: string, data?: unknown): Promise<void> {
    this.#definition(name);
    parseCron(cron);
    const row = { name, cron, data: JSON.stringify(data ?? null), last_slot: 0, created_at: this.#now() };
    // last_slot is kept: scheduling again at boot within a slot that already fired adds nothing.
    await this.#db.insertInto('job_schedules').values(row)
      .onConflict((c) => c.column('name').doUpdateSet({ cron: row.cron, data: row.data }))
      .execute();
  }

  async unschedule(name: string): Promise<void> {
    await this.#db.deleteFrom('job_schedules').where('name', '=', name).execute();
  }

  async start(roles: JobRoles): Promise<void> {
    if (this.#roles || this.#stopped) throw new Error('The job queue was already started');
    this.#roles = roles;
    if (roles.worker) {
      this.#timers.push(setInterval(() => this.#wake(), this.#options.pollIntervalMs ?? JOB_DEFAULTS.pollIntervalMs));
      this.#wake();
    }
    if (roles.scheduler) {
      const tick = () => {
        this.#ticking ??= this.#tick().catch((error) => this.#options.onError?.(error)).finally(() => (this.#ticking = null));
      };
      this.#timers.push(setInterval(tick, this.#options.superviseIntervalMs ?? JOB_DEFAULTS.superviseIntervalMs));
      tick();
    }
  }

  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    for (const timer of this.#timers) clearInterval(timer);
    await Promise.all([this.#claiming, this.#ticking]);
    const settled = Promise.allSettled([...this.#running.values()].map((run) => run.done));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.#options.stopTimeoutMs ?? JOB_DEFAULTS.stopTimeoutMs);
    });
    if ((await Promise.race([settled, timeout])) === 'timeout') {
      // What is still running fails (and so is retried, here or elsewhere) rather than
      // waiting out its lease.
      for (const run of this.#running.values()) run.controller.abort(new Error(`The job runner stopped before job ${run.name} finished`));
      await settled;
    }
    clearTimeout(timer);
  }

  async stats(): Promise<Record<JobState, number>> {
    const rows = await this.#db.selectFrom('jobs').select((eb) => ['state', eb.fn.countAll<number>().as('n')]).groupBy('state').execute();
    const counts = Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as Record<JobState, number>;
    for (const row of rows) counts[row.state] = Number(row.n);
    return counts;
  }

  async list(name: string, limit: number = JOB_DEFAULTS.listLimit): Promise<JobRecord[]> {
    const rows = await this.#db.selectFrom('jobs').selectAll().where('name', '=', name).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map((row) => ({
      id: String(row.id),
      name: row.name,
      state: row.state,
      data: JSON.parse(row.data) as unknown,
      key: row.key,
      attempts: row.attempts,
      retryLimit: row.retry_limit,
      runAt: row.run_at,
      createdAt: row.created_at,
      finishedAt: row.finished_at,
      lastError: row.last_error,
    }));
  }

  /** Asks the claim loop for a pass now (after an enqueue, a finished job, or on the poll timer). */
  #wake(): void {
    if (!this.#roles?.worker || this.#stopped) return;
    if (this.#claiming) {
      this.#claimAgain = true;
      return;
    }
    this.#claiming = this.#claimAll()
      .catch((error) => this.#options.onError?.(error))
      .finally(() => {
        this.#claiming = null;
        if (this.#claimAgain) this.#wake();
      });
  }

  async #claimAll(): Promise<void> {
    this.#claimAgain = false;
    while (!this.#stopped) {
      const busy = new Map<string, number>();
      for (const run of this.#running.values()) busy.set(run.name, (busy.get(run.name) ?? 0) + 1);
      const names = [...this.#definitions].filter(([name, d]) => (busy.get(name) ?? 0) < d.concurrency).map(([name]) => name);
      if (names.length === 0) return;
      const job = await this.#claim(names);
      if (!job) return;
      if (this.#stopped) {
        // stop() came while we claimed: hand the job back untouched rather than make it wait out its lease.
        await this.#db.updateTable('jobs').set((eb) => ({ state: 'queued', attempts: eb('attempts', '-', 1), locked_by: null, lease_until: null }))
          .where('id', '=', job.id).where('locked_by', '=', this.#workerId).execute();
        return;
      }
      if (job.attempts > job.retry_limit + 1) {
        // Its worker died on each of its allowed runs (a job that kills the process, say).
        await this.#settle(job, { state: 'failed', last_error: job.last_error ?? 'Its worker stopped while running it (lease expired)', finished_at: this.#now() });
        continue;
      }
      this.#run(job);
    }
  }

  async #claim(names: string[]): Promise<JobRow | undefined> {
    const now = this.#now();
    return this.#db
      .updateTable('jobs')
      .set((eb) => ({ state: 'active', attempts: eb('attempts', '+', 1), locked_by: this.#workerId, lease_until: now + this.#leaseMs }))
      .where('id', '=', (eb) =>
        eb.selectFrom('jobs').select('id')
          .where('name', 'in', names)
          .where((w) => w.or([
            w.and([w('state', '=', 'queued'), w('run_at', '<=', now)]),
            w.and([w('state', '=', 'active'), w('lease_until', '<', now)]),
          ]))
          .orderBy('run_at').orderBy('id').limit(1),
      )
      .where((w) => w.or([w('state', '=', 'queued'), w.and([w('state', '=', 'active'), w('lease_until', '<', now)])]))
      .returningAll()
      .executeTakeFirst();
  }

  #run(job: JobRow): void {
    const definition = this.#definitions.get(job.name)!;
    const controller = new AbortController();
    const renew = setInterval(() => {
      this.#db.updateTable('jobs').set({ lease_until: this.#now() + this.#leaseMs })
        .where('id', '=', job.id).where('locked_by', '=', this.#workerId).where('state', '=', 'active')
        .executeTakeFirst()
        .then((result) => {
          if (result.numUpdatedRows === 0n) controller.abort(new Error(`Job ${job.name} ${job.id} lost its lease to another worker`));
        })
        .catch((error) => this.#options.onError?.(error, { id: String(job.id), name: job.name }));
    }, Math.max(1, Math.floor(this.#leaseMs / 3)));
    const done = (async () => {
      const ref = { id: String(job.id), name: job.name };
      try {
        await runWithTimeout(definition, { ...ref, data: JSON.parse(job.data) as unknown, attempt: job.attempts }, controller.signal);
        clearInterval(renew);
        await this.#settle(job, { state: 'completed', finished_at: this.#now() });
      } catch (error) {
        clearInterval(renew);
        this.#options.onError?.(error, ref);
        const last_error = errorMessage(error);
        if (job.attempts <= job.retry_limit) {
          const delay = definition.retryDelayMs * 2 ** (job.attempts - 1) * (1 + Math.random() / 4);
          await this.#settle(job, { state: 'queued', run_at: this.#now() + Math.round(delay), last_error });
        } else {
          await this.#settle(job, { state: 'failed', finished_at: this.#now(), last_error });
        }
      }
    })()
      .catch((error) => this.#options.onError?.(error, { id: String(job.id), name: job.name }))
      .finally(() => {
        this.#running.delete(job.id);
        this.#wake();
      });
    this.#running.set(job.id, { name: job.name, controller, done });
  }

  /** Records the outcome of a run, unless another worker took the job over meanwhile. */
  async #settle(job: JobRow, change: Partial<Pick<JobTable, 'state' | 'run_at' | 'last_error' | 'finished_at'>>): Promise<void> {
    await this.#db.updateTable('jobs').set({ ...change, locked_by: null, lease_until: null })
      .where('id', '=', job.id).where('locked_by', '=', this.#workerId).where('state', '=', 'active')
      .execute();
  }

  /**
   * Turns each schedule whose expression matches the current minute into a job, once: the
   * conditional update of last_slot lets one scheduler per slot through.
   */
  async #tick(): Promise<void> {
    const now = this.#now();
    const slot = now - (now % MINUTE);
    const due = await this.#db.selectFrom('job_schedules').selectAll().where('last_slot', '<', slot).execute();
    for (const schedule of due) {
      if (this.#stopped) return;
      // A schedule for a job this process does not define is left for a scheduler that does.
      if (!this.#definitions.has(schedule.name)) continue;
      let cron = this.#crons.get(schedule.cron);
      if (!cron) this.#crons.set(schedule.cron, (cron = parseCron(schedule.cron)));
      if (!cron.matches(slot)) continue;
      const won = await this.#db.updateTable('job_schedules').set({ last_slot: slot })
        .where('name', '=', schedule.name).where('last_slot', '<', slot)
        .executeTakeFirst();
      if (won.numUpdatedRows !== 1n) continue;
      // A crash right here loses this slot's run: a schedule fires at most once per slot.
      await this.enqueue(schedule.name, JSON.parse(schedule.data) as unknown, { key: JOB_DEFAULTS.scheduleKey });
    }
  }
}

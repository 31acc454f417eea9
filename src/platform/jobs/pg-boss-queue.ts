// The job runner on PostgreSQL: pg-boss 11 (SKIP LOCKED claims, retries, cron, supervision)
// behind the JobQueue contract. pg-boss keeps its own pool and schema, hence the URL option.
//
// How the contract maps onto pg-boss:
// - one pg-boss queue per job name, created with the "exclusive" policy: at most one job per
//   (name, singleton_key) queued or active, enforced by a unique index. That is our idempotency
//   key; a job without a key gets its own id as singleton key so that it never collides.
// - retries: retryLimit as is; back-off in whole seconds (see JobOptions.retryDelayMs).
// - timeout: our own (runWithTimeout aborts the signal); pg-boss's expiry, one second longer, is
//   what recovers a job whose worker died: pg-boss supervision fails it, and it is retried.
// - concurrency: one pg-boss worker (batch of 1) per slot; workers are notified after an
//   enqueue and after each job, so they do not sleep a polling interval while work is waiting.
// - roles: pg-boss decides at construction whether it schedules and supervises, so calls made
//   before start() go through a plain client instance, and start() opens one with the roles.
import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import { RelaisError } from '../errors.ts';
import { parseCron } from './cron.ts';
import {
  JOB_DEFAULTS, JOB_STATES, errorMessage, runWithTimeout, toDefinition,
  type Definition, type EnqueueOptions, type JobHandler, type JobOptions, type JobQueue, type JobQueueOptions,
  type JobRecord, type JobRoles, type JobState,
} from './queue.ts';

const STATES: Record<string, JobState> = { created: 'queued', retry: 'queued', active: 'active', completed: 'completed', failed: 'failed', cancelled: 'failed' };

export function createPgBossQueue(options: JobQueueOptions & { postgresUrl: string }): JobQueue {
  return new PgBossQueue(options);
}

function sendOptions(definition: Definition, retryLimit = definition.retryLimit): PgBoss.SendOptions {
  return {
    retryLimit,
    retryDelay: Math.floor(definition.retryDelayMs / 1000),
    retryBackoff: definition.retryDelayMs > 0,
    expireInSeconds: Math.ceil(definition.timeoutMs / 1000) + 1,
  };
}

/** pg-boss keeps a failure as the serialized error (or `{ value }` for its own timeouts). */
function outputMessage(output: unknown): string | null {
  if (!output || typeof output !== 'object') return null;
  const record = output as { message?: unknown; value?: unknown };
  if (typeof record.message === 'string') return record.message;
  return typeof record.value === 'string' ? record.value : outputMessage(record.value);
}

class PgBossQueue implements JobQueue {
  readonly #options: JobQueueOptions & { postgresUrl: string };
  readonly #schema: string;
  readonly #definitions = new Map<string, Definition>();
  readonly #queues = new Set<string>();
  readonly #workers = new Map<string, string[]>();
  readonly #running = new Set<Promise<void>>();
  /** Aborts running handlers once stop() has waited long enough. */
  readonly #stopping = new AbortController();
  #client: Promise<PgBoss> | null = null;
  #runner: Promise<PgBoss> | null = null;
  #started: PgBoss | null = null;
  #roles: JobRoles | null = null;
  #stopped = false;
  /** Queue and worker set-up, one step at a time; calls wait for it. */
  #ready: Promise<void> = Promise.resolve();

  constructor(options: JobQueueOptions & { postgresUrl: string }) {
    this.#options = options;
    this.#schema = options.schema ?? 'pgboss';
  }

  define<P>(name: string, handler: JobHandler<P>, options?: JobOptions): void {
    this.#definitions.set(name, toDefinition(handler as JobHandler<unknown>, options));
    if (this.#client || this.#runner) this.#setUp().catch((error) => this.#options.onError?.(error));
  }

  #definition(name: string): Definition {
    const definition = this.#definitions.get(name);
    if (!definition) throw new RelaisError('RELAIS_JOB_UNKNOWN', `No job is defined with the name "${name}".`, { field: 'name' });
    return definition;
  }

  async enqueue<P>(name: string, data: P, options: EnqueueOptions = {}): Promise<string> {
    const definition = this.#definition(name);
    const boss = await this.#boss();
    for (let tries = 0; tries < 3; tries += 1) {
      const id = randomUUID();
      const sent = await boss.send(name, data as object, {
        ...sendOptions(definition, options.retryLimit),
        id,
        singletonKey: options.key ?? id,
        ...(options.runAt === undefined ? {} : { startAfter: new Date(options.runAt) }),
      });
      if (sent) {
        this.#notify(name);
        return sent;
      }
      // The key is held: return the holder, unless it finished meanwhile (then try again).
      const { rows } = await this.#sql<{ id: string }>(boss, `select id::text as id from ${this.#schema}.job where name = $1 and singleton_key = $2 and state <= 'active'`, [name, options.key]);
      if (rows[0]) return rows[0].id;
    }
    throw new RelaisError('RELAIS_CONFLICT', `Job ${name} with key ${options.key} could not be enqueued: the key keeps changing hands.`);
  }

  async schedule(name: string, cron: string, data?: unknown): Promise<void> {
    const definition = this.#definition(name);
    parseCron(cron);
    const boss = await this.#boss();
    // As JSON text: node-postgres would send a bare string as is, and an array as a PostgreSQL array.
    const json = JSON.stringify(data ?? null) as unknown as object;
    await boss.schedule(name, cron, json, { ...sendOptions(definition), tz: 'UTC', singletonKey: JOB_DEFAULTS.scheduleKey });
  }

  async unschedule(name: string): Promise<void> {
    await (await this.#boss()).unschedule(name);
  }

  async start(roles: JobRoles): Promise<void> {
    if (this.#roles || this.#stopped) throw new Error('The job queue was already started');
    this.#roles = roles;
    this.#runner = this.#open(roles);
    this.#started = await this.#runner;
    await this.#setUp();
  }

  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    const timeoutMs = this.#options.stopTimeoutMs ?? JOB_DEFAULTS.stopTimeoutMs;
    const abort = () => this.#stopping.abort(new Error('The job runner stopped before the job finished'));
    const timer = setTimeout(abort, timeoutMs);
    try {
      await this.#ready;
      const [runner, client] = await Promise.all([this.#runner?.catch(() => null), this.#client?.catch(() => null)]);
      // pg-boss waits for its workers' jobs, then fails what is left and closes its pool; it
      // waits 2 s longer than we do so that the runs we abort can still record their failure.
      await runner?.stop({ graceful: true, wait: true, timeout: timeoutMs + 2000 });
      abort();
      await Promise.allSettled(this.#running);
      await client?.stop({ graceful: false, wait: true });
    } finally {
      clearTimeout(timer);
    }
  }

  async stats(): Promise<Record<JobState, number>> {
    const boss = await this.#boss();
    const { rows } = await this.#sql<{ state: string; n: number }>(
      boss,
      `select state::text as state, count(*)::int as n from ${this.#schema}.job where not starts_with(name, '__pgboss__') group by 1`,
    );
    const counts = Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as Record<JobState, number>;
    for (const row of rows) counts[STATES[row.state] ?? 'failed'] += row.n;
    return counts;
  }

  async list(name: string, limit: number = JOB_DEFAULTS.listLimit): Promise<JobRecord[]> {
    const boss = await this.#boss();
    const { rows } = await this.#sql<{
      id: string; name: string; state: string; data: unknown; key: string | null; retry_count: number; retry_limit: number;
      started_on: Date | null; start_after: Date; created_on: Date; completed_on: Date | null; output: unknown;
    }>(
      boss,
      `select id::text as id, name, state::text as state, data, singleton_key as key, retry_count, retry_limit,
              started_on, start_after, created_on, completed_on, output
         from ${this.#schema}.job where name = $1 order by created_on desc, id desc limit $2`,
      [name, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      state: STATES[row.state] ?? 'failed',
      data: row.data,
      key: row.key === row.id ? null : row.key,
      // retry_count counts the runs after the first, which leaves started_on set.
      attempts: row.started_on ? row.retry_count + 1 : 0,
      retryLimit: row.retry_limit,
      runAt: row.start_after.getTime(),
      createdAt: row.created_on.getTime(),
      finishedAt: row.completed_on ? row.completed_on.getTime() : null,
      lastError: row.state === 'completed' ? null : outputMessage(row.output),
    }));
  }

  async #open(roles: JobRoles | null): Promise<PgBoss> {
    const seconds = this.#options.superviseIntervalMs === undefined ? undefined : Math.max(1, Math.round(this.#options.superviseIntervalMs / 1000));
    const boss = new PgBoss({
      connectionString: this.#options.postgresUrl,
      schema: this.#schema,
      application_name: 'relais-jobs',
      schedule: roles?.scheduler ?? false,
      supervise: roles ? roles.worker || roles.scheduler : false,
      ...(seconds === undefined
        ? {}
        : { superviseIntervalSeconds: seconds, monitorIntervalSeconds: seconds, cronMonitorIntervalSeconds: Math.min(45, seconds), cronWorkerIntervalSeconds: Math.min(45, seconds) }),
    });
    // pg-boss emits 'error' for what fails in its loops; unheard, an 'error' event would throw.
    boss.on('error', (error) => this.#options.onError?.(error));
    await boss.start();
    return boss;
  }

  /** The instance calls go through: the started one, else a client opened on first use. */
  async #boss(): Promise<PgBoss> {
    if (this.#stopped) throw new Error('The job queue is stopped');
    if (!this.#runner && !this.#client) {
      const opening = this.#open(null);
      this.#client = opening;
      // A first call while PostgreSQL is down should not leave the queue broken for good.
      opening.catch(() => {
        if (this.#client === opening) this.#client = null;
      });
    }
    await this.#setUp();
    return (this.#runner ?? this.#client)!;
  }

  /** Creates the queue of every defined name once, and its workers once started as a worker. */
  #setUp(): Promise<void> {
    const step = this.#ready.then(async () => {
      const boss = await (this.#runner ?? this.#client);
      if (!boss) return;
      for (const [name, definition] of this.#definitions) {
        if (!this.#queues.has(name)) {
          await boss.createQueue(name, { policy: 'exclusive', ...sendOptions(definition) });
          this.#queues.add(name);
        }
        if (this.#started && this.#roles?.worker && !this.#workers.has(name) && !this.#stopped) {
          const ids: string[] = [];
          this.#workers.set(name, ids);
          const polling = Math.max(500, this.#options.pollIntervalMs ?? 2000) / 1000;
          for (let slot = 0; slot < definition.concurrency; slot += 1) {
            ids.push(await this.#started.work<unknown>(name, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: polling }, ([job]) => this.#handle(name, job!)));
          }
        }
      }
    });
    this.#ready = step.catch(() => {});
    return step;
  }

  async #handle(name: string, job: PgBoss.JobWithMetadata<unknown>): Promise<void> {
    const ref = { id: job.id, name };
    // A fetch that was under way when stop() began: fail it (it is retried) rather than run it
    // against a pool that is closing.
    if (this.#stopped) throw new Error('The job runner stopped before the job started');
    const run = runWithTimeout(this.#definitions.get(name)!, { ...ref, data: job.data, attempt: job.retryCount + 1 }, this.#stopping.signal);
    this.#running.add(run);
    try {
      await run;
    } catch (error) {
      this.#options.onError?.(error, ref);
      throw error instanceof Error ? error : new Error(errorMessage(error));
    } finally {
      this.#running.delete(run);
      this.#notify(name);
    }
  }

  /** Wakes this process's workers of a name: a job was added, or one of them is free again. */
  #notify(name: string): void {
    for (const id of this.#workers.get(name) ?? []) this.#started?.notifyWorker(id);
  }

  async #sql<T>(boss: PgBoss, text: string, values: unknown[] = []): Promise<{ rows: T[] }> {
    // pg-boss answers nothing once its pool is closed.
    const result = await boss.getDb().executeSql(text, values);
    if (!result) throw new Error('The job queue is stopped');
    return result as { rows: T[] };
  }
}

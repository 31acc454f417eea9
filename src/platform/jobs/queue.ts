// The durable job runner's one contract. Two implementations keep it: a table-backed runner on
// SQLite (sqlite-queue.ts) and pg-boss on PostgreSQL (pg-boss-queue.ts); test/platform/jobs.test.ts
// runs the same suite on both.
//
// Delivery is at least once: a job whose worker dies (or overruns its timeout) runs again, so
// a handler that talks to the outside world must be idempotent (check before posting, use the
// channel's idempotency key). A handler must also honour `signal`: it is aborted on timeout,
// on stop() after its grace period, and (SQLite) when the job's lease was lost.

/** Where a job is: waiting (first run or a retry), running, done, or out of retries. */
export type JobState = 'queued' | 'active' | 'completed' | 'failed';

export const JOB_STATES: readonly JobState[] = ['queued', 'active', 'completed', 'failed'];

export interface Job<P> {
  id: string;
  name: string;
  data: P;
  /** 1 on the first run, 2 on the first retry… */
  attempt: number;
  signal: AbortSignal;
}

export type JobHandler<P> = (job: Job<P>) => Promise<void>;

export interface JobOptions {
  /** Retries after the first failure (so retryLimit + 1 runs at most). Default 2. */
  retryLimit?: number;
  /**
   * Base of the exponential back-off. SQLite waits retryDelayMs·2^(n−1) (+ up to 25 % jitter)
   * before retry n; pg-boss works in whole seconds: floor(retryDelayMs/1000) + 2^(n−1)…2^n s.
   * Either way retry n waits at least min(retryDelayMs, 1000)·2^(n−1) ms. 0 retries at once.
   * Default 1000.
   */
  retryDelayMs?: number;
  /** A run longer than this is aborted and counts as a failure. Default 15 minutes. */
  timeoutMs?: number;
  /** Jobs of this name run at once in this process. Default 1. */
  concurrency?: number;
}

export interface EnqueueOptions {
  /** Epoch ms before which the job does not start. */
  runAt?: number;
  /**
   * Idempotency key: while a job of this name and key is queued or active, enqueueing again
   * returns that job's id and adds nothing. Once it has completed or failed, the key is free.
   */
  key?: string;
  retryLimit?: number;
}

export interface JobRecord {
  id: string;
  name: string;
  state: JobState;
  data: unknown;
  key: string | null;
  /** Runs started so far, including one cut short by a dead worker. */
  attempts: number;
  retryLimit: number;
  /** When it may (next) start, epoch ms. */
  runAt: number;
  createdAt: number;
  finishedAt: number | null;
  /** The message of the last failure. On PostgreSQL a later success clears it. */
  lastError: string | null;
}

export interface JobRoles {
  /** Run the handlers defined in this process. */
  worker: boolean;
  /** Turn schedules into jobs. Any number of processes may: each slot fires once. */
  scheduler: boolean;
}

export interface JobQueue {
  /**
   * Registers the handler of a job name, best before start() (a later one is taken up too;
   * defining a name again replaces its handler). Every process that enqueues a name
   * defines it too (app.ts builds one runner from all capabilities), so enqueue can refuse
   * a name nobody defined (RELAIS_JOB_UNKNOWN) instead of leaving a job that never runs.
   */
  define<P>(name: string, handler: JobHandler<P>, options?: JobOptions): void;
  /** Adds a job and returns its id; see EnqueueOptions for delay and idempotency. */
  enqueue<P>(name: string, data: P, options?: EnqueueOptions): Promise<string>;
  /**
   * Runs a defined job on a 5-field cron expression, read in UTC (`0 6 * * 1-5`: 06:00 UTC on weekdays). Each slot
   * fires once across all schedulers, and only while the slot's minute lasts: a slot missed
   * because no scheduler ran is skipped, and a slot whose previous run is still queued or
   * active is skipped too (the run carries the idempotency key "schedule").
   * Scheduling a name again replaces its expression and data.
   */
  schedule(name: string, cron: string, data?: unknown): Promise<void>;
  unschedule(name: string): Promise<void>;
  start(roles: JobRoles): Promise<void>;
  /**
   * Stops taking jobs, waits for running ones (up to `stopTimeoutMs`), then aborts and fails
   * what is left (it will be retried) and releases connections. Final: make a new queue to
   * start again.
   */
  stop(): Promise<void>;
  /** Jobs by state, every state present. */
  stats(): Promise<Record<JobState, number>>;
  /** The most recent jobs of a name, newest first. */
  list(name: string, limit?: number): Promise<JobRecord[]>;
}

export interface JobQueueOptions {
  /** PostgreSQL: the URL pg-boss connects with; it keeps its own small pool. */
  postgresUrl?: string;
  /** PostgreSQL: the schema pg-boss keeps its tables in. Default "pgboss". */
  schema?: string;
  /**
   * How often an idle worker looks for due jobs (an enqueue in the same process wakes it at
   * once). Default 250 ms on SQLite; on PostgreSQL 2 s, pg-boss's, and at least 500 ms.
   */
  pollIntervalMs?: number;
  /**
   * How often schedules are checked, and on PostgreSQL dead workers' jobs recovered (on SQLite
   * every poll claims them). Default 5 s on SQLite; on PostgreSQL pg-boss's defaults unless
   * set (whole seconds, at least 1).
   */
  superviseIntervalMs?: number;
  /** SQLite: a running job's lease, renewed every third of it; a dead worker's job is taken back after it. Default 30 s. */
  leaseMs?: number;
  /** How long stop() waits for running jobs. Default 30 s. */
  stopTimeoutMs?: number;
  /** Where the runner reports what it cannot throw: a failed job run, a lost connection. */
  onError?: (error: unknown, job?: { id: string; name: string }) => void;
  /** SQLite: the clock, for tests that step through cron slots. Default Date.now. */
  now?: () => number;
}

export const JOB_DEFAULTS = {
  retryLimit: 2,
  retryDelayMs: 1000,
  timeoutMs: 15 * 60_000,
  concurrency: 1,
  pollIntervalMs: 250,
  superviseIntervalMs: 5000,
  leaseMs: 30_000,
  stopTimeoutMs: 30_000,
  listLimit: 20,
  /** The idempotency key every scheduled run carries. */
  scheduleKey: 'schedule',
} as const;

export interface Definition {
  handler: JobHandler<unknown>;
  retryLimit: number;
  retryDelayMs: number;
  timeoutMs: number;
  concurrency: number;
}

/** Fills a definition's defaults and checks what both runners would otherwise take badly. */
export function toDefinition(handler: JobHandler<unknown>, options: JobOptions = {}): Definition {
  const definition = {
    handler,
    retryLimit: options.retryLimit ?? JOB_DEFAULTS.retryLimit,
    retryDelayMs: options.retryDelayMs ?? JOB_DEFAULTS.retryDelayMs,
    timeoutMs: options.timeoutMs ?? JOB_DEFAULTS.timeoutMs,
    concurrency: options.concurrency ?? JOB_DEFAULTS.concurrency,
  };
  for (const [field, value] of Object.entries(definition)) {
    if (typeof value === 'number' && (!Number.isInteger(value) || value < (field === 'concurrency' || field === 'timeoutMs' ? 1 : 0))) {
      throw new RangeError(`Job option ${field} must be a whole number${field === 'concurrency' || field === 'timeoutMs' ? ' above 0' : ''}, not ${value}`);
    }
  }
  return definition;
}

/**
 * Runs a handler with its timeout: the signal aborts when the time is up, on `outer` (stop),
 * or on a lost lease, and the run then rejects even if the handler ignores the signal.
 */
export async function runWithTimeout(definition: Definition, job: Omit<Job<unknown>, 'signal'>, outer: AbortSignal): Promise<void> {
  const controller = new AbortController();
  // Removes the listener on `outer` (which outlives the run) once the run is over.
  const done = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
    timer = setTimeout(() => controller.abort(new Error(`Job ${job.name} timed out after ${definition.timeoutMs} ms`)), definition.timeoutMs);
    outer.addEventListener('abort', () => controller.abort(outer.reason), { once: true, signal: done.signal });
    if (outer.aborted) controller.abort(outer.reason);
  });
  aborted.catch(() => {});
  try {
    await Promise.race([definition.handler({ ...job, signal: controller.signal }), aborted]);
  } finally {
    clearTimeout(timer);
    done.abort();
  }
}

/** An error's message for the jobs table, whatever was thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

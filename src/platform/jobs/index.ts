// The durable job runner: createJobQueue picks the implementation for the database's dialect.
// Capabilities see only the JobQueue contract (queue.ts).
import type { Database } from '../db/connect.ts';
import { RelaisError } from '../errors.ts';
import { createPgBossQueue } from './pg-boss-queue.ts';
import type { JobQueue, JobQueueOptions } from './queue.ts';
import { createSqliteQueue } from './sqlite-queue.ts';

export type { EnqueueOptions, Job, JobHandler, JobOptions, JobQueue, JobQueueOptions, JobRecord, JobRoles, JobState } from './queue.ts';
export { jobMigrations } from './migrations.ts';

/**
 * The job queue for a database: the jobs table on SQLite, pg-boss on PostgreSQL (which needs
 * the URL, as the Database does not expose it).
 *
 * @example
 * const jobs = createJobQueue(database, { postgresUrl: config.databaseUrl, onError: (error, job) => log.error({ err: error, job }) });
 * jobs.define<{ postId: number }>('publish.send', async ({ data, signal }) => send(data.postId, signal), { retryLimit: 5 });
 * await jobs.start({ worker: true, scheduler: true });
 * await jobs.enqueue('publish.send', { postId: 7 }, { key: 'post-7', runAt: Date.parse('2026-12-01T09:00:00Z') });
 */
export function createJobQueue(database: Database, options: JobQueueOptions = {}): JobQueue {
  if (database.dialect === 'sqlite') return createSqliteQueue(database, options);
  const { postgresUrl } = options;
  if (!postgresUrl) {
    throw new RelaisError('RELAIS_CONFIG_INVALID', 'The job runner on PostgreSQL needs the database URL (option postgresUrl).', {
      field: 'RELAIS_DATABASE_URL',
    });
  }
  return createPgBossQueue({ ...options, postgresUrl });
}

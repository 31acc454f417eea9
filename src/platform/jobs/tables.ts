// Row types of the SQLite runner's tables (created in migrations.ts). Type aliases, not
// interfaces: `withTables` wants types with an implicit index signature.
import type { Generated } from 'kysely';
import type { EpochMs } from '../db/schema.ts';
import type { JobState } from './queue.ts';

export type JobTable = {
  id: Generated<number>;
  name: string;
  /** JSON text. */
  data: string;
  state: JobState;
  /** When it may (next) start. */
  run_at: EpochMs;
  /** Runs started, counted when claimed. */
  attempts: number;
  retry_limit: number;
  /** The runner holding it while active. */
  locked_by: string | null;
  /** While active: after this, its runner is taken for dead and the job is claimable again. */
  lease_until: EpochMs | null;
  last_error: string | null;
  /** The idempotency key: unique per name among queued and active jobs. */
  key: string | null;
  created_at: EpochMs;
  finished_at: EpochMs | null;
};

export type JobScheduleTable = {
  /** One schedule per job name. */
  name: string;
  cron: string;
  /** JSON text, the data of each run. */
  data: string;
  /** The last minute slot turned into a job. */
  last_slot: EpochMs;
  created_at: EpochMs;
};

export type JobTables = {
  jobs: JobTable;
  job_schedules: JobScheduleTable;
};

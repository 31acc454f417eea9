// The SQLite runner's tables (sqlite-queue.ts; row types in tables.ts). They are created on
// PostgreSQL too, where they stay empty: pg-boss keeps its own schema there. Times are epoch
// ms in bigint columns.
import { sql } from 'kysely';
import type { Migration } from '../db/migrations.ts';
import { withId } from '../db/migrations.ts';

export const jobMigrations: Migration[] = [
  {
    name: '2026-11-22-02-jobs',
    async up(db, dialect) {
      await withId(db.schema.createTable('jobs'), dialect)
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('run_at', 'bigint', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('retry_limit', 'integer', (c) => c.notNull())
        .addColumn('locked_by', 'text')
        .addColumn('lease_until', 'bigint')
        .addColumn('last_error', 'text')
        .addColumn('key', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('finished_at', 'bigint')
        .execute();
      // Workers look for queued jobs that are due and active ones whose lease ran out.
      await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['state', 'run_at']).execute();
      await db.schema.createIndex('jobs_name_idx').on('jobs').columns(['name', 'created_at']).execute();
      // The idempotency key: one waiting-or-running job per name and key, enforced by the database
      // so that two processes enqueueing at once cannot both add one.
      await sql`create unique index jobs_key_idx on jobs (name, key) where key is not null and state in ('queued', 'active')`.execute(db);
      await db.schema
        .createTable('job_schedules')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('cron', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        // The last minute slot (epoch ms) turned into a job: each slot fires once across schedulers.
        .addColumn('last_slot', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
];

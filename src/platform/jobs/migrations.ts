import type { Migration } from '../db/migrations.ts';

// The jobs table is written by the jobs runner's author; see runner.ts.
export const jobMigrations: Migration[] = [];

// Every migration of relais, in the order they run: the platform's, then each capability's.
import type { Migration } from './platform/db/migrations.ts';
import { platformMigrations } from './platform/migrations.ts';
import { jobMigrations } from './platform/jobs/migrations.ts';
import { CAPABILITIES } from './capabilities.ts';

export const ALL_MIGRATIONS: readonly Migration[] = [
  ...platformMigrations,
  ...jobMigrations,
  ...CAPABILITIES.flatMap((capability) => capability.migrations),
].sort((a, b) => a.name.localeCompare(b.name));

// Every migration of relais, in the order they run: the platform's, then each capability's.
import type { Migration } from './platform/db/migrations.ts';
import { platformMigrations } from './platform/migrations.ts';
import { jobMigrations } from './platform/jobs/migrations.ts';
import { listenMigrations } from './listen/migrations.ts';
import { mapMigrations } from './map/migrations.ts';
import { publishMigrations } from './publish/migrations.ts';
import { rewardMigrations } from './reward/migrations.ts';

export const ALL_MIGRATIONS: readonly Migration[] = [
  ...platformMigrations,
  ...jobMigrations,
  ...listenMigrations,
  ...mapMigrations,
  ...publishMigrations,
  ...rewardMigrations,
].sort((a, b) => a.name.localeCompare(b.name));

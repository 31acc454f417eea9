import { ALL_MIGRATIONS } from '../migrations.ts';
import { migrate } from '../platform/db/migrations.ts';
import type { Command } from '../platform/command.ts';
import { withDatabase } from './database.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Bring the database up to date',
  help: `Usage: relais migrate [--database URL] [--json]

Applies the migrations the database has not had yet. Refuses a database that a newer relais
has migrated, and changes nothing then.`,
  options: {},
  async run({ values }, io) {
    const result = await withDatabase(values, io.env, (database) => migrate(database, ALL_MIGRATIONS), { migrate: false });
    if (values.json) io.out(JSON.stringify(result));
    else io.out(result.applied.length ? `Applied ${result.applied.length} migration(s): ${result.applied.join(', ')}` : 'The database is up to date.');
  },
};

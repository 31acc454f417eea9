// Commands that work on the database open it from --database, RELAIS_DATABASE_URL or the
// default file, migrated, and close it when done.
import { ALL_MIGRATIONS } from '../migrations.ts';
import { loadConfig } from '../platform/config.ts';
import { openDatabase, type Database } from '../platform/db/connect.ts';
import { migrate } from '../platform/db/migrations.ts';

export async function withDatabase<T>(
  values: Record<string, string | boolean | undefined>,
  env: NodeJS.ProcessEnv,
  work: (database: Database) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const config = loadConfig(env, { databaseUrl: typeof values.database === 'string' ? values.database : undefined });
  const database = await openDatabase(config.databaseUrl);
  try {
    if (options.migrate !== false) await migrate(database, ALL_MIGRATIONS);
    return await work(database);
  } finally {
    await database.close();
  }
}

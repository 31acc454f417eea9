// One migration set for both dialects. Each capability exports its migrations; app.ts hands the
// whole list to `migrate`. Names: a date, a number in the capability's range (platform 01–09,
// listen 10–19, map 20–29, spread 30–39, publish 40–49, engage 50–59, reward 60–69), a label
// ("2026-11-22-13-listen-mention-pages"). A fresh database runs them by name; an existing one
// runs those it lacks, whatever their place (a migration may only depend on the platform's, its
// own capability's earlier ones, and those of capabilities it imports, all with smaller names).
import { Kysely, sql, type CreateTableBuilder } from 'kysely';
import { Migrator, type Migration as KyselyMigration, type MigrationProvider } from 'kysely/migration';
import { RelaisError } from '../errors.ts';
import type { Database, Dialect } from './connect.ts';

export interface Migration {
  name: string;
  // Migrations see the database as it was when they were written, not today's types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
}

const MIGRATION_TABLE = 'relais_migration';
const MIGRATION_LOCK_TABLE = 'relais_migration_lock';

/** An auto-incrementing integer primary key named `id`, as each dialect spells it. */
export function withId<T extends string>(table: CreateTableBuilder<T, never>, dialect: Dialect): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? table.addColumn('id', 'bigserial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export async function appliedMigrations(database: Database): Promise<string[]> {
  // Only the current schema counts (PostgreSQL's search_path): other schemas may hold other
  // relais databases, as tests do.
  const exists =
    database.dialect === 'sqlite'
      ? await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = ${MIGRATION_TABLE}`.execute(database.db)
      : await sql<{ n: number }>`select count(*)::int as n from pg_tables where schemaname = current_schema() and tablename = ${MIGRATION_TABLE}`.execute(database.db);
  if (Number(exists.rows[0]?.n ?? 0) === 0) return [];
  const rows = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)} order by name`.execute(database.db);
  return rows.rows.map((r) => r.name);
}

export interface MigrateResult {
  applied: string[];
}

/** Brings the database up to date. Refuses a database that a newer relais has migrated. */
export async function migrate(database: Database, migrations: readonly Migration[]): Promise<MigrateResult> {
  const names = new Set(migrations.map((m) => m.name));
  if (names.size !== migrations.length) throw new Error('Two migrations share a name');
  const unknown = (await appliedMigrations(database)).filter((name) => !names.has(name));
  if (unknown.length > 0) {
    throw new RelaisError(
      'RELAIS_DB_TOO_NEW',
      `The database ${database.label} was migrated by a newer relais (unknown migration ${unknown[0]}).`,
      { hint: 'upgrade relais, or point it at another database; nothing was changed' },
    );
  }
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, KyselyMigration> = {};
      for (const migration of migrations) out[migration.name] = { up: (db) => migration.up(db, database.dialect) };
      return out;
    },
  };
  // On PostgreSQL, name the schema: Kysely otherwise looks for its tables in every schema and
  // may find another database's (tests keep one schema each in one database).
  const schema =
    database.dialect === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db)).rows[0]?.schema : undefined;
  const migrator = new Migrator({
    db: database.db,
    provider,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
    ...(schema ? { migrationTableSchema: schema } : {}),
    // Each capability numbers its own migrations ("…-10-listen", "…-13-listen-…", "…-20-map"):
    // a database made before a capability's newest migration still runs it, though its name
    // sorts before another capability's older one. A fresh database runs them all by name.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new RelaisError('RELAIS_INTERNAL', `Migration ${failed?.migrationName ?? '?'} failed: ${String((error as Error).message ?? error)}`, {}, { cause: error });
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

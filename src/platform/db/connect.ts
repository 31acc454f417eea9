// Opens the one database relais runs on: an embedded SQLite file by default, PostgreSQL when
// the URL says so. Everything above this file sees a Kysely instance and a dialect name.
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { RelaisError } from '../errors.ts';
import { wrapNodeSqlite } from './node-sqlite-driver.ts';
import type { PlatformTables } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<PlatformTables>;
  dialect: Dialect;
  /** The URL with any password hidden, for logs and messages. */
  label: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL only: the schema to work in (tests use one schema per run). */
  schema?: string;
  /** PostgreSQL pool size. */
  poolSize?: number;
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Database> {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgres(url, options);
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length));
  throw new RelaisError('RELAIS_CONFIG_INVALID', `The database URL "${redactUrl(url)}" is neither sqlite:<file> nor postgres://….`, {
    field: 'RELAIS_DATABASE_URL',
    hint: 'leave RELAIS_DATABASE_URL unset for the embedded SQLite file, or give postgres://user@host:5432/db',
  });
}

function openSqlite(file: string): Database {
  const isMemory = file === ':memory:';
  if (!isMemory) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let database: DatabaseSync;
  try {
    database = new DatabaseSync(file, { enableForeignKeyConstraints: true, timeout: 5000 });
    // Reading the schema forces SQLite to read the header: a corrupt file fails here, not later.
    database.exec('PRAGMA schema_version');
    if (!isMemory) database.exec('PRAGMA journal_mode = WAL');
    database.exec('PRAGMA synchronous = NORMAL');
    // 64 MB of page cache instead of SQLite's 2 MB: ingest writes every batch into the mentions'
    // five indexes, the full-text index and topic_mentions' three, whose pages a 2 MB cache
    // evicts between batches (a quarter less CPU per mention at 1,000 topics, bench/listen-ingest.ts).
    database.exec('PRAGMA cache_size = -65536');
    database.exec('PRAGMA foreign_keys = ON');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/not a database|malformed|corrupt/i.test(message)) {
      throw new RelaisError('RELAIS_DB_CORRUPT', `The database file ${file} is not a SQLite database or is corrupt.`, {
        field: 'RELAIS_DATABASE_URL',
        hint: 'restore it from a backup, or move it away to start afresh; relais has not changed it',
      });
    }
    throw new RelaisError('RELAIS_DB_UNREACHABLE', `Cannot open the database file ${file}: ${message}.`, {
      field: 'RELAIS_DATABASE_URL',
      hint: 'check that the file and its folder exist and can be read and written',
    });
  }
  const db = new Kysely<PlatformTables>({ dialect: new SqliteDialect({ database: wrapNodeSqlite(database) }) });
  return {
    db,
    dialect: 'sqlite',
    label: `sqlite:${file}`,
    close: () => db.destroy(),
  };
}

// int8 (count(*), bigint ids and epoch milliseconds) arrives as a string by default; every
// value relais keeps fits a double, so parse it as a number. numeric likewise.
const pgTypes = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 20 || oid === 1700) return (value: string) => (value === null ? null : Number(value));
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

async function openPostgres(url: string, options: OpenOptions): Promise<Database> {
  try {
    new URL(url);
  } catch {
    throw new RelaisError('RELAIS_CONFIG_INVALID', `The database URL "${redactUrl(url)}" is not a valid URL.`, {
      field: 'RELAIS_DATABASE_URL',
    });
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
    types: pgTypes as pg.CustomTypesConfig,
    ...(options.schema ? { options: `-c search_path=${options.schema},public` } : {}),
  });
  pool.on('error', () => {
    // An idle client lost its connection (a restart): the pool replaces it on next use.
  });
  const label = redactUrl(url);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    const message = error instanceof Error ? error.message : String(error);
    throw new RelaisError('RELAIS_DB_UNREACHABLE', `Cannot connect to PostgreSQL at ${label}: ${message}.`, {
      field: 'RELAIS_DATABASE_URL',
      hint: 'check that PostgreSQL runs, and the host, port, user and database in the URL',
    });
  }
  const db = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool }) });
  const close = async () => {
    await db.destroy();
    // Kysely ends the pool only if it used it; the connection check above did in any case.
    if (!pool.ended) await pool.end();
  };
  return { db, dialect: 'postgres', label, close };
}

/** A quick liveness probe for /health. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function ping(db: Kysely<any>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

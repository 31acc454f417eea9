// The store's contract tests run on every dialect: `eachDialect` declares a suite once per
// dialect. SQLite uses a fresh temporary file; PostgreSQL a fresh schema in the `test`
// database (dropped afterwards), so runs never see each other's rows.
// Without a reachable PostgreSQL the suite is skipped loudly on a user's machine and fails
// under CI=true.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe } from 'node:test';
import pg from 'pg';
import { openDatabase, type Database, type Dialect } from '../../src/platform/db/connect.ts';
import { migrate, type Migration } from '../../src/platform/db/migrations.ts';

export const POSTGRES_URL = process.env.RELAIS_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

const postgresProblem = await postgresReachable();
if (postgresProblem) {
  const line = `!!! PostgreSQL at ${POSTGRES_URL} is not reachable (${postgresProblem}).`;
  if (process.env.CI === 'true') throw new Error(`${line} CI must run every store test on PostgreSQL.`);
  console.warn(`\n${line}\n!!! The PostgreSQL half of the store tests is SKIPPED. Start PostgreSQL to run it.\n`);
}

let counter = 0;

export interface TestDatabase extends Database {
  /** PostgreSQL: the schema the test works in (the job runner keeps its tables there too). */
  schema?: string;
  /** Closes the connection and removes the file or schema. */
  dispose(): Promise<void>;
}

export async function openTestDatabase(dialect: Dialect, migrations: readonly Migration[] = []): Promise<TestDatabase> {
  counter += 1;
  const tag = `${process.pid}_${counter}_${Math.random().toString(36).slice(2, 8)}`;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-test-'));
    const database = await openDatabase(`sqlite:${path.join(dir, 'relais.db')}`);
    if (migrations.length) await migrate(database, migrations);
    return {
      ...database,
      async dispose() {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `relais_test_${tag}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = await openDatabase(POSTGRES_URL, { schema, poolSize: 4 });
  if (migrations.length) await migrate(database, migrations);
  return {
    ...database,
    schema,
    async dispose() {
      await database.close();
      const cleaner = new pg.Client({ connectionString: POSTGRES_URL });
      await cleaner.connect();
      await cleaner.query(`drop schema if exists ${schema} cascade`);
      await cleaner.end();
    },
  };
}

/** Declares `suite` once per dialect; PostgreSQL's is skipped (loudly) only off CI. */
export function eachDialect(title: string, suite: (dialect: Dialect) => void): void {
  describe(`${title} [sqlite]`, () => suite('sqlite'));
  const skip = postgresProblem ? `PostgreSQL unreachable: ${postgresProblem}` : false;
  describe(`${title} [postgres]`, { skip }, () => suite('postgres'));
}

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql, type Generated } from 'kysely';
import { openDatabase } from '../../src/platform/db/connect.ts';
import { createFullTextIndex, fullTextMatch } from '../../src/platform/db/full-text.ts';
import { appliedMigrations, migrate, withId, type Migration } from '../../src/platform/db/migrations.ts';
import { platformMigrations } from '../../src/platform/migrations.ts';
import { RelaisError } from '../../src/platform/errors.ts';
import { eachDialect, openTestDatabase, type TestDatabase } from '../support/databases.ts';

const notes: Migration = {
  name: '2026-11-22-99-test-notes',
  async up(db, dialect) {
    await withId(db.schema.createTable('notes'), dialect)
      .addColumn('title', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();
    await createFullTextIndex(db, dialect, { table: 'notes', columns: ['title', 'body'] });
  },
};
const migrations = [...platformMigrations, notes];

eachDialect('database', (dialect) => {
  let database: TestDatabase;
  before(async () => {
    database = await openTestDatabase(dialect, migrations);
  });
  after(() => database.dispose());

  test('migrates once, and again is a no-op', async () => {
    assert.deepEqual(await appliedMigrations(database), migrations.map((m) => m.name).sort());
    const again = await migrate(database, migrations);
    assert.deepEqual(again.applied, []);
  });

  test('refuses a database migrated by a newer relais, changing nothing', async () => {
    await assert.rejects(migrate(database, platformMigrations), (error: unknown) => {
      assert.ok(error instanceof RelaisError);
      assert.equal(error.code, 'RELAIS_DB_TOO_NEW');
      return true;
    });
  });

  test('full-text search folds accents and case, follows updates and deletes', async () => {
    const db = database.db.withTables<{ notes: { id: Generated<number>; title: string | null; body: string } }>();
    const rows = await db
      .insertInto('notes')
      .values([
        { title: 'Affaire', body: "Le Palais de l'Élysée a réagi" },
        { title: null, body: 'Rien à voir, les randonnées en montagne' },
        { title: 'ÉCOLE', body: 'élèves et professeurs' },
      ])
      .returning('id')
      .execute();
    const find = async (text: string) =>
      (await db.selectFrom('notes').select('id').where(fullTextMatch(dialect, 'notes', text)).orderBy('id').execute()).map((r) => r.id);
    assert.deepEqual(await find('elysee'), [rows[0]!.id]);
    assert.deepEqual(await find('ELYSÉE palais'), [rows[0]!.id]);
    assert.deepEqual(await find('ecole'), [rows[2]!.id]);
    assert.deepEqual(await find('randon'), [rows[1]!.id], 'the last word is a prefix');
    assert.deepEqual(await find(''), []);
    await db.updateTable('notes').set({ body: 'désormais sans palais' }).where('id', '=', rows[0]!.id).execute();
    assert.deepEqual(await find('elysee'), []);
    assert.deepEqual(await find('desormais'), [rows[0]!.id]);
    await db.deleteFrom('notes').where('id', '=', rows[0]!.id).execute();
    assert.deepEqual(await find('desormais'), []);
  });

  test('bigint columns come back as numbers', async () => {
    const now = Date.now();
    await database.db.insertInto('workspaces').values({ slug: 'w', name: 'W', settings: '{}', created_at: now }).execute();
    const row = await database.db.selectFrom('workspaces').selectAll().where('slug', '=', 'w').executeTakeFirstOrThrow();
    assert.equal(row.created_at, now);
    assert.equal(typeof row.id, 'number');
    const count = await database.db.selectFrom('workspaces').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(count.n, 1);
  });
});

test('sqlite: WAL and foreign keys are on', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-db-'));
  const database = await openDatabase(`sqlite:${path.join(dir, 'x.db')}`);
  const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(database.db);
  assert.equal(mode.rows[0]?.journal_mode, 'wal');
  const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(database.db);
  assert.equal(fk.rows[0]?.foreign_keys, 1);
  await database.close();
  fs.rmSync(dir, { recursive: true });
});

test('a corrupt database file is refused with a clear error and left untouched', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-db-'));
  const file = path.join(dir, 'relais.db');
  const garbage = Buffer.from('this is not a database, just some text '.repeat(200));
  fs.writeFileSync(file, garbage);
  await assert.rejects(openDatabase(`sqlite:${file}`), (error: unknown) => {
    assert.ok(error instanceof RelaisError);
    assert.equal(error.code, 'RELAIS_DB_CORRUPT');
    return true;
  });
  assert.deepEqual(fs.readFileSync(file), garbage);
  fs.rmSync(dir, { recursive: true });
});

test('a bad database URL says which setting is wrong', async () => {
  await assert.rejects(openDatabase('mysql://x'), (error: unknown) => error instanceof RelaisError && error.details.field === 'RELAIS_DATABASE_URL');
  await assert.rejects(openDatabase('postgres://nobody@127.0.0.1:1/none'), (error: unknown) => error instanceof RelaisError && error.code === 'RELAIS_DB_UNREACHABLE');
});

test('an unopenable database path (a folder) is a clear error naming the setting', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-db-'));
  await assert.rejects(openDatabase(`sqlite:${dir}`), (error: unknown) => {
    assert.ok(error instanceof RelaisError);
    assert.equal(error.code, 'RELAIS_DB_UNREACHABLE');
    assert.equal(error.details.field, 'RELAIS_DATABASE_URL');
    return true;
  });
  fs.rmSync(dir, { recursive: true });
});

test('a migration added to one capability runs on a database that has a later one of another', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-db-'));
  const database = await openDatabase(`sqlite:${path.join(dir, 'x.db')}`);
  const ran: string[] = [];
  const step = (name: string): Migration => ({ name, up: async () => void ran.push(name) });
  await migrate(database, [step('2026-01-01-10-listen'), step('2026-01-01-20-map')]);
  const result = await migrate(database, [step('2026-01-01-10-listen'), step('2026-01-01-11-listen-more'), step('2026-01-01-20-map')]);
  assert.deepEqual(result.applied, ['2026-01-01-11-listen-more']);
  assert.deepEqual(ran, ['2026-01-01-10-listen', '2026-01-01-20-map', '2026-01-01-11-listen-more']);
  await database.close();
  fs.rmSync(dir, { recursive: true });
});

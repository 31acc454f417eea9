import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { test } from 'node:test';
import { COMMANDS, main } from '../../src/cli.ts';
import { openDatabase } from '../../src/platform/db/connect.ts';
import { migrate } from '../../src/platform/db/migrations.ts';
import { platformMigrations } from '../../src/platform/migrations.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/relais.js');

function tempDb(): { url: string; file: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-cli-'));
  const file = path.join(dir, 'relais.db');
  return { url: `sqlite:${file}`, file, dir };
}

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env: { ...env }, interactive: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('every command has --help, and the main help lists them all', async () => {
  const help = await cli(['--help']);
  assert.equal(help.code, 0);
  for (const command of COMMANDS) {
    assert.match(help.out, new RegExp(`\\b${command.name}\\b`));
    const own = await cli([command.name, '--help']);
    assert.equal(own.code, 0, command.name);
    assert.match(own.out, /Usage:\s+relais/);
  }
});

test('an unknown command or flag is a one-line user error, exit 1', async () => {
  const unknown = await cli(['frobnicate']);
  assert.equal(unknown.code, 1);
  assert.equal(unknown.err.split('\n').length, 1);
  assert.match(unknown.err, /Unknown command "frobnicate".*relais --help/);
  const flag = await cli(['migrate', '--colour']);
  assert.equal(flag.code, 1);
  assert.match(flag.err, /--colour.*relais migrate --help/);
  const json = await cli(['serve', '--port', 'eighty', '--json']);
  assert.equal(json.code, 1);
  assert.equal((JSON.parse(json.err) as { error: { field: string } }).error.field, '--port');
});

test('migrate, then user add, list and passwd; a wrong role or missing email is refused', async () => {
  const db = tempDb();
  const migrated = await cli(['migrate', '--database', db.url, '--json']);
  assert.equal(migrated.code, 0);
  assert.ok((JSON.parse(migrated.out) as { applied: string[] }).applied.length > 0);
  assert.match((await cli(['migrate', '--database', db.url])).out, /up to date/);
  const added = await cli(['user', 'add', 'ana@example.org', '--name', 'Ana', '--admin', '--database', db.url, '--json']);
  assert.equal(added.code, 0, added.err);
  const created = JSON.parse(added.out) as { email: string; password: string; isAdmin: boolean };
  assert.equal(created.email, 'ana@example.org');
  assert.ok(created.password.length >= 16);
  assert.equal(created.isAdmin, true);
  const dup = await cli(['user', 'add', 'ANA@example.org', '--database', db.url]);
  assert.equal(dup.code, 1);
  assert.match(dup.err, /exists already/);
  const badRole = await cli(['user', 'add', 'bo@example.org', '--workspace', 'x', '--role', 'king', '--database', db.url]);
  assert.equal(badRole.code, 1);
  assert.match(badRole.err, /Unknown role "king".*--role/);
  assert.equal((await cli(['user', 'add', '--database', db.url])).code, 1);
  const list = await cli(['user', 'list', '--json', '--database', db.url]);
  assert.deepEqual((JSON.parse(list.out) as Array<{ email: string }>).map((u) => u.email), ['ana@example.org']);
  const passwd = await cli(['user', 'passwd', 'ana@example.org', '--password', 'a-new-long-password', '--database', db.url]);
  assert.equal(passwd.code, 0);
  const nobody = await cli(['user', 'passwd', 'nobody@example.org', '--database', db.url]);
  assert.equal(nobody.code, 1);
  fs.rmSync(db.dir, { recursive: true });
});

test('a corrupt database file: exit 1, a clear message, the file untouched', async () => {
  const db = tempDb();
  fs.writeFileSync(db.file, 'not a database '.repeat(500));
  const before = fs.readFileSync(db.file);
  const result = await cli(['migrate', '--database', db.url]);
  assert.equal(result.code, 1);
  assert.match(result.err, /not a SQLite database or is corrupt/);
  assert.deepEqual(fs.readFileSync(db.file), before);
  fs.rmSync(db.dir, { recursive: true });
});

test('a database migrated by a newer relais is refused', async () => {
  const db = tempDb();
  const database = await openDatabase(db.url);
  await migrate(database, [...platformMigrations, { name: '2099-01-01-00-future', up: async () => {} }]);
  await database.close();
  const result = await cli(['migrate', '--database', db.url]);
  assert.equal(result.code, 1);
  assert.match(result.err, /newer relais/);
  fs.rmSync(db.dir, { recursive: true });
});

test('a bad database URL or an unreachable PostgreSQL is a user error that names the setting', async () => {
  const bad = await cli(['migrate', '--database', 'mysql://localhost/x']);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /RELAIS_DATABASE_URL/);
  const down = await cli(['migrate'], { RELAIS_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
  assert.equal(down.code, 1);
  assert.match(down.err, /Cannot connect to PostgreSQL/);
});

test('the installed command: exit codes as documented, --version', async () => {
  const version = await run(process.execPath, [BIN, '--version']);
  assert.match(version.stdout.trim(), /^\d+\.\d+\.\d+$/);
  await assert.rejects(run(process.execPath, [BIN, 'nope']), (error: { code: number; stderr: string }) => {
    assert.equal(error.code, 1);
    assert.match(error.stderr, /^relais: Unknown command/);
    return true;
  });
});

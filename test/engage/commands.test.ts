import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli.ts';
import { openDatabase } from '../../src/platform/db/connect.ts';
import { migrate } from '../../src/platform/db/migrations.ts';
import { ALL_MIGRATIONS } from '../../src/migrations.ts';
import { createUser, createWorkspace, setMembership } from '../../src/platform/auth/store.ts';

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, interactive: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('relais rota add|off|gaps|show and relais inbox file|list|assign|resolve', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-engage-cli-'));
  const url = `sqlite:${path.join(dir, 'relais.db')}`;
  const database = await openDatabase(url);
  await migrate(database, ALL_MIGRATIONS);
  const ws = await createWorkspace(database.db, { slug: 'brand', name: 'Brand', now: Date.now() });
  for (const name of ['anne', 'bruno']) {
    const user = await createUser(database.db, { email: `${name}@brand.test`, name, password: 'correct horse battery', now: Date.now() });
    await setMembership(database.db, ws.id, user.id, 'manager', Date.now());
  }
  await database.close();
  const db = ['--workspace', 'brand', '--database', url];
  // Anne is on duty all week, every hour; Bruno takes Sunday off… he is not in the rota yet.
  for (const day of ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) {
    const added = await cli(['rota', 'add', 'anne@brand.test', '--day', day, '--start', '00:00', '--end', '24:00', '--tz', 'UTC', ...db]);
    assert.equal(added.code, 0, added.err);
  }
  assert.match((await cli(['rota', 'gaps', ...db])).out, /^Covered/);
  const bad = await cli(['rota', 'add', 'anne@brand.test', '--day', 'mon', '--start', '9h', '--end', '10:00', ...db]);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /--start takes a time HH:MM/);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  assert.equal((await cli(['rota', 'off', 'anne@brand.test', '--date', tomorrow, '--tz', 'UTC', ...db])).code, 0);
  const gaps = JSON.parse((await cli(['rota', 'gaps', '--json', ...db])).out) as Array<{ from: number; to: number; onCall: number[] }>;
  assert.equal(gaps.length, 1);
  assert.equal(gaps[0]!.to - gaps[0]!.from, 86_400_000);
  assert.match((await cli(['rota', 'show', ...db])).out, /sun 00:00–24:00 UTC +duty +anne@brand\.test/);

  const file = path.join(dir, 'mentions.ndjson');
  const line = (id: string, text: string) => JSON.stringify({ network: 'bluesky', networkId: id, sourceType: 'microblog', publishedAt: Date.now() - 60_000, text, author: { handle: `u${id}.bsky.social` } });
  fs.writeFileSync(file, [line('a', 'Where is my parcel?'), line('b', 'Nice weather today'), line('c', 'Do you ship to Canada')].join('\n') + '\n');
  assert.equal((await cli(['ingest', file, ...db])).code, 0);
  const filed = await cli(['inbox', 'file', ...db]);
  assert.match(filed.out, /3 mentions read: 2 new conversations \(2 assigned\)/);
  const listed = JSON.parse((await cli(['inbox', 'list', '--json', ...db])).out) as Array<{ id: number; assigneeName: string; text: string }>;
  assert.deepEqual(listed.map((c) => c.assigneeName), ['anne', 'anne']);
  const assigned = await cli(['inbox', 'assign', String(listed[0]!.id), '--to', 'bruno@brand.test', ...db]);
  assert.equal(assigned.code, 0, assigned.err);
  assert.match((await cli(['inbox', 'list', '--assignee', 'bruno@brand.test', ...db])).out, /bruno/);
  assert.equal((await cli(['inbox', 'resolve', String(listed[0]!.id), String(listed[1]!.id), ...db])).code, 0);
  assert.equal((await cli(['inbox', 'list', ...db])).out, 'No conversation.');
  const wrong = await cli(['inbox', 'resolve', 'x7', ...db]);
  assert.equal(wrong.code, 1);
  assert.match(wrong.err, /"x7" \(argument 2\) is not a conversation ID/);
});

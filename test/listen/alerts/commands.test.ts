// `relais alert …` on a real SQLite file: add, test (dry run), rules, list, ack, resolve, --help,
// and bad flags named.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { main } from '../../../src/cli.ts';
import { evaluateLive } from '../../../src/listen/alerts/engine.ts';
import { findRule } from '../../../src/listen/alerts/store.ts';
import { openDatabase } from '../../../src/platform/db/connect.ts';
import { migrate } from '../../../src/platform/db/migrations.ts';
import { ALL_MIGRATIONS } from '../../../src/migrations.ts';
import { createUser, createWorkspace, setMembership } from '../../../src/platform/auth/store.ts';

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, interactive: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('relais alert: add, dry-run, list, acknowledge and resolve from the command line', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-alert-cli-'));
  const url = `sqlite:${path.join(dir, 'relais.db')}`;
  const database = await openDatabase(url);
  await migrate(database, ALL_MIGRATIONS);
  const now = Date.now();
  const workspace = await createWorkspace(database.db, { slug: 'brand', name: 'Brand', now });
  const manager = await createUser(database.db, { email: 'cm@brand.test', name: 'Camille', password: 'long enough password', now });
  await setMembership(database.db, workspace.id, manager.id, 'manager', now);
  const viewer = await createUser(database.db, { email: 'v@brand.test', name: 'Val', password: 'long enough password', now });
  await setMembership(database.db, workspace.id, viewer.id, 'viewer', now);
  await database.close();
  const file = path.join(dir, 'mentions.ndjson');
  const line = (id: string, text: string, minutesAgo: number) => JSON.stringify({ network: 'bluesky', networkId: id, sourceType: 'microblog', publishedAt: now - minutesAgo * 60_000, text, author: { handle: `u${id}.bsky.social` } });
  fs.writeFileSync(file, [line('a', 'Boycott de la marque !', 3), line('b', 'Je boycotte aussi', 2), line('c', 'boycott total', 1)].join('\n') + '\n');
  assert.equal((await cli(['ingest', file, '--workspace', 'brand', '--database', url])).code, 0);

  const help = await cli(['alert', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /relais alert add KIND/);
  assert.match(help.out, /X-Relais-Signature/);

  const added = await cli(['alert', 'add', 'keyword', '--name', 'Boycott', '--param', 'query=boycott OR boycotte', '--param', 'minCount=3', '--workspace', 'brand', '--database', url, '--json']);
  assert.equal(added.code, 0, added.err);
  const rule = JSON.parse(added.out) as { id: number; params: { query: string; minCount: number; windowHours: number } };
  assert.deepEqual(rule.params, { query: 'boycott OR boycotte', minCount: 3, windowHours: 1 });

  const dry = await cli(['alert', 'test', String(rule.id), '--days', '2', '--workspace', 'brand', '--database', url]);
  assert.equal(dry.code, 0, dry.err);
  assert.match(dry.out, /would have fired 1 time /);
  assert.match(dry.out, /3 mentions matching boycott OR boycotte/);
  const adHoc = await cli(['alert', 'test', 'keyword', '--param', 'query=boycott', '--param', 'minCount=5', '--workspace', 'brand', '--database', url, '--json']);
  assert.equal((JSON.parse(adHoc.out) as { firings: unknown[] }).firings.length, 0);

  const wrongParam = await cli(['alert', 'add', 'spike', '--param', 'minFollowers=3', '--workspace', 'brand', '--database', url]);
  assert.equal(wrongParam.code, 1);
  assert.match(wrongParam.err, /minFollowers does not apply to a spike rule .*--param\.minFollowers/);
  const badQuiet = await cli(['alert', 'add', 'spike', '--quiet', '22-7@Mars/Olympus', '--workspace', 'brand', '--database', url]);
  assert.equal(badQuiet.code, 1);
  assert.match(badQuiet.err, /--quiet takes FROM-TO@TIMEZONE/);

  const unknown = await cli(['alert', 'frob', '--workspace', 'brand', '--database', url]);
  assert.equal(unknown.code, 1);
  assert.match(unknown.err, /Unknown action "frob"/);

  const recommended = await cli(['alert', 'add', '--recommended', '--workspace', 'brand', '--database', url, '--json']);
  assert.deepEqual((JSON.parse(recommended.out) as Array<{ kind: string }>).map((r) => r.kind), ['spike', 'negative_surge', 'influencer_negative', 'keyword']);
  const rules = await cli(['alert', 'rules', '--workspace', 'brand', '--database', url]);
  assert.equal(rules.out.split('\n').length, 5);

  // What `relais serve` does every minute: evaluate, record once.
  const db = await openDatabase(url);
  const fired = await evaluateLive(db.db, await findRule(db.db, workspace.id, rule.id), Date.now());
  await db.close();
  assert.equal(fired.length, 1);

  const listed = await cli(['alert', 'list', '--status', 'open', '--workspace', 'brand', '--database', url, '--json']);
  const alerts = JSON.parse(listed.out) as Array<{ id: number; status: string }>;
  assert.equal(alerts.length, 1);
  const id = String(alerts[0]!.id);
  const notAllowed = await cli(['alert', 'ack', id, '--as', 'v@brand.test', '--workspace', 'brand', '--database', url]);
  assert.equal(notAllowed.code, 1);
  assert.match(notAllowed.err, /not a manager or strategist/);
  const acked = await cli(['alert', 'ack', id, '--as', 'cm@brand.test', '--workspace', 'brand', '--database', url]);
  assert.equal(acked.code, 0, acked.err);
  assert.match(acked.out, /is acknowledged/);
  const resolved = await cli(['alert', 'resolve', id, '--as', 'cm@brand.test', '--note', 'answered', '--workspace', 'brand', '--database', url, '--json']);
  assert.equal((JSON.parse(resolved.out) as { status: string }).status, 'resolved');
  const again = await cli(['alert', 'ack', id, '--as', 'cm@brand.test', '--workspace', 'brand', '--database', url]);
  assert.equal(again.code, 1);
  assert.match(again.err, /is resolved: it cannot be acknowledged/);
  fs.rmSync(dir, { recursive: true });
});

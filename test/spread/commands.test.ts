// `relais spread …` on a SQLite file holding the small hand-made world: answers, JSON, and
// one-line errors for bad input (exit 1).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { main } from '../../src/cli.ts';
import { ALL_MIGRATIONS } from '../../src/migrations.ts';
import { createWorkspace } from '../../src/platform/auth/store.ts';
import { openDatabase } from '../../src/platform/db/connect.ts';
import { migrate } from '../../src/platform/db/migrations.ts';
import { insertSmallWorld } from './support.ts';

let dir: string;
let url: string;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [], err: string[] = [];
  const code = await main(['spread', ...argv, '--workspace', 'brand', '--database', url], { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, interactive: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-spread-cli-'));
  url = `sqlite:${path.join(dir, 'relais.db')}`;
  const database = await openDatabase(url);
  await migrate(database, ALL_MIGRATIONS);
  const ws = await createWorkspace(database.db, { slug: 'brand', name: 'Brand', now: Date.now() });
  await insertSmallWorld(database.db, ws.id, Date.now());
  await database.close();
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('relais spread reach and simulate', async () => {
  const reach = await cli('reach', '--pool', 'employees', '--json');
  assert.equal(reach.code, 0, reach.err);
  assert.deepEqual(((r) => [r.unique, r.naiveInGraph])(JSON.parse(reach.out)), [6, 9]);
  const text = await cli('reach', '--accounts', '@e1,@e2');
  assert.match(text.out, /followers in the graph\s+8 \(naive\), 5 unique \(exact\)/);
  const sim = await cli('simulate', '--seeds', '@b1', '--probabilities', 'uniform', '--p', '1', '--runs', '100');
  assert.equal(sim.code, 0, sim.err);
  assert.match(sim.out, /^1 seeds reach 4 \(95 % CI 4–4, 100 runs\)/);
  assert.match(sim.out, /step  1  \+\s+3\.0  reached 4\.0 \[4\.0, 4\.0\]/);
});

test('relais spread seeds and plan', async () => {
  const seeds = await cli('seeds', '--pool', 'employees', '--k', '2', '--epsilon', '0.3', '--runs', '300', '--strategies', 'imm,random', '--json');
  assert.equal(seeds.code, 0, seeds.err);
  const r = JSON.parse(seeds.out) as { pool: { size: number }; strategies: Array<{ strategy: string; seeds: unknown[] }> };
  assert.equal(r.pool.size, 3);
  assert.deepEqual(r.strategies.map((s) => [s.strategy, s.seeds.length]), [['imm', 2], ['random', 2]]);
  const books = await cli('plan', 'bloggers', '--sizes', '1,3', '--runs', '200', '--epsilon', '0.3');
  assert.equal(books.code, 0, books.err);
  assert.match(books.out, /2 bloggers in the pool/);
  assert.match(books.out, /— 3 books \(only 2 bloggers\)/);
  const ties = await cli('plan', 'strong-ties', '--runs', '200', '--epsilon', '0.3');
  assert.equal(ties.code, 0, ties.err);
  assert.match(ties.out, /mastodon:cimes: 2 strong ties/);
});

test('bad input: one line, exit 1', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['seeds', '--pool', 'employees', '--k', '4'], /k = 4 is larger than the pool \(3 employees\)/],
    [['simulate', '--seeds', '@b1', '--probabilities', 'uniform', '--p', '1.5'], /probability p must be in \[0, 1\], got 1\.5.*--p/],
    [['seeds', '--pool', 'ambassadors', '--k', '1'], /no ambassadors in its graph/],
    [['seeds', '--pool', 'employees'], /seeds needs --k N or --budget B/],
    [['simulate', '--seeds', '@nobody'], /No account "@nobody"/],
    [['plan'], /Which plan\?/],
    [['fly'], /Unknown action "fly"/],
  ];
  for (const [argv, message] of cases) {
    const r = await cli(...argv);
    assert.equal(r.code, 1, `${argv.join(' ')}: ${r.err}`);
    assert.match(r.err, message, argv.join(' '));
    assert.equal(r.err.split('\n').length, 1, 'one line');
  }
});

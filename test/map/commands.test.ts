import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli.ts';
import { openDatabase } from '../../src/platform/db/connect.ts';
import { migrate } from '../../src/platform/db/migrations.ts';
import { ALL_MIGRATIONS } from '../../src/migrations.ts';
import { createWorkspace } from '../../src/platform/auth/store.ts';
import type { ListenTables } from '../../src/listen/tables.ts';

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, interactive: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('relais graph: import with line numbers, analyse, stats, influencers, communities, help, export', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-map-cli-'));
  const url = `sqlite:${path.join(dir, 'relais.db')}`;
  const database = await openDatabase(url);
  await migrate(database, ALL_MIGRATIONS);
  await createWorkspace(database.db, { slug: 'w', name: 'W', now: Date.now() });
  await database.close();
  const common = ['--workspace', 'w', '--database', url];

  const help = await cli(['graph', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /relais graph import FILE --format FORMAT/);
  assert.match(help.out, /who can help me with SKILL/);

  const file = path.join(dir, 'ties.tsv');
  fs.writeFileSync(file, 'source\ttarget\tweight\nann\tbob\t2\nbob\tann\t1\nbob\tcy\tlots\ncy\tann\t1\ncy\tcy\t1\ndan\tcy\t1\nann\tbob\t1\n');
  const imported = await cli(['graph', 'import', file, '--format', 'tsv', '--network', 'mastodon', ...common]);
  assert.equal(imported.code, 0, imported.err);
  assert.match(imported.out, /Imported 4 ties between 4 accounts \(4 new\)/);
  assert.match(imported.out, /line 4: weight "lots" is not a number \(skipped\)/);
  assert.match(imported.out, /line 6: self-loop on cy/);
  assert.match(imported.out, /line 8: duplicate of the edge on line 2/);
  const wrong = await cli(['graph', 'import', file, '--format', 'gexf', ...common]);
  assert.equal(wrong.code, 1);
  assert.match(wrong.err, /not a GEXF file/);
  const usage = await cli(['graph', 'import', file, '--format', 'xls', ...common]);
  assert.equal(usage.code, 1);
  assert.match(usage.err, /--format takes one of csv, tsv, snap/);

  const db = await openDatabase(url);
  await db.db.withTables<ListenTables>().updateTable('accounts').set({ bio: 'Comptabilité et fiscalité' }).where('handle', '=', 'dan').execute();
  await db.db.withTables<ListenTables>().updateTable('accounts').set({ affiliation: 'brand' }).where('handle', '=', 'ann').execute();
  await db.close();

  const analysed = await cli(['graph', 'analyse', ...common]);
  assert.equal(analysed.code, 0, analysed.err);
  assert.match(analysed.out, /Analysed 4 accounts and 3 ties/);
  const stats = JSON.parse((await cli(['graph', 'stats', ...common, '--json'])).out) as { ties: number; edges: Record<string, number> };
  assert.deepEqual([stats.ties, stats.edges.link], [3, 4]);
  const csv = await cli(['graph', 'influencers', ...common, '--csv']);
  assert.equal(csv.out.split('\r\n').length, 5);
  const communities = await cli(['graph', 'communities', ...common]);
  assert.match(communities.out, /communities, modularity/);
  const who = await cli(['graph', 'help', 'comptabilité', ...common]);
  assert.equal(who.code, 0, who.err);
  assert.match(who.out, /1\. @dan/);
  assert.match(who.out, /path: @ann —[\d.]+.*→ @cy —[\d.]+.*→ @dan/);
  const out = path.join(dir, 'w.graphml');
  const exported = await cli(['graph', 'export', '--format', 'graphml', '--output', out, ...common]);
  assert.equal(exported.code, 0, exported.err);
  assert.match(fs.readFileSync(out, 'utf8'), /<graphml xmlns="http:\/\/graphml.graphdrawing.org\/xmlns"/);
  const unknown = await cli(['graph', 'frobnicate', ...common]);
  assert.equal(unknown.code, 1);
});

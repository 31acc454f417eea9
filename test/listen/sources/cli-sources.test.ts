// `relais ingest` on CSV and tweets.js files and `relais source add mastodon|bluesky`, through the
// real CLI entry point on a SQLite file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { main } from '../../../src/cli.ts';
import { ALL_MIGRATIONS } from '../../../src/migrations.ts';
import { createWorkspace } from '../../../src/platform/auth/store.ts';
import { openDatabase } from '../../../src/platform/db/connect.ts';
import { migrate } from '../../../src/platform/db/migrations.ts';

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, interactive: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const fixtures = path.join(import.meta.dirname, 'fixtures');
let dir: string;
let url: string;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-sources-cli-'));
  url = `sqlite:${path.join(dir, 'relais.db')}`;
  const database = await openDatabase(url);
  await migrate(database, ALL_MIGRATIONS);
  await createWorkspace(database.db, { slug: 'brand', name: 'Brand', now: Date.now() });
  await database.close();
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('relais ingest FILE.csv: encoding and delimiter detected, a bad row reported with its line, --map applied', async () => {
  const result = await cli(['ingest', path.join(fixtures, 'mentions-semicolon-latin1.csv'), '--workspace', 'brand', '--database', url, '--type', 'forum']);
  assert.equal(result.code, 0, result.err);
  assert.match(result.out, /Read 4 mentions \(csv\): 3 stored, 0 duplicates merged, 1 rejected/);
  assert.match(result.out, /line 5: \(item\): column Date: "pas une date" is not a date/);
  assert.match(result.out, /Columns left out.*Colonne inconnue/);
  const custom = path.join(dir, 'custom.tsv');
  fs.writeFileSync(custom, 'quand\tquoi\n2024-05-01T10:00:00Z\tbonjour #relais\n');
  const mapped = await cli(['ingest', custom, '--workspace', 'brand', '--database', url, '--map', 'publishedAt=quand', '--map', 'text=quoi', '--json']);
  assert.equal(mapped.code, 0, mapped.err);
  assert.equal((JSON.parse(mapped.out) as { inserted: number; delimiter: string }).inserted, 1);
  const wrong = await cli(['ingest', custom, '--workspace', 'brand', '--database', url, '--map', 'text']);
  assert.equal(wrong.code, 1);
  assert.match(wrong.err, /--map takes FIELD=COLUMN/);
  const unmapped = await cli(['ingest', custom, '--workspace', 'brand', '--database', url]);
  assert.equal(unmapped.code, 1);
  assert.match(unmapped.err, /No column holds the text \(columns: quand, quoi\)/);
});

test('relais ingest tweets.js: the archive owner found, the bad tweet reported', async () => {
  const result = await cli(['ingest', path.join(fixtures, 'tweets.js'), '--workspace', 'brand', '--database', url, '--json']);
  assert.equal(result.code, 0, result.err);
  const parsed = JSON.parse(result.out) as { format: string; inserted: number; rejected: Array<{ position: string }> };
  assert.equal(parsed.format, 'tweets-js');
  assert.equal(parsed.inserted, 3);
  assert.match(parsed.rejected[0]!.position, /^tweet 4, line \d+$/);
});

test('relais source add mastodon|bluesky, then list', async () => {
  const m = await cli(['source', 'add', 'mastodon', '--instance', 'mastodon.social', '--tag', 'relais', '--stream', '--token', 'abc', '--workspace', 'brand', '--database', url, '--json']);
  assert.equal(m.code, 0, m.err);
  const source = JSON.parse(m.out) as { kind: string; url: string; options: { hasToken: boolean; stream: boolean; token?: string } };
  assert.equal(source.kind, 'mastodon');
  assert.equal(source.url, 'https://mastodon.social/api/v1/timelines/tag/relais?limit=40');
  assert.deepEqual([source.options.hasToken, source.options.stream, source.options.token], [true, true, undefined]);
  const b = await cli(['source', 'add', 'bluesky', '--keywords', 'relais,#dsk', '--workspace', 'brand', '--database', url]);
  assert.equal(b.code, 0, b.err);
  assert.match(b.out, /Bluesky stream: relais #dsk/);
  const s = await cli(['source', 'add', 'bluesky', '--query', 'relais lang:fr', '--workspace', 'brand', '--database', url]);
  assert.equal(s.code, 0, s.err);
  const none = await cli(['source', 'add', 'mastodon', '--instance', 'mastodon.social', '--workspace', 'brand', '--database', url]);
  assert.equal(none.code, 1);
  assert.match(none.err, /--tag, --query or --public/);
  const list = await cli(['source', 'list', '--workspace', 'brand', '--database', url]);
  assert.match(list.out, /mastodon\s+#relais on mastodon\.social/);
  assert.match(list.out, /bluesky\s+Bluesky search: "relais lang:fr"/);
  const help = await cli(['source', '--help']);
  assert.match(help.out, /add mastodon --instance URL/);
});

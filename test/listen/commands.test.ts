import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { main } from '../../src/cli.ts';
import { openDatabase } from '../../src/platform/db/connect.ts';
import { migrate } from '../../src/platform/db/migrations.ts';
import { ALL_MIGRATIONS } from '../../src/migrations.ts';
import { createWorkspace } from '../../src/platform/auth/store.ts';

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, interactive: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('relais ingest and relais topic: bad lines reported by number, topics backfilled, queries tested', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-listen-cli-'));
  const url = `sqlite:${path.join(dir, 'relais.db')}`;
  const database = await openDatabase(url);
  await migrate(database, ALL_MIGRATIONS);
  await createWorkspace(database.db, { slug: 'brand', name: 'Brand', now: Date.now() });
  await database.close();
  const file = path.join(dir, 'mentions.ndjson');
  const line = (id: string, text: string) => JSON.stringify({ network: 'bluesky', networkId: id, sourceType: 'microblog', publishedAt: 1_763_000_000_000, text, author: { handle: `u${id}.bsky.social` } });
  fs.writeFileSync(file, [line('a', 'Le scandale Delorme enfle'), '{"broken": ', line('b', 'Rien à voir'), line('a', 'duplicate'), JSON.stringify({ network: 'bluesky', text: 'no source type' })].join('\n') + '\n');
  const ingested = await cli(['ingest', file, '--workspace', 'brand', '--database', url, '--json']);
  assert.equal(ingested.code, 0, ingested.err);
  const result = JSON.parse(ingested.out) as { received: number; inserted: number; duplicates: number; rejected: Array<{ position: string; field: string }> };
  assert.deepEqual({ received: result.received, inserted: result.inserted, duplicates: result.duplicates }, { received: 5, inserted: 2, duplicates: 1 });
  assert.deepEqual(result.rejected.map((r) => r.position), ['line 2', 'line 5']);
  const added = await cli(['topic', 'add', 'Delorme', 'delorme OR "affaire delorme"', '--workspace', 'brand', '--database', url, '--json']);
  assert.equal(added.code, 0, added.err);
  assert.equal((JSON.parse(added.out) as { matched: number }).matched, 1);
  const listed = JSON.parse((await cli(['topic', 'list', '--workspace', 'brand', '--database', url, '--json'])).out) as Array<{ name: string }>;
  assert.deepEqual(listed.map((t) => t.name), ['Delorme']);
  const tried = await cli(['topic', 'test', 'scandale AND NOT foot', '--workspace', 'brand', '--database', url]);
  assert.equal(tried.code, 0);
  assert.match(tried.out, /matches 1 of 2 stored mentions/);
  const bad = await cli(['topic', 'test', 'scandale AND (delorme', '--workspace', 'brand', '--database', url]);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /position 13/); // 0-based: the unclosed (
  const noWorkspace = await cli(['ingest', file, '--database', url]);
  assert.equal(noWorkspace.code, 1);
  assert.match(noWorkspace.err, /--workspace is required/);
  fs.rmSync(dir, { recursive: true });
});

test('relais source: add a feed, poll it, list, pause', async () => {
  const rss = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/feeds/rss2sample.xml'));
  const server = http.createServer((_, response) => response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rss`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-source-cli-'));
  const url = `sqlite:${path.join(dir, 'relais.db')}`;
  const database = await openDatabase(url);
  await migrate(database, ALL_MIGRATIONS);
  await createWorkspace(database.db, { slug: 'brand', name: 'Brand', now: Date.now() });
  await database.close();
  const bad = await cli(['source', 'add', 'ftp://example.org/feed', '--workspace', 'brand', '--database', url]);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /http:\/\/ or https:\/\//);
  const added = await cli(['source', 'add', feedUrl, '--workspace', 'brand', '--type', 'news', '--every', '30', '--allow-private', '--database', url, '--json']);
  assert.equal(added.code, 0, added.err);
  const { id } = JSON.parse(added.out) as { id: number };
  const polled = await cli(['source', 'poll', String(id), '--workspace', 'brand', '--database', url, '--json']);
  assert.equal(polled.code, 0, polled.err);
  assert.ok((JSON.parse(polled.out) as { inserted: number }).inserted >= 3);
  assert.equal((await cli(['source', 'pause', String(id), '--workspace', 'brand', '--database', url])).code, 0);
  const listed = JSON.parse((await cli(['source', 'list', '--workspace', 'brand', '--database', url, '--json'])).out) as Array<{ status: string; options: { intervalMs: number } }>;
  assert.deepEqual(listed.map((s) => [s.status, s.options.intervalMs]), [['paused', 30 * 60_000]]);
  server.close();
  fs.rmSync(dir, { recursive: true });
});

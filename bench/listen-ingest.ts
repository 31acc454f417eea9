// Listen's ingest throughput: the whole path a user runs with `relais ingest FILE` — read the
// NDJSON, parse, validate each item, enrich, upsert the authors, store each mention once,
// percolate it against 1,000 topics, record the matches — on a file-backed SQLite in WAL mode,
// next to the ceiling: the same rows (accounts, mentions, topic matches) inserted into the same
// schema through node:sqlite prepared statements in one transaction. Then each stage alone, to
// say where the time goes.
//   node bench/listen-ingest.ts [mentions]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { spawnSync } from 'node:child_process';
import { DatabaseSync } from 'node:sqlite';
import { loadEnricher } from '../src/listen/enricher.ts';
import { ingestMentions, type Enricher, type Enrichment } from '../src/listen/ingest.ts';
import type { MentionInput } from '../src/listen/model.ts';
import { createPercolator, parseQuery, prepareDocument } from '../src/listen/query/index.ts';
import { checkItem, receiveItems } from '../src/listen/receive.ts';
import { createTopic, TopicIndex } from '../src/listen/topics.ts';
import { ALL_MIGRATIONS } from '../src/migrations.ts';
import { createWorkspace } from '../src/platform/auth/store.ts';
import { openDatabase, type Database } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrations.ts';
import { generateTopics, vocabularyOf, worldMentions } from './listen-ingest-world.ts';

const NOW = Date.UTC(2026, 10, 22);
// The CLI reads its file in batches of this many lines (commands.ts).
const CLI_BATCH = 5000;

const int = (x: number) => Math.round(x).toLocaleString('en');

async function freshDatabase(dir: string, name: string): Promise<Database> {
  const database = await openDatabase(`sqlite:${path.join(dir, name)}`);
  await migrate(database, ALL_MIGRATIONS);
  return database;
}

type Item = { item: unknown; position: string } | { error: string; position: string };

/** The CLI's loop: NDJSON lines in, batches handed to receiveItems. */
async function ingestFile(file: string, each: (batch: Item[]) => Promise<void>): Promise<void> {
  let batch: Item[] = [];
  let line = 0;
  for await (const text of readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })) {
    line += 1;
    if (!text.trim()) continue;
    try {
      batch.push({ item: JSON.parse(text) as unknown, position: `line ${line}` });
    } catch (error) {
      batch.push({ error: `not JSON (${(error as Error).message})`, position: `line ${line}` });
    }
    if (batch.length >= CLI_BATCH) {
      await each(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await each(batch);
}

/** Import time and RSS growth of the enrichment tables, in a fresh process (this one may have them already). */
function enricherImportCost(): { seconds: number; rssMb: number } {
  const url = new URL('../src/listen/enricher.ts', import.meta.url).href;
  const script = `const r = process.memoryUsage().rss; const t = performance.now(); const { loadEnricher } = await import(${JSON.stringify(url)}); await loadEnricher(); console.log(JSON.stringify({ seconds: (performance.now() - t) / 1000, rssMb: (process.memoryUsage().rss - r) / 2 ** 20 }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`measuring the enricher's import failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as { seconds: number; rssMb: number };
}

const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

export interface IngestFigures {
  mentions: number;
  topics: number;
  fullSeconds: number;
  fullCpuSeconds: number;
  stored: number;
  matches: number;
  ceilingSeconds: number;
  ceilingCpuSeconds: number;
  ceilingBareSeconds: number;
  enricherImportSeconds: number;
  enricherRssMb: number;
  stages: Array<{ stage: string; seconds: number }>;
}

/** Inserts the rows of `from` into the fresh, migrated `to` with prepared statements, one transaction. */
function copyRows(from: DatabaseSync, to: DatabaseSync, tables: string[]): { seconds: number; cpuSeconds: number } {
  const rows = tables.map((table) => ({ table, rows: from.prepare(`select * from ${table}`).all() as Array<Record<string, unknown>> }));
  const cpu = process.cpuUsage();
  const started = performance.now();
  to.exec('begin');
  for (const { table, rows: list } of rows) {
    if (list.length === 0) continue;
    const columns = Object.keys(list[0]!);
    const insert = to.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
    for (const row of list) insert.run(...(columns.map((c) => row[c]) as Array<string | number | null>));
  }
  to.exec('commit');
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSeconds(cpu) };
}

export async function runIngestBench(count = 50_000, topicCount = 1000): Promise<IngestFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-ingest-'));
  try {
    const { mentions } = worldMentions({ mentions: count });
    const file = path.join(dir, 'mentions.ndjson');
    fs.writeFileSync(file, mentions.map((m) => JSON.stringify(m)).join('\n') + '\n');
    const queries = generateTopics(vocabularyOf(mentions), topicCount);

    // The enrichment tables load once per process, before the first batch.
    const importCost = enricherImportCost();
    const enrich = await loadEnricher();

    // The full path.
    const database = await freshDatabase(dir, 'full.db');
    const workspaceId = (await createWorkspace(database.db, { slug: 'bench', name: 'Bench', now: NOW })).id;
    for (const [i, query] of queries.entries()) await createTopic(database.db, workspaceId, { name: `topic ${i}`, query }, NOW);
    const topics = new TopicIndex();
    await topics.percolator(database.db, workspaceId);
    let stored = 0;
    let matches = 0;
    const cpu = process.cpuUsage();
    const started = performance.now();
    await ingestFile(file, async (batch) => {
      const result = await receiveItems({ db: database.db, topics, enrich, now: NOW }, workspaceId, batch, file);
      stored += result.inserted;
      for (const n of Object.values(result.topicMatches)) matches += n;
    });
    const fullSeconds = (performance.now() - started) / 1000;
    const fullCpuSeconds = cpuSeconds(cpu);
    await database.close();

    // The ceiling: the same rows into the same schema (indexes, full-text triggers), and into bare tables.
    const source = new DatabaseSync(path.join(dir, 'full.db'));
    const tables = ['workspaces', 'topics', 'accounts', 'mentions', 'topic_mentions'];
    const ceilingDb = await freshDatabase(dir, 'ceiling.db');
    await ceilingDb.close();
    const ceiling = new DatabaseSync(path.join(dir, 'ceiling.db'));
    // The same settings as relais' own connection (platform/db/connect.ts).
    const PRAGMAS = 'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536';
    ceiling.exec(PRAGMAS);
    const { seconds: ceilingSeconds, cpuSeconds: ceilingCpuSeconds } = copyRows(source, ceiling, tables);
    ceiling.close();
    const bare = new DatabaseSync(path.join(dir, 'bare.db'));
    bare.exec(PRAGMAS);
    for (const table of tables) {
      const columns = (source.prepare(`select name from pragma_table_info('${table}')`).all() as Array<{ name: string }>).map((c) => c.name);
      bare.exec(`create table ${table} (${columns.map((c) => (c === 'id' ? 'id integer primary key' : c)).join(', ')})`);
    }
    const ceilingBareSeconds = copyRows(source, bare, tables).seconds;
    bare.close();
    source.close();

    // Each stage alone, over the same mentions.
    const stages: Array<{ stage: string; seconds: number }> = [];
    const time = async (stage: string, run: () => unknown | Promise<unknown>) => {
      const t = performance.now();
      await run();
      stages.push({ stage, seconds: (performance.now() - t) / 1000 });
    };
    let parsed: Item[] = [];
    await time('read the file + JSON.parse', () => ingestFile(file, async (b) => void (parsed = parsed.concat(b))));
    let valid: MentionInput[] = [];
    await time('validate (zod, receive.ts)', () => {
      valid = parsed.map((p) => ('item' in p ? checkItem(p.item) : null)).flatMap((c) => (c?.ok ? [c.mention] : []));
    });
    const enrichments = new Map<MentionInput, Enrichment>();
    await time('enrich (language, sentiment, gender, country)', () => {
      for (const m of valid) enrichments.set(m, enrich(m));
    });
    const percolator = createPercolator<number>();
    queries.forEach((q, i) => percolator.add(i, parseQuery(q)));
    await time('prepare + percolate (1,000 topics)', () => {
      let n = 0;
      for (const m of valid) {
        const e = enrichments.get(m)!;
        n += percolator.match(prepareDocument({ text: m.text, title: m.title, url: m.url, lang: m.lang ?? e.lang, sourceType: m.sourceType, sentiment: e.sentiment, hashtags: m.hashtags, mentioned: m.mentioned, authorHandle: m.author?.handle ?? null, authorName: m.author?.displayName ?? null, country: e.country, gender: e.gender })).length;
      }
      return n;
    });
    const storeDb = await freshDatabase(dir, 'store.db');
    const storeWs = (await createWorkspace(storeDb.db, { slug: 'bench', name: 'Bench', now: NOW })).id;
    const noTopics = new TopicIndex();
    const given: Enricher = (m) => enrichments.get(m)!;
    await time('store: accounts, mentions, full-text (no topics)', async () => {
      for (let i = 0; i < valid.length; i += CLI_BATCH) await ingestMentions({ db: storeDb.db, topics: noTopics, enrich: given, now: NOW }, storeWs, valid.slice(i, i + CLI_BATCH));
    });
    await storeDb.close();
    return { mentions: mentions.length, topics: queries.length, fullSeconds, fullCpuSeconds, stored, matches, ceilingSeconds, ceilingCpuSeconds, ceilingBareSeconds, enricherImportSeconds: importCost.seconds, enricherRssMb: importCost.rssMb, stages };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function ingestTable(f: IngestFigures): string {
  const rate = f.mentions / f.fullSeconds;
  const ceiling = f.mentions / f.ceilingSeconds;
  const cpuRate = f.mentions / f.fullCpuSeconds;
  const ceilingCpu = f.mentions / f.ceilingCpuSeconds;
  const bare = f.mentions / f.ceilingBareSeconds;
  const load = os.loadavg()[0] ?? 0;
  const lines = [
    `${int(f.mentions)} demo-world mentions (French and English posts, blogs, news, forums; ${int(f.stored)} distinct after merging duplicates), ${f.topics} topics generated from their vocabulary (bench/listen-ingest-world.ts), ${int(f.matches)} topic matches recorded (${(f.matches / f.stored).toFixed(1)} per mention). SQLite file in WAL mode, synchronous=NORMAL, 64 MB page cache, for both. Load average ${load.toFixed(2)} on ${os.cpus().length} cores at the end.`,
    '',
    '| path | seconds | mentions/s | share of the ceiling | CPU seconds | mentions per CPU second | share of the ceiling, by CPU |',
    '|---|---:|---:|---:|---:|---:|---:|',
    `| relais: NDJSON → validate → enrich → accounts upsert → store → percolate → topic_mentions | ${f.fullSeconds.toFixed(2)} | ${int(rate)} | ${((rate / ceiling) * 100).toFixed(1)} % | ${f.fullCpuSeconds.toFixed(2)} | ${int(cpuRate)} | ${((cpuRate / ceilingCpu) * 100).toFixed(1)} % |`,
    `| ceiling: the same rows, same schema (indexes, FTS5 triggers), node:sqlite prepared statements, one transaction | ${f.ceilingSeconds.toFixed(2)} | ${int(ceiling)} | 100 % | ${f.ceilingCpuSeconds.toFixed(2)} | ${int(ceilingCpu)} | 100 % |`,
    `| for reference: the same rows into bare tables (no index but the primary key, no FTS) | ${f.ceilingBareSeconds.toFixed(2)} | ${int(bare)} | — | | | |`,
    '',
    `Target: ≥ 20,000 mentions/s and ≥ 25 % of the ceiling. CPU time is given because the machine is shared: with a load average above the core count, wall-clock rates measure the neighbours as much as relais. The enrichment tables load once per process before the first batch: ${f.enricherImportSeconds.toFixed(2)} s and ${int(f.enricherRssMb)} MB of RSS, measured in a fresh process (not in the figures above).`,
    '',
    'Each stage alone over the same mentions (one core, wall clock):',
    '',
    '| stage | seconds | µs per mention | mentions/s |',
    '|---|---:|---:|---:|',
    ...f.stages.map((s) => `| ${s.stage} | ${s.seconds.toFixed(2)} | ${((s.seconds / f.mentions) * 1e6).toFixed(1)} | ${int(f.mentions / s.seconds)} |`),
  ];
  return lines.join('\n');
}

export async function measureIngest(): Promise<string> {
  return ingestTable(await runIngestBench());
}

if (import.meta.main) {
  const count = Number(process.argv[2] ?? 50_000);
  console.log(ingestTable(await runIngestBench(count)));
}

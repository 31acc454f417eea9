// The rows the dashboard benchmark reads: N mentions over 120 days by N/40 accounts, 10 topics
// (the measured one holds 10 % of the mentions plus a burst), written once into a SQLite file
// with relais's real schema (all migrations) and into a DuckDB file with the same rows and
// columns, then cached under bench/.cache/ (gitignored) so that reruns reuse them.
//
// Fast: one seeded generator feeds both databases; SQLite takes multi-row INSERTs in large
// transactions with its secondary indexes dropped during the load and rebuilt after (then
// ANALYZE); DuckDB takes its appender. The full-text triggers are dropped for the load (the
// dashboard never reads the full-text index, and indexing 10M texts would be most of the
// time): noted in RESULTS.md.
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { DuckDBInstance, type DuckDBAppender } from '@duckdb/node-api';
import { openDatabase } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrations.ts';
import { ALL_MIGRATIONS } from '../src/migrations.ts';

export const CACHE = path.join(import.meta.dirname, '.cache');
export const DAY = 86_400_000;
export const END = Date.UTC(2026, 10, 15);
export const DAYS = 120;
export const TOPICS = 10;
/** The burst of topic 1, 25 days before the end. */
export const BURST_DAY = END - 25 * DAY;
/** Bump when the generated rows change: the cached files are rebuilt. */
const VERSION = 1;

export interface BenchData {
  sqlite: string;
  duckdb: string;
  mentions: number;
  workspaceId: number;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SOURCES: Array<[string, number]> = [['microblog', 0.6], ['news', 0.12], ['blog', 0.08], ['forum', 0.08], ['social', 0.06], ['review', 0.04], ['video', 0.02]];
const COUNTRIES = ['FR', 'FR', 'FR', 'FR', 'FR', 'FR', 'BE', 'CH', 'CA', 'US', 'US', 'GB', 'DE', 'ES', 'IT', 'MA', 'SN', null, null, null];
const SENTIMENTS = ['positive', 'positive', 'positive', 'neutral', 'neutral', 'neutral', 'neutral', 'neutral', 'negative', 'negative', null];
const SYLLABLES = ['ra', 'mo', 'ti', 'ne', 'lu', 'ca', 'ver', 'son', 'pla', 'gre', 'bou', 'chan', 'del', 'mar', 'fi', 'ro', 'qui', 'zen', 'tor', 'vel'];

function pick<T>(random: () => number, weighted: Array<[T, number]>): T {
  let r = random();
  for (const [value, weight] of weighted) if ((r -= weight) < 0) return value;
  return weighted[weighted.length - 1]![0];
}

export async function benchData(mentions: number, log: (line: string) => void): Promise<BenchData> {
  fs.mkdirSync(CACHE, { recursive: true });
  const tag = `${mentions >= 1e6 ? `${mentions / 1e6}m` : mentions}-v${VERSION}`;
  const sqlitePath = path.join(CACHE, `dashboard-${tag}.db`);
  const duckPath = path.join(CACHE, `dashboard-${tag}.duckdb`);
  const done = path.join(CACHE, `dashboard-${tag}.done`);
  if (fs.existsSync(done)) return { sqlite: sqlitePath, duckdb: duckPath, mentions, workspaceId: 1 };
  for (const file of [sqlitePath, `${sqlitePath}-wal`, `${sqlitePath}-shm`, duckPath, `${duckPath}.wal`]) fs.rmSync(file, { force: true });
  const started = performance.now();

  // The schema, by relais's own migrations; a workspace and its topics.
  const database = await openDatabase(`sqlite:${sqlitePath}`);
  await migrate(database, ALL_MIGRATIONS);
  await database.close();
  const db = new DatabaseSync(sqlitePath);
  db.exec(`pragma foreign_keys = off; pragma journal_mode = wal; pragma synchronous = off; pragma cache_size = -262144; pragma temp_store = memory`);
  db.exec(`insert into workspaces (slug, name, settings, created_at) values ('bench', 'Bench', '{}', ${END})`);
  for (let t = 1; t <= TOPICS; t++) db.exec(`insert into topics (workspace_id, name, query, created_at, backfilled_at) values (1, 'Topic ${t}', 'topic${t}', ${END}, ${END})`);
  const triggers = db.prepare(`select name from sqlite_master where type = 'trigger' and tbl_name = 'mentions'`).all() as Array<{ name: string }>;
  for (const t of triggers) db.exec(`drop trigger ${t.name}`);
  const indexes = db.prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in ('mentions', 'topic_mentions', 'accounts')`).all() as Array<{ name: string; sql: string }>;
  for (const i of indexes) db.exec(`drop index ${i.name}`);

  const duck = await DuckDBInstance.create(duckPath);
  const dc = await duck.connect();
  await dc.run(`create table accounts (id bigint, workspace_id bigint, network varchar, handle varchar, display_name varchar, profile_url varchar, country varchar, followers bigint, kind varchar, gender varchar)`);
  await dc.run(`create table mentions (id bigint, workspace_id bigint, network varchar, source_type varchar, url varchar, author_id bigint, published_at bigint, title varchar, text varchar, lang varchar, hashtags varchar, mentioned varchar, engagement varchar, sentiment varchar)`);
  await dc.run(`create table topic_mentions (workspace_id bigint, topic_id bigint, mention_id bigint, published_at bigint)`);
  await dc.run(`create table topics (id bigint, workspace_id bigint, name varchar)`);
  for (let t = 1; t <= TOPICS; t++) await dc.run(`insert into topics values (${t}, 1, 'Topic ${t}')`);

  const random = mulberry32(20261122);
  const vocabulary = Array.from({ length: 3000 }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join(''));
  const tags = Array.from({ length: 300 }, (_, i) => `tag${i}`);
  const accountCount = Math.max(1000, Math.floor(mentions / 40));

  // Accounts.
  const accountApp = await dc.createAppender('accounts');
  const accountNetwork: string[] = [];
  db.exec('begin');
  const ACCOUNT_COLUMNS = 11;
  const accountBatch = 500;
  const accountInsert = db.prepare(`insert into accounts (id, workspace_id, network, handle, display_name, profile_url, country, followers, kind, gender, created_at) values ${Array.from({ length: accountBatch }, () => `(${Array(ACCOUNT_COLUMNS).fill('?').join(',')})`).join(',')}`);
  let params: Array<string | number | null> = [];
  for (let id = 1; id <= accountCount; id++) {
    const network = ['x', 'mastodon', 'bluesky', 'web'][Math.floor(random() * 4)]!;
    accountNetwork[id] = network;
    const kindRoll = random();
    const kind = kindRoll < 0.05 ? 'media' : kindRoll < 0.1 ? 'organisation' : 'person';
    const followers = Math.floor(20 / Math.pow(random() + 1e-6, 0.8));
    const country = COUNTRIES[Math.floor(random() * COUNTRIES.length)] ?? null;
    const gender = kind !== 'person' ? null : random() < 0.45 ? 'f' : random() < 0.85 ? 'm' : null;
    const row: Array<string | number | null> = [id, 1, network, `u${id}`, `User ${id}`, `https://${network}.example/u${id}`, country, followers, kind, gender, END - 400 * DAY];
    params.push(...row);
    accountApp.appendBigInt(BigInt(id)); accountApp.appendBigInt(1n); accountApp.appendVarchar(network); accountApp.appendVarchar(`u${id}`); accountApp.appendVarchar(`User ${id}`); accountApp.appendVarchar(`https://${network}.example/u${id}`);
    appendText(accountApp, country); accountApp.appendBigInt(BigInt(followers)); accountApp.appendVarchar(kind); appendText(accountApp, gender); accountApp.endRow();
    if (params.length === accountBatch * ACCOUNT_COLUMNS) {
      accountInsert.run(...params);
      params = [];
    }
  }
  insertRest(db, 'accounts', ['id', 'workspace_id', 'network', 'handle', 'display_name', 'profile_url', 'country', 'followers', 'kind', 'gender', 'created_at'], params);
  db.exec('commit');
  accountApp.closeSync();

  // Mentions and their topics.
  const COLS = ['id', 'workspace_id', 'network', 'network_id', 'source_type', 'url', 'author_id', 'published_at', 'title', 'text', 'lang', 'links', 'hashtags', 'mentioned', 'engagement', 'sentiment', 'raw', 'ingested_at'];
  const BATCH = 400;
  const mentionInsert = db.prepare(`insert into mentions (${COLS.join(',')}) values ${Array.from({ length: BATCH }, () => `(${Array(COLS.length).fill('?').join(',')})`).join(',')}`);
  const TM = ['workspace_id', 'topic_id', 'mention_id', 'published_at'];
  const tmInsert = db.prepare(`insert into topic_mentions (${TM.join(',')}) values ${Array.from({ length: BATCH }, () => `(?,?,?,?)`).join(',')}`);
  const mentionApp = await dc.createAppender('mentions');
  const tmApp = await dc.createAppender('topic_mentions');
  let mp: Array<string | number | null> = [];
  let tp: number[] = [];
  db.exec('begin');
  for (let id = 1; id <= mentions; id++) {
    const burst = random() < 0.03;
    const topics: number[] = [];
    if (burst || random() < 0.1) topics.push(1);
    for (let t = 2; t <= TOPICS; t++) if (random() < 0.005 * t) topics.push(t);
    let at: number;
    if (burst) at = BURST_DAY + Math.floor(random() * DAY * (1 + Math.floor(random() * 3)));
    else {
      at = END - Math.floor(random() * DAYS * DAY);
      // A weekly rhythm: a third fewer on weekends.
      if ([0, 6].includes(new Date(at).getUTCDay()) && random() < 0.33) at -= 2 * DAY;
    }
    const source = pick(random, SOURCES);
    const author = 1 + Math.floor(Math.pow(random(), 2) * accountCount);
    const network = source === 'microblog' ? (accountNetwork[author] === 'web' ? 'x' : accountNetwork[author]!) : 'web';
    const url = network === 'web' ? `https://www.site${author % 2000}.example/p/${id}` : `https://${network}.example/u${author}/${id}`;
    const words = Array.from({ length: 8 + Math.floor(random() * 9) }, () => vocabulary[Math.floor(Math.pow(random(), 1.6) * vocabulary.length)]!);
    for (const t of topics) words.splice(Math.floor(random() * words.length), 0, `topic${t}`);
    const text = words.join(' ');
    const tagList = random() < 0.4 ? [tags[Math.floor(Math.pow(random(), 2) * tags.length)]!] : [];
    if (topics.includes(1) && random() < 0.5) tagList.push('topic1');
    const hashtags = JSON.stringify(tagList);
    const mentioned = random() < 0.2 ? JSON.stringify([`u${1 + Math.floor(random() * 1000)}`]) : '[]';
    const engagement = JSON.stringify({ likes: Math.floor(random() * random() * 50), shares: Math.floor(random() * random() * 10), replies: Math.floor(random() * 5) });
    const sentiment = SENTIMENTS[Math.floor(random() * SENTIMENTS.length)] ?? null;
    const lang = random() < 0.7 ? 'fr' : 'en';
    mp.push(id, 1, network, `n${id}`, source, url, author, at, null, text, lang, '[]', hashtags, mentioned, engagement, sentiment, '{}', at);
    mentionApp.appendBigInt(BigInt(id)); mentionApp.appendBigInt(1n); mentionApp.appendVarchar(network); mentionApp.appendVarchar(source); mentionApp.appendVarchar(url); mentionApp.appendBigInt(BigInt(author)); mentionApp.appendBigInt(BigInt(at));
    mentionApp.appendNull(); mentionApp.appendVarchar(text); mentionApp.appendVarchar(lang); mentionApp.appendVarchar(hashtags); mentionApp.appendVarchar(mentioned); mentionApp.appendVarchar(engagement); appendText(mentionApp, sentiment); mentionApp.endRow();
    for (const t of topics) {
      tp.push(1, t, id, at);
      tmApp.appendBigInt(1n); tmApp.appendBigInt(BigInt(t)); tmApp.appendBigInt(BigInt(id)); tmApp.appendBigInt(BigInt(at)); tmApp.endRow();
      if (tp.length === BATCH * 4) {
        tmInsert.run(...tp);
        tp = [];
      }
    }
    if (mp.length === BATCH * COLS.length) {
      mentionInsert.run(...mp);
      mp = [];
    }
    if (id % 200_000 === 0) {
      db.exec('commit; begin');
      log(`  generated ${id} of ${mentions} mentions (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  }
  insertRest(db, 'mentions', COLS, mp);
  insertRest(db, 'topic_mentions', TM, tp);
  db.exec('commit');
  mentionApp.closeSync();
  tmApp.closeSync();
  dc.closeSync();
  duck.closeSync();

  log(`  indexing (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  for (const i of indexes) db.exec(i.sql);
  db.exec('analyze; pragma wal_checkpoint(truncate)');
  db.close();
  fs.writeFileSync(done, `${mentions} mentions, generated in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  log(`  ${mentions} mentions ready in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return { sqlite: sqlitePath, duckdb: duckPath, mentions, workspaceId: 1 };
}

function appendText(appender: DuckDBAppender, value: string | null): void {
  if (value === null) appender.appendNull();
  else appender.appendVarchar(value);
}

function insertRest(db: DatabaseSync, table: string, columns: string[], params: Array<string | number | null>): void {
  const rows = params.length / columns.length;
  if (rows === 0) return;
  db.prepare(`insert into ${table} (${columns.join(',')}) values ${Array.from({ length: rows }, () => `(${Array(columns.length).fill('?').join(',')})`).join(',')}`).run(...params);
}

// `npm run bench -- dashboard`: the Listen dashboard of one topic over 60 days on 1M and 10M
// mentions in SQLite (relais's own code: buildDashboard and each of its queries), next to DuckDB
// running the same queries over the same rows (bench/listen-dashboard-data.ts). p50 and p95 of
// the whole dashboard, and p50 of each query. Targets (issue 3): ≤ 500 ms at 1M, within 3× of
// DuckDB. RELAIS_BENCH_DASHBOARD_SIZES=1000000 runs one size only.
import os from 'node:os';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { openDatabase, type Database } from '../src/platform/db/connect.ts';
import { buildDashboard } from '../src/listen/dashboard/dashboard.ts';
import { cubeCounts, sampleTexts, scopeAggregates, topicDailyCounts, volumeCounts } from '../src/listen/dashboard/queries.ts';
import { keyTerms } from '../src/listen/dashboard/terms.ts';
import { benchData, DAY, END, TOPICS, type BenchData } from './listen-dashboard-data.ts';

const FROM = END - 60 * DAY;
const HISTORY = FROM - 28 * DAY;
const TOPIC = 1;
const SAMPLE = 3000;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

async function time(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  await work(); // warm-up: the page cache
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    out.push(performance.now() - started);
  }
  return out;
}

/** The dashboard's queries in DuckDB's SQL, over the same tables and rows. */
function duckQueries(total: number) {
  const scope = `topic_mentions tm join mentions m on m.id = tm.mention_id left join accounts a on a.id = m.author_id where tm.topic_id = ${TOPIC} and tm.published_at >= ${FROM} and tm.published_at < ${END}`;
  const eng = `(coalesce(json_extract(m.engagement, '$.likes')::bigint, 0) + coalesce(json_extract(m.engagement, '$.shares')::bigint, 0) + coalesce(json_extract(m.engagement, '$.replies')::bigint, 0))`;
  const gender = `case when a.id is null then 'unknown' when a.kind in ('organisation', 'media') then 'organisation' when a.gender in ('f', 'm') then a.gender else 'unknown' end`;
  const k = Math.max(1, Math.ceil(total / SAMPLE));
  return {
    cube: `select tm.published_at // ${DAY} as d, m.source_type, m.sentiment, m.lang, a.country, ${gender} as gender, count(*) as n, sum(coalesce(a.followers, 0)) as reach from ${scope} group by all`,
    history: `select tm.published_at // ${DAY} as b, m.source_type, count(*) from topic_mentions tm join mentions m on m.id = tm.mention_id where tm.topic_id = ${TOPIC} and tm.published_at >= ${HISTORY} and tm.published_at < ${FROM} group by all`,
    authors: `with agg as (select a.id, any_value(a.handle) as handle, any_value(a.followers) as followers, count(*) as n, sum(${eng}) as eng from ${scope} and a.id is not null group by a.id), ranked as (select *, row_number() over (order by n desc, id) r1, row_number() over (order by followers desc, id) r2, row_number() over (order by eng desc, id) r3, count(*) over () as authors from agg) select * from ranked where r1 <= 10 or r2 <= 10 or r3 <= 10`,
    hashtags: `select lower(tag) as term, count(*) as n from (select unnest(cast(m.hashtags as json)::varchar[]) as tag from ${scope}) group by 1 order by n desc, term limit 30`,
    handles: `select lower(tag) as term, count(*) as n from (select unnest(cast(m.mentioned as json)::varchar[]) as tag from ${scope}) group by 1 order by n desc, term limit 30`,
    hosts: `select lower(split_part(split_part(m.url, '://', 2), '/', 1)) as host, count(*) as n from ${scope} and m.url is not null group by 1 order by n desc limit 30`,
    sample: `select m.title, m.text from ${scope} and tm.mention_id % ${k} = 0 limit ${SAMPLE}`,
    background: `select m.title, m.text from mentions m where m.workspace_id = 1 and m.published_at >= ${FROM} and m.published_at < ${END} and m.id % ${Math.max(1, Math.ceil((total * 4) / SAMPLE))} = 0 and not exists (select 1 from topic_mentions x where x.topic_id = ${TOPIC} and x.mention_id = m.id) limit ${SAMPLE}`,
    shareOfVoice: `select topic_id, published_at // ${DAY} as d, count(*) from topic_mentions where topic_id in (${Array.from({ length: TOPICS }, (_, i) => i + 1).join(',')}) and published_at >= ${FROM} and published_at < ${END} group by all`,
    firstMention: `select min(published_at) from mentions where workspace_id = 1`,
  };
}

async function duckDashboard(connection: DuckDBConnection, queries: Record<string, string>): Promise<void> {
  const texts: string[][] = [];
  for (const [name, query] of Object.entries(queries)) {
    const reader = await connection.runAndReadAll(query);
    if (name === 'sample' || name === 'background') texts.push(reader.getRows().map((r) => String(r[1])));
  }
  keyTerms(texts[0]!, texts[1]!);
}

interface SizeResult {
  mentions: number;
  topicRows: number;
  relais: number[];
  duck: number[];
  perQuery: Array<{ name: string; relais: number; duck: number }>;
}

async function measureSize(data: BenchData, runs: number): Promise<SizeResult> {
  const database: Database = await openDatabase(`sqlite:${data.sqlite}`);
  const duck = await DuckDBInstance.create(data.duckdb, { access_mode: 'READ_ONLY' });
  const connection = await duck.connect();
  try {
    const scope = { workspaceId: data.workspaceId, topicId: TOPIC, from: FROM, to: END };
    const cube = await cubeCounts(database.db, scope);
    const total = cube.reduce((s, r) => s + r.count, 0);
    const queries = duckQueries(total);
    const relais = await time(runs, () => buildDashboard(database.db, 'sqlite', { workspaceId: data.workspaceId, topicId: TOPIC, from: FROM, to: END }));
    const duckTimes = await time(runs, () => duckDashboard(connection, queries));
    const workspace = { workspaceId: data.workspaceId, from: FROM, to: END };
    const duckRun = (...names: Array<keyof typeof queries>) => async () => {
      for (const name of names) await connection.runAndReadAll(queries[name]);
    };
    const pairs: Array<[string, () => Promise<unknown>, () => Promise<unknown>]> = [
      ['cube, authors, hashtags, handles, sites (relais: one statement)', () => scopeAggregates(database.db, 'sqlite', scope), duckRun('cube', 'authors', 'hashtags', 'handles', 'hosts')],
      ['history (28 days before, for the baseline)', () => volumeCounts(database.db, scope, { from: HISTORY, to: FROM }, DAY), duckRun('history')],
      ['text sample of the topic', () => sampleTexts(database.db, scope, total, SAMPLE), duckRun('sample')],
      ['background sample', () => sampleTexts(database.db, workspace, total * 4, SAMPLE, TOPIC), duckRun('background')],
      ['share of voice', () => topicDailyCounts(database.db, Array.from({ length: TOPICS }, (_, i) => i + 1), { from: FROM, to: END }), duckRun('shareOfVoice')],
    ];
    const perQuery: SizeResult['perQuery'] = [];
    const few = Math.max(3, Math.floor(runs / 2));
    for (const [name, run, duckWork] of pairs) {
      perQuery.push({ name, relais: quantile(await time(few, run), 0.5), duck: quantile(await time(few, duckWork), 0.5) });
    }
    return { mentions: data.mentions, topicRows: total, relais, duck: duckTimes, perQuery };
  } finally {
    connection.closeSync();
    duck.closeSync();
    await database.close();
  }
}

const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;

export async function measureDashboard(): Promise<string> {
  const sizes = (process.env.RELAIS_BENCH_DASHBOARD_SIZES ?? '1000000,10000000').split(',').map(Number);
  const results: SizeResult[] = [];
  const load = os.loadavg()[0]!.toFixed(1);
  for (const size of sizes) {
    process.stderr.write(`dashboard: ${size} mentions…\n`);
    const data = await benchData(size, (line) => process.stderr.write(`${line}\n`));
    results.push(await measureSize(data, size >= 5e6 ? 5 : 9));
  }
  const lines = [
    `One topic over 60 days (the topic holds 10 % of the mentions and a burst; 10 topics in all), the whole dashboard: volume by day and source with the 28 days of history for spikes, sentiment, countries, languages, gender, top authors by mentions/reach/engagement, hashtags, @handles, sites, keywords against a background (two samples of 3,000 texts, tokenised in JS on both sides), share of voice. relais: \`buildDashboard\` on SQLite (node:sqlite, WAL, the real schema and indexes; full-text triggers dropped for the load); DuckDB (\`@duckdb/node-api\`) runs the same SQL over the same rows, then the same keyword code. Warm page cache; 2 shared cores, other helpers running (noisy): load average ${load} when it started.`,
    '',
    '| mentions | topic rows in 60 days | relais SQLite p50 | p95 | DuckDB p50 | p95 | ratio (p50) | target |',
    '|---|---|---|---|---|---|---|---|',
    ...results.map((r) => {
      const rp50 = quantile(r.relais, 0.5);
      const dp50 = quantile(r.duck, 0.5);
      const target = r.mentions <= 1e6 ? `≤ 500 ms: ${rp50 <= 500 ? 'met' : 'missed'}; ≤ 3×: ${rp50 / dp50 <= 3 ? 'met' : 'missed'}` : `≤ 3×: ${rp50 / dp50 <= 3 ? 'met' : 'missed'}`;
      return `| ${r.mentions.toLocaleString('en')} | ${r.topicRows.toLocaleString('en')} | ${ms(rp50)} | ${ms(quantile(r.relais, 0.95))} | ${ms(dp50)} | ${ms(quantile(r.duck, 0.95))} | ${(rp50 / dp50).toFixed(2)}× | ${target} |`;
    }),
    '',
    'Per query, p50 (relais SQLite / DuckDB):',
    '',
    `| query | ${results.map((r) => `${(r.mentions / 1e6).toFixed(0)}M relais | DuckDB`).join(' | ')} |`,
    `|---|${results.map(() => '---|---').join('|')}|`,
    ...results[0]!.perQuery.map((q, i) => `| ${q.name} | ${results.map((r) => `${ms(r.perQuery[i]!.relais)} | ${ms(r.perQuery[i]!.duck)}`).join(' | ')} |`),
  ];
  return lines.join('\n');
}

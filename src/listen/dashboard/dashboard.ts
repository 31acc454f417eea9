// The Listen dashboard for one topic (or the whole workspace) over a period: every figure the
// web tab and the buzz report draw, from the queries of queries.ts and the pure folds.
import type { Kysely } from 'kysely';
import type { Dialect } from '../../platform/db/connect.ts';
import type { PlatformTables } from '../../platform/db/schema.ts';
import { RelaisError } from '../../platform/errors.ts';
import { firstMentionAt } from '../analytics/volume.ts';
import { findTopic, listTopics } from '../topics.ts';
import { daysOf, foldCube, type CubeFigures } from './fold.ts';
import { DAY_MS, HOUR_MS, sampleTexts, scopeAggregates, topicDailyCounts, volumeCounts, type AuthorRow, type TermCount } from './queries.ts';
import type { DashboardScope } from './scope.ts';
import { dailySpikes, HISTORY_DAYS, type SpikeAnalysis } from './spike-marks.ts';
import { keyTerms, type TermsResult } from './terms.ts';

export const LIMITS = { maxDays: 400, maxHourDays: 31, textSample: 3000, authors: 10, shareOfVoiceTopics: 12 };

export interface DashboardRequest {
  workspaceId: number;
  topicId?: number;
  from: number;
  to: number;
  bucket?: 'day' | 'hour';
  /** Topics compared in the share of voice; default: the workspace's topics. */
  compare?: number[];
}

export interface Dashboard extends Omit<CubeFigures, 'daily'> {
  topic: { id: number; name: string; query: string } | null;
  from: number;
  to: number;
  authorsCount: number;
  /** The chart's series, per day or hour. */
  volume: { bucket: 'day' | 'hour'; at: number[]; bySource: Record<string, number[]> };
  /** Daily series with baselines and burst days (spikes). */
  daily: CubeFigures['daily'] & SpikeAnalysis;
  authors: { byVolume: AuthorRow[]; byReach: AuthorRow[]; byEngagement: AuthorRow[] };
  hashtags: TermCount[];
  handles: TermCount[];
  sites: TermCount[];
  terms: TermsResult;
  shareOfVoice: { at: number[]; topics: Array<{ id: number; name: string; total: number; share: number; daily: number[] }> };
}

/** Checks a period: `to` after `from`, not too long for its bucket. */
export function checkPeriod(from: number, to: number, bucket: 'day' | 'hour'): void {
  if (!(to > from)) throw new RelaisError('RELAIS_REQUEST_INVALID', '`to` must come after `from`.', { field: 'to' });
  const days = (to - from) / DAY_MS;
  if (days > LIMITS.maxDays) throw new RelaisError('RELAIS_REQUEST_INVALID', `A period of at most ${LIMITS.maxDays} days, please (this one has ${Math.ceil(days)}).`, { field: 'from' });
  if (bucket === 'hour' && days > LIMITS.maxHourDays) throw new RelaisError('RELAIS_REQUEST_INVALID', `Hourly buckets over at most ${LIMITS.maxHourDays} days: choose daily buckets or a shorter period.`, { field: 'bucket' });
}

const top = (rows: readonly AuthorRow[], key: 'mentions' | 'followers' | 'engagement', n: number) =>
  [...rows].sort((a, b) => b[key] - a[key] || a.id - b.id).slice(0, n);

export async function buildDashboard(db: Kysely<PlatformTables>, dialect: Dialect, request: DashboardRequest): Promise<Dashboard> {
  const topic = request.topicId === undefined ? null : await findTopic(db, request.workspaceId, request.topicId);
  const bucket = request.bucket ?? (request.to - request.from <= 3 * DAY_MS ? 'hour' : 'day');
  checkPeriod(request.from, request.to, bucket);
  const scope: DashboardScope = { workspaceId: request.workspaceId, topicId: topic?.id, from: request.from, to: request.to };
  const days = daysOf(request.from, request.to);
  const historyFrom = days[0]! - HISTORY_DAYS * DAY_MS;

  const [aggregates, historyRows, hourRows, dataStart] = await Promise.all([
    scopeAggregates(db, dialect, scope, LIMITS.authors),
    volumeCounts(db, scope, { from: historyFrom, to: days[0]! }, DAY_MS),
    bucket === 'hour' ? volumeCounts(db, scope, scope, HOUR_MS) : Promise.resolve([]),
    firstMentionAt(db, request.workspaceId),
  ]);
  const cube = foldCube(aggregates.cube, days);

  // Daily series from HISTORY_DAYS before the period: history rows, then the cube's days.
  const allDays = [...daysOf(historyFrom, days[0]!), ...days];
  const series: Record<string, number[]> = {};
  const sources = new Set([...Object.keys(cube.daily.bySource), ...historyRows.map((r) => r.sourceType)]);
  for (const source of sources) series[source] = [...new Array<number>(HISTORY_DAYS).fill(0), ...(cube.daily.bySource[source] ?? new Array<number>(days.length).fill(0))];
  for (const row of historyRows) {
    const i = Math.round((row.at - historyFrom) / DAY_MS);
    if (i >= 0 && i < HISTORY_DAYS) series[row.sourceType]![i]! += row.count;
  }
  const spikes = dailySpikes({ at: allDays, bySource: series }, dataStart);

  let volume: Dashboard['volume'] = { bucket: 'day', at: cube.daily.at, bySource: cube.daily.bySource };
  if (bucket === 'hour') {
    const start = Math.floor(request.from / HOUR_MS) * HOUR_MS;
    const at = Array.from({ length: Math.ceil((request.to - start) / HOUR_MS) }, (_, i) => start + i * HOUR_MS);
    const bySource: Record<string, number[]> = {};
    for (const row of hourRows) {
      const i = Math.round((row.at - start) / HOUR_MS);
      if (i >= 0 && i < at.length) (bySource[row.sourceType] ??= new Array<number>(at.length).fill(0))[i]! += row.count;
    }
    volume = { bucket, at, bySource };
  }

  const { count: authorsCount, authors: authorRows } = aggregates.authors;
  const { hashtags, handles, hosts: sites } = aggregates;
  const [terms, shareOfVoice] = await Promise.all([
    termsOf(db, scope, cube.total),
    shareOfVoiceOf(db, request, days),
  ]);

  const { daily: _daily, ...figures } = cube;
  return {
    ...figures,
    topic: topic && { id: topic.id, name: topic.name, query: topic.query },
    from: request.from,
    to: request.to,
    authorsCount,
    volume,
    daily: { ...cube.daily, ...spikes },
    authors: { byVolume: top(authorRows, 'mentions', LIMITS.authors), byReach: top(authorRows, 'followers', LIMITS.authors), byEngagement: top(authorRows, 'engagement', LIMITS.authors) },
    hashtags,
    handles,
    sites,
    terms,
    shareOfVoice,
  };
}

/** Keywords of a sample of the topic's texts against a sample of the workspace's other mentions. */
async function termsOf(db: Kysely<PlatformTables>, scope: DashboardScope, total: number): Promise<TermsResult> {
  const join = (rows: Array<{ title: string | null; text: string }>) => rows.map((r) => (r.title ? `${r.title}. ${r.text}` : r.text));
  const texts = join(await sampleTexts(db, scope, total, LIMITS.textSample));
  if (scope.topicId === undefined) return keyTerms(texts, null);
  const workspace = { workspaceId: scope.workspaceId, from: scope.from, to: scope.to };
  const others = join(await sampleTexts(db, workspace, Math.max(total * 4, LIMITS.textSample), LIMITS.textSample, scope.topicId));
  return keyTerms(texts, others);
}

async function shareOfVoiceOf(db: Kysely<PlatformTables>, request: DashboardRequest, days: readonly number[]): Promise<Dashboard['shareOfVoice']> {
  const topics = await listTopics(db, request.workspaceId);
  const wanted = request.compare?.length ? topics.filter((t) => request.compare!.includes(t.id)) : topics;
  if (request.compare?.length && wanted.length !== request.compare.length) {
    const missing = request.compare.find((id) => !topics.some((t) => t.id === id));
    throw new RelaisError('RELAIS_NOT_FOUND', `No topic ${missing} in this workspace.`, { field: 'compare' });
  }
  const rows = await topicDailyCounts(db, wanted.map((t) => t.id), { from: request.from, to: request.to });
  const index = new Map(days.map((d, i) => [d, i]));
  const byTopic = new Map(wanted.map((t) => [t.id, new Array<number>(days.length).fill(0)]));
  for (const row of rows) {
    const i = index.get(row.day);
    if (i !== undefined) byTopic.get(row.topicId)![i]! += row.count;
  }
  const list = wanted.map((t) => {
    const daily = byTopic.get(t.id)!;
    return { id: t.id, name: t.name, total: daily.reduce((s, n) => s + n, 0), share: 0, daily };
  });
  const sum = list.reduce((s, t) => s + t.total, 0);
  for (const t of list) t.share = sum > 0 ? t.total / sum : 0;
  return { at: [...days], topics: list.sort((a, b) => b.total - a.total).slice(0, LIMITS.shareOfVoiceTopics) };
}

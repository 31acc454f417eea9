// What recycling reads from the database: the article pool, past recycled shares, and how often
// the brand usually posts (its own posts that Listen has seen, plus what relais published).
import type { Kysely } from 'kysely';
import type { ListenTables } from '../../listen/tables.ts';
import type { PlatformTables } from '../../platform/db/schema.ts';
import type { PublishTables } from '../tables.ts';
import { planRecycling, type RecyclePlan } from './plan.ts';
import { usualPostsPerDay } from './pace.ts';
import type { PastShare, RecycleArticle, RecycleRules } from './rules.ts';

const DAY = 86_400_000;
const tables = (db: Kysely<PlatformTables>) => db.withTables<PublishTables & ListenTables>();

function strings(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export async function loadArticles(db: Kysely<PlatformTables>, workspaceId: number): Promise<RecycleArticle[]> {
  const rows = await tables(db).selectFrom('articles').selectAll().where('workspace_id', '=', workspaceId).orderBy('published_at').execute();
  return rows.map((r) => ({
    id: Number(r.id), url: r.url, title: r.title, summary: r.summary, publishedAt: Number(r.published_at),
    categories: strings(r.categories), tags: strings(r.tags), eventAt: r.event_at === null ? null : Number(r.event_at),
  }));
}

/** Recycled shares already scheduled or made (a scheduled one counts: it will go out). */
export async function loadRecycleHistory(db: Kysely<PlatformTables>, workspaceId: number): Promise<PastShare[]> {
  const rows = await tables(db).selectFrom('posts').select(['article_id', 'due_at'])
    .where('workspace_id', '=', workspaceId).where('origin', '=', 'recycle').where('article_id', 'is not', null)
    .where('status', 'in', ['scheduled', 'published', 'partly-published']).execute();
  return rows.filter((r) => r.due_at !== null).map((r) => ({ articleId: Number(r.article_id), at: Number(r.due_at) }));
}

/** Post times of the brand over the last `days`: its accounts' mentions seen by Listen and what relais published. */
export async function brandPostTimes(db: Kysely<PlatformTables>, workspaceId: number, now: number, days = 30): Promise<number[]> {
  const from = now - days * DAY;
  const [seen, published] = await Promise.all([
    tables(db).selectFrom('mentions as m').innerJoin('accounts as a', 'a.id', 'm.author_id').select('m.published_at as at')
      .where('m.workspace_id', '=', workspaceId).where('a.affiliation', '=', 'brand').where('m.published_at', '>=', from).where('m.published_at', '<=', now).execute(),
    tables(db).selectFrom('post_targets').select('published_at as at')
      .where('workspace_id', '=', workspaceId).where('status', '=', 'published').where('published_at', '>=', from).execute(),
  ]);
  return [...seen, ...published].map((r) => Number(r.at));
}

export interface PreviewInput {
  rules: RecycleRules;
  count: number;
  now: number;
  random: () => number;
  cycle?: readonly number[];
  lastRunAt?: number | null;
}

export async function previewRecycling(db: Kysely<PlatformTables>, workspaceId: number, input: PreviewInput): Promise<RecyclePlan & { usualPerDay: number; poolSize: number }> {
  const [articles, history, times] = await Promise.all([loadArticles(db, workspaceId), loadRecycleHistory(db, workspaceId), brandPostTimes(db, workspaceId, input.now)]);
  const usualPerDay = usualPostsPerDay(times, input.now);
  const plan = planRecycling({
    rules: input.rules, articles, history, now: input.now, usualPerDay, lastRunAt: input.lastRunAt ?? null, random: input.random, count: input.count, sharedInCycle: input.cycle ?? [],
  });
  return { ...plan, usualPerDay, poolSize: articles.length };
}

// The next recycled posts: when each run happens and which articles it shares, simulated from
// `now` with the rules, the share history and a seeded random generator — the same inputs give
// the same plan, so the preview the user approves is what the scheduler will do. Pure.
import { exclusionOf, lastShare } from './eligible.ts';
import { minimumIntervalHours } from './pace.ts';
import type { PastShare, RecycleArticle, RecycleRules } from './rules.ts';

const HOUR = 3_600_000;

export interface PlannedShare {
  /** When the post goes out (epoch ms). */
  at: number;
  article: RecycleArticle;
  /** Index into rules.variants (0 when there are none). */
  variant: number;
  /** The cycle this share belongs to (a new cycle starts when the pool is exhausted and rules say repeat). */
  cycle: number;
}

export interface RecyclePlan {
  shares: PlannedShare[];
  /** Hours between runs actually used: the rules' interval, or longer when the account's pace asks it. */
  intervalHours: number;
  /** Why the plan ends early: no article fits the rules, or the pool is exhausted with whenExhausted 'stop'. */
  stopped: null | 'empty-pool' | 'exhausted';
}

export interface PlanInput {
  rules: RecycleRules;
  articles: readonly RecycleArticle[];
  history: readonly PastShare[];
  now: number;
  /** Posts a day the account usually makes (pace.ts usualPostsPerDay). */
  usualPerDay: number;
  /** When the previous run happened, if any: the next comes one interval after it (not before now). */
  lastRunAt: number | null;
  /** Articles already shared in the current cycle (persisted with the rules). */
  sharedInCycle?: readonly number[];
  /** A function returning numbers in [0, 1): seeded by the caller. */
  random: () => number;
  /** How many shares to plan. */
  count: number;
  /** How far ahead to look (days, default 365): the plan may hold fewer shares than `count`. */
  horizonDays?: number;
}

export function planRecycling(input: PlanInput): RecyclePlan {
  const { rules, articles, now, random, count } = input;
  const intervalHours = rules.pace === 'auto' ? Math.max(rules.intervalHours, minimumIntervalHours(input.usualPerDay, rules.postsPerRun)) : rules.intervalHours;
  const history: PastShare[] = [...input.history];
  const shares: PlannedShare[] = [];
  // The cycle: articles shared since the pool was last exhausted are not shared again in it.
  const sharedInCycle = new Set<number>(input.sharedInCycle ?? []);
  let emptyRuns = 0;
  let cycle = 0;
  const sharesOf = new Map<number, number>();
  for (const share of history) sharesOf.set(share.articleId, (sharesOf.get(share.articleId) ?? 0) + 1);
  let runAt = Math.max(now, input.lastRunAt === null ? now : input.lastRunAt + intervalHours * HOUR);
  let stopped: RecyclePlan['stopped'] = null;
  const horizon = now + (input.horizonDays ?? 365) * 24 * HOUR;
  while (shares.length < count && runAt <= horizon) {
    const at = Math.max(now, runAt + Math.round((random() * 2 - 1) * rules.spreadMinutes * 60_000));
    for (let k = 0; k < rules.postsPerRun && shares.length < count; k++) {
      const base = articles.filter((a) => exclusionOf(a, rules, [], at) === null);
      if (base.length === 0) { emptyRuns++; break; }
      let pool = base.filter((a) => !sharedInCycle.has(a.id) && exclusionOf(a, rules, history, at) === null);
      if (pool.length === 0 && base.every((a) => sharedInCycle.has(a.id))) {
        if (rules.whenExhausted === 'stop') { stopped = 'exhausted'; break; }
        cycle++;
        sharedInCycle.clear();
        pool = base.filter((a) => exclusionOf(a, rules, history, at) === null);
      }
      if (pool.length === 0) break; // what is left was shared too recently: the next run may share it
      const article = pick(pool, rules.order, history, random);
      const times = sharesOf.get(article.id) ?? 0;
      const variants = Math.max(1, rules.variants.length);
      const variant = rules.variantOrder === 'in-order' ? times % variants : Math.floor(random() * variants);
      shares.push({ at, article, variant, cycle });
      history.push({ articleId: article.id, at });
      sharesOf.set(article.id, times + 1);
      sharedInCycle.add(article.id);
    }
    if (stopped) break;
    runAt += intervalHours * HOUR;
  }
  if (!stopped && shares.length === 0 && emptyRuns > 0) stopped = 'empty-pool';
  return { shares, intervalHours, stopped };
}

function pick(pool: readonly RecycleArticle[], order: RecycleRules['order'], history: readonly PastShare[], random: () => number): RecycleArticle {
  if (order === 'random') return pool[Math.floor(random() * pool.length)]!;
  // Oldest first: the article published earliest; among those shared before, the least recently shared first.
  return [...pool].sort((a, b) => (lastShare(a.id, history) ?? -Infinity) - (lastShare(b.id, history) ?? -Infinity) || a.publishedAt - b.publishedAt || a.id - b.id)[0]!;
}

// Which articles may be recycled at a given time, and why the others may not: the preview
// explains every article left out. Pure.
import type { PastShare, RecycleArticle, RecycleRules } from './rules.ts';

const DAY = 86_400_000;

export type Exclusion =
  | 'too-recent' | 'too-old' | 'event-passed' | 'excluded-article'
  | 'excluded-category' | 'category-not-included' | 'excluded-tag' | 'tag-not-included' | 'shared-recently';

const lower = (values: readonly string[]) => new Set(values.map((v) => v.toLocaleLowerCase('fr')));

/** Why `article` cannot be shared at `at` under `rules` (null: it can). */
export function exclusionOf(article: RecycleArticle, rules: RecycleRules, history: readonly PastShare[], at: number): Exclusion | null {
  if (rules.excludedArticles.includes(article.id)) return 'excluded-article';
  const age = at - article.publishedAt;
  if (age < rules.minAgeDays * DAY) return 'too-recent';
  if (rules.maxAgeDays !== null && age > rules.maxAgeDays * DAY) return 'too-old';
  if (article.eventAt !== null && article.eventAt <= at) return 'event-passed';
  const categories = lower(article.categories), tags = lower(article.tags);
  if ([...lower(rules.excludeCategories)].some((c) => categories.has(c))) return 'excluded-category';
  if (rules.includeCategories.length && ![...lower(rules.includeCategories)].some((c) => categories.has(c))) return 'category-not-included';
  if ([...lower(rules.excludeTags)].some((t) => tags.has(t))) return 'excluded-tag';
  if (rules.includeTags.length && ![...lower(rules.includeTags)].some((t) => tags.has(t))) return 'tag-not-included';
  const last = lastShare(article.id, history);
  if (last !== null && at - last < rules.repeatAfterDays * DAY) return 'shared-recently';
  return null;
}

export function lastShare(articleId: number, history: readonly PastShare[]): number | null {
  let last: number | null = null;
  for (const share of history) if (share.articleId === articleId && (last === null || share.at > last)) last = share.at;
  return last;
}

/** Every article with the reason it is out, or null when it is in. */
export function eligibility(articles: readonly RecycleArticle[], rules: RecycleRules, history: readonly PastShare[], at: number): Array<{ article: RecycleArticle; exclusion: Exclusion | null }> {
  return articles.map((article) => ({ article, exclusion: exclusionOf(article, rules, history, at) }));
}

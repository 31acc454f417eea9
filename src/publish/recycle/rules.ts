// The rules of evergreen recycling: every setting of Tweet Old Post / Revive Old Posts (age
// window, categories and tags in or out, excluded articles, hashtags, prefix and suffix, link
// and short link, content variants, posts per run, interval with a random spread, what to do
// when the pool is exhausted, order) and what they lack (a pace from the account's own posting
// rate; dated articles never shared after their date). Pure data and defaults.

export interface RecycleRules {
  /** Articles younger than this are not recycled yet (days). */
  minAgeDays: number;
  /** Articles older than this are not recycled any more (days); null: no upper bound. */
  maxAgeDays: number | null;
  /** When not empty, only articles in one of these categories. */
  includeCategories: string[];
  excludeCategories: string[];
  /** When not empty, only articles with one of these tags. */
  includeTags: string[];
  excludeTags: string[];
  /** Article ids never recycled. */
  excludedArticles: number[];
  hashtags: {
    /** Where hashtags come from. */
    from: 'none' | 'categories' | 'tags' | 'custom';
    /** Word (in the title) → hashtag, for `from: 'custom'` (and added to the others). */
    custom: Record<string, string>;
    /** At most this many hashtags per post. */
    max: number;
    /** Hashtags longer than this (without #) are left out. */
    maxLength: number;
  };
  /** Text before and after the body ("À relire sur notre blog :"). */
  prefix: string;
  suffix: string;
  /**
   * Post templates with {title}, {summary}, {hashtags}, {link}; empty: "{title} {hashtags} {link}".
   * Several: the variants are used at random or in order.
   */
  variants: string[];
  variantOrder: 'random' | 'in-order';
  includeLink: boolean;
  /** Link through relais's own short link (/s/<code>), which counts clicks. */
  shortLink: boolean;
  /** UTM parameters added to the article's link (utm_source is the network). */
  utm: { campaign: string; medium: string } | null;
  postsPerRun: number;
  /** Hours between runs, and a random spread of ± minutes so posts do not look automatic. */
  intervalHours: number;
  spreadMinutes: number;
  /** When every eligible article has been shared in this cycle: start a new cycle, or stop. */
  whenExhausted: 'repeat' | 'stop';
  order: 'oldest' | 'random';
  /** An article shared less than this many days ago is not shared again (whatever the cycle). */
  repeatAfterDays: number;
  /** 'auto': at most what the account's own posting rate allows (see pace.ts); 'rules': the interval alone. */
  pace: 'auto' | 'rules';
}

export const DEFAULT_RULES: RecycleRules = {
  minAgeDays: 30,
  maxAgeDays: 90,
  includeCategories: [],
  excludeCategories: [],
  includeTags: [],
  excludeTags: [],
  excludedArticles: [],
  hashtags: { from: 'categories', custom: {}, max: 3, maxLength: 20 },
  prefix: '',
  suffix: '',
  variants: [],
  variantOrder: 'in-order',
  includeLink: true,
  shortLink: true,
  utm: null,
  postsPerRun: 1,
  intervalHours: 24,
  spreadMinutes: 30,
  whenExhausted: 'repeat',
  order: 'oldest',
  repeatAfterDays: 30,
  pace: 'auto',
};

/** An article of the pool, as recycling sees it. */
export interface RecycleArticle {
  id: number;
  url: string;
  title: string;
  summary: string | null;
  publishedAt: number;
  categories: string[];
  tags: string[];
  /** The date of the event an article announces; it is never shared after it. */
  eventAt: number | null;
}

/** A past share of an article by these rules (from the post history). */
export interface PastShare {
  articleId: number;
  at: number;
}

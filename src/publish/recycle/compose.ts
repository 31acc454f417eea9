// The text of a recycled post: prefix, the chosen variant filled with the article's title,
// summary, hashtags and link, suffix; fitted to the network's limit by shortening the title or
// summary (never the link, never the prefix or suffix) and dropping hashtags last-first. Pure.
import { measurePost, type PostNetwork } from '../post-length.ts';
import type { RecycleArticle, RecycleRules } from './rules.ts';

const DEFAULT_TEMPLATE = '{title} {hashtags} {link}';

/** "ski de rando" → "#SkiDeRando"; letters and digits only (accents kept: networks accept them). */
export function toHashtag(words: string): string | null {
  const parts = words.normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (parts.length === 0) return null;
  const body = parts.length === 1 ? parts[0]! : parts.map((p) => p[0]!.toLocaleUpperCase('fr') + p.slice(1)).join('');
  return `#${body}`;
}

/** The hashtags for an article under the rules, deduplicated, in order, at most `max`. */
export function hashtagsFor(article: RecycleArticle, rules: RecycleRules): string[] {
  const { from, custom, max, maxLength } = rules.hashtags;
  if (from === 'none' && Object.keys(custom).length === 0) return [];
  const words = from === 'categories' ? article.categories : from === 'tags' ? article.tags : [];
  const tags: string[] = [];
  const haystack = `${article.title} ${article.summary ?? ''}`.toLocaleLowerCase('fr');
  for (const [word, tag] of Object.entries(custom)) {
    if (haystack.includes(word.toLocaleLowerCase('fr'))) tags.push(tag.startsWith('#') ? tag : `#${tag}`);
  }
  for (const word of words) {
    const tag = toHashtag(word);
    if (tag) tags.push(tag);
  }
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const key = tag.toLocaleLowerCase('fr');
    if (seen.has(key) || tag.length - 1 > maxLength) return false;
    seen.add(key);
    return true;
  }).slice(0, max);
}

export interface ComposedPost {
  text: string;
  length: number;
  limit: number;
  /** What had to give way to fit the limit. */
  shortened: boolean;
  droppedHashtags: string[];
  /** Still over the limit once everything that may give way has: prefix, suffix or link too long. */
  over: boolean;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(title|summary|hashtags|link)\}/g, (_m, key: string) => values[key] ?? '')
    .replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').trim();
}

/**
 * Composes the post for `network`. `link` is the address to publish (the short link or the
 * article's URL with UTM parameters), or null when the rules leave links out.
 */
export function composePost(article: RecycleArticle, rules: RecycleRules, template: string | undefined, link: string | null, network: PostNetwork, limit?: number): ComposedPost {
  const hashtags = hashtagsFor(article, rules);
  const dropped: string[] = [];
  let title = article.title, summary = article.summary ?? '';
  let shortened = false;
  const build = () => [rules.prefix, fill(template || DEFAULT_TEMPLATE, { title, summary, hashtags: hashtags.join(' '), link: link ?? '' }), rules.suffix]
    .filter((part) => part.trim()).join(' ').trim();
  let text = build();
  let measure = measurePost(network, text, limit);
  while (measure.over && hashtags.length) {
    dropped.unshift(hashtags.pop()!);
    text = build();
    measure = measurePost(network, text, limit);
  }
  // Shorten the longer of summary and title, word by word, with an ellipsis.
  while (measure.over && (summary.length > 1 || title.length > 1)) {
    shortened = true;
    if (summary.length > 1 && (summary.length >= title.length || title.length <= 1)) summary = cut(summary);
    else title = cut(title);
    text = build();
    measure = measurePost(network, text, limit);
  }
  return { text, length: measure.length, limit: measure.limit, shortened, droppedHashtags: dropped, over: measure.over };
}

function cut(text: string): string {
  const bare = text.replace(/…$/, '');
  const space = bare.lastIndexOf(' ', bare.length - 2);
  return `${(space > 0 ? bare.slice(0, space) : bare.slice(0, -1)).replace(/[\s,;:.!?-]+$/u, '')}…`;
}

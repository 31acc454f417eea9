// Seeded generators for the property tests and the percolation test: a PRNG, a synthetic
// French-looking vocabulary, random query trees that follow the grammar, realistic topics,
// mentions with Zipf-distributed words, and garbage strings.
import type { FieldName, QueryNode } from '../../../src/listen/query/index.ts';
import type { MatchDocument } from '../../../src/listen/query/index.ts';

export type Rng = () => number;

/** mulberry32: small, fast and good enough for test data. */
export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

const SYLLABLES = ['ca', 'ré', 'mi', 'so', 'lu', 'ta', 'pé', 'no', 'vi', 'gè', 'do', 'fa', 'zi', 'bo', 'ku', 'œu', 'ran', 'tel', 'mon', 'sa', 'li', 'pra', 'vé', 'jo', 'ste', 'çon', 'ma', 'ri', 'bé', 'tu'];
const RESERVED = /^(and|or|not|o?near)$/i;

/** `size` distinct words of 2 to 4 syllables, accents included, in lower case. */
export function vocabulary(rng: Rng, size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    let w = '';
    for (let i = int(rng, 2, 4); i > 0; i--) w += pick(rng, SYLLABLES);
    if (!RESERVED.test(w)) words.add(w);
  }
  return [...words];
}

/** The word as a user might type it: upper case, capitalised, or without its accents. */
export function variant(rng: Rng, word: string): string {
  const r = rng();
  if (r < 0.1) return word.toUpperCase();
  if (r < 0.2) return word[0]?.toUpperCase() + word.slice(1);
  if (r < 0.3) return word.normalize('NFD').replace(/\p{M}/gu, '');
  return word;
}

// ---- random trees that follow the grammar (for print/parse round trips) ----

const VALUES: Partial<Record<FieldName, readonly string[]>> = {
  lang: ['fr', 'en', 'pt-br', 'FR'],
  country: ['fr', 'BE', 'ca'],
  source: ['blog', 'news', 'forum', 'microblog', 'social', 'review', 'video'],
  gender: ['f', 'm', 'female', 'unknown'],
  sentiment: ['positive', 'negative', 'neutral', 'negatif'],
  site: ['lemonde.fr', 'news.example.com', 'www.liberation.fr'],
  url: ['lemonde.fr/politique', 'https://example.com/a?b=1', '2011/05'],
};

export function randomTree(rng: Rng, vocab: readonly string[], depth = 3): QueryNode {
  const r = rng();
  if (depth <= 0 || r < 0.3) return randomLeaf(rng, vocab);
  if (r < 0.45) return { type: 'and', children: children(rng, () => randomTree(rng, vocab, depth - 1)) };
  if (r < 0.6) return { type: 'or', children: children(rng, () => randomTree(rng, vocab, depth - 1)) };
  if (r < 0.7) return { type: 'not', child: randomTree(rng, vocab, depth - 1) };
  if (r < 0.8) return randomNear(rng, vocab, depth - 1);
  return randomField(rng, vocab, depth - 1);
}

const children = (rng: Rng, make: () => QueryNode): QueryNode[] => Array.from({ length: int(rng, 2, 4) }, make);

function randomWord(rng: Rng, vocab: readonly string[]): string {
  const w = variant(rng, pick(rng, vocab));
  const r = rng();
  if (r < 0.05) return `l'${w}`;
  if (r < 0.1) return `${w}-19`;
  return w;
}

function randomPositional(rng: Rng, vocab: readonly string[], depth: number): QueryNode {
  const r = rng();
  const phraseText = (): string => Array.from({ length: int(rng, 1, 3) }, () => randomWord(rng, vocab)).join(rng() < 0.2 ? ' & ' : ' ');
  if (r < 0.4) return { type: 'term', text: randomWord(rng, vocab) };
  if (r < 0.55) return { type: 'phrase', text: phraseText() };
  if (r < 0.65) return { type: 'proximity', text: phraseText(), distance: int(rng, 0, 10) };
  if (r < 0.75) return { type: 'wildcard', pattern: wildcard(rng, vocab) };
  if (r < 0.8) return { type: 'raw', value: rng() < 0.5 ? { type: 'term', text: randomWord(rng, vocab) } : { type: 'phrase', text: phraseText() } };
  if (depth > 0 && r < 0.9) return { type: 'or', children: children(rng, () => randomPositional(rng, vocab, depth - 1)) };
  if (depth > 0) return randomNear(rng, vocab, depth - 1);
  return { type: 'term', text: randomWord(rng, vocab) };
}

function wildcard(rng: Rng, vocab: readonly string[]): string {
  const w = pick(rng, vocab);
  const cut = int(rng, 1, w.length);
  return rng() < 0.7 ? `${w.slice(0, cut)}*` : `${w.slice(0, cut)}?${w.slice(cut + 1)}`;
}

function randomNear(rng: Rng, vocab: readonly string[], depth: number): QueryNode {
  return { type: 'near', left: randomPositional(rng, vocab, depth), right: randomPositional(rng, vocab, depth), distance: int(rng, 0, 12), ordered: rng() < 0.3 };
}

function randomLeaf(rng: Rng, vocab: readonly string[]): QueryNode {
  const r = rng();
  if (r < 0.08) return { type: 'hashtag', tag: pick(rng, vocab).normalize('NFD').replace(/\p{M}/gu, '') };
  if (r < 0.16) return { type: 'mention', handle: `${pick(rng, vocab)}${rng() < 0.3 ? '@mastodon.social' : ''}` };
  return randomPositional(rng, vocab, 1);
}

function randomField(rng: Rng, vocab: readonly string[], depth: number): QueryNode {
  const field = pick(rng, ['title', 'author', 'site', 'url', 'lang', 'country', 'source', 'gender', 'sentiment'] as const);
  if (field === 'title') {
    const value = depth > 0 && rng() < 0.3 ? { type: 'and' as const, children: [randomPositional(rng, vocab, 1), { type: 'not' as const, child: randomPositional(rng, vocab, 0) }] } : randomPositional(rng, vocab, depth);
    return { type: 'field', field, value };
  }
  if (field === 'author') {
    const r = rng();
    const value: QueryNode = r < 0.4 ? { type: 'term', text: pick(rng, vocab) } : r < 0.6 ? { type: 'phrase', text: `${pick(rng, vocab)} ${pick(rng, vocab)}` } : r < 0.8 ? { type: 'mention', handle: pick(rng, vocab) } : { type: 'wildcard', pattern: wildcard(rng, vocab) };
    return { type: 'field', field, value };
  }
  const values = VALUES[field] as readonly string[];
  const leaf = (): QueryNode => ({ type: 'term', text: pick(rng, values) });
  const value: QueryNode = field !== 'url' && rng() < 0.25 ? { type: 'or', children: [leaf(), leaf()] } : leaf();
  return { type: 'field', field, value };
}

// ---- realistic topics and mentions (for percolation) ----

/** A topic as people write them: brand names and variants, exclusions, hashtags, a language. */
export function randomTopic(rng: Rng, vocab: readonly string[]): string {
  const w = (): string => variant(rng, pick(rng, vocab));
  const r = rng();
  if (r < 0.25) return `(${w()} OR "${w()} ${w()}" OR ${w()}) AND NOT ${w()}`;
  if (r < 0.35) return `"${w()} ${w()}"~${int(rng, 1, 6)}`;
  if (r < 0.45) return `${w()} NEAR/${int(rng, 1, 5)} (${w()} OR ${w()})`;
  if (r < 0.55) return `#${pick(rng, vocab).normalize('NFD').replace(/\p{M}/gu, '')} OR @${pick(rng, vocab)}`;
  if (r < 0.65) return `lang:${pick(rng, ['fr', 'en'])} AND sentiment:negative AND (${w()} OR ${w()} OR ${w()})`;
  if (r < 0.72) return `${pick(rng, vocab).slice(0, int(rng, 3, 5))}* AND ${w()}`;
  if (r < 0.8) return `${w()} ${w()}`;
  if (r < 0.87) return `title:${w()} OR ${w()} ONEAR/2 ${w()}`;
  if (r < 0.93) return `site:${pick(rng, ['lemonde.fr', 'example.com'])} AND (${w()} OR raw:${pick(rng, vocab)})`;
  if (r < 0.998) return `author:${pick(rng, vocab)} OR (${w()} -${w()})`;
  return `NOT ${w()}`;
}

/** A mention of 10 to 80 words drawn with Zipf's law, with punctuation, elisions, tags and fields. */
export function randomMention(rng: Rng, vocab: readonly string[], zipf: (rng: Rng) => number): MatchDocument {
  const n = int(rng, 10, 80);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    let w = variant(rng, vocab[zipf(rng)] as string);
    const r = rng();
    if (r < 0.03) w = `l'${w}`;
    else if (r < 0.05) w = `#${w}`;
    else if (r < 0.07) w = `@${w.toLowerCase()}`;
    else if (r < 0.15) w += pick(rng, [',', '.', ' !', ' ?', ' —']);
    parts.push(w);
  }
  return {
    title: rng() < 0.4 ? Array.from({ length: int(rng, 2, 8) }, () => variant(rng, vocab[zipf(rng)] as string)).join(' ') : null,
    text: parts.join(' '),
    hashtags: rng() < 0.3 ? [vocab[zipf(rng)] as string] : [],
    mentioned: rng() < 0.3 ? [`@${vocab[zipf(rng)] as string}`] : [],
    lang: pick(rng, ['fr', 'fr-FR', 'en', 'pt-BR', null]),
    country: pick(rng, ['FR', 'BE', 'CA', null]),
    sourceType: pick(rng, ['blog', 'news', 'microblog', 'forum']),
    gender: pick(rng, ['f', 'm', null]),
    sentiment: pick(rng, ['positive', 'neutral', 'negative', null]),
    url: pick(rng, ['https://www.lemonde.fr/a', 'https://example.com/b', null]),
    authorHandle: vocab[zipf(rng)] as string,
    authorName: `${variant(rng, pick(rng, vocab))} ${variant(rng, pick(rng, vocab))}`,
  };
}

/** A sampler of vocabulary ranks following Zipf's law (exponent 1), as word frequencies do. */
export function zipfSampler(size: number): (rng: Rng) => number {
  const cumulative = new Float64Array(size);
  let sum = 0;
  for (let i = 0; i < size; i++) cumulative[i] = sum += 1 / (i + 1);
  return (rng) => {
    const x = rng() * sum;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const GARBAGE = ['a', 'é', 'Z', ' ', ' ', '(', ')', '"', '*', '?', '~', '#', '@', ':', '-', '/', "'", '&', '.', '1', '9', 'AND', 'OR', 'NOT', 'NEAR/', 'ONEAR/3', 'title:', 'raw:', 'lang:', 'foo:', 'ŒÆ', '\u0301', '😀', '\t'];

/** Up to `max` characters of operators, quotes, parentheses and letters in any order. */
export function garbage(rng: Rng, max: number): string {
  let s = '';
  const target = int(rng, 0, max);
  while (s.length < target) s += pick(rng, GARBAGE);
  return s.slice(0, max);
}

// What a topic's mentions talk about: the terms, two-word phrases and names that occur in them
// more than in the background (the workspace's other mentions of the period). Pure.
//
// Keyness is Dunning's log-likelihood ratio G² (T. Dunning, "Accurate methods for the
// statistics of surprise and coincidence", Computational Linguistics 19(1), 1993), computed on
// document counts — a term counts once per mention, so one spammer repeating a word cannot
// make it a keyword — in the 2×2 form Rayson & Garside use for corpus comparison ("Comparing
// corpora using frequency profiling", 2000). Without a background, terms rank by count.
import { STOP_WORDS } from './stop-words.ts';

export interface Keyword {
  term: string;
  /** Mentions of the sample containing it. */
  count: number;
  /** count / mentions in the sample. */
  share: number;
  /** G² against the background; null without one. */
  keyness: number | null;
}

export interface TermsResult {
  /** Mentions the figures were measured on (a sample when the scope is large). */
  sampled: number;
  keywords: Keyword[];
  phrases: Keyword[];
  /** Capitalised names ("Élise Marchand"), the co-mentioned people and organisations. */
  names: Keyword[];
}

export const DEFAULTS = { limit: 30, minCount: 3 };

const fold = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The words of a text, lower case and accent-free, without stop words, numbers, links and entities. */
export function contentWords(text: string): string[] {
  const cleaned = text.replace(/https?:\/\/\S+/g, ' ').replace(/[#@][\p{L}\p{N}_.-]+/gu, ' ');
  const out: string[] = [];
  for (const raw of cleaned.match(/[\p{L}][\p{L}\p{N}'’-]*/gu) ?? []) {
    // French elisions: l'affaire → affaire, qu'il → il.
    const word = fold(raw.replace(/^[\p{L}]{1,2}['’]/u, '').replace(/['’-]+$/u, ''));
    if (word.length < 3 || STOP_WORDS.has(word) || /^\d/.test(word)) continue;
    out.push(word);
  }
  return out;
}

const NAME = /(?<![\p{L}])(\p{Lu}[\p{Ll}]+(?:[-’'][\p{Lu}]?[\p{Ll}]+)?)(?:\s+(\p{Lu}[\p{Ll}]+(?:-\p{Lu}[\p{Ll}]+)?)){1,2}(?![\p{L}])/gu;

/**
 * Sequences of two or three capitalised words. A capitalised stop word opening a sentence ("Et
 * Bertrand Delorme") is dropped; a pair opened by one ("Le Président") is not a name.
 */
export function namesIn(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(NAME)) {
    const words = match[0].split(/\s+/);
    while (words.length > 2 && STOP_WORDS.has(fold(words[0]!))) words.shift();
    if (words.every((w) => STOP_WORDS.has(fold(w)))) continue;
    if (STOP_WORDS.has(fold(words[0]!)) && words.length === 2) continue;
    out.push(words.join(' '));
  }
  return out;
}

interface Counts {
  docs: number;
  words: Map<string, number>;
  phrases: Map<string, number>;
  names: Map<string, number>;
}

function countDocuments(texts: readonly string[]): Counts {
  const counts: Counts = { docs: texts.length, words: new Map(), phrases: new Map(), names: new Map() };
  const add = (map: Map<string, number>, keys: Iterable<string>) => {
    for (const key of new Set(keys)) map.set(key, (map.get(key) ?? 0) + 1);
  };
  for (const text of texts) {
    const words = contentWords(text);
    add(counts.words, words);
    add(counts.phrases, words.slice(1).map((w, i) => `${words[i]} ${w}`));
    add(counts.names, namesIn(text));
  }
  return counts;
}

const xlnx = (x: number, e: number): number => (x > 0 && e > 0 ? x * Math.log(x / e) : 0);

/** G² of a term in a docs out of n1 against b docs out of n2 (2×2 contingency table). */
export function logLikelihood(a: number, n1: number, b: number, n2: number): number {
  const n = n1 + n2;
  const k = a + b;
  const cells = [
    [a, (n1 * k) / n],
    [b, (n2 * k) / n],
    [n1 - a, (n1 * (n - k)) / n],
    [n2 - b, (n2 * (n - k)) / n],
  ] as const;
  return 2 * cells.reduce((sum, [o, e]) => sum + xlnx(o, e), 0);
}

function rank(target: Map<string, number>, docs: number, background: Map<string, number> | null, bgDocs: number, options: typeof DEFAULTS): Keyword[] {
  const out: Keyword[] = [];
  for (const [term, count] of target) {
    if (count < options.minCount) continue;
    let keyness: number | null = null;
    if (background && bgDocs > 0) {
      const b = background.get(term) ?? 0;
      // Only terms over-represented in the topic are its keywords.
      if (count / docs <= b / bgDocs) continue;
      keyness = logLikelihood(count, docs, b, bgDocs);
    }
    out.push({ term, count, share: count / docs, keyness });
  }
  return out.sort((x, y) => (y.keyness ?? y.count) - (x.keyness ?? x.count) || y.count - x.count || x.term.localeCompare(y.term)).slice(0, options.limit);
}

/** Keywords, phrases and names of `texts`, against `background` texts when given. */
export function keyTerms(texts: readonly string[], background: readonly string[] | null, options: Partial<typeof DEFAULTS> = {}): TermsResult {
  const o = { ...DEFAULTS, ...options };
  const target = countDocuments(texts);
  const bg = background && background.length > 0 ? countDocuments(background) : null;
  return {
    sampled: target.docs,
    keywords: rank(target.words, target.docs, bg?.words ?? null, bg?.docs ?? 0, o),
    phrases: rank(target.phrases, target.docs, bg?.phrases ?? null, bg?.docs ?? 0, o),
    // Names rank by how many mentions cite them: being rare elsewhere matters less than being cited.
    names: rank(target.names, target.docs, null, 0, o),
  };
}

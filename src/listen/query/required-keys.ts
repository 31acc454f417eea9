// What a mention must contain for a query to have any chance of matching it: a set of keys
// (words, word prefixes, hashtags, handles, field values), at least one of which is in every
// mention the query matches. The percolator files each query under its keys and runs only
// the queries whose keys the mention has.
//
// AND: every child is required, so any one child's set will do; the cheapest one is taken.
// OR: any child may be the one that matches, so the union, and nothing if one child has none.
// NOT, url: and gender:unknown give nothing: a mention can match them by lacking something.
import type { FieldName, QueryNode } from './ast.ts';
import { fieldValue, isKeywordField, type KeywordField } from './fields.ts';
import { fold, foldedWords } from './fold.ts';

export type IndexFamily = 'word' | 'prefix' | 'hashtag' | 'mention' | 'handle' | 'authorWord' | KeywordField;

/** A key in the percolator's index: a folded word, hashtag, handle, field value… */
export interface IndexKey {
  family: IndexFamily;
  value: string;
}

/**
 * Wildcards are filed under the first letters of their literal prefix, up to this many. Five,
 * not three: "concept*" filed under "con" ran on every mention with "contre", "conseil"…; a
 * mention probes only the prefix lengths some topic uses (at most this many per word).
 */
export const PREFIX_LENGTH = 5;

/**
 * How many mentions a key lets through, when known: the share of mentions seen so far that had
 * it (the percolator measures it), or undefined to fall back on the key's form.
 */
export type KeyFrequency = (key: IndexKey) => number | undefined;

/** A key's identity in maps: family and value. */
export const keyId = (k: IndexKey): string => `${k.family}\u0000${k.value}`;

/**
 * Keys of which a matching mention has at least one, or null when a query can match without any.
 * Under an AND any child's keys will do: the cheapest set is taken, by `frequency` when given.
 */
export function requiredKeys(node: QueryNode, frequency?: KeyFrequency): IndexKey[] | null {
  return distinct(required(node, 'text', frequency ?? (() => undefined), false));
}

/** Every key requiredKeys() could choose for this query, whatever the frequencies: the ones worth counting. */
export function candidateKeys(node: QueryNode): IndexKey[] {
  return distinct(required(node, 'text', () => undefined, true)) ?? [];
}

function distinct(keys: IndexKey[] | null): IndexKey[] | null {
  if (!keys) return null;
  const seen = new Map<string, IndexKey>();
  for (const k of keys) seen.set(keyId(k), k);
  return [...seen.values()];
}

function required(node: QueryNode, ctx: 'text' | FieldName, frequency: KeyFrequency, all: boolean): IndexKey[] | null {
  switch (node.type) {
    case 'and':
    case 'near': {
      const parts = (node.type === 'and' ? node.children : [node.left, node.right]).map((c) => required(c, ctx, frequency, all));
      if (all) {
        const union = parts.flatMap((p) => p ?? []);
        return parts.some((p) => p) ? union : null;
      }
      let best: IndexKey[] | null = null;
      let bestCost = Infinity;
      for (const p of parts) {
        if (!p) continue;
        const c = cost(p, frequency);
        if (c < bestCost) [best, bestCost] = [p, c];
      }
      return best;
    }
    case 'or': {
      const out: IndexKey[] = [];
      for (const c of node.children) {
        const p = required(c, ctx, frequency, all);
        if (!p && !all) return null;
        if (p) out.push(...p);
      }
      return all && out.length === 0 ? null : out;
    }
    case 'not':
      return null;
    case 'field':
      return required(node.value, node.field, frequency, all);
    case 'hashtag':
      return [{ family: 'hashtag', value: fold(node.tag) }];
    case 'mention':
      return [{ family: ctx === 'author' ? 'handle' : 'mention', value: fieldValue('author', node.handle) }];
    case 'raw':
      return rarestWord(foldedWords(node.value.text), 'word', frequency, all);
    case 'term':
    case 'phrase':
    case 'proximity':
      if (ctx === 'text' || ctx === 'title') return rarestWord(foldedWords(node.text), 'word', frequency, all);
      if (ctx === 'author') {
        const name = rarestWord(foldedWords(node.text), 'authorWord', frequency, all);
        return [{ family: 'handle', value: fieldValue('author', node.text) }, ...(name ?? [])];
      }
      if (isKeywordField(ctx)) {
        const value = fieldValue(ctx, node.text);
        return ctx === 'gender' && value === 'unknown' ? null : [{ family: ctx, value }];
      }
      return null;
    case 'wildcard': {
      if (ctx !== 'text' && ctx !== 'title') return null;
      const prefix = fold(node.pattern).split(/[*?]/)[0] ?? '';
      return prefix ? [{ family: 'prefix', value: prefix.slice(0, PREFIX_LENGTH) }] : null;
    }
  }
}

// Every word of a phrase is required, so any one will do: the rarest (by frequency, else the
// longest). With `all`, each of them.
function rarestWord(words: string[], family: IndexFamily, frequency: KeyFrequency, all: boolean): IndexKey[] | null {
  if (all) return words.length ? [...new Set(words)].map((value) => ({ family, value })) : null;
  let best: IndexKey | null = null;
  let bestCost = Infinity;
  for (const value of words) {
    const key = { family, value };
    const c = cost([key], frequency);
    if (c < bestCost) [best, bestCost] = [key, c];
  }
  return best ? [best] : null;
}

// How many mentions a key lets through: the measured share when the percolator has one, else
// a guess from its form — a long word few, a one-letter prefix or a language most. Guesses are
// scaled as shares (a word ~1 %), so measured and guessed keys compare.
function cost(keys: IndexKey[], frequency: KeyFrequency): number {
  let sum = 0;
  for (const k of keys) sum += frequency(k) ?? guess(k);
  return sum;
}

function guess(k: IndexKey): number {
  let g: number;
  if (k.family === 'word' || k.family === 'authorWord') g = 1 + 4 / k.value.length;
  else if (k.family === 'prefix') g = 60 / k.value.length ** 2;
  else if (k.family === 'hashtag' || k.family === 'mention' || k.family === 'handle') g = 1;
  // A site publishes many mentions on many subjects: its words say more about a topic.
  else if (k.family === 'site') g = 20;
  else g = 100;
  return g / 100;
}

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

/** Wildcards are filed under the first letters of their literal prefix, up to this many. */
export const PREFIX_LENGTH = 3;

/** Keys of which a matching mention has at least one, or null when a query can match without any. */
export function requiredKeys(node: QueryNode): IndexKey[] | null {
  const keys = required(node, 'text');
  if (!keys) return null;
  const seen = new Map<string, IndexKey>();
  for (const k of keys) seen.set(`${k.family}\u0000${k.value}`, k);
  return [...seen.values()];
}

function required(node: QueryNode, ctx: 'text' | FieldName): IndexKey[] | null {
  switch (node.type) {
    case 'and':
    case 'near': {
      const parts = (node.type === 'and' ? node.children : [node.left, node.right]).map((c) => required(c, ctx));
      let best: IndexKey[] | null = null;
      for (const p of parts) if (p && (!best || cost(p) < cost(best))) best = p;
      return best;
    }
    case 'or': {
      const out: IndexKey[] = [];
      for (const c of node.children) {
        const p = required(c, ctx);
        if (!p) return null;
        out.push(...p);
      }
      return out;
    }
    case 'not':
      return null;
    case 'field':
      return required(node.value, node.field);
    case 'hashtag':
      return [{ family: 'hashtag', value: fold(node.tag) }];
    case 'mention':
      return [{ family: ctx === 'author' ? 'handle' : 'mention', value: fieldValue('author', node.handle) }];
    case 'raw':
      return longestWord(foldedWords(node.value.text));
    case 'term':
    case 'phrase':
    case 'proximity':
      if (ctx === 'text' || ctx === 'title') return longestWord(foldedWords(node.text));
      if (ctx === 'author') {
        const name = longestWord(foldedWords(node.text), 'authorWord');
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

function longestWord(words: string[], family: IndexFamily = 'word'): IndexKey[] | null {
  let best = '';
  for (const w of words) if (w.length > best.length) best = w;
  return best ? [{ family, value: best }] : null;
}

// How many mentions a key lets through, roughly: a long word few, a one-letter prefix or a
// language most. Only the ranking matters.
function cost(keys: IndexKey[]): number {
  let sum = 0;
  for (const k of keys) {
    if (k.family === 'word' || k.family === 'authorWord') sum += 1 + 4 / k.value.length;
    else if (k.family === 'prefix') sum += 60 / k.value.length ** 2;
    else if (k.family === 'hashtag' || k.family === 'mention' || k.family === 'handle') sum += 1;
    // A site publishes many mentions on many subjects: its words say more about a topic.
    else if (k.family === 'site') sum += 20;
    else sum += 100;
  }
  return sum;
}

// Compiles a query's syntax tree once into a matcher: a tree of closures over a prepared
// mention. Plain terms search the title and the text; title: restricts to the title; keyword
// fields compare whole values; author: looks at the handle and the display name.
import type { FieldName, QueryNode } from './ast.ts';
import { fieldValue, isKeywordField, type KeywordField } from './fields.ts';
import { fold, foldedWords, splitWords } from './fold.ts';
import { globMatch } from './glob-match.ts';
import { hasPhrase, nearSpans, phraseStarts, proximitySpans, type Span, wordSpans } from './positions.ts';
import { isPrepared, type MatchDocument, prepareDocument, type PreparedDocument } from './prepare.ts';

/** Tells whether a mention matches a topic; give it a prepared mention when matching many topics. */
export type Matcher = (doc: PreparedDocument | MatchDocument) => boolean;

type Test = (d: PreparedDocument) => boolean;
type Spans = (d: PreparedDocument) => Span[];
interface Compiled {
  test: Test;
  /** Present for what has positions in the text (words, phrases, NEAR), for NEAR to combine. */
  spans?: Spans;
  /** Rough work per call: AND and OR try their cheap children first, since either can settle the answer. */
  cost: number;
}
const cheapestFirst = (parts: Compiled[]): Compiled[] => [...parts].sort((a, b) => a.cost - b.cost);
const total = (parts: Compiled[]): number => parts.reduce((sum, p) => sum + p.cost, 0);
// The title is the body's first positions, so one index serves both scopes.
type Scope = 'body' | 'title';
const limitOf = (scope: Scope, d: PreparedDocument): number => (scope === 'title' ? d.titleEnd : d.body.words.length);

/** The matcher of a parsed query, e.g. `compileQuery(parseQuery('elysee'))({ text: "À l'ÉLYSÉE", hashtags: [], mentioned: [] })` → true. */
export function compileQuery(ast: QueryNode): Matcher {
  const test = compile(ast, 'text').test;
  return (doc) => test(isPrepared(doc) ? doc : prepareDocument(doc));
}

function compile(node: QueryNode, ctx: 'text' | FieldName): Compiled {
  switch (node.type) {
    case 'and': {
      const parts = node.children.map((c) => compile(c, ctx));
      const tests = cheapestFirst(parts).map((p) => p.test);
      return { test: (d) => every(tests, d), cost: total(parts) };
    }
    case 'or': {
      const parts = node.children.map((c) => compile(c, ctx));
      const tests = cheapestFirst(parts).map((p) => p.test);
      const spans = parts.every((p) => p.spans) ? parts.map((p) => p.spans as Spans) : null;
      return { test: (d) => !none(tests, d), cost: total(parts), ...(spans ? { spans: (d: PreparedDocument) => spans.flatMap((s) => s(d)) } : {}) };
    }
    case 'not': {
      const child = compile(node.child, ctx);
      return { test: (d) => !child.test(d), cost: child.cost };
    }
    case 'field':
      return compile(node.value, node.field);
    case 'hashtag': {
      const tag = fold(node.tag);
      return { test: (d) => d.hashtags.has(tag), cost: 1 };
    }
    case 'mention': {
      const handle = fieldValue('author', node.handle);
      return ctx === 'author' ? { test: (d) => d.handles.has(handle), cost: 1 } : { test: (d) => d.mentions.has(handle), cost: 1 };
    }
    default:
      if (ctx === 'text' || ctx === 'title') return textLeaf(node, ctx === 'title' ? 'title' : 'body');
      if (ctx === 'author') return authorLeaf(node);
      if (ctx === 'url') return urlLeaf(node);
      return keywordLeaf(node, ctx);
  }
}

function textLeaf(node: QueryNode, scope: Scope): Compiled {
  switch (node.type) {
    case 'term':
    case 'phrase':
      return phraseOf(foldedWords(node.text), 'body', scope);
    case 'raw':
      return phraseOf(splitWords(node.value.text), 'raw', scope);
    case 'proximity': {
      const words = foldedWords(node.text);
      const spans: Spans = (d) => proximitySpans(d.body, words, node.distance, limitOf(scope, d));
      // Most mentions lack one of the words, and that is a cheap way to say no.
      const test: Test = (d) => words.every((w) => d.body.positions.has(w)) && spans(d).length > 0;
      return { test, spans, cost: 4 };
    }
    case 'wildcard': {
      const pattern = fold(node.pattern);
      // The literal start (never empty: the parser refuses a leading wildcard) rules out most words cheaply.
      const prefix = pattern.split(/[*?]/)[0] as string;
      const fits = (w: string): boolean => w.startsWith(prefix) && globMatch(pattern, w);
      const spans: Spans = (d) => {
        const limit = limitOf(scope, d);
        const out: Span[] = [];
        for (const [w, positions] of d.body.positions) if (fits(w)) for (const span of wordSpans(positions, limit)) out.push(span);
        return out.sort((a, b) => a.start - b.start);
      };
      const test: Test = (d) => {
        const limit = limitOf(scope, d);
        for (const [w, positions] of d.body.positions) if ((positions[0] as number) < limit && fits(w)) return true;
        return false;
      };
      return { test, spans, cost: 20 };
    }
    case 'near': {
      const lc = compile(node.left, scope === 'title' ? 'title' : 'text');
      const rc = compile(node.right, scope === 'title' ? 'title' : 'text');
      // The parser gives NEAR only sides with positions; a hand-built tree without them matches nothing.
      const left: Spans = lc.spans ?? (() => []);
      const right: Spans = rc.spans ?? (() => []);
      const { distance, ordered } = node;
      // Both sides must be there at all before their positions are worth comparing.
      const [first, second] = cheapestFirst([lc, rc]) as [Compiled, Compiled];
      return {
        test: (d) => first.test(d) && second.test(d) && nearSpans(left(d), right(d), distance, ordered, true).length > 0,
        spans: (d) => nearSpans(left(d), right(d), distance, ordered),
        cost: 4 + lc.cost + rc.cost,
      };
    }
    default:
      // The parser lets nothing else reach a text leaf.
      return { test: () => false, spans: () => [], cost: 0 };
  }
}

function phraseOf(words: string[], which: 'body' | 'raw', scope: Scope): Compiled {
  const k = words.length;
  const toSpans = (starts: number[]): Span[] => starts.map((p) => ({ start: p, end: p + k - 1 }));
  if (which === 'raw') {
    // Found through the folded index, then compared as written: a raw word folds to the folded word at its position.
    const key = fold(words[0] as string);
    const starts = (d: PreparedDocument): number[] => rawPhraseStarts(d, key, words, limitOf(scope, d));
    return { test: (d) => starts(d).length > 0, spans: (d) => toSpans(starts(d)), cost: k + 1 };
  }
  const only = words[0] as string;
  // One word anywhere: a single map lookup, the commonest test of all.
  const test: Test = k === 1 && scope === 'body' ? (d) => d.body.positions.has(only) : (d) => hasPhrase(d.body, words, limitOf(scope, d));
  return { test, spans: (d) => toSpans(phraseStarts(d.body, words, limitOf(scope, d))), cost: k };
}

function rawPhraseStarts(d: PreparedDocument, key: string, words: readonly string[], limit: number): number[] {
  const out: number[] = [];
  for (const p of d.body.positions.get(key) ?? []) {
    if (p + words.length > limit) break;
    let i = 0;
    while (i < words.length && d.raw[p + i] === words[i]) i++;
    if (i === words.length) out.push(p);
  }
  return out;
}

// author: a handle compared whole ("cimes", "cimes@mastodon.social") or words of the display name.
function authorLeaf(node: QueryNode): Compiled {
  switch (node.type) {
    case 'term':
    case 'phrase': {
      const handle = fieldValue('author', node.text);
      const words = foldedWords(node.text);
      return { test: (d) => d.handles.has(handle) || hasPhrase(d.author, words, d.author.words.length), cost: 2 };
    }
    case 'wildcard': {
      const pattern = fold(node.pattern);
      return { test: (d) => some(d.handles.keys(), (h) => globMatch(pattern, h)) || some(d.author.positions.keys(), (w) => globMatch(pattern, w)), cost: 5 };
    }
    default:
      return { test: () => false, cost: 0 };
  }
}

// url: a case- and accent-insensitive substring of the mention's URL.
function urlLeaf(node: QueryNode): Compiled {
  const part = node.type === 'term' || node.type === 'phrase' ? fold(node.text.trim()) : null;
  return { test: (d) => part !== null && d.url.includes(part), cost: 3 };
}

function keywordLeaf(node: QueryNode, field: string): Compiled {
  if (!isKeywordField(field) || (node.type !== 'term' && node.type !== 'phrase')) return { test: () => false, cost: 0 };
  const value = fieldValue(field, node.text);
  const f: KeywordField = field;
  return { test: (d) => d.keywords[f].includes(value), cost: 1 };
}

// Plain loops: these run millions of times a second and Array.prototype.every adds a closure per call.
function every(tests: readonly Test[], d: PreparedDocument): boolean {
  for (let i = 0; i < tests.length; i++) if (!(tests[i] as Test)(d)) return false;
  return true;
}
function none(tests: readonly Test[], d: PreparedDocument): boolean {
  for (let i = 0; i < tests.length; i++) if ((tests[i] as Test)(d)) return false;
  return true;
}

function some<T>(items: Iterable<T>, test: (item: T) => boolean): boolean {
  for (const item of items) if (test(item)) return true;
  return false;
}

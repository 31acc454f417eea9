// The recursive-descent parser of topic queries. The grammar, loosest binding first:
//
//   sequence := unit ((AND | OR)? unit)*      one kind of operator per level: AND (or side by side) or OR
//   unit     := (NOT | -) unit | primary ((NEAR/n | ONEAR/n) primary)*
//   primary  := ( sequence ) | term | "phrase" | "phrase"~n | wildcard | #tag | @handle
//             | field:value | raw:term | raw:"phrase"
//
// AND and OR at one level without parentheses are refused, as Brandwatch does: "a AND b OR c"
// reads both ways and a topic that silently means the other one is worse than an error.
import { FIELDS, type FieldName, type QueryNode, QUERY_LIMITS } from './ast.ts';
import { fieldValueProblem, isKeywordField } from './fields.ts';
import { hasWord } from './fold.ts';
import { QuerySyntaxError } from './query-syntax-error.ts';
import { type Token, tokenize } from './tokenize.ts';

// Where a value is read: the mention's text, its title, or a field compared as a whole.
type Context = 'text' | FieldName;

interface State {
  input: string;
  tokens: Token[];
  pos: number;
}
interface Parsed {
  node: QueryNode;
  start: number;
  end: number;
}

/** The syntax tree of a query; throws QuerySyntaxError with position and hint when it is not valid. */
export function parseQuery(input: string): QueryNode {
  const tokens = tokenize(input);
  if (tokens.length === 0) {
    throw new QuerySyntaxError('The query is empty.', 0, input.length, 'Type a word, a "phrase", a #hashtag or an @handle.');
  }
  const s: State = { input, tokens, pos: 0 };
  const result = parseSequence(s, 'text', 0);
  const extra = s.tokens[s.pos];
  if (extra) {
    // parseSequence stops only at the end or at a ')' it has no '(' for.
    throw new QuerySyntaxError('This ) closes nothing.', extra.start, 1, 'Remove it, or add the ( it should close.');
  }
  return result.node;
}

function fail(message: string, at: { start: number; end: number }, hint: string): never {
  throw new QuerySyntaxError(message, at.start, at.end - at.start, hint);
}
const startsUnit = (t: Token | undefined): boolean =>
  t !== undefined && (t.kind === 'lparen' || t.kind === 'phrase' || t.kind === 'word' || t.kind === 'field' || t.kind === 'not' || t.kind === 'minus');
const tokenText = (s: State, t: Token): string => s.input.slice(t.start, t.end);

function parseSequence(s: State, ctx: Context, depth: number): Parsed {
  const items = [parseUnit(s, ctx, depth)];
  let mode: { op: 'and' | 'or'; implicit: boolean } | null = null;
  for (let t = s.tokens[s.pos]; t && t.kind !== 'rparen'; t = s.tokens[s.pos]) {
    const implicit = t.kind !== 'and' && t.kind !== 'or';
    if (!implicit) {
      s.pos++;
      if (!startsUnit(s.tokens[s.pos])) fail(`${tokenText(s, t)} needs a term on its right.`, t, `Remove ${tokenText(s, t)} or write what should follow it.`);
    } else if (!startsUnit(t)) {
      fail(`${tokenText(s, t)} needs a term on its left.`, t, `Write what ${tokenText(s, t)} applies to before it: a NEAR/3 b.`);
    }
    const op = t.kind === 'or' ? 'or' : 'and';
    const next = parseUnit(s, ctx, depth);
    if (mode && mode.op !== op) mixed(s, items, next, t, implicit || mode.implicit);
    if (!mode || !implicit) mode = { op, implicit };
    items.push(next);
  }
  const first = items[0] as Parsed;
  const last = items[items.length - 1] as Parsed;
  if (items.length === 1) return first;
  const children = items.map((i) => i.node);
  return { node: mode?.op === 'or' ? { type: 'or', children } : { type: 'and', children }, start: first.start, end: last.end };
}

function mixed(s: State, items: Parsed[], next: Parsed, at: Token, implicit: boolean): never {
  const first = items[0] as Parsed;
  const last = items[items.length - 1] as Parsed;
  const src = (a: number, b: number): string => s.input.slice(a, b);
  const a = `(${src(first.start, last.end)})${src(last.end, next.end)}`;
  const b = `${src(first.start, last.start)}(${src(last.start, next.end)})`;
  const example = a.length <= 80 ? `"${a}" or "${b}"` : '"(a AND b) OR c" or "a AND (b OR c)"';
  const message = implicit
    ? 'Words side by side mean AND, which cannot be mixed with OR at the same level.'
    : 'AND and OR cannot be mixed at the same level: the query reads two ways.';
  return fail(message, at, `Add parentheses to say which comes first: ${example}.`);
}

function parseUnit(s: State, ctx: Context, depth: number): Parsed {
  const t = s.tokens[s.pos] as Token;
  if (t.kind === 'not' || t.kind === 'minus') {
    if (depth >= QUERY_LIMITS.maxDepth) fail('The query nests too deeply.', t, `Use at most ${QUERY_LIMITS.maxDepth} levels of NOT and parentheses.`);
    s.pos++;
    const what = t.kind === 'not' ? 'NOT' : '-';
    if (!startsUnit(s.tokens[s.pos])) fail(`${what} needs a term after it.`, t, `Write what to exclude right after it: cimes AND ${t.kind === 'not' ? 'NOT ' : '-'}emploi.`);
    const child = parseUnit(s, ctx, depth + 1);
    return { node: { type: 'not', child: child.node }, start: t.start, end: child.end };
  }
  let left = parsePrimary(s, ctx, depth);
  for (let op = s.tokens[s.pos]; op?.kind === 'near'; op = s.tokens[s.pos]) {
    s.pos++;
    const name = tokenText(s, op);
    if (ctx !== 'text' && ctx !== 'title') fail(`${name} works on text, not on ${ctx}:.`, op, 'Use it outside the field, or inside title:(…).');
    positional(left, name);
    const next = s.tokens[s.pos];
    if (next?.kind === 'not' || next?.kind === 'minus') {
      fail('NOT cannot be used inside NEAR.', next, `Exclude outside it: (a ${name} b) AND NOT c.`);
    }
    if (!next || next.kind === 'rparen' || next.kind === 'and' || next.kind === 'or' || next.kind === 'near') {
      fail(`${name} needs a term on its right.`, op, `Write what should be near: a ${name} b.`);
    }
    const right = parsePrimary(s, ctx, depth);
    positional(right, name);
    const node: QueryNode = { type: 'near', left: left.node, right: right.node, distance: op.distance, ordered: op.ordered };
    left = { node, start: left.start, end: right.end };
  }
  return left;
}

// NEAR measures distances between words, so its sides must be things found at positions.
function positional(p: Parsed, name: string): void {
  const ok = (n: QueryNode): boolean =>
    n.type === 'term' || n.type === 'phrase' || n.type === 'proximity' || n.type === 'wildcard' || n.type === 'raw' || n.type === 'near' || (n.type === 'or' && n.children.every(ok));
  if (!ok(p.node)) {
    fail(
      `${name} links words, phrases, wildcards and OR groups of them; this is not one.`,
      p,
      `Move AND, NOT, fields, #hashtags and @handles outside: (a ${name} (b OR c)) AND lang:fr.`,
    );
  }
}

function parsePrimary(s: State, ctx: Context, depth: number): Parsed {
  const t = s.tokens[s.pos++] as Token;
  switch (t.kind) {
    case 'lparen': {
      if (depth >= QUERY_LIMITS.maxDepth) fail('The query nests too deeply.', t, `Use at most ${QUERY_LIMITS.maxDepth} levels of parentheses.`);
      const next = s.tokens[s.pos];
      if (next?.kind === 'rparen') fail('These parentheses are empty.', { start: t.start, end: next.end }, 'Put a term inside or remove them.');
      if (!next) fail('This ( is never closed.', t, 'Add the ) that closes it.');
      const inner = parseSequence(s, ctx, depth + 1);
      const close = s.tokens[s.pos];
      if (close?.kind !== 'rparen') return fail('This ( is never closed.', t, 'Add the ) that closes it.');
      s.pos++;
      return { node: inner.node, start: t.start, end: close.end };
    }
    case 'phrase':
      return { node: phrase(t, ctx), start: t.start, end: t.end };
    case 'word':
      return { node: word(t, ctx), start: t.start, end: t.end };
    case 'field':
      return parseField(s, t, ctx, depth);
    case 'and':
    case 'or':
    case 'near':
      return fail(`${tokenText(s, t)} needs a term on its left.`, t, `Write what ${tokenText(s, t)} links before it, or remove it.`);
    case 'rparen':
      return fail('This ) closes nothing.', t, 'Remove it, or add the ( it should close.');
    default:
      // NOT and - reach here only as a side of NEAR, which parseUnit has already refused.
      return fail(`Unexpected ${tokenText(s, t)}.`, t, 'Check the query around this point.');
  }
}

function parseField(s: State, t: Token & { kind: 'field' }, ctx: Context, depth: number): Parsed {
  const next = s.tokens[s.pos];
  const name = `${t.name}:`;
  if (t.name === 'raw' ? ctx !== 'text' && ctx !== 'title' : ctx !== 'text') {
    fail(`${name} cannot be used inside ${ctx}:.`, t, 'Combine fields side by side instead: title:cimes AND lang:fr.');
  }
  if (!next || next.start !== t.end) fail(`${name} needs a value right after the colon.`, t, `Write it without a space: ${name}${example(t.name)}.`);
  if (next.kind === 'not' || next.kind === 'minus') fail(`NOT goes before the field.`, next, `Write NOT ${name}${example(t.name)}.`);
  if (t.name === 'raw') {
    s.pos++;
    if (next.kind === 'word' && !/[*?]/.test(next.text) && hasWord(next.text)) {
      return { node: { type: 'raw', value: { type: 'term', text: next.text } }, start: t.start, end: next.end };
    }
    if (next.kind === 'phrase' && next.distance === null && hasWord(next.text)) {
      return { node: { type: 'raw', value: { type: 'phrase', text: next.text } }, start: t.start, end: next.end };
    }
    return fail('raw: takes one exact word or "phrase", with letters or digits and no wildcard.', next, 'Write raw:Apple or raw:"Le Monde".');
  }
  const nested = next.kind === 'field' && !(t.name === 'title' && next.name === 'raw');
  if (nested || (next.kind !== 'word' && next.kind !== 'phrase' && next.kind !== 'lparen' && next.kind !== 'field')) {
    fail(`${name} needs a word, a "phrase" or a (group) as its value.`, next, `Write ${name}${example(t.name)}.`);
  }
  const value = parsePrimary(s, t.name, depth + 1);
  return { node: { type: 'field', field: t.name, value: value.node }, start: t.start, end: value.end };
}

function example(field: FieldName | 'raw'): string {
  const examples: Record<FieldName | 'raw', string> = {
    title: '"cimes & sentiers"', author: 'cimes', site: 'lemonde.fr', url: 'lemonde.fr/politique', lang: 'fr',
    country: 'fr', source: 'blog', gender: 'f', sentiment: 'negative', raw: 'Apple',
  };
  return examples[field];
}

function phrase(t: Token & { kind: 'phrase' }, ctx: Context): QueryNode {
  if (t.text.trim() === '') fail('This phrase is empty.', t, 'Put words between the quotes, or remove them.');
  if (t.distance !== null) {
    if (ctx !== 'text' && ctx !== 'title') fail(`~${t.distance} works on text, not on ${ctx}:.`, t, 'Use it outside the field, or inside title:(…).');
    if (!hasWord(t.text)) fail('This phrase has no letter or digit to search.', t, 'Put words between the quotes.');
    return { type: 'proximity', text: t.text, distance: t.distance };
  }
  checkValue(t, t.text, ctx);
  return { type: 'phrase', text: t.text };
}

function word(t: Token & { kind: 'word' }, ctx: Context): QueryNode {
  const text = t.text;
  if (ctx === 'url') return { type: 'term', text };
  if (text[0] === '#') {
    if (ctx !== 'text') fail(`A #hashtag cannot be used inside ${ctx}:.`, t, `Write it on its own: ${text}.`);
    if (!/^#[\p{L}\p{N}\p{M}_]+$/u.test(text)) fail('A hashtag is # followed by letters, digits or _.', t, 'Write #CimesAlpha, without spaces or punctuation.');
    return { type: 'hashtag', tag: text.slice(1) };
  }
  if (text[0] === '@') {
    if (ctx !== 'text' && ctx !== 'author') fail(`An @handle cannot be used inside ${ctx}:.`, t, `Write it on its own: ${text}.`);
    if (!/^@[\p{L}\p{N}_][\p{L}\p{N}\p{M}_.@-]*$/u.test(text)) fail('A handle is @ followed by letters, digits, _, . or -.', t, 'Write @cimes or @cimes@mastodon.social.');
    return { type: 'mention', handle: text.slice(1) };
  }
  if (/[*?]/.test(text)) {
    if (isKeywordField(ctx)) fail(`Wildcards cannot be used in ${ctx}:.`, t, ctx === 'site' ? 'site:lemonde.fr already matches its subdomains.' : `Write the value in full, or several with OR: ${ctx}:${example(ctx)}.`);
    if (text[0] === '*' || text[0] === '?') {
      fail('A wildcard cannot start a word.', { start: t.start, end: t.start + 1 }, 'Put at least one letter before it: elys* (a leading wildcard would match almost every word).');
    }
    const allowed = ctx === 'author' ? /^[\p{L}\p{N}\p{M}_.@*?-]+$/u : /^[\p{L}\p{N}\p{M}*?]+$/u;
    if (!allowed.test(text)) fail('A wildcard works within one word.', t, 'Use only letters and digits around * and ?: organi?ation, elys*; quote words joined by - or \' as a "phrase".');
    return { type: 'wildcard', pattern: text };
  }
  if ((ctx === 'text' || ctx === 'title' || ctx === 'author') && /~\d*$/.test(text)) {
    fail('~ applies to a quoted phrase.', t, 'Write "dsk sofitel"~5.');
  }
  checkValue(t, text, ctx);
  return { type: 'term', text };
}

function checkValue(t: Token, text: string, ctx: Context): void {
  if (ctx === 'text' || ctx === 'title' || ctx === 'author') {
    if (!hasWord(text)) fail(`"${text}" has no letter or digit to search.`, t, 'Remove it, or put it in a "phrase" with the words around it.');
    return;
  }
  if (ctx === 'url') return;
  const problem = fieldValueProblem(ctx, text);
  if (problem) fail(problem.message, t, problem.hint);
}

/** The names of the fields, for editors that complete them. */
export const FIELD_NAMES: readonly string[] = [...FIELDS, 'raw'];

// The query's tokens, each with its offsets so that every error can point at what is wrong.
// Operators are upper-case (AND, OR, NOT, NEAR/n, ONEAR/n) as in Brandwatch: "and", "or" and
// "not" in lower case are ordinary words. A word is any run of characters other than spaces,
// parentheses and quotes; the parser decides whether it is a term, a #hashtag, an @handle or a
// wildcard.
import { FIELDS, type FieldName, QUERY_LIMITS } from './ast.ts';
import { QuerySyntaxError } from './query-syntax-error.ts';

interface Span {
  start: number;
  end: number;
}
export type Token =
  | (Span & { kind: 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'minus' })
  | (Span & { kind: 'near'; distance: number; ordered: boolean })
  | (Span & { kind: 'phrase'; text: string; distance: number | null })
  | (Span & { kind: 'word'; text: string })
  | (Span & { kind: 'field'; name: FieldName | 'raw' });

const FIELD_LIST = [...FIELDS, 'raw'].map((f) => `${f}:`).join(' ');
const SPACE = /\s/;
const BREAK = /[\s()"]/;

/** The tokens of a query, e.g. `tokenize('a OR "b c"~2')` → word, or, phrase (distance 2). */
export function tokenize(input: string): Token[] {
  if (input.length > QUERY_LIMITS.maxLength) {
    throw new QuerySyntaxError(
      `The query is longer than ${QUERY_LIMITS.maxLength} characters.`,
      QUERY_LIMITS.maxLength,
      input.length - QUERY_LIMITS.maxLength,
      'Split it into several topics, or group alternatives with OR more compactly.',
    );
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i] as string;
    if (SPACE.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: c === '(' ? 'lparen' : 'rparen', start: i, end: i + 1 });
      i++;
    } else if (c === '"') {
      i = readPhrase(input, i, tokens);
    } else {
      let j = i;
      while (j < input.length && !BREAK.test(input[j] as string)) j++;
      classify(input, input.slice(i, j), i, tokens);
      i = j;
    }
  }
  return tokens;
}

function readPhrase(input: string, start: number, tokens: Token[]): number {
  const close = input.indexOf('"', start + 1);
  if (close < 0) {
    throw new QuerySyntaxError('This quote is never closed.', start, 1, 'Add a closing " after the phrase (a phrase cannot contain a quote).');
  }
  const text = input.slice(start + 1, close);
  let end = close + 1;
  let distance: number | null = null;
  if (input[end] === '~') {
    const digits = /^\d+/.exec(input.slice(end + 1, end + 12))?.[0] ?? '';
    if (digits === '') {
      throw new QuerySyntaxError('~ needs a number.', end, 1, 'Write the number of words allowed between the words: "dsk sofitel"~5.');
    }
    distance = checkDistance(Number(digits), end, digits.length + 1);
    end += 1 + digits.length;
  }
  tokens.push({ kind: 'phrase', text, distance, start, end });
  return end;
}

function checkDistance(distance: number, position: number, length: number): number {
  if (distance > QUERY_LIMITS.maxDistance) {
    throw new QuerySyntaxError(
      `A distance of ${distance} words is too large.`,
      position,
      length,
      `Use at most ${QUERY_LIMITS.maxDistance}; for words anywhere in the mention, use AND.`,
    );
  }
  return distance;
}

// One run of non-space characters: an operator, a -prefix, a field: prefix, or a word.
function classify(input: string, text: string, start: number, tokens: Token[]): void {
  const end = start + text.length;
  if (text === 'AND' || text === 'OR' || text === 'NOT') {
    tokens.push({ kind: text === 'AND' ? 'and' : text === 'OR' ? 'or' : 'not', start, end });
    return;
  }
  if (/^O?NEAR(\/|$)/.test(text)) {
    const m = /^(O?NEAR)\/(\d{1,11})$/.exec(text);
    if (!m) {
      throw new QuerySyntaxError(`${text.startsWith('O') ? 'ONEAR' : 'NEAR'} needs a distance.`, start, text.length, 'Write it with the number of words allowed between, without spaces: a NEAR/3 b.');
    }
    const distance = checkDistance(Number(m[2]), start, text.length);
    tokens.push({ kind: 'near', distance, ordered: m[1] === 'ONEAR', start, end });
    return;
  }
  if (/^o?near\/\d+$/i.test(text)) {
    throw new QuerySyntaxError(`Operators are written in capitals.`, start, text.length, `Write ${text.toUpperCase()}.`);
  }
  if (text[0] === '-') {
    if (text.length > 1) {
      // Peeled one at a time without recursion: "------a" must not grow the stack.
      let k = 0;
      while (k < text.length - 1 && text[k] === '-') tokens.push({ kind: 'minus', start: start + k, end: start + ++k });
      classify(input, text.slice(k), start + k, tokens);
      return;
    }
    const next = input[end];
    if (next === '(' || next === '"') {
      tokens.push({ kind: 'minus', start, end });
      return;
    }
    throw new QuerySyntaxError('A lone - excludes nothing.', start, 1, 'Put it right before what to exclude, without a space: cimes -emploi.');
  }
  const field = /^([A-Za-z]+):/.exec(text);
  if (field) {
    const name = (field[1] as string).toLowerCase();
    if (!(FIELDS as readonly string[]).includes(name) && name !== 'raw') {
      throw new QuerySyntaxError(`There is no field ${name}:.`, start, field[0].length, `Fields are ${FIELD_LIST}. To search the text itself, quote it: "${text}".`);
    }
    const fieldEnd = start + field[0].length;
    tokens.push({ kind: 'field', name: name as FieldName | 'raw', start, end: fieldEnd });
    const rest = text.slice(field[0].length);
    // title: takes a text query, which may itself start with raw:; other values are literal (a URL
    // keeps its colons and slashes). A leading - is read as the misplaced NOT it is.
    if (rest && (name === 'title' || (rest[0] === '-' && name !== 'url'))) classify(input, rest, fieldEnd, tokens);
    else if (rest) tokens.push({ kind: 'word', text: rest, start: fieldEnd, end });
    return;
  }
  tokens.push({ kind: 'word', text, start, end });
}

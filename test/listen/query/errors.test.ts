// Every syntax error: its 0-based position, the length of the offending token, and a hint.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseQuery, QUERY_LIMITS, QuerySyntaxError } from '../../../src/listen/query/index.ts';

function error(query: string): QuerySyntaxError {
  try {
    parseQuery(query);
  } catch (e) {
    assert.ok(e instanceof QuerySyntaxError, `${query}: ${String(e)}`);
    return e;
  }
  assert.fail(`no error for ${query}`);
}

// query, position, length, message pattern, hint pattern
const CASES: [string, number, number, RegExp, RegExp][] = [
  ['', 0, 0, /empty/, /Type a word/],
  ['   ', 0, 3, /empty/, /Type a word/],
  ['a AND b OR c', 8, 2, /AND and OR cannot be mixed/, /"\(a AND b\) OR c" or "a AND \(b OR c\)"/],
  ['a OR b AND c', 7, 3, /AND and OR cannot be mixed/, /"\(a OR b\) AND c" or "a OR \(b AND c\)"/],
  ['a b OR c', 4, 2, /side by side mean AND/, /"\(a b\) OR c" or "a \(b OR c\)"/],
  ['a OR b c', 7, 1, /side by side mean AND/, /"\(a OR b\) c" or "a OR \(b c\)"/],
  ['a OR b NOT c', 7, 3, /side by side mean AND/, /parentheses/],
  ['a OR b -c', 7, 1, /side by side mean AND/, /parentheses/],
  ['(a AND b OR c)', 9, 2, /AND and OR/, /parentheses/],
  ['(a', 0, 1, /never closed/, /Add the \)/],
  ['((a OR b)', 0, 1, /never closed/, /Add the \)/],
  ['a)', 1, 1, /closes nothing/, /Remove it/],
  ['(a OR b))', 8, 1, /closes nothing/, /Remove it/],
  [') a', 0, 1, /closes nothing/, /Remove it/],
  ['()', 0, 2, /empty/, /Put a term inside/],
  ['a AND', 2, 3, /AND needs a term on its right/, /Remove AND/],
  ['a OR', 2, 2, /OR needs a term on its right/, /Remove OR/],
  ['a AND OR b', 2, 3, /AND needs a term on its right/, /Remove AND/],
  ['(a AND) b', 3, 3, /AND needs a term on its right/, /Remove AND/],
  ['AND a', 0, 3, /AND needs a term on its left/, /before it/],
  ['OR', 0, 2, /OR needs a term on its left/, /before it/],
  ['NOT', 0, 3, /NOT needs a term after it/, /exclude/],
  ['a AND NOT', 6, 3, /NOT needs a term after it/, /exclude/],
  ['a -', 2, 1, /lone -/, /without a space/],
  ['a - b', 2, 1, /lone -/, /without a space/],
  ['*abc', 0, 1, /cannot start a word/, /at least one letter/],
  ['a OR ?bc', 5, 1, /cannot start a word/, /at least one letter/],
  ["l'ély*", 0, 6, /within one word/, /phrase/],
  ['a NEAR b', 2, 4, /NEAR needs a distance/, /NEAR\/3/],
  ['a NEAR/ b', 2, 5, /NEAR needs a distance/, /NEAR\/3/],
  ['a NEAR/x b', 2, 6, /NEAR needs a distance/, /NEAR\/3/],
  ['a ONEAR b', 2, 5, /ONEAR needs a distance/, /NEAR\/3/],
  ['a near/3 b', 2, 6, /capitals/, /NEAR\/3/],
  ['a NEAR/101 b', 2, 8, /too large/, /at most 100/],
  ['NEAR/3 b', 0, 6, /needs a term on its left/, /before it/],
  ['a NEAR/3', 2, 6, /needs a term on its right/, /a NEAR\/3 b/],
  ['a NEAR/3 NOT b', 9, 3, /NOT cannot be used inside NEAR/, /AND NOT/],
  ['a NEAR/3 (b AND c)', 9, 9, /links words, phrases/, /outside/],
  ['#tag NEAR/3 b', 0, 4, /links words, phrases/, /outside/],
  ['a NEAR/3 lang:fr', 9, 7, /links words, phrases/, /outside/],
  ['"a b', 0, 1, /never closed/, /closing "/],
  ['a "b', 2, 1, /never closed/, /closing "/],
  ['""', 0, 2, /phrase is empty/, /words between the quotes/],
  ['"  "', 0, 4, /phrase is empty/, /words between the quotes/],
  ['"a b"~', 5, 1, /~ needs a number/, /"dsk sofitel"~5/],
  ['"a b"~x', 5, 1, /~ needs a number/, /"dsk sofitel"~5/],
  ['"a b"~1000', 5, 5, /too large/, /at most 100/],
  ['"&"~2', 0, 5, /no letter or digit/, /words/],
  ['a~3', 0, 3, /quoted phrase/, /"dsk sofitel"~5/],
  ['&', 0, 1, /no letter or digit/, /Remove it/],
  ['a OR ...', 5, 3, /no letter or digit/, /Remove it/],
  ['foo:bar', 0, 4, /no field foo:/, /title: author: site: url: lang: country: source: gender: sentiment: raw:/],
  ['a OR https://x.fr', 5, 6, /no field https:/, /quote it/],
  ['title: sofitel', 0, 6, /needs a value right after the colon/, /without a space/],
  ['title:', 0, 6, /needs a value right after the colon/, /without a space/],
  ['lang:-fr', 5, 1, /NOT goes before the field/, /NOT lang:fr/],
  ['title:NOT a', 6, 3, /NOT goes before the field/, /NOT title:/],
  ['title:lang:fr', 6, 5, /needs a word, a "phrase" or a \(group\)/, /title:/],
  ['title:(a lang:fr)', 9, 5, /lang: cannot be used inside title:/, /side by side/],
  ['lang:(fr OR raw:x)', 12, 4, /raw: cannot be used inside lang:/, /side by side/],
  ['title:#tag', 6, 4, /#hashtag cannot be used inside title:/, /on its own/],
  ['title:@cimes', 6, 6, /@handle cannot be used inside title:/, /on its own/],
  ['#', 0, 1, /hashtag is #/, /#CimesAlpha/],
  ['#a-b', 0, 4, /hashtag is #/, /#CimesAlpha/],
  ['@', 0, 1, /handle is @/, /@cimes/],
  ['@cimes!', 0, 7, /handle is @/, /@cimes/],
  ['raw:App*', 4, 4, /raw: takes one exact word/, /raw:Apple/],
  ['raw:"a b"~2', 4, 7, /raw: takes one exact word/, /raw:Apple/],
  ['raw:(a)', 4, 1, /raw: takes one exact word/, /raw:Apple/],
  ['sentiment:bad', 10, 3, /not a value of sentiment:/, /positive, neutral, negative/],
  ['source:tv', 7, 2, /not a value of source:/, /blog, news, forum, microblog, social, review, video/],
  ['gender:x', 7, 1, /not a value of gender:/, /female/],
  ['lang:french', 5, 6, /not a language code/, /lang:fr/],
  ['country:france', 8, 6, /not a country code/, /country:fr/],
  ['lang:f*', 5, 2, /Wildcards cannot be used in lang:/, /lang:fr/],
  ['site:*.gouv.fr', 5, 9, /Wildcards cannot be used in site:/, /subdomains/],
  ['lang:"a b"~2', 5, 7, /~2 works on text, not on lang:/, /title:/],
  ['lang:(fr NEAR/2 en)', 9, 6, /NEAR\/2 works on text, not on lang:/, /title:/],
  ['(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((a', 100, 1, /nests too deeply/, /at most 100/],
  [`${'NOT '.repeat(101)}a`, 400, 3, /nests too deeply/, /at most 100/],
  ['a'.repeat(QUERY_LIMITS.maxLength + 5), QUERY_LIMITS.maxLength, 5, /longer than/, /Split/],
];

for (const [query, position, length, message, hint] of CASES) {
  test(`error: ${query.length > 40 ? `${query.slice(0, 37)}…` : JSON.stringify(query)}`, () => {
    const e = error(query);
    assert.match(e.message, message);
    assert.match(e.hint, hint);
    assert.deepEqual({ position: e.position, length: e.length }, { position, length });
    assert.ok(e.position + e.length <= query.length);
  });
}

test('the error is a QuerySyntaxError with its name, for the edge to map to RELAIS_TOPIC_QUERY_INVALID', () => {
  const e = error('a AND b OR c');
  assert.equal(e.name, 'QuerySyntaxError');
  assert.ok(e instanceof Error);
});

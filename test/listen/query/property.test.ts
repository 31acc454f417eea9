// Property tests with a seeded generator: random trees print and parse back to themselves,
// random garbage only ever raises QuerySyntaxError and always quickly, and every query that
// parses compiles and runs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileQuery, fold, foldedWords, parseQuery, prepareDocument, printQuery, QuerySyntaxError } from '../../../src/listen/query/index.ts';
import { splitWords } from '../../../src/listen/query/fold.ts';
import { globMatch } from '../../../src/listen/query/glob-match.ts';
import { garbage, int, pick, randomMention, randomTree, seeded, vocabulary, zipfSampler } from './random.ts';

test('parseQuery(printQuery(tree)) gives the tree back, for 5,000 random trees', () => {
  const rng = seeded(42);
  const vocab = vocabulary(rng, 300);
  for (let i = 0; i < 5_000; i++) {
    const tree = randomTree(rng, vocab, 4);
    const text = printQuery(tree);
    assert.deepEqual(parseQuery(text), tree, text);
    // And printing is stable: the canonical text is its own canonical text.
    assert.equal(printQuery(parseQuery(text)), text);
  }
});

test('random trees compile and run on random mentions', () => {
  const rng = seeded(7);
  const vocab = vocabulary(rng, 300);
  const zipf = zipfSampler(vocab.length);
  const docs = Array.from({ length: 50 }, () => prepareDocument(randomMention(rng, vocab, zipf)));
  let matched = 0;
  for (let i = 0; i < 2_000; i++) {
    const m = compileQuery(randomTree(rng, vocab, 4));
    for (const d of docs) if (m(d)) matched++;
  }
  assert.ok(matched > 0);
});

test('garbage of up to 200 characters raises only QuerySyntaxError, inside the query, and never hangs', () => {
  const rng = seeded(1789);
  const vocab = vocabulary(rng, 50);
  const docs = [prepareDocument(randomMention(rng, vocab, zipfSampler(vocab.length)))];
  let valid = 0;
  let slowest = 0;
  for (let i = 0; i < 30_000; i++) {
    const query = garbage(rng, 200);
    const started = performance.now();
    try {
      const m = compileQuery(parseQuery(query));
      m(docs[0] as (typeof docs)[number]);
      valid++;
    } catch (e) {
      if (!(e instanceof QuerySyntaxError)) assert.fail(`${JSON.stringify(query)} threw ${String(e)}`);
      assert.ok(e.position >= 0 && e.length >= 0 && e.position + e.length <= query.length, `${JSON.stringify(query)}: ${e.position}+${e.length}`);
      assert.ok(e.hint.length > 0 && e.message.length > 0);
    }
    slowest = Math.max(slowest, performance.now() - started);
  }
  assert.ok(valid > 100, `${valid} valid queries among the garbage`);
  assert.ok(slowest < 100, `slowest parse took ${slowest.toFixed(1)} ms`);
});

test('wildcards stay linear on patterns that make regular expressions backtrack', () => {
  const word = 'a'.repeat(10_000);
  const started = performance.now();
  assert.equal(globMatch(`${'a*'.repeat(50)}b`, word), false);
  assert.equal(globMatch(`${'a*'.repeat(50)}`, word), true);
  assert.ok(performance.now() - started < 1_000);
  const m = compileQuery(parseQuery(`${'a*'.repeat(40)}b NEAR/5 ${'a?'.repeat(40)}`));
  assert.equal(m({ text: `${word} ${word} b`, hashtags: [], mentioned: [] }), false);
});

test('a huge mention is matched in linear time', () => {
  const text = Array.from({ length: 200_000 }, (_, i) => (i % 2 ? 'dsk' : 'sofitel')).join(' ');
  const started = performance.now();
  const d = prepareDocument({ text, hashtags: [], mentioned: [] });
  for (const q of ['dsk NEAR/3 sofitel', '"dsk sofitel"~2 AND NOT "sofitel sofitel"', '(dsk NEAR/1 sofitel) NEAR/1 dsk', 'dsk ONEAR/0 fmi', 'so*l NEAR/0 d?k']) {
    compileQuery(parseQuery(q))(d);
  }
  assert.ok(performance.now() - started < 5_000, `${(performance.now() - started).toFixed(0)} ms`);
});

test('the fast folding and word splitting agree with their Unicode definitions', () => {
  const reference = (s: string): string =>
    s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[œæßøłđıς]/g, (c) => ({ œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ı: 'i', ς: 'σ' })[c] ?? c);
  for (let c = 0; c < 0x3000; c++) {
    const ch = String.fromCharCode(c);
    if (c < 0xd800 || c > 0xdfff) assert.equal(fold(ch), reference(ch), `U+${c.toString(16)}`);
  }
  const rng = seeded(99);
  const alphabet = [...'aZéÉœŒßẞıİøØ çÇ1٣’\'-_.#@\u0301\u0308ΣσςДж😀𝐀中\t'];
  for (let i = 0; i < 5_000; i++) {
    const s = Array.from({ length: int(rng, 0, 30) }, () => pick(rng, alphabet)).join('');
    assert.equal(fold(s), reference(s), s);
    const words = [...s.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu)].map((m) => m[0]);
    assert.deepEqual(splitWords(s), words.map((w) => w.normalize('NFC')), s);
    assert.deepEqual(foldedWords(s), words.map(reference), s);
  }
});

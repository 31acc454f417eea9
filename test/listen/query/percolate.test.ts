// Percolation gives exactly what running every topic on every mention gives, while running only
// a few matchers per mention.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  compileQuery,
  createPercolator,
  type MatchDocument,
  parseQuery,
  type PercolateStats,
  prepareDocument,
  requiredKeys,
} from '../../../src/listen/query/index.ts';
import { pick, randomMention, randomTopic, randomTree, seeded, vocabulary, zipfSampler } from './random.ts';

const doc = (text: string, more: Partial<MatchDocument> = {}): MatchDocument => ({ text, hashtags: [], mentioned: [], ...more });

test('required keys: any child of an AND, every child of an OR, nothing under NOT', () => {
  const keys = (q: string): string[] | null => requiredKeys(parseQuery(q))?.map((k) => `${k.family}:${k.value}`).sort() ?? null;
  assert.deepEqual(keys('Élysée'), ['word:elysee']);
  assert.deepEqual(keys('"le sofitel"'), ['word:sofitel']);
  assert.deepEqual(keys('cimes AND le'), ['word:cimes']);
  assert.deepEqual(keys('(cimes OR "cimes & sentiers") AND NOT emploi'), ['word:cimes', 'word:sentiers']);
  assert.deepEqual(keys('#CimesAlpha OR @cimes'), ['hashtag:cimesalpha', 'mention:cimes']);
  assert.deepEqual(keys('lang:fr AND sentiment:negative AND (arnaque OR honte)'), ['word:arnaque', 'word:honte']);
  assert.deepEqual(keys('lang:fr AND sentiment:negative'), ['lang:fr']);
  assert.deepEqual(keys('elys* AND lang:fr'), ['prefix:elys']);
  assert.deepEqual(keys('author:cimes'), ['authorWord:cimes', 'handle:cimes']);
  assert.deepEqual(keys('site:www.lemonde.fr'), ['site:lemonde.fr']);
  assert.deepEqual(keys('raw:Apple'), ['word:apple']);
  assert.equal(keys('NOT cimes'), null);
  assert.equal(keys('cimes OR NOT emploi'), null);
  assert.equal(keys('url:lemonde'), null);
  assert.equal(keys('gender:unknown'), null);
});

test('add, match, replace and remove topics', () => {
  const p = createPercolator<number>();
  p.add(1, parseQuery('(cimes OR "cimes & sentiers") AND NOT emploi'));
  p.add(2, parseQuery('#CimesAlpha OR @cimes'));
  p.add(3, parseQuery('NOT cimes'));
  p.add(4, parseQuery('elys*'));
  p.add(5, parseQuery('lang:fr AND sentiment:negative AND (arnaque OR honte OR boycott)'));
  assert.equal(p.size, 5);
  assert.equal(p.alwaysChecked, 1);
  const m = (d: MatchDocument): number[] => p.match(prepareDocument(d));
  assert.deepEqual(m(doc('Les Cimes recrutent #cimesalpha')), [1, 2]);
  assert.deepEqual(m(doc('Cimes : emploi')), []);
  assert.deepEqual(m(doc("À l'Élysée, quelle honte", { lang: 'fr', sentiment: 'negative' })), [3, 4, 5]);
  p.add(4, parseQuery('matignon'));
  assert.deepEqual(m(doc("À l'Élysée")), [3]);
  assert.equal(p.remove(3), true);
  assert.equal(p.remove(3), false);
  assert.equal(p.alwaysChecked, 0);
  assert.deepEqual(m(doc("À l'Élysée, Matignon")), [4]);
  assert.equal(p.size, 4);
  // A raw mention is prepared on the way; the handle in the text is also the word "cimes".
  assert.deepEqual(p.match(doc('merci @cimes')), [1, 2]);
});

test('10,000 random topics: percolation equals brute force and runs few matchers per mention', (t) => {
  const rng = seeded(2011);
  const vocab = vocabulary(rng, 20_000);
  const zipf = zipfSampler(vocab.length);
  const topics = Array.from({ length: 10_000 }, () => parseQuery(randomTopic(rng, vocab)));
  const matchers = topics.map(compileQuery);
  const p = createPercolator<number>();
  topics.forEach((ast, i) => p.add(i, ast));
  const docs = Array.from({ length: 2_000 }, () => prepareDocument(randomMention(rng, vocab, zipf)));

  const stats: PercolateStats = { documents: 0, evaluated: 0, matched: 0 };
  for (const d of docs) {
    const expected: number[] = [];
    for (let i = 0; i < matchers.length; i++) if ((matchers[i] as (typeof matchers)[number])(d)) expected.push(i);
    assert.deepEqual(p.match(d, stats), expected);
  }
  const perDoc = stats.evaluated / stats.documents;
  t.diagnostic(
    `${topics.length} topics, ${stats.documents} mentions: ${perDoc.toFixed(1)} matchers run per mention ` +
      `(${((100 * perDoc) / topics.length).toFixed(2)} % of topics; ${p.alwaysChecked} always checked), ` +
      `${(stats.matched / stats.documents).toFixed(2)} matches per mention`,
  );
  assert.ok(stats.matched > 0, 'the random topics match something');
  assert.ok(perDoc < topics.length * 0.05, `${perDoc} matchers per mention`);
});

test('every construct is filed soundly: 3,000 random trees from the grammar equal brute force', () => {
  // A small vocabulary so that random trees do match; fields, raw:, wildcards with one-letter
  // prefixes, author: and NEARs all go through requiredKeys here.
  const rng = seeded(1968);
  const vocab = vocabulary(rng, 200);
  const zipf = zipfSampler(vocab.length);
  const trees = Array.from({ length: 3_000 }, () => randomTree(rng, vocab, 3));
  const matchers = trees.map(compileQuery);
  const p = createPercolator<number>();
  trees.forEach((ast, i) => p.add(i, ast));
  let matched = 0;
  for (let j = 0; j < 300; j++) {
    const d = prepareDocument(randomMention(rng, vocab, zipf));
    const expected = matchers.flatMap((m, i) => (m(d) ? [i] : []));
    assert.deepEqual(p.match(d), expected);
    matched += expected.length;
  }
  assert.ok(matched > 300, `${matched} matches`);
  // Removing every other topic leaves exactly the others.
  for (let i = 0; i < trees.length; i += 2) p.remove(i);
  const d = prepareDocument(randomMention(rng, vocab, zipf));
  assert.deepEqual(p.match(d), matchers.flatMap((m, i) => (i % 2 === 1 && m(d) ? [i] : [])));
});

test('re-filing topics under their measured rarest keys never changes the matches', () => {
  // A skewed stream: one word ("cimes") in most mentions, so the topics first filed under it
  // move to rarer words as the counts come in; re-filing runs many times here.
  const rng = seeded(404);
  const vocab = vocabulary(rng, 300);
  const zipf = zipfSampler(vocab.length);
  const common = vocab[0] as string;
  const rare = vocab.slice(1, 60);
  const topics = Array.from({ length: 2_000 }, (_, i) =>
    i % 3 === 0 ? parseQuery(`"${common} ${pick(rng, rare)}" OR #${pick(rng, rare).normalize('NFD').replace(/\p{M}/gu, '')}`) : i % 3 === 1 ? parseQuery(`${common} AND ${pick(rng, rare)}*`) : randomTree(rng, vocab, 3),
  );
  const matchers = topics.map(compileQuery);
  const p = createPercolator<number>({ sampleEvery: 1, firstReplan: 8 });
  const fixed = createPercolator<number>({ firstReplan: Number.MAX_SAFE_INTEGER });
  const stats: PercolateStats = { documents: 0, evaluated: 0, matched: 0 };
  const fixedStats: PercolateStats = { documents: 0, evaluated: 0, matched: 0 };
  topics.forEach((ast, i) => (p.add(i, ast), fixed.add(i, ast)));
  for (let j = 0; j < 600; j++) {
    const m = randomMention(rng, vocab, zipf);
    if (j % 10 !== 0) m.text = `${common} ${m.text}`;
    const d = prepareDocument(m);
    // A topic replaced midway is filed afresh and still counted right.
    if (j === 300) {
      const ast = parseQuery(`${common} AND ${rare[0] as string}`);
      p.add(5, ast);
      fixed.add(5, ast);
      matchers[5] = compileQuery(ast);
    }
    const expected = matchers.flatMap((matcher, i) => (matcher(d) ? [i] : []));
    // (A replaced topic comes last: matches are in the order topics were added.)
    const byId = (ids: number[]) => ids.sort((a, b) => a - b);
    assert.deepEqual(byId(p.match(d, stats)), expected);
    assert.deepEqual(byId(fixed.match(d, fixedStats)), expected);
  }
  assert.ok(stats.matched > 0);
  // And the measured keys let fewer topics through than the keys guessed from their form.
  assert.ok(stats.evaluated < fixedStats.evaluated * 0.8, `${stats.evaluated} run with measured keys, ${fixedStats.evaluated} with guessed ones`);
});

// Keywords: words folded and filtered, names found, and Dunning's G² checked against his own
// entropy formulation (a different formula for the same number).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentWords, keyTerms, logLikelihood, namesIn } from '../../../src/listen/dashboard/terms.ts';

test('content words: lower case, accents and elisions removed, stop words, links and entities left out', () => {
  assert.deepEqual(contentWords("L'affaire Delorme : le ministre arrêté à Genève https://x.fr/a #AffaireDelorme @lemonde, and the judge"), ['affaire', 'delorme', 'ministre', 'arrete', 'geneve', 'judge']);
});

test('names: two or three capitalised words, a capitalised stop word opening them dropped', () => {
  assert.deepEqual(namesIn('Et Bertrand Delorme a vu Élise Marchand. Le Président en parle avec Jean-Pierre Durand.'), ['Bertrand Delorme', 'Élise Marchand', 'Jean-Pierre Durand']);
});

test('log-likelihood: equals Dunning’s entropy form, zero for equal rates, symmetric', () => {
  // 2·(H(k) − H(rows) − H(cols)) with H(k) = Σ k ln(k/N): 22.9078035446 for 10/100 against 10/1000.
  assert.ok(Math.abs(logLikelihood(10, 100, 10, 1000) - 22.90780354461924) < 1e-9);
  assert.equal(logLikelihood(5, 100, 50, 1000), 0);
  assert.ok(Math.abs(logLikelihood(10, 100, 10, 1000) - logLikelihood(10, 1000, 10, 100)) < 1e-9);
});

test('key terms rank what is over-represented against the background, counted once per text', () => {
  const topic = ['boycott boycott boycott cimes', 'boycott cimes arnaque', 'cimes arnaque honte', 'cimes veste', 'boycott veste'];
  const background = ['cimes veste', 'veste randonnée', 'cimes randonnée', 'veste pluie', 'cimes pluie', 'veste neige'];
  const result = keyTerms(topic, background, { minCount: 2 });
  assert.equal(result.sampled, 5);
  assert.equal(result.keywords[0]!.term, 'boycott');
  assert.equal(result.keywords[0]!.count, 3, 'a word counts once per mention');
  assert.ok(!result.keywords.some((k) => k.term === 'veste'), 'as frequent in the background: not a keyword');
  assert.deepEqual(keyTerms(topic, null, { minCount: 2 }).keywords.map((k) => k.term).slice(0, 2), ['cimes', 'boycott']);
});

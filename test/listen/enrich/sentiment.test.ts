// Sentiment: each rule of the scorer, and the committed labelled posts (fixtures/sentiment-examples.tsv).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseTsv } from '../../../src/listen/enrich/measure.ts';
import { analyzeSentiment, sentimentLabel } from '../../../src/listen/enrich/sentiment.ts';

const score = (text: string, lang: string) => analyzeSentiment(text, lang).score;

test('negation flips: "pas bon", "n\'est pas", "j\'aime pas", "not good"', () => {
  assert.ok(score("C'est bon", 'fr') > 0.05);
  assert.ok(score("C'est pas bon", 'fr') < -0.05);
  assert.ok(score("Ce n'est pas bon", 'fr') < -0.05, 'ne…pas counts once');
  assert.ok(score("J'aime pas ça", 'fr') < -0.05);
  assert.ok(score('This is good', 'en') > 0.05);
  assert.ok(score('This is not good', 'en') < -0.05);
  assert.ok(score("I don't like it", 'en') < -0.05);
});

test('intensifiers strengthen and dampeners weaken', () => {
  assert.ok(score("C'est très bon", 'fr') > score("C'est bon", 'fr'));
  assert.ok(score('This is very good', 'en') > score('This is good', 'en'));
  assert.ok(score('This is slightly good', 'en') < score('This is good', 'en'));
});

test('contrast: what follows "mais"/"but" weighs more', () => {
  assert.equal(analyzeSentiment('Le produit est beau mais le service est nul', 'fr').label, 'negative');
  assert.equal(analyzeSentiment('Le service est nul mais le produit est magnifique', 'fr').label, 'positive');
  assert.equal(analyzeSentiment('The food was great but the service was awful', 'en').label, 'negative');
});

test('emoji and emoticons carry sentiment', () => {
  assert.equal(analyzeSentiment('Nouvelle veste 😍', 'fr').label, 'positive');
  assert.equal(analyzeSentiment('Nouvelle veste 😡', 'fr').label, 'negative');
  assert.equal(analyzeSentiment('New jacket :)', 'en').label, 'positive');
  assert.equal(analyzeSentiment('New jacket :(', 'en').label, 'negative');
  assert.equal(analyzeSentiment('New jacket ❤️', 'en').label, 'positive');
});

test('exclamation marks and capitals intensify', () => {
  assert.ok(score('This is good!!!', 'en') > score('This is good', 'en'));
  assert.ok(score('This is GOOD, really', 'en') > score('This is good, really', 'en'));
});

test('the buzz lexicon: honte, arnaque, boycott, scandale, scam, rip-off, disgrace', () => {
  for (const text of ['Quelle honte', "C'est une arnaque", 'Boycott !', 'Un vrai scandale', 'Foutage de gueule']) assert.equal(analyzeSentiment(text, 'fr').label, 'negative', text);
  for (const text of ['Total scam', 'What a rip-off', 'A disgrace', 'Never again']) assert.equal(analyzeSentiment(text, 'en').label, 'negative', text);
  assert.equal(analyzeSentiment('Pas mal du tout', 'fr').label, 'positive', '"pas mal" is praise');
});

test('scores stay in [-1, 1]; thresholds are documented', () => {
  const s = analyzeSentiment('HONTE HONTE HONTE arnaque scandale boycott 🤬🤬🤬 !!!!!!', 'fr');
  assert.ok(s.score >= -1 && s.score < -0.9);
  assert.equal(sentimentLabel(0.05), 'positive');
  assert.equal(sentimentLabel(0.049), 'neutral');
  assert.equal(sentimentLabel(-0.05), 'negative');
});

test('other languages and empty texts are neutral', () => {
  assert.deepEqual(analyzeSentiment('Das ist sehr gut', 'de'), { label: 'neutral', score: 0 });
  assert.deepEqual(analyzeSentiment('', 'fr'), { label: 'neutral', score: 0 });
});

test('labelled posts', (t) => {
  const rows = parseTsv(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'sentiment-examples.tsv'), 'utf8'));
  const wrong = rows.filter(([lang, label, text]) => analyzeSentiment(text as string, lang as string).label !== label);
  t.diagnostic(`${rows.length - wrong.length}/${rows.length} right; wrong: ${JSON.stringify(wrong)}`);
  // Known miss: "Nouvelle collection disponible en ligne" reads mildly positive (Pattern and
  // AFINN rate "nouvelle", "collection", "disponible" above zero).
  assert.ok(wrong.length <= 2, `${wrong.length} wrong`);
});

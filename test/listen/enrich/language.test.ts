// Language detection: the committed short posts (fixtures/lang-sentences.tsv) and the rule for
// texts too short to say.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { detectLanguage } from '../../../src/listen/enrich/language.ts';
import { parseTsv, scoreLanguage } from '../../../src/listen/enrich/measure.ts';

const rows = parseTsv(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'lang-sentences.tsv'), 'utf8')).map(([lang, text]) => ({ lang: lang as string, text: text as string }));

test('de, es, it, pt, nl posts are recognised', (t) => {
  const s = scoreLanguage(rows, (text) => detectLanguage(text));
  t.diagnostic(`accuracy ${s.accuracy.toFixed(3)} coverage ${s.coverage.toFixed(3)} on ${s.n}`);
  assert.ok(s.accuracy >= 0.97, `accuracy ${s.accuracy}`);
});

test('French and English posts', () => {
  assert.equal(detectLanguage("Le service client ne répond jamais, c'est vraiment pénible"), 'fr');
  assert.equal(detectLanguage('The customer service never answers, it is really annoying'), 'en');
  assert.equal(detectLanguage('Merci pour la veste, elle est parfaite https://example.com/x #montagne @marque'), 'fr');
});

test("too short or no prose is 'und'", () => {
  assert.equal(detectLanguage(''), 'und');
  assert.equal(detectLanguage('ok'), 'und');
  assert.equal(detectLanguage('😂😂😂'), 'und');
  assert.equal(detectLanguage('https://example.com/a-long-path #hashtag @someone'), 'und');
});

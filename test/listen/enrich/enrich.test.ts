// enrich(): the four enrichments on one mention, and what it takes from the source.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { enrich } from '../../../src/listen/enrich/index.ts';
import type { MentionInput } from '../../../src/listen/model.ts';

function mention(over: Partial<MentionInput>): MentionInput {
  return {
    network: 'mastodon', networkId: '1', sourceType: 'microblog', url: null, author: null, publishedAt: 0, title: null,
    text: '', lang: null, links: [], hashtags: [], mentioned: [], replyTo: null, quoteOf: null, reshareOf: null, engagement: {}, raw: null,
    ...over,
  };
}

test('a French complaint by a woman in Lyon', () => {
  const e = enrich(mention({ text: "Quelle honte, c'est une arnaque ce nouveau forfait ! #boycott", author: { handle: 'claire_f@mastodon.social', displayName: 'Claire Fontaine', location: 'Lyon, France' } }));
  assert.equal(e.lang, 'fr');
  assert.equal(e.sentiment, 'negative');
  assert.ok(e.sentimentScore < -0.5);
  assert.equal(e.gender, 'f');
  assert.ok(e.genderP! > 0.9);
  assert.equal(e.country, 'FR');
});

test("the source's language is kept; an organisation has no gender; a news site's country comes from its domain", () => {
  const e = enrich(mention({ network: 'web', sourceType: 'news', url: 'https://www.lesoir.be/123/article', lang: 'fr-BE', title: 'Un lancement réussi', text: 'La marque présente sa nouvelle veste, un succès.', author: { handle: 'lesoir.be', displayName: 'Le Soir' } }));
  assert.equal(e.lang, 'fr');
  assert.equal(e.gender, 'unknown');
  assert.equal(e.genderP, null);
  assert.equal(e.country, 'BE');
});

test('an ambiguous name keeps its share; no author, no location', () => {
  const e = enrich(mention({ text: 'Great jacket, thanks!', author: { handle: 'dom', displayName: 'Dominique' } }));
  assert.equal(e.lang, 'en');
  assert.equal(e.sentiment, 'positive');
  assert.equal(e.gender, 'unknown');
  assert.ok(e.genderPFemale! > 0.5);
  assert.equal(e.country, null);
  const none = enrich(mention({ text: 'ok' }));
  assert.deepEqual(none, { lang: 'und', sentiment: 'neutral', sentimentScore: 0, gender: 'unknown', genderP: null, genderPFemale: null, country: null });
});

test('a text too short to tell its language keeps a clear sentiment, and only a clear one', () => {
  const base = { network: 'mastodon', networkId: '1', sourceType: 'microblog' as const, url: null, author: null, publishedAt: 0, title: null, lang: null, links: [], hashtags: [], mentioned: [], replyTo: null, quoteOf: null, reshareOf: null, engagement: {}, raw: null };
  const complaint = enrich({ ...base, text: 'Cimes: arnaque, boycott !' });
  assert.equal(complaint.lang, 'und');
  assert.equal(complaint.sentiment, 'negative');
  assert.equal(enrich({ ...base, text: 'ok' }).sentiment, 'neutral');
});

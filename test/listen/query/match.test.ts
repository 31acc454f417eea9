// What a query matches: folding, raw:, phrases, wildcards, proximity, fields, hashtags, handles.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileQuery, fold, foldedWords, type MatchDocument, parseQuery, prepareDocument } from '../../../src/listen/query/index.ts';

const doc = (text: string, more: Partial<MatchDocument> = {}): MatchDocument => ({ text, hashtags: [], mentioned: [], ...more });
const matches = (query: string, d: MatchDocument): boolean => compileQuery(parseQuery(query))(prepareDocument(d));

function check(d: MatchDocument, yes: string[], no: string[]): void {
  for (const q of yes) assert.equal(matches(q, d), true, `${q} should match ${JSON.stringify(d.text)}`);
  for (const q of no) assert.equal(matches(q, d), false, `${q} should not match ${JSON.stringify(d.text)}`);
}

test('folding removes accents and case and splits ligatures', () => {
  assert.equal(fold('ÉLYSÉE'), 'elysee');
  assert.equal(fold('Œuvre Ægée Straße'), 'oeuvre aegee strasse');
  assert.equal(fold('e\u0301te\u0301'), 'ete');
  assert.deepEqual(foldedWords("L'Élysée, aujourd’hui ; covid-19"), ['l', 'elysee', 'aujourd', 'hui', 'covid', '19']);
});

test('terms are accent- and case-insensitive both ways', () => {
  for (const text of ['Élysée', 'ELYSÉE', 'elysee', 'ÉlYsÉe', 'E\u0301lyse\u0301e']) {
    check(doc(`Réunion à l'${text} ce matin`), ['elysee', 'Élysée', 'ELYSEE', 'élysée'], ['elyse', 'lysee']);
  }
  check(doc('Le chef-d’œuvre de la STRASSE'), ['oeuvre', 'œuvre', 'straße', 'strasse', 'chef'], ['chefdoeuvre']);
});

test('a term matches whole words only', () => {
  check(doc('Les cimes enneigées'), ['cimes', 'enneigees'], ['cime', 'neige', 'es']);
});

test('French elision: an apostrophe splits, so the noun is found alone or with its article', () => {
  const d = doc("Communiqué de l'Élysée et d’Orange");
  check(d, ['elysee', "l'elysee", 'l’Élysée', '"l elysee"', 'orange', "d'orange"], ["d'elysee", "l'orange"]);
});

test('phrases match consecutive words in order, across punctuation', () => {
  const d = doc('DSK arrêté à New-York : le FMI sous le choc.');
  check(d, ['"new york"', '"New-York"', '"arrete a new york"', '"york le fmi"', 'new-york'], ['"york new"', '"dsk a"', '"fmi le"']);
  check(doc('cimes & sentiers'), ['"cimes & sentiers"', '"cimes sentiers"', '"cimes et sentiers" OR cimes'], ['"cimes et sentiers"']);
});

test('raw: is exact in case and accents', () => {
  const d = doc('Apple et le Monde, pas apple ni le monde ; Élysée');
  check(d, ['raw:Apple', 'raw:apple', 'raw:"le Monde"', 'raw:"le monde"', 'raw:Élysée', 'raw:E\u0301lyse\u0301e'], ['raw:APPLE', 'raw:"Le Monde"', 'raw:Elysee', 'raw:élysée']);
  check(doc('apple seulement'), ['apple', 'Apple'], ['raw:Apple']);
});

test('wildcards: * any run of letters (maybe none), ? exactly one, within one word', () => {
  const d = doc('Les organisations du Vercors organisent le Pérou');
  check(d, ['organ*', 'organisation*', 'vercor?', 'v?rcors', 'per*', 'p?rou', 'organi?ations', 'o*s', 'org*nt'], ['vercors?', 'organiz*', 'p?ou', 'xorg*']);
  check(doc('organization'), ['organi?ation', 'organi?ation*'], ['organi?tion']);
  check(doc('cime'), ['cime*'], ['cime?']);
});

test('NEAR/n: within n other words, either order; ONEAR/n: in order', () => {
  const d = doc('DSK a été arrêté hier soir au Sofitel de New York');
  check(
    d,
    ['dsk NEAR/6 sofitel', 'sofitel NEAR/6 dsk', 'dsk ONEAR/6 sofitel', 'sofitel NEAR/2 york', 'sofitel NEAR/1 "new york"', '"new york" NEAR/2 sofitel', '(fmi OR dsk) NEAR/3 arr*', 'sofitel ONEAR/2 york', 'sofitel NEAR/0 de'],
    ['dsk NEAR/5 sofitel', 'sofitel NEAR/1 york', 'sofitel ONEAR/6 dsk', 'york ONEAR/3 sofitel', 'sofitel NEAR/0 new', 'dsk NEAR/9 fmi'],
  );
  // Nested: (dsk within 6 of sofitel) within 2 of york, measured from the span covering both.
  check(d, ['dsk NEAR/6 sofitel NEAR/2 york', 'york NEAR/2 (dsk NEAR/6 sofitel)'], ['dsk NEAR/6 sofitel ONEAR/2 hier']);
  // A word does not stand near itself.
  check(doc('cimes'), [], ['cimes NEAR/3 cimes']);
  check(doc('cimes et cimes'), ['cimes NEAR/3 cimes'], []);
});

test('"a b"~n: all the words, any order, with at most n other words among them', () => {
  const d = doc('Le directeur du FMI, DSK, logeait au Sofitel.');
  check(d, ['"dsk sofitel"~5', '"sofitel dsk"~5', '"fmi dsk sofitel"~2', '"dsk sofitel"~2', '"dsk fmi"~0'], ['"dsk sofitel"~1', '"fmi dsk sofitel"~1', '"dsk hotel"~10']);
  check(doc('tout tout'), ['"tout tout"~0'], []);
  check(doc('tout seul'), [], ['"tout tout"~3']);
});

test('the title is searched with the text, but a phrase or NEAR never spans them', () => {
  const d = doc('Sofitel : la version longue de DSK', { title: 'Affaire DSK' });
  check(d, ['affaire', 'title:affaire', 'title:dsk', 'title:"affaire dsk"', 'sofitel', 'title:(affaire AND NOT sofitel)'], ['title:sofitel', '"dsk sofitel"', 'dsk ONEAR/0 sofitel', '"dsk sofitel"~3', 'title:(dsk NEAR/5 sofitel)']);
  // The title's DSK and the text's Sofitel are next to each other only across the boundary.
  check(d, ['dsk NEAR/4 sofitel'], ['dsk NEAR/3 sofitel']);
});

test('boolean operators and the - prefix', () => {
  const d = doc('Les Cimes & Sentiers recrutent');
  check(
    d,
    ['(cimes OR "cimes & sentiers") AND NOT emploi', 'cimes -emploi', 'cimes sentiers', 'NOT emploi', 'emploi OR recrutent', 'NOT NOT cimes'],
    ['cimes AND emploi', '-cimes', 'cimes -(sentiers OR emploi)', 'cimes -"cimes & sentiers"'],
  );
});

test('#hashtags and @handles: from the mention lists and from the text, folded', () => {
  const listed = doc('rien ici', { hashtags: ['#CimesAlpha', 'Été2026'], mentioned: ['@Cimes', 'bob@mastodon.social'] });
  check(listed, ['#cimesalpha', '#CIMESALPHA', '#ete2026', '@cimes', '@bob', '@bob@mastodon.social', '#CimesAlpha OR @cimes'], ['#cimes', '@alice', 'cimesalpha', '@bob@other.social']);
  const inText = doc('Bravo #CimesAlpha et @cimes@mastodon.social ! Écrivez à contact@cimes.fr ou lisez l’article#2.');
  check(inText, ['#cimesalpha', '@cimes', '@cimes@mastodon.social', 'cimesalpha'], ['#2', '@cimes.fr', '#article']);
  check(doc('merci @cimes.'), ['@cimes'], []);
});

test('fields: lang, country, source, gender, sentiment compare whole values', () => {
  const d = doc('arnaque', { lang: 'fr-CA', country: 'FR', sourceType: 'blog', gender: 'f', sentiment: 'negative' });
  check(
    d,
    ['lang:fr', 'lang:FR-ca', 'country:fr', 'country:FR', 'source:blog', 'gender:f', 'gender:female', 'gender:femme', 'sentiment:negative', 'sentiment:négatif', 'lang:fr AND sentiment:negative AND (arnaque OR honte OR boycott)', 'lang:(en OR fr)'],
    ['lang:en', 'lang:fr-fr', 'country:be', 'source:news', 'gender:m', 'gender:unknown', 'sentiment:positive', 'NOT lang:fr'],
  );
  const unknown = doc('x');
  check(unknown, ['gender:unknown', 'NOT lang:fr', 'NOT sentiment:negative'], ['gender:f', 'lang:fr', 'country:fr', 'site:lemonde.fr', 'url:lemonde']);
});

test('site: matches the host and its subdomains; url: a part of the address', () => {
  const d = doc('x', { url: 'https://www.Blog.LeMonde.fr/Politique/2011/05/15/dsk?utm=1' });
  check(d, ['site:lemonde.fr', 'site:www.lemonde.fr', 'site:blog.lemonde.fr', 'site:https://lemonde.fr/', 'site:fr', 'url:politique/2011', 'url:"2011/05"', 'url:dsk?utm'], ['site:monde.fr', 'site:news.lemonde.fr', 'site:lemonde.com', 'url:2012']);
  check(doc('x', { site: 'liberation.fr', url: 'https://example.com/a' }), ['site:liberation.fr', 'url:example.com'], ['site:example.com']);
});

test('author: a handle compared whole, or words of the display name', () => {
  const d = doc('x', { authorHandle: '@Cimes_Alpha@mastodon.social', authorName: 'Élodie Martin' });
  check(
    d,
    ['author:cimes_alpha', 'author:@cimes_alpha', 'author:cimes_alpha@mastodon.social', 'author:elodie', 'author:"Élodie Martin"', 'author:mart*', 'author:cimes_*', 'author:(martin OR durand)'],
    ['author:cimes', 'author:"martin elodie"', 'author:durand', 'author:mastodon', 'cimes_alpha', 'elodie', '@cimes_alpha'],
  );
});

test('a matcher takes a raw mention as well as a prepared one', () => {
  const m = compileQuery(parseQuery('elysee'));
  assert.equal(m(doc("À l'ÉLYSÉE")), true);
  assert.equal(m(prepareDocument(doc("À l'ÉLYSÉE"))), true);
  assert.equal(m(doc('Matignon')), false);
});

test('an empty mention matches only what needs nothing', () => {
  const d = doc('');
  check(d, ['NOT cimes', 'gender:unknown'], ['cimes', '"a b"', 'a*', '#a', '@a', 'a NEAR/2 b', 'title:a']);
});

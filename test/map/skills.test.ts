import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distinctiveTerms, matchSkill, parseSkillQuery, postTerms, skillProfile, skillWords, stemEn } from '../../src/map/skills.ts';

test('skill words are folded, split and stripped of French and English stop words', () => {
  assert.deepEqual(skillWords("Passions : l'escalade, la COMPTABILITÉ et the Japanese translation !"), ['passions', 'escalade', 'comptabilite', 'japanese', 'translation']);
  assert.deepEqual(['climbers', 'climbing', 'running', 'studies', 'process'].map(stemEn), ['climb', 'climb', 'run', 'study', 'process']);
});

test('a query matches bios across accents, case, plural and stems; phrases in a tag or bio count fully', () => {
  const profile = skillProfile('Guide. Passions : escalade, traduction japonais, comptabilité.', ['Levée de fonds'], ['#CimesAlpha', 'bivouacs']);
  const m = (q: string) => matchSkill(profile, parseSkillQuery(q));
  assert.equal(m('Comptabilite').score, 1);
  assert.equal(m('traductions').score, 1);
  assert.equal(m('escalader').score, 1);
  assert.equal(m('traduction japonais').phrase, 'bio');
  assert.equal(m('levée de fonds').phrase, 'tag');
  assert.equal(m('levée de fonds').score, 1);
  // Hashtags and post words count less than what one says of oneself.
  assert.equal(m('cimesalpha').score, 0.8);
  assert.equal(m('bivouac').score, 0.6);
  assert.equal(m('menuiserie').score, 0);
  assert.equal(m('comptabilité menuiserie').score, 0.5);
  assert.deepEqual(m('comptabilité').evidence, [{ word: 'comptabilite', source: 'bio', found: 'comptabilite' }]);
  assert.equal(matchSkill(profile, parseSkillQuery('de la')).score, 0);
});

test('post terms: hashtags and repeated words, most frequent first', () => {
  const terms = postTerms(['Sortie escalade au Salève', 'Escalade encore, quel rocher', 'Une photo'], ['Grimpe', 'grimpe', 'Salève']);
  assert.deepEqual(terms.slice(0, 3), ['#grimpe', '#saleve', 'escalade']); // ties: alphabetical
  assert.ok(!terms.includes('photo'));
});

test('community labels are the words its members use more than the rest', () => {
  const members = [['escalade', 'guide'], ['escalade', 'photo'], ['escalade', 'guide']];
  const all = new Map([['escalade', 3], ['guide', 4], ['photo', 50]]);
  assert.deepEqual(distinctiveTerms(members, all, 100), ['escalade', 'guide']);
});

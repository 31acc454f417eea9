// Author gender: first-name extraction, organisations, ambiguous names with their real share,
// and the Paris register's repair (fixtures/paris-sample.csv: rows copied from Ville de Paris,
// "Liste des prénoms 2004 à 2012", ODbL 1.0).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { firstNameCandidates, inferGender } from '../../../src/listen/enrich/gender.ts';
import { parseParis } from '../../../src/listen/enrich/name-table.ts';
import { isOrganisation } from '../../../src/listen/enrich/organisation.ts';

const fr = (displayName: string | null, handle = 'x') => inferGender({ displayName, handle }, { lang: 'fr' });

test('the first name is found in display names and handles as people write them', () => {
  assert.deepEqual(firstNameCandidates('Claire Fontaine'), ['claire']);
  assert.deepEqual(firstNameCandidates('Dr. Jean-Pierre Martin'), ['jean-pierre', 'jean']);
  assert.deepEqual(firstNameCandidates('Marie-Ève'), ['marie-ève', 'marie']);
  assert.deepEqual(firstNameCandidates('FONTAINE Claire'), ['claire']);
  assert.deepEqual(firstNameCandidates('ClaireFontaine 🏔️'), ['claire']);
  assert.equal(fr(null, 'claire_f').gender, 'f');
  assert.equal(fr(null, 'claire.fontaine@mastodon.social').gender, 'f');
});

test('clear names get their gender and a probability', () => {
  for (const [name, gender] of [['Claire Fontaine', 'f'], ['Dr. Jean-Pierre Martin', 'm'], ['Marie-Ève Tremblay', 'f'], ['Thomas Durand', 'm'], ['Stéphane Blanc', 'm'], ['Renée Dupuis', 'f']] as const) {
    const g = fr(name);
    assert.equal(g.gender, gender, name);
    assert.ok((g.p as number) >= 0.9, `${name}: ${g.p}`);
  }
});

test('ambiguous names come out unknown or with their real share', () => {
  const dominique = fr('Dominique Blanc');
  assert.equal(dominique.gender, 'unknown');
  assert.ok(dominique.pFemale! > 0.6 && dominique.pFemale! < 0.8, `Dominique ${dominique.pFemale}`);
  const camille = fr('Camille Durand');
  assert.ok(camille.pFemale! > 0.9 && camille.pFemale! < 0.97, `Camille ${camille.pFemale}: boys are ~7 % of Paris Camilles`);
  const sacha = fr('Sacha Lemoine');
  assert.ok(sacha.pFemale! > 0.005 && sacha.pFemale! < 0.05, `Sacha ${sacha.pFemale}`);
  const claude = fr('Claude Petit');
  assert.ok(claude.pFemale! > 0 && claude.pFemale! < 0.05, `Claude ${claude.pFemale}`);
  // "Jean" is a man in Paris and mostly a woman in the US register.
  assert.equal(inferGender({ displayName: 'Jean Dupont' }, { lang: 'fr' }).gender, 'm');
  assert.ok(inferGender({ displayName: 'Jean Smith' }, { lang: 'en' }).pFemale! > 0.9);
  // A threshold above a name's share makes it unknown.
  assert.equal(inferGender({ displayName: 'Camille Durand' }, { lang: 'fr', threshold: 0.97 }).gender, 'unknown');
});

test('organisations and unknown names are unknown', () => {
  for (const name of ['Le Monde', 'SNCF', 'Club Alpin Annecy', 'Décathlon Officiel', 'Cimes SAS', 'Acme Inc', 'The Verge']) {
    assert.equal(fr(name).gender, 'unknown', name);
    assert.equal(fr(name).reason, 'organisation', name);
  }
  assert.ok(isOrganisation('Marie Dupont', 'lyon_news'));
  assert.ok(!isOrganisation('Marie Dupont', 'marie_d'));
  assert.equal(fr('MARIE').gender, 'f', 'a first name in capitals is a person');
  assert.ok(isOrganisation('EDF', 'edf'), 'a brand in capitals is not');
  assert.equal(fr('Xqzt Vrbl').gender, 'unknown');
  assert.equal(fr('🏔️🏔️').reason, 'no-name');
});

test("Paris's 2011–2012 duplicate rows are read as the other sex; 2013 and X rows are left out", () => {
  const rows = parseParis(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'paris-sample.csv'), 'utf8'));
  const by = Object.fromEntries(rows.map((r) => [r.name, [r.female, r.male]]));
  assert.deepEqual(by.Camille, [253 + 184, 70]);
  assert.deepEqual(by.Sacha, [13, 165]);
  assert.deepEqual(by.Louise, [156, 0]);
  assert.equal(by.Dominique, undefined);
});

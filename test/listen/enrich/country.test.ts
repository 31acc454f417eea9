// Country from a profile location: the committed labelled set (fixtures/locations.tsv) and the
// rules it relies on.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { DEFAULT_GAZETTEER as gazetteer } from '../../../src/listen/enrich/cities.ts';
import { countryFromUrl, resolveCountry } from '../../../src/listen/enrich/country.ts';
import { parseTsv, scoreCountries } from '../../../src/listen/enrich/measure.ts';

const country = (location: string, favour: string[] = []) => resolveCountry(location, gazetteer, { favour });

test('the examples of the brief', () => {
  assert.equal(country('Lyon, France'), 'FR');
  assert.equal(country('Grenoble (38)'), 'FR');
  assert.equal(country('Montréal, QC'), 'CA');
  assert.equal(country('Paname'), 'FR');
  assert.equal(country('Bruxelles'), 'BE');
  assert.equal(country('NYC'), 'US');
  assert.equal(country('UK'), 'GB');
  assert.equal(country('Sur les sentiers'), null);
});

test('the most populous place wins unless a qualifier says otherwise', () => {
  assert.equal(country('Paris'), 'FR');
  assert.equal(country('Paris, TX'), 'US');
  assert.equal(country('London'), 'GB');
  assert.equal(country('London, Ontario'), 'CA');
  assert.equal(country('Vancouver'), 'CA');
  assert.equal(country('Vancouver, WA'), 'US');
  // Brest, Belarus is larger than Brest, France, but not for a French-speaking audience.
  assert.equal(country('Brest'), 'BY');
  assert.equal(country('Brest', ['FR']), 'FR');
});

test('districts, postcodes and départements', () => {
  assert.equal(country('Paris 11e'), 'FR');
  assert.equal(country('75011 Paris'), 'FR');
  assert.equal(country('Gap (05)'), 'FR');
});

test('a site without a location: its country domain', () => {
  assert.equal(countryFromUrl('https://www.lemonde.fr/article', gazetteer), 'FR');
  assert.equal(countryFromUrl('https://www.bbc.co.uk/news', gazetteer), 'GB');
  assert.equal(countryFromUrl('https://example.io/x', gazetteer), null);
  assert.equal(countryFromUrl('https://example.com/x', gazetteer), null);
});

test('labelled locations', (t) => {
  const rows = parseTsv(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'locations.tsv'), 'utf8')).map(([c, location]) => ({ country: c === '-' ? null : (c as string), location: location as string }));
  assert.ok(rows.length >= 300);
  const s = scoreCountries(rows, (l) => country(l));
  t.diagnostic(`accuracy ${s.accuracy.toFixed(3)} on ${s.n}; misses ${JSON.stringify(s.misses)}`);
  assert.ok(s.accuracy >= 0.97, `accuracy ${s.accuracy}`);
});

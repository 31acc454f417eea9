// The enricher ingest uses, loaded on first need: its tables (first names, lexicons, the
// gazetteer) take seconds and hundreds of MB to load, which `relais --help` should not pay.
import type { Enricher } from './ingest.ts';

let loading: Promise<Enricher> | undefined;

export function loadEnricher(): Promise<Enricher> {
  loading ??= import('./enrich/index.ts').then(({ enrich }) => (mention) => {
    const e = enrich(mention);
    return {
      lang: e.lang === 'und' ? null : e.lang,
      sentiment: e.sentiment,
      sentimentScore: e.sentimentScore,
      gender: e.gender === 'unknown' ? null : e.gender,
      genderP: e.genderP,
      country: e.country,
    };
  });
  return loading;
}

// Enrichment at ingest: what Listen adds to a mention before storing it — its language, its
// sentiment, its author's gender and country. Pure: a mention in, plain values out; the
// lexicons, name table and gazetteer are loaded once with the module.
import type { MentionInput } from '../model.ts';
import { DEFAULT_GAZETTEER } from './cities.ts';
import { countryFromUrl, favouredCountries, resolveCountry } from './country.ts';
import { inferGender, type Gender } from './gender.ts';
import { detectLanguage } from './language.ts';
import { analyzeSentiment, type SentimentLabel } from './sentiment.ts';

export { detectLanguage, LANGUAGE_DEFAULTS } from './language.ts';
export { analyzeSentiment, sentimentLabel, SENTIMENT_DEFAULTS, type Sentiment, type SentimentLabel } from './sentiment.ts';
export { inferGender, genderOfFirstName, firstNameCandidates, genderModel, GENDER_DEFAULTS, type Gender, type GenderGuess } from './gender.ts';
export { isOrganisation } from './organisation.ts';
export { resolveCountry, countryFromUrl, favouredCountries, COUNTRY_DEFAULTS } from './country.ts';
export { buildGazetteer, type Gazetteer } from './gazetteer.ts';
export { DEFAULT_GAZETTEER } from './cities.ts';

export interface Enrichment {
  /** BCP 47 primary tag: the source's own when it gave one, else detected; 'und' when unsure. */
  lang: string;
  sentiment: SentimentLabel;
  /** In [−1, 1]. */
  sentimentScore: number;
  gender: Gender;
  /** Probability of `gender` when 'f' or 'm'; null when 'unknown'. */
  genderP: number | null;
  /** P(female) of the first name found, even when too ambiguous to call (Camille, Dominique); null when none. */
  genderPFemale: number | null;
  /** ISO 3166-1 alpha-2, from the author's location, else from the site's country domain; null when unknown. */
  country: string | null;
}

/**
 * A text too short to tell its language ("Cimes: arnaque, boycott !") may still carry a clear
 * sentiment: read it with both lexicons; keep a reading both agree on, or one strong reading
 * (|score| ≥ 0.5) when the other sees nothing. "ok" stays neutral.
 */
function undeterminedSentiment(text: string): { label: SentimentLabel; score: number } {
  const [fr, en] = [analyzeSentiment(text, 'fr'), analyzeSentiment(text, 'en')];
  const strongest = Math.abs(fr.score) >= Math.abs(en.score) ? fr : en;
  const weakest = strongest === fr ? en : fr;
  if (strongest.label === 'neutral') return { label: 'neutral', score: 0 };
  if (weakest.label === strongest.label || (weakest.label === 'neutral' && Math.abs(strongest.score) >= 0.5)) return strongest;
  return { label: 'neutral', score: 0 };
}

/**
 * Language, sentiment, author gender and country of a mention.
 * @example enrich(mention) // { lang: 'fr', sentiment: 'negative', sentimentScore: -0.71, gender: 'f', genderP: 0.998, genderPFemale: 0.998, country: 'FR' }
 */
export function enrich(mention: MentionInput): Enrichment {
  const text = mention.title && !mention.text.startsWith(mention.title) ? `${mention.title}. ${mention.text}` : mention.text;
  const given = mention.lang?.toLowerCase().split(/[-_]/)[0];
  const lang = given && /^[a-z]{2,3}$/.test(given) && given !== 'und' ? given : detectLanguage(text);
  const sentiment = lang === 'und' ? undeterminedSentiment(text) : analyzeSentiment(text, lang);
  const author = mention.author;
  // A blog's "author" is often the site itself: its handle is a host, its name the site's.
  const guess = author ? inferGender({ displayName: author.displayName, handle: mention.network === 'web' ? null : author.handle }, { lang }) : null;
  const country =
    resolveCountry(author?.location, DEFAULT_GAZETTEER, { favour: favouredCountries(lang) }) ??
    (mention.network === 'web' || mention.sourceType === 'news' || mention.sourceType === 'blog' ? countryFromUrl(mention.url, DEFAULT_GAZETTEER) : null);
  return {
    lang,
    sentiment: sentiment.label,
    sentimentScore: sentiment.score,
    gender: guess?.gender ?? 'unknown',
    genderP: guess?.p ?? null,
    genderPFemale: guess?.pFemale ?? null,
    country,
  };
}

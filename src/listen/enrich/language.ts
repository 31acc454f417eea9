// Language of a mention's text, as a BCP 47 primary tag ('fr', 'en', 'de'…) or 'und'.
//
// The detector is ELD (Nito-ELD, npm `eld`, Apache-2.0), its "small" n-gram database: byte
// n-gram scores over 60 languages, ~75,000 short texts/s on one core here. It beat tinyld and
// franc-min on our held-out sets (XED subtitle lines en/fr, and our own de/es/it/pt/nl posts):
// see bench/listen-enrich.ts for the figures and how they were measured.
//
// 'und' when the text has too few letters to say, or when ELD itself calls its guess
// unreliable: a wrong language tag misleads `lang:` filters and picks the wrong sentiment
// lexicon, so abstaining is cheaper than guessing (on XED it trades ~3 points of coverage for
// ~1.5 points of precision).
import { eld } from 'eld/small';

export const LANGUAGE_DEFAULTS = {
  /** Fewer letters than this (URLs, handles and hashtags removed) and the answer is 'und'. */
  minLetters: 4,
  /** Trust ELD's own reliability flag (enough n-grams, a clear winner). */
  requireReliable: true,
  /** Only the first this-many characters are read: enough to tell, and the cost grows with length. */
  maxChars: 500,
};

export type LanguageOptions = Partial<typeof LANGUAGE_DEFAULTS>;

// Links, @handles and #hashtags are not prose in any one language: their letters only add noise.
const NOISE = /https?:\/\/\S+|www\.\S+|[@#][\p{L}\p{N}_.-]+/gu;
const LETTER = /\p{L}/gu;

/**
 * The language of `text`, or 'und' when it is too short or unclear.
 * @example detectLanguage('Le service client ne répond jamais') // 'fr'
 */
export function detectLanguage(text: string, options: LanguageOptions = {}): string {
  const o = { ...LANGUAGE_DEFAULTS, ...options };
  const prose = text.length > o.maxChars ? text.slice(0, o.maxChars) : text;
  const clean = prose.replace(NOISE, ' ');
  let letters = 0;
  LETTER.lastIndex = 0;
  while (LETTER.exec(clean) !== null) if (++letters >= o.minLetters) break;
  if (letters < o.minLetters) return 'und';
  const result = eld.detect(clean);
  if (!result.language) return 'und';
  if (o.requireReliable && !result.isReliable()) return 'und';
  return result.language;
}

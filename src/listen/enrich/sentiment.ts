// Sentiment of a French or English text: a label and a score in [−1, 1].
//
// The algorithm is VADER's (Hutto & Gilbert, "VADER: A Parsimonious Rule-based Model for
// Sentiment Analysis of Social Media Text", ICWSM 2014), written once here so that both
// languages get the same rules, each with its own word lists (sentiment-lexicon.ts):
// - each word, emoji or emoticon has a valence on −4…+4;
// - an intensifier or dampener up to 3 words before adds ±0.293 (×0.95 at 2 words, ×0.9 at 3);
// - a word in CAPITALS, in a text that is not all capitals, gains 0.733 in its direction;
// - a negation up to 3 words before (or, in French, "pas"/"jamais" just after: "j'aime pas")
//   multiplies by −0.74 — once, however many negation words ("ce n'est pas bon");
// - after "but"/"mais" a valence weighs ×1.5, before it ×0.5;
// - each "!" (up to 4) adds 0.292 to the sum in its direction, "??" adds up to 0.96;
// - the sum s becomes the score s / √(s² + 15), VADER's normalisation.
// Two departures from VADER: negation and boosters do not reach across punctuation (",", ".",
// "!", "?"), and phrases ("pas mal", "rip off", "foutage de gueule") are scored as one unit.
//
// Labels use VADER's published thresholds: score ≥ 0.05 positive, ≤ −0.05 negative, neutral
// between (SENTIMENT_DEFAULTS).
import { fold } from '../query/fold.ts';
import { LEXICON_EN, LEXICON_FR, wordValence, type SentimentLexicon } from './sentiment-lexicon.ts';

export type SentimentLabel = 'positive' | 'neutral' | 'negative';

export interface Sentiment {
  label: SentimentLabel;
  /** In [−1, 1]: VADER's "compound" score. */
  score: number;
}

export const SENTIMENT_DEFAULTS = {
  /** score ≥ this → positive (VADER's threshold). */
  positiveAbove: 0.05,
  /** score ≤ this → negative. */
  negativeBelow: -0.05,
  /** Longer texts are scored on their first this-many characters (a blog post's opening). */
  maxChars: 5000,
};

export type SentimentOptions = Partial<typeof SENTIMENT_DEFAULTS>;

const C_INCR = 0.733;
const N_SCALAR = -0.74;
const ALPHA = 15;

const WORD = 0;
const SYMBOL = 1;
const BREAK = 2;

interface Token {
  kind: number;
  /** Lookup key: lower case (folded for French); the symbol itself for emoji and emoticons. */
  key: string;
  caps: boolean;
}

const CHUNK = /\S+/g;
const PIECES_EN = /([\p{L}\p{N}]+(?:['’][\p{L}]+)?(?:-[\p{L}\p{N}]+)*)|(\p{Extended_Pictographic})|([.,;:!?…]+)/gu;
const PIECES_FR = /([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)|(\p{Extended_Pictographic})|([.,;:!?…]+)/gu;
const HAS_LOWER = /\p{Ll}/u;
const HAS_UPPER = /\p{Lu}/u;

function tokenize(text: string, lexicon: SentimentLexicon): Token[] {
  const tokens: Token[] = [];
  const pieces = lexicon.splitApostrophes ? PIECES_FR : PIECES_EN;
  CHUNK.lastIndex = 0;
  for (let chunk = CHUNK.exec(text); chunk !== null; chunk = CHUNK.exec(text)) {
    const raw = chunk[0];
    // Emoticons are only recognised standing alone, as VADER does: ":)" but not "f(x)".
    const emoticon = raw.length <= 8 ? (lexicon.symbols.get(raw) ?? lexicon.symbols.get(raw.toLowerCase())) : undefined;
    if (emoticon !== undefined) {
      tokens.push({ kind: SYMBOL, key: raw.toLowerCase(), caps: false });
      continue;
    }
    pieces.lastIndex = 0;
    for (let m = pieces.exec(raw); m !== null; m = pieces.exec(raw)) {
      if (m[1] !== undefined) {
        const word = m[1];
        const caps = word.length > 1 && HAS_UPPER.test(word) && !HAS_LOWER.test(word);
        const lower = word.toLowerCase().replace('’', "'");
        tokens.push({ kind: WORD, key: lexicon.splitApostrophes ? fold(lower) : lower, caps });
      } else if (m[2] !== undefined) {
        tokens.push({ kind: SYMBOL, key: m[2], caps: false });
      } else {
        tokens.push({ kind: BREAK, key: m[3] as string, caps: false });
      }
    }
  }
  return tokens;
}

/** Valence of token i on its own (a word, a phrase starting there, or a symbol), and the phrase length. */
function baseValence(tokens: Token[], i: number, lexicon: SentimentLexicon): [number, number] {
  const token = tokens[i] as Token;
  if (token.kind === SYMBOL) return [lexicon.symbols.get(token.key) ?? 0, 1];
  if (token.kind === BREAK) return [0, 1];
  const phrases = lexicon.phrases.get(token.key);
  if (phrases) {
    for (const { rest, valence } of phrases) {
      let k = 0;
      while (k < rest.length && tokens[i + 1 + k]?.key === rest[k]) k++;
      if (k === rest.length) return [valence, rest.length + 1];
    }
  }
  // A word that intensifies the sentiment word after it carries none itself ("super bien").
  if (lexicon.boosters.has(token.key)) {
    const next = tokens[i + 1];
    if (next && next.kind !== BREAK && (next.kind === SYMBOL || wordValence(lexicon, next.key) !== 0)) return [0, 1];
  }
  return [wordValence(lexicon, token.key), 1];
}

function valences(tokens: Token[], lexicon: SentimentLexicon): number[] {
  let upper = 0;
  let words = 0;
  for (const t of tokens) if (t.kind === WORD) { words++; if (t.caps) upper++; }
  const capsDiffer = upper > 0 && upper < words;
  const out = new Array<number>(tokens.length).fill(0);
  let i = 0;
  while (i < tokens.length) {
    const [base, span] = baseValence(tokens, i, lexicon);
    if (base !== 0) {
      const sign = base > 0 ? 1 : -1;
      let v = base;
      if (capsDiffer && (tokens[i] as Token).caps) v += sign * C_INCR;
      // A phrase that starts with its own negation ("pas bon", "not worth") is already negative.
      let negated = false;
      const selfNegated = span > 1 && lexicon.negations.has((tokens[i] as Token).key);
      for (let d = 1; d <= 3 && i - d >= 0; d++) {
        const before = tokens[i - d] as Token;
        if (before.kind === BREAK) break;
        const boost = lexicon.boosters.get(before.key);
        if (boost !== undefined && out[i - d] === 0) {
          let b = boost * sign * (d === 1 ? 1 : d === 2 ? 0.95 : 0.9);
          if (capsDiffer && before.caps) b += sign * C_INCR;
          v += b;
        }
        if (!selfNegated && lexicon.negations.has(before.key)) negated = true;
      }
      const after = tokens[i + span];
      if (!selfNegated && after && after.kind === WORD && lexicon.postNegations.has(after.key)) negated = true;
      if (negated) v *= N_SCALAR;
      out[i] = v;
    }
    i += span;
  }
  // Contrast: the first "but" splits the text into a weaker before and a stronger after.
  const at = tokens.findIndex((t) => t.kind === WORD && lexicon.contrasts.has(t.key));
  if (at >= 0) for (let j = 0; j < out.length; j++) if (j !== at) out[j] = (out[j] as number) * (j < at ? 0.5 : 1.5);
  return out;
}

function punctuationEmphasis(text: string): number {
  let bangs = 0;
  let questions = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 33) bangs++;
    else if (c === 63) questions++;
  }
  const bang = Math.min(bangs, 4) * 0.292;
  const question = questions > 1 ? (questions <= 3 ? questions * 0.18 : 0.96) : 0;
  return bang + question;
}

/** The lexicon for a language tag, or null when we have none ('de', 'und'…). */
export function sentimentLexicon(lang: string | null): SentimentLexicon | null {
  return lang === 'fr' ? LEXICON_FR : lang === 'en' ? LEXICON_EN : null;
}

/** Label of a score under the given thresholds. */
export function sentimentLabel(score: number, options: SentimentOptions = {}): SentimentLabel {
  const o = { ...SENTIMENT_DEFAULTS, ...options };
  return score >= o.positiveAbove ? 'positive' : score <= o.negativeBelow ? 'negative' : 'neutral';
}

/**
 * Sentiment of a French ('fr') or English ('en') text; other languages come out neutral, 0.
 * @example analyzeSentiment("Franchement, c'est pas terrible…", 'fr') // { label: 'negative', score: -0.38 }
 */
export function analyzeSentiment(text: string, lang: string | null, options: SentimentOptions = {}): Sentiment {
  const o = { ...SENTIMENT_DEFAULTS, ...options };
  const lexicon = sentimentLexicon(lang);
  if (lexicon === null || text.length === 0) return { label: 'neutral', score: 0 };
  const body = text.length > o.maxChars ? text.slice(0, o.maxChars) : text;
  const tokens = tokenize(body, lexicon);
  let sum = 0;
  for (const v of valences(tokens, lexicon)) sum += v;
  if (sum !== 0) sum += Math.sign(sum) * punctuationEmphasis(body);
  const score = Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + ALPHA)));
  const rounded = Math.round(score * 10000) / 10000;
  return { label: sentimentLabel(rounded, o), score: rounded };
}

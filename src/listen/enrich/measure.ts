// How enrichment's accuracy is measured: parsing of the labelled sets and the scores computed
// on them. Pure (text in, figures out) so that the data test and the benchmark compute the
// same figures from the same files.
import type { SentimentLabel } from './sentiment.ts';

/** FNV-1a, 32 bits: a stable hash to split labelled sets into halves or folds. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface PolarityRow {
  text: string;
  polarity: 'positive' | 'negative';
}

// XED's emotions (Plutchik): 1 anger, 2 anticipation, 3 disgust, 4 fear, 5 joy, 6 sadness,
// 7 surprise, 8 trust. Its README maps joy, trust and anticipation to positive; anger,
// disgust, fear and sadness to negative; surprise is dropped.
const POSITIVE = new Set([2, 5, 8]);
const NEGATIVE = new Set([1, 3, 4, 6]);
const LABELS = /^\d(, ?\d)*$/;

/**
 * The rows of an XED file (`text<TAB>labels`) whose emotions all fall on one side, as
 * polarity. Rows with a damaged label field (not `^\d(, ?\d)*$`) and rows left with no
 * emotion but surprise, or with emotions on both sides, are dropped.
 */
export function parseXed(tsv: string): PolarityRow[] {
  const rows: PolarityRow[] = [];
  for (const line of tsv.split('\n')) {
    const tab = line.lastIndexOf('\t');
    if (tab <= 0) continue;
    const field = line.slice(tab + 1).trim();
    if (!LABELS.test(field)) continue;
    const labels = field.split(',').map((x) => Number(x.trim())).filter((x) => x !== 7);
    if (labels.length === 0) continue;
    const text = line.slice(0, tab);
    if (labels.every((x) => POSITIVE.has(x))) rows.push({ text, polarity: 'positive' });
    else if (labels.every((x) => NEGATIVE.has(x))) rows.push({ text, polarity: 'negative' });
  }
  return rows;
}

export interface PolarityScores {
  n: number;
  /** Share of rows whose label is right; a 'neutral' answer is wrong (the set has no neutral). */
  accuracy: number;
  /** Mean F1 of the positive and negative classes. */
  macroF1: number;
  /** Share of rows given a positive or negative label. */
  coverage: number;
  /** Accuracy on the rows given a positive or negative label. */
  decidedAccuracy: number;
  /** Always answering the larger class. */
  majorityAccuracy: number;
  majorityMacroF1: number;
}

function f1(truePositives: number, predicted: number, actual: number): number {
  if (truePositives === 0) return 0;
  const precision = truePositives / predicted;
  const recall = truePositives / actual;
  return (2 * precision * recall) / (precision + recall);
}

/** Accuracy and macro-F1 of `predict` on rows with a binary polarity, and the majority baseline. */
export function scorePolarity(rows: readonly PolarityRow[], predict: (text: string) => SentimentLabel): PolarityScores {
  let right = 0;
  let decided = 0;
  const tp = { positive: 0, negative: 0 };
  const predicted = { positive: 0, negative: 0 };
  const actual = { positive: 0, negative: 0 };
  for (const row of rows) {
    const label = predict(row.text);
    actual[row.polarity]++;
    if (label === 'neutral') continue;
    decided++;
    predicted[label]++;
    if (label === row.polarity) {
      right++;
      tp[label]++;
    }
  }
  const n = rows.length;
  const major = actual.positive >= actual.negative ? 'positive' : 'negative';
  const majorityAccuracy = n ? actual[major] / n : 0;
  return {
    n,
    accuracy: n ? right / n : 0,
    macroF1: (f1(tp.positive, predicted.positive, actual.positive) + f1(tp.negative, predicted.negative, actual.negative)) / 2,
    coverage: n ? decided / n : 0,
    decidedAccuracy: decided ? right / decided : 0,
    majorityAccuracy,
    majorityMacroF1: f1(actual[major], n, actual[major]) / 2,
  };
}

/** Rows split in two by a hash of their text: 'a' (used while curating the lexicons) and 'b' (never looked at). */
export function half(text: string): 'a' | 'b' {
  return fnv1a(text) % 2 === 0 ? 'a' : 'b';
}

export interface CoverageScores {
  n: number;
  /** Share right, an abstention ('und', 'unknown', null) counting as wrong. */
  accuracy: number;
  /** Share answered. */
  coverage: number;
  /** Share right among those answered. */
  precision: number;
}

/** Language detection on rows of known language; 'und' is an abstention. */
export function scoreLanguage(rows: ReadonlyArray<{ lang: string; text: string }>, detect: (text: string) => string): CoverageScores {
  let right = 0;
  let answered = 0;
  for (const row of rows) {
    const got = detect(row.text);
    if (got === 'und') continue;
    answered++;
    if (got === row.lang) right++;
  }
  const n = rows.length;
  return { n, accuracy: n ? right / n : 0, coverage: n ? answered / n : 0, precision: answered ? right / answered : 0 };
}

/** Rows of a `lang<TAB>text` or `country<TAB>location<TAB>source` fixture, '#' lines skipped. */
export function parseTsv(text: string): string[][] {
  return text.split('\n').filter((line) => line.trim() && !line.startsWith('#')).map((line) => line.split('\t'));
}

/** Country resolution on labelled locations ('-' or null: the location names no country; null is then right). */
export function scoreCountries(rows: ReadonlyArray<{ country: string | null; location: string }>, resolve: (location: string) => string | null): { n: number; accuracy: number; misses: Array<{ location: string; want: string | null; got: string | null }> } {
  const misses: Array<{ location: string; want: string | null; got: string | null }> = [];
  for (const row of rows) {
    const got = resolve(row.location);
    if (got !== row.country) misses.push({ location: row.location, want: row.country, got });
  }
  const n = rows.length;
  return { n, accuracy: n ? (n - misses.length) / n : 0, misses };
}

/** Rows of a `lang<TAB>label<TAB>text` fixture (three classes). */
export function parsePolarityFile(text: string): Array<{ lang: string; label: SentimentLabel; text: string }> {
  return parseTsv(text).map(([lang, label, body]) => ({ lang: lang as string, label: label as SentimentLabel, text: body as string }));
}

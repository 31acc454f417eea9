// Folds the cube (day × source × sentiment × language × country × gender counts) into the
// dashboard's series and splits. Pure.
import type { CubeRow } from './queries.ts';

export interface Count {
  key: string;
  count: number;
}

export interface CubeFigures {
  total: number;
  reach: number;
  bySource: Record<string, number>;
  /** Daily counts per source type over `at`. */
  daily: { at: number[]; bySource: Record<string, number[]> };
  sentiment: { split: Record<'positive' | 'neutral' | 'negative' | 'unscored', number>; daily: Record<'positive' | 'neutral' | 'negative' | 'unscored', number[]> };
  countries: Count[];
  languages: Count[];
  gender: Record<'f' | 'm' | 'unknown' | 'organisation', number>;
}

const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;

function sorted(map: Map<string, number>): Count[] {
  return [...map].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** The days [from, to) as UTC day starts. */
export function daysOf(from: number, to: number, dayMs = 86_400_000): number[] {
  const out: number[] = [];
  for (let at = Math.floor(from / dayMs) * dayMs; at < to; at += dayMs) out.push(at);
  return out;
}

export function foldCube(rows: readonly CubeRow[], days: readonly number[]): CubeFigures {
  const index = new Map(days.map((d, i) => [d, i]));
  const zeros = () => new Array<number>(days.length).fill(0);
  const f: CubeFigures = {
    total: 0,
    reach: 0,
    bySource: {},
    daily: { at: [...days], bySource: {} },
    sentiment: { split: { positive: 0, neutral: 0, negative: 0, unscored: 0 }, daily: { positive: zeros(), neutral: zeros(), negative: zeros(), unscored: zeros() } },
    countries: [],
    languages: [],
    gender: { f: 0, m: 0, unknown: 0, organisation: 0 },
  };
  const countries = new Map<string, number>();
  const languages = new Map<string, number>();
  for (const row of rows) {
    const i = index.get(row.day);
    f.total += row.count;
    f.reach += row.reach;
    f.bySource[row.sourceType] = (f.bySource[row.sourceType] ?? 0) + row.count;
    const sentiment = (SENTIMENTS as readonly string[]).includes(row.sentiment ?? '') ? (row.sentiment as (typeof SENTIMENTS)[number]) : 'unscored';
    f.sentiment.split[sentiment] += row.count;
    if (i !== undefined) {
      (f.daily.bySource[row.sourceType] ??= zeros())[i]! += row.count;
      f.sentiment.daily[sentiment][i]! += row.count;
    }
    const country = row.country ?? 'unknown';
    countries.set(country, (countries.get(country) ?? 0) + row.count);
    const lang = row.lang ?? 'unknown';
    languages.set(lang, (languages.get(lang) ?? 0) + row.count);
    const gender = row.gender in f.gender ? (row.gender as keyof CubeFigures['gender']) : 'unknown';
    f.gender[gender] += row.count;
  }
  f.countries = sorted(countries);
  f.languages = sorted(languages);
  return f;
}

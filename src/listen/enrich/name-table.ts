// The first-name table gender.ts reads: births by sex per first name, from two registers —
// French (Ville de Paris, births 2004–2012, ODbL 1.0) and US (Social Security Administration,
// births 1940–2005, public domain). Pure: CSV text in, table out; data/derive-names.ts writes
// it to data/first-names.json, and the accuracy measure rebuilds it without held-out names.
import { fold } from '../query/fold.ts';

/** Births of girls and in all, for one name in one register. */
export type Births = [female: number, total: number];

export interface NameTable {
  /** Folded name ('marie-eve') → births; also the accented lower-case spelling ('danièle') where it differs from its folded one. */
  fr: Record<string, Births>;
  us: Record<string, Births>;
}

export interface NameRow {
  name: string;
  female: number;
  male: number;
}

/** Rows of `ssa_1940_2005_by_sex.csv` (`name,female,male,share_female`). */
export function parseSsa(csv: string): NameRow[] {
  const rows: NameRow[] = [];
  for (const line of csv.split('\n').slice(1)) {
    const [name, female, male] = line.split(',');
    if (!name || female === undefined || male === undefined) continue;
    rows.push({ name, female: Number(female), male: Number(male) });
  }
  return rows;
}

/**
 * Rows of `paris_prenoms_2004_2012.csv` (`prenom,sexe,annee,nombre`), summed over 2004–2012
 * (2013 is truncated). The export lists each name under one sex only; in 2011 and 2012 a name
 * given to both sexes appears twice under the same sex ("Camille,F,2011,184" and
 * "Camille,F,2011,70"). The smaller of the two is the other sex: the complete 2013 rows, which
 * keep both sexes apart, agree (Camille, Sacha, Alix, Charlie, Eden). `X` (a few names of
 * undeclared sex) is left out.
 */
export function parseParis(csv: string): NameRow[] {
  const byYear = new Map<string, Array<{ sex: string; count: number }>>();
  for (const line of csv.split('\n').slice(1)) {
    const [name, sex, year, count] = line.split(',');
    if (!name || !sex || !year || count === undefined) continue;
    const y = Number(year);
    if (y < 2004 || y > 2012 || (sex !== 'F' && sex !== 'M')) continue;
    const key = `${name}\t${y}`;
    const list = byYear.get(key) ?? [];
    list.push({ sex, count: Number(count) });
    byYear.set(key, list);
  }
  const totals = new Map<string, NameRow>();
  for (const [key, list] of byYear) {
    const name = key.slice(0, key.indexOf('\t'));
    const row = totals.get(name) ?? { name, female: 0, male: 0 };
    list.sort((a, b) => b.count - a.count);
    list.forEach(({ sex, count }, i) => {
      const duplicate = i > 0 && list.slice(0, i).some((other) => other.sex === sex);
      const female = duplicate ? sex !== 'F' : sex === 'F';
      if (female) row.female += count;
      else row.male += count;
    });
    totals.set(name, row);
  }
  return [...totals.values()];
}

export const NAME_TABLE_DEFAULTS = {
  /** Names with fewer births are left out (they would be noise, and size). */
  minBirthsFr: 5,
  minBirthsUs: 300,
  minBirthsUsShared: 20,
  /** An accented spelling gets its own entry when its female share differs this much from its folded name's. */
  accentGap: 0.2,
};

function collect(rows: NameRow[], minBirths: number, gap: number, keep: (folded: string) => boolean, alsoKeep: (folded: string, births: number) => boolean = () => false): Record<string, Births> {
  const folded = new Map<string, Births>();
  const accented = new Map<string, Births>();
  for (const row of rows) {
    const lower = row.name.trim().toLowerCase();
    const key = fold(lower);
    if (!key || !keep(key)) continue;
    const f = folded.get(key) ?? [0, 0];
    f[0] += row.female;
    f[1] += row.female + row.male;
    folded.set(key, f);
    if (lower !== key) {
      const a = accented.get(lower) ?? [0, 0];
      a[0] += row.female;
      a[1] += row.female + row.male;
      accented.set(lower, a);
    }
  }
  const out: Record<string, Births> = {};
  for (const [key, births] of [...folded].sort((a, b) => b[1][1] - a[1][1])) if (births[1] >= minBirths || alsoKeep(key, births[1])) out[key] = births;
  for (const [lower, births] of accented) {
    const base = folded.get(fold(lower));
    if (!base || births[1] < minBirths) continue;
    if (Math.abs(births[0] / births[1] - base[0] / base[1]) >= gap) out[lower] = births;
  }
  return out;
}

/** The table from both registers; `keep` can hold names apart (by their folded form) to measure accuracy on them. */
export function buildNameTable(ssa: NameRow[], paris: NameRow[], options: Partial<typeof NAME_TABLE_DEFAULTS> & { keep?: (folded: string) => boolean } = {}): NameTable {
  const o = { ...NAME_TABLE_DEFAULTS, ...options };
  const keep = options.keep ?? (() => true);
  const fr = collect(paris, o.minBirthsFr, o.accentGap, keep);
  // A rarer US name is kept when Paris has it too: it is the second opinion on a French name
  // whose Paris count is small ("Gwendoline": 14 Paris births, filed as a boy's name).
  const us = collect(ssa, o.minBirthsUs, o.accentGap, keep, (key, births) => births >= o.minBirthsUsShared && key in fr);
  return { fr, us };
}

// Gender accuracy measured on names held apart from the table: the registers' names are split
// by a hash of their folded form (1 in `folds` held out), the table and its endings are built
// from the rest, and each held-out name is predicted and scored by its births — a girl's
// birth is right when the verdict is 'f', a boy's when 'm', and both are uncovered when it is
// 'unknown'. The same name is held out of both registers, so neither can answer for the other.
import { fold } from '../query/fold.ts';
import { genderModel, genderOfFirstName, type GenderModel } from './gender.ts';
import { fnv1a } from './measure.ts';
import { buildNameTable, type NameRow } from './name-table.ts';

export interface GenderScores {
  /** Distinct names and births scored. */
  names: number;
  births: number;
  /** Share of births given 'f' or 'm'. */
  coverage: number;
  /** Share of those births whose sex was right. */
  accuracy: number;
}

function score(rows: NameRow[], lang: 'fr' | 'en', model: GenderModel, include: (folded: string) => boolean): GenderScores {
  const byName = new Map<string, [number, number]>();
  for (const row of rows) {
    const key = fold(row.name.trim().toLowerCase());
    if (!key || !include(key)) continue;
    const b = byName.get(key) ?? [0, 0];
    b[0] += row.female;
    b[1] += row.male;
    byName.set(key, b);
  }
  let births = 0;
  let covered = 0;
  let right = 0;
  for (const [name, [female, male]] of byName) {
    births += female + male;
    const guess = genderOfFirstName(name, { lang }, model);
    if (guess.gender === 'unknown') continue;
    covered += female + male;
    right += guess.gender === 'f' ? female : male;
  }
  return { names: byName.size, births, coverage: births ? covered / births : 0, accuracy: covered ? right / covered : 0 };
}

/** Held-out and in-table figures for both registers: US names judged as an English author's, Paris names as a French author's. */
export function measureGender(ssa: NameRow[], paris: NameRow[], folds = 5): { usHeldOut: GenderScores; frHeldOut: GenderScores; usInTable: GenderScores; frInTable: GenderScores } {
  const heldOut = (key: string) => fnv1a(key) % folds === 0;
  const partial = genderModel(buildNameTable(ssa, paris, { keep: (key) => !heldOut(key) }));
  const full = genderModel(buildNameTable(ssa, paris));
  return {
    usHeldOut: score(ssa, 'en', partial, heldOut),
    frHeldOut: score(paris, 'fr', partial, heldOut),
    usInTable: score(ssa, 'en', full, () => true),
    frInTable: score(paris, 'fr', full, () => true),
  };
}

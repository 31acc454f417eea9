// An author's gender from the first name in their display name (or handle), as a probability
// from birth registers: P(female) = (girls + ½) / (births + 1) for that name (Jeffreys'
// prior, so a name seen 3 times is not "certain"). 'f' or 'm' only when that probability (or
// its complement) reaches `threshold`; otherwise, or when the name is in no register, or when
// the account is an organisation: 'unknown'. Names given to both sexes keep their real share
// in `pFemale` (Camille 0.93 in Paris, Dominique 0.71 in the US register, Sacha 0.02 in Paris).
//
// Two registers (name-table.ts): French (Paris births) and US (SSA). A French-language author
// is looked up in the French one first, an English-language one in the US one first, and the
// other register answers for names the first lacks (old French names such as "Sylvie" are
// rare among Paris births of 2004–2012). "Jean" is a man in Paris and mostly a woman in the US.
// Names in neither register fall back on their ending ("-ette", "-ine"), learnt from the same
// table, when that ending alone is decisive enough.
import { fold } from '../query/fold.ts';
import { isOrganisation } from './organisation.ts';
import type { Births, NameTable } from './name-table.ts';
import FIRST_NAMES from './data/first-names.json' with { type: 'json' };

export type Gender = 'f' | 'm' | 'unknown';

export interface GenderGuess {
  gender: Gender;
  /** Probability of `gender` when it is 'f' or 'm'; null when 'unknown'. */
  p: number | null;
  /** P(female) for the name found, whatever the verdict; null when no name was found. */
  pFemale: number | null;
  /** The first name looked up, folded. */
  firstName: string | null;
  reason: 'name' | 'ending' | 'ambiguous' | 'absent' | 'organisation' | 'no-name';
}

export const GENDER_DEFAULTS = {
  /** P(gender) needed to say 'f' or 'm'. */
  threshold: 0.9,
  /** Births needed before a register's answer for a name is used. */
  minBirths: 5,
  /** When both registers know a name, the other one's share counts as this many births (a prior). */
  otherRegisterWeight: 10,
  /** Endings: their length, and the births and distinct names needed to trust one. */
  endingLength: 3,
  endingMinBirths: 2000,
  endingMinNames: 10,
};

export type GenderOptions = Partial<typeof GENDER_DEFAULTS> & { lang?: string | null };

const TITLES = new Set(['dr', 'docteur', 'doctor', 'mr', 'mrs', 'ms', 'miss', 'mme', 'mlle', 'm', 'me', 'mx', 'prof', 'pr', 'sir', 'dame', 'st', 'ste', 'saint']);

/** Candidate first names of a display name, best first: "Dr. Jean-Pierre Martin" → ['jean-pierre', 'jean']. */
export function firstNameCandidates(displayName: string): string[] {
  const spaced = displayName
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2') // ClaireFontaine
    .replace(/[^\p{L}\p{M}'’-]+/gu, ' ')
    .trim();
  const words = spaced.split(/\s+/).filter((w) => /\p{L}{2,}|\p{L}\p{M}/u.test(w) || w.length > 1);
  // "FONTAINE Claire": a surname written in capitals before a first name that is not.
  const mixed = words.findIndex((w) => w !== w.toUpperCase());
  const order = mixed > 0 && words.slice(0, mixed).every((w) => w === w.toUpperCase()) ? [...words.slice(mixed), ...words.slice(0, mixed)] : words;
  for (const word of order) {
    const lower = word.toLowerCase().replace(/^['’-]+|['’-]+$/g, '');
    if (lower.length < 2 || TITLES.has(fold(lower))) continue;
    const parts = lower.split('-').filter(Boolean);
    return parts.length > 1 ? [lower, parts[0] as string] : [lower];
  }
  return [];
}

/** The name part of a handle: "claire_f@mastodon.social" → "claire". */
function handleName(handle: string): string {
  const local = handle.replace(/^@/, '').split(/[@.]/)[0] ?? '';
  return local.split(/[_\d]+/)[0] ?? '';
}

export interface GenderModel {
  table: NameTable;
  endings: { fr: Map<string, Births>; us: Map<string, Births> };
}

function endingsOf(births: Record<string, Births>, length: number, minBirths: number, minNames: number): Map<string, Births> {
  const sums = new Map<string, [number, number, number]>();
  for (const [name, [female, total]] of Object.entries(births)) {
    if (name.length <= length || name !== fold(name)) continue;
    const end = name.slice(-length);
    const s = sums.get(end) ?? [0, 0, 0];
    s[0] += female;
    s[1] += total;
    s[2]++;
    sums.set(end, s);
  }
  const out = new Map<string, Births>();
  for (const [end, [female, total, names]] of sums) if (total >= minBirths && names >= minNames) out.set(end, [female, total]);
  return out;
}

/** A model from a name table (the shipped one by default; a held-out one to measure accuracy). */
export function genderModel(table: NameTable, options: Partial<typeof GENDER_DEFAULTS> = {}): GenderModel {
  const o = { ...GENDER_DEFAULTS, ...options };
  return { table, endings: { fr: endingsOf(table.fr, o.endingLength, o.endingMinBirths, o.endingMinNames), us: endingsOf(table.us, o.endingLength, o.endingMinBirths, o.endingMinNames) } };
}

const DEFAULT_MODEL = genderModel({ fr: FIRST_NAMES.fr as unknown as Record<string, Births>, us: FIRST_NAMES.us as unknown as Record<string, Births> });

function registerBirths(model: GenderModel, register: 'fr' | 'us', name: string, folded: string, minBirths: number): Births | null {
  const births = model.table[register][name] ?? model.table[register][folded];
  return births && births[1] >= minBirths ? births : null;
}

/**
 * Births for a name from the first register that has it, with the other register's share
 * mixed in as `weight` pseudo-births: a handful of Paris births (or a clerical error, such as
 * "Gwendoline" filed as a boy's name) does not outvote a name's share among millions.
 */
function lookup(model: GenderModel, name: string, order: ReadonlyArray<'fr' | 'us'>, minBirths: number, weight: number): Births | null {
  const folded = fold(name);
  const [first, second] = order as ['fr' | 'us', 'fr' | 'us'];
  const a = registerBirths(model, first, name, folded, minBirths);
  const b = registerBirths(model, second, name, folded, minBirths);
  if (a && b) return [a[0] + (weight * b[0]) / b[1], a[1] + weight];
  return a ?? b;
}

function verdict(births: Births, threshold: number, firstName: string, found: 'name' | 'ending'): GenderGuess {
  const pFemale = (births[0] + 0.5) / (births[1] + 1);
  const rounded = Math.round(pFemale * 1000) / 1000;
  if (pFemale >= threshold) return { gender: 'f', p: rounded, pFemale: rounded, firstName, reason: found };
  if (1 - pFemale >= threshold) return { gender: 'm', p: Math.round((1 - pFemale) * 1000) / 1000, pFemale: rounded, firstName, reason: found };
  return { gender: 'unknown', p: null, pFemale: rounded, firstName, reason: 'ambiguous' };
}

/** The gender of a first name alone (already extracted), under the given language's register order. */
export function genderOfFirstName(name: string, options: GenderOptions = {}, model: GenderModel = DEFAULT_MODEL): GenderGuess {
  const o = { ...GENDER_DEFAULTS, ...options };
  const order: Array<'fr' | 'us'> = o.lang === 'en' ? ['us', 'fr'] : ['fr', 'us'];
  const lower = name.toLowerCase();
  const folded = fold(lower);
  const births = lookup(model, lower, order, o.minBirths, o.otherRegisterWeight);
  if (births) return verdict(births, o.threshold, folded, 'name');
  if (folded.length > o.endingLength) {
    for (const register of order) {
      const ending = model.endings[register].get(folded.slice(-o.endingLength));
      if (!ending) continue;
      const guess = verdict(ending, o.threshold, folded, 'ending');
      // An ending only speaks when it is decisive; its share is not this name's.
      return guess.gender === 'unknown' ? { gender: 'unknown', p: null, pFemale: null, firstName: folded, reason: 'absent' } : guess;
    }
  }
  return { gender: 'unknown', p: null, pFemale: null, firstName: folded, reason: 'absent' };
}

/**
 * The gender of an author from their display name, else their handle.
 * @example inferGender({ displayName: 'Claire Fontaine', handle: 'claire_f' }) // { gender: 'f', p: 0.998, … }
 */
export function inferGender(author: { displayName?: string | null; handle?: string | null }, options: GenderOptions = {}, model: GenderModel = DEFAULT_MODEL): GenderGuess {
  const known = (w: string) => lookup(model, w, ['fr', 'us'], 50, 0) !== null;
  if (isOrganisation(author.displayName, author.handle, known)) return { gender: 'unknown', p: null, pFemale: null, firstName: null, reason: 'organisation' };
  let candidates = author.displayName ? firstNameCandidates(author.displayName) : [];
  if (candidates.length === 0 && author.handle) candidates = firstNameCandidates(handleName(author.handle));
  if (candidates.length === 0) return { gender: 'unknown', p: null, pFemale: null, firstName: null, reason: 'no-name' };
  let last: GenderGuess | null = null;
  for (const candidate of candidates) {
    const guess = genderOfFirstName(candidate, options, model);
    if (guess.reason !== 'absent') return guess;
    last ??= guess;
  }
  return last as GenderGuess;
}

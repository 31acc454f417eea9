// Derives world-110m.json, the compact world map the dashboard and the buzz report draw
// countries on, from world-atlas 2.0.2's countries-110m.json (Natural Earth 1:110m Admin 0
// countries, public domain; TopoJSON by Mike Bostock, ISC) with topojson-client 3.1.0.
// Run once, by hand, with both packages unpacked (`npm pack world-atlas@2.0.2
// topojson-client@3.1.0`): the output is committed, so neither is a dependency.
//   node src/listen/dashboard/data/derive-world.ts WORLD_ATLAS_DIR TOPOJSON_CLIENT_DIR
// Each feature's name is the ISO 3166-1 alpha-2 code (the code Listen stores), from the
// numeric id with i18n-iso-countries; the few without an id keep Natural Earth's name.
// Coordinates are rounded to 0.1° (≈ 11 km, finer than the 1:110m lines); Antarctica is
// dropped (nobody posts from there, and it takes a fifth of the map).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';

const [atlasDir, clientDir] = process.argv.slice(2);
if (!atlasDir || !clientDir) {
  console.error('usage: derive-world.ts WORLD_ATLAS_DIR TOPOJSON_CLIENT_DIR');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const topojson = require(path.resolve(clientDir, 'dist/topojson-client.js')) as { feature(topology: unknown, object: unknown): { features: Feature[] } };
interface Feature { type: 'Feature'; id?: string; properties: { name: string }; geometry: { type: string; coordinates: unknown } | null }

const topology = JSON.parse(fs.readFileSync(path.join(atlasDir, 'countries-110m.json'), 'utf8')) as { objects: { countries: unknown } };
const round = (value: unknown): unknown => (Array.isArray(value) ? value.map(round) : Math.round((value as number) * 10) / 10);
const features = topojson
  .feature(topology, topology.objects.countries)
  .features.filter((f) => f.id !== '010' && f.geometry)
  .map((f) => ({
    type: 'Feature',
    properties: { name: (f.id && countries.numericToAlpha2(f.id)) || f.properties.name },
    geometry: { type: f.geometry!.type, coordinates: round(f.geometry!.coordinates) },
  }));
const out = path.join(import.meta.dirname, 'world-110m.json');
fs.writeFileSync(out, JSON.stringify({ type: 'FeatureCollection', features }));
console.error(`wrote ${out}: ${features.length} countries, ${fs.statSync(out).size} bytes`);

// `npm run bench`: runs the benchmarks and writes bench/RESULTS.md. Select some with
// `npm run bench -- startup api` (default: all).
import fs from 'node:fs';
import path from 'node:path';
import { apiLoadTable, measureApiLoad } from './api-load.ts';
import { machine } from './lib.ts';
import { measureStartup, startupTable } from './startup.ts';
import { measureGraphKernel } from './graph-kernel.ts';
import { measureEnrichment } from './listen-enrich.ts';
import { measureIngest } from './listen-ingest.ts';
import { measurePercolate } from './listen-percolate.ts';
import { measureImm } from './spread-imm.ts';
import { measureScheduler } from './publish-scheduler.ts';
import { measureSpikes } from './spikes.ts';
import { measureDashboard } from './listen-dashboard.ts';

interface Benchmark {
  name: string;
  title: string;
  run(): Promise<string>;
}

const BENCHMARKS: Benchmark[] = [
  { name: 'startup', title: 'Foundation — fresh clone to first page', run: async () => startupTable(await measureStartup()) },
  { name: 'api', title: 'Foundation — API under load, against a bare Hono hello-world', run: async () => apiLoadTable(await measureApiLoad()) },
  { name: 'enrich', title: 'Listen — enrichment: throughput and accuracy', run: measureEnrichment },
  { name: 'ingest', title: 'Listen — ingest throughput against a raw SQLite insert of the same rows', run: measureIngest },
  { name: 'percolate', title: 'Listen — percolation cost per mention at 10 to 10,000 topics', run: measurePercolate },
  { name: 'graph', title: 'Map — graph kernel against python3-igraph and graphology', run: measureGraphKernel },
  { name: 'spikes', title: 'Listen — spike detection scored with NAB (normalised score) on NAB and the demo bursts, against NAB\'s windowed Gaussian and the old baseline', run: measureSpikes },
  { name: 'dashboard', title: 'Listen — the dashboard of one topic over 60 days, on 1M and 10M mentions, against DuckDB', run: measureDashboard },
  { name: 'spread', title: 'Spread — IMM on NetHEPT and a 1M-edge graph, against the authors\' C++ figures and CELF', run: measureImm },
  { name: 'scheduler', title: 'Publish — scheduler: 10,000 posts due in the same minute', run: measureScheduler },
];

const RESULTS = path.join(import.meta.dirname, 'RESULTS.md');
const wanted = process.argv.slice(2);
const chosen = wanted.length ? BENCHMARKS.filter((b) => wanted.includes(b.name)) : BENCHMARKS;
if (chosen.length === 0) {
  console.error(`Unknown benchmark; choose among: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exit(1);
}

// Sections of benchmarks not run this time are kept from the previous RESULTS.md.
const previous = fs.existsSync(RESULTS) ? fs.readFileSync(RESULTS, 'utf8') : '';
const sections = new Map<string, string>();
for (const match of previous.matchAll(/^## (.+)\n([\s\S]*?)(?=^## |(?![\s\S]))/gm)) sections.set(match[1]!.trim(), match[2]!.trim());

for (const benchmark of chosen) {
  process.stderr.write(`bench: ${benchmark.name}…\n`);
  const table = await benchmark.run();
  sections.set(benchmark.title, `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()} with \`npm run bench -- ${benchmark.name}\`.\n\n${table}`);
  process.stderr.write(`${table}\n\n`);
}

const ordered = [...BENCHMARKS.map((b) => b.title).filter((t) => sections.has(t)), ...[...sections.keys()].filter((t) => !BENCHMARKS.some((b) => b.title === t))];
const body = ordered.map((title) => `## ${title}\n\n${sections.get(title)}\n`).join('\n');
fs.writeFileSync(RESULTS, `# Benchmarks\n\nWritten by \`npm run bench\` (bench/run.ts). Each section says when, where and with which command it was measured.\n\n${body}`);
process.stderr.write(`wrote ${RESULTS}\n`);

// Spread — IMM (src/graph/diffusion/) on NetHEPT (../shared/data/graphs/nethept, the IMM
// authors' release) and on a seeded planted-partition graph of 1,000,000 edges, next to a CELF
// baseline and the degree and PageRank heuristics. Each IMM configuration runs in its own
// process, so that its peak memory is its own (the graph and Node's ~45 MB included, as the
// authors' 97 MB includes their process): one warm-up run, then the median of 3 timed runs.
// Every spread is re-estimated in the parent by 10,000 Monte Carlo runs on 2 worker threads,
// never taken from the algorithm's estimate.
// `node bench/spread-imm.ts` prints the table; `measureImm()` returns it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGraph } from '../src/graph/csr.ts';
import { celf } from '../src/graph/diffusion/celf.ts';
import { topDegree, topPageRank } from '../src/graph/diffusion/heuristics.ts';
import { imm } from '../src/graph/diffusion/imm.ts';
import { icProbabilities, ltWeights, type InfluenceGraph } from '../src/graph/diffusion/probabilities.ts';
import { simulateParallel } from '../src/graph/diffusion/simulate-parallel.ts';
import { plantedPartition } from '../src/graph/generate.ts';
import { parseSnap } from '../src/graph/parse.ts';

const SHARED = process.env.RELAIS_GRAPH_DATA ?? path.resolve(import.meta.dirname, '..', '..', 'shared', 'data', 'graphs');
const NETHEPT = path.join(SHARED, 'nethept');
const MC_RUNS = 10_000;
const REPEATS = 3;
/** CELF's Monte Carlo runs per evaluation (200 gives 705 at k = 50: too noisy to rank nodes). */
const CELF_RUNS = 1000;

type Model = 'wc' | 'lt' | 'ic0.01';
type GraphName = 'nethept' | 'planted';
const MODEL_NAME: Record<Model, string> = { wc: 'IC, weighted cascade', lt: 'LT', 'ic0.01': 'IC, p = 0.01' };
interface Config { graph: GraphName; model: Model; k: number; epsilon: number; fresh: boolean; repeats?: number; seed?: number }
interface Measured { seconds: number; seeds: number[]; rrSets: number; generated: number; estimate: number; peakMB: number; graphMB: number; refused?: string }
/** IMM seeds drawn at ε = 0.5 on NetHEPT to show how much the spread varies from one random stream to the next. */
const SPREAD_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

/** The influence graph of a configuration. */
function load(graph: GraphName, model: Model): InfluenceGraph {
  if (graph === 'planted') {
    // 200,000 nodes, 1,000,000 undirected edges drawn (loops dropped, repeats merged): ~2,000,000 arcs.
    const g = buildGraph(plantedPartition({ n: 200_000, edges: 1_000_000, seed: 7 }), { dedupe: true, dropSelfLoops: true });
    return model === 'lt' ? ltWeights(g) : icProbabilities(g, { ic: model === 'wc' ? { kind: 'weighted-cascade' } : { kind: 'uniform', p: 0.01 } });
  }
  const file = path.join(NETHEPT, model === 'lt' ? 'graph_lt.inf' : 'graph_ic.inf');
  const g = parseSnap(fs.readFileSync(file, 'utf8'), { directed: true, dedupe: false }).graph;
  if (model === 'lt') return ltWeights(g, { lt: { kind: 'given' } });
  return icProbabilities(g, { ic: model === 'wc' ? { kind: 'weighted-cascade' } : { kind: 'uniform', p: 0.01 } });
}

/** Runs in a child process: IMM on one configuration. */
function child(config: Config): Measured {
  const g = load(config.graph, config.model);
  const graphMB = process.memoryUsage().rss / 2 ** 20;
  const repeats = config.repeats ?? REPEATS;
  try {
    // The warm-up is skipped for single runs (the 1M-edge graph): it would double a long run.
    if (repeats > 1) imm(g, { k: config.k, epsilon: config.epsilon, fresh: config.fresh, seed: 1 });
  } catch (error) {
    if (error instanceof RangeError) return { seconds: 0, seeds: [], rrSets: 0, generated: 0, estimate: 0, peakMB: process.resourceUsage().maxRSS / 1024, graphMB, refused: error.message };
    throw error;
  }
  const times: number[] = [];
  let result!: ReturnType<typeof imm>;
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    try {
      result = imm(g, { k: config.k, epsilon: config.epsilon, fresh: config.fresh, seed: config.seed ?? 42 });
    } catch (error) {
      if (error instanceof RangeError) return { seconds: 0, seeds: [], rrSets: 0, generated: 0, estimate: 0, peakMB: process.resourceUsage().maxRSS / 1024, graphMB, refused: error.message };
      throw error;
    }
    times.push((performance.now() - started) / 1000);
  }
  times.sort((a, b) => a - b);
  return {
    seconds: times[Math.floor(repeats / 2)]!, seeds: [...result.seeds], rrSets: result.rrSets, generated: result.generated,
    estimate: result.spread, peakMB: process.resourceUsage().maxRSS / 1024, graphMB,
  };
}

function inChild(config: Config): Measured {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', JSON.stringify(config)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Measured;
}

const fmt = (x: number, digits = 1): string => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The table for bench/RESULTS.md. */
export async function measureImm(): Promise<string> {
  if (!fs.existsSync(path.join(NETHEPT, 'graph_ic.inf'))) return `NetHEPT not found in ${NETHEPT}: nothing measured.`;
  const graphs = new Map<string, InfluenceGraph>();
  const graphOf = (name: GraphName, model: Model): InfluenceGraph => {
    const key = `${name}/${model}`;
    if (!graphs.has(key)) graphs.set(key, load(name, model));
    return graphs.get(key)!;
  };
  const spread = async (name: GraphName, model: Model, seeds: ArrayLike<number>): Promise<{ mean: number; half: number }> => {
    const e = await simulateParallel(graphOf(name, model), { seeds, runs: MC_RUNS, threads: 2, seed: 2015 });
    return { mean: e.mean, half: (e.ci95[1] - e.ci95[0]) / 2 };
  };
  const reference: Record<string, string> = {
    'nethept/wc/50/0.5/fresh': '0.03 s, 949.8', 'nethept/wc/50/0.1/fresh': '0.45 s, 963.5, 97 MB',
    'nethept/wc/50/0.5/reuse': '0.03 s, 949.8', 'nethept/wc/50/0.1/reuse': '0.45 s, 963.5, 97 MB',
    'nethept/lt/50/0.1/fresh': '1,302', 'nethept/ic0.01/50/0.1/fresh': '72.7',
  };
  const configs: Config[] = [];
  for (const k of [1, 10, 50]) for (const epsilon of [0.5, 0.1]) configs.push({ graph: 'nethept', model: 'wc', k, epsilon, fresh: true });
  for (const epsilon of [0.5, 0.1]) configs.push({ graph: 'nethept', model: 'wc', k: 50, epsilon, fresh: false });
  for (const model of ['lt', 'ic0.01'] as const) for (const epsilon of [0.5, 0.1]) configs.push({ graph: 'nethept', model, k: 50, epsilon, fresh: true });
  // The 1,000,000-edge graph: one timed run each (no warm-up), k = 1, 10, 50 at both ε.
  for (const k of [1, 10, 50]) for (const epsilon of [0.5, 0.1]) configs.push({ graph: 'planted', model: 'wc', k, epsilon, fresh: true, repeats: 1 });

  const rows: string[] = [];
  for (const c of configs) {
    process.stderr.write(`  IMM ${c.graph} ${c.model} k=${c.k} ε=${c.epsilon}${c.fresh ? '' : ' reuse'}…\n`);
    const m = inChild(c);
    const graphLabel = c.graph === 'nethept' ? 'NetHEPT' : 'planted, 1M edges';
    if (m.refused) {
      rows.push(`| ${graphLabel} | ${MODEL_NAME[c.model]} | IMM | ${c.k} | ${c.epsilon} | refused | – | – | – | ${fmt(m.peakMB, 0)} (${fmt(m.graphMB, 0)}) | ${m.refused.replace(/\|/g, '/')} |`);
      continue;
    }
    const s = await spread(c.graph, c.model, m.seeds);
    const key = `${c.graph}/${c.model}/${c.k}/${c.epsilon}/${c.fresh ? 'fresh' : 'reuse'}`;
    rows.push(`| ${graphLabel} | ${MODEL_NAME[c.model]} | IMM${c.fresh ? '' : ' (reused RR sets, as the paper)'} | ${c.k} | ${c.epsilon} | ${fmt(m.seconds, 3)} | ${m.rrSets.toLocaleString('en-US')} (${m.generated.toLocaleString('en-US')}) | ${fmt(s.mean)} ± ${fmt(s.half)} | ${fmt(m.estimate)} | ${fmt(m.peakMB, 0)} (${fmt(m.graphMB, 0)}) | ${reference[key] ?? ''} |`);
  }

  // ε = 0.5 on NetHEPT: the spread of IMM's seeds from several random streams, each re-estimated
  // by 10,000 Monte Carlo runs — how far one run (the C++'s 949.8, ours 930.4) says anything.
  const draws: number[] = [];
  let sets = 0;
  for (const seed of SPREAD_SEEDS) {
    const m = inChild({ graph: 'nethept', model: 'wc', k: 50, epsilon: 0.5, fresh: true, repeats: 1, seed });
    draws.push((await spread('nethept', 'wc', m.seeds)).mean);
    sets += m.rrSets;
  }
  const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
  const sd = Math.sqrt(draws.reduce((a, b) => a + (b - mean) ** 2, 0) / (draws.length - 1));
  rows.push(`| NetHEPT | IC, weighted cascade | IMM, ${draws.length} random streams (seeds ${SPREAD_SEEDS[0]}–${SPREAD_SEEDS.at(-1)}) | 50 | 0.5 | – | ${Math.round(sets / draws.length).toLocaleString('en-US')} (mean) | ${fmt(mean)} (sd ${fmt(sd)}; ${fmt(Math.min(...draws))}–${fmt(Math.max(...draws))}) | – | – | 949.8 (one run) |`);

  // Heuristic baselines on NetHEPT, k = 50, for each model.
  for (const model of ['wc', 'lt', 'ic0.01'] as const) {
    const g = graphOf('nethept', model);
    for (const [name, pick] of [['top-degree', () => topDegree(g, { k: 50 })], ['PageRank (reversed, weighted)', () => topPageRank(g, { k: 50 })]] as const) {
      const started = performance.now();
      const seeds = pick().seeds;
      const seconds = (performance.now() - started) / 1000;
      const s = await spread('nethept', model, seeds);
      rows.push(`| NetHEPT | ${MODEL_NAME[model]} | ${name} | 50 | – | ${fmt(seconds, 3)} | – | ${fmt(s.mean)} ± ${fmt(s.half)} | – | – | ${name === 'top-degree' && model === 'wc' ? '849.3' : ''} |`);
    }
  }
  const wc = graphOf('nethept', 'wc');

  // CELF is n Monte Carlo estimates before its first seed, with fewer runs per estimate than the
  // re-estimate's 10,000; its first 1 and 10 seeds are those of k = 1 and 10, timed on the way.
  process.stderr.write(`  CELF k=50, ${CELF_RUNS} runs per evaluation…\n`);
  const started = performance.now();
  const at = new Map<number, { seconds: number; evaluations: number }>();
  const base = celf(wc, { k: 50, runs: CELF_RUNS, onProgress: (p) => { if (!at.has(p.seeds)) at.set(p.seeds, { seconds: (performance.now() - started) / 1000, evaluations: p.evaluations }); } });
  at.set(50, { seconds: (performance.now() - started) / 1000, evaluations: base.evaluations });
  for (const k of [1, 10, 50]) {
    const s = await spread('nethept', 'wc', base.seeds.subarray(0, k));
    const own = base.gains.subarray(0, k).reduce((a, b) => a + b, 0);
    rows.push(`| NetHEPT | IC, weighted cascade | CELF, ${CELF_RUNS.toLocaleString('en-US')} MC runs per evaluation (${at.get(k)!.evaluations.toLocaleString('en-US')} evaluations) | ${k} | – | ${fmt(at.get(k)!.seconds, 1)} | – | ${fmt(s.mean)} ± ${fmt(s.half)} | ${fmt(own)} | – | |`);
  }

  return [
    'IMM (Tang, Shi & Xiao, SIGMOD 2015) with fresh RR sets for the selection (Chen 2018) unless marked; time: median of 3 runs after a warm-up, graph loading excluded.',
    `Spread: ${MC_RUNS.toLocaleString('en-US')} Monte Carlo runs on 2 worker threads, ± the 95 % half-width. RR sets: selected on (generated in all).`,
    'Peak MB: the process\'s peak RSS (after loading the graph). Reference: the authors\' C++ IMM, NetHEPT, k = 50, on this 2-core machine (issue 5).',
    '',
    '| graph | model | method | k | ε | seconds | RR sets | spread (MC) | own estimate | peak MB (graph) | reference (C++) |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--child') console.log(JSON.stringify(child(JSON.parse(process.argv[3]!) as Config)));
  else console.log(await measureImm());
}

// NetHEPT (15,229 nodes, 62,752 arcs; the IMM authors' release), k = 50, against the figures of
// the authors' C++ IMM built and run on the project's 2-core machine (issue 5): weighted cascade
// 963.5 at ε = 0.1 and 949.8 at ε = 0.5, OPIM-C 953.9, the 50 top-degree nodes 849.3; LT 1,302.
// Every spread below is re-estimated by 10,000 independent Monte Carlo runs on worker threads,
// never taken from the algorithm's own estimate.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { topDegree, topPageRank } from '../../../src/graph/diffusion/heuristics.ts';
import { imm } from '../../../src/graph/diffusion/imm.ts';
import { icProbabilities, ltWeights } from '../../../src/graph/diffusion/probabilities.ts';
import { simulateParallel } from '../../../src/graph/diffusion/simulate-parallel.ts';
import { netHept } from './support.ts';

const RUNS = 10_000;

test('NetHEPT, weighted cascade, k = 50: IMM ≥ 944 and above top-degree and PageRank', async (t) => {
  const parsed = netHept(t, 'graph_ic.inf');
  if (!parsed) return;
  assert.equal(parsed.graph.n, 15_229);
  assert.equal(parsed.graph.m, 62_752);
  const g = icProbabilities(parsed.graph); // 1/in-degree: the file's own p, to 1e-6
  const spread = async (seeds: Int32Array, seed: number): Promise<number> => (await simulateParallel(g, { seeds, runs: RUNS, seed, threads: 2 })).mean;

  const precise = imm(g, { k: 50, epsilon: 0.1 });
  const coarse = imm(g, { k: 50, epsilon: 0.5 });
  const [a, b, degree, pagerank] = [
    await spread(precise.seeds, 101), await spread(coarse.seeds, 102),
    await spread(topDegree(g, { k: 50 }).seeds, 103), await spread(topPageRank(g, { k: 50 }).seeds, 104),
  ];
  console.log(`NetHEPT WC k = 50: IMM ε = 0.1 ${a.toFixed(1)} (own estimate ${precise.spread.toFixed(1)}), ε = 0.5 ${b.toFixed(1)}, top-degree ${degree.toFixed(1)}, PageRank ${pagerank.toFixed(1)}`);
  assert.ok(a >= 944, `IMM ε = 0.1: ${a} < 944`);
  assert.ok(a > degree && a > pagerank, `IMM ε = 0.1 (${a}) must beat top-degree (${degree}) and PageRank (${pagerank})`);
  // ε = 0.5 selects on ~59,000 RR sets instead of ~1,000,000. Over 40 seeds its spread ranged
  // from 924 to 958 (mean 937; 7 of 40 reached 944) with fresh RR sets, and from 919 to 951
  // (mean 936) reusing them as the paper does, so 944 is not a bar it clears every time: the
  // authors' 949.8 is one draw from that spread (ε = 0.1: 962 to 967 over 40 seeds). It must
  // still beat top-degree and stay within 5 % of ε = 0.1.
  assert.ok(b > degree, `IMM ε = 0.5 (${b}) must beat top-degree (${degree})`);
  assert.ok(b >= 0.95 * a, `IMM ε = 0.5 (${b}) is more than 5 % below ε = 0.1 (${a})`);
});

test('NetHEPT, linear threshold (the release\'s weights), k = 50: IMM ≥ 1,276 (authors 1,302)', async (t) => {
  const parsed = netHept(t, 'graph_lt.inf');
  if (!parsed) return;
  const g = ltWeights(parsed.graph, { lt: { kind: 'given' } });
  const r = imm(g, { k: 50, epsilon: 0.1 });
  const spread = (await simulateParallel(g, { seeds: r.seeds, runs: RUNS, seed: 105 })).mean;
  const degree = (await simulateParallel(g, { seeds: topDegree(g, { k: 50 }).seeds, runs: RUNS, seed: 106 })).mean;
  console.log(`NetHEPT LT k = 50: IMM ε = 0.1 ${spread.toFixed(1)}, top-degree ${degree.toFixed(1)}`);
  assert.ok(spread >= 1276 && spread > degree, `LT: IMM ${spread}, top-degree ${degree}`);
});

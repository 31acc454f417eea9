import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildGraph } from '../../../src/graph/csr.ts';
import { icProbabilities, ltWeights } from '../../../src/graph/diffusion/probabilities.ts';
import { simulate } from '../../../src/graph/diffusion/simulate.ts';
import { createRandom } from '../../../src/graph/random.ts';
import { arcs, exactSpread, near } from './support.ts';

const RUNS = 20_000;

/** The estimate agrees with the exact values: mean within 4 standard errors, steps within 0.03. */
function agrees(estimate: ReturnType<typeof simulate>, exact: { mean: number; perStep: number[] }, label: string): void {
  near(estimate.mean, exact.mean, 4 * estimate.standardError, `${label} mean`);
  assert.ok(estimate.ci95[0] < estimate.mean && estimate.mean < estimate.ci95[1] || estimate.stdDev === 0);
  for (let t = 0; t < Math.max(exact.perStep.length, estimate.perStep.length); t++) {
    near(estimate.perStep[t] ?? 0, exact.perStep[t] ?? 0, 0.03, `${label} step ${t}`);
  }
}

test('IC on a path, p = 0.5: spread 1.875, reach per step 1, 0.5, 0.25, 0.125', () => {
  const path = icProbabilities(arcs(4, [[0, 1], [1, 2], [2, 3]]), { ic: { kind: 'uniform', p: 0.5 } });
  const exact = exactSpread(path, [0]);
  assert.equal(exact.mean, 1.875);
  assert.deepEqual(exact.perStep, [1, 0.5, 0.25, 0.125]);
  agrees(simulate(path, { seeds: [0], runs: RUNS }), exact, 'path');
  // Cut after one step: 1 + 0.5.
  near(simulate(path, { seeds: [0], runs: RUNS, maxSteps: 1 }).mean, 1.5, 0.02, 'one step');
});

test('IC on a star, p = 0.3: 1 + Binomial(5, 0.3), mean 2.5 and standard deviation √1.05', () => {
  const star = icProbabilities(arcs(6, [[0, 1], [0, 2], [0, 3], [0, 4], [0, 5]]), { ic: { kind: 'uniform', p: 0.3 } });
  const estimate = simulate(star, { seeds: [0], runs: RUNS });
  agrees(estimate, { mean: 2.5, perStep: [1, 1.5] }, 'star');
  near(estimate.stdDev, Math.sqrt(1.05), 0.03, 'star standard deviation');
  near(estimate.ci95[1] - estimate.ci95[0], 2 * 1.96 * Math.sqrt(1.05 / RUNS), 0.001, 'interval width');
  // From a leaf nothing spreads.
  const leaf = simulate(star, { seeds: [3], runs: 100 });
  assert.equal(leaf.mean, 1);
  assert.equal(leaf.stdDev, 0);
});

test('IC on a small graph with cycles and mixed probabilities equals the enumeration of its 2^12 worlds', () => {
  const list: Array<[number, number]> = [[0, 1], [1, 2], [2, 0], [1, 3], [3, 4], [4, 1], [2, 5], [5, 4], [0, 5], [3, 0], [4, 2], [5, 3]];
  const values = [0.9, 0.4, 0.2, 0.5, 0.7, 0.1, 0.3, 0.6, 0.25, 0.35, 0.8, 0.05];
  const g = icProbabilities(arcs(6, list), { ic: { kind: 'given', values } });
  for (const seeds of [[0], [3], [1, 5]]) agrees(simulate(g, { seeds, runs: RUNS, seed: seeds[0]! + 1 }), exactSpread(g, seeds), `seeds ${seeds}`);
});

test('IC weighted cascade on an undirected graph equals the enumeration', () => {
  // A triangle 0–1–2 with a tail 2–3–4: 10 arcs.
  const g = icProbabilities(buildGraph({ n: 5, sources: [0, 1, 2, 2, 3], targets: [1, 2, 0, 3, 4] }));
  for (const seeds of [[0], [4], [2]]) agrees(simulate(g, { seeds, runs: RUNS }), exactSpread(g, seeds), `WC seeds ${seeds}`);
});

test('LT equals the enumeration of its live-edge graphs (each node keeps one in-arc)', () => {
  const list: Array<[number, number]> = [[0, 1], [0, 2], [1, 2], [2, 3], [1, 3], [3, 4], [4, 1], [0, 4]];
  const values = [0.6, 0.3, 0.5, 0.4, 0.3, 0.9, 0.2, 0.1];
  const g = ltWeights(arcs(5, list), { lt: { kind: 'given', values } });
  for (const seeds of [[0], [1], [0, 3]]) agrees(simulate(g, { seeds, runs: RUNS }), exactSpread(g, seeds), `LT seeds ${seeds}`);
  // Two in-neighbours of weight 1/2 each: one active parent activates the child half the time.
  const v = ltWeights(arcs(3, [[0, 2], [1, 2]]));
  near(simulate(v, { seeds: [0], runs: RUNS }).mean, 1.5, 0.02, 'LT one parent');
  assert.equal(simulate(v, { seeds: [0, 1], runs: 1000 }).mean, 3);
});

test('reproducible for a seed; another seed or an injected generator gives another sample', () => {
  const g = icProbabilities(arcs(4, [[0, 1], [1, 2], [2, 3], [0, 3]]), { ic: { kind: 'uniform', p: 0.5 } });
  const a = simulate(g, { seeds: [0], runs: 5000, seed: 3 });
  const b = simulate(g, { seeds: [0], runs: 5000, seed: 3 });
  assert.deepEqual(a, b);
  assert.notEqual(simulate(g, { seeds: [0], runs: 5000, seed: 4 }).mean, a.mean);
  assert.deepEqual(simulate(g, { seeds: [0], runs: 500, random: createRandom(9) }), simulate(g, { seeds: [0], runs: 500, random: createRandom(9) }));
});

test('seeds: repeats count once, empty gives 0, out of range is refused', () => {
  const g = icProbabilities(arcs(3, [[0, 1], [1, 2]]), { ic: { kind: 'uniform', p: 0 } });
  assert.equal(simulate(g, { seeds: [0, 0, 2], runs: 10 }).mean, 2);
  const none = simulate(g, { seeds: [], runs: 10 });
  assert.equal(none.mean, 0);
  assert.deepEqual([...none.perStep], []);
  assert.throws(() => simulate(g, { seeds: [3] }), /seed 3 is not a node index in \[0, 3\)/);
  assert.throws(() => simulate(g, { seeds: [0], runs: 0 }), /runs must be a positive integer/);
});

test('the reach curve: cumulative means and a 95 % band per step, the last step equal to the interval', async () => {
  // Path 0 → 1 → 2 → 3, p = 0.5: by the end of step t the reach is 1 + min(G, t), G geometric;
  // step 1: mean 1.5, standard deviation 0.5; step 2: mean 1.75, variance 0.6875.
  const path = icProbabilities(arcs(4, [[0, 1], [1, 2], [2, 3]]), { ic: { kind: 'uniform', p: 0.5 } });
  const e = simulate(path, { seeds: [0], runs: RUNS, seed: 7 });
  near(e.cumulative[1]!, 1.5, 0.02, 'step 1 mean');
  near(e.cumulative[2]!, 1.75, 0.03, 'step 2 mean');
  near((e.cumulativeHigh[1]! - e.cumulativeLow[1]!) / 2, (1.96 * 0.5) / Math.sqrt(RUNS), 0.0008, 'step 1 half-width');
  near((e.cumulativeHigh[2]! - e.cumulativeLow[2]!) / 2, (1.96 * Math.sqrt(0.6875)) / Math.sqrt(RUNS), 0.001, 'step 2 half-width');
  assert.equal(e.cumulativeLow[0], 1);
  assert.equal(e.cumulativeHigh[0], 1);
  const last = e.cumulative.length - 1;
  near(e.cumulative[last]!, e.mean, 1e-9, 'last step is the mean');
  near(e.cumulativeLow[last]!, e.ci95[0], 1e-9, 'last band is the interval');
  // Threads merge their bands exactly as one stream would add them.
  const { simulateParallel } = await import('../../../src/graph/diffusion/simulate-parallel.ts');
  const p = await simulateParallel(path, { seeds: [0], runs: 4000, seed: 3, threads: 2 });
  const pl = p.cumulative.length - 1;
  near(p.cumulativeHigh[pl]!, p.ci95[1], 1e-9, 'parallel last band');
  near(p.cumulative[1]!, 1.5, 0.05, 'parallel step 1');
});

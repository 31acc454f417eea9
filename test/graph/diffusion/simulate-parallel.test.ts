import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildGraph } from '../../../src/graph/csr.ts';
import { plantedPartition } from '../../../src/graph/generate.ts';
import { icProbabilities, ltWeights } from '../../../src/graph/diffusion/probabilities.ts';
import { simulate } from '../../../src/graph/diffusion/simulate.ts';
import { simulateParallel } from '../../../src/graph/diffusion/simulate-parallel.ts';
import { arcs, exactSpread, near } from './support.ts';

const cycle: Array<[number, number]> = [[0, 1], [1, 2], [2, 0], [1, 3], [3, 4], [4, 1], [2, 5], [5, 4], [0, 5], [3, 0]];
const ic = icProbabilities(arcs(6, cycle), { ic: { kind: 'given', values: [0.9, 0.4, 0.2, 0.5, 0.7, 0.1, 0.3, 0.6, 0.25, 0.35] } });

test('the same seed and thread count give the same estimate; one thread is `simulate`', async () => {
  const a = await simulateParallel(ic, { seeds: [0], runs: 20_001, threads: 3, seed: 5 });
  const b = await simulateParallel(ic, { seeds: [0], runs: 20_001, threads: 3, seed: 5 });
  assert.deepEqual(a, b);
  assert.equal(a.runs, 20_001);
  const one = await simulateParallel(ic, { seeds: [0], runs: 5000, threads: 1, seed: 5 });
  assert.deepEqual(one, simulate(ic, { seeds: [0], runs: 5000, seed: 5 }));
  // Other thread counts draw other streams, and all agree with the exact value.
  const exact = exactSpread(ic, [0]);
  const two = await simulateParallel(ic, { seeds: [0], runs: 20_000, threads: 2, seed: 5 });
  assert.notEqual(two.mean, a.mean);
  for (const e of [a, two]) near(e.mean, exact.mean, 4 * e.standardError, 'parallel mean');
  for (let t = 0; t < exact.perStep.length; t++) near(a.perStep[t] ?? 0, exact.perStep[t]!, 0.03, `step ${t}`);
});

test('LT on worker threads agrees with the enumeration', async () => {
  const lt = ltWeights(arcs(5, [[0, 1], [0, 2], [1, 2], [2, 3], [1, 3], [3, 4], [4, 1], [0, 4]]));
  const exact = exactSpread(lt, [0]);
  const e = await simulateParallel(lt, { seeds: [0], runs: 20_000, threads: 2 });
  near(e.mean, exact.mean, 4 * e.standardError, 'LT parallel');
});

test('progress is reported up to the total; an abort stops the workers and rejects', async () => {
  const planted = plantedPartition({ n: 20_000, edges: 100_000, seed: 3 });
  const g = icProbabilities(buildGraph(planted, { dedupe: true, dropSelfLoops: true }));
  const seen: number[] = [];
  await simulateParallel(g, { seeds: [1, 2, 3], runs: 2000, threads: 2, onProgress: (done, total) => { assert.equal(total, 2000); seen.push(done); } });
  assert.ok(seen.length > 10);
  assert.equal(seen.at(-1), 2000);
  assert.ok(seen.every((d, i) => i === 0 || d >= seen[i - 1]!));

  const controller = new AbortController();
  const started = performance.now();
  await assert.rejects(
    simulateParallel(g, { seeds: [1, 2, 3], runs: 10_000_000, threads: 2, onProgress: () => controller.abort() , signal: controller.signal }),
    (error: Error) => error.name === 'AbortError',
  );
  assert.ok(performance.now() - started < 5000, 'the abort was prompt');
  await assert.rejects(simulateParallel(g, { seeds: [1], signal: AbortSignal.abort() }), { name: 'AbortError' });
});

test('bad options are refused before any worker starts', async () => {
  await assert.rejects(simulateParallel(ic, { seeds: [0], threads: 0 }), /threads must be a positive integer/);
  await assert.rejects(simulateParallel(ic, { seeds: [9] }), /seed 9 is not a node index/);
});

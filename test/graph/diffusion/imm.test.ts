import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyGraph } from '../../../src/graph/csr.ts';
import { celf, celfAsync } from '../../../src/graph/diffusion/celf.ts';
import { topDegree, topPageRank } from '../../../src/graph/diffusion/heuristics.ts';
import { imm, immAsync, logChoose } from '../../../src/graph/diffusion/imm.ts';
import { maxCoverage } from '../../../src/graph/diffusion/max-coverage.ts';
import { icProbabilities, ltWeights } from '../../../src/graph/diffusion/probabilities.ts';
import { createRRSampler, createRRSets, type RRSets } from '../../../src/graph/diffusion/rr-sets.ts';
import { simulate } from '../../../src/graph/diffusion/simulate.ts';
import { createRandom } from '../../../src/graph/random.ts';
import { arcs, exactSpread, karate, near } from './support.ts';

/** RR sets given as lists. */
function rrSets(lists: number[][]): RRSets {
  const sets = createRRSets();
  const pool = lists.flat();
  sets.pool = Int32Array.from(pool);
  sets.offsets = new Int32Array(lists.length + 1);
  for (let r = 0; r < lists.length; r++) sets.offsets[r + 1] = sets.offsets[r]! + lists[r]!.length;
  sets.count = lists.length;
  sets.size = pool.length;
  return sets;
}

const k = karate();
const wc = icProbabilities(k.graph);
const spreadOf = (g: typeof wc, seeds: ArrayLike<number>): number => simulate(g, { seeds: Array.from(seeds), runs: 50_000, seed: 11 }).mean;

test('RR sets estimate spread without bias: n · Pr[S meets an RR set] = σ(S), IC and LT', () => {
  const list: Array<[number, number]> = [[0, 1], [1, 2], [2, 0], [1, 3], [3, 4], [4, 1], [2, 5], [5, 4], [0, 5], [3, 0], [4, 2], [5, 3]];
  const graphs = [
    icProbabilities(arcs(6, list), { ic: { kind: 'given', values: [0.9, 0.4, 0.2, 0.5, 0.7, 0.1, 0.3, 0.6, 0.25, 0.35, 0.8, 0.05] } }),
    icProbabilities(arcs(6, list)), // weighted cascade: rows with one probability
    ltWeights(arcs(6, list), { lt: { kind: 'given', values: [0.5, 0.4, 0.2, 0.5, 0.7, 0.1, 0.3, 0.6, 0.25, 0.35, 0.2, 0.05] } }),
  ];
  for (const g of graphs) {
    const sets = createRRSets();
    createRRSampler(g, createRandom(1)).fill(sets, 200_000);
    for (const seeds of [[0], [3], [1, 5]]) {
      let hit = 0;
      for (let r = 0; r < sets.count; r++) {
        for (let e = sets.offsets[r]!; e < sets.offsets[r + 1]!; e++) if (seeds.includes(sets.pool[e]!)) { hit++; break; }
      }
      const p = hit / sets.count;
      near(6 * p, exactSpread(g, seeds).mean, 6 * 4 * Math.sqrt(p * (1 - p) / sets.count), `${g.model} RR estimate of ${seeds}`);
    }
  }
});

test('max coverage: greedy order and gains; the budgeted greedy or the best single node', () => {
  const sets = rrSets([[0, 1], [0, 2], [0], [1, 3], [1, 3], [2], [3, 4], [4]]);
  assert.deepEqual(maxCoverage(sets, 5, { k: 2 }), { seeds: [0, 3], gains: [3, 3], covered: 6, cost: 2, choice: 'greedy' });
  // Unit costs and budget k: the same choice as k seeds.
  assert.deepEqual(maxCoverage(sets, 5, { budget: 2, costs: [1, 1, 1, 1, 1] }).seeds, [0, 3]);
  // Gain per cost: nodes 2 and 4 (2 sets for a cost of 1 each, ties to the smaller index), then
  // node 1 (3 sets for 2) fits a budget of 4 but not of 3.
  const costs = [2, 2, 1, 3, 1];
  assert.deepEqual(maxCoverage(sets, 5, { budget: 4, costs }), { seeds: [2, 4, 1], gains: [2, 2, 3], covered: 7, cost: 4, choice: 'greedy' });
  assert.deepEqual(maxCoverage(sets, 5, { budget: 3, costs }), { seeds: [2, 4], gains: [2, 2], covered: 4, cost: 2, choice: 'greedy' });
  // The best single affordable node beats the greedy: 1 set for 1 first, then the big node no longer fits.
  const lopsided = rrSets([[0], [0], [0], [0], [0], [0], [0], [0], [0], [1]]);
  assert.deepEqual(maxCoverage(lopsided, 2, { budget: 10, costs: [10, 1] }), { seeds: [0], gains: [9], covered: 9, cost: 10, choice: 'single' });
  // Pools: only allowed nodes are chosen.
  assert.deepEqual(maxCoverage(sets, 5, { k: 2, allowed: Uint8Array.from([0, 1, 1, 0, 1]) }).seeds, [1, 2]);
});

test('karate (weighted cascade): IMM seeds spread as far as CELF seeds', () => {
  for (const size of [1, 3, 5]) {
    const fromImm = imm(wc, { k: size, epsilon: 0.1 });
    const fromCelf = celf(wc, { k: size, runs: 2000 });
    assert.equal(fromImm.seeds.length, size);
    const a = spreadOf(wc, fromImm.seeds), b = spreadOf(wc, fromCelf.seeds);
    assert.ok(a >= 0.98 * b, `k = ${size}: IMM ${a} vs CELF ${b}`);
    near(fromImm.spread, a, 0.1 * a, `k = ${size}: IMM's own estimate`);
    near(fromImm.gains.reduce((x, y) => x + y, 0), fromImm.spread, 1e-9, 'gains add up');
    assert.ok(fromImm.gains.every((g, i) => i === 0 || g <= fromImm.gains[i - 1]! + 1e-9), 'greedy gains do not grow');
    assert.ok(a > spreadOf(wc, topDegree(wc, { k: size }).seeds) - 0.05, `k = ${size}: IMM above top-degree`);
  }
});

test('karate (LT): IMM close to CELF; the paper\'s reuse variant also works', () => {
  const lt = ltWeights(k.graph);
  const fresh = imm(lt, { k: 4, epsilon: 0.1 });
  const reuse = imm(lt, { k: 4, epsilon: 0.1, fresh: false });
  const base = celf(lt, { k: 4, runs: 2000 });
  const b = spreadOf(lt, base.seeds);
  for (const r of [fresh, reuse]) assert.ok(spreadOf(lt, r.seeds) >= 0.98 * b, `LT: ${spreadOf(lt, r.seeds)} vs CELF ${b}`);
  assert.ok(reuse.generated < fresh.generated);
  assert.equal(reuse.generated, reuse.rrSets);
});

test('reproducible for a seed; the θ bound follows the paper', () => {
  const a = imm(wc, { k: 3, epsilon: 0.2, seed: 9 });
  assert.deepEqual(a, imm(wc, { k: 3, epsilon: 0.2, seed: 9 }));
  const n = wc.n, ell = 1 + Math.log(2) / Math.log(n);
  assert.equal(a.ell, ell);
  const alpha = Math.sqrt(ell * Math.log(n) + Math.log(2));
  const beta = Math.sqrt((1 - 1 / Math.E) * (logChoose(n, 3) + ell * Math.log(n) + Math.log(2)));
  assert.equal(a.rrSets, Math.ceil((2 * n * ((1 - 1 / Math.E) * alpha + beta) ** 2) / 0.04 / a.lowerBound));
  near(logChoose(34, 3), Math.log(5984), 1e-9, 'ln C(34, 3)');
});

test('pools and exclusions are respected; the guarantee is within the pool', () => {
  const pool = [4, 5, 6, 10, 16, 11, 12, 17, 21];
  const r = imm(wc, { k: 3, epsilon: 0.2, candidates: pool });
  assert.ok([...r.seeds].every((s) => pool.includes(s)));
  const free = imm(wc, { k: 2, epsilon: 0.2 });
  const without = imm(wc, { k: 2, epsilon: 0.2, excluded: [...free.seeds] });
  assert.ok([...without.seeds].every((s) => !free.seeds.includes(s)));
  assert.ok([...celf(wc, { k: 2, runs: 300, candidates: pool }).seeds].every((s) => pool.includes(s)));
  assert.ok([...topDegree(wc, { k: 3, candidates: pool }).seeds].every((s) => pool.includes(s)));
  assert.ok([...topPageRank(wc, { k: 3, excluded: [...free.seeds] }).seeds].every((s) => !free.seeds.includes(s)));
});

test('a budget with costs: the seeds cost at most the budget, with the 1 − 1/√e guarantee', () => {
  const random = createRandom(4);
  const costs = Float64Array.from({ length: wc.n }, () => 1 + random.int(5));
  const r = imm(wc, { budget: 6, costs, epsilon: 0.2 });
  let spent = 0;
  for (const s of r.seeds) spent += costs[s]!;
  assert.ok(r.seeds.length > 0 && spent <= 6);
  assert.equal(r.cost, spent);
  near(r.approximation, 1 - 1 / Math.sqrt(Math.E), 1e-12, 'budget guarantee');
  // Unit costs and budget 3 give as much spread as k = 3.
  const unit = imm(wc, { budget: 3, costs: new Float64Array(wc.n).fill(1), epsilon: 0.2 });
  assert.equal(unit.seeds.length, 3);
  assert.ok(spreadOf(wc, unit.seeds) >= 0.97 * spreadOf(wc, imm(wc, { k: 3, epsilon: 0.2 }).seeds));
  // Nothing affordable: no seeds.
  assert.equal(imm(wc, { budget: 0.5, costs }).seeds.length, 0);
});

test('bad input: a clear error, or an empty answer for a graph without arcs', () => {
  assert.throws(() => imm(wc, { k: 5, candidates: [0, 1, 2] }), /k = 5 is larger than the 3 allowed candidates/);
  assert.throws(() => imm(wc, { k: 1, candidates: [] }), /candidate pool is empty/);
  assert.throws(() => imm(wc, { k: 1, candidates: [3], excluded: [3] }), /empty once the excluded nodes are removed/);
  assert.throws(() => imm(wc, { k: 35 }), /larger than the 34 allowed/);
  assert.throws(() => imm(wc, { k: 1, candidates: [40] }), /candidate 40 is not a node index/);
  assert.throws(() => imm(wc, { k: 2, epsilon: 0 }), /epsilon must be in \(0, 1\]/);
  assert.throws(() => imm(wc, { budget: 5 }), /a budget needs `costs`/);
  assert.throws(() => imm(wc, { k: 2, epsilon: 0.01, maxRRSets: 100_000 }), /IMM would need [\d,]+ RR sets \(ε = 0.01, sampling phase\), more than maxRRSets = 100,000/);
  assert.throws(() => imm(wc, { budget: 5, costs: new Float64Array(34) }), /cost of node 0 must be a finite number > 0/);
  assert.throws(() => celf(wc, { k: 3, candidates: [1, 2] }), /k = 3 is larger than the 2 allowed/);
  assert.throws(() => topDegree(wc, { k: 2, candidates: [] }), /candidate pool is empty/);
  const none = icProbabilities(emptyGraph(10, true));
  for (const r of [imm(none, { k: 3 }), celf(none, { k: 3 })]) {
    assert.equal(r.seeds.length, 0);
    assert.equal(r.spread, 0);
  }
  assert.equal(imm(wc, { k: 0 }).seeds.length, 0);
  // Tiny graphs skip the sampling rounds (log₂ n − 1 < 1) and still answer.
  const pair = icProbabilities(arcs(2, [[0, 1]]), { ic: { kind: 'uniform', p: 0.5 } });
  const one = imm(pair, { k: 1 });
  assert.deepEqual([...one.seeds], [0]);
  near(one.spread, 1.5, 0.05, 'two nodes, one arc');
  assert.deepEqual([...imm(icProbabilities(arcs(1, [[0, 0]])), { k: 1 }).seeds], [0]);
  assert.equal(imm(icProbabilities(emptyGraph(0)), { k: 0 }).seeds.length, 0);
});

test('progress is reported and an AbortSignal stops IMM and CELF', async () => {
  const phases = new Set<string>();
  let last = 0;
  const done = await immAsync(wc, { k: 3, epsilon: 0.1, onProgress: (p) => { phases.add(p.phase); assert.ok(p.rrSets <= p.target); last = p.rrSets; } });
  assert.deepEqual([...phases].sort(), ['sampling', 'selection']);
  assert.equal(last, done.rrSets);
  assert.deepEqual(done, imm(wc, { k: 3, epsilon: 0.1 }));

  const controller = new AbortController();
  await assert.rejects(immAsync(wc, { k: 3, epsilon: 0.05, signal: controller.signal, onProgress: () => controller.abort() }), { name: 'AbortError' });
  await assert.rejects(immAsync(wc, { k: 3, signal: AbortSignal.abort() }), { name: 'AbortError' });
  const stop = new AbortController();
  await assert.rejects(celfAsync(wc, { k: 5, runs: 500, signal: stop.signal, onProgress: (p) => { if (p.seeds >= 1) stop.abort(); } }), { name: 'AbortError' });
});

test('heuristics: the star centre first, by degree and by PageRank on the reversed graph', () => {
  const star = icProbabilities(arcs(6, [[0, 1], [0, 2], [0, 3], [0, 4], [5, 4]]), { ic: { kind: 'uniform', p: 0.5 } });
  assert.deepEqual([...topDegree(star, { k: 2 }).seeds], [0, 5]);
  assert.deepEqual([...topDegree(star, { k: 2 }).scores], [4, 1]);
  assert.deepEqual([...topPageRank(star, { k: 2 }).seeds], [0, 5]);
  assert.equal(topPageRank(star, { k: 0 }).seeds.length, 0);
});

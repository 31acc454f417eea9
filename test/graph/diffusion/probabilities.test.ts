import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildGraph, emptyGraph } from '../../../src/graph/csr.ts';
import { icProbabilities, ltWeights, TRIVALENCY } from '../../../src/graph/diffusion/probabilities.ts';
import { arcs } from './support.ts';

// 0 → 1, 0 → 2, 1 → 2, 3 → 2: in-degrees 0, 1, 3, 0.
const g = arcs(4, [[0, 1], [0, 2], [1, 2], [3, 2]]);

/** Each arc's value seen from both ends, as [u, v, out value, in value]. */
function both(ig: ReturnType<typeof icProbabilities>): Array<[number, number, number, number]> {
  const out: Array<[number, number, number, number]> = [];
  for (let u = 0; u < ig.n; u++) {
    for (let a = ig.offsets[u]!; a < ig.offsets[u + 1]!; a++) {
      const v = ig.targets[a]!;
      let b = ig.inOffsets[v]!;
      while (ig.inSources[b] !== u) b++;
      out.push([u, v, ig.probabilities[a]!, ig.inProbabilities[b]!]);
    }
  }
  return out;
}

test('weighted cascade: p(u → v) = 1/in-degree(v), aligned in out- and in-rows', () => {
  assert.deepEqual(both(icProbabilities(g)), [[0, 1, 1, 1], [0, 2, 1 / 3, 1 / 3], [1, 2, 1 / 3, 1 / 3], [3, 2, 1 / 3, 1 / 3]]);
});

test('uniform and trivalency: values in range, trivalency reproducible for a seed', () => {
  assert.ok(icProbabilities(g, { ic: { kind: 'uniform', p: 0.2 } }).probabilities.every((p) => p === 0.2));
  const a = icProbabilities(g, { ic: { kind: 'trivalency' }, seed: 7 });
  const b = icProbabilities(g, { ic: { kind: 'trivalency' }, seed: 7 });
  assert.deepEqual(a.probabilities, b.probabilities);
  assert.ok(a.probabilities.every((p) => (TRIVALENCY as readonly number[]).includes(p)));
  for (const [, , out, inn] of both(a)) assert.equal(out, inn);
  // Over many arcs the three values are drawn about equally often.
  const big = buildGraph({ n: 2, sources: Array(3000).fill(0), targets: Array(3000).fill(1), directed: true });
  const counts = new Map<number, number>();
  for (const p of icProbabilities(big, { ic: { kind: 'trivalency' } }).probabilities) counts.set(p, (counts.get(p) ?? 0) + 1);
  for (const v of TRIVALENCY) assert.ok(Math.abs(counts.get(v)! - 1000) < 100, `trivalency ${v}: ${counts.get(v)}`);
});

test('given per arc (tie strength): follows graph.targets order, or the graph weights', () => {
  const values = [0.5, 0.25, 0.125, 1];
  assert.deepEqual(both(icProbabilities(g, { ic: { kind: 'given', values } })).map((x) => x[2]), values);
  const weighted = buildGraph({ n: 3, sources: [0, 1], targets: [1, 2], weights: [0.3, 0.6], directed: true });
  assert.deepEqual(both(icProbabilities(weighted, { ic: { kind: 'given' } })), [[0, 1, 0.3, 0.3], [1, 2, 0.6, 0.6]]);
});

test('a follow graph is read reversed: A follows B lets B activate A', () => {
  // 1 and 2 follow 0; 2 follows 1.
  const follows = arcs(3, [[1, 0], [2, 0], [2, 1]]);
  const ig = icProbabilities(follows, { direction: 'follow', ic: { kind: 'given', values: [0.5, 0.25, 0.75] } });
  assert.deepEqual(both(ig), [[0, 1, 0.5, 0.5], [0, 2, 0.25, 0.25], [1, 2, 0.75, 0.75]]);
  // Weighted cascade in the direction of influence: 2 is activated by 0 and 1.
  assert.deepEqual(both(icProbabilities(follows, { direction: 'follow' })).map((x) => x[2]), [1, 0.5, 0.5]);
});

test('undirected graphs: both arcs of an edge get the probability of their own head', () => {
  const path = buildGraph({ n: 3, sources: [0, 1], targets: [1, 2] });
  assert.deepEqual(both(icProbabilities(path)), [[0, 1, 0.5, 0.5], [1, 0, 1, 1], [1, 2, 1, 1], [2, 1, 0.5, 0.5]]);
});

test('probabilities outside [0, 1] are refused with the arc named', () => {
  assert.throws(() => icProbabilities(g, { ic: { kind: 'given', values: [0.5, 0.2, 1.5, 0] } }), /arc 2 \(1 → 2\): probability 1.5 is outside \[0, 1\]/);
  assert.throws(() => icProbabilities(g, { ic: { kind: 'given', values: [-0.1, 0, 0, 0] } }), /arc 0 \(0 → 1\): probability -0.1/);
  assert.throws(() => icProbabilities(g, { ic: { kind: 'given', values: [0, 0, 0, Number.NaN] }, ids: ['ann', 'bob', 'cy', 'dee'] }), /arc 3 \(dee → cy\): probability NaN/);
  assert.throws(() => icProbabilities(g, { ic: { kind: 'uniform', p: 2 } }), /uniform probability 2 is outside/);
  assert.throws(() => icProbabilities(g, { ic: { kind: 'given', values: [0.5] } }), /1 values for 4 arcs/);
  assert.throws(() => icProbabilities(g, { ic: { kind: 'given' } }), /no values and the graph has no weights/);
  assert.throws(() => ltWeights(g, { lt: { kind: 'given', values: [1, -1, 0, 0] } }), /arc 1 \(0 → 2\): weight -1/);
});

test('LT weights: 1/in-degree, or given and scaled down to sum to 1 per node', () => {
  assert.deepEqual(both(ltWeights(g)).map((x) => x[2]), [1, 1 / 3, 1 / 3, 1 / 3]);
  const lt = ltWeights(g, { lt: { kind: 'given', values: [0.4, 1, 3, 0] } });
  const sums = new Float64Array(4);
  for (const [, v, out, inn] of both(lt)) { sums[v]! += inn; assert.equal(out, inn); }
  assert.deepEqual([...sums], [0, 0.4, 1, 0]);
  assert.deepEqual(both(lt).map((x) => x[2]), [0.4, 0.25, 0.75, 0]);
});

test('an empty graph gives an empty influence graph', () => {
  const ig = icProbabilities(emptyGraph(3, true));
  assert.equal(ig.m, 0);
  assert.equal(ig.n, 3);
});

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { buildGraph, emptyGraph } from '../../src/graph/csr.ts';
import { parseSnap } from '../../src/graph/parse.ts';
import { createRandom } from '../../src/graph/random.ts';
import { approximateKHopReach, kHopNeighbourhood, kHopReach } from '../../src/graph/reach.ts';
import { byReferenceIds, karate, lesmis, reference, sharedGraph } from './support.ts';

test('exact 2-hop reach equals igraph neighborhood_size(order = 2) − 1', () => {
  for (const [parsed, ref] of [[karate(), reference.karate], [lesmis(), reference.lesmis]] as const) {
    assert.deepEqual(byReferenceIds(kHopReach(parsed.graph, 2), parsed, ref.ids), ref.reach2);
  }
});

test('k-hop neighbourhood: nearest first; direction modes', () => {
  const g = buildGraph({ n: 5, sources: [0, 1, 2, 4], targets: [1, 2, 3, 0], directed: true });
  assert.deepEqual([...kHopNeighbourhood(g, 0, 2)], [1, 2]);
  assert.deepEqual([...kHopNeighbourhood(g, 0, 1, { mode: 'in' })], [4]);
  assert.deepEqual([...kHopNeighbourhood(g, 0, 1, { mode: 'all' })], [1, 4]);
  assert.deepEqual([...kHopNeighbourhood(g, 0, 0)], []);
  assert.deepEqual([...kHopReach(g, 3, { sources: [0, 3] })], [3, 0]);
  assert.deepEqual([...kHopReach(g, 10, { mode: 'all', sources: [3] })], [4]);
});

/** A seeded random graph with some structure: a ring lattice plus random shortcuts. */
function smallWorld(n: number, seed: number): ReturnType<typeof buildGraph> {
  const random = createRandom(seed);
  const sources: number[] = [], targets: number[] = [];
  for (let u = 0; u < n; u++) {
    for (let d = 1; d <= 3; d++) { sources.push(u); targets.push((u + d) % n); }
    sources.push(u); targets.push(random.int(n));
  }
  return buildGraph({ n, sources, targets }, { dedupe: true, dropSelfLoops: true });
}

test('HyperANF: 2- and 3-hop estimates within the stated error of the exact reach', (t) => {
  const g = smallWorld(3000, 1);
  for (const k of [2, 3]) {
    const exact = kHopReach(g, k);
    const approx = approximateKHopReach(g, k, { precision: 7 });
    let sumAbs = 0, within2 = 0;
    for (let v = 0; v < g.n; v++) {
      const rel = (approx.estimates[v]! - exact[v]!) / exact[v]!;
      sumAbs += Math.abs(rel);
      if (Math.abs(rel) <= 2 * approx.relativeStandardError) within2++;
    }
    const mean = sumAbs / g.n;
    t.diagnostic(`k = ${k}: mean |relative error| ${(mean * 100).toFixed(1)} %, ${((within2 / g.n) * 100).toFixed(1)} % within 2σ (σ = ${(approx.relativeStandardError * 100).toFixed(1)} %)`);
    assert.equal(approx.registers, 128);
    assert.ok(mean <= approx.relativeStandardError, `mean error ${mean}`);
    assert.ok(within2 / g.n >= 0.9);
  }
});

test('HyperANF: a seed replays; more registers, less error; bad precision refused', () => {
  const g = smallWorld(1000, 2);
  assert.deepEqual(approximateKHopReach(g, 2, { seed: 5 }), approximateKHopReach(g, 2, { seed: 5 }));
  const exact = kHopReach(g, 2);
  const error = (precision: number): number => {
    const { estimates } = approximateKHopReach(g, 2, { precision });
    let s = 0;
    for (let v = 0; v < g.n; v++) s += Math.abs(estimates[v]! - exact[v]!) / exact[v]!;
    return s / g.n;
  };
  assert.ok(error(10) < error(5));
  assert.throws(() => approximateKHopReach(g, 2, { precision: 3 }), /precision/);
});

test('0 and 1 node; isolated nodes reach nobody', () => {
  assert.equal(kHopReach(emptyGraph(0), 2).length, 0);
  assert.deepEqual([...kHopReach(emptyGraph(1), 2)], [0]);
  assert.equal(approximateKHopReach(emptyGraph(0), 2).estimates.length, 0);
  assert.ok(approximateKHopReach(emptyGraph(3), 2).estimates.every((x) => x < 0.01)); // HLL of one element: ≈ 1.004
});

test('ego-Facebook: HyperANF 2-hop reach against exact BFS', (t) => {
  const file = sharedGraph(t, 'facebook_combined.txt');
  if (!file) return;
  const { graph } = parseSnap(fs.readFileSync(file, 'utf8'));
  const exact = kHopReach(graph, 2);
  const approx = approximateKHopReach(graph, 2);
  let sumAbs = 0;
  for (let v = 0; v < graph.n; v++) sumAbs += Math.abs(approx.estimates[v]! - exact[v]!) / exact[v]!;
  t.diagnostic(`ego-Facebook 2-hop: mean |relative error| ${((sumAbs / graph.n) * 100).toFixed(1)} % (σ = ${(approx.relativeStandardError * 100).toFixed(1)} %)`);
  assert.ok(sumAbs / graph.n <= approx.relativeStandardError);
});

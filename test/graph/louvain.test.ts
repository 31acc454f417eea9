import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { buildGraph, emptyGraph } from '../../src/graph/csr.ts';
import { louvain } from '../../src/graph/louvain.ts';
import { modularity } from '../../src/graph/modularity.ts';
import { parseSnap } from '../../src/graph/parse.ts';
import { createRandom } from '../../src/graph/random.ts';
import { karate, lesmis, reference, samePartition, sharedGraph } from './support.ts';

test('modularity() equals igraph for given partitions', () => {
  const k = karate();
  const factions = k.ids.map((id) => (reference.karate.factions[String(id)] === 'Mr. Hi' ? 0 : 1));
  assert.ok(Math.abs(modularity(k.graph, factions) - reference.karate.modularity.factionsModularity) < 1e-12);
  const karateOptimal = k.ids.map((id) => reference.karate.modularity.optimalMembership[reference.karate.ids.indexOf(id)]!);
  assert.ok(Math.abs(modularity(k.graph, karateOptimal) - reference.karate.modularity.optimal) < 1e-12);
  const l = lesmis();
  const ref = reference.lesmis.modularity.weighted;
  const lesmisOptimal = l.ids.map((id) => ref.optimalMembership[reference.lesmis.ids.indexOf(id)]!);
  assert.ok(Math.abs(modularity(l.graph, lesmisOptimal) - ref.optimal) < 1e-12);
  assert.ok(Math.abs(modularity(l.graph, lesmisOptimal, { weighted: false }) - ref.optimalMembershipUnweighted) < 1e-12);
});

// Louvain is a heuristic: like igraph's (0.394 for 2 of 40 seeds), a few seeds end in a poorer
// local optimum, so the bar is the default seed and the distribution, not every seed.
test('karate: Louvain modularity ≥ 0.40 (default seed, and ≥ 85 % of seeds); the optimum 0.4198 reached', (t) => {
  const k = karate();
  const qs = Array.from({ length: 20 }, (_, seed) => louvain(k.graph, { seed }).modularity);
  const best = Math.max(...qs), mean = qs.reduce((a, b) => a + b) / qs.length;
  t.diagnostic(`karate modularity: mean ${mean.toFixed(4)}, best ${best.toFixed(4)} over 20 seeds; igraph multilevel mean ${reference.karate.modularity.igraphMultilevel.mean.toFixed(4)}, optimum ${reference.karate.modularity.optimal.toFixed(4)}`);
  t.diagnostic(`karate: ${qs.filter((q) => q >= 0.40).length}/20 seeds reach 0.40, ${qs.filter((q) => q > reference.karate.modularity.optimal - 1e-9).length}/20 the optimum`);
  assert.ok(louvain(k.graph).modularity >= 0.40);
  assert.ok(qs.filter((q) => q >= 0.40).length >= 17);
  assert.ok(Math.abs(best - reference.karate.modularity.optimal) < 1e-9);
  assert.ok(mean >= reference.karate.modularity.igraphMultilevel.mean - 0.01);
});

test('karate: Louvain communities align with the two factions', (t) => {
  const k = karate();
  const faction = k.ids.map((id) => (reference.karate.factions[String(id)] === 'Mr. Hi' ? 0 : 1));
  const { communities, count } = louvain(k.graph);
  // Purity: each community labelled with its majority faction.
  const votes = Array.from({ length: count }, () => [0, 0]);
  communities.forEach((c, i) => votes[c]![faction[i]!]!++);
  const purity = votes.reduce((s, [a, b]) => s + Math.max(a!, b!), 0) / k.graph.n;
  // The 2-way split of the communities with the highest modularity.
  let bestSplit: number[] = [], bestQ = -Infinity;
  for (let mask = 1; mask < (1 << count) - 1; mask++) {
    const split = [...communities].map((c) => (mask >> c) & 1);
    const q = modularity(k.graph, split);
    if (q > bestQ) { bestQ = q; bestSplit = split; }
  }
  const same = bestSplit.filter((s, i) => s === faction[i]).length;
  const agreement = Math.max(same, k.graph.n - same) / k.graph.n;
  t.diagnostic(`karate: ${count} communities, purity ${(purity * 100).toFixed(1)} %; best 2-way split (Q = ${bestQ.toFixed(4)}) agrees with the factions on ${(agreement * k.graph.n).toFixed(0)}/34 members`);
  assert.ok(purity >= 0.97);
  assert.ok(agreement >= 0.97);
});

test('Les Misérables: weighted Louvain within 0.01 of igraph multilevel', (t) => {
  const l = lesmis();
  const ref = reference.lesmis.modularity;
  const weighted = Array.from({ length: 10 }, (_, seed) => louvain(l.graph, { seed }).modularity);
  const unweighted = Array.from({ length: 10 }, (_, seed) => louvain(l.graph, { seed, weighted: false }).modularity);
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b) / xs.length;
  t.diagnostic(`lesmis weighted: ours mean ${mean(weighted).toFixed(4)} best ${Math.max(...weighted).toFixed(4)}; igraph multilevel mean ${ref.weighted.igraphMultilevel.mean.toFixed(4)} best ${ref.weighted.igraphMultilevel.best.toFixed(4)}; optimum ${ref.weighted.optimal.toFixed(4)}`);
  t.diagnostic(`lesmis unweighted: ours mean ${mean(unweighted).toFixed(4)}; igraph multilevel mean ${ref.unweighted.igraphMultilevel.mean.toFixed(4)}`);
  assert.ok(Math.abs(louvain(l.graph).modularity - ref.weighted.igraphMultilevel.mean) <= 0.01);
  assert.ok(Math.abs(mean(weighted) - ref.weighted.igraphMultilevel.mean) <= 0.01);
  assert.ok(Math.abs(mean(unweighted) - ref.unweighted.igraphMultilevel.mean) <= 0.01);
  assert.ok(Math.max(...weighted) <= ref.weighted.optimal + 1e-9);
});

test('the same seed gives the same communities; an injected generator equals its seed', () => {
  const l = lesmis();
  const a = louvain(l.graph, { seed: 9 }), b = louvain(l.graph, { seed: 9 }), c = louvain(l.graph, { random: createRandom(9) });
  assert.deepEqual(a, b);
  assert.deepEqual(a.communities, c.communities);
  assert.ok(a.modularity >= a.levels.at(-1)!.modularity - 1e-12); // refinement never loses modularity
});

test('edge cases: 0 nodes, 1 node, no edges, self-loops, two triangles, directed', () => {
  const empty = louvain(emptyGraph(0));
  assert.deepEqual([empty.count, empty.communities.length, Number.isNaN(empty.modularity)], [0, 0, true]);
  const one = louvain(emptyGraph(1));
  assert.deepEqual([one.count, [...one.communities]], [1, [0]]);
  const isolated = louvain(emptyGraph(3));
  assert.deepEqual([isolated.count, Number.isNaN(isolated.modularity)], [3, true]);
  const loops = louvain(buildGraph({ n: 2, sources: [0, 1], targets: [0, 1] }));
  assert.equal(loops.count, 2);
  const triangles = buildGraph({ n: 6, sources: [0, 1, 2, 3, 4, 5, 2, 0], targets: [1, 2, 0, 4, 5, 3, 3, 0] });
  const r = louvain(triangles);
  assert.ok(samePartition(r.communities, [0, 0, 0, 1, 1, 1]));
  assert.ok(Math.abs(r.modularity - modularity(triangles, [0, 0, 0, 1, 1, 1])) < 1e-12);
  const directed = buildGraph({ n: 6, sources: [0, 1, 2, 3, 4, 5, 2], targets: [1, 2, 0, 4, 5, 3, 3], directed: true });
  assert.ok(samePartition(louvain(directed).communities, [0, 0, 0, 1, 1, 1]));
  assert.throws(() => louvain(buildGraph({ n: 2, sources: [0], targets: [1], weights: [-1] })), /non-negative/);
});

test('ego-Facebook: Louvain modularity at least igraph multilevel − 0.005', (t) => {
  const file = sharedGraph(t, 'facebook_combined.txt');
  if (!file) return;
  const { graph } = parseSnap(fs.readFileSync(file, 'utf8'));
  const r = louvain(graph);
  t.diagnostic(`ego-Facebook: ${r.count} communities, Q = ${r.modularity.toFixed(4)}; igraph multilevel ${reference.shared.facebook!.igraphMultilevelModularity!.toFixed(4)}`);
  assert.ok(r.modularity >= reference.shared.facebook!.igraphMultilevelModularity! - 0.005);
});

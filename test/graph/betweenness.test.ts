import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { betweenness, sampledBetweenness } from '../../src/graph/betweenness.ts';
import { buildGraph, emptyGraph } from '../../src/graph/csr.ts';
import { parseSnap } from '../../src/graph/parse.ts';
import { assertClose, byReferenceIds, karate, lesmis, reference, sharedGraph } from './support.ts';

const TOLERANCE = 1e-6;

test('karate: exact betweenness equals igraph within 1e-6', () => {
  const k = karate();
  assertClose(byReferenceIds(betweenness(k.graph), k, reference.karate.ids), reference.karate.betweenness, TOLERANCE, 'karate');
});

test('Les Misérables: unweighted and weighted (weights as lengths) betweenness equal igraph', () => {
  const l = lesmis();
  assertClose(byReferenceIds(betweenness(l.graph, { weighted: false }), l, reference.lesmis.ids), reference.lesmis.betweenness, TOLERANCE, 'unweighted');
  assertClose(byReferenceIds(betweenness(l.graph), l, reference.lesmis.ids), reference.lesmis.betweennessWeighted!, TOLERANCE, 'weighted');
});

test('directed graph with a loop and a parallel arc; undirected with a loop and a parallel edge: as igraph', () => {
  const d = reference.quirks.directed, u = reference.quirks.undirected;
  const dg = buildGraph({ n: 6, sources: d.arcs.map((a) => a[0]), targets: d.arcs.map((a) => a[1]), directed: true });
  assertClose(betweenness(dg), d.betweenness, TOLERANCE, 'directed');
  const ug = buildGraph({ n: 4, sources: u.edges.map((e) => e[0]), targets: u.edges.map((e) => e[1]) });
  assertClose(betweenness(ug), u.betweenness, TOLERANCE, 'undirected');
});

test('normalised: divided by the number of pairs; a star centre gets 1', () => {
  const star = buildGraph({ n: 5, sources: [0, 0, 0, 0], targets: [1, 2, 3, 4] });
  assertClose(betweenness(star), [6, 0, 0, 0, 0], 1e-12);
  assertClose(betweenness(star, { normalized: true }), [1, 0, 0, 0, 0], 1e-12);
  const path = buildGraph({ n: 3, sources: [0, 1], targets: [1, 2], directed: true });
  assertClose(betweenness(path, { normalized: true }), [0, 0.5, 0], 1e-12);
});

test('weighted: a detour of shorter total length wins; non-positive lengths are refused', () => {
  const g = buildGraph({ n: 4, sources: [0, 0, 2], targets: [1, 2, 1], weights: [5, 1, 1] });
  assertClose(betweenness(g), [0, 0, 1, 0], 1e-12); // 0–1 goes through 2 (length 2 < 5); 3 is isolated
  assertClose(betweenness(g, { weighted: false }), [0, 0, 0, 0], 1e-12); // a triangle: all direct
  assert.throws(() => betweenness(buildGraph({ n: 2, sources: [0], targets: [1], weights: [0] })), /positive/);
});

test('0, 1 and 2 nodes give zeros, not errors', () => {
  assert.equal(betweenness(emptyGraph(0)).length, 0);
  assert.deepEqual([...betweenness(emptyGraph(1))], [0]);
  assert.deepEqual([...betweenness(buildGraph({ n: 2, sources: [0], targets: [1] }))], [0, 0]);
  const s = sampledBetweenness(emptyGraph(0));
  assert.deepEqual([s.scores.length, s.pivots, s.absoluteError], [0, 0, 0]);
});

test('sampled: all pivots give the exact values; the stated bound holds; a seed replays', (t) => {
  const l = lesmis();
  const exact = betweenness(l.graph, { weighted: false });
  const full = sampledBetweenness(l.graph, { weighted: false, pivots: 1000 });
  assert.equal(full.pivots, 77);
  assert.equal(full.absoluteError, 0);
  assertClose(full.scores, exact, 1e-9, 'all pivots');
  const k = karate();
  const kExact = betweenness(k.graph);
  for (const pivots of [5, 10, 20]) {
    for (let seed = 0; seed < 20; seed++) {
      const s = sampledBetweenness(k.graph, { pivots, seed, delta: 0.1 });
      let worst = 0;
      for (let i = 0; i < k.graph.n; i++) worst = Math.max(worst, Math.abs(s.scores[i]! - kExact[i]!));
      assert.ok(worst <= s.absoluteError, `k = ${pivots}, seed ${seed}: error ${worst} > bound ${s.absoluteError}`);
    }
  }
  const a = sampledBetweenness(k.graph, { pivots: 10, seed: 3 }), b = sampledBetweenness(k.graph, { pivots: 10, seed: 3 });
  assert.deepEqual(a, b);
  const normalized = sampledBetweenness(k.graph, { pivots: 10, seed: 3, normalized: true });
  assert.ok(Math.abs(normalized.absoluteError - a.normalizedError) < 1e-15);
  t.diagnostic(`karate, k = 10, δ = 0.1: bound ±${a.absoluteError.toFixed(1)} (normalised ±${a.normalizedError.toFixed(3)})`);
});

test('ego-Facebook: exact top 10 equal igraph; 500 sampled pivots stay within the bound', (t) => {
  const file = sharedGraph(t, 'facebook_combined.txt');
  if (!file) return;
  const f = parseSnap(fs.readFileSync(file, 'utf8'));
  const started = performance.now();
  const scores = betweenness(f.graph);
  const seconds = (performance.now() - started) / 1000;
  const top = [...scores.keys()].sort((a, b) => scores[b]! - scores[a]! || f.ids[a]! - f.ids[b]!).slice(0, 10);
  const expected = reference.shared.facebook!.betweennessTop10!;
  assert.deepEqual(top.map((i) => f.ids[i]), expected.map((e) => e[0]));
  assertClose(top.map((i) => scores[i]!), expected.map((e) => e[1]), TOLERANCE, 'facebook');
  const sampled = sampledBetweenness(f.graph, { pivots: 500 });
  let worst = 0;
  for (let i = 0; i < f.graph.n; i++) worst = Math.max(worst, Math.abs(sampled.scores[i]! - scores[i]!));
  t.diagnostic(`ego-Facebook exact betweenness ${seconds.toFixed(1)} s; 500 pivots: worst error ${worst.toFixed(0)} ≤ bound ${sampled.absoluteError.toFixed(0)} (normalised ${sampled.normalizedError.toFixed(3)})`);
  assert.ok(worst <= sampled.absoluteError);
});

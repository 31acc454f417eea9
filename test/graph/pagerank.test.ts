import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { buildGraph, emptyGraph } from '../../src/graph/csr.ts';
import { pagerank } from '../../src/graph/pagerank.ts';
import { parseSnap } from '../../src/graph/parse.ts';
import { assertClose, byReferenceIds, karate, lesmis, reference, sharedGraph } from './support.ts';

const TOLERANCE = 1e-6;

test('karate: PageRank equals igraph (damping 0.85) within 1e-6', () => {
  const k = karate();
  const result = pagerank(k.graph);
  assert.ok(result.converged);
  assertClose(byReferenceIds(result.scores, k, reference.karate.ids), reference.karate.pagerank, TOLERANCE, 'karate');
});

test('karate: personalised PageRank restarting at member 1 equals igraph', () => {
  const k = karate();
  const restart = new Float64Array(k.graph.n);
  restart[k.indexOf.get(reference.karate.personalizedPagerank.reset)!] = 1;
  const { scores } = pagerank(k.graph, { personalization: restart });
  assertClose(byReferenceIds(scores, k, reference.karate.ids), reference.karate.personalizedPagerank.scores, TOLERANCE, 'personalised');
});

test('Les Misérables: weighted and unweighted PageRank equal igraph', () => {
  const l = lesmis();
  assertClose(byReferenceIds(pagerank(l.graph).scores, l, reference.lesmis.ids), reference.lesmis.pagerankWeighted!, TOLERANCE, 'weighted');
  assertClose(byReferenceIds(pagerank(l.graph, { weighted: false }).scores, l, reference.lesmis.ids), reference.lesmis.pagerank, TOLERANCE, 'unweighted');
});

test('directed graph with a dangling node, a self-loop and a parallel arc: as igraph', () => {
  const q = reference.quirks.directed;
  const g = buildGraph({ n: 6, sources: q.arcs.map((a) => a[0]), targets: q.arcs.map((a) => a[1]), directed: true });
  assertClose(pagerank(g).scores, q.pagerank, TOLERANCE, 'plain');
  assertClose(pagerank(g, { personalization: q.personalizedPagerank.reset }).scores, q.personalizedPagerank.scores, TOLERANCE, 'personalised');
});

test('undirected self-loop counts twice, parallel edges add up, as in igraph', () => {
  const q = reference.quirks.undirected;
  const g = buildGraph({ n: 4, sources: q.edges.map((e) => e[0]), targets: q.edges.map((e) => e[1]) });
  assertClose(pagerank(g).scores, q.pagerank, TOLERANCE, 'quirks');
});

test('edge cases: 0 nodes, 1 node, no edges, bad vectors', () => {
  assert.equal(pagerank(emptyGraph(0)).scores.length, 0);
  assert.deepEqual([...pagerank(emptyGraph(1)).scores], [1]);
  assertClose(pagerank(emptyGraph(4)).scores, [0.25, 0.25, 0.25, 0.25], 1e-12);
  assert.throws(() => pagerank(emptyGraph(2), { personalization: [1] }), /2 nodes/);
  assert.throws(() => pagerank(emptyGraph(2), { personalization: [0, 0] }), /sums to 0/);
  assert.throws(() => pagerank(emptyGraph(2), { personalization: [1, -1] }), /non-negative/);
});

test('a warm start converges in fewer iterations to the same scores', () => {
  const l = lesmis();
  const cold = pagerank(l.graph);
  const warm = pagerank(l.graph, { initial: cold.scores });
  assert.ok(warm.iterations < cold.iterations);
  assertClose(warm.scores, cold.scores, 1e-9);
});

test('ego-Facebook: the top 10 PageRank nodes and values equal igraph', (t) => {
  const file = sharedGraph(t, 'facebook_combined.txt');
  if (!file) return;
  const f = parseSnap(fs.readFileSync(file, 'utf8'));
  const { scores } = pagerank(f.graph);
  const top = [...scores.keys()].sort((a, b) => scores[b]! - scores[a]! || f.ids[a]! - f.ids[b]!).slice(0, 10);
  const expected = reference.shared.facebook!.pagerankTop10;
  assert.deepEqual(top.map((i) => f.ids[i]), expected.map((e) => e[0]));
  assertClose(top.map((i) => scores[i]!), expected.map((e) => e[1]), TOLERANCE, 'facebook');
});

test('directed SNAP graphs: the top 10 PageRank nodes equal igraph', (t) => {
  for (const name of ['email-Eu-core.txt', 'Wiki-Vote.txt']) {
    const file = sharedGraph(t, name);
    if (!file) return;
    const d = parseSnap(fs.readFileSync(file, 'utf8'), { directed: true });
    const { scores } = pagerank(d.graph);
    const expected = reference.shared[name]!.pagerankTop10;
    const top = [...scores.keys()].sort((a, b) => scores[b]! - scores[a]! || d.ids[a]! - d.ids[b]!).slice(0, 10);
    assert.deepEqual(top.map((i) => d.ids[i]), expected.map((e) => e[0]), name);
    assertClose(top.map((i) => scores[i]!), expected.map((e) => e[1]), TOLERANCE, name);
  }
});

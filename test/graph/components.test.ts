import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { connectedComponents, stronglyConnectedComponents, weaklyConnectedComponents } from '../../src/graph/components.ts';
import { buildGraph, emptyGraph } from '../../src/graph/csr.ts';
import { parseSnap } from '../../src/graph/parse.ts';
import { karate, lesmis, reference, samePartition, sharedGraph } from './support.ts';

const largest = (sizes: Int32Array): number[] => [...sizes].sort((a, b) => b - a).slice(0, 5);

test('karate and Les Misérables are connected, as igraph says', () => {
  for (const [g, ref] of [[karate().graph, reference.karate], [lesmis().graph, reference.lesmis]] as const) {
    const c = connectedComponents(g);
    assert.equal(c.count, ref.components.count);
    assert.deepEqual(largest(c.sizes), ref.components.largest);
  }
});

test('components are numbered by their smallest node', () => {
  const g = buildGraph({ n: 6, sources: [4, 1, 5], targets: [5, 3, 0] });
  const c = connectedComponents(g);
  assert.deepEqual([...c.membership], [0, 1, 2, 1, 0, 0]);
  assert.deepEqual([...c.sizes], [3, 2, 1]);
});

test('directed graph with a dangling node, a loop and a parallel arc: strong and weak as igraph', () => {
  const q = reference.quirks.directed;
  const g = buildGraph({ n: 6, sources: q.arcs.map((a) => a[0]), targets: q.arcs.map((a) => a[1]), directed: true });
  assert.ok(samePartition(stronglyConnectedComponents(g).membership, q.strong));
  assert.ok(samePartition(weaklyConnectedComponents(g).membership, q.weak));
});

test('a 300,000-node directed path and cycle need no recursion', () => {
  const n = 300_000;
  const sources = Int32Array.from({ length: n - 1 }, (_, i) => i);
  const targets = Int32Array.from({ length: n - 1 }, (_, i) => i + 1);
  const path = buildGraph({ n, sources, targets, directed: true });
  assert.equal(stronglyConnectedComponents(path).count, n);
  assert.equal(weaklyConnectedComponents(path).count, 1);
  const cycle = buildGraph({ n, sources: [...sources, n - 1], targets: [...targets, 0], directed: true });
  assert.equal(stronglyConnectedComponents(cycle).count, 1);
});

test('0 and 1 node, isolated nodes', () => {
  assert.deepEqual(connectedComponents(emptyGraph(0)), { count: 0, membership: new Int32Array(0), sizes: new Int32Array(0) });
  assert.equal(stronglyConnectedComponents(emptyGraph(1, true)).count, 1);
  assert.equal(connectedComponents(emptyGraph(3)).count, 3);
});

test('SNAP graphs: component counts and sizes equal igraph', (t) => {
  for (const [name, directed] of [['email-Eu-core.txt', true], ['Wiki-Vote.txt', true], ['CA-GrQc.txt', false]] as const) {
    const file = sharedGraph(t, name);
    if (!file) return;
    const ref = reference.shared[name]!;
    const { graph } = parseSnap(fs.readFileSync(file, 'utf8'), { directed });
    assert.equal(graph.n, ref.n, name);
    assert.equal(graph.m, ref.m, name);
    const weak = weaklyConnectedComponents(graph);
    assert.deepEqual([weak.count, largest(weak.sizes)], [ref.weak!.count, ref.weak!.largest], `${name} weak`);
    if (directed) {
      const strong = stronglyConnectedComponents(graph);
      assert.deepEqual([strong.count, largest(strong.sizes)], [ref.strong!.count, ref.strong!.largest], `${name} strong`);
    }
  }
  const file = sharedGraph(t, 'facebook_combined.txt');
  if (!file) return;
  assert.equal(connectedComponents(parseSnap(fs.readFileSync(file, 'utf8')).graph).count, reference.shared.facebook!.components!.count);
});

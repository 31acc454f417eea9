import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arcIndex, buildGraph, edgeArrays, emptyGraph, fromEdgeList, hasEdge, inAdjacency, toUndirected } from '../../src/graph/csr.ts';
import { createRandom } from '../../src/graph/random.ts';

const rows = (g: { n: number; offsets: Int32Array; targets: Int32Array }): number[][] =>
  Array.from({ length: g.n }, (_, u) => [...g.targets.subarray(g.offsets[u], g.offsets[u + 1])]);

test('an undirected graph stores each edge in both rows, sorted', () => {
  const g = buildGraph({ n: 4, sources: [2, 0, 1], targets: [0, 1, 3] });
  assert.equal(g.m, 3);
  assert.deepEqual(rows(g), [[1, 2], [0, 3], [0], [1]]);
  assert.equal(g.weights, undefined);
  assert.equal(g.inOffsets, undefined);
  assert.ok(hasEdge(g, 3, 1) && !hasEdge(g, 3, 0));
});

test('a directed graph has out-rows and in-rows with aligned weights', () => {
  const g = buildGraph({ n: 3, sources: [0, 0, 2], targets: [2, 1, 1], weights: [5, 7, 9], directed: true });
  assert.deepEqual(rows(g), [[1, 2], [], [1]]);
  assert.deepEqual([...g.weights!], [7, 5, 9]);
  const inn = inAdjacency(g);
  assert.deepEqual(rows({ n: 3, offsets: inn.offsets, targets: inn.sources }), [[], [0, 2], [0]]);
  assert.deepEqual([...inn.weights!], [7, 9, 5]);
});

test('self-loops: kept twice in an undirected row (degree + 2), or dropped', () => {
  const kept = buildGraph({ n: 2, sources: [0, 1], targets: [0, 0] });
  assert.deepEqual(rows(kept), [[0, 0, 1], [0]]);
  assert.equal(kept.m, 2);
  const dropped = buildGraph({ n: 2, sources: [0, 1], targets: [0, 0] }, { dropSelfLoops: true });
  assert.deepEqual(rows(dropped), [[1], [0]]);
  assert.equal(dropped.m, 1);
});

test('dedupe merges parallel edges (u–v and v–u when undirected) by the chosen rule', () => {
  const edges = { n: 3, sources: [0, 1, 0, 2, 2], targets: [1, 0, 1, 2, 2], weights: [1, 2, 4, 3, 5] };
  const summed = buildGraph(edges, { dedupe: true });
  assert.equal(summed.m, 2);
  assert.deepEqual(rows(summed), [[1], [0], [2, 2]]);
  assert.deepEqual([...summed.weights!], [7, 7, 8, 8]);
  assert.deepEqual([...buildGraph(edges, { dedupe: true, merge: 'max' }).weights!], [4, 4, 5, 5]);
  assert.deepEqual([...buildGraph(edges, { dedupe: true, merge: 'first' }).weights!], [1, 1, 3, 3]);
  const directed = buildGraph({ ...edges, directed: true }, { dedupe: true });
  assert.equal(directed.m, 3);
  assert.deepEqual([...directed.weights!], [5, 2, 8]);
  assert.deepEqual(rows(buildGraph(edges)), [[1, 1, 1], [0, 0, 0], [2, 2, 2, 2]]);
});

test('bad input throws a RangeError naming the edge', () => {
  assert.throws(() => buildGraph({ n: 2, sources: [0, 2], targets: [1, 0] }), /edge 1: node index out of range/);
  assert.throws(() => buildGraph({ n: 2, sources: [0.5], targets: [1] }), RangeError);
  assert.throws(() => buildGraph({ n: 2, sources: [0], targets: [1], weights: [Number.NaN] }), /not a finite number/);
  assert.throws(() => buildGraph({ n: 2, sources: [0], targets: [1, 0] }), /differ in length/);
});

test('graphs of 0 and 1 node', () => {
  for (const g of [emptyGraph(0), emptyGraph(1), emptyGraph(0, true)]) {
    assert.equal(g.m, 0);
    assert.equal(g.offsets.length, g.n + 1);
    assert.equal(edgeArrays(g).sources.length, 0);
  }
});

test('fromEdgeList numbers ids by first appearance and maps back', () => {
  const { graph, ids, indexOf } = fromEdgeList<string | number>([['ann', 'bob', 2], ['bob', 7], [7, 'ann']], { nodes: ['zoe'] });
  assert.deepEqual(ids, ['zoe', 'ann', 'bob', 7]);
  assert.equal(indexOf.get(7), 3);
  assert.equal(graph.n, 4);
  assert.deepEqual([...graph.weights!], [2, 1, 2, 1, 1, 1]); // missing weights are 1
  assert.equal(graph.offsets[1]! - graph.offsets[0]!, 0); // zoe is isolated
});

test('edgeArrays lists each edge once; toUndirected forgets direction', () => {
  const g = buildGraph({ n: 3, sources: [0, 1, 2], targets: [1, 1, 0], weights: [1, 2, 3] });
  const e = edgeArrays(g);
  assert.deepEqual([[...e.sources], [...e.targets], [...e.weights!]], [[0, 0, 1], [1, 2, 1], [1, 3, 2]]);
  const d = buildGraph({ n: 3, sources: [0, 1, 1], targets: [1, 0, 2], directed: true });
  const u = toUndirected(d, { dedupe: true });
  assert.equal(u.directed, false);
  assert.deepEqual(rows(u), [[1], [0, 2], [1]]);
  assert.equal(arcIndex(u, 1, 2), 2);
});

test('a random million-edge graph builds with every row sorted and the right degrees', () => {
  const random = createRandom(5);
  const n = 200_000, E = 1_000_000;
  const sources = new Int32Array(E), targets = new Int32Array(E);
  for (let e = 0; e < E; e++) { sources[e] = random.int(n); targets[e] = random.int(n); }
  const started = performance.now();
  const g = buildGraph({ n, sources, targets });
  const ms = performance.now() - started;
  assert.equal(g.targets.length, 2 * E);
  const deg = new Int32Array(n);
  for (let e = 0; e < E; e++) { deg[sources[e]!]!++; deg[targets[e]!]!++; }
  for (let u = 0; u < n; u++) {
    assert.equal(g.offsets[u + 1]! - g.offsets[u]!, deg[u]);
    for (let a = g.offsets[u]! + 1; a < g.offsets[u + 1]!; a++) assert.ok(g.targets[a - 1]! <= g.targets[a]!);
  }
  assert.ok(ms < 2000, `build took ${ms.toFixed(0)} ms`); // ~0.1 s on an idle machine; generous for CI
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildGraph, emptyGraph } from '../../src/graph/csr.ts';
import { degree, strength } from '../../src/graph/degree.ts';
import { byReferenceIds, karate, lesmis, reference } from './support.ts';

test('karate and Les Misérables: degree and strength equal igraph', () => {
  const k = karate();
  assert.deepEqual(byReferenceIds(degree(k.graph), k, reference.karate.ids), reference.karate.degree);
  const l = lesmis();
  assert.deepEqual(byReferenceIds(degree(l.graph), l, reference.lesmis.ids), reference.lesmis.degree);
  assert.deepEqual(byReferenceIds(strength(l.graph), l, reference.lesmis.ids), reference.lesmis.strength);
});

test('an undirected loop adds 2 unless loops are left out; parallel edges count', () => {
  const q = reference.quirks.undirected;
  const g = buildGraph({ n: 4, sources: q.edges.map((e) => e[0]), targets: q.edges.map((e) => e[1]) });
  assert.deepEqual([...degree(g)], q.degree);
  assert.deepEqual([...degree(g, { loops: false })], [1, 2, 3, 2]);
});

test('directed: out, in and total degree; weighted strength', () => {
  const g = buildGraph({ n: 3, sources: [0, 0, 1, 2], targets: [1, 2, 2, 2], weights: [1, 2, 4, 8], directed: true });
  assert.deepEqual([...degree(g)], [2, 1, 1]);
  assert.deepEqual([...degree(g, { mode: 'in' })], [0, 1, 3]);
  assert.deepEqual([...degree(g, { mode: 'all' })], [2, 2, 4]);
  assert.deepEqual([...strength(g, { mode: 'all' })], [3, 5, 22]);
  assert.deepEqual([...strength(g, { mode: 'in', loops: false })], [0, 1, 6]);
});

test('0 and 1 node', () => {
  assert.equal(degree(emptyGraph(0)).length, 0);
  assert.deepEqual([...strength(emptyGraph(1))], [0]);
});

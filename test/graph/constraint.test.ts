import assert from 'node:assert/strict';
import { test } from 'node:test';
import { constraint } from '../../src/graph/constraint.ts';
import { buildGraph, emptyGraph } from '../../src/graph/csr.ts';
import { assertClose, byReferenceIds, karate, lesmis, reference } from './support.ts';

const TOLERANCE = 1e-6;

test('karate: Burt constraint equals igraph within 1e-6', () => {
  const k = karate();
  assertClose(byReferenceIds(constraint(k.graph), k, reference.karate.ids), reference.karate.constraint, TOLERANCE, 'karate');
});

test('Les Misérables: weighted and unweighted constraint equal igraph', () => {
  const l = lesmis();
  assertClose(byReferenceIds(constraint(l.graph), l, reference.lesmis.ids), reference.lesmis.constraintWeighted!, TOLERANCE, 'weighted');
  assertClose(byReferenceIds(constraint(l.graph, { weighted: false }), l, reference.lesmis.ids), reference.lesmis.constraint, TOLERANCE, 'unweighted');
});

test('directed arcs count both ways; loops ignored; parallel edges add up: as igraph', () => {
  const d = reference.quirks.directed, u = reference.quirks.undirected;
  const dg = buildGraph({ n: 6, sources: d.arcs.map((a) => a[0]), targets: d.arcs.map((a) => a[1]), directed: true });
  assertClose(constraint(dg), d.constraint, TOLERANCE, 'directed');
  const ug = buildGraph({ n: 4, sources: u.edges.map((e) => e[0]), targets: u.edges.map((e) => e[1]) });
  assertClose(constraint(ug), u.constraint, TOLERANCE, 'undirected');
});

test('a star centre has 1/k, its leaves 1; isolated nodes NaN; 0 nodes empty', () => {
  const star = buildGraph({ n: 6, sources: [0, 0, 0, 0], targets: [1, 2, 3, 4] });
  assertClose(constraint(star), [0.25, 1, 1, 1, 1, null], 1e-12);
  assert.equal(constraint(emptyGraph(0)).length, 0);
  assert.ok(Number.isNaN(constraint(emptyGraph(1))[0]));
});

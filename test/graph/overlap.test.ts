import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arcIndex, buildGraph, emptyGraph } from '../../src/graph/csr.ts';
import { edgeOverlap, neighbourhoodOverlap, neighbours } from '../../src/graph/overlap.ts';
import { karate, lesmis, reference } from './support.ts';

test('karate and Les Misérables: every edge overlap equals the reference (Onnela et al.)', () => {
  for (const [parsed, ref] of [[karate(), reference.karate], [lesmis(), reference.lesmis]] as const) {
    const all = neighbourhoodOverlap(parsed.graph);
    for (const [a, b, expected] of ref.overlap) {
      const u = parsed.indexOf.get(a)!, v = parsed.indexOf.get(b)!;
      assert.ok(Math.abs(all[arcIndex(parsed.graph, u, v)]! - expected) < 1e-12, `${a}–${b}`);
      assert.ok(Math.abs(all[arcIndex(parsed.graph, v, u)]! - expected) < 1e-12, `${b}–${a}`);
      assert.ok(Math.abs(edgeOverlap(parsed.graph, u, v) - expected) < 1e-12, `edgeOverlap ${a}–${b}`);
    }
  }
});

test('a triangle has overlap 1, a bridge 0, a lone edge 0; loops and parallel edges are ignored', () => {
  // Triangle 0-1-2 with a bridge 2-3, a loop on 0 and the edge 0-1 twice.
  const g = buildGraph({ n: 4, sources: [0, 1, 2, 2, 0, 0], targets: [1, 2, 0, 3, 0, 1] });
  const o = neighbourhoodOverlap(g);
  assert.equal(o[arcIndex(g, 0, 1)], 1);
  assert.equal(o[arcIndex(g, 0, 1) + 1], 1); // the parallel copy
  assert.equal(o[arcIndex(g, 0, 0)], 0); // the loop
  assert.equal(o[arcIndex(g, 2, 3)], 0);
  assert.equal(edgeOverlap(g, 0, 2), 0.5); // common {1}; union minus the pair: {1, 3}
  assert.equal(edgeOverlap(buildGraph({ n: 2, sources: [0], targets: [1] }), 0, 1), 0);
  assert.equal(edgeOverlap(g, 1, 1), 0);
});

test('directed graphs use neighbourhoods without direction', () => {
  const g = buildGraph({ n: 3, sources: [0, 1, 2], targets: [1, 2, 0], directed: true });
  assert.deepEqual([...neighbours(g, 0)], [1, 2]);
  assert.deepEqual([...neighbourhoodOverlap(g)], [1, 1, 1]);
});

test('0 and 1 node', () => {
  assert.equal(neighbourhoodOverlap(emptyGraph(0)).length, 0);
  assert.equal(neighbourhoodOverlap(emptyGraph(1)).length, 0);
});

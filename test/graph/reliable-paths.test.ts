import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildGraph, pathTo, reliablePaths } from '../../src/graph/index.ts';

test('most reliable paths maximise the product of probabilities, not the hop count', () => {
  // 0–1 (0.9), 1–2 (0.9), 0–2 (0.5), 2–3 (0.8), 4 isolated.
  const graph = buildGraph({ n: 5, sources: [0, 1, 0, 2], targets: [1, 2, 2, 3], weights: [0.9, 0.9, 0.5, 0.8] });
  const paths = reliablePaths(graph, graph.weights!, 0);
  assert.ok(Math.abs(paths.reliability[2]! - 0.81) < 1e-12);
  assert.deepEqual(pathTo(paths, 3), [0, 1, 2, 3]);
  assert.ok(Math.abs(paths.reliability[3]! - 0.648) < 1e-12);
  assert.equal(paths.reliability[0], 1);
  assert.equal(paths.reliability[4], 0);
  assert.deepEqual(pathTo(paths, 4), []);
  // A hop limit keeps the search near the source.
  const near = reliablePaths(graph, graph.weights!, 0, { maxHops: 1 });
  assert.equal(near.reliability[3], 0);
  assert.throws(() => reliablePaths(graph, [1], 0), /entries/);
});

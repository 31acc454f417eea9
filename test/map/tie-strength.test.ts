import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildGraph, createRandom } from '../../src/graph/index.ts';
import {
  calibrate, computeTies, DEFAULT_WEIGHTS, dunbarSplit, recencyOf, tieCounts, tieStrength, weakTieShare, type EdgeRecord, type LabelledTie, type TieFeatures,
} from '../../src/map/tie-strength.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 22);
const lone: TieFeatures = { frequency: 0, recency: 0, reciprocity: 0, embeddedness: 0, multiplexity: 1 };

test('the documented formula: a lone follow is weak, a mutual recent multi-channel exchange strong', () => {
  assert.ok(Math.abs(tieStrength(lone) - 1 / (1 + Math.exp(4))) < 1e-12);
  const mutualCircle = tieStrength({ ...lone, reciprocity: 1, embeddedness: 0.3 });
  assert.ok(mutualCircle > 0.1 && mutualCircle < 0.3, String(mutualCircle));
  const close = tieStrength({ frequency: 5, recency: 0.8, reciprocity: 1, embeddedness: 0.3, multiplexity: 3 });
  assert.ok(close > 0.9, String(close));
  // Each feature pushes strength up.
  for (const key of ['frequency', 'recency', 'reciprocity', 'embeddedness', 'multiplexity'] as const) {
    assert.ok(tieStrength({ ...lone, [key]: lone[key] + 1 }) > tieStrength(lone), key);
  }
});

test('recency halves every half-life and is 0 without any interaction', () => {
  assert.equal(recencyOf(NOW, NOW, 60), 1);
  assert.ok(Math.abs(recencyOf(NOW - 60 * DAY, NOW, 60) - 0.5) < 1e-12);
  assert.ok(Math.abs(recencyOf(NOW - 120 * DAY, NOW, 60) - 0.25) < 1e-12);
  assert.equal(recencyOf(0, NOW, 60), 0);
});

test('computeTies: features per pair from every kind both ways, the same on both copies', () => {
  // 0 ⇄ 1 follow each other and 0 replied twice recently; 1, 2 and 0 form a triangle; 3 follows 0.
  const records: EdgeRecord[] = [
    { u: 0, v: 1, kind: 'follows', count: 1, lastAt: NOW - 400 * DAY },
    { u: 1, v: 0, kind: 'follows', count: 1, lastAt: NOW - 400 * DAY },
    { u: 0, v: 1, kind: 'reply', count: 2, lastAt: NOW },
    { u: 1, v: 2, kind: 'follows', count: 1, lastAt: NOW },
    { u: 2, v: 0, kind: 'mention', count: 1, lastAt: NOW - 60 * DAY },
    { u: 3, v: 0, kind: 'follows', count: 1, lastAt: NOW },
  ];
  const graph = buildGraph({ n: 4, sources: records.map((r) => r.u), targets: records.map((r) => r.v), directed: true }, { dedupe: true });
  const ties = computeTies(graph, records, NOW);
  const arc = (u: number, v: number) => { for (let a = ties.pairs.offsets[u]!; a < ties.pairs.offsets[u + 1]!; a++) if (ties.pairs.targets[a] === v) return a; return -1; };
  const a01 = arc(0, 1), a10 = arc(1, 0);
  assert.equal(ties.pairs.m, 4);
  assert.equal(ties.frequency[a01], 2);
  assert.equal(ties.recency[a01], 1);
  assert.equal(ties.reciprocity[a01], 1);
  assert.equal(ties.kinds[a01], 0b11); // follows and reply
  assert.equal(ties.strength[a01], ties.strength[a10]);
  assert.ok(Math.abs(ties.embeddedness[a01]! - 1 / 2) < 1e-12); // common {2}, union {2, 3}
  const a20 = arc(2, 0);
  assert.equal(ties.reciprocity[a20], 0);
  assert.ok(Math.abs(ties.recency[a20]! - 0.5) < 1e-12);
  assert.ok(ties.strength[a01]! > ties.strength[arc(0, 3)]!);
  assert.equal(ties.strong[a01], 1);
  assert.equal(ties.strong[arc(0, 3)], 0);
  const counts = tieCounts(ties);
  assert.deepEqual([...counts.strong], [1, 1, 0, 0]);
  assert.deepEqual([...counts.weak], [2, 1, 2, 1]);
  assert.equal(weakTieShare(ties, { node: 0 }), 2 / 3);
  assert.equal(weakTieShare(ties, {}), 3 / 4);
  assert.ok(Number.isNaN(weakTieShare(computeTies(buildGraph({ n: 1, sources: [], targets: [], directed: true }), [], NOW), {})));
});

test('the Dunbar split keeps at most `cap` strong ties per person, the strongest', () => {
  // A star: the centre has 200 strong-looking ties of decreasing strength.
  const n = 201;
  const pairs = buildGraph({ n, sources: Array.from({ length: 200 }, () => 0), targets: Array.from({ length: 200 }, (_, i) => i + 1) });
  const strength = new Float64Array(pairs.targets.length);
  for (let u = 0; u < n; u++) for (let a = pairs.offsets[u]!; a < pairs.offsets[u + 1]!; a++) strength[a] = 0.99 - (u === 0 ? pairs.targets[a]! : u) / 1000;
  const strong = dunbarSplit(pairs, strength, 0.5, 150);
  let centre = 0;
  for (let a = pairs.offsets[0]!; a < pairs.offsets[1]!; a++) centre += strong[a]!;
  assert.equal(centre, 150);
  // The 150 strongest (leaves 1..150) are the strong ones, on both copies.
  for (let a = pairs.offsets[0]!; a < pairs.offsets[1]!; a++) assert.equal(strong[a], pairs.targets[a]! <= 150 ? 1 : 0);
  assert.equal(strong[pairs.offsets[1]!], 1);
  assert.equal(strong[pairs.offsets[151]!], 0);
  const tight = dunbarSplit(pairs, strength, 0.5, 10);
  assert.equal(tight.reduce((s, x) => s + x, 0), 20);
});

test('calibrate recovers the weights that labelled the ties (logistic regression)', () => {
  const truth = { intercept: -2, frequency: 1.5, recency: 2, reciprocity: 1, embeddedness: 2.5, multiplexity: 0.5 };
  const random = createRandom(7);
  const labelled: LabelledTie[] = [];
  for (let i = 0; i < 4000; i++) {
    const features: TieFeatures = { frequency: Math.floor(random.next() * 10), recency: random.next(), reciprocity: random.next() < 0.5 ? 1 : 0, embeddedness: random.next(), multiplexity: 1 + Math.floor(random.next() * 4) };
    labelled.push({ features, strong: random.next() < tieStrength(features, truth) });
  }
  const fit = calibrate(labelled);
  for (const key of Object.keys(truth) as Array<keyof typeof truth>) assert.ok(Math.abs(fit.weights[key] - truth[key]) < 0.35, `${key}: ${fit.weights[key]} vs ${truth[key]}`);
  assert.ok(fit.accuracy > 0.75);
  assert.ok(fit.logLikelihood < 0);
  // The fitted weights plug straight into the formula.
  assert.ok(tieStrength({ frequency: 8, recency: 1, reciprocity: 1, embeddedness: 0.8, multiplexity: 3 }, fit.weights) > 0.95);
  assert.throws(() => calibrate(labelled.slice(0, 10).map((t) => ({ ...t, strong: true }))), /strong and ties labelled weak/);
  assert.deepEqual(Object.keys(DEFAULT_WEIGHTS), Object.keys(fit.weights));
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildGraph } from '../../src/graph/index.ts';
import { explainInfluence, fanQuality, followGraph, influence, influenceScore, percentiles, type AccountFacts } from '../../src/map/influence.ts';
import { alignWithArcs, computeTies, type EdgeRecord } from '../../src/map/tie-strength.ts';

const NOW = Date.UTC(2026, 10, 22);

test('percentiles: ranks in [0, 1], ties share their rank, zero stays zero', () => {
  assert.deepEqual([...percentiles([0, 10, 20, 20, 40])], [0, 0.25, 0.625, 0.625, 1]);
  assert.deepEqual([...percentiles([5])], [1]);
});

test('the score: 100 · √(reach · trust) · (0.75 + 0.25 · resonance)', () => {
  assert.equal(influenceScore(1, 1, 1), 100);
  assert.equal(influenceScore(1, 0, 1), 75);
  assert.equal(influenceScore(1, 1, 0), 0);
  assert.ok(Math.abs(influenceScore(0.64, 1, 0.25) - 40) < 1e-9);
});

/**
 * A world: 0 is the brand; 1..5 a circle of people who follow each other and the brand and talk;
 * 6 an account followed by 40 bought followers (7..46: following thousands, never posting,
 * created within one hour), and by 3 loners who follow nothing else.
 */
function world() {
  const records: EdgeRecord[] = [];
  const tie = (u: number, v: number, kind = 'follows', count = 1) => records.push({ u, v, kind, count, lastAt: NOW - 86_400_000 });
  for (let u = 1; u <= 5; u++) {
    tie(u, 0); tie(0, u); tie(u, 0, 'reply', 3);
    for (let v = 1; v <= 5; v++) if (u !== v) tie(u, v);
  }
  tie(6, 1); tie(1, 6);
  for (let b = 7; b <= 46; b++) tie(b, 6);
  for (let l = 47; l <= 49; l++) tie(l, 6);
  const n = 50;
  const graph = buildGraph({ n, sources: records.map((r) => r.u), targets: records.map((r) => r.v), directed: true }, { dedupe: true });
  const facts: AccountFacts = {
    followers: Float64Array.from({ length: n }, (_, u) => (u === 0 ? 10_000 : u === 6 ? 5_000 : 10)),
    following: Float64Array.from({ length: n }, (_, u) => (u >= 7 && u <= 46 ? 4_000 : 10)),
    createdAt: Float64Array.from({ length: n }, (_, u) => (u >= 7 && u <= 46 ? NOW - 1000 * u : NOW - 86_400_000 * 50 * (u + 1))),
    posts: Float64Array.from({ length: n }, (_, u) => (u <= 6 ? 10 : 0)),
    engagement: Float64Array.from({ length: n }, (_, u) => (u <= 6 ? 50 : 0)),
    affiliation: Array.from({ length: n }, (_, u) => (u === 0 ? 'brand' : null)),
  };
  return { n, records, graph, facts };
}

test('fan quality makes an inflated fan count visible', () => {
  const { n, records, graph, facts } = world();
  const ties = computeTies(graph, records, NOW);
  const sent = new Float64Array(n);
  const fans = fanQuality(followGraph(n, records), ties, facts, sent, { minFans: 1 });
  assert.equal(fans.counted[6], 44);
  assert.ok(Math.abs(fans.suspicious[6]! - 40 / 44) < 1e-12);
  assert.ok(Math.abs(fans.unreachable[6]! - 3 / 44) < 1e-12);
  assert.ok(fans.quality[6]! < 0.05);
  assert.ok(fans.quality[0]! > 0.9, String(fans.quality[0]));
  assert.ok(Number.isNaN(fans.quality[7]!));
  // By default fewer than 10 followers in the graph are too few to judge.
  const judged = fanQuality(followGraph(n, records), ties, facts, sent);
  assert.ok(Number.isNaN(judged.quality[0]!) && Number.isNaN(judged.suspicious[0]!));
  assert.equal(judged.quality[6], fans.quality[6]);
});

test('influence: the brand circle is trusted; the account with bought fans has reach without trust', () => {
  const { records, graph, facts } = world();
  const ties = computeTies(graph, records, NOW);
  const result = influence(graph, records, ties, alignWithArcs(graph, ties).strength, facts);
  // Two-hop reach upstream: the brand is seen by its 5 followers and, through them, by 6.
  assert.equal(result.reach2[0], 6);
  // 6: its 44 followers (1 among them), and 1's followers 0, 2, 3, 4, 5.
  assert.equal(result.reach2[6], 44 + 5);
  assert.equal(result.reach2Error, 0);
  assert.ok(result.trust[1]! > result.trust[6]!);
  assert.ok(result.score[1]! > result.score[6]!, `${result.score[1]} vs ${result.score[6]}`);
  for (const s of result.score) assert.ok(s >= 0 && s <= 100);
  // The explanation states each part.
  const lines = explainInfluence({ score: result.score[6]!, reach: result.reach[6]!, resonance: result.resonance[6]!, trust: result.trust[6]!, followers: 5000, reach2: result.reach2[6]!, posts: 10, engagementPerPost: 5, reciprocity: result.reciprocity[6]!, strongTies: 0, seeded: true });
  assert.match(lines[0]!, /^Influence \d+\/100 = 100 × √\(reach \d+ % × trust \d+ %\)/);
  assert.match(lines[1]!, /5,000 followers, 49 accounts within two hops/);
});

test('an empty graph and a one-node graph give empty results, not a crash', () => {
  for (const n of [0, 1]) {
    const graph = buildGraph({ n, sources: [], targets: [], directed: true });
    const ties = computeTies(graph, [], NOW);
    const facts: AccountFacts = { followers: new Float64Array(n), following: new Float64Array(n), createdAt: new Float64Array(n), posts: new Float64Array(n), engagement: new Float64Array(n), affiliation: new Array(n).fill(null) };
    const result = influence(graph, [], ties, new Float64Array(0), facts);
    assert.equal(result.score.length, n);
  }
});

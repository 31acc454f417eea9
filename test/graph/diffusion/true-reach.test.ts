import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildGraph } from '../../../src/graph/csr.ts';
import { AudienceSketch } from '../../../src/graph/diffusion/audience-sketch.ts';
import { trueReach, trueReachOfAudiences } from '../../../src/graph/diffusion/true-reach.ts';
import { createRandom } from '../../../src/graph/random.ts';
import { arcs, near } from './support.ts';

// A follow graph (arc = "follows"): accounts 0 and 1; 2, 3, 4 follow 0; 3, 4, 5 follow 1;
// 1 follows 0; 0 follows itself (ignored).
const follows = arcs(6, [[2, 0], [3, 0], [4, 0], [1, 0], [3, 1], [4, 1], [5, 1], [0, 0]]);

test('exact on a small graph: the union of followers beside the naive sum', () => {
  assert.deepEqual(trueReach(follows, { accounts: [0, 1] }), { unique: 5, naive: 7, duplicates: 2, exact: true, relativeStandardError: 0, ci95: [5, 5] });
  // Repeated accounts count once; the accounts themselves on request.
  assert.equal(trueReach(follows, { accounts: [1, 1] }).naive, 3);
  assert.equal(trueReach(follows, { accounts: [0, 1], includeAccounts: true }).unique, 6);
  // Followers on out-arcs (arcs read in the direction of influence, account → follower):
  // 3 and 4 both reach {0, 1}.
  const out = trueReach(follows, { accounts: [3, 4], followers: 'out' });
  assert.deepEqual([out.unique, out.naive], [2, 4]);
  // Undirected graphs: the neighbours.
  const friends = buildGraph({ n: 4, sources: [0, 0, 1], targets: [1, 2, 2] });
  assert.equal(trueReach(friends, { accounts: [0, 1] }).unique, 3);
  assert.throws(() => trueReach(follows, { accounts: [6] }), /account 6 is not a node index/);
});

test('2,500 employees × 100 followers: the naive 250,000 against the true, overlapping audience', () => {
  // Each employee's 100 followers are drawn from a town of 60,000 people.
  const random = createRandom(1);
  const sources: number[] = [], targets: number[] = [];
  for (let e = 0; e < 2500; e++) {
    const chosen = new Set<number>();
    while (chosen.size < 100) chosen.add(2500 + random.int(60_000));
    for (const f of chosen) { sources.push(f); targets.push(e); }
  }
  const g = buildGraph({ n: 62_500, sources, targets, directed: true });
  const employees = Array.from({ length: 2500 }, (_, i) => i);
  const exact = trueReach(g, { accounts: employees });
  assert.equal(exact.naive, 250_000);
  // Expected distinct: 60,000 · (1 − (1 − 100/60,000)^2500) ≈ 59,081.
  near(exact.unique, 60_000 * (1 - (1 - 100 / 60_000) ** 2500), 300, 'exact union');
  const estimate = trueReach(g, { accounts: employees, method: 'hyperloglog' });
  assert.equal(estimate.exact, false);
  near(estimate.relativeStandardError, 1.04 / 128, 1e-12, 'standard error of 2^14 registers');
  near(estimate.unique, exact.unique, 3 * estimate.relativeStandardError * exact.unique, 'HyperLogLog estimate');
  assert.ok(estimate.ci95[0] < estimate.unique && estimate.unique < estimate.ci95[1]);
});

test('audiences known only as id lists: HyperLogLog of their union', () => {
  const audiences = [['@ann', '@bob', '@cy'], ['@bob', '@cy', '@dee'], ['@ann']];
  const small = trueReachOfAudiences(audiences);
  assert.equal(small.naive, 7);
  near(small.unique, 4, 0.05, 'four distinct ids');
  // 1,000,000 numeric ids in 3 overlapping lists: within 3 standard errors.
  const lists = [Array.from({ length: 500_000 }, (_, i) => i), Array.from({ length: 500_000 }, (_, i) => i + 250_000), Array.from({ length: 250_000 }, (_, i) => 2 * i + 1e12)];
  const big = trueReachOfAudiences(lists);
  assert.equal(big.naive, 1_250_000);
  near(big.unique, 1_000_000, 3 * big.relativeStandardError * 1_000_000, 'a million ids');
  // Sketches merge into the sketch of the union.
  const a = new AudienceSketch(), b = new AudienceSketch();
  for (let i = 0; i < 100_000; i++) { a.add(`user${i}`); b.add(`user${i + 50_000}`); }
  near(a.merge(b).estimate(), 150_000, 3 * a.relativeStandardError * 150_000, 'merged sketches');
  assert.throws(() => a.merge(new AudienceSketch({ precision: 10 })), /same precision and salt/);
  assert.throws(() => new AudienceSketch({ precision: 3 }), /precision must be an integer in 4..18/);
});

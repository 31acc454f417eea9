// Spread's analyses on a world small enough to check by hand: pools, true reach, simulation,
// seeds beside heuristics, the two plans, and bad input (k above the pool, a probability out of
// [0, 1], an empty pool, a graph without arcs).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RelaisError } from '../../src/platform/errors.ts';
import { bookToBloggers, strongTiesFirst } from '../../src/spread/plans.ts';
import { poolSizes, resolvePool } from '../../src/spread/pools.ts';
import { reachOf } from '../../src/spread/reach.ts';
import { chooseSeeds, simulateSeeds } from '../../src/spread/seeding.ts';
import { checkModel, reciprocalTies } from '../../src/spread/world.ts';
import { smallWorld } from './support.ts';

const WC = { model: 'ic', probabilities: 'weighted-cascade' } as const;
const code = (c: string, field?: string) => (error: unknown) => error instanceof RelaisError && error.code === c && (field === undefined || error.details.field === field);

test('reciprocal follows are the strong ties until Map gives tie strength', () => {
  const w = smallWorld();
  const strong = reciprocalTies(w.graph).strong;
  let count = 0;
  for (const s of strong) count += s;
  assert.equal(count, 4); // 0↔1 and 0↔2, both arcs each
});

test('pools: employees, bloggers, lists, exclusions', () => {
  const w = smallWorld();
  assert.deepEqual(poolSizes(w), { all: 12, employees: 3, ambassadors: 0, bloggers: 2 });
  assert.deepEqual([...resolvePool(w, { pool: 'employees', exclude: ['@e2'] }).candidates], [1, 3]);
  assert.deepEqual([...resolvePool(w, { pool: 'list', accounts: ['mastodon:b2', '#104'] }).candidates], [4, 5]);
  assert.throws(() => resolvePool(w, { pool: 'ambassadors' }), code('RELAIS_SPREAD_POOL_EMPTY', 'pool'));
  assert.throws(() => resolvePool(w, { pool: 'employees', exclude: ['e1', 'e2', 'e3'] }), code('RELAIS_SPREAD_POOL_EMPTY'));
  assert.throws(() => resolvePool(w, { pool: 'list', accounts: ['@nobody'] }), code('RELAIS_SPREAD_INVALID', 'accounts.0'));
});

test('true reach: the union of followers beside the naive sum, exact and by HyperLogLog', () => {
  const r = reachOf(smallWorld(), { pool: { pool: 'employees' } });
  // e1: 0, 6, 7, 8; e2: 0, 7, 8, 9; e3: 10 → 9 follows, 6 people.
  assert.equal(r.naiveInGraph, 9);
  assert.equal(r.unique, 6);
  assert.equal(r.duplicates, 3);
  assert.equal(r.naiveFollowers, 9);
  assert.ok(Math.abs(r.estimate.unique - 6) < 0.5, `HyperLogLog ${r.estimate.unique}`);
  assert.equal(r.seedExample.naive, 250_000);
  assert.equal(r.seedExample.scaledUnique, Math.round(250_000 * 6 / 9));
  // The brand's off-graph followers have unknown overlap: bounds, not a sum.
  const brand = reachOf(smallWorld(), { accounts: ['@cimes', '@e1'] });
  assert.equal(brand.unique, 7); // {1, 2, 3} ∪ {0, 6, 7, 8}
  assert.equal(brand.offGraph.followers, 48_200 - 3);
});

test('simulate: with p = 1 the cascade is certain and the curve exact', async () => {
  const r = await simulateSeeds(smallWorld(), { model: { model: 'ic', probabilities: 'uniform', p: 1 }, seeds: ['@b1'], runs: 50, seed: 1 });
  assert.equal(r.estimate.mean, 4); // b1 and its followers 9, 10, 11, who have no followers
  assert.deepEqual(r.estimate.steps.map((s) => [s.step, s.added, s.reached, s.low, s.high]), [[0, 1, 1, 1, 1], [1, 3, 4, 4, 4]]);
  const none = await simulateSeeds(smallWorld(), { model: WC, seeds: [], runs: 10, seed: 1 });
  assert.equal(none.estimate.mean, 0);
});

test('seeds: IMM beside the heuristics, all re-estimated; a budget buys what it can', async () => {
  const w = smallWorld();
  const r = await chooseSeeds(w, { model: WC, pool: { pool: 'all' }, k: 2, epsilon: 0.2, ell: 1, strategies: ['imm', 'followers', 'degree', 'pagerank', 'random'], runs: 4000, seed: 3 });
  assert.deepEqual(r.strategies.map((s) => s.strategy), ['imm', 'followers', 'degree', 'pagerank', 'random']);
  for (const s of r.strategies) assert.equal(s.seeds.length, 2);
  const imm = r.strategies[0]!;
  assert.ok(imm.guarantee && imm.guarantee.rrSets > 0);
  const best = Math.max(...r.strategies.map((s) => s.estimate.mean));
  assert.ok(imm.estimate.mean >= best - 0.2, `IMM ${imm.estimate.mean} vs best ${best}`);
  // Budget 10 with the brand costing 1 + 48.2: it cannot be bought.
  const b = await chooseSeeds(w, { model: WC, pool: { pool: 'all' }, budget: 10, cost: { perSeed: 1, perThousandFollowers: 1 }, epsilon: 0.3, ell: 1, strategies: ['imm', 'followers'], runs: 500, seed: 3 });
  for (const s of b.strategies) {
    assert.ok(s.cost <= 10, `${s.strategy} spent ${s.cost}`);
    assert.ok(!s.seeds.some((x) => x.handle === 'cimes'));
  }
});

test('bad input: k above the pool, p out of [0, 1], LT with uniform p, no arcs', async () => {
  const w = smallWorld();
  await assert.rejects(chooseSeeds(w, { model: WC, pool: { pool: 'employees' }, k: 4, epsilon: 0.2, ell: 1, strategies: ['imm'], runs: 10, seed: 1 }), code('RELAIS_SPREAD_INVALID', 'k'));
  assert.throws(() => checkModel({ model: 'ic', probabilities: 'uniform', p: 1.5 }), code('RELAIS_SPREAD_INVALID', 'p'));
  assert.throws(() => checkModel({ model: 'ic', probabilities: 'uniform', p: -0.1 }), code('RELAIS_SPREAD_INVALID', 'p'));
  assert.throws(() => checkModel({ model: 'lt', probabilities: 'uniform', p: 0.1 }), code('RELAIS_SPREAD_INVALID', 'probabilities'));
  await assert.rejects(chooseSeeds(w, { model: WC, pool: { pool: 'ambassadors' }, k: 1, epsilon: 0.2, ell: 1, strategies: ['imm'], runs: 10, seed: 1 }), code('RELAIS_SPREAD_POOL_EMPTY'));
  await assert.rejects(chooseSeeds(w, { model: WC, pool: { pool: 'all' }, k: 1, epsilon: 0.2, ell: 1, strategies: ['imm'], runs: 0, seed: 1 }), code('RELAIS_SPREAD_INVALID', 'runs'));
  // No arcs: IMM has nothing to choose on and answers no seeds; a heuristic's seeds reach themselves.
  const empty = await chooseSeeds(smallWorld({ arcs: false }), { model: WC, pool: { pool: 'all' }, k: 2, epsilon: 0.2, ell: 1, strategies: ['imm', 'followers'], runs: 100, seed: 1 });
  assert.equal(empty.strategies[0]!.seeds.length, 0);
  assert.equal(empty.strategies[0]!.estimate.mean, 0);
  assert.equal(empty.strategies[1]!.estimate.mean, 2);
});

test('plan strong ties first: the strong ties, whom they open, each wave larger', async () => {
  const plan = await strongTiesFirst(smallWorld(), { model: WC, first: 5, openPerTie: 5, epsilon: 0.2, runs: 2000, seed: 1 });
  assert.equal(plan.ego.handle, 'cimes');
  assert.equal(plan.strongTies, 2);
  assert.deepEqual(plan.asks.map((a) => a.tie.handle).sort(), ['e1', 'e2']);
  // e1 opens 6, 7, 8; e2 opens what is left of 7, 8, 9 — the first asked takes the shared ones.
  assert.equal(plan.weakTies, 4);
  assert.equal(plan.asks.reduce((s, a) => s + a.opens, 0), 4);
  assert.deepEqual(plan.waves.map((x) => x.asked), [1, 3, 7]);
  assert.ok(plan.waves[0]!.estimate.mean < plan.waves[1]!.estimate.mean && plan.waves[1]!.estimate.mean < plan.waves[2]!.estimate.mean);
});

test('plan bloggers: more books than bloggers asks them all and says so', async () => {
  const plan = await bookToBloggers(smallWorld(), { model: WC, sizes: [1, 3], epsilon: 0.2, runs: 500, seed: 1 });
  assert.equal(plan.pool, 2);
  assert.deepEqual(plan.options.map((o) => [o.size, o.asked, o.capped]), [[1, 1, false], [3, 2, true]]);
  assert.deepEqual(plan.options[0]!.strategies.map((s) => s.strategy), ['imm', 'random', 'followers']);
  assert.equal(plan.options[0]!.strategies[2]!.seeds[0]!.handle, 'b1'); // most followers
});

test('a long analysis stops when its signal aborts', async () => {
  const controller = new AbortController();
  let reports = 0;
  const work = { signal: controller.signal, onProgress: () => { if (++reports === 1) controller.abort(new Error('cancelled')); } };
  await assert.rejects(chooseSeeds(smallWorld(), { model: WC, pool: { pool: 'all' }, k: 2, epsilon: 0.05, ell: 1, strategies: ['imm'], runs: 100_000, seed: 1 }, work), /cancelled/);
  assert.ok(reports >= 1);
});

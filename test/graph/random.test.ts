import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRandom, fromState, shuffle, splitmix64 } from '../../src/graph/random.ts';

// Known answers from the authors' C code (xoshiro128starstar.c, splitmix64.c), compiled and run.
test('SplitMix64 matches the reference C implementation', () => {
  assert.deepEqual(splitmix64(42, 2), [13679457532755275413n, 2949826092126892291n]);
});

test('xoshiro128** matches the reference C implementation', () => {
  const fromSeed = createRandom(42);
  assert.deepEqual([1, 2, 3, 4, 5].map(() => fromSeed.uint32()), [1776835114, 4165204688, 17111135, 2317295270, 2792088233]);
  const raw = fromState(1, 2, 3, 4);
  assert.deepEqual([raw.uint32(), raw.uint32(), raw.uint32()], [11520, 0, 5927040]);
});

test('the same seed replays the same stream; another seed does not', () => {
  const a = createRandom(7), b = createRandom(7), c = createRandom(8);
  const xs = Array.from({ length: 100 }, () => a.next());
  assert.deepEqual(Array.from({ length: 100 }, () => b.next()), xs);
  assert.notDeepEqual(Array.from({ length: 100 }, () => c.next()), xs);
  assert.ok(xs.every((x) => x >= 0 && x < 1));
});

test('int(n) is uniform enough and in range', () => {
  const r = createRandom(1);
  const counts = new Array<number>(6).fill(0);
  for (let i = 0; i < 60_000; i++) counts[r.int(6)]!++;
  for (const c of counts) assert.ok(Math.abs(c - 10_000) < 400, `count ${c}`);
  assert.equal(r.int(0), 0);
  assert.equal(r.int(1), 0);
});

test('shuffle permutes deterministically', () => {
  const a = shuffle(Int32Array.from({ length: 50 }, (_, i) => i), createRandom(3));
  const b = shuffle(Int32Array.from({ length: 50 }, (_, i) => i), createRandom(3));
  assert.deepEqual(a, b);
  assert.deepEqual([...a].sort((x, y) => x - y), Array.from({ length: 50 }, (_, i) => i));
});

// Reverse-reachable (RR) sets (Borgs, Brautbar, Chayes & Lucier, "Maximizing social influence
// in nearly optimal time", SODA 2014; Tang, Xiao & Shi, "Influence maximization: near-optimal
// time complexity meets practical efficiency" (TIM), SIGMOD 2014, §2): pick a root v uniformly,
// keep each arc live with its probability, and collect the nodes that reach v through live arcs.
// For every seed set S, n · Pr[S meets a random RR set] = σ(S), so the spread of S is estimated
// by the share of RR sets it covers. Under IC the reverse search is a breadth-first search that
// flips each in-arc's coin once; under LT each node has at most one live in-arc, chosen with
// probability its weight (the live-edge view of Kempe et al. 2003), so the RR set is a reverse
// random walk that stops at a node with no live in-arc or at a node already in the set.
//
// Storage: all RR sets in one Int32Array pool, set r at pool[offsets[r] .. offsets[r + 1]),
// reserved ahead by IMM and grown by half when full; the root comes first.
import type { Random } from '../random.ts';
import type { InfluenceGraph } from './probabilities.ts';
import { generatorState } from './simulate.ts';

/** No options: the sampler follows the graph's model. */
export const DEFAULTS = {};

/** A collection of RR sets in one pool. */
export interface RRSets {
  count: number;
  /** Entries used in `pool`. */
  size: number;
  pool: Int32Array;
  /** count + 1 entries used. */
  offsets: Int32Array;
}

/** An empty collection with room to grow. */
export function createRRSets(capacity = 1024): RRSets {
  return { count: 0, size: 0, pool: new Int32Array(4 * capacity), offsets: new Int32Array(capacity + 1) };
}

/** Makes room for `count` sets of `entries` entries in all, so that filling copies nothing. */
export function reserve(sets: RRSets, count: number, entries: number): void {
  if (sets.offsets.length < count + 1) sets.offsets = grow(sets.offsets, count + 1);
  if (sets.pool.length < entries) sets.pool = grow(sets.pool, entries);
}

function grow(array: Int32Array, need: number): Int32Array {
  const next = new Int32Array(Math.max(need, Math.ceil(array.length * 1.5), 1024));
  next.set(array);
  return next;
}

/** Draws RR sets from one graph with one random stream. */
export interface RRSampler {
  /** Adds RR sets to `sets` until it holds `target`. */
  fill(sets: RRSets, target: number): void;
}

/** A logarithm costs about this many coin flips (measured on x86-64, Node 24). */
const JUMP = 5;

/**
 * A sampler for the graph's model. Example: `createRRSampler(g, random).fill(sets, 10_000)`.
 *
 * The coin flips of the hot loop come from a xoshiro128** stream held in local variables and
 * seeded by four draws of `random` (simulate.ts, `generatorState`). Rows whose in-arcs share
 * one probability p (weighted cascade, uniform p) skip to
 * the next live arc by a geometric jump, ⌊ln U / ln(1 − p)⌋ arcs (Guo, Chen, Lee, Xiao & Ye,
 * "Influence maximization revisited: efficient reverse reachable set generation with bound
 * tightened" (SUBSIM), SIGMOD 2020): about 1 + d·p draws for d arcs instead of d, used where
 * that saves more than the logarithms cost (long rows with small p).
 */
export function createRRSampler(graph: InfluenceGraph, random: Random): RRSampler {
  const { n, inOffsets, inSources, inProbabilities, model } = graph;
  const stamp = new Int32Array(n).fill(-1);
  let mark = -1;
  const seeded = generatorState(random);
  let s0 = seeded[0]!, s1 = seeded[1]!, s2 = seeded[2]!, s3 = seeded[3]!;
  const rootLimit = 4294967296 - (4294967296 % Math.max(1, n));
  // Live iff a uniform 32-bit draw is below p·2^32.
  const threshold = new Float64Array(inProbabilities.length);
  for (let a = 0; a < threshold.length; a++) threshold[a] = inProbabilities[a]! * 4294967296;
  // IC: ln(1 − p) of rows with a single probability p, NaN for mixed rows.
  let logMiss: Float64Array | undefined;
  // LT: cumulative in-weights per row, so that a live in-arc is found by binary search.
  let cumulative: Float64Array | undefined;
  if (model === 'ic') {
    logMiss = new Float64Array(n);
    for (let v = 0; v < n; v++) {
      const a0 = inOffsets[v]!, a1 = inOffsets[v + 1]!;
      let same = a1 > a0;
      for (let a = a0 + 1; same && a < a1; a++) same = inProbabilities[a] === inProbabilities[a0];
      // A jump costs a logarithm, about as much as JUMP coins: jump only where it saves draws.
      const d = a1 - a0, p = same ? inProbabilities[a0]! : 0;
      logMiss[v] = same && p < 1 && d > JUMP * (1 + d * p) ? Math.log1p(-p) : Number.NaN;
    }
  } else {
    cumulative = new Float64Array(inSources.length);
    for (let v = 0; v < n; v++) {
      let sum = 0;
      for (let a = inOffsets[v]!; a < inOffsets[v + 1]!; a++) { sum += inProbabilities[a]!; cumulative[a] = sum; }
    }
  }

  const fillIc = (sets: RRSets, target: number): void => {
    let { pool, offsets, size, count } = sets;
    // Locals, not captured variables, in the hot loop.
    const miss = logMiss!, stamps = stamp, inOff = inOffsets, inSrc = inSources, live = threshold, limit = rootLimit, nodes = n;
    let x0 = s0, x1 = s1, x2 = s2, x3 = s3, m = 0, t = 0, r = 0;
    if (offsets.length < target + 1) offsets = grow(offsets, target + 1);
    while (count < target) {
      if (++mark === 0x7fffffff) { stamp.fill(-1); mark = 0; }
      const id = mark;
      do { // a uniform root, by rejection of the top partial range
        m = Math.imul(x1, 5); r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
        t = x1 << 9; x2 ^= x0; x3 ^= x1; x1 ^= x2; x0 ^= x3; x2 ^= t; x3 = (x3 << 11) | (x3 >>> 21);
      } while (r >= limit);
      const root = r % nodes;
      if (size === pool.length) pool = grow(pool, size + 1);
      pool[size++] = root;
      stamps[root] = id;
      for (let head = offsets[count]!; head < size; head++) {
        const w = pool[head]!;
        const lm = miss[w]!;
        const end = inOff[w + 1]!;
        if (lm === lm) { // one probability for the whole row: jump from live arc to live arc
          if (lm === 0) continue; // p = 0
          for (let a = inOff[w]! - 1; ;) {
            m = Math.imul(x1, 5); r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
            t = x1 << 9; x2 ^= x0; x3 ^= x1; x1 ^= x2; x0 ^= x3; x2 ^= t; x3 = (x3 << 11) | (x3 >>> 21);
            a += 1 + Math.floor(Math.log((r + 1) / 4294967296) / lm); // U in (0, 1]
            if (!(a < end)) break;
            const u = inSrc[a]!;
            if (stamps[u] === id) continue;
            stamps[u] = id;
            if (size === pool.length) pool = grow(pool, size + 1);
            pool[size++] = u;
          }
          continue;
        }
        for (let a = inOff[w]!; a < end; a++) {
          const u = inSrc[a]!;
          if (stamps[u] === id) continue; // a node already in the set needs no coin
          m = Math.imul(x1, 5); r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
          t = x1 << 9; x2 ^= x0; x3 ^= x1; x1 ^= x2; x0 ^= x3; x2 ^= t; x3 = (x3 << 11) | (x3 >>> 21);
          if (r < live[a]!) {
            stamps[u] = id;
            if (size === pool.length) pool = grow(pool, size + 1);
            pool[size++] = u;
          }
        }
      }
      offsets[++count] = size;
    }
    s0 = x0; s1 = x1; s2 = x2; s3 = x3;
    sets.pool = pool; sets.offsets = offsets; sets.size = size; sets.count = count;
  };

  const fillLt = (sets: RRSets, target: number): void => {
    let { pool, offsets, size, count } = sets;
    const cum = cumulative!;
    let x0 = s0, x1 = s1, x2 = s2, x3 = s3, m = 0, t = 0, r = 0;
    if (offsets.length < target + 1) offsets = grow(offsets, target + 1);
    while (count < target) {
      if (++mark === 0x7fffffff) { stamp.fill(-1); mark = 0; }
      const id = mark;
      do {
        m = Math.imul(x1, 5); r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
        t = x1 << 9; x2 ^= x0; x3 ^= x1; x1 ^= x2; x0 ^= x3; x2 ^= t; x3 = (x3 << 11) | (x3 >>> 21);
      } while (r >= rootLimit);
      let w = r % n;
      if (size === pool.length) pool = grow(pool, size + 1);
      pool[size++] = w;
      stamp[w] = id;
      for (;;) {
        let lo = inOffsets[w]!, hi = inOffsets[w + 1]!;
        if (lo === hi) break;
        m = Math.imul(x1, 5); r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
        t = x1 << 9; x2 ^= x0; x3 ^= x1; x1 ^= x2; x0 ^= x3; x2 ^= t; x3 = (x3 << 11) | (x3 >>> 21);
        const u01 = r / 4294967296;
        if (u01 >= cum[hi - 1]!) break; // no live in-arc
        while (lo < hi) { // the first arc whose cumulative weight exceeds the draw
          const mid = (lo + hi) >>> 1;
          if (cum[mid]! > u01) hi = mid; else lo = mid + 1;
        }
        const u = inSources[lo]!;
        if (stamp[u] === id) break;
        stamp[u] = id;
        if (size === pool.length) pool = grow(pool, size + 1);
        pool[size++] = u;
        w = u;
      }
      offsets[++count] = size;
    }
    s0 = x0; s1 = x1; s2 = x2; s3 = x3;
    sets.pool = pool; sets.offsets = offsets; sets.size = size; sets.count = count;
  };

  return { fill: model === 'ic' ? fillIc : fillLt };
}

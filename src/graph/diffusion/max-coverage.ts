// Greedy maximum coverage of RR sets: the node-selection step of IMM (Tang, Shi & Xiao,
// "Influence maximization in near-linear time: a martingale approach", SIGMOD 2015, Alg. 1).
// - k seeds: the classic greedy, a (1 − 1/e)-approximation of the best coverage by k nodes
//   (Nemhauser, Wolsey & Fisher, Math. Programming 14, 1978).
// - A budget with a cost per node: the cost-effective greedy of Khuller, Moss & Naor, "The
//   budgeted maximum coverage problem", IPL 70(1), 1999 — repeatedly take the node of largest
//   newly-covered/cost that still fits (a node that does not fit is dropped), then keep the
//   better of that set and the best single affordable node. Khuller et al. prove
//   (1 − 1/e)/2 ≈ 0.316 for it; the bound usually quoted, (1 − 1/√e) ≈ 0.393, is from Lin &
//   Bilmes, "Multi-document summarization via budgeted maximization of submodular functions",
//   NAACL 2010; Kulik, Schwartz & Shachnai (2021) show it is at most 0.429. The (1 − 1/e)
//   enumeration over triples is not done: it multiplies the work by n³.
// Both are lazy (Minoux 1978): coverage only falls, so a heap of stale keys is an upper bound
// and a node is taken when its refreshed key still tops the heap. Newly covered sets lower the
// counts of their members through an inverted index (node → sets) built once per call.
import { MaxHeap } from './max-heap.ts';
import type { RRSets } from './rr-sets.ts';

/** Seeds by count or by budget, among allowed nodes. */
export interface CoverageOptions {
  /** Number of seeds (cardinality constraint); ignored when `budget` is set. */
  k: number;
  budget?: number;
  /** Cost of each node (all > 0); required with `budget`. */
  costs?: ArrayLike<number>;
  /** allowed[v] = 1 when v may be a seed; every node when absent. */
  allowed?: Uint8Array;
}

/** k = 1, no budget, every node allowed. */
export const DEFAULTS: CoverageOptions = { k: 1 };

/** The chosen nodes in order, the RR sets each newly covers, and the total. */
export interface Coverage {
  seeds: number[];
  gains: number[];
  covered: number;
  cost: number;
  /** Budget mode: whether the greedy set or the best single node won. */
  choice: 'greedy' | 'single';
}

/** Greedy (or cost-effective greedy) maximum coverage of `sets` by nodes 0..n-1. */
export function maxCoverage(sets: RRSets, n: number, options: Partial<CoverageOptions> = {}): Coverage {
  const { k, budget, costs, allowed } = { ...DEFAULTS, ...options };
  const { pool, offsets, count, size } = sets;
  // Inverted index over allowed nodes: the sets containing v are lists[start[v] .. start[v + 1]).
  const coverage = new Int32Array(n);
  for (let e = 0; e < size; e++) { const v = pool[e]!; if (!allowed || allowed[v]) coverage[v]!++; }
  const start = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) start[v + 1] = start[v]! + coverage[v]!;
  const lists = new Int32Array(start[n]!);
  const fill = start.slice(0, n);
  for (let r = 0; r < count; r++) {
    for (let e = offsets[r]!, end = offsets[r + 1]!; e < end; e++) {
      const v = pool[e]!;
      if (!allowed || allowed[v]) lists[fill[v]!++] = r;
    }
  }
  const covered = new Uint8Array(count);
  const take = (u: number): number => {
    let gain = 0;
    for (let i = start[u]!, end = start[u + 1]!; i < end; i++) {
      const r = lists[i]!;
      if (covered[r]) continue;
      covered[r] = 1;
      gain++;
      for (let e = offsets[r]!, stop = offsets[r + 1]!; e < stop; e++) coverage[pool[e]!]!--;
    }
    return gain;
  };
  let candidates = new Int32Array(n), allowedCount = 0;
  for (let v = 0; v < n; v++) if (!allowed || allowed[v]) candidates[allowedCount++] = v;
  candidates = candidates.subarray(0, allowedCount);
  const heap = new MaxHeap(n);
  const seeds: number[] = [], gains: number[] = [];
  let total = 0;

  if (budget === undefined) {
    for (const v of candidates) heap.keys[v] = coverage[v]!;
    heap.build(candidates);
    while (seeds.length < k && heap.size > 0) {
      const u = heap.top();
      if (heap.keys[u] !== coverage[u]) { heap.updateTop(coverage[u]!); continue; }
      heap.pop();
      const gain = take(u);
      seeds.push(u); gains.push(gain); total += gain;
    }
    return { seeds, gains, covered: total, cost: seeds.length, choice: 'greedy' };
  }

  const cost = (v: number): number => costs![v]!;
  let best = -1; // the best single affordable node
  const affordable: number[] = [];
  for (const v of candidates) {
    if (cost(v) > budget) continue;
    affordable.push(v);
    heap.keys[v] = coverage[v]! / cost(v);
    if (best < 0 || coverage[v]! > coverage[best]!) best = v;
  }
  const bestCoverage = best >= 0 ? coverage[best]! : 0;
  heap.build(affordable);
  let spent = 0;
  while (heap.size > 0) {
    const u = heap.top();
    const key = coverage[u]! / cost(u);
    if (heap.keys[u] !== key) { heap.updateTop(key); continue; }
    heap.pop();
    if (key === 0) break; // nothing left to gain: keep the rest of the budget
    if (spent + cost(u) > budget) continue;
    const gain = take(u);
    spent += cost(u);
    seeds.push(u); gains.push(gain); total += gain;
  }
  if (best >= 0 && bestCoverage > total) return { seeds: [best], gains: [bestCoverage], covered: bestCoverage, cost: cost(best), choice: 'single' };
  return { seeds, gains, covered: total, cost: spent, choice: 'greedy' };
}

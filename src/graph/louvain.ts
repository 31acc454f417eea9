// Louvain community detection: Blondel, Guillaume, Lambiotte & Lefebvre, "Fast unfolding of
// communities in large networks", J. Stat. Mech. (2008) P10008. Each level moves nodes to the
// neighbouring community with the best modularity gain
//   ΔQ ∝ k_i,D − γ · tot_D · k_i / 2m
// until no move helps, then aggregates communities into nodes and repeats. Nodes are first
// visited in a seeded random order, then through a queue of nodes whose neighbourhood changed
// (Ozaki, Tezuka & Inaba, "A simple acceleration method for the Louvain algorithm", IJCEE
// 8(3), 2016; the "fast local move" of Traag, Waltman & van Eck, Sci. Rep. 9, 5233, 2019).
// Then, by default, multi-level refinement: the final partition is projected back down the
// levels and single nodes may move again at each (Rotta & Noack, "Multilevel local search
// algorithms for modularity clustering", ACM J. Exp. Algorithmics 16, 2011).
// A directed graph is taken as undirected. Weights must be non-negative.
import type { Graph } from './csr.ts';
import { toUndirected } from './csr.ts';
import { modularity } from './modularity.ts';
import { createRandom, shuffle, type Random } from './random.ts';

/** Options of Louvain. */
export interface LouvainOptions {
  /** γ: above 1 favours smaller communities. */
  resolution: number;
  weighted: boolean;
  seed: number;
  /** Overrides `seed`. */
  random?: Random;
  /** Stop after this many aggregation levels. */
  maxLevels: number;
  /** After coarsening, let single nodes move again at each level, coarsest to finest. */
  refine: boolean;
}

/** Classic modularity (γ = 1), weights when present, seed 42, multi-level refinement on. */
export const DEFAULTS: LouvainOptions = { resolution: 1, weighted: true, seed: 42, maxLevels: 100, refine: true };

/** Communities, their modularity and the levels that led to them. */
export interface LouvainResult {
  /** Community of each node, numbered 0..count-1 in order of each community's smallest node. */
  communities: Int32Array;
  count: number;
  modularity: number;
  /** Communities and modularity after each level. */
  levels: Array<{ count: number; modularity: number }>;
}

/** An undirected weighted graph as CSR; a loop adds twice its weight to its row. */
interface Level { n: number; offsets: Int32Array; targets: Int32Array; weights: Float64Array }

/**
 * Moves nodes between communities until none gains; returns the number of communities and
 * leaves `comm` numbered 0..count-1. Starts from singletons, or from `comm` when `start`.
 */
function localMove(level: Level, resolution: number, random: Random, comm: Int32Array, start = false): number {
  const { n, offsets, targets, weights } = level;
  const k = new Float64Array(n);
  const tot = new Float64Array(n);
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let a = offsets[i]!, end = offsets[i + 1]!; a < end; a++) s += weights[a]!;
    k[i] = s;
    m2 += s;
    if (!start) comm[i] = i;
    tot[comm[i]!]! += s;
  }
  if (m2 === 0 && !start) return n;
  const scale = resolution / m2;
  const neighW = new Float64Array(n);
  const mark = new Int32Array(n).fill(-1);
  const touched = new Int32Array(n);
  const queue = new Int32Array(n);
  for (let i = 0; i < n; i++) queue[i] = i;
  shuffle(queue, random);
  const inQueue = new Uint8Array(n).fill(1);
  let head = 0, size = n;
  while (size > 0) {
    const i = queue[head]!;
    head = head + 1 === n ? 0 : head + 1;
    size--;
    inQueue[i] = 0;
    const ci = comm[i]!, ki = k[i]!;
    const start = offsets[i]!, end = offsets[i + 1]!;
    let nt = 1;
    touched[0] = ci; mark[ci] = i; neighW[ci] = 0;
    for (let a = start; a < end; a++) {
      const j = targets[a]!;
      if (j === i) continue;
      const c = comm[j]!;
      if (mark[c] !== i) { mark[c] = i; neighW[c] = weights[a]!; touched[nt++] = c; }
      else neighW[c]! += weights[a]!;
    }
    tot[ci]! -= ki;
    let best = ci;
    let bestGain = neighW[ci]! - tot[ci]! * ki * scale;
    const epsilon = 1e-12 * ki;
    for (let t = 1; t < nt; t++) {
      const c = touched[t]!;
      const gain = neighW[c]! - tot[c]! * ki * scale;
      if (gain > bestGain + epsilon) { best = c; bestGain = gain; }
    }
    for (let t = 0; t < nt; t++) mark[touched[t]!] = -1;
    tot[best]! += ki;
    if (best === ci) continue;
    comm[i] = best;
    for (let a = start; a < end; a++) {
      const j = targets[a]!;
      if (inQueue[j] || comm[j] === best) continue;
      inQueue[j] = 1;
      let tail = head + size;
      if (tail >= n) tail -= n;
      queue[tail] = j;
      size++;
    }
  }
  // Dense labels 0..K-1.
  const label = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const c = comm[i]!;
    if (label[c] === -1) label[c] = count++;
    comm[i] = label[c]!;
  }
  return count;
}

/** The graph of communities: one node per community, weights summed. */
function aggregate(level: Level, comm: Int32Array, count: number): Level {
  const { n, offsets, targets, weights } = level;
  // Members of each community, contiguous (counting sort).
  const start = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) start[comm[i]! + 1]!++;
  for (let c = 0; c < count; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, count);
  const members = new Int32Array(n);
  for (let i = 0; i < n; i++) members[fill[comm[i]!]!++] = i;

  const acc = new Float64Array(count);
  const mark = new Int32Array(count).fill(-1);
  const touched = new Int32Array(count);
  const newOffsets = new Int32Array(count + 1);
  let newTargets = new Int32Array(Math.max(16, targets.length >> 1));
  let newWeights = new Float64Array(newTargets.length);
  let k = 0;
  for (let c = 0; c < count; c++) {
    let nt = 0;
    for (let m = start[c]!; m < start[c + 1]!; m++) {
      const i = members[m]!;
      for (let a = offsets[i]!, end = offsets[i + 1]!; a < end; a++) {
        const d = comm[targets[a]!]!;
        if (mark[d] !== c) { mark[d] = c; acc[d] = weights[a]!; touched[nt++] = d; }
        else acc[d]! += weights[a]!;
      }
    }
    if (k + nt > newTargets.length) {
      const size = Math.max(k + nt, newTargets.length * 2);
      const t = new Int32Array(size); t.set(newTargets); newTargets = t;
      const w = new Float64Array(size); w.set(newWeights); newWeights = w;
    }
    for (let t = 0; t < nt; t++) { newTargets[k] = touched[t]!; newWeights[k] = acc[touched[t]!]!; k++; }
    newOffsets[c + 1] = k;
  }
  return { n: count, offsets: newOffsets, targets: newTargets.subarray(0, k), weights: newWeights.subarray(0, k) };
}

/**
 * Louvain communities and their modularity. Example:
 * `louvain(karate, { seed: 1 }).modularity` ≈ 0.42.
 */
export function louvain(graph: Graph, options: Partial<LouvainOptions> = {}): LouvainResult {
  const { resolution, weighted, seed, maxLevels, refine } = { ...DEFAULTS, ...options };
  const random = options.random ?? createRandom(seed);
  const base = graph.directed ? toUndirected(graph) : graph;
  const n = base.n;
  let weights = weighted ? base.weights : undefined;
  if (weights) {
    for (let a = 0; a < weights.length; a++) if (!(weights[a]! >= 0)) throw new RangeError('Louvain needs non-negative weights');
  } else {
    weights = new Float64Array(base.targets.length).fill(1);
  }
  let level: Level = { n, offsets: base.offsets, targets: base.targets, weights };
  const membership = new Int32Array(n);
  for (let i = 0; i < n; i++) membership[i] = i;
  const levels: LouvainResult['levels'] = [];
  const coarsened: Array<{ level: Level; comm: Int32Array }> = [];
  for (let depth = 0; depth < maxLevels && level.n > 0; depth++) {
    const comm = new Int32Array(level.n);
    const count = localMove(level, resolution, random, comm);
    if (count === level.n) break;
    for (let i = 0; i < n; i++) membership[i] = comm[membership[i]!]!;
    levels.push({ count, modularity: modularity(graph, membership, { resolution, weighted }) });
    coarsened.push({ level, comm });
    level = aggregate(level, comm, count);
  }
  if (refine && coarsened.length > 0) {
    // Multi-level refinement: project the partition back level by level, letting single
    // nodes move again at each finer level (Rotta & Noack 2011).
    let part = new Int32Array(level.n);
    for (let i = 0; i < level.n; i++) part[i] = i;
    for (let d = coarsened.length - 1; d >= 0; d--) {
      const { level: finer, comm } = coarsened[d]!;
      const projected = new Int32Array(finer.n);
      for (let i = 0; i < finer.n; i++) projected[i] = part[comm[i]!]!;
      localMove(finer, resolution, random, projected, true);
      part = projected;
    }
    membership.set(part);
  }
  // Number communities in order of their smallest node.
  const label = new Int32Array(n).fill(-1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const c = membership[i]!;
    if (label[c] === -1) label[c] = count++;
    membership[i] = label[c]!;
  }
  const q = n === 0 ? Number.NaN : modularity(graph, membership, { resolution, weighted });
  return { communities: membership, count, modularity: q, levels };
}

// Betweenness centrality. Exact: Brandes, "A faster algorithm for betweenness centrality",
// J. Math. Sociol. 25(2), 2001 — one BFS (Dijkstra when weighted; weights are lengths) per
// source and a backward accumulation of dependencies δ_s(v) = Σ_{w: v ∈ pred(w)} σ_sv/σ_sw (1 + δ_s(w)).
// Sampled: Brandes & Pich, "Centrality estimation in large networks", Int. J. Bifurcation
// and Chaos 17(7), 2007 — k pivots drawn uniformly without replacement, b̂(v) = (n/k) Σ δ_s(v).
// Error bound (Hoeffding 1963, which also holds when sampling without replacement, plus a
// union bound over the n nodes): since 0 ≤ δ_s(v) ≤ n − 2, with probability ≥ 1 − δ,
// for every v at once, |b̂(v) − b(v)| ≤ n (n − 2) √(ln(2n/δ) / 2k)  (halved for undirected).
// Values follow igraph: undirected pairs counted once, endpoints excluded, not normalised.
import type { Graph } from './csr.ts';
import { IndexedMinHeap } from './heap.ts';
import { createRandom, type Random } from './random.ts';

/** Options of exact betweenness. */
export interface BetweennessOptions {
  /** Use edge weights (as lengths, which must be positive) when the graph has them. */
  weighted: boolean;
  /** Divide by the number of pairs (n−1)(n−2), halved for undirected graphs. */
  normalized: boolean;
}

/** Options of sampled betweenness: pivots, failure probability, randomness. */
export interface SampledBetweennessOptions extends BetweennessOptions {
  /** Number of pivots k (all nodes gives the exact value). */
  pivots: number;
  /** Failure probability δ of the stated error bound. */
  delta: number;
  seed: number;
  random?: Random;
}

/** Unnormalised (igraph's values), weights as lengths when present, 256 pivots, δ = 0.1. */
export const DEFAULTS: SampledBetweennessOptions = { weighted: true, normalized: false, pivots: 256, delta: 0.1, seed: 42 };

/** Working arrays for single-source accumulations, allocated once. */
interface Workspace {
  order: Int32Array;
  /** BFS: per node, interleaved so that one cache line serves an arc: [level, σ, (1 + δ) / σ]. */
  state: Float64Array;
  /** Successors in the shortest-path DAG, by BFS position: those of order[i] end at dagEnd[i]. */
  dag: Int32Array; dagEnd: Int32Array;
  /** Dijkstra: distance, σ and (1 + δ) / σ. */
  dist: Float64Array; sigma: Float64Array; delta: Float64Array; heap?: IndexedMinHeap;
}

function workspace(graph: Graph, weighted: boolean): Workspace {
  const n = graph.n;
  const state = new Float64Array(weighted ? 0 : 3 * n);
  for (let v = 0; v < state.length; v += 3) state[v] = -1;
  const size = weighted ? n : 0;
  return {
    order: new Int32Array(n), state, dag: new Int32Array(weighted ? 0 : graph.targets.length), dagEnd: new Int32Array(n),
    dist: new Float64Array(size).fill(-1), sigma: new Float64Array(size), delta: new Float64Array(size),
    heap: weighted ? new IndexedMinHeap(n) : undefined,
  };
}

/** Adds scale · δ_s(v) to `scores` for every v ≠ s (BFS); leaves the workspace clean. */
function accumulateBfs(graph: Graph, s: number, ws: Workspace, scores: Float64Array, scale: number): void {
  const { offsets, targets } = graph;
  const { order, state, dag, dagEnd } = ws;
  let count = 0, k = 0;
  state[3 * s] = 0; state[3 * s + 1] = 1;
  order[count++] = s; // `order` doubles as the queue
  for (let head = 0; head < count; head++) {
    const v = order[head]!, lv = state[3 * v]! + 1, sv = state[3 * v + 1]!;
    for (let a = offsets[v]!, end = offsets[v + 1]!; a < end; a++) {
      const w = targets[a]!, i = 3 * w;
      const lw = state[i]!;
      if (lw < 0) { state[i] = lv; state[i + 1] = sv; order[count++] = w; dag[k++] = w; }
      else if (lw === lv) { state[i + 1]! += sv; dag[k++] = w; }
    }
    dagEnd[head] = k; // v's successors in the shortest-path DAG end here
  }
  // Backward over the DAG's successors only: δ(v) = σ_v Σ (1 + δ(w)) / σ_w, keeping
  // (1 + δ(w)) / σ_w per node so that each DAG arc costs one read and one add.
  for (let i = count - 1; i > 0; i--) {
    const v = order[i]!;
    let sum = 0;
    for (let a = dagEnd[i - 1]!, end = dagEnd[i]!; a < end; a++) sum += state[3 * dag[a]! + 2]!;
    const sv = state[3 * v + 1]!;
    state[3 * v + 2] = sum + 1 / sv;
    scores[v]! += scale * sv * sum;
  }
  for (let i = 0; i < count; i++) { const j = 3 * order[i]!; state[j] = -1; state[j + 1] = 0; state[j + 2] = 0; }
}

/** The same with Dijkstra's algorithm; path lengths tie within a relative 1e-10, as in igraph. */
function accumulateDijkstra(graph: Graph, s: number, ws: Workspace, weights: Float64Array, scores: Float64Array, scale: number): void {
  const { offsets, targets } = graph;
  const { order, dist, sigma, delta } = ws;
  const heap = ws.heap!;
  let count = 0;
  sigma[s] = 1;
  dist[s] = 0;
  heap.push(s, 0);
  while (heap.size > 0) {
    const v = heap.pop();
    order[count++] = v;
    const dv = dist[v]!, sv = sigma[v]!;
    for (let a = offsets[v]!, end = offsets[v + 1]!; a < end; a++) {
      const w = targets[a]!;
      const alt = dv + weights[a]!, dw = dist[w]!;
      if (dw < 0 || alt < dw - 1e-10 * alt) { dist[w] = alt; sigma[w] = sv; heap.push(w, alt); }
      else if (Math.abs(alt - dw) <= 1e-10 * alt && heap.has(w)) sigma[w]! += sv;
    }
  }
  for (let i = count - 1; i > 0; i--) {
    const v = order[i]!, dv = dist[v]!;
    let sum = 0;
    for (let a = offsets[v]!, end = offsets[v + 1]!; a < end; a++) {
      const w = targets[a]!;
      const alt = dv + weights[a]!;
      if (Math.abs(alt - dist[w]!) <= 1e-10 * alt) sum += delta[w]!;
    }
    const sv = sigma[v]!;
    delta[v] = sum + 1 / sv;
    scores[v]! += scale * sv * sum;
  }
  for (let i = 0; i < count; i++) { const v = order[i]!; dist[v] = -1; sigma[v] = 0; delta[v] = 0; }
}

function accumulate(graph: Graph, s: number, ws: Workspace, weights: Float64Array | undefined, scores: Float64Array, scale: number): void {
  if (weights) accumulateDijkstra(graph, s, ws, weights, scores, scale);
  else accumulateBfs(graph, s, ws, scores, scale);
}

function lengths(graph: Graph, weighted: boolean): Float64Array | undefined {
  const weights = weighted ? graph.weights : undefined;
  if (weights) for (let a = 0; a < weights.length; a++) if (!(weights[a]! > 0)) throw new RangeError('betweenness needs positive weights (they are lengths)');
  return weights;
}

/** Factor applied to Σ_s δ_s(v): ½ for undirected pairs, 1/(pairs) when normalised. */
function normalization(n: number, directed: boolean, normalized: boolean): number {
  return normalized && n > 2 ? 1 / ((n - 1) * (n - 2)) : directed ? 1 : 0.5;
}

/** Exact betweenness of every node (Brandes). Example: the middle of a 3-path has 1. */
export function betweenness(graph: Graph, options: Partial<BetweennessOptions> = {}): Float64Array {
  const { weighted, normalized } = { ...DEFAULTS, ...options };
  const n = graph.n;
  const weights = lengths(graph, weighted);
  const scores = new Float64Array(n);
  const ws = workspace(graph, !!weights);
  const scale = normalization(n, graph.directed, normalized);
  for (let s = 0; s < n; s++) accumulate(graph, s, ws, weights, scores, scale);
  return scores;
}

/** Estimated betweenness with its error bound. */
export interface SampledBetweenness {
  scores: Float64Array;
  /** Pivots used (k). */
  pivots: number;
  /** With probability ≥ confidence, every |b̂(v) − b(v)| ≤ absoluteError (0 when k = n). */
  absoluteError: number;
  /** The same bound in normalised units (divided by the number of pairs). */
  normalizedError: number;
  confidence: number;
}

/** Betweenness estimated from k random pivots, with its Hoeffding error bound (see header). */
export function sampledBetweenness(graph: Graph, options: Partial<SampledBetweennessOptions> = {}): SampledBetweenness {
  const { weighted, normalized, pivots, delta, seed } = { ...DEFAULTS, ...options };
  const n = graph.n;
  const k = Math.max(0, Math.min(n, Math.floor(pivots)));
  const random = options.random ?? createRandom(seed);
  const weights = lengths(graph, weighted);
  const scores = new Float64Array(n);
  if (k === 0) return { scores, pivots: 0, absoluteError: 0, normalizedError: 0, confidence: 1 };
  const ws = workspace(graph, !!weights);
  const base = normalization(n, graph.directed, normalized);
  // The first k entries of a partial Fisher–Yates shuffle: k distinct uniform pivots.
  const nodes = new Int32Array(n);
  for (let i = 0; i < n; i++) nodes[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + random.int(n - i);
    const t = nodes[i]!; nodes[i] = nodes[j]!; nodes[j] = t;
    accumulate(graph, nodes[i]!, ws, weights, scores, (base * n) / k);
  }
  const half = graph.directed ? 1 : 0.5;
  const error = k === n || n < 3 ? 0 : half * n * (n - 2) * Math.sqrt(Math.log((2 * n) / delta) / (2 * k));
  const normalizedError = n > 2 ? error / (half * (n - 1) * (n - 2)) : 0;
  return {
    scores, pivots: k,
    absoluteError: normalized ? normalizedError : error,
    normalizedError,
    confidence: 1 - delta,
  };
}

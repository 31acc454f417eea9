// PageRank by power iteration: Page, Brin, Motwani & Winograd, "The PageRank citation
// ranking: bringing order to the web", Stanford InfoLab tech. report 1999-66.
//   x' = (1 − d)·p + d·(Σ_{u→v} x_u·w_uv / s_u + D·q),   D = Σ over dangling u of x_u
// with p the restart (personalisation) vector, q the distribution a dangling node's mass
// goes to (p unless given: igraph's and NetworkX's choice), s_u the out-strength. Undirected
// edges walk both ways; an undirected self-loop counts twice, as in igraph. Stops when the
// L1 change of an iteration is below `tolerance`.
import type { Graph } from './csr.ts';
import { inAdjacency } from './csr.ts';

/** Options of PageRank. */
export interface PageRankOptions {
  damping: number;
  /** Stop when ‖x' − x‖₁ < tolerance. */
  tolerance: number;
  maxIterations: number;
  /** Use edge weights when the graph has them. */
  weighted: boolean;
  /** Restart vector (personalised PageRank); uniform when absent. Normalised here. */
  personalization?: ArrayLike<number>;
  /** Where dangling nodes' mass goes; the restart vector when absent. */
  dangling?: ArrayLike<number>;
  /** Starting vector (warm start after a small change of the graph); uniform when absent. */
  initial?: ArrayLike<number>;
}

/** Damping 0.85 (Page et al.), L1 tolerance 1e-9, at most 1,000 iterations, weights when present. */
export const DEFAULTS: PageRankOptions = { damping: 0.85, tolerance: 1e-9, maxIterations: 1000, weighted: true };

/** Scores and how the iteration ended. */
export interface PageRankResult {
  /** Scores summing to 1. */
  scores: Float64Array;
  iterations: number;
  /** L1 change of the last iteration. */
  delta: number;
  converged: boolean;
}

function distribution(n: number, v: ArrayLike<number> | undefined, name: string): Float64Array {
  const out = new Float64Array(n);
  if (!v) return out.fill(1 / n);
  if (v.length !== n) throw new RangeError(`${name} has ${v.length} entries for ${n} nodes`);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = v[i]!;
    if (!(x >= 0) || !Number.isFinite(x)) throw new RangeError(`${name}[${i}] is not a finite non-negative number`);
    sum += x;
  }
  if (sum <= 0) throw new RangeError(`${name} sums to 0`);
  for (let i = 0; i < n; i++) out[i] = v[i]! / sum;
  return out;
}

/** PageRank scores (personalised when `personalization` is given). Example: `pagerank(g).scores`. */
export function pagerank(graph: Graph, options: Partial<PageRankOptions> = {}): PageRankResult {
  const { damping: d, tolerance, maxIterations, weighted } = { ...DEFAULTS, ...options };
  const { n, offsets, targets } = graph;
  if (n === 0) return { scores: new Float64Array(0), iterations: 0, delta: 0, converged: true };
  const p = distribution(n, options.personalization, 'personalization');
  const q = options.dangling ? distribution(n, options.dangling, 'dangling') : p;
  const weights = weighted ? graph.weights : undefined;
  const inn = inAdjacency(graph);
  const inWeights = weighted ? inn.weights : undefined;

  // 1 / out-strength, 0 for dangling nodes.
  const inv = new Float64Array(n);
  const dangling: number[] = [];
  for (let u = 0; u < n; u++) {
    let s = 0;
    for (let a = offsets[u]!, end = offsets[u + 1]!; a < end; a++) {
      const w = weights ? weights[a]! : 1;
      if (w < 0) throw new RangeError(`negative weight on an edge from node ${u}`);
      s += w;
    }
    if (s > 0) inv[u] = 1 / s; else dangling.push(u);
  }

  let x: Float64Array = options.initial ? distribution(n, options.initial, 'initial') : new Float64Array(n).fill(1 / n);
  let next: Float64Array = new Float64Array(n);
  const contrib = new Float64Array(n);
  const src = inn.sources, inOff = inn.offsets;
  let iterations = 0, delta = Infinity;
  while (iterations < maxIterations) {
    iterations++;
    let danglingMass = 0;
    for (let i = 0; i < dangling.length; i++) danglingMass += x[dangling[i]!]!;
    for (let u = 0; u < n; u++) contrib[u] = x[u]! * inv[u]!;
    let total = 0;
    for (let v = 0; v < n; v++) {
      let sum = 0;
      const end = inOff[v + 1]!;
      if (inWeights) for (let a = inOff[v]!; a < end; a++) sum += contrib[src[a]!]! * inWeights[a]!;
      else for (let a = inOff[v]!; a < end; a++) sum += contrib[src[a]!]!;
      const value = (1 - d) * p[v]! + d * (sum + danglingMass * q[v]!);
      next[v] = value;
      total += value;
    }
    delta = 0;
    for (let v = 0; v < n; v++) {
      const value = next[v]! / total; // renormalise against rounding drift
      delta += Math.abs(value - x[v]!);
      next[v] = value;
    }
    const t = x; x = next; next = t;
    if (delta < tolerance) break;
  }
  return { scores: x, iterations, delta, converged: delta < tolerance };
}

// Most reliable paths: from one source, the path to every node whose product of edge
// probabilities is largest — Dijkstra (1959) on lengths −ln p, since maximising Π p is
// minimising Σ −ln p (the "most reliable path" of Ahuja, Magnanti & Orlin, "Network flows",
// 1993, §4.7). Edges with p ≤ 0 are not followed; p is capped at 1. Used by Map's "who can
// help me" to find the most trusted introduction path (tie strengths as probabilities).
import type { Graph } from './csr.ts';
import { IndexedMinHeap } from './heap.ts';

/** Stop exploring beyond this many hops, or below this reliability. */
export interface ReliablePathOptions {
  maxHops: number;
  minReliability: number;
}

/** Any number of hops, down to a reliability of 1e-9. */
export const DEFAULTS: ReliablePathOptions = { maxHops: Number.MAX_SAFE_INTEGER, minReliability: 1e-9 };

/** Per node: the best product (0 when unreached), its parent on that path (-1), and its hops. */
export interface ReliablePaths { reliability: Float64Array; parent: Int32Array; hops: Int32Array }

/**
 * Most reliable paths from `source` along out-arcs, `probability` aligned with graph.targets.
 * Example: on the path 0–1–2 with p = 0.5 everywhere, reliability[2] is 0.25.
 */
export function reliablePaths(graph: Graph, probability: ArrayLike<number>, source: number, options: Partial<ReliablePathOptions> = {}): ReliablePaths {
  const { maxHops, minReliability } = { ...DEFAULTS, ...options };
  const { n, offsets, targets } = graph;
  if (probability.length !== targets.length) throw new RangeError(`probability has ${probability.length} entries for ${targets.length} arcs`);
  const cost = new Float64Array(n).fill(Infinity);
  const parent = new Int32Array(n).fill(-1), hops = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  const limit = -Math.log(minReliability);
  const heap = new IndexedMinHeap(n);
  if (source >= 0 && source < n) { cost[source] = 0; hops[source] = 0; heap.push(source, 0); }
  while (heap.size > 0) {
    const u = heap.pop();
    done[u] = 1;
    if (hops[u]! >= maxHops) continue;
    for (let a = offsets[u]!; a < offsets[u + 1]!; a++) {
      const v = targets[a]!, p = Math.min(1, probability[a]!);
      if (done[v] || !(p > 0)) continue;
      const c = cost[u]! - Math.log(p);
      if (c < cost[v]! && c <= limit) { cost[v] = c; parent[v] = u; hops[v] = hops[u]! + 1; heap.push(v, c); }
    }
  }
  const reliability = Float64Array.from(cost, (c) => (c === Infinity ? 0 : Math.exp(-c)));
  return { reliability, parent, hops };
}

/** The nodes of the path from the source to `target` (empty when unreached). */
export function pathTo(paths: ReliablePaths, target: number): number[] {
  if (paths.hops[target]! < 0) return [];
  const out: number[] = [];
  for (let v = target; v >= 0; v = paths.parent[v]!) out.push(v);
  return out.reverse();
}

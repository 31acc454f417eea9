// Modularity of a partition: Newman & Girvan, "Finding and evaluating community structure in
// networks", Phys. Rev. E 69, 026113 (2004); weighted form Newman, Phys. Rev. E 70, 056131
// (2004); resolution γ from Reichardt & Bornholdt, Phys. Rev. E 74, 016110 (2006):
//   Q = Σ_c [ in_c / 2m − γ (tot_c / 2m)² ]
// in_c: weight of arcs inside c with each undirected edge counted from both ends (a loop
// twice, igraph's convention), tot_c: total strength of c's nodes. A directed graph is taken
// as undirected (u → v adds w to both ends), which is how Louvain sees it.
import type { Graph } from './csr.ts';

/** Resolution and weighting of modularity. */
export interface ModularityOptions {
  resolution: number;
  weighted: boolean;
}

/** Newman–Girvan modularity (γ = 1), weights when present. */
export const DEFAULTS: ModularityOptions = { resolution: 1, weighted: true };

/** Modularity of `communities` (a community label per node). NaN for a graph with no edges. */
export function modularity(graph: Graph, communities: ArrayLike<number>, options: Partial<ModularityOptions> = {}): number {
  const { resolution, weighted } = { ...DEFAULTS, ...options };
  const { n, offsets, targets } = graph;
  if (communities.length !== n) throw new RangeError(`${communities.length} labels for ${n} nodes`);
  const weights = weighted ? graph.weights : undefined;
  let maxLabel = -1;
  for (let u = 0; u < n; u++) {
    const c = communities[u]!;
    if (!(c >= 0) || (c | 0) !== c) throw new RangeError(`community label of node ${u} is not a non-negative integer`);
    if (c > maxLabel) maxLabel = c;
  }
  const inside = new Float64Array(maxLabel + 1);
  const total = new Float64Array(maxLabel + 1);
  // Directed arcs count once from each end; undirected rows already hold both ends.
  const factor = graph.directed ? 2 : 1;
  let m2 = 0;
  for (let u = 0; u < n; u++) {
    const cu = communities[u]!;
    for (let a = offsets[u]!, end = offsets[u + 1]!; a < end; a++) {
      const v = targets[a]!;
      const w = weights ? weights[a]! : 1;
      m2 += factor * w;
      total[cu]! += w;
      if (graph.directed) total[communities[v]!]! += w;
      if (communities[v] === cu) inside[cu]! += factor * w;
    }
  }
  if (m2 === 0) return Number.NaN;
  let q = 0;
  for (let c = 0; c <= maxLabel; c++) q += inside[c]! / m2 - resolution * (total[c]! / m2) ** 2;
  return q;
}

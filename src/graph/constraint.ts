// Burt's constraint: Burt, "Structural Holes: The Social Structure of Competition", Harvard
// University Press, 1992, ch. 2:  c_i = Σ_{j ∈ N(i), j ≠ i} ( p_ij + Σ_{q ≠ i, j} p_iq p_qj )²
// with p_ij = (a_ij + a_ji) / Σ_k (a_ik + a_ki), the share of i's tie weight spent on j.
// Computed as igraph's `igraph_constraint` does: parallel edges add up, self-loops are
// ignored, an arc counts in both directions' shares, and a node without any edge gets NaN.
import type { Graph } from './csr.ts';

/** Options of Burt's constraint. */
export interface ConstraintOptions {
  /** Use edge weights when the graph has them. */
  weighted: boolean;
}

/** Weighted when the graph has weights, as igraph with `weights`. */
export const DEFAULTS: ConstraintOptions = { weighted: true };

/** Burt's constraint of every node (NaN for isolated nodes). Example: a star's centre has 1/k. */
export function constraint(graph: Graph, options: Partial<ConstraintOptions> = {}): Float64Array {
  const { weighted } = { ...DEFAULTS, ...options };
  const { n, offsets, targets, directed } = graph;
  const weights = weighted ? graph.weights : undefined;
  const inOffsets = graph.inOffsets, inSources = graph.inSources, inWeights = weighted ? graph.inWeights : undefined;
  // The incident arcs of a node: its out-row, then its in-row when directed.
  const rowCount = directed ? 2 : 1;
  const rowOffsets = (r: number): Int32Array => (r === 0 ? offsets : inOffsets!);
  const rowTargets = (r: number): Int32Array => (r === 0 ? targets : inSources!);
  const rowWeights = (r: number): Float64Array | undefined => (r === 0 ? weights : inWeights);

  // Total non-loop tie weight of each node.
  const total = new Float64Array(n);
  for (let r = 0; r < rowCount; r++) {
    const off = rowOffsets(r), tg = rowTargets(r), w = rowWeights(r);
    for (let u = 0; u < n; u++) {
      for (let a = off[u]!; a < off[u + 1]!; a++) if (tg[a] !== u) total[u]! += w ? w[a]! : 1;
    }
  }
  const result = new Float64Array(n);
  const contrib = new Float64Array(n);
  const touched: number[] = [];
  for (let i = 0; i < n; i++) {
    let incident = 0;
    for (let r = 0; r < rowCount; r++) incident += rowOffsets(r)[i + 1]! - rowOffsets(r)[i]!;
    if (incident === 0) { result[i] = Number.NaN; continue; }
    const ti = total[i]!;
    for (let r = 0; r < rowCount; r++) {
      const off = rowOffsets(r), tg = rowTargets(r), w = rowWeights(r);
      for (let a = off[i]!; a < off[i + 1]!; a++) {
        const j = tg[a]!;
        if (j === i) continue;
        const pij = (w ? w[a]! : 1) / ti;
        if (contrib[j] === 0) touched.push(j);
        contrib[j]! += pij;
        // Indirect: p_ij · p_jq added to q, for every tie of j.
        const tj = total[j]!;
        for (let r2 = 0; r2 < rowCount; r2++) {
          const off2 = rowOffsets(r2), tg2 = rowTargets(r2), w2 = rowWeights(r2);
          for (let b = off2[j]!; b < off2[j + 1]!; b++) {
            const q = tg2[b]!;
            if (q === j) continue;
            if (contrib[q] === 0) touched.push(q);
            contrib[q]! += (pij * (w2 ? w2[b]! : 1)) / tj;
          }
        }
      }
    }
    let c = 0;
    for (let r = 0; r < rowCount; r++) {
      const off = rowOffsets(r), tg = rowTargets(r);
      for (let a = off[i]!; a < off[i + 1]!; a++) {
        const j = tg[a]!;
        if (j === i) continue;
        c += contrib[j]! ** 2;
        contrib[j] = 0; // a neighbour met again through a parallel arc adds nothing
      }
    }
    result[i] = c;
    for (const q of touched) contrib[q] = 0;
    touched.length = 0;
  }
  return result;
}

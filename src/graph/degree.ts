// Degree and strength (weighted degree). The conventions are igraph's (Csárdi & Nepusz,
// "The igraph software package for complex network research", InterJournal Complex Systems
// 1695, 2006): an undirected self-loop adds 2 to its node's degree, `mode: 'all'` on a
// directed graph adds in- and out-degree; strength (Barrat et al., "The architecture of
// complex weighted networks", PNAS 101(11), 2004) sums the weights instead of counting.
import type { Graph } from './csr.ts';

/** Which arcs to count. */
export interface DegreeOptions {
  /** Directed graphs: out-, in- or total degree. Ignored for undirected graphs. */
  mode: 'out' | 'in' | 'all';
  /** Count self-loops (igraph's `loops=True`). */
  loops: boolean;
}

/** Out-degree (all incident edges when undirected), loops counted. */
export const DEFAULTS: DegreeOptions = { mode: 'out', loops: true };

function accumulate(
  n: number, offsets: Int32Array, targets: Int32Array, weights: Float64Array | undefined, loops: boolean, out: Float64Array,
): void {
  for (let u = 0; u < n; u++) {
    let sum = 0;
    for (let a = offsets[u]!, end = offsets[u + 1]!; a < end; a++) {
      if (!loops && targets[a] === u) continue;
      sum += weights ? weights[a]! : 1;
    }
    out[u]! += sum;
  }
}

function compute(graph: Graph, options: Partial<DegreeOptions>, weighted: boolean): Float64Array {
  const { mode, loops } = { ...DEFAULTS, ...options };
  const out = new Float64Array(graph.n);
  if (!graph.directed || mode !== 'in') {
    accumulate(graph.n, graph.offsets, graph.targets, weighted ? graph.weights : undefined, loops, out);
  }
  if (graph.directed && mode !== 'out') {
    accumulate(graph.n, graph.inOffsets!, graph.inSources!, weighted ? graph.inWeights : undefined, loops, out);
  }
  return out;
}

/** Degree of every node. Example: `degree(path3)` is `[1, 2, 1]`. */
export function degree(graph: Graph, options: Partial<DegreeOptions> = {}): Int32Array {
  const { mode, loops } = { ...DEFAULTS, ...options };
  const { n } = graph;
  const out = new Int32Array(n);
  if (loops) {
    // Row lengths, no scan of the rows.
    const count = (offsets: Int32Array): void => { for (let u = 0; u < n; u++) out[u]! += offsets[u + 1]! - offsets[u]!; };
    if (!graph.directed || mode !== 'in') count(graph.offsets);
    if (graph.directed && mode !== 'out') count(graph.inOffsets!);
    return out;
  }
  out.set(compute(graph, { mode, loops }, false));
  return out;
}

/** Strength (sum of incident weights; the degree when the graph has no weights). */
export function strength(graph: Graph, options: Partial<DegreeOptions> = {}): Float64Array {
  return compute(graph, options, true);
}

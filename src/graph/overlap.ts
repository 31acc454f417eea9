// Neighbourhood overlap of a tie: Onnela, Saramäki, Hyvönen, Szabó, Lazer, Kaski, Kertész &
// Barabási, "Structure and tie strengths in mobile communication networks", PNAS 104(18), 2007:
//   O_uv = n_uv / ((k_u − 1) + (k_v − 1) − n_uv) = |N(u) ∩ N(v)| / (|N(u) ∪ N(v)| − 2)
// with n_uv the common neighbours. Neighbourhoods ignore direction, self-loops and parallel
// edges; the overlap is 0 when the denominator is (a tie that is both ends' only tie).
// For two nodes that are not tied, the same ratio with u and v left out of both sets.
import type { Graph } from './csr.ts';
import { arcIndex, toUndirected } from './csr.ts';

/** No options: the overlap is a property of the graph alone. */
export const DEFAULTS = {};

/** Neighbours of u (out and in), sorted, without u itself or repeats. */
export function neighbours(graph: Graph, u: number): Int32Array {
  const rows: Array<[Int32Array, number, number]> = [[graph.targets, graph.offsets[u]!, graph.offsets[u + 1]!]];
  if (graph.directed) rows.push([graph.inSources!, graph.inOffsets![u]!, graph.inOffsets![u + 1]!]);
  const out: number[] = [];
  for (const [tg, start, end] of rows) for (let a = start; a < end; a++) if (tg[a] !== u) out.push(tg[a]!);
  const sorted = Int32Array.from(out).sort();
  let k = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[k++] = sorted[i]!;
  return sorted.slice(0, k);
}

/** Overlap of the pair (u, v). Example: in a triangle every edge has overlap 1. */
export function edgeOverlap(graph: Graph, u: number, v: number): number {
  if (u === v) return 0;
  const nu = neighbours(graph, u), nv = neighbours(graph, v);
  let common = 0, union = 0;
  for (let i = 0, j = 0; i < nu.length || j < nv.length; ) {
    const a = i < nu.length ? nu[i]! : Infinity, b = j < nv.length ? nv[j]! : Infinity;
    const x = Math.min(a, b);
    if (a === b) { common++; i++; j++; } else if (a < b) i++; else j++;
    if (x !== u && x !== v) union++;
  }
  return union === 0 ? 0 : common / union;
}

/** Overlap of every arc, aligned with `graph.targets` (self-loops get 0). */
export function neighbourhoodOverlap(graph: Graph): Float64Array {
  const simple = toUndirected(graph, { dedupe: true, dropSelfLoops: true });
  const { n, offsets, targets } = simple;
  const values = new Float64Array(targets.length);
  for (let u = 0; u < n; u++) {
    const su = offsets[u]!, eu = offsets[u + 1]!;
    for (let a = su; a < eu; a++) {
      const v = targets[a]!;
      if (v < u) continue;
      let common = 0;
      for (let i = su, j = offsets[v]!, ev = offsets[v + 1]!; i < eu && j < ev; ) {
        const x = targets[i]!, y = targets[j]!;
        if (x === y) { common++; i++; j++; } else if (x < y) i++; else j++;
      }
      const denominator = eu - su - 1 + (offsets[v + 1]! - offsets[v]! - 1) - common;
      const o = denominator > 0 ? common / denominator : 0;
      values[a] = o;
      values[arcIndex(simple, v, u)] = o;
    }
  }
  if (simple === graph) return values;
  const out = new Float64Array(graph.targets.length);
  for (let u = 0; u < graph.n; u++) {
    for (let a = graph.offsets[u]!; a < graph.offsets[u + 1]!; a++) {
      const v = graph.targets[a]!;
      out[a] = u === v ? 0 : values[arcIndex(simple, u, v)]!;
    }
  }
  return out;
}

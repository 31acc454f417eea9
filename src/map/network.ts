// Which part of the graph the network explorer gets: an account's ego network (1 or 2 hops),
// a community, strong or weak ties only — and, beyond the node limit, the most influential
// nodes (the rest dropped and said so), beyond the edge limit the strongest ties. Pure.
import type { Ties } from './tie-strength.ts';
import { TIE_KINDS } from './tie-strength.ts';

export interface NetworkQuery {
  focus?: number;
  depth: 1 | 2;
  strength: 'all' | 'strong' | 'weak';
  community?: number;
  limit: number;
  edgeLimit: number;
}

export interface NetworkSelection {
  nodes: number[];
  /** Arc indices into ties.pairs.targets, one per tie (u < v). */
  arcs: number[];
  sampled: boolean;
  /** Nodes and ties matching the query before the limits. */
  totalNodes: number;
  totalEdges: number;
}

const keeps = (ties: Ties, a: number, strength: NetworkQuery['strength']): boolean =>
  strength === 'all' || (strength === 'strong' ? ties.strong[a] === 1 : ties.strong[a] === 0);

/** The nodes and ties to draw. `community` and `influence` are aligned with the nodes. */
export function selectNetwork(ties: Ties, community: Int32Array, influence: Float64Array, query: NetworkQuery): NetworkSelection {
  const { n, offsets, targets } = ties.pairs;
  const inScope = new Uint8Array(n);
  if (query.focus !== undefined) {
    // Ego network: the focus and whoever is within `depth` hops through the kept ties.
    let frontier = [query.focus];
    inScope[query.focus] = 1;
    for (let d = 0; d < query.depth; d++) {
      const next: number[] = [];
      for (const u of frontier) {
        for (let a = offsets[u]!; a < offsets[u + 1]!; a++) {
          const v = targets[a]!;
          if (inScope[v] || !keeps(ties, a, query.strength)) continue;
          if (query.community !== undefined && community[v] !== query.community) continue;
          inScope[v] = 1;
          next.push(v);
        }
      }
      frontier = next;
    }
  } else {
    for (let u = 0; u < n; u++) {
      if (query.community !== undefined && community[u] !== query.community) continue;
      let tied = false;
      for (let a = offsets[u]!; a < offsets[u + 1]! && !tied; a++) tied = keeps(ties, a, query.strength) && (query.community === undefined || community[targets[a]!] === query.community);
      if (tied) inScope[u] = 1;
    }
  }
  let nodes: number[] = [];
  for (let u = 0; u < n; u++) if (inScope[u]) nodes.push(u);
  const totalNodes = nodes.length;
  let sampled = false;
  if (nodes.length > query.limit) {
    sampled = true;
    nodes = nodes.sort((a, b) => influence[b]! - influence[a]! || a - b).slice(0, query.limit);
    if (query.focus !== undefined && !nodes.includes(query.focus)) nodes[nodes.length - 1] = query.focus;
    nodes.sort((a, b) => a - b);
    inScope.fill(0);
    for (const u of nodes) inScope[u] = 1;
  }
  let arcs: number[] = [];
  let totalEdges = 0;
  for (const u of nodes) {
    for (let a = offsets[u]!; a < offsets[u + 1]!; a++) {
      const v = targets[a]!;
      if (v <= u || !inScope[v] || !keeps(ties, a, query.strength)) continue;
      totalEdges++;
      arcs.push(a);
    }
  }
  if (arcs.length > query.edgeLimit) {
    sampled = true;
    arcs = arcs.sort((x, y) => ties.strength[y]! - ties.strength[x]! || x - y).slice(0, query.edgeLimit);
  }
  return { nodes, arcs, sampled, totalNodes, totalEdges };
}

/** The kinds of tie in a multiplexity mask, by name. */
export function kindNames(mask: number): string[] {
  return TIE_KINDS.filter((_, i) => mask & (1 << i));
}

/** The source node of arc `a` (binary search in the row offsets). */
export function arcSource(offsets: Int32Array, a: number): number {
  let lo = 0, hi = offsets.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (offsets[mid]! <= a) lo = mid; else hi = mid - 1;
  }
  return lo;
}

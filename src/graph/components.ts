// Connected components by breadth-first search (Hopcroft & Tarjan, "Algorithm 447: efficient
// algorithms for graph manipulation", CACM 16(6), 1973); for directed graphs, weakly connected
// components (arcs followed both ways) and strongly connected components by Tarjan's
// algorithm ("Depth-first search and linear graph algorithms", SIAM J. Comput. 1(2), 1972),
// written with an explicit stack so that a long path cannot overflow the call stack.
// Components are numbered in order of their smallest node, so results are reproducible.
import type { Graph } from './csr.ts';

/** A partition of the nodes into components. */
export interface Components {
  count: number;
  /** Component of each node. */
  membership: Int32Array;
  /** Nodes in each component. */
  sizes: Int32Array;
}

/** No options: components are a property of the graph alone. */
export const DEFAULTS = {};

/** Renumbers labels in order of first appearance over nodes 0..n-1 and counts sizes. */
function canonical(labels: Int32Array, count: number): Components {
  const map = new Int32Array(count).fill(-1);
  const sizes = new Int32Array(count);
  let next = 0;
  for (let u = 0; u < labels.length; u++) {
    const c = labels[u]!;
    if (map[c] === -1) map[c] = next++;
    const k = map[c]!;
    labels[u] = k;
    sizes[k]!++;
  }
  return { count, membership: labels, sizes };
}

/** Connected components; weakly connected ones for a directed graph. */
export function connectedComponents(graph: Graph): Components {
  const { n, offsets, targets, directed } = graph;
  const inOffsets = graph.inOffsets, inSources = graph.inSources;
  const membership = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (membership[root] !== -1) continue;
    const c = count++;
    membership[root] = c;
    let head = 0, tail = 0;
    queue[tail++] = root;
    while (head < tail) {
      const u = queue[head++]!;
      for (let a = offsets[u]!, end = offsets[u + 1]!; a < end; a++) {
        const v = targets[a]!;
        if (membership[v] === -1) { membership[v] = c; queue[tail++] = v; }
      }
      if (directed) {
        for (let a = inOffsets![u]!, end = inOffsets![u + 1]!; a < end; a++) {
          const v = inSources![a]!;
          if (membership[v] === -1) { membership[v] = c; queue[tail++] = v; }
        }
      }
    }
  }
  return canonical(membership, count);
}

/** Weakly connected components of a directed graph (the connected ones if undirected). */
export const weaklyConnectedComponents = connectedComponents;

/** Strongly connected components (Tarjan, iterative); the connected ones if undirected. */
export function stronglyConnectedComponents(graph: Graph): Components {
  if (!graph.directed) return connectedComponents(graph);
  const { n, offsets, targets } = graph;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callArc = new Int32Array(n);
  const membership = new Int32Array(n);
  let sp = 0, counter = 0, count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let csp = 0;
    index[root] = low[root] = counter++;
    stack[sp++] = root; onStack[root] = 1;
    callNode[csp] = root; callArc[csp] = offsets[root]!; csp++;
    while (csp > 0) {
      const v = callNode[csp - 1]!;
      const a = callArc[csp - 1]!;
      if (a < offsets[v + 1]!) {
        callArc[csp - 1] = a + 1;
        const w = targets[a]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[sp++] = w; onStack[w] = 1;
          callNode[csp] = w; callArc[csp] = offsets[w]!; csp++;
        } else if (onStack[w] && index[w]! < low[v]!) {
          low[v] = index[w]!;
        }
        continue;
      }
      csp--;
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp]!;
          onStack[w] = 0;
          membership[w] = count;
        } while (w !== v);
        count++;
      }
      if (csp > 0) {
        const u = callNode[csp - 1]!;
        if (low[v]! < low[u]!) low[u] = low[v]!;
      }
    }
  }
  return canonical(membership, count);
}

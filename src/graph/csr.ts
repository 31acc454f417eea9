// The kernel's graph: compressed sparse rows (CSR), the layout of every sparse-matrix library
// since Eisenstat et al., "Yale sparse matrix package" (1977); graph kernels such as the
// Graph500 reference code and igraph's adjacency lists use the same idea. Rows are filled
// once by a counting pass (O(n + m)) and then sorted by neighbour index, so duplicates merge
// in one scan, intersections are merges and `hasEdge` is a binary search.
//
// Conventions (igraph's): an undirected edge is stored in both rows; an undirected self-loop
// is stored twice in its row, so a node's row length is its degree and a loop adds 2.

/** A graph in CSR form. Out-rows for every graph; in-rows too when directed. */
export interface Graph {
  readonly n: number;
  readonly directed: boolean;
  /** Edges: an undirected edge (or loop) counts once. */
  readonly m: number;
  /** Row starts: the out-neighbours of u are targets[offsets[u] .. offsets[u + 1]). */
  readonly offsets: Int32Array;
  /** Out-neighbours, sorted within each row. */
  readonly targets: Int32Array;
  /** Weights aligned with `targets`; absent means every weight is 1. */
  readonly weights?: Float64Array;
  readonly inOffsets?: Int32Array;
  /** In-neighbours (directed graphs), sorted within each row. */
  readonly inSources?: Int32Array;
  readonly inWeights?: Float64Array;
}

/** Edges as parallel arrays over node indices 0..n-1. */
export interface EdgeArrays {
  n: number;
  sources: ArrayLike<number>;
  targets: ArrayLike<number>;
  weights?: ArrayLike<number>;
  directed?: boolean;
}

/** How `buildGraph` treats parallel edges and self-loops. */
export interface BuildOptions {
  /** Merge parallel edges (for undirected graphs, u–v and v–u are parallel). */
  dedupe: boolean;
  /** How merged parallel edges combine their weights. */
  merge: 'sum' | 'max' | 'min' | 'first';
  dropSelfLoops: boolean;
}

/** Keep everything as given: no merging, loops kept. */
export const DEFAULTS: BuildOptions = { dedupe: false, merge: 'sum', dropSelfLoops: false };

/** Sorts targets[a..b) ascending, carrying `weights` along. */
function sortRow(targets: Int32Array, weights: Float64Array | undefined, a: number, b: number): void {
  if (b - a <= 32) {
    for (let i = a + 1; i < b; i++) {
      const x = targets[i]!, y = weights ? weights[i]! : 0;
      let j = i - 1;
      while (j >= a && targets[j]! > x) {
        targets[j + 1] = targets[j]!;
        if (weights) weights[j + 1] = weights[j]!;
        j--;
      }
      targets[j + 1] = x;
      if (weights) weights[j + 1] = y;
    }
    return;
  }
  if (!weights) { targets.subarray(a, b).sort(); return; }
  const len = b - a, idx = new Int32Array(len);
  for (let i = 0; i < len; i++) idx[i] = a + i;
  idx.sort((i, j) => targets[i]! - targets[j]! || i - j);
  const t = new Int32Array(len), w = new Float64Array(len);
  for (let i = 0; i < len; i++) { t[i] = targets[idx[i]!]!; w[i] = weights[idx[i]!]!; }
  targets.set(t, a);
  weights.set(w, a);
}

interface Rows { offsets: Int32Array; targets: Int32Array; weights?: Float64Array }

/**
 * Rows of the arcs from[e] → to[e] (and to[e] → from[e] when `both`), skipping `skip[e]`:
 * one counting pass, one filling pass, then a sort of each (short) row.
 */
function rows(n: number, from: ArrayLike<number>, to: ArrayLike<number>, w: ArrayLike<number> | undefined, both: boolean, skip: Uint8Array | undefined): Rows {
  const E = from.length;
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < E; e++) {
    if (skip && skip[e]) continue;
    offsets[from[e]! + 1]!++;
    if (both) offsets[to[e]! + 1]!++;
  }
  for (let u = 0; u < n; u++) offsets[u + 1]! += offsets[u]!;
  const next = offsets.slice(0, n);
  const targets = new Int32Array(offsets[n]!);
  const weights = w ? new Float64Array(offsets[n]!) : undefined;
  for (let e = 0; e < E; e++) {
    if (skip && skip[e]) continue;
    const u = from[e]!, v = to[e]!;
    const i = next[u]!++;
    targets[i] = v;
    if (weights) weights[i] = w![e]!;
    if (both) {
      const j = next[v]!++;
      targets[j] = u;
      if (weights) weights[j] = w![e]!;
    }
  }
  for (let u = 0; u < n; u++) sortRow(targets, weights, offsets[u]!, offsets[u + 1]!);
  return { offsets, targets, weights };
}

/** Merges runs of equal targets in sorted rows, in place; an undirected loop stays as two copies. */
function mergeRuns(n: number, r: Rows, merge: BuildOptions['merge'], undirected: boolean): Rows {
  const { offsets, targets, weights } = r;
  let k = 0;
  let start = 0;
  for (let u = 0; u < n; u++) {
    const end = offsets[u + 1]!;
    offsets[u] = k;
    for (let i = start; i < end; ) {
      const v = targets[i]!;
      let j = i + 1;
      let x = weights ? weights[i]! : 0;
      for (; j < end && targets[j] === v; j++) {
        if (!weights) continue;
        const y = weights[j]!;
        x = merge === 'sum' ? x + y : merge === 'max' ? Math.max(x, y) : merge === 'min' ? Math.min(x, y) : x;
      }
      const loop = undirected && v === u;
      if (loop && merge === 'sum') x /= 2; // each loop edge was listed twice
      for (let c = loop ? 2 : 1; c > 0; c--) {
        targets[k] = v;
        if (weights) weights[k] = x;
        k++;
      }
      i = j;
    }
    start = end;
  }
  offsets[n] = k;
  return { offsets, targets: targets.slice(0, k), weights: weights?.slice(0, k) };
}

/**
 * Builds a CSR graph from edge arrays in O(n + m) plus a sort of each row. Throws a
 * RangeError on a node index outside [0, n) or a weight that is not a finite number.
 * Example: `buildGraph({ n: 3, sources: [0, 1], targets: [1, 2] })` is the path 0–1–2.
 */
export function buildGraph(edges: EdgeArrays, options: Partial<BuildOptions> = {}): Graph {
  const { dedupe, merge, dropSelfLoops } = { ...DEFAULTS, ...options };
  const { n, sources, targets, weights } = edges;
  const directed = edges.directed ?? false;
  const E = sources.length;
  if (targets.length !== E) throw new RangeError('sources and targets differ in length');
  if (weights && weights.length !== E) throw new RangeError('weights and sources differ in length');
  let skip: Uint8Array | undefined;
  for (let e = 0; e < E; e++) {
    const u = sources[e]!, v = targets[e]!;
    if (!(u >= 0 && u < n && v >= 0 && v < n) || (u | 0) !== u || (v | 0) !== v) {
      throw new RangeError(`edge ${e}: node index out of range [0, ${n}): ${u} → ${v}`);
    }
    if (weights && !Number.isFinite(weights[e])) throw new RangeError(`edge ${e}: weight is not a finite number: ${weights[e]}`);
    if (u === v && dropSelfLoops) (skip ??= new Uint8Array(E))[e] = 1;
  }
  let out = rows(n, sources, targets, weights, !directed, skip);
  if (dedupe) out = mergeRuns(n, out, merge, !directed);
  const graph: { -readonly [K in keyof Graph]: Graph[K] } = {
    n, directed, m: directed ? out.targets.length : out.targets.length / 2, offsets: out.offsets, targets: out.targets,
  };
  if (out.weights) graph.weights = out.weights;
  if (directed) {
    let inn = rows(n, targets, sources, weights, false, skip);
    if (dedupe) inn = mergeRuns(n, inn, merge, false);
    graph.inOffsets = inn.offsets;
    graph.inSources = inn.targets;
    if (inn.weights) graph.inWeights = inn.weights;
  }
  return graph;
}

/** An external node id: a handle, a SNAP integer, a GML id. */
export type NodeId = string | number;

/** A graph over arbitrary ids: `ids[i]` is node i's id, `indexOf.get(id)` its index. */
export interface IdGraph<Id extends NodeId = NodeId> {
  graph: Graph;
  ids: Id[];
  indexOf: Map<Id, number>;
}

/**
 * Builds a graph from `[from, to]` or `[from, to, weight]` pairs over any string or number
 * ids, numbered 0..n-1 in order of first appearance (`nodes` first, to add isolated nodes).
 * The graph is weighted when any pair has a weight (missing weights are 1).
 * Example: `fromEdgeList([['ann', 'bob'], ['bob', 'cy']]).ids` is `['ann', 'bob', 'cy']`.
 */
export function fromEdgeList<Id extends NodeId>(
  pairs: Iterable<readonly [Id, Id] | readonly [Id, Id, number]>,
  options: Partial<BuildOptions> & { directed?: boolean; nodes?: Iterable<Id> } = {},
): IdGraph<Id> {
  const ids: Id[] = [];
  const indexOf = new Map<Id, number>();
  const index = (id: Id): number => {
    let i = indexOf.get(id);
    if (i === undefined) { i = ids.length; indexOf.set(id, i); ids.push(id); }
    return i;
  };
  for (const id of options.nodes ?? []) index(id);
  const sources: number[] = [], targets: number[] = [], weights: number[] = [];
  let weighted = false;
  for (const pair of pairs) {
    sources.push(index(pair[0]));
    targets.push(index(pair[1]));
    const x = pair.length > 2 ? (pair as readonly [Id, Id, number])[2] : undefined;
    if (x !== undefined) weighted = true;
    weights.push(x ?? 1);
  }
  const graph = buildGraph({ n: ids.length, sources, targets, weights: weighted ? weights : undefined, directed: options.directed ?? false }, options);
  return { graph, ids, indexOf };
}

/** The in-rows of a graph: its own rows when undirected. */
export function inAdjacency(graph: Graph): { offsets: Int32Array; sources: Int32Array; weights?: Float64Array } {
  if (!graph.directed) return { offsets: graph.offsets, sources: graph.targets, weights: graph.weights };
  return { offsets: graph.inOffsets!, sources: graph.inSources!, weights: graph.inWeights };
}

/** Each edge once: arcs u → v with u ≤ v of an undirected graph (a loop's two copies give one). */
export function edgeArrays(graph: Graph): { sources: Int32Array; targets: Int32Array; weights?: Float64Array } {
  const { n, offsets, targets, weights } = graph;
  const sources = new Int32Array(graph.m), tg = new Int32Array(graph.m);
  const ws = weights ? new Float64Array(graph.m) : undefined;
  let k = 0;
  for (let u = 0; u < n; u++) {
    let loopCopy = false;
    for (let a = offsets[u]!; a < offsets[u + 1]!; a++) {
      const v = targets[a]!;
      if (!graph.directed) {
        if (v < u) continue;
        if (v === u) { loopCopy = !loopCopy; if (!loopCopy) continue; }
      }
      sources[k] = u; tg[k] = v;
      if (ws) ws[k] = weights![a]!;
      k++;
    }
  }
  return { sources, targets: tg, weights: ws };
}

/** The undirected graph with the same edges (directed arcs lose their direction; not merged). */
export function toUndirected(graph: Graph, options: Partial<BuildOptions> = {}): Graph {
  if (!graph.directed && !options.dedupe && !options.dropSelfLoops) return graph;
  return buildGraph({ n: graph.n, ...edgeArrays(graph), directed: false }, options);
}

/** Whether the arc u → v exists (binary search in u's sorted row). */
export function hasEdge(graph: Graph, u: number, v: number): boolean {
  return arcIndex(graph, u, v) >= 0;
}

/** The position in `targets` of the first arc u → v, or -1. */
export function arcIndex(graph: Graph, u: number, v: number): number {
  let lo = graph.offsets[u]!, hi = graph.offsets[u + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (graph.targets[mid]! < v) lo = mid + 1; else hi = mid;
  }
  return lo < graph.offsets[u + 1]! && graph.targets[lo] === v ? lo : -1;
}

/** An empty graph on n nodes. */
export function emptyGraph(n = 0, directed = false): Graph {
  return buildGraph({ n, sources: [], targets: [], directed });
}

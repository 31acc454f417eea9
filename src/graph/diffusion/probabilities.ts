// Edge probabilities of the independent cascade (IC) and weights of the linear threshold (LT)
// models of Kempe, Kleinberg & Tardos, "Maximizing the spread of influence through a social
// network", KDD 2003. IC settings as in the influence-maximisation literature: a uniform p;
// trivalency, p drawn per arc from {0.1, 0.01, 0.001} (Chen, Wang & Wang, "Scalable influence
// maximization for prevalent viral marketing in large-scale social networks", KDD 2010);
// weighted cascade, p(u→v) = 1/in-degree(v) (Kempe et al. 2003, §4); or given per arc (tie
// strength). LT: each node's in-weights sum to at most 1 — 1/in-degree, or given and scaled down
// to sum to 1 where they exceed it.
//
// An arc u → v means "u can activate v": influence flows from the followed to the follower. A
// follow graph (arc = "A follows B") is read with `direction: 'follow'`, which reverses every arc
// without copying the rows. The result keeps both the out-rows (forward simulation) and the
// in-rows (reverse-reachable sets) with their probabilities aligned.
import { inAdjacency, type Graph, type NodeId } from '../csr.ts';
import { createRandom, type Random } from '../random.ts';

/** A graph with a probability (IC) or weight (LT) on every arc, in out-row and in-row order. */
export interface InfluenceGraph {
  readonly model: 'ic' | 'lt';
  readonly n: number;
  /** Arcs: an undirected edge is two arcs. */
  readonly m: number;
  /** Out-rows in the direction of influence: u activates targets[offsets[u] .. offsets[u + 1]). */
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  /** IC probability or LT weight of each out-arc, aligned with `targets`. */
  readonly probabilities: Float64Array;
  /** In-rows: v is activated by inSources[inOffsets[v] .. inOffsets[v + 1]). */
  readonly inOffsets: Int32Array;
  readonly inSources: Int32Array;
  /** The same values aligned with `inSources`. */
  readonly inProbabilities: Float64Array;
}

/** How IC probabilities are set. */
export type IcProbabilities =
  | { kind: 'uniform'; p: number }
  | { kind: 'trivalency'; values?: readonly number[] }
  | { kind: 'weighted-cascade' }
  /** Per arc of the input graph (aligned with `graph.targets`); `graph.weights` when absent. */
  | { kind: 'given'; values?: ArrayLike<number> };

/** How LT weights are set. */
export type LtWeights =
  | { kind: 'weighted-cascade' }
  /** Per arc of the input graph (aligned with `graph.targets`), ≥ 0; `graph.weights` when absent. */
  | { kind: 'given'; values?: ArrayLike<number> };

/** Options shared by `icProbabilities` and `ltWeights`. */
export interface ProbabilityOptions {
  /** 'influence': u → v means u activates v. 'follow': u → v means u follows v (reversed). */
  direction: 'influence' | 'follow';
  /** Node names for error messages; indices when absent. */
  ids?: ArrayLike<NodeId>;
  /** Trivalency draws. */
  seed: number;
  random?: Random;
}

/** Weighted cascade, arcs in the direction of influence, seed 42 for trivalency draws. */
export const DEFAULTS: ProbabilityOptions & { ic: IcProbabilities; lt: LtWeights } = {
  direction: 'influence',
  seed: 42,
  ic: { kind: 'weighted-cascade' },
  lt: { kind: 'weighted-cascade' },
};

/** Trivalency's three values (Chen et al. 2010). */
export const TRIVALENCY = [0.1, 0.01, 0.001] as const;

/** For each out-arc a of the graph, its position in the in-rows (the same arc seen from its head). */
function inPositions(graph: Graph): Int32Array {
  const { n, offsets, targets } = graph;
  const inn = inAdjacency(graph);
  const next = inn.offsets.slice(0, n);
  const position = new Int32Array(targets.length);
  // Out-rows are visited by increasing source and in-rows are sorted by source, stably: the
  // k-th arc u → v met here is the k-th u in v's in-row.
  for (let u = 0; u < n; u++) for (let a = offsets[u]!; a < offsets[u + 1]!; a++) position[a] = next[targets[a]!]!++;
  return position;
}

/** Rows in the direction of influence, and the permutation from graph order to each. */
function orient(graph: Graph, direction: ProbabilityOptions['direction']) {
  const inn = inAdjacency(graph);
  const follow = direction === 'follow';
  return {
    offsets: follow ? inn.offsets : graph.offsets,
    targets: follow ? inn.sources : graph.targets,
    inOffsets: follow ? graph.offsets : inn.offsets,
    inSources: follow ? graph.targets : inn.sources,
    follow,
  };
}

/** The source of the graph's out-arc a (binary search in the row starts). */
function sourceOf(offsets: Int32Array, a: number): number {
  let lo = 0, hi = offsets.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (offsets[mid]! <= a) lo = mid; else hi = mid - 1;
  }
  return lo;
}

function arcName(graph: Graph, a: number, ids: ArrayLike<NodeId> | undefined): string {
  const u = sourceOf(graph.offsets, a), v = graph.targets[a]!;
  const name = (x: number): string => (ids ? String(ids[x]) : String(x));
  return `arc ${a} (${name(u)} → ${name(v)})`;
}

/** Builds the InfluenceGraph from values given in graph order (aligned with graph.targets). */
function assemble(graph: Graph, model: 'ic' | 'lt', direction: ProbabilityOptions['direction'], values: Float64Array): InfluenceGraph {
  const rows = orient(graph, direction);
  const position = inPositions(graph);
  const out = new Float64Array(values.length), inn = new Float64Array(values.length);
  for (let a = 0; a < values.length; a++) {
    // Graph arc a sits at `a` in the graph's out-rows and at position[a] in its in-rows.
    if (rows.follow) { out[position[a]!] = values[a]!; inn[a] = values[a]!; }
    else { out[a] = values[a]!; inn[position[a]!] = values[a]!; }
  }
  return {
    model, n: graph.n, m: values.length, offsets: rows.offsets, targets: rows.targets, probabilities: out,
    inOffsets: rows.inOffsets, inSources: rows.inSources, inProbabilities: inn,
  };
}

/** 1/in-degree of each arc's head, in graph order, for the given direction. */
function weightedCascade(graph: Graph, direction: ProbabilityOptions['direction']): Float64Array {
  const rows = orient(graph, direction);
  const values = new Float64Array(graph.targets.length);
  const { n, offsets, targets } = graph;
  for (let u = 0; u < n; u++) {
    for (let a = offsets[u]!; a < offsets[u + 1]!; a++) {
      const head = rows.follow ? u : targets[a]!; // the node this arc can activate
      values[a] = 1 / (rows.inOffsets[head + 1]! - rows.inOffsets[head]!);
    }
  }
  return values;
}

function givenValues(graph: Graph, values: ArrayLike<number> | undefined): ArrayLike<number> {
  const given = values ?? graph.weights;
  if (!given) throw new RangeError('given probabilities: no values and the graph has no weights');
  if (given.length !== graph.targets.length) {
    throw new RangeError(`given probabilities: ${given.length} values for ${graph.targets.length} arcs (one per entry of graph.targets)`);
  }
  return given;
}

/**
 * IC probabilities on every arc. Throws a RangeError naming the arc when a probability is
 * outside [0, 1]. Example: `icProbabilities(g, { ic: { kind: 'uniform', p: 0.01 } })`.
 */
export function icProbabilities(graph: Graph, options: Partial<typeof DEFAULTS> = {}): InfluenceGraph {
  const { direction, ids, ic, seed } = { ...DEFAULTS, ...options };
  const arcs = graph.targets.length;
  let values: Float64Array;
  switch (ic.kind) {
    case 'uniform':
      if (!(ic.p >= 0 && ic.p <= 1)) throw new RangeError(`uniform probability ${ic.p} is outside [0, 1]`);
      values = new Float64Array(arcs).fill(ic.p);
      break;
    case 'trivalency': {
      const choices = ic.values ?? TRIVALENCY;
      if (choices.length === 0) throw new RangeError('trivalency needs at least one value');
      for (const p of choices) if (!(p >= 0 && p <= 1)) throw new RangeError(`trivalency value ${p} is outside [0, 1]`);
      const random = options.random ?? createRandom(seed);
      values = new Float64Array(arcs);
      for (let a = 0; a < arcs; a++) values[a] = choices[random.int(choices.length)]!;
      break;
    }
    case 'weighted-cascade':
      values = weightedCascade(graph, direction);
      break;
    case 'given': {
      const given = givenValues(graph, ic.values);
      values = new Float64Array(arcs);
      for (let a = 0; a < arcs; a++) {
        const p = given[a]!;
        if (!(p >= 0 && p <= 1)) throw new RangeError(`${arcName(graph, a, ids)}: probability ${p} is outside [0, 1]`);
        values[a] = p;
      }
      break;
    }
  }
  return assemble(graph, 'ic', direction, values);
}

/**
 * LT weights on every arc: each node's in-weights sum to at most 1 (given weights above that
 * are scaled down to sum to 1). Throws a RangeError naming the arc on a negative or non-finite
 * weight. Example: `ltWeights(g)` gives every in-arc of v the weight 1/in-degree(v).
 */
export function ltWeights(graph: Graph, options: Partial<typeof DEFAULTS> = {}): InfluenceGraph {
  const { direction, ids, lt } = { ...DEFAULTS, ...options };
  if (lt.kind === 'weighted-cascade') return assemble(graph, 'lt', direction, weightedCascade(graph, direction));
  const given = givenValues(graph, lt.values);
  const values = new Float64Array(given.length);
  for (let a = 0; a < given.length; a++) {
    const w = given[a]!;
    if (!(w >= 0 && Number.isFinite(w))) throw new RangeError(`${arcName(graph, a, ids)}: weight ${w} is not a finite number ≥ 0`);
    values[a] = w;
  }
  const result = assemble(graph, 'lt', direction, values);
  // Scale each node's in-weights down to sum to 1 where they exceed it, in both alignments.
  const { n, inOffsets, inProbabilities, offsets, targets, probabilities } = result;
  const scale = new Float64Array(n).fill(1);
  for (let v = 0; v < n; v++) {
    let sum = 0;
    for (let a = inOffsets[v]!; a < inOffsets[v + 1]!; a++) sum += inProbabilities[a]!;
    if (sum > 1) {
      scale[v] = 1 / sum;
      for (let a = inOffsets[v]!; a < inOffsets[v + 1]!; a++) inProbabilities[a]! *= scale[v]!;
    }
  }
  for (let u = 0; u < n; u++) for (let a = offsets[u]!; a < offsets[u + 1]!; a++) probabilities[a]! *= scale[targets[a]!]!;
  return result;
}

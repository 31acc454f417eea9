// What Spread reasons about: a workspace's follow graph (arc u → v: u follows v, so influence
// flows v → u), the accounts behind its nodes, and the strength of each tie. Pure data and pure
// functions; store.ts loads it from the database.
import type { Graph } from '../graph/index.ts';
import { icProbabilities, ltWeights, type InfluenceGraph } from '../graph/diffusion/index.ts';
import { RelaisError } from '../platform/errors.ts';

/** One account, at its node index. */
export interface SpreadAccount {
  id: number;
  handle: string;
  network: string;
  name: string | null;
  /** The followers column: the platform's own count (it may include people outside the graph). */
  followers: number;
  kind: string;
  affiliation: string | null;
  /** Wrote at least one mention from a blog. */
  blogger: boolean;
}

/** A workspace's graph and accounts, node i being accounts[i]. */
export interface SpreadWorld {
  /** Follow arcs: u → v when u follows v. */
  graph: Graph;
  accounts: SpreadAccount[];
  /** Tie strength in [0, 1] of each arc, aligned with graph.targets. */
  strength: Float64Array;
  /** 1 when the arc is a strong tie, aligned with graph.targets. */
  strong: Uint8Array;
  /** Where the strengths come from. */
  ties: 'map' | 'reciprocal-follows';
}

/** How activation probabilities are set. */
export type Probabilities = 'uniform' | 'trivalency' | 'weighted-cascade' | 'tie-strength';

/** A diffusion model: IC with its probabilities, or LT with its weights. */
export interface ModelSpec {
  model: 'ic' | 'lt';
  probabilities: Probabilities;
  /** Uniform IC probability. */
  p?: number;
  /** Tie strength × scale gives the probability (IC) or weight (LT). */
  scale?: number;
}

/** IC, weighted cascade (p = 1/in-degree): the literature's default. */
export const DEFAULT_MODEL: ModelSpec = { model: 'ic', probabilities: 'weighted-cascade' };
/** Tie strength × 0.1: a strong tie (strength 1) passes a message on one time in ten. */
export const DEFAULT_STRENGTH_SCALE = 0.1;

/** Tie strength without Map's analysis: a reciprocal follow is a strong tie (0.8), a one-way follow a weak one (0.2). */
export function reciprocalTies(graph: Graph): { strength: Float64Array; strong: Uint8Array } {
  const m = graph.targets.length;
  const strength = new Float64Array(m), strong = new Uint8Array(m);
  for (let u = 0; u < graph.n; u++) {
    for (let a = graph.offsets[u]!; a < graph.offsets[u + 1]!; a++) {
      const v = graph.targets[a]!;
      // Rows are sorted: v's row holds u iff the follow is returned.
      let lo = graph.offsets[v]!, hi = graph.offsets[v + 1]!;
      while (lo < hi) { const mid = (lo + hi) >>> 1; if (graph.targets[mid]! < u) lo = mid + 1; else hi = mid; }
      const back = lo < graph.offsets[v + 1]! && graph.targets[lo] === u;
      strong[a] = back ? 1 : 0;
      strength[a] = back ? 0.8 : 0.2;
    }
  }
  return { strength, strong };
}

function invalid(message: string, field: string): RelaisError {
  return new RelaisError('RELAIS_SPREAD_INVALID', message, { field });
}

/** Checks a model spec; throws RELAIS_SPREAD_INVALID naming the field. */
export function checkModel(spec: ModelSpec): void {
  if (spec.model !== 'ic' && spec.model !== 'lt') throw invalid(`model must be ic or lt, not ${String(spec.model)}`, 'model');
  if (spec.model === 'lt' && (spec.probabilities === 'uniform' || spec.probabilities === 'trivalency')) {
    throw invalid(`linear threshold takes weighted-cascade or tie-strength weights, not ${spec.probabilities}`, 'probabilities');
  }
  if (spec.probabilities === 'uniform' && !(typeof spec.p === 'number' && spec.p >= 0 && spec.p <= 1)) {
    throw invalid(`the uniform probability p must be in [0, 1], got ${String(spec.p)}`, 'p');
  }
  if (spec.scale !== undefined && !(spec.scale >= 0 && spec.scale <= 1)) throw invalid(`scale must be in [0, 1], got ${spec.scale}`, 'scale');
}

/** The influence graph of a model over the world's follow graph. */
export function influenceGraph(world: SpreadWorld, spec: ModelSpec, seed = 42): InfluenceGraph {
  checkModel(spec);
  const base = { direction: 'follow' as const, seed };
  const scale = spec.scale ?? DEFAULT_STRENGTH_SCALE;
  const scaled = (): Float64Array => Float64Array.from(world.strength, (s) => Math.min(1, s * scale));
  if (spec.model === 'lt') {
    return ltWeights(world.graph, { ...base, lt: spec.probabilities === 'tie-strength' ? { kind: 'given', values: scaled() } : { kind: 'weighted-cascade' } });
  }
  switch (spec.probabilities) {
    case 'uniform': return icProbabilities(world.graph, { ...base, ic: { kind: 'uniform', p: spec.p! } });
    case 'trivalency': return icProbabilities(world.graph, { ...base, ic: { kind: 'trivalency' } });
    case 'tie-strength': return icProbabilities(world.graph, { ...base, ic: { kind: 'given', values: scaled() } });
    default: return icProbabilities(world.graph, { ...base, ic: { kind: 'weighted-cascade' } });
  }
}

/** Followers of node v in the follow graph: the sources of its in-arcs. */
export function followersOf(world: SpreadWorld, v: number): Int32Array {
  const g = world.graph;
  return g.inSources!.subarray(g.inOffsets![v]!, g.inOffsets![v + 1]!);
}

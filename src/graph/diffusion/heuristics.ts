// Seed heuristics that influence maximisation is measured against (Kempe, Kleinberg & Tardos,
// KDD 2003, §4; Chen, Wang & Wang, KDD 2010, §5): the k nodes of highest out-degree (most arcs
// in the direction of influence: most followers), and the k nodes of highest PageRank (Page et
// al. 1999, ../pagerank.ts) computed on the reversed graph with each arc weighted by its
// probability, so that a random surfer walks from the influenced to their influencers, as
// Chen et al. do. Ties go to the smaller index. Pools and exclusions as in imm.ts.
import type { Graph } from '../csr.ts';
import { pagerank } from '../pagerank.ts';
import { allowedNodes } from './imm.ts';
import type { InfluenceGraph } from './probabilities.ts';

/** How many seeds, from which nodes. */
export interface HeuristicOptions {
  k: number;
  candidates?: ArrayLike<number>;
  excluded?: ArrayLike<number>;
  /** PageRank's damping. */
  damping: number;
}

/** k = 50, damping 0.85. */
export const DEFAULTS: HeuristicOptions = { k: 50, damping: 0.85 };

/** The chosen nodes, best first, with their scores. */
export interface HeuristicSeeds {
  seeds: Int32Array;
  scores: Float64Array;
}

function top(n: number, score: ArrayLike<number>, options: Partial<HeuristicOptions>): HeuristicSeeds {
  const { k } = { ...DEFAULTS, ...options };
  const { allowed, count } = allowedNodes(n, options.candidates, options.excluded);
  if (!(k >= 0) || !Number.isInteger(k)) throw new RangeError(`k must be a non-negative integer, got ${k}`);
  if (k > count) throw new RangeError(`k = ${k} is larger than the ${count} allowed candidate${count === 1 ? '' : 's'}`);
  const nodes: number[] = [];
  for (let v = 0; v < n; v++) if (!allowed || allowed[v]) nodes.push(v);
  nodes.sort((a, b) => score[b]! - score[a]! || a - b);
  const seeds = Int32Array.from(nodes.slice(0, k));
  return { seeds, scores: Float64Array.from(seeds, (v) => score[v]!) };
}

/** The k nodes with the most out-arcs. Example: `topDegree(g, { k: 10 }).seeds`. */
export function topDegree(graph: InfluenceGraph, options: Partial<HeuristicOptions> = {}): HeuristicSeeds {
  const degree = new Float64Array(graph.n);
  for (let v = 0; v < graph.n; v++) degree[v] = graph.offsets[v + 1]! - graph.offsets[v]!;
  return top(graph.n, degree, options);
}

/** The k nodes of highest PageRank on the reversed, probability-weighted graph. */
export function topPageRank(graph: InfluenceGraph, options: Partial<HeuristicOptions> = {}): HeuristicSeeds {
  const { damping } = { ...DEFAULTS, ...options };
  const reversed: Graph = {
    n: graph.n, directed: true, m: graph.m,
    offsets: graph.inOffsets, targets: graph.inSources, weights: graph.inProbabilities,
    inOffsets: graph.offsets, inSources: graph.targets, inWeights: graph.probabilities,
  };
  return top(graph.n, pagerank(reversed, { damping }).scores, options);
}

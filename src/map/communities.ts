// Communities, brokers and golden weak ties. Communities: Louvain (Blondel et al. 2008, in
// src/graph/louvain.ts) on the ties weighted by their strength, so that a community is held
// together by its strong ties; modularity reported. Brokers: betweenness (Brandes 2001; on
// large graphs estimated from random pivots with its Hoeffding bound, src/graph/betweenness.ts)
// and Burt's constraint (low constraint: the ties span structural holes; Burt 1992).
// Golden weak ties (seed 000: "les liens faibles qui valent de l'or"): a weak tie that is an
// account's only tie into a community where it has no strong tie — its one bridge there
// (Granovetter 1973: bridges are weak ties). Pure.
import { constraint, louvain, sampledBetweenness, betweenness as exactBetweenness, type Graph } from '../graph/index.ts';
import type { Ties } from './tie-strength.ts';
import { weakTieShare } from './tie-strength.ts';

export interface CommunityOptions {
  /** Above this many nodes, betweenness is sampled from `pivots` sources. */
  exactBetweennessLimit: number;
  pivots: number;
  seed: number;
}

export const DEFAULTS: CommunityOptions = { exactBetweennessLimit: 5_000, pivots: 256, seed: 42 };

export interface Brokerage {
  betweenness: Float64Array;
  constraint: Float64Array;
  /** How betweenness was computed, and its bound (absolute, in shortest-path pairs) when sampled. */
  bound: { exact: boolean; pivots: number; absoluteError: number; normalizedError: number; confidence: number };
}

/** The ties graph with each tie weighted by its strength. */
export function strengthGraph(ties: Ties): Graph {
  return { ...ties.pairs, weights: Float64Array.from(ties.strength, (s) => Math.max(s, 1e-6)) };
}

/** Louvain communities on the strength-weighted ties. */
export function detectCommunities(ties: Ties, seed = DEFAULTS.seed): { community: Int32Array; count: number; modularity: number } {
  if (ties.pairs.n === 0) return { community: new Int32Array(0), count: 0, modularity: 0 };
  const result = louvain(strengthGraph(ties), { seed });
  return { community: result.communities, count: result.count, modularity: result.modularity };
}

/** Betweenness (hop distances) and constraint (strength-weighted) of every node. */
export function brokerage(ties: Ties, options: Partial<CommunityOptions> = {}): Brokerage {
  const { exactBetweennessLimit, pivots, seed } = { ...DEFAULTS, ...options };
  const n = ties.pairs.n;
  let betweenness: Float64Array, bound: Brokerage['bound'];
  if (n <= exactBetweennessLimit) {
    betweenness = exactBetweenness(ties.pairs, { weighted: false });
    bound = { exact: true, pivots: n, absoluteError: 0, normalizedError: 0, confidence: 1 };
  } else {
    const sampled = sampledBetweenness(ties.pairs, { weighted: false, pivots, seed });
    betweenness = sampled.scores;
    bound = { exact: false, pivots: sampled.pivots, absoluteError: sampled.absoluteError, normalizedError: sampled.normalizedError, confidence: sampled.confidence };
  }
  return { betweenness, constraint: constraint(strengthGraph(ties)), bound };
}

/** Arc indices (into ties.pairs.targets) of u's golden weak ties. */
export function goldenTies(ties: Ties, community: Int32Array, u: number): Set<number> {
  const { offsets, targets } = ties.pairs;
  const own = community[u];
  const strongInto = new Set<number>();
  const tiesInto = new Map<number, number[]>();
  for (let a = offsets[u]!; a < offsets[u + 1]!; a++) {
    const c = community[targets[a]!]!;
    if (c === own) continue;
    if (ties.strong[a]) strongInto.add(c);
    const list = tiesInto.get(c);
    if (list) list.push(a); else tiesInto.set(c, [a]);
  }
  const golden = new Set<number>();
  for (const [c, arcs] of tiesInto) if (!strongInto.has(c) && arcs.length === 1 && !ties.strong[arcs[0]!]) golden.add(arcs[0]!);
  return golden;
}

export interface CommunitySummary {
  id: number;
  size: number;
  /** Node indices, most influential first (at most 5). */
  top: number[];
  /** Node indices, highest betweenness first (at most 5). */
  brokers: number[];
  weakTieShare: number;
}

/** Size, top accounts, brokers and weak-tie share of each community. */
export function summariseCommunities(ties: Ties, community: Int32Array, count: number, influence: Float64Array, betweenness: Float64Array): CommunitySummary[] {
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let u = 0; u < community.length; u++) members[community[u]!]!.push(u);
  return members.map((list, id) => {
    const mask = new Uint8Array(ties.pairs.n);
    for (const u of list) mask[u] = 1;
    const byInfluence = [...list].sort((a, b) => influence[b]! - influence[a]! || a - b).slice(0, 5);
    const byBetweenness = [...list].filter((u) => betweenness[u]! > 0).sort((a, b) => betweenness[b]! - betweenness[a]! || a - b).slice(0, 5);
    return { id, size: list.length, top: byInfluence, brokers: byBetweenness, weakTieShare: weakTieShare(ties, { members: mask }) };
  });
}

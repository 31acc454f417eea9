// True reach of an advocacy programme (seed 004: "2,500 employees with only 100 followers …
// a community of 250,000"): the unique audience — the union of the accounts' followers — next
// to the naive sum of their follower counts. Exact on the workspace's graph (a bitset); a
// HyperLogLog estimate beside it (Flajolet et al. 2007, graph/diffusion/audience-sketch.ts),
// which is what works beyond the graph, for audiences known only as id lists. Followers the
// platform counts but the graph does not hold (the `followers` column above the in-degree) have
// unknown overlap: they are reported as bounds, never added as if distinct.
import { trueReach, trueReachOfAudiences, type TrueReach } from '../graph/diffusion/index.ts';
import { resolveAccounts, resolvePool, type PoolSpec } from './pools.ts';
import type { SpreadWorld } from './world.ts';

/** The seed's own arithmetic, shown beside the real figure. */
export const SEED_EXAMPLE = { accounts: 2500, followersEach: 100, naive: 250_000 } as const;

export interface ReachReport {
  accounts: number;
  /** Sum of the followers column: what adding up audiences says. */
  naiveFollowers: number;
  /** Sum of in-graph followers, and their exact union. */
  naiveInGraph: number;
  unique: number;
  /** naiveInGraph − unique: people the naive sum counts more than once. */
  duplicates: number;
  /** The HyperLogLog estimate of `unique`, its relative standard error and 95 % interval. */
  estimate: { unique: number; relativeStandardError: number; ci95: [number, number] };
  /** Followers outside the graph: the true total lies between these bounds. */
  offGraph: { followers: number; uniqueLow: number; uniqueHigh: number };
  /** The 2,500 × 100 of seed 004, and what the same number of people would reach here at this overlap. */
  seedExample: typeof SEED_EXAMPLE & { scaledUnique: number };
}

/** The true reach of a pool or a list of accounts on the world's follow graph. */
export function reachOf(world: SpreadWorld, who: { pool?: PoolSpec; accounts?: readonly string[] }): ReachReport {
  const nodes = who.accounts ? resolveAccounts(world, who.accounts, 'accounts') : [...resolvePool(world, who.pool ?? { pool: 'employees' }).candidates];
  const exact: TrueReach = trueReach(world.graph, { accounts: nodes, followers: 'in' });
  const sketch = trueReach(world.graph, { accounts: nodes, followers: 'in', method: 'hyperloglog' });
  let naiveFollowers = 0, offGraph = 0, largestOff = 0;
  for (const v of nodes) {
    const a = world.accounts[v]!;
    naiveFollowers += a.followers;
    const inGraph = world.graph.inOffsets![v + 1]! - world.graph.inOffsets![v]!;
    const off = Math.max(0, a.followers - inGraph);
    offGraph += off;
    largestOff = Math.max(largestOff, off);
  }
  // Overlap measured on the graph, applied to the seed's 2,500 × 100.
  const share = exact.naive > 0 ? exact.unique / exact.naive : 1;
  return {
    accounts: nodes.length, naiveFollowers, naiveInGraph: exact.naive, unique: exact.unique, duplicates: exact.duplicates,
    estimate: { unique: sketch.unique, relativeStandardError: sketch.relativeStandardError, ci95: sketch.ci95 },
    offGraph: { followers: offGraph, uniqueLow: exact.unique + largestOff, uniqueHigh: exact.unique + offGraph },
    seedExample: { ...SEED_EXAMPLE, scaledUnique: Math.round(SEED_EXAMPLE.naive * share) },
  };
}

/** The unique audience of accounts given as lists of follower ids (HyperLogLog). */
export function reachOfAudiences(audiences: ReadonlyArray<ReadonlyArray<string | number>>): TrueReach {
  return trueReachOfAudiences(audiences);
}

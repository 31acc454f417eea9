// Seeded random graphs for tests, demos and benchmarks. The planted partition model (Condon &
// Karp, "Algorithms for graph partitioning on the planted partition model", Random Structures
// & Algorithms 18(2), 2001), drawn with a fixed edge count: each edge picks a uniform node u,
// then, with probability `mixing`, a uniform node anywhere, else a uniform node of u's own
// community. Communities are random sets of nodes (not index ranges), so memory locality is
// as poor as in a real graph. Self-loops and repeats are left to `buildGraph`'s options.
import { createRandom, shuffle, type Random } from './random.ts';

/** Size, communities and mixing of a planted-partition graph. */
export interface PlantedPartitionOptions {
  n: number;
  /** Edges drawn (before dropping loops and merging repeats). */
  edges: number;
  communitySize: number;
  /** Share of edges that leave their community. */
  mixing: number;
  seed: number;
  random?: Random;
}

/** The benchmark graph: 200,000 nodes, 1,000,000 edges drawn, communities of 100, 20 % mixing. */
export const DEFAULTS: PlantedPartitionOptions = { n: 200_000, edges: 1_000_000, communitySize: 100, mixing: 0.2, seed: 42 };

/** Edge arrays of a planted-partition graph and each node's planted community. */
export function plantedPartition(options: Partial<PlantedPartitionOptions> = {}): { n: number; sources: Int32Array; targets: Int32Array; community: Int32Array } {
  const { n, edges, communitySize, mixing, seed } = { ...DEFAULTS, ...options };
  const random = options.random ?? createRandom(seed);
  const members = new Int32Array(n);
  for (let i = 0; i < n; i++) members[i] = i;
  shuffle(members, random);
  const community = new Int32Array(n);
  for (let i = 0; i < n; i++) community[members[i]!] = Math.floor(i / communitySize);
  const sources = new Int32Array(edges), targets = new Int32Array(edges);
  for (let e = 0; e < edges; e++) {
    const u = random.int(n);
    let v: number;
    if (random.next() < mixing) v = random.int(n);
    else {
      const start = community[u]! * communitySize;
      v = members[start + random.int(Math.min(communitySize, n - start))]!;
    }
    sources[e] = u;
    targets[e] = v;
  }
  return { n, sources, targets, community };
}

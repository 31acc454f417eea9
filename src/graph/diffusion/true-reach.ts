// True reach: the unique audience of a set of accounts, |⋃ followers(a)|, beside the naive sum
// of follower counts that marketing tools report (2,500 employees × 100 followers = 250,000,
// when their audiences overlap). On a known graph the union is exact — one bitset of n bits,
// each follower counted the first time it is set. Beyond it (audiences known only as id lists,
// or too many to hold) it is a HyperLogLog estimate (Flajolet et al., AofA 2007; see
// audience-sketch.ts) with its standard error; the sketch method can also be asked for on a
// graph, to check it against the exact count.
import { inAdjacency, type Graph, type NodeId } from '../csr.ts';
import { AudienceSketch } from './audience-sketch.ts';

/** Whose followers, where to find them, and how to count them. */
export interface TrueReachOptions {
  /** Node indices of the accounts; repeats count once. */
  accounts: ArrayLike<number>;
  /**
   * Where followers are: 'in' — arcs follower → account (a follow graph, as Map stores it);
   * 'out' — arcs account → follower (the direction of influence). Undirected: the neighbours.
   */
  followers: 'in' | 'out';
  /** Count the accounts themselves as reached. */
  includeAccounts: boolean;
  method: 'exact' | 'hyperloglog';
  /** HyperLogLog registers: 2^precision. */
  precision: number;
  salt: number;
}

/** Followers on in-arcs, accounts themselves not counted, exact, 2^14 registers if estimated. */
export const DEFAULTS: Omit<TrueReachOptions, 'accounts'> = { followers: 'in', includeAccounts: false, method: 'exact', precision: 14, salt: 0 };

/** The unique audience next to the naive sum. */
export interface TrueReach {
  /** Distinct people reached (exact, or estimated). */
  unique: number;
  /** Sum of the accounts' follower counts: what adding up audiences says. */
  naive: number;
  /** naive − unique: people counted more than once by the naive sum. */
  duplicates: number;
  exact: boolean;
  /** 0 when exact; else the estimate's relative standard error (1.04/√m). */
  relativeStandardError: number;
  /** 95 % interval of `unique` (a point when exact). */
  ci95: [number, number];
}

function result(unique: number, naive: number, rse: number): TrueReach {
  const half = 1.96 * rse * unique;
  return { unique, naive, duplicates: naive - unique, exact: rse === 0, relativeStandardError: rse, ci95: [unique - half, unique + half] };
}

/**
 * The unique audience of `accounts` on a graph (self-loops ignored).
 * Example: `trueReach(follows, { accounts: employees }).unique` beside `.naive`.
 */
export function trueReach(graph: Graph, options: Partial<TrueReachOptions> & Pick<TrueReachOptions, 'accounts'>): TrueReach {
  const { accounts, followers, includeAccounts, method, precision, salt } = { ...DEFAULTS, ...options };
  const n = graph.n;
  const rows = followers === 'out' || !graph.directed ? { offsets: graph.offsets, sources: graph.targets } : inAdjacency(graph);
  const chosen = new Uint8Array(n);
  const list: number[] = [];
  for (let i = 0; i < accounts.length; i++) {
    const a = accounts[i]!;
    if (!(a >= 0 && a < n) || (a | 0) !== a) throw new RangeError(`account ${a} is not a node index in [0, ${n})`);
    if (!chosen[a]) { chosen[a] = 1; list.push(a); }
  }
  let naive = 0;
  if (method === 'hyperloglog') {
    const sketch = new AudienceSketch({ precision, salt });
    for (const a of list) {
      if (includeAccounts) sketch.add(a);
      for (let e = rows.offsets[a]!; e < rows.offsets[a + 1]!; e++) {
        const f = rows.sources[e]!;
        if (f === a) continue;
        naive++;
        sketch.add(f);
      }
    }
    return result(sketch.estimate(), naive, sketch.relativeStandardError);
  }
  const seen = new Uint32Array((n + 31) >>> 5);
  let unique = 0;
  const mark = (v: number): void => {
    const word = v >>> 5, bit = 1 << (v & 31);
    if (!(seen[word]! & bit)) { seen[word] = seen[word]! | bit; unique++; }
  };
  for (const a of list) {
    if (includeAccounts) mark(a);
    for (let e = rows.offsets[a]!; e < rows.offsets[a + 1]!; e++) {
      const f = rows.sources[e]!;
      if (f === a) continue;
      naive++;
      mark(f);
    }
  }
  return result(unique, naive, 0);
}

/**
 * The unique audience of accounts known by their followers' ids (any strings or integers),
 * estimated by HyperLogLog; `naive` counts every listed id.
 * Example: `trueReachOfAudiences([['ann', 'bob'], ['bob', 'cy']]).unique` ≈ 3, naive 4.
 */
export function trueReachOfAudiences(audiences: Iterable<Iterable<NodeId>>, options: Partial<Pick<TrueReachOptions, 'precision' | 'salt'>> = {}): TrueReach {
  const { precision, salt } = { ...DEFAULTS, ...options };
  const sketch = new AudienceSketch({ precision, salt });
  let naive = 0;
  for (const audience of audiences) for (const id of audience) { sketch.add(id); naive++; }
  return result(sketch.estimate(), naive, sketch.relativeStandardError);
}

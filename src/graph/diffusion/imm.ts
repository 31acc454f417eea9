// IMM: Tang, Shi & Xiao, "Influence maximization in near-linear time: a martingale approach",
// SIGMOD 2015. Returns k seeds whose spread is at least (1 − 1/e − ε)·OPT with probability at
// least 1 − 1/n^ℓ, under IC or LT, in O((k + ℓ)(n + m) log n / ε²) expected time.
//   Sampling (Alg. 2): with ε' = √2·ε, for i = 1 … log₂n − 1 and x = n/2^i, grow the RR sets to
//     θ_i = λ'/x,  λ' = (2 + 2ε'/3)·(ln C(n,k) + ℓ ln n + ln log₂n)·n/ε'²        (Eq. 9)
//   select greedily; once n·F_R(S_i) ≥ (1 + ε')·x, LB = n·F_R(S_i)/(1 + ε') and stop. Then
//     θ = λ*/LB,  λ* = 2n·((1 − 1/e)·α + β)²/ε²,  α = √(ℓ ln n + ln 2),
//     β = √((1 − 1/e)·(ln C(n,k) + ℓ ln n + ln 2))                               (Eq. 6)
//   Selection (Alg. 1): greedy maximum coverage of θ RR sets (max-coverage.ts).
//   ℓ is first raised to ℓ·(1 + ln 2/ln n) so that both phases together fail with probability
//   at most 1/n^ℓ (Alg. 3).
// By default the θ RR sets of the selection are drawn afresh rather than topped up from the
// sampling phase: Chen, "An issue in the martingale analysis of the influence maximization
// algorithm IMM", CSoNet 2018, shows that reusing them breaks the martingale argument and that
// independent sets restore the guarantee, at the cost of the extra sets (`fresh: false` is the
// paper's reuse).
//
// The lower bound starts at k rather than 1 (each seed activates itself, so OPT ≥ k), which
// only matters when OPT is small — there θ ∝ n/(ε²·OPT) is large, and `maxRRSets` refuses
// rather than exhaust memory.
//
// Candidate pools and exclusions restrict the seeds, not the RR sets: C(n,k) becomes C(p,k) for
// p allowed nodes and the guarantee is relative to the best k-set within the pool. With a budget
// and a cost per node the selection is the cost-effective greedy of max-coverage.ts, with its
// factor γ = 1 − 1/√e in place of 1 − 1/e in λ*, and k the most allowed nodes the budget can
// buy (the cheapest first) in the union bound: a (1 − 1/√e − ε) guarantee, w.p. ≥ 1 − 1/n^ℓ.
import { createRandom, type Random } from '../random.ts';
import { drive, driveAsync } from './drive.ts';
import { maxCoverage, type Coverage } from './max-coverage.ts';
import type { InfluenceGraph } from './probabilities.ts';
import { createRRSampler, createRRSets, reserve, type RRSets } from './rr-sets.ts';

/** Options of IMM. */
export interface ImmOptions {
  /** Number of seeds; ignored when `budget` is set. */
  k: number;
  /** Approximation slack ε in (0, 1]. */
  epsilon: number;
  /** Failure probability at most 1/n^ℓ. */
  ell: number;
  seed: number;
  random?: Random;
  /** Only these nodes may be seeds (employees, bloggers). */
  candidates?: ArrayLike<number>;
  /** These nodes may not be seeds. */
  excluded?: ArrayLike<number>;
  /** Total cost allowed; selects by gain per cost. */
  budget?: number;
  /** Cost of every node (> 0), required with `budget`. */
  costs?: ArrayLike<number>;
  /** Draw the selection's RR sets afresh (Chen 2018); false reuses the sampling phase's, as the paper. */
  fresh: boolean;
  /** Refuse (RangeError) to draw more RR sets than this in one phase: θ grows as n/(ε²·OPT). */
  maxRRSets: number;
  onProgress?: (progress: ImmProgress) => void;
}

/** ε = 0.1, ℓ = 1 (as in the paper's experiments), k = 50, fresh selection sets, at most 50 M RR sets, seed 42. */
export const DEFAULTS: ImmOptions = { k: 50, epsilon: 0.1, ell: 1, seed: 42, fresh: true, maxRRSets: 50_000_000 };

/** Where IMM is: the RR sets drawn so far in this phase against the current target. */
export interface ImmProgress {
  phase: 'sampling' | 'selection';
  rrSets: number;
  target: number;
}

/** The seeds in the order chosen, with their estimated marginal spreads. */
export interface ImmResult {
  seeds: Int32Array;
  /** Estimated marginal spread of each seed: n × (RR sets it newly covers) / θ. */
  gains: Float64Array;
  /** Estimated spread of all the seeds (the sum of the gains): n · F_R(S). */
  spread: number;
  /** Total cost of the seeds (their number when there is no budget). */
  cost: number;
  /** RR sets the seeds were selected on (θ). */
  rrSets: number;
  /** RR sets drawn in all, both phases. */
  generated: number;
  /** The lower bound on OPT found by the sampling phase. */
  lowerBound: number;
  /** The guarantee's factor before ε: 1 − 1/e, or 1 − 1/√e with a budget. */
  approximation: number;
  /** ℓ after the (1 + ln 2/ln n) adjustment. */
  ell: number;
  /** Budget mode: whether the greedy set or the best single node won. */
  choice: 'greedy' | 'single';
}

/** RR sets drawn between two progress reports. */
const CHUNK = 8192;

/** ln C(n, k). */
export function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity;
  k = Math.min(k, n - k);
  let s = 0;
  for (let i = 0; i < k; i++) s += Math.log((n - i) / (i + 1));
  return s;
}

/** The allowed-node mask and its size; RangeErrors for bad indices or an empty pool. */
export function allowedNodes(n: number, candidates: ArrayLike<number> | undefined, excluded: ArrayLike<number> | undefined): { allowed: Uint8Array | undefined; count: number } {
  const check = (v: number, what: string): void => {
    if (!(v >= 0 && v < n) || (v | 0) !== v) throw new RangeError(`${what} ${v} is not a node index in [0, ${n})`);
  };
  if (!candidates && (!excluded || excluded.length === 0)) return { allowed: undefined, count: n };
  const allowed = new Uint8Array(n);
  if (candidates) for (let i = 0; i < candidates.length; i++) { check(candidates[i]!, 'candidate'); allowed[candidates[i]!] = 1; }
  else allowed.fill(1);
  if (excluded) for (let i = 0; i < excluded.length; i++) { check(excluded[i]!, 'excluded node'); allowed[excluded[i]!] = 0; }
  let count = 0;
  for (let v = 0; v < n; v++) count += allowed[v]!;
  if (count === 0) {
    throw new RangeError(candidates && candidates.length > 0 ? 'the candidate pool is empty once the excluded nodes are removed' : 'the candidate pool is empty');
  }
  return { allowed, count };
}

function emptyResult(ell: number, approximation: number): ImmResult {
  return { seeds: new Int32Array(0), gains: new Float64Array(0), spread: 0, cost: 0, rrSets: 0, generated: 0, lowerBound: 0, approximation, ell, choice: 'greedy' };
}

/** Checks the options; returns the seed count used in the union bound (k, or the most the budget buys). */
function checkOptions(n: number, o: ImmOptions, allowed: Uint8Array | undefined, pool: number): number {
  if (!(o.epsilon > 0 && o.epsilon <= 1)) throw new RangeError(`epsilon must be in (0, 1], got ${o.epsilon}`);
  if (!(o.ell > 0) || !Number.isFinite(o.ell)) throw new RangeError(`ell must be a positive number, got ${o.ell}`);
  if (o.budget === undefined) {
    if (!(o.k >= 0) || !Number.isInteger(o.k)) throw new RangeError(`k must be a non-negative integer, got ${o.k}`);
    if (o.k > pool) throw new RangeError(`k = ${o.k} is larger than the ${pool} allowed candidate${pool === 1 ? '' : 's'}`);
    return o.k;
  }
  if (!(o.budget >= 0) || !Number.isFinite(o.budget)) throw new RangeError(`budget must be a finite number ≥ 0, got ${o.budget}`);
  const costs = o.costs;
  if (!costs) throw new RangeError('a budget needs `costs`, one per node');
  if (costs.length !== n) throw new RangeError(`costs has ${costs.length} entries for ${n} nodes`);
  const affordable: number[] = [];
  for (let v = 0; v < n; v++) {
    const c = costs[v]!;
    if (!(c > 0) || !Number.isFinite(c)) throw new RangeError(`cost of node ${v} must be a finite number > 0, got ${c}`);
    if ((!allowed || allowed[v]) && c <= o.budget) affordable.push(c);
  }
  affordable.sort((a, b) => a - b);
  let most = 0, spent = 0;
  for (const c of affordable) { if (spent + c > o.budget) break; spent += c; most++; }
  return most;
}

/** IMM as a generator of progress reports (see `imm` and `immAsync`). */
export function* immSteps(graph: InfluenceGraph, options: Partial<ImmOptions> = {}): Generator<ImmProgress, ImmResult> {
  const o = { ...DEFAULTS, ...options };
  const n = graph.n;
  const approximation = o.budget === undefined ? 1 - 1 / Math.E : 1 - 1 / Math.sqrt(Math.E);
  const { allowed, count: pool } = allowedNodes(n, o.candidates, o.excluded);
  const k = checkOptions(n, o, allowed, pool);
  const ell = n > 1 ? o.ell * (1 + Math.log(2) / Math.log(n)) : o.ell;
  if (n === 0 || graph.m === 0 || k === 0) return emptyResult(ell, approximation);

  const random = o.random ?? createRandom(o.seed);
  const sampler = createRRSampler(graph, random);
  const select = (sets: RRSets): Coverage => maxCoverage(sets, n, { k: o.k, budget: o.budget, costs: o.costs, allowed });
  let sets = createRRSets();
  let generated = 0, meanSize = 1;
  function* grow(target: number, phase: ImmProgress['phase']): Generator<ImmProgress, void> {
    if (target > o.maxRRSets) {
      throw new RangeError(`IMM would need ${target.toLocaleString('en-US')} RR sets (ε = ${o.epsilon}, ${phase} phase), more than maxRRSets = ${o.maxRRSets.toLocaleString('en-US')}: raise epsilon or maxRRSets`);
    }
    // Room for the target at the mean set size so far (plus 10 %), in one allocation.
    const mean = sets.count > 0 ? sets.size / sets.count : meanSize;
    reserve(sets, target, Math.ceil(target * mean * 1.1));
    while (sets.count < target) {
      const before = sets.count;
      sampler.fill(sets, Math.min(target, sets.count + CHUNK));
      generated += sets.count - before;
      yield { phase, rrSets: sets.count, target };
    }
  }

  // Sampling phase: a lower bound on OPT.
  const logN = Math.log(n), logC = logChoose(pool, k);
  const eps1 = Math.SQRT2 * o.epsilon;
  const lambdaPrime = ((2 + (2 / 3) * eps1) * (logC + ell * logN + Math.log(Math.max(1, Math.log2(n)))) * n) / (eps1 * eps1);
  // σ(S) ≥ |S|, so the k cheapest affordable nodes make OPT ≥ k: a start above the paper's 1.
  let lowerBound = Math.max(1, k);
  for (let i = 1; i <= Math.log2(n) - 1; i++) {
    const x = n / 2 ** i;
    yield* grow(Math.ceil(lambdaPrime / x), 'sampling');
    const estimate = (n * select(sets).covered) / sets.count;
    if (estimate >= (1 + eps1) * x) { lowerBound = Math.max(lowerBound, estimate / (1 + eps1)); break; }
  }
  const alpha = Math.sqrt(ell * logN + Math.log(2));
  const beta = Math.sqrt(approximation * (logC + ell * logN + Math.log(2)));
  const lambdaStar = (2 * n * (approximation * alpha + beta) ** 2) / (o.epsilon * o.epsilon);
  const theta = Math.ceil(lambdaStar / lowerBound);

  // Selection phase on θ RR sets.
  if (o.fresh && sets.count > 0) { meanSize = sets.size / sets.count; sets = createRRSets(); }
  yield* grow(theta, 'selection');
  const chosen = select(sets);
  const scale = n / sets.count;
  const gains = Float64Array.from(chosen.gains, (g) => g * scale);
  return {
    seeds: Int32Array.from(chosen.seeds), gains, spread: chosen.covered * scale, cost: chosen.cost,
    rrSets: sets.count, generated, lowerBound, approximation, ell, choice: chosen.choice,
  };
}

/**
 * IMM seeds (synchronous). Throws a RangeError when k exceeds the pool, the pool is empty or an
 * option is out of range; returns no seeds for a graph without arcs.
 * Example: `imm(icProbabilities(g), { k: 10, epsilon: 0.5 }).seeds`.
 */
export function imm(graph: InfluenceGraph, options: Partial<ImmOptions> = {}): ImmResult {
  return drive(immSteps(graph, options), options.onProgress);
}

/** IMM seeds without blocking the event loop between chunks; stops when `signal` aborts. */
export function immAsync(graph: InfluenceGraph, options: Partial<ImmOptions> & { signal?: AbortSignal } = {}): Promise<ImmResult> {
  return driveAsync(immSteps(graph, options), options.onProgress, options.signal);
}

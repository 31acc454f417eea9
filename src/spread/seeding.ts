// Diffusion as a service over a SpreadWorld: the expected reach of named seeds (Monte Carlo on
// worker threads, with the reach curve and its 95 % band), and seeds chosen by IMM (Tang, Shi &
// Xiao, SIGMOD 2015) next to the heuristics a marketer would use (most followers, top degree,
// PageRank, random), every strategy re-estimated by the same Monte Carlo — never by the
// algorithm's own estimate. Pure apart from the worker threads; long work reports progress and
// stops when `signal` aborts.
import { createRandom, shuffle } from '../graph/index.ts';
import { immAsync, simulateParallel, topDegree, topPageRank, type InfluenceGraph, type SpreadEstimate } from '../graph/diffusion/index.ts';
import { RelaisError } from '../platform/errors.ts';
import { resolveAccounts, resolvePool, type PoolSpec } from './pools.ts';
import { influenceGraph, type ModelSpec, type SpreadWorld } from './world.ts';

/** Where a long computation is. */
export interface Progress { stage: string; done: number; total: number }

/** How work runs: progress, cancellation, threads. */
export interface Work {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  threads?: number;
}

/** A Monte Carlo estimate as the API shows it: mean, interval, and the reach per step. */
export interface ReachCurve {
  mean: number;
  ci95: [number, number];
  stdDev: number;
  runs: number;
  /** Step 0 is the seeds; `reached` is the mean number activated by the end of the step. */
  steps: Array<{ step: number; added: number; reached: number; low: number; high: number }>;
}

export const STRATEGIES = ['imm', 'followers', 'degree', 'pagerank', 'random'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** The cost of asking an account: a fixed part and a part per thousand followers. */
export interface CostSpec { perSeed: number; perThousandFollowers: number }

export interface SeedsRequest {
  model: ModelSpec;
  pool: PoolSpec;
  /** Number of seeds; ignored with a budget. */
  k?: number;
  budget?: number;
  cost?: CostSpec;
  epsilon: number;
  ell: number;
  strategies: readonly Strategy[];
  runs: number;
  seed: number;
}

export interface ChosenSeed { id: number; handle: string; network: string; name: string | null; followers: number; cost: number; gain: number | null }

export interface StrategyResult {
  strategy: Strategy;
  seeds: ChosenSeed[];
  cost: number;
  estimate: ReachCurve;
  /** IMM only: its guarantee and the RR sets it chose on. */
  guarantee?: { approximation: number; epsilon: number; ell: number; rrSets: number; ownEstimate: number };
}

export interface SeedsResult {
  pool: { kind: string; size: number };
  k: number | null;
  budget: number | null;
  strategies: StrategyResult[];
}

export const SEEDS_DEFAULTS = { epsilon: 0.1, ell: 1, runs: 10_000, seed: 42, strategies: STRATEGIES };
export const MAX_RUNS = 100_000;

/** Kernel range errors become the API's error, with the field they concern. */
export function asSpreadError(error: unknown, field?: string): unknown {
  if (error instanceof RangeError) return new RelaisError('RELAIS_SPREAD_INVALID', error.message, field ? { field } : {});
  return error;
}

export function toCurve(e: SpreadEstimate): ReachCurve {
  return {
    mean: e.mean, ci95: e.ci95, stdDev: e.stdDev, runs: e.runs,
    steps: Array.from(e.perStep, (added, step) => ({ step, added, reached: e.cumulative[step]!, low: e.cumulativeLow[step]!, high: e.cumulativeHigh[step]! })),
  };
}

function checkRunCount(runs: number): void {
  if (!(Number.isInteger(runs) && runs >= 1 && runs <= MAX_RUNS)) throw new RelaisError('RELAIS_SPREAD_INVALID', `runs must be a whole number from 1 to ${MAX_RUNS}, got ${runs}`, { field: 'runs' });
}

/** The Monte Carlo reach of node seeds; an empty seed set reaches no one. */
export async function estimateReach(graph: InfluenceGraph, seeds: ArrayLike<number>, runs: number, seed: number, work: Work, stage = 'simulate'): Promise<ReachCurve> {
  checkRunCount(runs);
  if (seeds.length === 0) return { mean: 0, ci95: [0, 0], stdDev: 0, runs, steps: [] };
  const estimate = await simulateParallel(graph, {
    seeds, runs, seed, threads: work.threads ?? 2, signal: work.signal,
    onProgress: (done, total) => work.onProgress?.({ stage, done, total }),
  });
  return toCurve(estimate);
}

/** The expected reach of named accounts under a model. */
export async function simulateSeeds(world: SpreadWorld, request: { model: ModelSpec; seeds: readonly string[]; runs: number; seed: number }, work: Work = {}): Promise<{ seeds: ChosenSeed[]; estimate: ReachCurve }> {
  const nodes = resolveAccounts(world, request.seeds, 'seeds');
  const graph = influenceGraph(world, request.model, request.seed);
  const estimate = await estimateReach(graph, nodes, request.runs, request.seed, work);
  return { seeds: nodes.map((v) => describe(world, v, 1, null)), estimate };
}

export function describe(world: SpreadWorld, v: number, cost: number, gain: number | null): ChosenSeed {
  const a = world.accounts[v]!;
  return { id: a.id, handle: a.handle, network: a.network, name: a.name, followers: a.followers, cost, gain };
}

/** Cost of every node under a cost spec (1 per seed when absent). */
export function nodeCosts(world: SpreadWorld, cost: CostSpec | undefined): Float64Array {
  const perSeed = cost?.perSeed ?? 1, perK = cost?.perThousandFollowers ?? 0;
  if (!(perSeed >= 0 && perK >= 0) || perSeed + perK <= 0) throw new RelaisError('RELAIS_SPREAD_INVALID', 'costs must be ≥ 0 and a seed must cost something', { field: 'cost' });
  return Float64Array.from(world.accounts, (a) => Math.max(perSeed + (perK * a.followers) / 1000, 1e-9));
}

/** Takes nodes in order while the count (or the budget) allows. */
function takeInOrder(order: ArrayLike<number>, k: number | undefined, budget: number | undefined, costs: Float64Array): number[] {
  const out: number[] = [];
  let spent = 0;
  for (let i = 0; i < order.length; i++) {
    const v = order[i]!;
    if (budget === undefined) { if (out.length >= k!) break; out.push(v); continue; }
    if (spent + costs[v]! <= budget) { out.push(v); spent += costs[v]!; }
  }
  return out;
}

/** Seeds by each strategy from the pool, each with its Monte Carlo reach. */
export async function chooseSeeds(world: SpreadWorld, request: SeedsRequest, work: Work = {}): Promise<SeedsResult> {
  const { k, budget } = request;
  if (budget === undefined && !(Number.isInteger(k) && k! >= 0)) throw new RelaisError('RELAIS_SPREAD_INVALID', `k must be a whole number ≥ 0, got ${String(k)}`, { field: 'k' });
  if (budget !== undefined && !(budget >= 0 && Number.isFinite(budget))) throw new RelaisError('RELAIS_SPREAD_INVALID', `budget must be a number ≥ 0, got ${budget}`, { field: 'budget' });
  checkRunCount(request.runs);
  const { candidates, excluded } = resolvePool(world, request.pool);
  if (budget === undefined && k! > candidates.length) {
    throw new RelaisError('RELAIS_SPREAD_INVALID', `k = ${k} is larger than the pool (${candidates.length} ${request.pool.pool === 'list' ? 'accounts' : request.pool.pool}).`, { field: 'k', hint: `ask for at most ${candidates.length} seeds` });
  }
  const graph = influenceGraph(world, request.model, request.seed);
  const costs = nodeCosts(world, request.cost);
  const results: StrategyResult[] = [];
  const strategies = request.strategies.length > 0 ? request.strategies : STRATEGIES;
  for (const strategy of strategies) {
    work.signal?.throwIfAborted();
    let seeds: number[];
    let gains: number[] | null = null;
    let guarantee: StrategyResult['guarantee'];
    try {
      switch (strategy) {
        case 'imm': {
          const r = await immAsync(graph, {
            k: k ?? 0, budget, costs: budget === undefined ? undefined : costs, candidates, excluded,
            epsilon: request.epsilon, ell: request.ell, seed: request.seed, signal: work.signal,
            onProgress: (p) => work.onProgress?.({ stage: `imm-${p.phase}`, done: p.rrSets, total: p.target }),
          });
          seeds = [...r.seeds];
          gains = [...r.gains];
          guarantee = { approximation: r.approximation, epsilon: request.epsilon, ell: r.ell, rrSets: r.rrSets, ownEstimate: r.spread };
          break;
        }
        case 'followers': {
          const order = [...candidates].sort((a, b) => world.accounts[b]!.followers - world.accounts[a]!.followers || a - b);
          seeds = takeInOrder(order, k, budget, costs);
          break;
        }
        case 'degree': seeds = takeInOrder(topDegree(graph, { k: candidates.length, candidates }).seeds, k, budget, costs); break;
        case 'pagerank': seeds = takeInOrder(topPageRank(graph, { k: candidates.length, candidates }).seeds, k, budget, costs); break;
        case 'random': seeds = takeInOrder(shuffle(Int32Array.from(candidates), createRandom(request.seed)), k, budget, costs); break;
        default: throw new RelaisError('RELAIS_SPREAD_INVALID', `Unknown strategy "${String(strategy)}".`, { field: 'strategies' });
      }
    } catch (error) {
      throw asSpreadError(error, strategy === 'imm' ? 'epsilon' : undefined);
    }
    const estimate = await estimateReach(graph, seeds, request.runs, request.seed, work, `simulate-${strategy}`);
    const chosen = seeds.map((v, i) => describe(world, v, costs[v]!, gains ? gains[i]! : null));
    results.push({ strategy, seeds: chosen, cost: chosen.reduce((s, c) => s + c.cost, 0), estimate, ...(guarantee ? { guarantee } : {}) });
  }
  return { pool: { kind: request.pool.pool, size: candidates.length }, k: budget === undefined ? k! : null, budget: budget ?? null, strategies: results };
}

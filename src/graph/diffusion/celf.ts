// CELF: the greedy of Kempe, Kleinberg & Tardos (KDD 2003) with lazy forward evaluations,
// Leskovec, Krause, Guestrin, Faloutsos, VanBriesen & Glance, "Cost-effective outbreak
// detection in networks", KDD 2007. Spread is submodular, so a node's marginal gain computed
// against an earlier, smaller seed set is an upper bound: keep the gains in a max-heap and
// re-evaluate only the top node until it was evaluated against the current set. Each
// evaluation is a Monte Carlo estimate (simulate.ts) with `runs` cascades, so the greedy's
// (1 − 1/e) factor holds only up to the Monte Carlo error; it is the baseline IMM is compared
// with, not a method for large graphs (n evaluations before the first seed).
import { createRandom, type Random } from '../random.ts';
import { drive, driveAsync } from './drive.ts';
import { allowedNodes } from './imm.ts';
import { MaxHeap } from './max-heap.ts';
import type { InfluenceGraph } from './probabilities.ts';
import { addRuns, checkRuns, createSimulator, emptyTally } from './simulate.ts';

/** Options of CELF. */
export interface CelfOptions {
  k: number;
  /** Monte Carlo runs per evaluation. */
  runs: number;
  maxSteps: number;
  seed: number;
  random?: Random;
  candidates?: ArrayLike<number>;
  excluded?: ArrayLike<number>;
  onProgress?: (progress: CelfProgress) => void;
}

/** k = 50, 1,000 runs per evaluation, seed 42. */
export const DEFAULTS: CelfOptions = { k: 50, runs: 1000, maxSteps: Infinity, seed: 42 };

/** Seeds chosen so far and spread evaluations done. */
export interface CelfProgress {
  seeds: number;
  evaluations: number;
}

/** The seeds in order, each with its Monte Carlo marginal gain. */
export interface CelfResult {
  seeds: Int32Array;
  gains: Float64Array;
  /** Monte Carlo spread of all the seeds (the sum of the gains). */
  spread: number;
  /** Spread evaluations (each `runs` cascades). */
  evaluations: number;
}

/** CELF as a generator of progress reports (see `celf` and `celfAsync`). */
export function* celfSteps(graph: InfluenceGraph, options: Partial<CelfOptions> = {}): Generator<CelfProgress, CelfResult> {
  const { k, runs, maxSteps, seed } = { ...DEFAULTS, ...options };
  checkRuns(runs, maxSteps);
  const n = graph.n;
  const { allowed, count } = allowedNodes(n, options.candidates, options.excluded);
  if (!(k >= 0) || !Number.isInteger(k)) throw new RangeError(`k must be a non-negative integer, got ${k}`);
  if (k > count) throw new RangeError(`k = ${k} is larger than the ${count} allowed candidate${count === 1 ? '' : 's'}`);
  if (k === 0 || graph.m === 0) return { seeds: new Int32Array(0), gains: new Float64Array(0), spread: 0, evaluations: 0 };

  const random = options.random ?? createRandom(seed);
  const simulator = createSimulator(graph);
  const seeds = new Int32Array(k);
  let size = 0, evaluations = 0;
  const spreadWith = (v: number): number => {
    seeds[size] = v;
    evaluations++;
    return addRuns(emptyTally(), simulator, seeds.subarray(0, size + 1), runs, random, maxSteps).mean;
  };

  const heap = new MaxHeap(n);
  const evaluatedAt = new Int32Array(n); // |S| when the node's gain was last computed
  const nodes: number[] = [];
  for (let v = 0; v < n; v++) {
    if (allowed && !allowed[v]) continue;
    heap.keys[v] = spreadWith(v);
    nodes.push(v);
    if (nodes.length % 256 === 0) yield { seeds: 0, evaluations };
  }
  heap.build(nodes);
  const gains = new Float64Array(k);
  let spread = 0;
  while (size < k) {
    const u = heap.top();
    if (evaluatedAt[u] === size) {
      heap.pop();
      seeds[size] = u;
      gains[size] = heap.keys[u]!;
      spread += gains[size]!;
      size++;
      yield { seeds: size, evaluations };
      continue;
    }
    heap.updateTop(spreadWith(u) - spread);
    evaluatedAt[u] = size;
    if (evaluations % 64 === 0) yield { seeds: size, evaluations };
  }
  return { seeds, gains, spread, evaluations };
}

/** CELF seeds (synchronous). Example: `celf(icProbabilities(g), { k: 5, runs: 2000 }).seeds`. */
export function celf(graph: InfluenceGraph, options: Partial<CelfOptions> = {}): CelfResult {
  return drive(celfSteps(graph, options), options.onProgress);
}

/** CELF seeds without blocking the event loop; stops when `signal` aborts. */
export function celfAsync(graph: InfluenceGraph, options: Partial<CelfOptions> & { signal?: AbortSignal } = {}): Promise<CelfResult> {
  return driveAsync(celfSteps(graph, options), options.onProgress, options.signal);
}

// Monte Carlo estimation of the influence spread σ(S) — the expected number of nodes a seed set
// S activates — under the independent cascade and linear threshold models of Kempe, Kleinberg &
// Tardos, "Maximizing the spread of influence through a social network", KDD 2003:
// - IC: a node activated at step t tries once, at step t + 1, to activate each inactive
//   out-neighbour v, succeeding with probability p(u, v);
// - LT: each node draws a threshold θ_v uniform in (0, 1]; v activates at step t + 1 once the
//   weights of its in-neighbours active at step t sum to at least θ_v.
// Each run is one breadth-first pass over the activated nodes, level by level (a level is a
// step); per-node stamps replace clearing arrays between runs, and LT thresholds are drawn
// lazily, when a node first receives weight. The mean and variance are accumulated by
// Welford's method and merged across workers by Chan, Golub & LeVeque's pairwise formula
// ("Updating formulae and a pairwise algorithm for computing sample variances", 1979), so that
// threads change nothing but the random streams. The 95 % interval is the normal one,
// mean ± 1.96·s/√runs.
import { createRandom, splitmix64, type Random } from '../random.ts';
import type { InfluenceGraph } from './probabilities.ts';

/** Options of a Monte Carlo estimate. */
export interface SimulateOptions {
  /** The seed set (node indices); repeats count once. */
  seeds: ArrayLike<number>;
  runs: number;
  /** Stop each cascade after this many steps (Infinity: until it dies out). */
  maxSteps: number;
  /** The random stream is `streamRandom(seed, 0)`, the same as thread 0 of `simulateParallel`. */
  seed: number;
  random?: Random;
}

/** 10,000 runs, cascades to the end, seed 42. */
export const DEFAULTS: Omit<SimulateOptions, 'seeds'> = { runs: 10_000, maxSteps: Infinity, seed: 42 };

/** Mean spread, its spread and interval, and the mean reach of each step. */
export interface SpreadEstimate {
  /** Mean number of activated nodes, seeds included. */
  mean: number;
  /** Sample standard deviation of the number activated. */
  stdDev: number;
  /** stdDev / √runs. */
  standardError: number;
  /** mean ± 1.96 standard errors. */
  ci95: [number, number];
  runs: number;
  /** Mean number newly activated at step t; perStep[0] is the number of seeds. */
  perStep: Float64Array;
  /** Mean number activated by the end of step t (the reach curve), aligned with perStep. */
  cumulative: Float64Array;
  /** 95 % interval of each step's cumulative reach: mean ± 1.96·s_t/√runs. */
  cumulativeLow: Float64Array;
  cumulativeHigh: Float64Array;
}

/** The running sums of a set of runs; tallies of disjoint runs merge exactly. */
export interface Tally {
  runs: number;
  mean: number;
  /** Sum of squared deviations from the mean (Welford's M2). */
  m2: number;
  /** Sum over runs of the number newly activated at step t. */
  steps: Float64Array;
  /**
   * Sum over runs of the square of the number activated by the end of step t (a run that has
   * died out keeps its final count), for the reach curve's interval.
   */
  cumulativeSquares: Float64Array;
}

/** Random stream `index` for a seed: the seed's SplitMix64 sequence, element `index`. */
export function streamRandom(seed: number | bigint, index: number): Random {
  return createRandom(splitmix64(seed, index + 1)[index]!);
}

/** The seed set as distinct node indices; throws a RangeError on an index outside [0, n). */
export function seedSet(n: number, seeds: ArrayLike<number>): Int32Array {
  const seen = new Uint8Array(n);
  const out: number[] = [];
  for (let i = 0; i < seeds.length; i++) {
    const s = seeds[i]!;
    if (!(s >= 0 && s < n) || (s | 0) !== s) throw new RangeError(`seed ${s} is not a node index in [0, ${n})`);
    if (!seen[s]) { seen[s] = 1; out.push(s); }
  }
  return Int32Array.from(out);
}

/** A reusable cascade runner over one graph: buffers are allocated once. */
export interface Simulator {
  /**
   * One cascade from `seeds` (distinct), drawing from the xoshiro128** state `state` (advanced in
   * place); adds its new activations per step to `steps` if given. Returns the number activated.
   */
  run(seeds: Int32Array, state: Int32Array, maxSteps: number, steps?: { counts: Float64Array }): number;
}

/**
 * A xoshiro128** state (random.ts) seeded by four draws of `random`. The simulator and the RR
 * sampler step it inline, in local variables: a function call per coin would cost a third of
 * the time, and the stream stays a deterministic function of the injected generator.
 */
export function generatorState(random: Random): Int32Array {
  const state = Int32Array.of(random.uint32() | 0, random.uint32() | 0, random.uint32() | 0, random.uint32() | 0);
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1;
  return state;
}

/** The forward rows a simulator reads (an InfluenceGraph, or its shared copy in a worker). */
export type ForwardRows = Pick<InfluenceGraph, 'model' | 'n' | 'offsets' | 'targets' | 'probabilities'>;

/** A simulator for the graph's model (IC or LT). */
export function createSimulator(graph: ForwardRows): Simulator {
  const { n, offsets, targets, probabilities, model } = graph;
  const active = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const touched = model === 'lt' ? new Int32Array(n).fill(-1) : new Int32Array(0);
  const weight = model === 'lt' ? new Float64Array(n) : new Float64Array(0);
  const threshold = model === 'lt' ? new Float64Array(n) : new Float64Array(0);
  const ic = model === 'ic';
  let stamp = -1;

  const record = (steps: { counts: Float64Array } | undefined, step: number, count: number): void => {
    if (!steps) return;
    if (step >= steps.counts.length) {
      const grown = new Float64Array(Math.max(16, 2 * steps.counts.length, step + 1));
      grown.set(steps.counts);
      steps.counts = grown;
    }
    steps.counts[step]! += count;
  };

  const run = (seeds: Int32Array, state: Int32Array, maxSteps: number, steps?: { counts: Float64Array }): number => {
    if (++stamp === 0x7fffffff) { active.fill(-1); touched.fill(-1); stamp = 0; }
    const s = stamp;
    let x0 = state[0]!, x1 = state[1]!, x2 = state[2]!, x3 = state[3]!, m = 0, t = 0, r = 0;
    let count = 0;
    for (let i = 0; i < seeds.length; i++) { active[seeds[i]!] = s; queue[count++] = seeds[i]!; }
    record(steps, 0, count);
    let start = 0, end = count;
    for (let step = 1; start < end && step <= maxSteps; step++) {
      if (ic) {
        for (let i = start; i < end; i++) {
          const u = queue[i]!;
          for (let a = offsets[u]!, stop = offsets[u + 1]!; a < stop; a++) {
            const v = targets[a]!;
            if (active[v] === s) continue; // an arc into an active node cannot matter: no coin
            m = Math.imul(x1, 5); r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
            t = x1 << 9; x2 ^= x0; x3 ^= x1; x1 ^= x2; x0 ^= x3; x2 ^= t; x3 = (x3 << 11) | (x3 >>> 21);
            if (r < probabilities[a]! * 4294967296) { active[v] = s; queue[count++] = v; }
          }
        }
      } else {
        for (let i = start; i < end; i++) {
          const u = queue[i]!;
          for (let a = offsets[u]!, stop = offsets[u + 1]!; a < stop; a++) {
            const v = targets[a]!;
            if (active[v] === s) continue;
            if (touched[v] !== s) { // first weight this run: draw the threshold, uniform in (0, 1]
              m = Math.imul(x1, 5); r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
              t = x1 << 9; x2 ^= x0; x3 ^= x1; x1 ^= x2; x0 ^= x3; x2 ^= t; x3 = (x3 << 11) | (x3 >>> 21);
              touched[v] = s; weight[v] = 0; threshold[v] = 1 - r / 4294967296;
            }
            const w = weight[v]! + probabilities[a]!;
            weight[v] = w;
            if (w >= threshold[v]!) { active[v] = s; queue[count++] = v; }
          }
        }
      }
      if (count > end) record(steps, step, count - end);
      start = end;
      end = count;
    }
    state[0] = x0; state[1] = x1; state[2] = x2; state[3] = x3;
    return count;
  };
  return { run };
}

/** An empty tally. */
export function emptyTally(): Tally {
  return { runs: 0, mean: 0, m2: 0, steps: new Float64Array(0), cumulativeSquares: new Float64Array(0) };
}

/**
 * Adds `runs` cascades to `tally` in place, calling `onChunk(done)` every `chunk` runs.
 * The workers of `simulateParallel` call this with their own stream.
 */
export function addRuns(
  tally: Tally, simulator: Simulator, seeds: Int32Array, runs: number, random: Random, maxSteps: number,
  chunk = Infinity, onChunk?: (done: number) => void,
): Tally {
  const one = { counts: new Float64Array(16) };
  const state = generatorState(random);
  let { mean, m2, steps, cumulativeSquares: squares } = tally;
  let r = tally.runs;
  for (let i = 1; i <= runs; i++) {
    const x = simulator.run(seeds, state, maxSteps, one);
    // This run's steps: the last one with a new activation ends it.
    const counts = one.counts;
    let last = counts.length;
    while (last > 0 && counts[last - 1] === 0) last--;
    if (last > steps.length) {
      // Earlier runs had all ended: their cumulative count in the new steps is their final one.
      const grownSteps = new Float64Array(Math.max(last, 2 * steps.length));
      grownSteps.set(steps);
      const grownSquares = new Float64Array(grownSteps.length);
      grownSquares.set(squares);
      grownSquares.fill(m2 + r * mean * mean, squares.length);
      steps = grownSteps; squares = grownSquares;
    }
    let cumulative = 0;
    for (let t = 0; t < last; t++) { cumulative += counts[t]!; steps[t]! += counts[t]!; squares[t]! += cumulative * cumulative; counts[t] = 0; }
    for (let t = last; t < squares.length; t++) squares[t]! += x * x;
    r++;
    const d = x - mean;
    mean += d / r;
    m2 += d * (x - mean);
    if (onChunk && i % chunk === 0 && i < runs) onChunk(i);
  }
  tally.runs = r; tally.mean = mean; tally.m2 = m2; tally.steps = steps; tally.cumulativeSquares = squares;
  return tally;
}

/** The tally of the union of two disjoint sets of runs (Chan et al.). */
export function mergeTallies(a: Tally, b: Tally): Tally {
  const runs = a.runs + b.runs;
  if (a.runs === 0 || b.runs === 0) {
    const t = a.runs === 0 ? b : a;
    return { ...t, steps: t.steps.slice(), cumulativeSquares: t.cumulativeSquares.slice() };
  }
  const delta = b.mean - a.mean;
  const mean = a.mean + (delta * b.runs) / runs;
  const m2 = a.m2 + b.m2 + (delta * delta * a.runs * b.runs) / runs;
  const length = Math.max(a.steps.length, b.steps.length);
  const steps = new Float64Array(length), cumulativeSquares = new Float64Array(length);
  for (const t of [a, b]) {
    // Past a tally's last step its runs keep their final counts: Σ x² = M2 + runs·mean².
    const finalSquares = t.m2 + t.runs * t.mean * t.mean;
    for (let s = 0; s < length; s++) {
      if (s < t.steps.length) { steps[s]! += t.steps[s]!; cumulativeSquares[s]! += t.cumulativeSquares[s]!; }
      else cumulativeSquares[s]! += finalSquares;
    }
  }
  return { runs, mean, m2, steps, cumulativeSquares };
}

/** Mean, standard deviation, 95 % interval and per-step means of a tally. */
export function summarise(tally: Tally): SpreadEstimate {
  const { runs, mean } = tally;
  const stdDev = runs > 1 ? Math.sqrt(Math.max(0, tally.m2) / (runs - 1)) : 0;
  const standardError = runs > 0 ? stdDev / Math.sqrt(runs) : 0;
  let last = tally.steps.length;
  while (last > 0 && tally.steps[last - 1] === 0) last--;
  const perStep = new Float64Array(last), cumulative = new Float64Array(last);
  const cumulativeLow = new Float64Array(last), cumulativeHigh = new Float64Array(last);
  let sum = 0;
  for (let t = 0; t < last; t++) {
    perStep[t] = tally.steps[t]! / runs;
    sum += perStep[t]!;
    cumulative[t] = sum;
    const variance = runs > 1 ? Math.max(0, (tally.cumulativeSquares[t]! - runs * sum * sum) / (runs - 1)) : 0;
    const half = 1.96 * Math.sqrt(variance / runs);
    cumulativeLow[t] = sum - half;
    cumulativeHigh[t] = sum + half;
  }
  return { mean, stdDev, standardError, ci95: [mean - 1.96 * standardError, mean + 1.96 * standardError], runs, perStep, cumulative, cumulativeLow, cumulativeHigh };
}

/** Checks the run count and step limit shared by the simulators. */
export function checkRuns(runs: number, maxSteps: number): void {
  if (!(runs >= 1) || !Number.isInteger(runs)) throw new RangeError(`runs must be a positive integer, got ${runs}`);
  if (!(maxSteps >= 0)) throw new RangeError(`maxSteps must be ≥ 0, got ${maxSteps}`);
}

/**
 * Monte Carlo estimate of the spread of `seeds`, on one thread; reproducible for a seed.
 * Example: `simulate(icProbabilities(g), { seeds: [0, 5] }).ci95`.
 */
export function simulate(graph: InfluenceGraph, options: Partial<SimulateOptions> & Pick<SimulateOptions, 'seeds'>): SpreadEstimate {
  const { runs, maxSteps, seed } = { ...DEFAULTS, ...options };
  checkRuns(runs, maxSteps);
  const seeds = seedSet(graph.n, options.seeds);
  const random = options.random ?? streamRandom(seed, 0);
  return summarise(addRuns(emptyTally(), createSimulator(graph), seeds, runs, random, maxSteps));
}

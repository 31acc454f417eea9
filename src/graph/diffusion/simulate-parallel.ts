// The Monte Carlo of simulate.ts spread over worker threads (node:worker_threads). The graph's
// typed arrays are copied once into SharedArrayBuffers (kept per graph, so later calls copy
// nothing) and every worker reads them in place. Worker i runs ⌊runs/T⌋ cascades (one more for
// i < runs mod T) from its own stream, `streamRandom(seed, i)`; the tallies are merged in worker
// order. The result therefore depends on the seed and the thread count only, and one thread
// gives exactly `simulate`'s answer. Progress is reported as runs done; an AbortSignal
// terminates the workers and rejects with the signal's reason.
import { Worker } from 'node:worker_threads';
import type { InfluenceGraph } from './probabilities.ts';
import {
  DEFAULTS as SIMULATE_DEFAULTS, checkRuns, emptyTally, mergeTallies, seedSet, summarise,
  type ForwardRows, type SimulateOptions, type SpreadEstimate, type Tally,
} from './simulate.ts';

/** Options of the parallel Monte Carlo. */
export interface ParallelSimulateOptions extends SimulateOptions {
  /** Worker threads; the result depends on it (each thread has its own stream). */
  threads: number;
  /** Called with the runs done so far and the total, about 64 times per worker. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** simulate's defaults on 2 threads (fixed, so that a seed replays the same answer anywhere). */
export const DEFAULTS: Omit<ParallelSimulateOptions, 'seeds'> = { ...SIMULATE_DEFAULTS, threads: 2 };

/** The forward rows a worker needs, backed by SharedArrayBuffers. */
export type SharedInfluenceGraph = ForwardRows;

const cache = new WeakMap<InfluenceGraph, SharedInfluenceGraph>();

function shareArray<T extends Int32Array | Float64Array>(array: T): T {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const Ctor = array.constructor as new (buffer: SharedArrayBuffer) => T;
  const shared = new Ctor(new SharedArrayBuffer(array.byteLength));
  shared.set(array);
  return shared;
}

/** The forward rows of `graph` in shared memory, copied at the first call and reused after. */
export function shareInfluenceGraph(graph: InfluenceGraph): SharedInfluenceGraph {
  let shared = cache.get(graph);
  if (!shared) {
    shared = {
      model: graph.model, n: graph.n,
      offsets: shareArray(graph.offsets), targets: shareArray(graph.targets), probabilities: shareArray(graph.probabilities),
    };
    cache.set(graph, shared);
  }
  return shared;
}

/** A message from simulate-worker.ts. */
export type WorkerMessage = { type: 'progress'; done: number } | { type: 'done'; tally: Tally };

/** What simulate-worker.ts receives as workerData. */
export interface WorkerTask {
  graph: SharedInfluenceGraph;
  seeds: Int32Array;
  runs: number;
  maxSteps: number;
  seed: number;
  index: number;
}

const WORKER = new URL('./simulate-worker.ts', import.meta.url);

/**
 * Monte Carlo estimate of the spread of `seeds` on `threads` worker threads; reproducible for
 * a seed and a thread count. Example: `await simulateParallel(g, { seeds, threads: 4, signal })`.
 */
export async function simulateParallel(
  graph: InfluenceGraph, options: Partial<ParallelSimulateOptions> & Pick<SimulateOptions, 'seeds'>,
): Promise<SpreadEstimate> {
  const { runs, maxSteps, seed, threads, onProgress, signal } = { ...DEFAULTS, ...options };
  checkRuns(runs, maxSteps);
  if (!(threads >= 1) || !Number.isInteger(threads)) throw new RangeError(`threads must be a positive integer, got ${threads}`);
  if (options.random) throw new RangeError('simulateParallel draws from streams of `seed`; an injected `random` cannot be shared by threads');
  const seeds = seedSet(graph.n, options.seeds);
  signal?.throwIfAborted();
  const shared = shareInfluenceGraph(graph);
  const count = Math.min(threads, runs);
  const done = new Float64Array(count);
  const tallies: Array<Tally | undefined> = new Array(count);
  const workers: Worker[] = [];

  return new Promise<SpreadEstimate>((resolve, reject) => {
    let finished = 0, settled = false;
    const stopAll = (): void => { for (const w of workers) void w.terminate(); };
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      stopAll();
      reject(error);
    };
    const onAbort = (): void => fail(signal!.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const report = (): void => {
      if (!onProgress) return;
      let total = 0;
      for (let i = 0; i < count; i++) total += done[i]!;
      onProgress(total, runs);
    };
    for (let i = 0; i < count; i++) {
      const task: WorkerTask = { graph: shared, seeds, runs: Math.floor(runs / count) + (i < runs % count ? 1 : 0), maxSteps, seed, index: i };
      const worker = new Worker(WORKER, { workerData: task });
      workers.push(worker);
      worker.on('message', (message: WorkerMessage) => {
        if (settled) return;
        if (message.type === 'progress') { done[i] = message.done; report(); return; }
        tallies[i] = message.tally;
        done[i] = message.tally.runs;
        report();
        if (++finished < count) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        let merged = emptyTally();
        for (const t of tallies) merged = mergeTallies(merged, t!);
        resolve(summarise(merged));
      });
      worker.on('error', fail);
      worker.on('exit', (code) => { if (!settled && tallies[i] === undefined) fail(new Error(`simulation worker ${i} exited with code ${code}`)); });
    }
  });
}

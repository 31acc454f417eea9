// One worker of simulate-parallel.ts: runs its share of the cascades from its own stream
// (Kempe, Kleinberg & Tardos, KDD 2003, as in simulate.ts) over the shared rows, reports
// progress about 64 times, and posts its tally.
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerMessage, WorkerTask } from './simulate-parallel.ts';
import { addRuns, createSimulator, emptyTally, streamRandom } from './simulate.ts';

const task = workerData as WorkerTask;
const post = (message: WorkerMessage): void => parentPort!.postMessage(message);
const chunk = Math.max(1, Math.ceil(task.runs / 64));
const tally = addRuns(emptyTally(), createSimulator(task.graph), task.seeds, task.runs, streamRandom(task.seed, task.index), task.maxSteps, chunk,
  (done) => post({ type: 'progress', done }));
post({ type: 'done', tally });

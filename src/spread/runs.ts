// Analyses as durable jobs: a request is stored as a run, a worker computes it (reporting
// progress on the workspace's live event stream and in the row), and the answer is stored. A
// run is cancelled by marking its row: the worker holding it aborts at once when it is in this
// process, else at its next progress check (within a second), so it works across processes.
import type { Kysely } from 'kysely';
import type { CapabilityContext } from '../platform/capability.ts';
import type { PlatformTables } from '../platform/db/schema.ts';
import { RelaisError } from '../platform/errors.ts';
import { needsTies, runAnalysis, type AnalysisRequest } from './analysis.ts';
import type { Progress } from './seeding.ts';
import { loadSpreadWorld } from './store.ts';
import type { SpreadRunTable, SpreadTables } from './tables.ts';

export const RUN_JOB = 'spread.run';
const sdb = (db: Kysely<PlatformTables>) => db.withTables<SpreadTables>();

export interface Run {
  id: number;
  kind: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  params: AnalysisRequest;
  progress: Progress | null;
  result: unknown;
  error: string | null;
  createdAt: number;
  finishedAt: number | null;
}

function present(row: Pick<SpreadRunTable, 'kind' | 'params' | 'status' | 'progress' | 'result' | 'error' | 'finished_at'> & { id: number; created_at: number }): Run {
  return {
    id: Number(row.id), kind: row.kind, status: row.status as Run['status'], params: JSON.parse(row.params) as AnalysisRequest,
    progress: row.progress ? (JSON.parse(row.progress) as Progress) : null, result: row.result ? JSON.parse(row.result) : null,
    error: row.error, createdAt: Number(row.created_at), finishedAt: row.finished_at === null ? null : Number(row.finished_at),
  };
}

/** Stores a new run, queued. */
export async function createRun(db: Kysely<PlatformTables>, workspaceId: number, request: AnalysisRequest, userId: number | null, now: number): Promise<Run> {
  const row = await sdb(db).insertInto('spread_runs')
    .values({ workspace_id: workspaceId, kind: request.kind, params: JSON.stringify(request), status: 'queued', progress: null, result: null, error: null, created_by: userId, created_at: now, finished_at: null })
    .returningAll().executeTakeFirstOrThrow();
  return present(row);
}

export async function findRun(db: Kysely<PlatformTables>, workspaceId: number, id: number): Promise<Run> {
  const row = await sdb(db).selectFrom('spread_runs').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new RelaisError('RELAIS_NOT_FOUND', `No analysis ${id} in this workspace.`, { field: 'id' });
  return present(row);
}

/** The latest runs, newest first, without their (possibly large) results. */
export async function listRuns(db: Kysely<PlatformTables>, workspaceId: number, limit = 20): Promise<Run[]> {
  const rows = await sdb(db).selectFrom('spread_runs').select(['id', 'kind', 'params', 'status', 'progress', 'error', 'created_at', 'finished_at'])
    .where('workspace_id', '=', workspaceId).orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => present({ ...r, result: null }));
}

/** Marks a queued or running run cancelled; a finished one is left as it is. */
export async function cancelRun(db: Kysely<PlatformTables>, workspaceId: number, id: number, now: number): Promise<Run> {
  await findRun(db, workspaceId, id);
  await sdb(db).updateTable('spread_runs').set({ status: 'cancelled', finished_at: now }).where('id', '=', id).where('status', 'in', ['queued', 'running']).execute();
  return findRun(db, workspaceId, id);
}

/** Aborts the runs this process is computing, by id. */
export type RunControllers = Map<number, AbortController>;

/** Defines the job that computes runs. */
export function defineRunJob(ctx: CapabilityContext, controllers: RunControllers): void {
  ctx.jobs.define<{ runId: number }>(RUN_JOB, async ({ data, signal }) => {
    const db = sdb(ctx.db);
    const row = await db.selectFrom('spread_runs').selectAll().where('id', '=', data.runId).executeTakeFirst();
    if (!row || row.status !== 'queued') return;
    const workspaceId = Number(row.workspace_id);
    const id = data.runId;
    await db.updateTable('spread_runs').set({ status: 'running' }).where('id', '=', id).execute();
    const controller = new AbortController();
    const onStop = (): void => controller.abort(signal.reason);
    signal.addEventListener('abort', onStop, { once: true });
    controllers.set(id, controller);
    let lastEvent = 0, lastCheck = Date.now();
    const onProgress = (progress: Progress): void => {
      const t = Date.now();
      if (t - lastEvent >= 250) {
        lastEvent = t;
        ctx.events.publish(workspaceId, { type: 'spread.progress', runId: id, ...progress });
      }
      if (t - lastCheck >= 1000) {
        lastCheck = t;
        void db.updateTable('spread_runs').set({ progress: JSON.stringify(progress) }).where('id', '=', id).where('status', '=', 'running').executeTakeFirst()
          .then((r) => { if (Number(r.numUpdatedRows) === 0) controller.abort(new Error('cancelled')); })
          .catch(() => {});
      }
    };
    const finish = async (set: { status: string; result?: string; error?: string }): Promise<void> => {
      await db.updateTable('spread_runs').set({ ...set, finished_at: ctx.now() }).where('id', '=', id).where('status', '=', 'running').execute();
      ctx.events.publish(workspaceId, { type: 'spread.run', runId: id, status: set.status });
    };
    try {
      const request = JSON.parse(row.params) as AnalysisRequest;
      const world = await loadSpreadWorld(ctx.db, workspaceId, { ties: needsTies(request), now: ctx.now() });
      const result = await runAnalysis(world, request, { signal: controller.signal, onProgress });
      await finish({ status: 'done', result: JSON.stringify(result) });
    } catch (error) {
      if (controller.signal.aborted && !signal.aborted) {
        ctx.events.publish(workspaceId, { type: 'spread.run', runId: id, status: 'cancelled' });
        return;
      }
      const stopped = signal.aborted;
      const message = error instanceof RelaisError ? error.toLine() : stopped ? 'The analysis was stopped: the worker shut down or its hour ran out.' : 'Internal error. It has been logged.';
      if (!(error instanceof RelaisError) && !stopped) ctx.log.error({ err: error, runId: id }, 'spread analysis failed');
      await finish({ status: 'failed', error: message });
    } finally {
      controllers.delete(id);
      signal.removeEventListener('abort', onStop);
    }
  }, { retryLimit: 0, timeoutMs: 60 * 60_000 });
}

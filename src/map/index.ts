// Map: who is connected to whom. Ties come from Listen's mentions as they arrive
// (interactions.ts, called by the ingest pipeline), from follows and from imports (import.ts);
// tie-strength.ts, influence.ts, communities.ts and help.ts are the pure core over the kernel in
// src/graph/; analysis.ts runs them in a job and stores the results that routes.ts and
// commands.ts read.
import type { Capability } from '../platform/capability.ts';
import { countInWorkspace } from '../platform/db/count.ts';
import type { ListenTables } from '../listen/tables.ts';
import { analyseWorkspace, type AnalysisStep } from './analysis.ts';
import { mapCommands } from './commands.ts';
import { backfillInteractions } from './interactions.ts';
import { mapMigrations } from './migrations.ts';
import { ANALYSE_JOB, registerMapRoutes } from './routes.ts';
import type { MapTables } from './tables.ts';
import { forgetView } from './view.ts';

export type { MapTables } from './tables.ts';
export { loadTieStrengths, loadTies } from './tie-store.ts';
export { loadWorkspaceGraph, type WorkspaceGraph } from './graph-store.ts';
export { recordInteractions, backfillInteractions } from './interactions.ts';
export { computeTies, tieStrength, calibrate, DEFAULTS as TIE_STRENGTH_DEFAULTS, type Ties, type TieStrengthOptions } from './tie-strength.ts';
export { ANALYSE_JOB } from './routes.ts';

export const ANALYSE_DUE_JOB = 'map.analyse-due';
export const BACKFILL_JOB = 'map.backfill';
/** How long after start the backfill of mentions stored before Map waits. */
export const START_DELAY_MS = 15_000;

export const map: Capability = {
  name: 'map',
  status: 'preview',
  migrations: mapMigrations,
  register(ctx) {
    registerMapRoutes(ctx);
    // One analysis per workspace at a time (the job key); progress goes to the workspace's
    // live stream; a user's cancel request or the job's own abort stops it between steps.
    ctx.jobs.define<{ workspaceId: number }>(
      ANALYSE_JOB,
      async ({ data, signal }) => {
        const progress = (step: AnalysisStep, done: number, total: number) => ctx.events.publish(data.workspaceId, { type: 'map.analysis', status: 'running', step, done, total });
        try {
          const summary = await analyseWorkspace(ctx.db, data.workspaceId, { now: ctx.now(), signal, onProgress: progress });
          forgetView(data.workspaceId);
          ctx.events.publish(data.workspaceId, { type: 'map.analysis', status: 'done', version: summary.version });
        } catch (error) {
          const cancelled = (error as { details?: { reason?: string } }).details?.reason === 'cancelled';
          ctx.events.publish(data.workspaceId, { type: 'map.analysis', status: cancelled ? 'cancelled' : 'failed' });
          if (!cancelled) throw error;
        }
      },
      { timeoutMs: 60 * 60_000, retryLimit: 1 },
    );
    // Every minute: workspaces whose graph changed since their last analysis get a new one.
    ctx.jobs.define(ANALYSE_DUE_JOB, async () => {
      const db = ctx.db.withTables<MapTables>();
      const rows = await db
        .selectFrom('map_graph_state')
        .leftJoin('map_analysis', 'map_analysis.workspace_id', 'map_graph_state.workspace_id')
        .select('map_graph_state.workspace_id')
        .where((eb) => eb.or([
          eb('map_analysis.workspace_id', 'is', null),
          eb.and([eb('map_analysis.status', 'in', ['done', 'failed']), eb('map_analysis.version', '<', eb.ref('map_graph_state.version'))]),
          // A cancelled analysis waits for the graph to change again.
          eb.and([eb('map_analysis.status', '=', 'cancelled'), eb('map_graph_state.changed_at', '>', eb.ref('map_analysis.started_at'))]),
        ]))
        .execute();
      for (const row of rows) await ctx.jobs.enqueue(ANALYSE_JOB, { workspaceId: Number(row.workspace_id) }, { key: `analyse-${row.workspace_id}` });
    });
    ctx.jobs.define<{ workspaceId: number }>(
      BACKFILL_JOB,
      async ({ data, signal }) => {
        await backfillInteractions(ctx.db.withTables<ListenTables>(), data.workspaceId, {
          now: ctx.now(), signal,
          onProgress: (done, total) => ctx.events.publish(data.workspaceId, { type: 'map.backfill', done, total }),
        });
        await ctx.jobs.enqueue(ANALYSE_JOB, { workspaceId: data.workspaceId }, { key: `analyse-${data.workspaceId}` });
      },
      { timeoutMs: 60 * 60_000, retryLimit: 2 },
    );
  },
  async start(ctx) {
    await ctx.jobs.schedule(ANALYSE_DUE_JOB, '* * * * *');
    // Mentions stored before Map recorded interactions (the demo world's, an imported
    // workspace's) get their ties now: workspaces with mentions whose edges were never rebuilt.
    const db = ctx.db.withTables<ListenTables & MapTables>();
    const rows = await db
      .selectFrom('workspaces')
      .select('workspaces.id')
      .where((eb) => eb.exists(eb.selectFrom('mentions').select('mentions.id').whereRef('mentions.workspace_id', '=', 'workspaces.id')))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('map_graph_state').select('map_graph_state.workspace_id').whereRef('map_graph_state.workspace_id', '=', 'workspaces.id').where('map_graph_state.backfilled_at', 'is not', null))))
      .execute();
    // A little after start (the runner's clock): a process stopped at once — a quick restart, a
    // test — is not kept waiting by a backfill it has just begun.
    for (const row of rows) await ctx.jobs.enqueue(BACKFILL_JOB, { workspaceId: Number(row.id) }, { key: `map-backfill-${row.id}`, runAt: Date.now() + START_DELAY_MS });
  },
  commands: mapCommands,
  overview: async (db, workspaceId) => ({ edges: await countInWorkspace(db, 'edges', workspaceId) }),
  transfer: [
    { table: 'edges', hasId: false, key: ['source_id', 'target_id', 'kind'], refs: { source_id: 'accounts', target_id: 'accounts' } },
    { table: 'map_account_skills', hasId: false, key: ['account_id'], refs: { account_id: 'accounts' } },
    { table: 'map_settings', hasId: false, key: ['updated_at'] },
  ],
};

// What Map's reads stand on: the last analysis (run inline once if the workspace was never
// analysed), and the workspace's ties with their strengths, held in memory per process until
// the graph or the analysis changes — so that the network, account and "who can help" reads
// do not reload and recompute the graph on every request.
import type { Kysely } from 'kysely';
import type { ListenTables } from '../listen/tables.ts';
import type { PlatformTables } from '../platform/db/schema.ts';
import { analyseWorkspace, graphVersion, type AnalysisSummary } from './analysis.ts';
import type { MapTables } from './tables.ts';
import { asPlatform } from './interactions.ts';
import { loadSettings } from './settings.ts';
import { loadTies, type WorkspaceTies } from './tie-store.ts';

type Db = Kysely<PlatformTables & ListenTables & MapTables>;

export interface AnalysisState {
  status: 'none' | 'running' | 'done' | 'failed' | 'cancelled';
  /** The graph version of the stored results, and the graph's current one. */
  version: number;
  graphVersion: number;
  stale: boolean;
  startedAt: number | null;
  finishedAt: number | null;
  error: string | null;
  summary: AnalysisSummary | null;
}

export interface AccountInfo { id: number; handle: string; displayName: string | null; network: string; followers: number; affiliation: string | null }

/** A workspace's graph as the reads need it. */
export interface MapView {
  key: string;
  ties: WorkspaceTies;
  /** Per node (aligned with ties.ids): community (-1: none) and influence score. */
  community: Int32Array;
  influence: Float64Array;
  accounts: AccountInfo[];
  summary: AnalysisSummary;
}

export async function analysisState(platformDb: Kysely<PlatformTables>, workspaceId: number): Promise<AnalysisState> {
  const db = platformDb.withTables<MapTables>();
  const [row, current] = await Promise.all([
    db.selectFrom('map_analysis').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst(),
    graphVersion(platformDb, workspaceId),
  ]);
  if (!row) return { status: 'none', version: 0, graphVersion: current, stale: true, startedAt: null, finishedAt: null, error: null, summary: null };
  const summary = row.summary && row.summary !== '{}' ? (JSON.parse(row.summary) as AnalysisSummary) : null;
  const version = summary?.version ?? Number(row.version);
  return {
    status: row.status as AnalysisState['status'], version, graphVersion: current, stale: !summary || version < current,
    startedAt: Number(row.started_at), finishedAt: row.finished_at === null ? null : Number(row.finished_at), error: row.error, summary,
  };
}

const inline = new Map<number, Promise<AnalysisSummary>>();

/**
 * The stored analysis, computed now if there is none yet (one run per workspace at a time in
 * this process; later changes are picked up by the background job).
 */
export async function ensureAnalysis(platformDb: Kysely<PlatformTables>, workspaceId: number, now: number): Promise<AnalysisState> {
  const state = await analysisState(platformDb, workspaceId);
  if (state.summary) return state;
  let run = inline.get(workspaceId);
  if (!run) {
    run = analyseWorkspace(platformDb, workspaceId, { now }).finally(() => inline.delete(workspaceId));
    inline.set(workspaceId, run);
  }
  await run;
  return analysisState(platformDb, workspaceId);
}

const views = new Map<number, { key: string; view: Promise<MapView> }>();

/** The workspace's view, from the cache when neither the graph nor the analysis changed. */
export async function mapView(platformDb: Kysely<PlatformTables>, workspaceId: number, now: number): Promise<MapView> {
  const state = await ensureAnalysis(platformDb, workspaceId, now);
  const key = `${state.graphVersion}:${state.finishedAt}`;
  const cached = views.get(workspaceId);
  if (cached && cached.key === key) return cached.view;
  const view = buildView(platformDb.withTables<ListenTables & MapTables>(), workspaceId, now, key, state.summary!);
  views.set(workspaceId, { key, view });
  view.catch(() => { if (views.get(workspaceId)?.view === view) views.delete(workspaceId); });
  return view;
}

/** Forgets a workspace's cached view (after an import or a change of skills). */
export function forgetView(workspaceId: number): void {
  views.delete(workspaceId);
}

async function buildView(db: Db, workspaceId: number, now: number, key: string, summary: AnalysisSummary): Promise<MapView> {
  const ties = await loadTies(asPlatform(db), workspaceId, now, await loadSettings(asPlatform(db), workspaceId));
  const n = ties.graph.n;
  const community = new Int32Array(n).fill(-1), influence = new Float64Array(n);
  const scores = await db.selectFrom('map_account_scores').select(['account_id', 'community', 'influence']).where('workspace_id', '=', workspaceId).execute();
  for (const s of scores) {
    const u = ties.indexOf.get(Number(s.account_id));
    if (u === undefined) continue;
    community[u] = Number(s.community);
    influence[u] = Number(s.influence);
  }
  const accounts = new Array<AccountInfo>(n);
  const ids = ties.ids;
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await db.selectFrom('accounts').select(['id', 'handle', 'display_name', 'network', 'followers', 'affiliation']).where('id', 'in', ids.slice(i, i + 5000)).execute();
    for (const r of rows) accounts[ties.indexOf.get(Number(r.id))!] = { id: Number(r.id), handle: r.handle, displayName: r.display_name, network: r.network, followers: Number(r.followers), affiliation: r.affiliation };
  }
  return { key, ties, community, influence, accounts, summary };
}

// Tie strengths of a workspace, read from its stored edges: what Map's analyses and Spread's
// tie-strength diffusion model start from.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../platform/db/schema.ts';
import { loadWorkspaceEdges, type LoadGraphOptions, type WorkspaceGraph } from './graph-store.ts';
import { loadSettings } from './settings.ts';
import { alignWithArcs, computeTies, type EdgeRecord, type Ties, type TieStrengthOptions } from './tie-strength.ts';

export interface WorkspaceTies extends WorkspaceGraph {
  records: EdgeRecord[];
  ties: Ties;
}

/** The workspace's graph (every tie kind) with each tie's features and strength. */
export async function loadTies(db: Kysely<PlatformTables>, workspaceId: number, now: number, options: Partial<TieStrengthOptions> = {}, load: LoadGraphOptions = {}): Promise<WorkspaceTies> {
  const loaded = await loadWorkspaceEdges(db, workspaceId, load);
  return { ...loaded, ties: computeTies(loaded.graph, loaded.records, now, options) };
}

/**
 * For Spread: the workspace's directed graph (arc u → v: u follows or interacts with v, so v's
 * posts reach u) with each arc's tie strength in [0, 1] and strong flag, aligned with
 * graph.targets.
 */
export async function loadTieStrengths(db: Kysely<PlatformTables>, workspaceId: number, now: number, options?: Partial<TieStrengthOptions>): Promise<WorkspaceGraph & { strength: Float64Array; strong: Uint8Array }> {
  // The workspace's own settings (calibrated weights, half-life, Dunbar cap) unless given.
  const { graph, ids, indexOf, ties } = await loadTies(db, workspaceId, now, options ?? (await loadSettings(db, workspaceId)));
  return { graph, ids, indexOf, ...alignWithArcs(graph, ties) };
}

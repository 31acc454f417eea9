// A workspace's ties, read from the `edges` table into the kernel's CSR graph. Every analysis
// (influence, communities, diffusion, true reach) starts here; node i is accounts.id ids[i].
import type { Kysely } from 'kysely';
import { buildGraph, type Graph } from '../graph/index.ts';
import type { ListenTables } from '../listen/tables.ts';
import type { PlatformTables } from '../platform/db/schema.ts';
import type { MapTables } from './tables.ts';
import type { EdgeRecord } from './tie-strength.ts';

export interface WorkspaceGraph {
  /** Directed: an arc u → v per (source, target) pair, weights summed over the kinds kept. */
  graph: Graph;
  /** accounts.id of each node index. */
  ids: number[];
  indexOf: Map<number, number>;
}

export interface LoadGraphOptions {
  /** Edge kinds to keep ('follows', 'reply', 'mention', 'reshare', 'quote'); all when absent. */
  kinds?: readonly string[];
  /** Add every account of the workspace as a node, isolated ones included (default false). */
  allAccounts?: boolean;
}

/** Loads the workspace's ties as one directed, weighted, deduplicated graph. */
export async function loadWorkspaceGraph(platformDb: Kysely<PlatformTables>, workspaceId: number, options: LoadGraphOptions = {}): Promise<WorkspaceGraph> {
  const { records: _, ...graph } = await loadWorkspaceEdges(platformDb, workspaceId, options);
  return graph;
}

/** The graph and the stored edges behind it (one record per row: a kind of tie, one way). */
export async function loadWorkspaceEdges(platformDb: Kysely<PlatformTables>, workspaceId: number, options: LoadGraphOptions = {}): Promise<WorkspaceGraph & { records: EdgeRecord[] }> {
  const db = platformDb.withTables<ListenTables & MapTables>();
  const ids: number[] = [];
  const indexOf = new Map<number, number>();
  const index = (id: number): number => {
    let i = indexOf.get(id);
    if (i === undefined) { i = ids.length; indexOf.set(id, i); ids.push(id); }
    return i;
  };
  if (options.allAccounts) {
    const accounts = await db.selectFrom('accounts').select('id').where('workspace_id', '=', workspaceId).orderBy('id').execute();
    for (const a of accounts) index(Number(a.id));
  }
  let query = db.selectFrom('edges').select(['source_id', 'target_id', 'weight', 'kind', 'count', 'last_at']).where('workspace_id', '=', workspaceId);
  if (options.kinds) {
    if (options.kinds.length === 0) return { graph: buildGraph({ n: ids.length, sources: [], targets: [], directed: true }), ids, indexOf, records: [] };
    query = query.where('kind', 'in', [...options.kinds]);
  }
  const rows = await query.execute();
  const sources = new Int32Array(rows.length), targets = new Int32Array(rows.length), weights = new Float64Array(rows.length);
  const records: EdgeRecord[] = new Array(rows.length);
  rows.forEach((row, e) => {
    const u = (sources[e] = index(Number(row.source_id)));
    const v = (targets[e] = index(Number(row.target_id)));
    weights[e] = Number(row.weight);
    records[e] = { u, v, kind: row.kind, count: Number(row.count), lastAt: Number(row.last_at) };
  });
  const graph = buildGraph({ n: ids.length, sources, targets, weights, directed: true }, { dedupe: true, merge: 'sum', dropSelfLoops: true });
  return { graph, ids, indexOf, records };
}

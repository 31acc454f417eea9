// Loads a workspace's SpreadWorld: its 'follows' ties (Map's `edges` table) as a CSR graph,
// every account of the workspace as a node (isolated ones too, so that pools are complete), who
// writes a blog (Listen's mentions), and the strength of each tie. Until Map's tie strength
// lands, a reciprocal follow is a strong tie (world.ts, `reciprocalTies`).
import type { Kysely } from 'kysely';
import { buildGraph } from '../graph/index.ts';
import type { ListenTables } from '../listen/index.ts';
import type { MapTables } from '../map/index.ts';
import type { PlatformTables } from '../platform/db/schema.ts';
import { reciprocalTies, type SpreadAccount, type SpreadWorld } from './world.ts';

/** The world of a workspace, read in three queries. */
export async function loadSpreadWorld(platformDb: Kysely<PlatformTables>, workspaceId: number): Promise<SpreadWorld> {
  const db = platformDb.withTables<ListenTables & MapTables>();
  const [rows, edges, blogRows] = await Promise.all([
    db.selectFrom('accounts').select(['id', 'handle', 'network', 'display_name', 'followers', 'kind', 'affiliation']).where('workspace_id', '=', workspaceId).orderBy('id').execute(),
    db.selectFrom('edges').select(['source_id', 'target_id']).where('workspace_id', '=', workspaceId).where('kind', '=', 'follows').execute(),
    db.selectFrom('mentions').select('author_id').distinct().where('workspace_id', '=', workspaceId).where('source_type', '=', 'blog').where('author_id', 'is not', null).execute(),
  ]);
  const bloggers = new Set(blogRows.map((r) => Number(r.author_id)));
  const indexOf = new Map<number, number>();
  const accounts: SpreadAccount[] = rows.map((r, i) => {
    indexOf.set(Number(r.id), i);
    return {
      id: Number(r.id), handle: r.handle, network: r.network, name: r.display_name, followers: Number(r.followers),
      kind: r.kind, affiliation: r.affiliation, blogger: bloggers.has(Number(r.id)),
    };
  });
  const sources = new Int32Array(edges.length), targets = new Int32Array(edges.length);
  let m = 0;
  for (const e of edges) {
    const u = indexOf.get(Number(e.source_id)), v = indexOf.get(Number(e.target_id));
    if (u === undefined || v === undefined) continue;
    sources[m] = u; targets[m] = v; m++;
  }
  const graph = buildGraph({ n: accounts.length, sources: sources.subarray(0, m), targets: targets.subarray(0, m), directed: true }, { dedupe: true, merge: 'first', dropSelfLoops: true });
  const ties = reciprocalTies(graph);
  return { graph, accounts, strength: ties.strength, strong: ties.strong, ties: 'reciprocal-follows' };
}

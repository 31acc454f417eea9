// Loads a workspace's SpreadWorld: its 'follows' ties (Map's `edges` table) as a CSR graph,
// every account of the workspace as a node (isolated ones too, so that pools are complete), who
// writes a blog (Listen's mentions), and the strength of each tie — Map's (frequency, recency,
// reciprocity, embeddedness, multiplexity; src/map/tie-strength.ts) when asked for, since it
// costs a pass over every tie; otherwise a reciprocal follow stands for a strong tie
// (world.ts, `reciprocalTies`), which is all that pools, reach and the other models need.
import type { Kysely } from 'kysely';
import { buildGraph } from '../graph/index.ts';
import type { ListenTables } from '../listen/index.ts';
import { loadTieStrengths, type MapTables } from '../map/index.ts';
import type { PlatformTables } from '../platform/db/schema.ts';
import { reciprocalTies, type SpreadAccount, type SpreadWorld } from './world.ts';

/** The world of a workspace; with `ties`, Map's tie strength at `now`. */
export async function loadSpreadWorld(platformDb: Kysely<PlatformTables>, workspaceId: number, options: { ties?: boolean; now?: number } = {}): Promise<SpreadWorld> {
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
  if (!options.ties) {
    const ties = reciprocalTies(graph);
    return { graph, accounts, strength: ties.strength, strong: ties.strong, ties: 'reciprocal-follows' };
  }
  // Map's graph holds every kind of tie (follows and interactions); a follow arc takes the
  // strength of the tie between its two accounts.
  const map = await loadTieStrengths(platformDb, workspaceId, options.now ?? Date.now());
  const strength = new Float64Array(graph.targets.length), strong = new Uint8Array(graph.targets.length);
  const mg = map.graph;
  for (let u = 0; u < graph.n; u++) {
    const mu = map.indexOf.get(accounts[u]!.id);
    for (let a = graph.offsets[u]!; a < graph.offsets[u + 1]!; a++) {
      const mv = map.indexOf.get(accounts[graph.targets[a]!]!.id);
      let found = -1;
      if (mu !== undefined && mv !== undefined) {
        let lo = mg.offsets[mu]!, hi = mg.offsets[mu + 1]!;
        while (lo < hi) { const mid = (lo + hi) >>> 1; if (mg.targets[mid]! < mv) lo = mid + 1; else hi = mid; }
        if (lo < mg.offsets[mu + 1]! && mg.targets[lo] === mv) found = lo;
      }
      strength[a] = found >= 0 ? map.strength[found]! : 0;
      strong[a] = found >= 0 ? map.strong[found]! : 0;
    }
  }
  return { graph, accounts, strength, strong, ties: 'map' };
}

// A small hand-made SpreadWorld whose answers can be worked out by hand.
import type { Kysely } from 'kysely';
import { buildGraph } from '../../src/graph/index.ts';
import type { ListenTables } from '../../src/listen/tables.ts';
import type { MapTables } from '../../src/map/tables.ts';
import type { PlatformTables } from '../../src/platform/db/schema.ts';
import { reciprocalTies, type SpreadAccount, type SpreadWorld } from '../../src/spread/world.ts';

/**
 * 0 brand (48,200 followers, most off the graph), 1–3 employees, 4–5 bloggers, 6–11 people.
 * Follows (u → v: u follows v): 0↔1 and 0↔2 (strong), 3 → 0 (weak); 6, 7, 8 → 1;
 * 7, 8, 9 → 2; 10 → 3; 9, 10, 11 → 4; 11 → 5.
 */
export function smallWorld(options: { arcs?: boolean } = {}): SpreadWorld {
  const names: Array<[string, string | null, boolean, number, string]> = [
    ['cimes', 'brand', false, 48_200, 'organisation'], ['e1', 'employee', false, 4, 'person'], ['e2', 'employee', false, 4, 'person'],
    ['e3', 'employee', false, 1, 'person'], ['b1', null, true, 3, 'person'], ['b2', null, true, 1, 'person'],
    ['f6', null, false, 0, 'person'], ['f7', null, false, 0, 'person'], ['f8', null, false, 0, 'person'], ['f9', null, false, 0, 'person'],
    ['f10', null, false, 0, 'person'], ['f11', null, false, 0, 'person'],
  ];
  const accounts: SpreadAccount[] = names.map(([handle, affiliation, blogger, followers, kind], i) => ({
    id: 100 + i, handle, network: 'mastodon', name: handle.toUpperCase(), followers, kind, affiliation, blogger,
  }));
  const arcs: Array<[number, number]> = options.arcs === false ? [] : [
    [0, 1], [1, 0], [0, 2], [2, 0], [3, 0], [6, 1], [7, 1], [8, 1], [7, 2], [8, 2], [9, 2], [10, 3], [9, 4], [10, 4], [11, 4], [11, 5],
  ];
  const graph = buildGraph({ n: accounts.length, sources: arcs.map((a) => a[0]), targets: arcs.map((a) => a[1]), directed: true }, { dedupe: true, dropSelfLoops: true });
  const ties = reciprocalTies(graph);
  return { graph, accounts, strength: ties.strength, strong: ties.strong, ties: 'reciprocal-follows' };
}

/** Stores smallWorld() in a workspace (accounts, follows, one blog post per blogger); returns the accounts' ids by node index. */
export async function insertSmallWorld(platformDb: Kysely<PlatformTables>, workspaceId: number, now: number): Promise<number[]> {
  const db = platformDb.withTables<ListenTables & MapTables>();
  const w = smallWorld();
  const ids: number[] = [];
  for (const a of w.accounts) {
    const row = await db.insertInto('accounts').values({
      workspace_id: workspaceId, network: a.network, handle: a.handle, display_name: a.name, profile_url: null, bio: null, location: null, country: null,
      followers: a.followers, following: 0, kind: a.kind, gender: null, gender_p: null, affiliation: a.affiliation, team: null, created_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    ids.push(Number(row.id));
  }
  const edges = [];
  for (let u = 0; u < w.graph.n; u++) for (let a = w.graph.offsets[u]!; a < w.graph.offsets[u + 1]!; a++) {
    edges.push({ workspace_id: workspaceId, source_id: ids[u]!, target_id: ids[w.graph.targets[a]!]!, kind: 'follows', count: 1, weight: 1, first_at: now, last_at: now });
  }
  await db.insertInto('edges').values(edges).execute();
  await db.insertInto('mentions').values(w.accounts.flatMap((a, i) => a.blogger ? [mention(workspaceId, ids[i]!, now - 1000, 'blog', [], `blog-${i}`)] : [])).execute();
  return ids;
}

/** A mention row with the columns Spread reads. */
export function mention(workspaceId: number, author: number, at: number, sourceType: string, hashtags: string[], networkId: string) {
  return {
    workspace_id: workspaceId, network: 'mastodon', network_id: networkId, canonical_url: null, source_type: sourceType, url: null, author_id: author,
    published_at: at, title: null, text: 'texte', lang: 'fr', links: '[]', hashtags: JSON.stringify(hashtags), mentioned: '[]', reply_to: null,
    quote_of: null, reshare_of: null, engagement: '{}', sentiment: null, sentiment_score: null, raw: '{}', ingested_at: at,
  };
}

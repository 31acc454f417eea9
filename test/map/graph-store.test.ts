import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadWorkspaceGraph } from '../../src/map/graph-store.ts';
import { ALL_MIGRATIONS } from '../../src/migrations.ts';
import { createWorkspace } from '../../src/platform/auth/store.ts';
import type { ListenTables } from '../../src/listen/tables.ts';
import type { MapTables } from '../../src/map/tables.ts';
import { eachDialect, openTestDatabase, type TestDatabase } from '../support/databases.ts';

const NOW = Date.UTC(2026, 10, 22);

eachDialect('Map graph store', (dialect) => {
  let database: TestDatabase;
  let workspaceId: number;
  const accountIds: number[] = [];
  before(async () => {
    database = await openTestDatabase(dialect, ALL_MIGRATIONS);
    workspaceId = (await createWorkspace(database.db, { slug: 'brand', name: 'Brand', now: NOW })).id;
    const db = database.db.withTables<ListenTables & MapTables>();
    for (const handle of ['ann', 'bob', 'cy', 'lonely']) {
      const row = await db.insertInto('accounts').values({
        workspace_id: workspaceId, network: 'mastodon', handle, display_name: null, profile_url: null, bio: null, location: null, country: null,
        followers: 0, following: 0, kind: 'person', gender: null, gender_p: null, affiliation: null, team: null, created_at: NOW,
      }).returning('id').executeTakeFirstOrThrow();
      accountIds.push(Number(row.id));
    }
    const [ann, bob, cy] = accountIds as [number, number, number];
    const edge = (source_id: number, target_id: number, kind: string, weight: number) =>
      ({ workspace_id: workspaceId, source_id, target_id, kind, count: 1, weight, first_at: NOW, last_at: NOW });
    await db.insertInto('edges').values([edge(ann, bob, 'follows', 1), edge(ann, bob, 'mention', 2), edge(bob, cy, 'reply', 1), edge(cy, cy, 'mention', 1)]).execute();
  });
  after(() => database.dispose());

  test('reads the ties as one directed graph, parallel kinds summed and self-loops dropped', async () => {
    const { graph, ids, indexOf } = await loadWorkspaceGraph(database.db, workspaceId);
    assert.equal(graph.directed, true);
    assert.equal(graph.n, 3);
    assert.equal(graph.m, 2);
    const [ann, bob] = accountIds as [number, number];
    const u = indexOf.get(ann)!, v = indexOf.get(bob)!;
    assert.equal(ids[u], ann);
    assert.deepEqual([...graph.targets.subarray(graph.offsets[u], graph.offsets[u + 1])], [v]);
    assert.equal(graph.weights![graph.offsets[u]!], 3);
  });

  test('keeps only the kinds asked for, and every account when asked', async () => {
    const follows = await loadWorkspaceGraph(database.db, workspaceId, { kinds: ['follows'], allAccounts: true });
    assert.equal(follows.graph.n, 4);
    assert.equal(follows.graph.m, 1);
    const none = await loadWorkspaceGraph(database.db, workspaceId, { kinds: [] });
    assert.equal(none.graph.n, 0);
  });
});

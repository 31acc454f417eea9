// Map: who is connected to whom. Its issue builds the graph kernel, tie strength, influence and
// "who can help me"; for now it holds the ties the demo world fills.
import type { Capability } from '../platform/capability.ts';
import { mapMigrations } from './migrations.ts';
import type { MapTables } from './tables.ts';

export type { MapTables } from './tables.ts';

export const map: Capability = {
  name: 'map',
  status: 'coming',
  migrations: mapMigrations,
  async overview(db, workspaceId) {
    const row = await db
      .withTables<MapTables>()
      .selectFrom('edges')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    return { edges: Number(row.n) };
  },
  transfer: [{ table: 'edges', hasId: false, key: ['source_id', 'target_id', 'kind'], refs: { source_id: 'accounts', target_id: 'accounts' } }],
};

// Map: who is connected to whom. Its issue builds the graph kernel, tie strength, influence and
// "who can help me"; for now it holds the ties the demo world fills.
import type { Capability } from '../platform/capability.ts';
import { countInWorkspace } from '../platform/db/count.ts';
import { mapMigrations } from './migrations.ts';

export type { MapTables } from './tables.ts';

export const map: Capability = {
  name: 'map',
  status: 'coming',
  migrations: mapMigrations,
  overview: async (db, workspaceId) => ({ edges: await countInWorkspace(db, 'edges', workspaceId) }),
  transfer: [{ table: 'edges', hasId: false, key: ['source_id', 'target_id', 'kind'], refs: { source_id: 'accounts', target_id: 'accounts' } }],
};

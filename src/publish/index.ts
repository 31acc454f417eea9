// Publish: saying it, at the right pace. Its issue builds channels, the scheduler, recycling and
// advocacy; for now it holds the brand's old articles the demo world fills.
import type { Capability } from '../platform/capability.ts';
import { countInWorkspace } from '../platform/db/count.ts';
import { publishMigrations } from './migrations.ts';

export type { PublishTables } from './tables.ts';

export const publish: Capability = {
  name: 'publish',
  status: 'coming',
  migrations: publishMigrations,
  overview: async (db, workspaceId) => ({ articles: await countInWorkspace(db, 'articles', workspaceId) }),
  transfer: [{ table: 'articles', hasId: true }],
};

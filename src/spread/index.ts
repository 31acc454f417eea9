// Spread: what will travel, and from whom. Diffusion (IC, LT) and influence maximisation (IMM)
// from the graph kernel (src/graph/diffusion/) over a workspace's follow graph, plans (strong
// ties first, the book to the bloggers), true reach, and campaigns whose predicted reach is put
// beside what Listen actually sees. routes.ts and commands.ts are its edges; analyses run as
// jobs (runs.ts).
import type { Capability } from '../platform/capability.ts';
import { countInWorkspace } from '../platform/db/count.ts';
import { spreadCommands } from './commands.ts';
import { spreadMigrations } from './migrations.ts';
import { registerSpreadRoutes } from './routes.ts';
import { defineRunJob, type RunControllers } from './runs.ts';

export type { SpreadTables } from './tables.ts';

export const spread: Capability = {
  name: 'spread',
  status: 'preview',
  migrations: spreadMigrations,
  register(ctx) {
    const controllers: RunControllers = new Map();
    defineRunJob(ctx, controllers);
    registerSpreadRoutes(ctx, controllers);
  },
  commands: spreadCommands,
  overview: async (db, workspaceId) => ({ campaigns: await countInWorkspace(db, 'spread_campaigns', workspaceId) }),
  // Campaigns name their seeds by network and handle, so they survive an export and import;
  // runs are derived data and stay behind.
  transfer: [{ table: 'spread_campaigns', hasId: true }],
};

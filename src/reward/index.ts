// Reward: challenges and points. Its issue builds the ledger, leaderboards and the draw; for now
// it holds the contest the demo world fills.
import type { Capability } from '../platform/capability.ts';
import { countInWorkspace } from '../platform/db/count.ts';
import { rewardMigrations } from './migrations.ts';

export type { RewardTables } from './tables.ts';

export const reward: Capability = {
  name: 'reward',
  status: 'coming',
  migrations: rewardMigrations,
  overview: async (db, workspaceId) => ({ challenges: await countInWorkspace(db, 'challenges', workspaceId) }),
  transfer: [{ table: 'challenges', hasId: true }],
};

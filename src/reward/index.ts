// Reward: challenges and points. Its issue builds the ledger, leaderboards and the draw; for now
// it holds the contest the demo world fills.
import type { Capability } from '../platform/capability.ts';
import { rewardMigrations } from './migrations.ts';
import type { RewardTables } from './tables.ts';

export type { RewardTables } from './tables.ts';

export const reward: Capability = {
  name: 'reward',
  status: 'coming',
  migrations: rewardMigrations,
  async overview(db, workspaceId) {
    const row = await db
      .withTables<RewardTables>()
      .selectFrom('challenges')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    return { challenges: Number(row.n) };
  },
  transfer: [{ table: 'challenges', hasId: true }],
};

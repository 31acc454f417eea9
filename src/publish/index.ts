// Publish: saying it, at the right pace. Its issue builds channels, the scheduler, recycling and
// advocacy; for now it holds the brand's old articles the demo world fills.
import type { Capability } from '../platform/capability.ts';
import { publishMigrations } from './migrations.ts';
import type { PublishTables } from './tables.ts';

export type { PublishTables } from './tables.ts';

export const publish: Capability = {
  name: 'publish',
  status: 'coming',
  migrations: publishMigrations,
  async overview(db, workspaceId) {
    const row = await db
      .withTables<PublishTables>()
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    return { articles: Number(row.n) };
  },
  transfer: [{ table: 'articles', hasId: true }],
};

// Listen: what is being said. Its issue builds sources, topics, analytics, alerts and the buzz
// report on these tables; for now it holds the accounts and mentions the demo world fills.
import type { Capability } from '../platform/capability.ts';
import { listenMigrations } from './migrations.ts';
import type { ListenTables } from './tables.ts';

export type { ListenTables } from './tables.ts';

export const listen: Capability = {
  name: 'listen',
  status: 'coming',
  migrations: listenMigrations,
  async overview(db, workspaceId) {
    const ldb = db.withTables<ListenTables>();
    const [accounts, mentions] = await Promise.all([
      ldb.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow(),
      ldb.selectFrom('mentions').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow(),
    ]);
    return { accounts: Number(accounts.n), mentions: Number(mentions.n) };
  },
  transfer: [
    { table: 'accounts', hasId: true },
    { table: 'mentions', hasId: true, refs: { author_id: 'accounts' } },
    { table: 'topics', hasId: true },
  ],
};

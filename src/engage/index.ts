// Engage: answering, together — the shared inbox filed from Listen's mentions, assignment rules
// and round-robin over the on-duty rota, first-response SLA, replies through Publish's channels.
import type { Capability } from '../platform/capability.ts';
import { countInWorkspace } from '../platform/db/count.ts';
import { fileMentions } from './file.ts';
import { engageMigrations } from './migrations.ts';
import { registerEngageRoutes } from './routes.ts';
import { inboxCommand, rotaCommand } from './commands.ts';

export type { EngageTables } from './tables.ts';
export const FILE_JOB = 'engage.file';

export const engage: Capability = {
  name: 'engage',
  status: 'preview',
  migrations: engageMigrations,
  register(ctx) {
    registerEngageRoutes(ctx);
    // Every minute, and at once when Listen says mentions arrived: file them. Idempotent (a cursor).
    ctx.jobs.define(FILE_JOB, async () => {
      const workspaces = await ctx.db.selectFrom('workspaces').select('id').execute();
      for (const w of workspaces) {
        const result = await fileMentions(ctx.db, Number(w.id), ctx.now());
        if (result.opened + result.threaded > 0) ctx.events.publish(Number(w.id), { type: 'inbox.filed', ...result });
      }
    });
  },
  async start(ctx) {
    await ctx.jobs.schedule(FILE_JOB, '* * * * *');
    // At start: what arrived while relais was down (or a demo world just loaded) is filed at once.
    await ctx.jobs.enqueue(FILE_JOB, {}, { key: 'engage-file-start' });
  },
  commands: [inboxCommand, rotaCommand],
  overview: async (db, workspaceId) => ({ conversations: await countInWorkspace(db, 'conversations', workspaceId) }),
  transfer: [
    { table: 'conversations', hasId: true, refs: { root_mention_id: 'mentions', author_id: 'accounts' }, clear: ['assignee_id'] },
    { table: 'conversation_mentions', hasId: false, key: ['mention_id'], refs: { conversation_id: 'conversations', mention_id: 'mentions' } },
    { table: 'engage_messages', hasId: true, refs: { conversation_id: 'conversations', post_id: 'posts' }, clear: ['user_id'] },
    { table: 'engage_events', hasId: true, refs: { conversation_id: 'conversations' }, clear: ['user_id'] },
    { table: 'saved_replies', hasId: true },
    { table: 'sla_targets', hasId: false, key: ['workspace_id', 'priority'] },
  ],
};

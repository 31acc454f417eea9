// Publish: saying it, at the right pace — channels (Mastodon, Bluesky, webhook), the durable
// scheduler, short links and evergreen recycling; advocacy comes with its issue.
import type { Capability } from '../platform/capability.ts';
import { countInWorkspace } from '../platform/db/count.ts';
import { publishMigrations } from './migrations.ts';
import { registerPublishRoutes } from './routes.ts';
import { registerSchedulerRoutes } from './scheduler-routes.ts';
import { registerAdvocacyRoutes } from './advocacy-routes.ts';
import { defineSchedulerJobs, DUE_JOB, RECYCLE_JOB } from './scheduler/jobs.ts';
import { channelCommand, postCommand, recycleCommand } from './commands.ts';

export type { PublishTables } from './tables.ts';

export const publish: Capability = {
  name: 'publish',
  status: 'preview',
  migrations: publishMigrations,
  register(ctx) {
    registerPublishRoutes(ctx);
    registerSchedulerRoutes(ctx);
    registerAdvocacyRoutes(ctx);
    defineSchedulerJobs(ctx);
  },
  async start(ctx) {
    // Every minute: whatever is due and has no job yet (posts due while relais was down, retries).
    await ctx.jobs.schedule(DUE_JOB, '* * * * *');
    await ctx.jobs.schedule(RECYCLE_JOB, '*/15 * * * *');
  },
  commands: [postCommand, channelCommand, recycleCommand],
  overview: async (db, workspaceId) => ({ articles: await countInWorkspace(db, 'articles', workspaceId) }),
  transfer: [
    { table: 'articles', hasId: true },
    { table: 'channels', hasId: true, clear: ['owner_id'] },
    { table: 'posts', hasId: true, refs: { article_id: 'articles' }, clear: ['author_id'] },
    { table: 'post_targets', hasId: true, refs: { post_id: 'posts', channel_id: 'channels' } },
    { table: 'post_attempts', hasId: true, refs: { target_id: 'post_targets' } },
    { table: 'short_links', hasId: true, refs: { post_id: 'posts', channel_id: 'channels' }, clear: ['advocate_id'] },
    { table: 'link_clicks', hasId: true, refs: { link_id: 'short_links' } },
    { table: 'recycle_rules', hasId: true },
    { table: 'advocacy_items', hasId: true, clear: ['created_by'] },
    { table: 'advocacy_policies', hasId: false, key: ['workspace_id'] },
    { table: 'post_reviews', hasId: true, refs: { post_id: 'posts' }, clear: ['user_id'] },
  ],
};

// Publish's routes for channels and scheduled posts: add and test channels, schedule, list (the
// calendar's range), cancel and retry posts, and every attempt of a post.
import { createRoute, z } from '@hono/zod-openapi';
import type { CapabilityContext } from '../platform/capability.ts';
import { RelaisError } from '../platform/errors.ts';
import { jsonBody, jsonResponse, WorkspaceParam } from '../platform/http/schemas.ts';
import { ChannelError } from './channels/channel.ts';
import { channelClient } from './channels/index.ts';
import { addChannel, findChannel, listChannels, setChannelStatus } from './channels/store.ts';
import { enqueueTargets } from './scheduler/jobs.ts';
import { attemptsOf, cancelPost, findPost, listPosts, reschedulePost, schedulePost } from './scheduler/posts.ts';
import { retryPost } from './scheduler/send.ts';
import { AttemptSchema, ChannelInputSchema, ChannelSchema, PostInputSchema, PostSchema } from './schemas.ts';
import type { PublishTables } from './tables.ts';

const IdParam = WorkspaceParam.extend({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) });

/** A channel's credentials checked with its network; a failure says what the network answered. */
export async function verifyChannel(row: { id: number; network: string; config: string; secrets: string }, now: () => number): Promise<string> {
  try {
    return (await channelClient(row, now).verify()).handle;
  } catch (error) {
    if (error instanceof ChannelError) {
      throw new RelaisError('RELAIS_REQUEST_INVALID', `The ${row.network} network refused the channel: ${error.message}`, { field: error.kind === 'auth-expired' ? 'secrets' : 'config' });
    }
    throw error;
  }
}

export function registerSchedulerRoutes(ctx: CapabilityContext): void {
  const { api } = ctx;
  const pdb = () => ctx.db.withTables<PublishTables>();

  api.route('viewer', createRoute({ method: 'get', path: '/api/v1/w/{workspace}/channels', tags: ['publish'], summary: 'Channels (credentials are never returned)', request: { params: WorkspaceParam }, responses: { 200: jsonResponse(z.object({ channels: z.array(ChannelSchema) }), 'Channels') } }),
    async (c) => c.json({ channels: await listChannels(ctx.db, c.get('workspace')!.id) }, 200));

  api.route('manager', createRoute({ method: 'post', path: '/api/v1/w/{workspace}/channels', tags: ['publish'], summary: 'Add a channel; its credentials are checked with the network first', request: { params: WorkspaceParam, body: jsonBody(ChannelInputSchema) }, responses: { 201: jsonResponse(ChannelSchema, 'The channel') } }),
    async (c) => {
      const { verify, ...input } = c.req.valid('json');
      const handle = verify ? await verifyChannel({ id: 0, network: input.network, config: JSON.stringify(input.config), secrets: JSON.stringify(input.secrets) }, ctx.now) : null;
      return c.json(await addChannel(ctx.db, c.get('workspace')!.id, input, ctx.now(), handle), 201);
    });

  api.route('manager', createRoute({ method: 'post', path: '/api/v1/w/{workspace}/channels/{id}/test', tags: ['publish'], summary: 'Check a channel\'s credentials now (reactivates it when they work)', request: { params: IdParam }, responses: { 200: jsonResponse(ChannelSchema, 'The channel, active') } }),
    async (c) => {
      const workspaceId = c.get('workspace')!.id;
      const row = await pdb().selectFrom('channels').select(['id', 'network', 'config', 'secrets']).where('workspace_id', '=', workspaceId).where('id', '=', c.req.valid('param').id).executeTakeFirst();
      if (!row) throw new RelaisError('RELAIS_NOT_FOUND', 'No such channel.', { field: 'id' });
      try {
        const handle = await verifyChannel({ ...row, id: Number(row.id) }, ctx.now);
        await pdb().updateTable('channels').set({ handle, status: 'active', status_reason: null }).where('id', '=', row.id).execute();
      } catch (error) {
        if (error instanceof RelaisError) await setChannelStatus(ctx.db, Number(row.id), 'auth-expired', error.message);
        throw error;
      }
      return c.json((await findChannel(ctx.db, workspaceId, Number(row.id)))!, 200);
    });

  api.route('viewer', createRoute({
    method: 'get', path: '/api/v1/w/{workspace}/posts', tags: ['publish'], summary: 'Posts due in a range (the calendar), or by status',
    request: { params: WorkspaceParam, query: z.object({ from: z.coerce.number().int().optional(), to: z.coerce.number().int().optional(), status: z.string().max(30).optional(), limit: z.coerce.number().int().min(1).max(2000).optional() }) },
    responses: { 200: jsonResponse(z.object({ posts: z.array(PostSchema) }), 'Posts by due time') },
  }), async (c) => c.json({ posts: await listPosts(ctx.db, c.get('workspace')!.id, c.req.valid('query')) }, 200));

  api.route('manager', createRoute({
    method: 'post', path: '/api/v1/w/{workspace}/posts', tags: ['publish'], summary: 'Schedule a post to one or more channels (or keep a draft); checked against each network\'s limits',
    request: { params: WorkspaceParam, body: jsonBody(PostInputSchema) }, responses: { 201: jsonResponse(PostSchema, 'The post and its targets') },
  }), async (c) => {
    const post = await schedulePost(ctx.db, c.get('workspace')!.id, { ...c.req.valid('json'), authorId: c.get('actor')?.user.id ?? null }, ctx.now());
    await enqueueTargets(ctx, post.targets, post.dueAt);
    return c.json(post, 201);
  });

  api.route('viewer', createRoute({ method: 'get', path: '/api/v1/w/{workspace}/posts/{id}', tags: ['publish'], summary: 'A post with every attempt of every channel', request: { params: IdParam }, responses: { 200: jsonResponse(PostSchema.extend({ attempts: z.array(AttemptSchema) }), 'The post and its history') } }),
    async (c) => {
      const workspaceId = c.get('workspace')!.id;
      const { id } = c.req.valid('param');
      const post = await findPost(ctx.db, workspaceId, id);
      if (!post) throw new RelaisError('RELAIS_NOT_FOUND', `No post ${id}.`, { field: 'id' });
      return c.json({ ...post, attempts: await attemptsOf(ctx.db, workspaceId, id) }, 200);
    });

  api.route('manager', createRoute({ method: 'post', path: '/api/v1/w/{workspace}/posts/{id}/cancel', tags: ['publish'], summary: 'Cancel what has not gone out yet', request: { params: IdParam }, responses: { 200: jsonResponse(PostSchema, 'The post') } }),
    async (c) => c.json(await cancelPost(ctx.db, c.get('workspace')!.id, c.req.valid('param').id, ctx.now()), 200));

  api.route('manager', createRoute({
    method: 'post', path: '/api/v1/w/{workspace}/posts/{id}/reschedule', tags: ['publish'], summary: 'Move a scheduled post (or schedule a draft) to another time',
    request: { params: IdParam, body: jsonBody(z.object({ dueAt: z.number().int() })) }, responses: { 200: jsonResponse(PostSchema, 'The post') },
  }), async (c) => {
    const post = await reschedulePost(ctx.db, c.get('workspace')!.id, c.req.valid('param').id, c.req.valid('json').dueAt, ctx.now());
    await enqueueTargets(ctx, post.targets, post.dueAt);
    return c.json(post, 200);
  });

  api.route('manager', createRoute({ method: 'post', path: '/api/v1/w/{workspace}/posts/{id}/retry', tags: ['publish'], summary: 'Send the failed or missed channels of a post again, now', request: { params: IdParam }, responses: { 200: jsonResponse(PostSchema, 'The post') } }),
    async (c) => {
      const workspaceId = c.get('workspace')!.id;
      const { id } = c.req.valid('param');
      if ((await retryPost(ctx.db, workspaceId, id, ctx.now())) === 0) throw new RelaisError('RELAIS_CONFLICT', `Post ${id} has nothing failed or missed to retry.`, { field: 'id' });
      const post = (await findPost(ctx.db, workspaceId, id))!;
      await enqueueTargets(ctx, post.targets.filter((t) => t.status === 'pending'), ctx.now());
      return c.json(post, 200);
    });
}

// Advocacy over HTTP: the content library, brand-safety policy, members' own channels and
// templates, sharing (held for review), and the approval queue with its decision log.
import { createRoute, z } from '@hono/zod-openapi';
import type { CapabilityContext } from '../platform/capability.ts';
import { jsonBody, jsonResponse, WorkspaceParam } from '../platform/http/schemas.ts';
import { addItem, approvalQueue, getPolicy, getTemplate, listItems, reviewPost, reviewsOf, setPolicy, setTemplate, submitShare } from './advocacy/store.ts';
import { addChannel } from './channels/store.ts';
import { enqueueTargets } from './scheduler/jobs.ts';
import { verifyChannel } from './scheduler-routes.ts';
import { ChannelInputSchema, ChannelSchema, PostSchema } from './schemas.ts';

const ItemSchema = z.object({ id: z.number().int(), title: z.string(), text: z.string(), linkUrl: z.string().nullable(), createdAt: z.number().int() }).openapi('AdvocacyItem');
const PolicySchema = z.object({
  banned: z.array(z.string().min(1).max(200)).max(500),
  allowedDomains: z.array(z.string().min(1).max(253)).max(200),
  disclosure: z.string().max(100).nullable(),
  disclosureFor: z.array(z.string().max(30)).openapi({ description: 'Affiliations that must disclose: employee, ambassador' }),
}).openapi('BrandSafetyPolicy');
const TemplateSchema = z.object({ affiliation: z.enum(['employee', 'ambassador']), signature: z.string().max(200).nullable(), hashtag: z.string().max(100).nullable() }).openapi('MemberTemplate');
const ProblemSchema = z.object({ code: z.string(), message: z.string(), position: z.number().int().nullable() }).openapi('SafetyProblem');
const ReviewSchema = z.object({ decision: z.string(), comment: z.string().nullable(), at: z.number().int(), userId: z.number().int().nullable() }).openapi('PostReview');
const IdParam = WorkspaceParam.extend({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) });

export function registerAdvocacyRoutes(ctx: CapabilityContext): void {
  const { api } = ctx;
  const userId = (c: { get(key: 'actor'): { user: { id: number } } | undefined }) => c.get('actor')!.user.id;

  api.route('member', createRoute({ method: 'get', path: '/api/v1/w/{workspace}/advocacy/items', tags: ['publish'], summary: 'The library of approved content members may share', request: { params: WorkspaceParam }, responses: { 200: jsonResponse(z.object({ items: z.array(ItemSchema) }), 'Items') } }),
    async (c) => c.json({ items: await listItems(ctx.db, c.get('workspace')!.id) }, 200));
  api.route('manager', createRoute({ method: 'post', path: '/api/v1/w/{workspace}/advocacy/items', tags: ['publish'], summary: 'Add approved content to the library', request: { params: WorkspaceParam, body: jsonBody(z.object({ title: z.string().min(1).max(200), text: z.string().min(1).max(5000), linkUrl: z.string().url().max(4000).nullable().optional() })) }, responses: { 201: jsonResponse(ItemSchema, 'The item') } }),
    async (c) => c.json(await addItem(ctx.db, c.get('workspace')!.id, c.req.valid('json'), userId(c), ctx.now()), 201));

  api.route('member', createRoute({ method: 'get', path: '/api/v1/w/{workspace}/advocacy/policy', tags: ['publish'], summary: 'The brand-safety policy shares are checked against', request: { params: WorkspaceParam }, responses: { 200: jsonResponse(PolicySchema, 'Policy') } }),
    async (c) => c.json(await getPolicy(ctx.db, c.get('workspace')!.id), 200));
  api.route('strategist', createRoute({ method: 'put', path: '/api/v1/w/{workspace}/advocacy/policy', tags: ['publish'], summary: 'Set the banned words and claims, allowed link domains and required disclosure', request: { params: WorkspaceParam, body: jsonBody(PolicySchema) }, responses: { 200: jsonResponse(PolicySchema, 'Policy') } }),
    async (c) => c.json(await setPolicy(ctx.db, c.get('workspace')!.id, c.req.valid('json'), ctx.now()), 200));

  api.route('member', createRoute({ method: 'get', path: '/api/v1/w/{workspace}/advocacy/template', tags: ['publish'], summary: 'My branded template (signature, hashtag) and affiliation', request: { params: WorkspaceParam }, responses: { 200: jsonResponse(TemplateSchema, 'Template') } }),
    async (c) => c.json(await getTemplate(ctx.db, c.get('workspace')!.id, userId(c)) as z.infer<typeof TemplateSchema>, 200));
  api.route('member', createRoute({ method: 'put', path: '/api/v1/w/{workspace}/advocacy/template', tags: ['publish'], summary: 'Set my branded template', request: { params: WorkspaceParam, body: jsonBody(TemplateSchema) }, responses: { 200: jsonResponse(TemplateSchema, 'Template') } }),
    async (c) => c.json(await setTemplate(ctx.db, c.get('workspace')!.id, userId(c), c.req.valid('json')) as z.infer<typeof TemplateSchema>, 200));

  api.route('member', createRoute({ method: 'post', path: '/api/v1/w/{workspace}/advocacy/channels', tags: ['publish'], summary: 'Connect my own account (credentials checked with the network)', request: { params: WorkspaceParam, body: jsonBody(ChannelInputSchema) }, responses: { 201: jsonResponse(ChannelSchema, 'My channel') } }),
    async (c) => {
      const { verify, ...input } = c.req.valid('json');
      const handle = verify ? await verifyChannel({ id: 0, network: input.network, config: JSON.stringify(input.config), secrets: JSON.stringify(input.secrets) }, ctx.now) : null;
      return c.json(await addChannel(ctx.db, c.get('workspace')!.id, { ...input, ownerId: userId(c) }, ctx.now(), handle), 201);
    });

  api.route('member', createRoute({
    method: 'post', path: '/api/v1/w/{workspace}/advocacy/share', tags: ['publish'], summary: 'Share library content (or my own text) on my accounts: held for a reviewer, with its brand-safety problems',
    request: { params: WorkspaceParam, body: jsonBody(z.object({ itemId: z.number().int().positive().nullable().optional(), text: z.string().max(5000).nullable().optional(), channelIds: z.array(z.number().int().positive()).min(1).max(10), dueAt: z.number().int() })) },
    responses: { 201: jsonResponse(z.object({ post: PostSchema, problems: z.array(ProblemSchema) }), 'The post, awaiting approval') },
  }), async (c) => c.json(await submitShare(ctx.db, c.get('workspace')!.id, userId(c), c.req.valid('json'), ctx.now()), 201));

  api.route('reviewer', createRoute({ method: 'get', path: '/api/v1/w/{workspace}/advocacy/queue', tags: ['publish'], summary: 'Members\' posts awaiting approval, with their brand-safety problems and decision log', request: { params: WorkspaceParam }, responses: { 200: jsonResponse(z.object({ queue: z.array(z.object({ post: PostSchema, problems: z.array(ProblemSchema), reviews: z.array(ReviewSchema), authorId: z.number().int().nullable() })) }), 'Queue') } }),
    async (c) => c.json({ queue: await approvalQueue(ctx.db, c.get('workspace')!.id) }, 200));

  api.route('reviewer', createRoute({
    method: 'post', path: '/api/v1/w/{workspace}/advocacy/posts/{id}/review', tags: ['publish'], summary: 'Approve (scheduled at its time), reject, or comment on a member\'s post; every decision is logged',
    request: { params: IdParam, body: jsonBody(z.object({ decision: z.enum(['approve', 'reject', 'comment']), comment: z.string().max(2000).nullable().optional() })) },
    responses: { 200: jsonResponse(z.object({ post: PostSchema, reviews: z.array(ReviewSchema) }), 'The post and its log') },
  }), async (c) => {
    const { decision, comment } = c.req.valid('json');
    const post = await reviewPost(ctx.db, c.get('workspace')!.id, userId(c), c.req.valid('param').id, decision, comment ?? null, ctx.now());
    if (decision === 'approve') await enqueueTargets(ctx, post.targets, post.dueAt);
    return c.json({ post, reviews: await reviewsOf(ctx.db, post.id) }, 200);
  });
}

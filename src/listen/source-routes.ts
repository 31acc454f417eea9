// Listen's sources over HTTP: list, add a feed or an OPML list, pause, resume, poll now.
import { createRoute, z } from '@hono/zod-openapi';
import type { CapabilityContext } from '../platform/capability.ts';
import { RelaisError } from '../platform/errors.ts';
import { ErrorSchema, jsonBody, jsonResponse, WorkspaceParam } from '../platform/http/schemas.ts';
import { addFeed, findSource, importOpml, listSources, pollSource, setSourceStatus } from './feeds.ts';
import type { Enricher } from './ingest.ts';
import { SOURCE_TYPES } from './model.ts';
import type { TopicIndex } from './topics.ts';

const SourceSchema = z
  .object({
    id: z.number(),
    kind: z.string(),
    name: z.string(),
    url: z.string(),
    options: z.object({ sourceType: z.enum(SOURCE_TYPES), intervalMs: z.number(), allowPrivate: z.boolean() }),
    status: z.enum(['active', 'paused']),
    pausedReason: z.string().nullable(),
    nextPollAt: z.number(),
    lastPolledAt: z.number().nullable(),
    consecutiveFailures: z.number(),
    lastError: z.string().nullable(),
  })
  .openapi('Source');
const FeedOptionsSchema = z.object({
  sourceType: z.enum(SOURCE_TYPES).optional(),
  intervalMs: z.number().int().min(60_000).max(7 * 24 * 3600_000).optional(),
  allowPrivate: z.boolean().optional().openapi({ description: 'Administrators only: allow a feed on a loopback or private address' }),
});
const SourceIdParam = WorkspaceParam.extend({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) });

export function registerSourceRoutes(ctx: CapabilityContext, deps: { topics: TopicIndex; enrich?: () => Promise<Enricher> }): void {
  const { api } = ctx;
  const checkPrivate = (allowPrivate: boolean | undefined, isAdmin: boolean) => {
    if (allowPrivate && !isAdmin) throw new RelaisError('RELAIS_FORBIDDEN', 'Only an administrator may allow feeds on private addresses.', { field: 'body.allowPrivate' });
  };

  api.route(
    'viewer',
    createRoute({ method: 'get', path: '/api/v1/w/{workspace}/sources', tags: ['listen'], summary: 'The sources Listen polls, with their state', request: { params: WorkspaceParam }, responses: { 200: jsonResponse(z.object({ sources: z.array(SourceSchema) }), 'Sources') } }),
    async (c) => c.json({ sources: await listSources(ctx.db, c.get('workspace')!.id) }, 200),
  );

  api.route(
    'manager',
    createRoute({
      method: 'post',
      path: '/api/v1/w/{workspace}/sources',
      tags: ['listen'],
      summary: 'Add a feed (RSS, Atom, JSON Feed); it is polled at once, then every interval',
      request: { params: WorkspaceParam, body: jsonBody(FeedOptionsSchema.extend({ url: z.string().min(1).max(4096), name: z.string().max(200).optional() })) },
      responses: { 201: jsonResponse(SourceSchema, 'Added'), 409: jsonResponse(ErrorSchema, 'Already a source') },
    }),
    async (c) => {
      const { url, name, ...options } = c.req.valid('json');
      checkPrivate(options.allowPrivate, c.get('actor')!.user.isAdmin);
      const source = await addFeed(ctx.db, c.get('workspace')!.id, { url, name, options }, ctx.now());
      await ctx.jobs.enqueue(POLL_JOB, { sourceId: source.id }, { key: `poll-${source.id}` });
      return c.json(source, 201);
    },
  );

  api.route(
    'manager',
    createRoute({
      method: 'post',
      path: '/api/v1/w/{workspace}/sources/opml',
      tags: ['listen'],
      summary: 'Add every feed of an OPML file',
      request: { params: WorkspaceParam, body: jsonBody(FeedOptionsSchema.extend({ opml: z.string().min(1).max(5_000_000) })) },
      responses: { 200: jsonResponse(z.object({ added: z.array(SourceSchema), skipped: z.array(z.object({ line: z.number().nullable(), url: z.string().nullable(), reason: z.string() })) }), 'What was added and what was not') },
    }),
    async (c) => {
      const { opml, ...options } = c.req.valid('json');
      checkPrivate(options.allowPrivate, c.get('actor')!.user.isAdmin);
      const result = await importOpml(ctx.db, c.get('workspace')!.id, opml, options, ctx.now());
      for (const source of result.added) await ctx.jobs.enqueue(POLL_JOB, { sourceId: source.id }, { key: `poll-${source.id}` });
      return c.json(result, 200);
    },
    { maxBodyBytes: 6 * 1024 * 1024 },
  );

  for (const [action, status] of [['pause', 'paused'], ['resume', 'active']] as const) {
    api.route(
      'manager',
      createRoute({ method: 'post', path: `/api/v1/w/{workspace}/sources/{id}/${action}`, tags: ['listen'], summary: `${action === 'pause' ? 'Pause' : 'Resume'} a source`, request: { params: SourceIdParam }, responses: { 200: jsonResponse(SourceSchema, 'The source'), 404: jsonResponse(ErrorSchema, 'No such source') } }),
      async (c) => c.json(await setSourceStatus(ctx.db, c.get('workspace')!.id, c.req.valid('param').id, status, status === 'paused' ? `paused by ${c.get('actor')!.user.email}` : null, ctx.now()), 200),
    );
  }

  api.route(
    'manager',
    createRoute({
      method: 'post',
      path: '/api/v1/w/{workspace}/sources/{id}/poll',
      tags: ['listen'],
      summary: 'Poll a source now and say what it gave',
      request: { params: SourceIdParam },
      responses: { 200: jsonResponse(z.object({ inserted: z.number(), duplicates: z.number(), problems: z.number(), failure: z.string().nullable(), paused: z.string().nullable() }), 'The poll') },
    }),
    async (c) => {
      const workspace = c.get('workspace')!;
      const source = await findSource(ctx.db, workspace.id, c.req.valid('param').id);
      const result = await pollSource({ db: ctx.db, topics: deps.topics, enrich: await deps.enrich?.(), now: ctx.now() }, source.id);
      if (result.inserted > 0) ctx.events.publish(workspace.id, { type: 'mentions.ingested', inserted: result.inserted });
      return c.json(result, 200);
    },
  );
}

export const POLL_JOB = 'listen.poll';
export const POLL_DUE_JOB = 'listen.poll-due';

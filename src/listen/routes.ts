// Listen's HTTP routes: topics (with live query validation), the mention stream, the ingest
// webhook and the ingest log.
import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { CapabilityContext } from '../platform/capability.ts';
import { fullTextMatch } from '../platform/db/full-text.ts';
import { ErrorSchema, jsonBody, jsonResponse, WorkspaceParam } from '../platform/http/schemas.ts';
import type { Enricher } from './ingest.ts';
import { receiveItems } from './receive.ts';
import { IngestBatchSchema, IngestResultSchema, MentionSchema, TopicInputSchema, TopicSchema } from './schemas.ts';
import type { ListenTables } from './tables.ts';
import { checkQuery, createTopic, deleteTopic, findTopic, listTopics, TopicIndex, updateTopic } from './topics.ts';
import { printQuery } from './query/index.ts';
import { SOURCE_TYPES } from './model.ts';

export const BACKFILL_JOB = 'listen.backfill';
const TopicIdParam = WorkspaceParam.extend({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) });
const BATCH_BODY_LIMIT = 64 * 1024 * 1024;

export function registerListenRoutes(ctx: CapabilityContext, deps: { topics: TopicIndex; enrich?: () => Promise<Enricher> }): void {
  const { api } = ctx;
  const ldb = () => ctx.db.withTables<ListenTables>();

  async function topicCounts(workspaceId: number): Promise<Map<number, number>> {
    const rows = await ldb().selectFrom('topic_mentions').select(['topic_id', (eb) => eb.fn.countAll<number>().as('n')]).where('workspace_id', '=', workspaceId).groupBy('topic_id').execute();
    return new Map(rows.map((r) => [r.topic_id, Number(r.n)]));
  }

  api.route(
    'viewer',
    createRoute({ method: 'get', path: '/api/v1/w/{workspace}/topics', tags: ['listen'], summary: 'Topics and how many mentions each matches', request: { params: WorkspaceParam }, responses: { 200: jsonResponse(z.object({ topics: z.array(TopicSchema) }), 'Topics') } }),
    async (c) => {
      const workspace = c.get('workspace')!;
      const [topics, counts] = await Promise.all([listTopics(ctx.db, workspace.id), topicCounts(workspace.id)]);
      return c.json({ topics: topics.map((t) => ({ ...t, mentions: counts.get(t.id) ?? 0 })) }, 200);
    },
  );

  api.route(
    'viewer',
    createRoute({
      method: 'post',
      path: '/api/v1/w/{workspace}/topics/validate',
      tags: ['listen'],
      summary: 'Check a topic query as it is typed: its canonical form, or the position of the fault',
      request: { params: WorkspaceParam, body: jsonBody(z.object({ query: z.string().max(10_000) })) },
      responses: { 200: jsonResponse(z.object({ valid: z.literal(true), canonical: z.string() }), 'Valid'), 400: jsonResponse(ErrorSchema, 'Invalid, with position, length and hint') },
    }),
    async (c) => c.json({ valid: true as const, canonical: printQuery(checkQuery(c.req.valid('json').query)) }, 200),
  );

  api.route(
    'manager',
    createRoute({ method: 'post', path: '/api/v1/w/{workspace}/topics', tags: ['listen'], summary: 'Create a topic; the mentions already stored are matched in the background', request: { params: WorkspaceParam, body: jsonBody(TopicInputSchema) }, responses: { 201: jsonResponse(TopicSchema, 'Created'), 400: jsonResponse(ErrorSchema, 'The query is invalid') } }),
    async (c) => {
      const workspace = c.get('workspace')!;
      const topic = await createTopic(ctx.db, workspace.id, c.req.valid('json'), ctx.now());
      deps.topics.invalidate(workspace.id);
      await ctx.jobs.enqueue(BACKFILL_JOB, { workspaceId: workspace.id }, { key: `backfill-${workspace.id}` });
      return c.json({ ...topic, mentions: 0 }, 201);
    },
  );

  api.route(
    'manager',
    createRoute({ method: 'patch', path: '/api/v1/w/{workspace}/topics/{id}', tags: ['listen'], summary: 'Rename a topic or change its query (the matches are recomputed)', request: { params: TopicIdParam, body: jsonBody(TopicInputSchema.partial()) }, responses: { 200: jsonResponse(TopicSchema, 'Updated'), 404: jsonResponse(ErrorSchema, 'No such topic') } }),
    async (c) => {
      const workspace = c.get('workspace')!;
      const topic = await updateTopic(ctx.db, workspace.id, c.req.valid('param').id, c.req.valid('json'));
      deps.topics.invalidate(workspace.id);
      if (topic.backfilledAt === null) await ctx.jobs.enqueue(BACKFILL_JOB, { workspaceId: workspace.id }, { key: `backfill-${workspace.id}` });
      return c.json({ ...topic, mentions: (await topicCounts(workspace.id)).get(topic.id) ?? 0 }, 200);
    },
  );

  api.route(
    'manager',
    createRoute({ method: 'delete', path: '/api/v1/w/{workspace}/topics/{id}', tags: ['listen'], summary: 'Delete a topic (the mentions stay)', request: { params: TopicIdParam }, responses: { 204: { description: 'Deleted' }, 404: jsonResponse(ErrorSchema, 'No such topic') } }),
    async (c) => {
      const workspace = c.get('workspace')!;
      await deleteTopic(ctx.db, workspace.id, c.req.valid('param').id);
      deps.topics.invalidate(workspace.id);
      return c.body(null, 204);
    },
  );

  api.route(
    'viewer',
    createRoute({
      method: 'get',
      path: '/api/v1/w/{workspace}/mentions',
      tags: ['listen'],
      summary: 'The mention stream, newest first, with filters and full-text search',
      description: 'Pages with `before` (the `next` cursor of the previous page).',
      request: {
        params: WorkspaceParam,
        query: z.object({
          topic: z.coerce.number().int().positive().optional(),
          q: z.string().max(500).optional(),
          source: z.enum(SOURCE_TYPES).optional(),
          from: z.coerce.number().int().optional(),
          to: z.coerce.number().int().optional(),
          before: z.string().regex(/^\d+:\d+$/).optional().openapi({ description: 'cursor: publishedAt:id' }),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
      responses: { 200: jsonResponse(z.object({ mentions: z.array(MentionSchema), next: z.string().nullable() }), 'A page of mentions') },
    }),
    async (c) => {
      const workspace = c.get('workspace')!;
      const query = c.req.valid('query');
      if (query.topic !== undefined) await findTopic(ctx.db, workspace.id, query.topic);
      let select = ldb()
        .selectFrom('mentions')
        .leftJoin('accounts', 'accounts.id', 'mentions.author_id')
        .select(['mentions.id', 'mentions.network', 'mentions.source_type', 'mentions.url', 'mentions.published_at', 'mentions.title', 'mentions.text', 'mentions.lang', 'mentions.sentiment', 'mentions.hashtags', 'accounts.id as author_id', 'accounts.handle', 'accounts.display_name', 'accounts.followers', 'accounts.country'])
        .where('mentions.workspace_id', '=', workspace.id);
      if (query.topic !== undefined) select = select.where('mentions.id', 'in', ldb().selectFrom('topic_mentions').select('mention_id').where('topic_id', '=', query.topic));
      if (query.q) select = select.where(fullTextMatch(ctx.dialect, 'mentions', query.q));
      if (query.source) select = select.where('mentions.source_type', '=', query.source);
      if (query.from !== undefined) select = select.where('mentions.published_at', '>=', query.from);
      if (query.to !== undefined) select = select.where('mentions.published_at', '<', query.to);
      if (query.before) {
        const [at, id] = query.before.split(':').map(Number) as [number, number];
        select = select.where(sql<boolean>`(mentions.published_at, mentions.id) < (${at}, ${id})`);
      }
      const rows = await select.orderBy('mentions.published_at', 'desc').orderBy('mentions.id', 'desc').limit(query.limit).execute();
      const last = rows[rows.length - 1];
      return c.json(
        {
          mentions: rows.map((r) => ({
            id: r.id,
            network: r.network,
            sourceType: r.source_type,
            url: r.url,
            publishedAt: r.published_at,
            title: r.title,
            text: r.text,
            lang: r.lang,
            sentiment: r.sentiment,
            hashtags: JSON.parse(r.hashtags) as string[],
            author: r.author_id === null ? null : { id: r.author_id, handle: r.handle!, displayName: r.display_name, followers: r.followers ?? 0, country: r.country },
          })),
          next: rows.length === query.limit && last ? `${last.published_at}:${last.id}` : null,
        },
        200,
      );
    },
  );

  const ingestRoute = (path: string, summary: string, tokenOnly: boolean) =>
    api.route(
      'manager',
      createRoute({ method: 'post', path, tags: ['listen'], summary, request: { ...(tokenOnly ? {} : { params: WorkspaceParam }), body: jsonBody(IngestBatchSchema) }, responses: { 200: jsonResponse(IngestResultSchema, 'What was stored, merged and rejected') } }),
      async (c) => {
        const workspace = c.get('workspace')!;
        const { mentions } = c.req.valid('json');
        const result = await receiveItems({ db: ctx.db, topics: deps.topics, enrich: await deps.enrich?.(), now: ctx.now() }, workspace.id, mentions.map((item, i) => ({ item, position: `item ${i}` })), 'webhook');
        if (result.inserted > 0) ctx.events.publish(workspace.id, { type: 'mentions.ingested', inserted: result.inserted, topicMatches: result.topicMatches });
        return c.json({ ...result, rejected: result.rejected.map(({ index, field, message }) => ({ index, field, message })) }, 200);
      },
      { maxBodyBytes: BATCH_BODY_LIMIT, tokenOnly },
    );
  ingestRoute('/api/v1/mentions', 'Webhook: push up to 10,000 mentions with a workspace API token', true);
  ingestRoute('/api/v1/w/{workspace}/mentions', 'Push up to 10,000 mentions into the workspace', false);

  api.route(
    'manager',
    createRoute({
      method: 'get',
      path: '/api/v1/w/{workspace}/ingest-log',
      tags: ['listen'],
      summary: 'Items that could not be ingested, newest first, with where they were',
      request: { params: WorkspaceParam, query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }) },
      responses: { 200: jsonResponse(z.object({ entries: z.array(z.object({ id: z.number(), source: z.string(), position: z.string().nullable(), message: z.string(), at: z.number() })) }), 'Entries') },
    }),
    async (c) => {
      const rows = await ldb().selectFrom('ingest_log').select(['id', 'source', 'position', 'message', 'at']).where('workspace_id', '=', c.get('workspace')!.id).orderBy('id', 'desc').limit(c.req.valid('query').limit).execute();
      return c.json({ entries: rows }, 200);
    },
  );
}

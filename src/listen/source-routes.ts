// Listen's sources over HTTP: list, add a feed, an OPML list, a Mastodon or Bluesky source, pause,
// resume, poll now; and files of mentions (CSV, NDJSON, tweets.js) previewed and imported.
import { createRoute, z } from '@hono/zod-openapi';
import type { CapabilityContext } from '../platform/capability.ts';
import { RelaisError } from '../platform/errors.ts';
import { ErrorSchema, jsonBody, jsonResponse, WorkspaceParam } from '../platform/http/schemas.ts';
import { addBluesky, addFeed, addMastodon, findSource, importOpml, listSources, pollSource, setSourceStatus, type SourceView } from './feeds.ts';
import { importFile, previewFile } from './file-import.ts';
import { CSV_FIELDS, DELIMITERS, FILE_FORMATS, type ReadFileOptions } from './sources/index.ts';
import type { Enricher } from './ingest.ts';
import { SOURCE_TYPES } from './model.ts';
import type { TopicIndex } from './topics.ts';

const SourceSchema = z
  .object({
    id: z.number(),
    kind: z.string(),
    name: z.string(),
    url: z.string(),
    options: z
      .object({
        sourceType: z.enum(SOURCE_TYPES),
        intervalMs: z.number(),
        allowPrivate: z.boolean(),
        instance: z.string().optional().openapi({ description: 'Mastodon: the instance' }),
        mode: z.enum(['tag', 'public', 'search', 'jetstream']).optional(),
        tag: z.string().nullable().optional(),
        query: z.string().nullable().optional(),
        local: z.boolean().optional(),
        stream: z.boolean().optional().openapi({ description: 'Mastodon: the streaming API is followed too' }),
        streamingUrl: z.string().nullable().optional(),
        service: z.string().optional().openapi({ description: 'Bluesky: the AppView searched' }),
        endpoint: z.string().optional().openapi({ description: 'Bluesky: the Jetstream server' }),
        keywords: z.array(z.string()).optional(),
        hasToken: z.boolean().optional().openapi({ description: 'Whether an access token is kept (never sent back)' }),
      })
      .openapi({ description: "The kind's options" }),
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
const TOKEN = z.string().max(4096).optional().openapi({ description: 'An access token, kept server-side and never sent back' });
const MastodonBody = FeedOptionsSchema.extend({
  instance: z.string().min(1).max(512).openapi({ example: 'https://mastodon.social' }),
  mode: z.enum(['tag', 'public', 'search']).optional().openapi({ description: 'Default: tag when a tag is given, search when a query is, else public' }),
  tag: z.string().max(200).optional(),
  query: z.string().max(500).optional(),
  local: z.boolean().optional(),
  stream: z.boolean().optional().openapi({ description: 'Also follow the streaming API (tag and public timelines)' }),
  streamingUrl: z.string().max(512).optional(),
  token: TOKEN,
  name: z.string().max(200).optional(),
});
const BlueskyBody = FeedOptionsSchema.extend({
  mode: z.enum(['search', 'jetstream']).optional().openapi({ description: 'Default: search when a query is given, else jetstream' }),
  query: z.string().max(500).optional(),
  keywords: z.array(z.string().min(1).max(200)).max(100).optional().openapi({ description: 'Jetstream: words or #hashtags a post must have' }),
  service: z.string().max(512).optional(),
  endpoint: z.string().max(512).optional(),
  token: TOKEN,
  name: z.string().max(200).optional(),
});
const FileQuery = z.object({
  name: z.string().min(1).max(500).openapi({ description: 'The file name (its extension helps tell the format)', example: 'mentions.csv' }),
  format: z.enum(FILE_FORMATS).optional(),
  encoding: z.string().max(40).optional(),
  delimiter: z.enum(['comma', 'semicolon', 'tab', 'pipe']).optional(),
  mapping: z.string().max(10_000).optional().openapi({ description: `JSON object field → column, fields: ${CSV_FIELDS.join(', ')}` }),
  network: z.string().max(64).optional(),
  sourceType: z.enum(SOURCE_TYPES).optional(),
  owner: z.string().max(200).optional().openapi({ description: "tweets.js: the archive owner's handle" }),
});
const DELIMITER_NAMES = { comma: ',', semicolon: ';', tab: '\t', pipe: '|' } as const satisfies Record<string, (typeof DELIMITERS)[number]>;
const MAX_FILE_BYTES = 100 * 1024 * 1024;
const FileBody = { content: { 'application/octet-stream': { schema: z.string().openapi({ type: 'string', format: 'binary' }) } }, required: true };

function fileOptions(query: z.infer<typeof FileQuery>): ReadFileOptions {
  let mapping: ReadFileOptions['mapping'];
  if (query.mapping) {
    try {
      mapping = JSON.parse(query.mapping) as ReadFileOptions['mapping'];
    } catch {
      throw new RelaisError('RELAIS_REQUEST_INVALID', 'mapping is not JSON (an object field → column).', { field: 'query.mapping' });
    }
    if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping)) throw new RelaisError('RELAIS_REQUEST_INVALID', 'mapping is an object field → column.', { field: 'query.mapping' });
  }
  return { format: query.format, encoding: query.encoding, delimiter: query.delimiter ? DELIMITER_NAMES[query.delimiter] : undefined, mapping, network: query.network, sourceType: query.sourceType, owner: query.owner };
}

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
      return c.json(await added(source), 201);
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

  const added = async (source: SourceView) => {
    await ctx.jobs.enqueue(POLL_JOB, { sourceId: source.id }, { key: `poll-${source.id}` });
    return source;
  };

  api.route(
    'manager',
    createRoute({
      method: 'post',
      path: '/api/v1/w/{workspace}/sources/mastodon',
      tags: ['listen'],
      summary: 'Follow a Mastodon hashtag, the public timeline or a search (REST, and the streaming API when asked)',
      request: { params: WorkspaceParam, body: jsonBody(MastodonBody) },
      responses: { 201: jsonResponse(SourceSchema, 'Added'), 409: jsonResponse(ErrorSchema, 'Already a source') },
    }),
    async (c) => {
      const { name, sourceType, intervalMs, allowPrivate, ...input } = c.req.valid('json');
      checkPrivate(allowPrivate, c.get('actor')!.user.isAdmin);
      const source = await addMastodon(ctx.db, c.get('workspace')!.id, { ...input, name, options: { sourceType, intervalMs, allowPrivate } }, ctx.now());
      return c.json(await added(source), 201);
    },
  );

  api.route(
    'manager',
    createRoute({
      method: 'post',
      path: '/api/v1/w/{workspace}/sources/bluesky',
      tags: ['listen'],
      summary: 'Follow Bluesky: a search (app.bsky.feed.searchPosts) or keywords on the Jetstream firehose',
      request: { params: WorkspaceParam, body: jsonBody(BlueskyBody) },
      responses: { 201: jsonResponse(SourceSchema, 'Added'), 409: jsonResponse(ErrorSchema, 'Already a source') },
    }),
    async (c) => {
      const { name, sourceType, intervalMs, allowPrivate, ...input } = c.req.valid('json');
      checkPrivate(allowPrivate, c.get('actor')!.user.isAdmin);
      const source = await addBluesky(ctx.db, c.get('workspace')!.id, { ...input, name, options: { sourceType, intervalMs, allowPrivate } }, ctx.now());
      return c.json(await added(source), 201);
    },
  );

  const readBody = async (c: { req: { arrayBuffer(): Promise<ArrayBuffer> } }) => {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) throw new RelaisError('RELAIS_REQUEST_INVALID', 'The file is empty.', { field: 'body' });
    return bytes;
  };

  api.route(
    'manager',
    createRoute({
      method: 'post',
      path: '/api/v1/w/{workspace}/ingest/preview',
      tags: ['listen'],
      summary: 'Read a file of mentions (CSV, NDJSON, tweets.js) without storing it: format, encoding, delimiter, columns and their guessed mapping, first rows',
      request: { params: WorkspaceParam, query: FileQuery, body: FileBody },
      responses: {
        200: jsonResponse(
          z.object({
            format: z.enum(FILE_FORMATS),
            encoding: z.string(),
            delimiter: z.string().nullable(),
            header: z.array(z.string()).nullable(),
            mapping: z.record(z.string(), z.string()).nullable(),
            unknownColumns: z.array(z.string()),
            notes: z.array(z.object({ position: z.string(), message: z.string() })),
            total: z.number(),
            errors: z.number(),
            sample: z.array(z.object({ position: z.string(), error: z.string().nullable(), item: z.unknown() })),
          }),
          'What the file holds',
        ),
      },
    }),
    async (c) => c.json(previewFile(await readBody(c), c.req.valid('query').name, fileOptions(c.req.valid('query'))) as never, 200),
    { maxBodyBytes: MAX_FILE_BYTES },
  );

  api.route(
    'manager',
    createRoute({
      method: 'post',
      path: '/api/v1/w/{workspace}/ingest/file',
      tags: ['listen'],
      summary: 'Import a file of mentions (CSV with column mapping, NDJSON, an X archive tweets.js); bad rows go to the ingest log with their line',
      request: { params: WorkspaceParam, query: FileQuery, body: FileBody },
      responses: {
        200: jsonResponse(
          z.object({
            format: z.enum(FILE_FORMATS),
            encoding: z.string(),
            delimiter: z.string().nullable(),
            received: z.number(),
            inserted: z.number(),
            duplicates: z.number(),
            rejected: z.array(z.object({ position: z.string(), field: z.string(), message: z.string() })),
            notes: z.array(z.object({ position: z.string(), message: z.string() })),
          }),
          'What went in and what did not',
        ),
      },
    }),
    async (c) => {
      const workspace = c.get('workspace')!;
      const query = c.req.valid('query');
      const result = await importFile({ db: ctx.db, topics: deps.topics, enrich: await deps.enrich?.(), now: ctx.now() }, workspace.id, await readBody(c), query.name, fileOptions(query));
      if (result.inserted > 0) ctx.events.publish(workspace.id, { type: 'mentions.ingested', inserted: result.inserted, topicMatches: result.topicMatches });
      const { format, encoding, delimiter, received, inserted, duplicates, notes } = result;
      return c.json({ format, encoding, delimiter, received, inserted, duplicates, notes, rejected: result.rejected.slice(0, 1000).map(({ position, field, message }) => ({ position, field, message })) }, 200);
    },
    { maxBodyBytes: MAX_FILE_BYTES },
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

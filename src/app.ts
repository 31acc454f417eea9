// The composition root: builds the HTTP application from the platform and the capabilities.
import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import { CAPABILITIES } from './capabilities.ts';
import { CAPABILITY_NAMES, type CapabilityContext } from './platform/capability.ts';
import { openDatabase, ping, type Database } from './platform/db/connect.ts';
import { EventBus } from './platform/events.ts';
import { RelaisError } from './platform/errors.ts';
import { RateLimiter } from './platform/auth/rate-limit.ts';
import { Api, toErrorResponse } from './platform/http/api.ts';
import { registerAuthRoutes } from './platform/http/auth-routes.ts';
import { registerWorkspaceRoutes } from './platform/http/workspace-routes.ts';
import { jsonResponse, WorkspaceParam } from './platform/http/schemas.ts';
import type { HttpServices } from './platform/http/context.ts';
import { docsPage } from './platform/http/docs-page.ts';
import { serveWebApp } from './platform/http/static.ts';
import { securityHeaders } from './platform/http/security-headers.ts';
import { createJobQueue, type JobQueue } from './platform/jobs/index.ts';
import { createLogger } from './platform/log.ts';
import { VERSION } from './version.ts';

export interface AppOptions {
  database: Database;
  log: Logger;
  jobs: JobQueue;
  demo: boolean;
  /** Folder of the built web app; omitted in API-only tests. */
  webDist?: string;
  now?: () => number;
  events?: EventBus;
  /** The address users reach relais at (RELAIS_PUBLIC_URL): short links and feeds are made absolute with it. */
  publicUrl?: string;
}

export interface RelaisApp {
  fetch: (request: Request, env?: unknown) => Response | Promise<Response>;
  api: Api;
  services: HttpServices;
  /** Runs each capability's start hook; call it once the job runner works. */
  start(): Promise<void>;
  /** Runs each capability's stop hook; call it before stopping the job runner. */
  stop(): Promise<void>;
  openApiDocument(): OpenApiDocument;
}

type OpenApiDocument = ReturnType<Api['app']['getOpenAPI31Document']>;

const HealthSchema = z.object({ status: z.enum(['ok', 'degraded']), version: z.string(), database: z.enum(['sqlite', 'postgres']) }).openapi('Health');
const OverviewSchema = z
  .object({
    workspace: z.object({ slug: z.string(), name: z.string() }),
    capabilities: z.array(z.object({ name: z.enum(CAPABILITY_NAMES), status: z.enum(['coming', 'preview', 'ready']) })),
    counts: z.record(z.string(), z.number()),
  })
  .openapi('Overview');

const OVERVIEW_TTL_MS = 10_000;

/** Declares every route of relais on `api`. */
function registerRoutes(api: Api, capabilityContext: CapabilityContext): void {
  const overviewCounts = new Map<number, { at: number; counts: Record<string, number> }>();
  api.route(
    'public',
    createRoute({ method: 'get', path: '/api/v1/health', tags: ['platform'], summary: 'Liveness: the version and whether the database answers', responses: { 200: jsonResponse(HealthSchema, 'Healthy'), 503: jsonResponse(HealthSchema, 'The database does not answer') } }),
    async (c) => {
      const { db, dialect, version } = c.get('services');
      const ok = await ping(db);
      return c.json({ status: ok ? ('ok' as const) : ('degraded' as const), version, database: dialect }, ok ? 200 : 503);
    },
  );
  api.route(
    'admin',
    createRoute({ method: 'get', path: '/api/v1/admin/jobs', tags: ['platform'], summary: 'The job runner: how many jobs are queued, active, completed, failed', responses: { 200: jsonResponse(z.object({ counts: z.record(z.string(), z.number()) }), 'Counts by state') } }),
    async (c) => c.json({ counts: await c.get('services').jobs.stats() }, 200),
  );
  registerAuthRoutes(api);
  registerWorkspaceRoutes(api);
  api.route(
    'viewer',
    createRoute({ method: 'get', path: '/api/v1/w/{workspace}/overview', tags: ['workspaces'], summary: "The workspace at a glance: each capability's state and counts", request: { params: WorkspaceParam }, responses: { 200: jsonResponse(OverviewSchema, 'Overview') } }),
    async (c) => {
      const { db, now } = c.get('services');
      const workspace = c.get('workspace')!;
      // Counting 300,000 mentions takes milliseconds; the page polls it: keep counts 10 s.
      let cached = overviewCounts.get(workspace.id);
      if (!cached || now() - cached.at > OVERVIEW_TTL_MS) {
        const counts: Record<string, number> = {};
        for (const capability of CAPABILITIES) Object.assign(counts, await capability.overview?.(db, workspace.id));
        overviewCounts.set(workspace.id, (cached = { at: now(), counts }));
      }
      const counts = cached.counts;
      return c.json({ workspace: { slug: workspace.slug, name: workspace.name }, capabilities: CAPABILITIES.map(({ name, status }) => ({ name, status })), counts }, 200);
    },
  );
  for (const capability of CAPABILITIES) capability.register?.(capabilityContext);
}

const DOCUMENT_INFO = {
  openapi: '3.1.0',
  info: { title: 'relais API', version: VERSION, description: 'Listen, Map, Spread, Publish, Engage, Reward. Errors are `{ "error": { "code", "message", "field"? } }` with stable codes.' },
};

/**
 * The OpenAPI 3.1 document of the whole API, generated from the routes' zod schemas: the real
 * app, built on an empty in-memory database that no handler ever touches.
 */
export async function createOpenApiDocument(): Promise<OpenApiDocument> {
  const database = await openDatabase('sqlite::memory:');
  try {
    return createApp({ database, log: createLogger('silent'), jobs: createJobQueue(database), demo: false }).openApiDocument();
  } finally {
    await database.close();
  }
}

export function createApp(options: AppOptions): RelaisApp {
  const { database, log } = options;
  const services: HttpServices = {
    db: database.db,
    dialect: database.dialect,
    events: options.events ?? new EventBus(),
    jobs: options.jobs,
    log,
    now: options.now ?? Date.now,
    loginLimiter: new RateLimiter({ limit: 10, windowMs: 15 * 60 * 1000 }),
    demo: options.demo,
    version: VERSION,
  };
  const api = new Api();
  const app = api.app;
  app.use('*', async (c, next) => {
    const requestId = c.req.header('x-request-id')?.slice(0, 64) || randomUUID();
    const started = performance.now();
    c.set('services', services);
    c.set('requestId', requestId);
    c.set('log', log.child({ reqId: requestId }));
    c.header('x-request-id', requestId);
    await next();
    if (c.req.path.startsWith('/api/')) {
      c.get('log').info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
    }
  });
  app.use('*', securityHeaders());
  app.onError((error, c) => toErrorResponse(error, c));
  const context = { api, db: database.db, dialect: database.dialect, events: services.events, jobs: options.jobs, log, now: services.now, publicUrl: options.publicUrl ?? 'http://localhost:4321' };
  registerRoutes(api, context);
  // The routes are all declared by now: the document is built once, on first request.
  let cached: OpenApiDocument | undefined;
  const document = () => (cached ??= app.getOpenAPI31Document(DOCUMENT_INFO));
  app.get('/api/openapi.json', (c) => c.json(document()));
  app.get('/api/docs', (c) => (c.req.header('accept')?.includes('text/html') ? c.html(docsPage(document())) : c.json(document())));
  app.all('/api/*', (c) => toErrorResponse(new RelaisError('RELAIS_NOT_FOUND', `No route ${c.req.method} ${c.req.path}.`), c));
  if (options.webDist) serveWebApp(app, options.webDist);
  const start = async () => {
    for (const capability of CAPABILITIES) await capability.start?.(context);
  };
  const stop = async () => {
    for (const capability of [...CAPABILITIES].reverse()) await capability.stop?.(context);
  };
  return { fetch: app.fetch, api, services, start, stop, openApiDocument: document };
}

// Starts relais: opens and migrates the database, creates the first administrator, loads the
// demo world into an empty database, starts the job runner and the HTTP server for the roles
// asked, and stops all of it gracefully.
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Logger } from 'pino';
import { createApp } from './app.ts';
import { ALL_MIGRATIONS } from './migrations.ts';
import { loadConfig, type Role } from './platform/config.ts';
import { openDatabase, type Database } from './platform/db/connect.ts';
import { migrate } from './platform/db/migrations.ts';
import { RelaisError } from './platform/errors.ts';
import { EventBus } from './platform/events.ts';
import { createLogger } from './platform/log.ts';
import { ensureFirstAdmin } from './platform/auth/first-admin.ts';
import { createJobQueue, type JobQueue } from './platform/jobs/index.ts';
import { loadDemoIfEmpty, type DemoOptions } from './demo-setup.ts';

export interface StartOptions {
  databaseUrl?: string;
  dataDir?: string;
  port?: number;
  host?: string;
  roles?: Role[];
  /** Load the demo world into an empty database (default: medium, seed 1). false: never. */
  demo?: DemoOptions | false;
  /** No logs (tests). */
  quiet?: boolean;
  /** Called with progress of long steps (demo loading), for the CLI's progress bar. */
  onProgress?: (done: number, total: number, label: string) => void;
  log?: Logger;
  env?: NodeJS.ProcessEnv;
}

export interface StartedRelais {
  /** Where the web app and API are served; null in a process without the web role. */
  url: string | null;
  port: number;
  database: Database;
  jobs: JobQueue;
  /** The first administrator's login when this start created it. */
  firstAdmin: { email: string; password: string } | null;
  demo: { loaded: boolean; seconds: number; users: Array<{ email: string; password: string; role: string }> };
  /** Seconds spent building the web app at this start (0 when it was built already). */
  webBuildSeconds: number;
  stop(): Promise<void>;
}

/** Builds the web app when it is missing; returns the seconds it took (0 when built). */
async function ensureWebBuilt(webDist: string, log: Logger): Promise<number> {
  if (fs.existsSync(path.join(webDist, 'index.html'))) return 0;
  log.info('building the web app (first start)…');
  const started = performance.now();
  const { buildWebApp } = await import('../scripts/build-web.ts');
  await buildWebApp({ outDir: webDist });
  return (performance.now() - started) / 1000;
}

function listen(server: ReturnType<typeof serve>, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new RelaisError('RELAIS_PORT_IN_USE', `Port ${port} on ${host} is already in use.`, { field: '--port', hint: 'stop the other program, or choose another port with --port or RELAIS_PORT' }));
      } else reject(error);
    });
    server.once('listening', () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startRelais(options: StartOptions = {}): Promise<StartedRelais> {
  const config = loadConfig(options.env ?? process.env, {
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    port: options.port === undefined ? undefined : String(options.port === 0 ? 0 : options.port),
    host: options.host,
    roles: options.roles?.join(','),
  });
  const log = options.log ?? createLogger(options.quiet ? 'silent' : config.logLevel);
  const roles = options.roles ?? config.roles;
  const database = await openDatabase(config.databaseUrl);
  let jobs: JobQueue | undefined;
  try {
    await migrate(database, ALL_MIGRATIONS);
    // The web app is built first: once the job runner starts, background work (the demo
    // world's backfill) shares this process's event loop and would slow the build tenfold.
    const webBuildSeconds = roles.includes('web') ? await ensureWebBuilt(config.webDist, log) : 0;
    const firstAdmin = await ensureFirstAdmin(database.db, Date.now());
    const demoOptions = options.demo === undefined ? { size: 'medium' as const, seed: 1 } : options.demo;
    const demo = demoOptions ? await loadDemoIfEmpty(database, demoOptions, options.onProgress) : { loaded: false, seconds: 0, users: [] };
    jobs = createJobQueue(database, { postgresUrl: config.databaseUrl.startsWith('postgres') ? config.databaseUrl : undefined, onError: (error, job) => log.error({ err: error, job: job?.name }, 'job failed') });
    const queue = jobs;
    await queue.start({ worker: roles.includes('worker'), scheduler: roles.includes('scheduler') });
    const events = new EventBus();
    // Every role builds the app: capabilities define their jobs there, which workers need.
    const app = createApp({ database, log, jobs: queue, demo: Boolean(demoOptions), webDist: config.webDist, events, publicUrl: config.publicUrl });
    await app.start();
    let server: ReturnType<typeof serve> | undefined;
    let port = config.port;
    if (roles.includes('web')) {
      server = serve({ fetch: app.fetch, port: options.port ?? config.port, hostname: config.host });
      port = await listen(server, options.port ?? config.port, config.host);
    }
    const url = server ? `http://${config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${port}` : null;
    log.info({ url, roles, database: database.label }, 'relais started');
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        // Stop accepting, end live streams, let requests in flight finish (10 s at most).
        if (server) {
          const closed = new Promise<void>((resolve) => server!.close(() => resolve()));
          events.closeAll();
          const httpServer = server as unknown as { closeIdleConnections(): void; closeAllConnections(): void };
          // Keep-alive connections become idle as their last response ends: close them as they
          // do rather than waiting for their keep-alive timeout.
          const sweep = setInterval(() => httpServer.closeIdleConnections(), 50);
          httpServer.closeIdleConnections();
          const deadline = setTimeout(() => httpServer.closeAllConnections(), 10_000);
          await closed;
          clearInterval(sweep);
          clearTimeout(deadline);
        }
        await app.stop();
        await queue.stop();
        await database.close();
        log.info('relais stopped');
      })());
    return { url, port, database, jobs: queue, firstAdmin, demo, webBuildSeconds, stop };
  } catch (error) {
    // A start that fails half-way (a port in use) leaves nothing running behind it.
    await jobs?.stop().catch(() => {});
    await database.close().catch(() => {});
    throw error;
  }
}

// What every request carries through Hono's context, and what every route handler may use.
import type { Logger } from 'pino';
import type { Kysely } from 'kysely';
import type { Dialect } from '../db/connect.ts';
import type { PlatformTables } from '../db/schema.ts';
import type { User } from '../auth/store.ts';
import type { WorkspaceRole } from '../auth/roles.ts';
import type { EventBus } from '../events.ts';
import type { RateLimiter } from '../auth/rate-limit.ts';
import type { JobQueue } from '../jobs/queue.ts';

export interface Actor {
  user: User;
  /** How the request proved who it is. */
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
  /** For API tokens: the only workspace the token may touch, and its role there. */
  token?: { id: number; workspaceId: number; role: WorkspaceRole };
}

export interface WorkspaceScope {
  id: number;
  slug: string;
  name: string;
  settings: string;
  /** The actor's role in this workspace. */
  role: WorkspaceRole;
}

/** Services the HTTP layer hands to routes; built once by app.ts. */
export interface HttpServices {
  db: Kysely<PlatformTables>;
  dialect: Dialect;
  events: EventBus;
  jobs: JobQueue;
  log: Logger;
  /** The clock, injected so tests can move time (session expiry, rate limits). */
  now(): number;
  loginLimiter: RateLimiter;
  demo: boolean;
  version: string;
}

export interface AppEnv {
  Variables: {
    services: HttpServices;
    log: Logger;
    requestId: string;
    actor: Actor | undefined;
    workspace: WorkspaceScope | undefined;
  };
}

// Authentication (session cookie or API token) and authorization (the route's declared access),
// as one middleware placed before validation: a refused request learns nothing about its body.
import { getCookie } from 'hono/cookie';
import type { MiddlewareHandler } from 'hono';
import { RelaisError } from '../errors.ts';
import { findApiToken, findSession, findWorkspace } from '../auth/store.ts';
import { isWorkspaceRole, roleAllows, type Access, type WorkspaceRole } from '../auth/roles.ts';
import type { Actor, AppEnv } from './context.ts';

export const SESSION_COOKIE = 'relais_session';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Finds who is calling, if anyone. Throws only for a session or token that was given but is bad. */
async function authenticate(c: Parameters<MiddlewareHandler<AppEnv>>[0]): Promise<Actor | undefined> {
  const { db, now } = c.get('services');
  const authorization = c.req.header('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const found = match ? await findApiToken(db, match[1]!) : undefined;
    if (!found) throw new RelaisError('RELAIS_TOKEN_INVALID', undefined, { field: 'header.authorization' });
    await db.updateTable('api_tokens').set({ last_used_at: now() }).where('id', '=', found.id).execute();
    return { user: found.user, via: 'token', token: { id: found.id, workspaceId: found.workspaceId, role: found.role } };
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  if (!cookie) return undefined;
  const session = await findSession(db, cookie, now());
  if (session.status === 'expired') throw new RelaisError('RELAIS_SESSION_EXPIRED');
  if (session.status === 'unknown') return undefined;
  return { user: session.user, via: 'session', sessionId: session.sessionId, csrfToken: session.csrfToken };
}

function checkCsrf(c: Parameters<MiddlewareHandler<AppEnv>>[0], actor: Actor): void {
  if (actor.via !== 'session' || !UNSAFE_METHODS.has(c.req.method)) return;
  if (c.req.header('x-csrf-token') !== actor.csrfToken) {
    throw new RelaisError('RELAIS_CSRF_INVALID', undefined, { field: 'header.x-csrf-token', hint: 'send the csrfToken of GET /api/v1/auth/session' });
  }
}

/** The role an actor holds in a workspace, or undefined when it holds none. */
async function roleIn(c: Parameters<MiddlewareHandler<AppEnv>>[0], actor: Actor, workspaceId: number): Promise<WorkspaceRole | undefined> {
  if (actor.token) return actor.token.workspaceId === workspaceId ? actor.token.role : undefined;
  if (actor.user.isAdmin) return 'strategist';
  const row = await c
    .get('services')
    .db.selectFrom('memberships')
    .select('role')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', actor.user.id)
    .executeTakeFirst();
  return row && isWorkspaceRole(row.role) ? row.role : undefined;
}

async function slugOf(c: Parameters<MiddlewareHandler<AppEnv>>[0], workspaceId: number): Promise<string | undefined> {
  const row = await c.get('services').db.selectFrom('workspaces').select('slug').where('id', '=', workspaceId).executeTakeFirst();
  return row?.slug;
}

/**
 * The middleware a route gets from its declared access. Workspace roles need a `{workspace}`
 * path parameter (the slug); a member of another workspace gets 404, not 403, so that slugs
 * of other brands do not leak.
 */
export function requireAccess(access: Access, options: { tokenOnly?: boolean } = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = await authenticate(c);
    c.set('actor', actor);
    if (access === 'public') return next();
    if (!actor) throw new RelaisError('RELAIS_AUTH_REQUIRED');
    if (options.tokenOnly && !actor.token) {
      throw new RelaisError('RELAIS_FORBIDDEN', 'This route takes an API token (Authorization: Bearer …), which names the workspace.', { field: 'header.authorization' });
    }
    checkCsrf(c, actor);
    if (access === 'user') return next();
    if (access === 'admin') {
      if (!actor.user.isAdmin) throw new RelaisError('RELAIS_FORBIDDEN', 'Only an administrator of this relais may do this.');
      return next();
    }
    // Routes for scripts (the ingest webhook) take the workspace from the API token instead.
    const slug = c.req.param('workspace') ?? (actor.token ? await slugOf(c, actor.token.workspaceId) : undefined);
    if (!slug) throw new RelaisError('RELAIS_FORBIDDEN', 'This route takes an API token (Authorization: Bearer …), which names the workspace.', { field: 'header.authorization' });
    const workspace = await findWorkspace(c.get('services').db, slug);
    const role = workspace ? await roleIn(c, actor, workspace.id) : undefined;
    if (!workspace || !role) throw new RelaisError('RELAIS_NOT_FOUND', `No workspace ${slug} that you belong to.`, { field: 'path.workspace' });
    if (!roleAllows(role, access)) {
      throw new RelaisError('RELAIS_FORBIDDEN', `This needs the ${access} role; yours in ${slug} is ${role}.`, { needed: access, role });
    }
    c.set('workspace', { ...workspace, role });
    return next();
  };
}

// Logging in and out, the current session, and the demo users shown on the login page.
import { createRoute, z } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { RelaisError } from '../errors.ts';
import { WORKSPACE_ROLES } from '../auth/roles.ts';
import { verifyPassword } from '../auth/password.ts';
import { closeSession, findUserByEmail, normaliseEmail, openSession, SESSION_TTL_MS, workspacesOf, type User } from '../auth/store.ts';
import { SESSION_COOKIE } from './access.ts';
import type { Api } from './api.ts';
import type { AppEnv } from './context.ts';
import { ErrorSchema, jsonBody, jsonResponse } from './schemas.ts';

export const SessionSchema = z
  .object({
    user: z.object({ id: z.number(), email: z.string(), name: z.string(), locale: z.string().nullable(), isAdmin: z.boolean() }),
    workspaces: z.array(z.object({ id: z.number(), slug: z.string(), name: z.string(), role: z.enum(WORKSPACE_ROLES) })),
    csrfToken: z.string(),
  })
  .openapi('Session');

const LoginSchema = z
  .object({
    email: z.string().min(3).max(320).openapi({ example: 'strategist@demo.relais' }),
    password: z.string().min(1).max(1024),
  })
  .openapi('Login');

const DemoUsersSchema = z
  .object({
    demo: z.boolean(),
    users: z.array(z.object({ email: z.string(), password: z.string(), role: z.enum(WORKSPACE_ROLES), name: z.string() })),
  })
  .openapi('DemoUsers');

/** The meta key under which the demo loader keeps the demo users' logins. */
export const DEMO_USERS_META_KEY = 'demo_users';

function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local';
  }
}

async function sessionPayload(c: Context<AppEnv>, user: User, csrfToken: string): Promise<z.infer<typeof SessionSchema>> {
  return { user, workspaces: await workspacesOf(c.get('services').db, user), csrfToken };
}

export function registerAuthRoutes(api: Api): void {
  api.route(
    'public',
    createRoute({
      method: 'get',
      path: '/api/v1/auth/demo-users',
      tags: ['auth'],
      summary: 'The ready-made demo users (demo mode only; an empty list otherwise)',
      responses: { 200: jsonResponse(DemoUsersSchema, 'Demo users') },
    }),
    async (c) => {
      const { db, demo } = c.get('services');
      if (!demo) return c.json({ demo: false, users: [] }, 200);
      const row = await db.selectFrom('meta').select('value').where('key', '=', DEMO_USERS_META_KEY).executeTakeFirst();
      return c.json({ demo: true, users: row ? (JSON.parse(row.value) as z.infer<typeof DemoUsersSchema>['users']) : [] }, 200);
    },
  );

  api.route(
    'public',
    createRoute({
      method: 'post',
      path: '/api/v1/auth/login',
      tags: ['auth'],
      summary: 'Log in with email and password; sets the session cookie',
      description: 'Failed attempts are limited per client address and per email (10 per 15 minutes).',
      request: { body: jsonBody(LoginSchema) },
      responses: {
        200: jsonResponse(SessionSchema, 'Logged in'),
        401: jsonResponse(ErrorSchema, 'Wrong email or password'),
        429: jsonResponse(ErrorSchema, 'Too many failed attempts'),
      },
    }),
    async (c) => {
      const { db, loginLimiter, now } = c.get('services');
      const { email, password } = c.req.valid('json');
      const keys = [`ip:${clientAddress(c)}`, `email:${normaliseEmail(email)}`];
      const wait = Math.max(...keys.map((key) => loginLimiter.retryAfter(key, now())));
      if (wait > 0) throw new RelaisError('RELAIS_RATE_LIMITED', `Too many failed logins: try again in ${wait} s.`, { retryAfterSeconds: wait });
      const user = await findUserByEmail(db, email);
      if (!user || !(await verifyPassword(password, user.passwordHash))) {
        for (const key of keys) loginLimiter.hit(key, now());
        throw new RelaisError('RELAIS_AUTH_INVALID', undefined, { field: 'body.password' });
      }
      loginLimiter.reset(keys[1]!);
      const session = await openSession(db, user.id, now());
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        secure: new URL(c.req.url).protocol === 'https:',
        maxAge: Math.floor(SESSION_TTL_MS / 1000),
      });
      const { passwordHash: _hash, ...publicUser } = user;
      return c.json(await sessionPayload(c, publicUser, session.csrfToken), 200);
    },
  );

  api.route(
    'user',
    createRoute({
      method: 'get',
      path: '/api/v1/auth/session',
      tags: ['auth'],
      summary: 'Who is logged in, their workspaces and roles, and the CSRF token to send back',
      responses: { 200: jsonResponse(SessionSchema, 'The session'), 401: jsonResponse(ErrorSchema, 'Not logged in, or expired') },
    }),
    async (c) => {
      const actor = c.get('actor')!;
      return c.json(await sessionPayload(c, actor.user, actor.csrfToken ?? ''), 200);
    },
  );

  api.route(
    'user',
    createRoute({
      method: 'post',
      path: '/api/v1/auth/logout',
      tags: ['auth'],
      summary: 'Log out: ends the session',
      responses: { 204: { description: 'Logged out' } },
    }),
    async (c) => {
      const actor = c.get('actor')!;
      if (actor.sessionId) await closeSession(c.get('services').db, actor.sessionId);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );
}

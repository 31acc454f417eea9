// Users, workspaces, memberships, sessions and API tokens: repository functions over Kysely.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { RelaisError } from '../errors.ts';
import type { PlatformTables } from '../db/schema.ts';
import { hashPassword } from './password.ts';
import { isWorkspaceRole, type WorkspaceRole } from './roles.ts';

type Db = Kysely<PlatformTables>;

export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;

export interface User {
  id: number;
  email: string;
  name: string;
  locale: string | null;
  isAdmin: boolean;
}

export interface WorkspaceMembership {
  id: number;
  slug: string;
  name: string;
  role: WorkspaceRole;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function toUser(row: { id: number; email: string; name: string; locale: string | null; is_admin: number }): User {
  return { id: row.id, email: row.email, name: row.name, locale: row.locale, isAdmin: row.is_admin === 1 };
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function createUser(
  db: Db,
  input: { email: string; name: string; password?: string; passwordHash?: string; isAdmin?: boolean; now: number },
): Promise<User> {
  const email = normaliseEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new RelaisError('RELAIS_REQUEST_INVALID', `"${input.email}" is not an email address.`, { field: 'email' });
  const existing = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) throw new RelaisError('RELAIS_CONFLICT', `A user with the email ${email} exists already.`, { field: 'email' });
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password ?? ''));
  const row = await db
    .insertInto('users')
    .values({ email, name: input.name, password_hash: passwordHash, locale: null, is_admin: input.isAdmin ? 1 : 0, created_at: input.now })
    .returning(['id', 'email', 'name', 'locale', 'is_admin'])
    .executeTakeFirstOrThrow();
  return toUser(row);
}

export async function findUserByEmail(db: Db, email: string): Promise<(User & { passwordHash: string }) | undefined> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
  return row ? { ...toUser(row), passwordHash: row.password_hash } : undefined;
}

export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('id').execute();
  return rows.map(toUser);
}

export async function setPassword(db: Db, email: string, password: string): Promise<void> {
  const hash = await hashPassword(password);
  const result = await db.updateTable('users').set({ password_hash: hash }).where('email', '=', normaliseEmail(email)).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new RelaisError('RELAIS_NOT_FOUND', `No user has the email ${email}.`, { field: 'email' });
  // A new password ends every open session of that user.
  const user = await findUserByEmail(db, email);
  if (user) await db.deleteFrom('sessions').where('user_id', '=', user.id).execute();
}

export async function createWorkspace(db: Db, input: { slug: string; name: string; settings?: unknown; now: number }): Promise<{ id: number; slug: string; name: string }> {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(input.slug)) {
    throw new RelaisError('RELAIS_REQUEST_INVALID', `"${input.slug}" is not a valid workspace slug.`, {
      field: 'slug',
      hint: 'lower-case letters, digits and dashes, starting with a letter or digit',
    });
  }
  const existing = await db.selectFrom('workspaces').select('id').where('slug', '=', input.slug).executeTakeFirst();
  if (existing) throw new RelaisError('RELAIS_CONFLICT', `The workspace ${input.slug} exists already.`, { field: 'slug' });
  return db
    .insertInto('workspaces')
    .values({ slug: input.slug, name: input.name, settings: JSON.stringify(input.settings ?? {}), created_at: input.now })
    .returning(['id', 'slug', 'name'])
    .executeTakeFirstOrThrow();
}

export async function findWorkspace(db: Db, slug: string): Promise<{ id: number; slug: string; name: string; settings: string } | undefined> {
  return db.selectFrom('workspaces').select(['id', 'slug', 'name', 'settings']).where('slug', '=', slug).executeTakeFirst();
}

export async function setMembership(db: Db, workspaceId: number, userId: number, role: WorkspaceRole, now: number): Promise<void> {
  await db
    .insertInto('memberships')
    .values({ workspace_id: workspaceId, user_id: userId, role, created_at: now })
    .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doUpdateSet({ role }))
    .execute();
}

export async function removeMembership(db: Db, workspaceId: number, userId: number): Promise<boolean> {
  const result = await db.deleteFrom('memberships').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The workspaces a user belongs to; an administrator sees all of them as strategist. */
export async function workspacesOf(db: Db, user: User): Promise<WorkspaceMembership[]> {
  if (user.isAdmin) {
    const rows = await db.selectFrom('workspaces').select(['id', 'slug', 'name']).orderBy('name').execute();
    return rows.map((r) => ({ ...r, role: 'strategist' as const }));
  }
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .select(['workspaces.id', 'workspaces.slug', 'workspaces.name', 'memberships.role'])
    .where('memberships.user_id', '=', user.id)
    .orderBy('workspaces.name')
    .execute();
  return rows.filter((r) => isWorkspaceRole(r.role)).map((r) => ({ id: r.id, slug: r.slug, name: r.name, role: r.role as WorkspaceRole }));
}

export async function membersOf(db: Db, workspaceId: number): Promise<Array<User & { role: WorkspaceRole }>> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'users.name', 'users.locale', 'users.is_admin', 'memberships.role'])
    .where('memberships.workspace_id', '=', workspaceId)
    .orderBy('users.email')
    .execute();
  return rows.map((r) => ({ ...toUser(r), role: r.role as WorkspaceRole }));
}

/** Opens a session; the token goes in the cookie, only its hash is stored. */
export async function openSession(db: Db, userId: number, now: number): Promise<{ token: string; csrfToken: string; expiresAt: number }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = now + SESSION_TTL_MS;
  await db.insertInto('sessions').values({ id: sha256(token), user_id: userId, csrf_token: csrfToken, created_at: now, expires_at: expiresAt }).execute();
  return { token, csrfToken, expiresAt };
}

export type SessionLookup =
  | { status: 'valid'; user: User; sessionId: string; csrfToken: string }
  | { status: 'expired' }
  | { status: 'unknown' };

export async function findSession(db: Db, token: string, now: number): Promise<SessionLookup> {
  const id = sha256(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id as sid', 'sessions.csrf_token', 'sessions.expires_at', 'users.id', 'users.email', 'users.name', 'users.locale', 'users.is_admin'])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row) return { status: 'unknown' };
  if (row.expires_at <= now) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return { status: 'expired' };
  }
  return { status: 'valid', user: toUser(row), sessionId: row.sid, csrfToken: row.csrf_token };
}

export async function closeSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Creates an API token for scripts, bound to one workspace and a role. The token is shown once. */
export async function createApiToken(
  db: Db,
  input: { userId: number; workspaceId: number; name: string; role: WorkspaceRole; now: number },
): Promise<{ id: number; token: string }> {
  const token = `relais_${randomBytes(24).toString('base64url')}`;
  const row = await db
    .insertInto('api_tokens')
    .values({ user_id: input.userId, workspace_id: input.workspaceId, name: input.name, token_hash: sha256(token), role: input.role, created_at: input.now, last_used_at: null, revoked_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

export async function findApiToken(
  db: Db,
  token: string,
): Promise<{ id: number; user: User; workspaceId: number; role: WorkspaceRole } | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.id as tid', 'api_tokens.workspace_id', 'api_tokens.role', 'api_tokens.revoked_at', 'users.id', 'users.email', 'users.name', 'users.locale', 'users.is_admin'])
    .where('api_tokens.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || !isWorkspaceRole(row.role)) return undefined;
  // A token never carries more than an administrator would; its own role is what it may do.
  return { id: row.tid, user: { ...toUser(row), isAdmin: false }, workspaceId: row.workspace_id, role: row.role };
}

export async function listApiTokens(db: Db, workspaceId: number) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'role', 'user_id', 'created_at', 'last_used_at', 'revoked_at'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .execute();
}

export async function revokeApiToken(db: Db, workspaceId: number, id: number, now: number): Promise<boolean> {
  const result = await db.updateTable('api_tokens').set({ revoked_at: now }).where('workspace_id', '=', workspaceId).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function audit(
  db: Db,
  entry: { workspaceId: number | null; userId: number | null; action: string; target?: string; data?: unknown; now: number },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ workspace_id: entry.workspaceId, user_id: entry.userId, action: entry.action, target: entry.target ?? null, data: JSON.stringify(entry.data ?? {}), at: entry.now })
    .execute();
}

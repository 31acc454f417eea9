// Workspaces, their members and roles, API tokens, the audit log and the live event stream.
import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { RelaisError } from '../errors.ts';
import { roleAllows, WORKSPACE_ROLES } from '../auth/roles.ts';
import {
  audit,
  createApiToken,
  createWorkspace,
  findUserByEmail,
  listApiTokens,
  membersOf,
  removeMembership,
  revokeApiToken,
  setMembership,
  workspacesOf,
} from '../auth/store.ts';
import type { Api } from './api.ts';
import { ErrorSchema, jsonBody, jsonResponse, WorkspaceParam } from './schemas.ts';

const Role = z.enum(WORKSPACE_ROLES);
const WorkspaceSchema = z.object({ id: z.number(), slug: z.string(), name: z.string(), role: Role }).openapi('Workspace');
const MemberSchema = z.object({ id: z.number(), email: z.string(), name: z.string(), role: Role }).openapi('Member');
const TokenSchema = z
  .object({ id: z.number(), name: z.string(), role: Role, createdAt: z.number(), lastUsedAt: z.number().nullable(), revoked: z.boolean() })
  .openapi('ApiToken');
const IdParam = WorkspaceParam.extend({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) });

export function registerWorkspaceRoutes(api: Api): void {
  api.route(
    'user',
    createRoute({ method: 'get', path: '/api/v1/workspaces', tags: ['workspaces'], summary: 'The workspaces you belong to', responses: { 200: jsonResponse(z.object({ workspaces: z.array(WorkspaceSchema) }), 'Workspaces') } }),
    async (c) => c.json({ workspaces: await workspacesOf(c.get('services').db, c.get('actor')!.user) }, 200),
  );

  api.route(
    'admin',
    createRoute({
      method: 'post',
      path: '/api/v1/workspaces',
      tags: ['workspaces'],
      summary: 'Create a workspace (a brand or a project)',
      request: { body: jsonBody(z.object({ slug: z.string().min(1).max(63), name: z.string().min(1).max(200) })) },
      responses: { 201: jsonResponse(WorkspaceSchema, 'Created'), 409: jsonResponse(ErrorSchema, 'The slug is taken') },
    }),
    async (c) => {
      const { db, now } = c.get('services');
      const actor = c.get('actor')!;
      const workspace = await createWorkspace(db, { ...c.req.valid('json'), now: now() });
      await audit(db, { workspaceId: workspace.id, userId: actor.user.id, action: 'workspace.create', target: workspace.slug, now: now() });
      return c.json({ ...workspace, role: 'strategist' as const }, 201);
    },
  );

  api.route(
    'manager',
    createRoute({ method: 'get', path: '/api/v1/w/{workspace}/members', tags: ['workspaces'], summary: 'Members of the workspace and their roles', request: { params: WorkspaceParam }, responses: { 200: jsonResponse(z.object({ members: z.array(MemberSchema) }), 'Members') } }),
    async (c) => {
      const members = await membersOf(c.get('services').db, c.get('workspace')!.id);
      return c.json({ members: members.map(({ id, email, name, role }) => ({ id, email, name, role })) }, 200);
    },
  );

  api.route(
    'strategist',
    createRoute({
      method: 'put',
      path: '/api/v1/w/{workspace}/members',
      tags: ['workspaces'],
      summary: "Add a user to the workspace or change their role",
      request: { params: WorkspaceParam, body: jsonBody(z.object({ email: z.string().min(3), role: Role })) },
      responses: { 200: jsonResponse(MemberSchema, 'The member'), 404: jsonResponse(ErrorSchema, 'No such user') },
    }),
    async (c) => {
      const { db, now } = c.get('services');
      const { email, role } = c.req.valid('json');
      const workspace = c.get('workspace')!;
      const user = await findUserByEmail(db, email);
      if (!user) throw new RelaisError('RELAIS_NOT_FOUND', `No user has the email ${email}.`, { field: 'body.email', hint: 'create it first with `relais user add`' });
      await setMembership(db, workspace.id, user.id, role, now());
      await audit(db, { workspaceId: workspace.id, userId: c.get('actor')!.user.id, action: 'member.set', target: user.email, data: { role }, now: now() });
      return c.json({ id: user.id, email: user.email, name: user.name, role }, 200);
    },
  );

  api.route(
    'strategist',
    createRoute({
      method: 'delete',
      path: '/api/v1/w/{workspace}/members/{id}',
      tags: ['workspaces'],
      summary: 'Remove a member from the workspace',
      request: { params: IdParam },
      responses: { 204: { description: 'Removed' }, 404: jsonResponse(ErrorSchema, 'Not a member') },
    }),
    async (c) => {
      const { db, now } = c.get('services');
      const { id } = c.req.valid('param');
      const workspace = c.get('workspace')!;
      if (!(await removeMembership(db, workspace.id, id))) throw new RelaisError('RELAIS_NOT_FOUND', `User ${id} is not a member of ${workspace.slug}.`, { field: 'path.id' });
      await audit(db, { workspaceId: workspace.id, userId: c.get('actor')!.user.id, action: 'member.remove', target: String(id), now: now() });
      return c.body(null, 204);
    },
  );

  api.route(
    'strategist',
    createRoute({ method: 'get', path: '/api/v1/w/{workspace}/tokens', tags: ['workspaces'], summary: 'API tokens of the workspace', request: { params: WorkspaceParam }, responses: { 200: jsonResponse(z.object({ tokens: z.array(TokenSchema) }), 'Tokens') } }),
    async (c) => {
      const rows = await listApiTokens(c.get('services').db, c.get('workspace')!.id);
      return c.json(
        { tokens: rows.map((r) => ({ id: r.id, name: r.name, role: Role.parse(r.role), createdAt: r.created_at, lastUsedAt: r.last_used_at, revoked: r.revoked_at !== null })) },
        200,
      );
    },
  );

  api.route(
    'strategist',
    createRoute({
      method: 'post',
      path: '/api/v1/w/{workspace}/tokens',
      tags: ['workspaces'],
      summary: 'Create an API token for scripts (shown once)',
      request: { params: WorkspaceParam, body: jsonBody(z.object({ name: z.string().min(1).max(100), role: Role })) },
      responses: { 201: jsonResponse(z.object({ id: z.number(), token: z.string() }), 'The token: keep it, it is not shown again') },
    }),
    async (c) => {
      const { db, now } = c.get('services');
      const { name, role } = c.req.valid('json');
      const workspace = c.get('workspace')!;
      if (!roleAllows(workspace.role, role)) throw new RelaisError('RELAIS_FORBIDDEN', 'A token cannot hold a higher role than yours.', { field: 'body.role' });
      const created = await createApiToken(db, { userId: c.get('actor')!.user.id, workspaceId: workspace.id, name, role, now: now() });
      await audit(db, { workspaceId: workspace.id, userId: c.get('actor')!.user.id, action: 'token.create', target: name, data: { role }, now: now() });
      return c.json(created, 201);
    },
  );

  api.route(
    'strategist',
    createRoute({ method: 'delete', path: '/api/v1/w/{workspace}/tokens/{id}', tags: ['workspaces'], summary: 'Revoke an API token', request: { params: IdParam }, responses: { 204: { description: 'Revoked' }, 404: jsonResponse(ErrorSchema, 'No such token') } }),
    async (c) => {
      const { db, now } = c.get('services');
      const workspace = c.get('workspace')!;
      const { id } = c.req.valid('param');
      if (!(await revokeApiToken(db, workspace.id, id, now()))) throw new RelaisError('RELAIS_NOT_FOUND', `No active token ${id}.`, { field: 'path.id' });
      await audit(db, { workspaceId: workspace.id, userId: c.get('actor')!.user.id, action: 'token.revoke', target: String(id), now: now() });
      return c.body(null, 204);
    },
  );

  api.route(
    'strategist',
    createRoute({
      method: 'get',
      path: '/api/v1/w/{workspace}/audit',
      tags: ['workspaces'],
      summary: 'The append-only audit log, newest first',
      request: { params: WorkspaceParam, query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }) },
      responses: { 200: jsonResponse(z.object({ entries: z.array(z.object({ id: z.number(), userId: z.number().nullable(), action: z.string(), target: z.string().nullable(), data: z.unknown(), at: z.number() })) }), 'Entries') },
    }),
    async (c) => {
      const rows = await c
        .get('services')
        .db.selectFrom('audit_log')
        .selectAll()
        .where('workspace_id', '=', c.get('workspace')!.id)
        .orderBy('id', 'desc')
        .limit(c.req.valid('query').limit)
        .execute();
      return c.json({ entries: rows.map((r) => ({ id: r.id, userId: r.user_id, action: r.action, target: r.target, data: JSON.parse(r.data) as unknown, at: r.at })) }, 200);
    },
  );

  api.route(
    'viewer',
    createRoute({
      method: 'get',
      path: '/api/v1/w/{workspace}/events',
      tags: ['live'],
      summary: 'Live updates of the workspace (Server-Sent Events)',
      description: 'Each event is `data: {"type": …}`. A comment line is sent every 20 s to keep proxies from closing the stream.',
      request: { params: WorkspaceParam },
      responses: { 200: { description: 'An event stream', content: { 'text/event-stream': { schema: z.string() } } } },
    }),
    async (c) => {
      const { events } = c.get('services');
      const workspace = c.get('workspace')!;
      return streamSSE(c, async (stream) => {
        let done: () => void = () => {};
        const finished = new Promise<void>((resolve) => (done = resolve));
        const unsubscribe = events.subscribe(workspace.id, (event) => void stream.writeSSE({ data: JSON.stringify(event) }), done);
        stream.onAbort(done);
        await stream.writeSSE({ data: JSON.stringify({ type: 'hello', workspace: workspace.slug }) });
        const heartbeat = setInterval(() => void stream.write(': keep-alive\n\n'), 20_000);
        await finished;
        clearInterval(heartbeat);
        unsubscribe();
      }) as never;
    },
  );
}

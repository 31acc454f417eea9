// Walks every route of the API with every role and proves each is refused what it may not do:
// anonymous callers get 401 on every non-public route, a role below the route's gets 403, and
// a role at or above it gets past authorization (whatever the handler then says of the input).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { roleAllows, WORKSPACE_ROLES, type Access } from '../../src/platform/auth/roles.ts';
import { createApiToken } from '../../src/platform/auth/store.ts';
import { anonymous, openTestApp, ROLE_EMAIL, type Client, type TestApp } from '../support/app.ts';
import { eachDialect } from '../support/databases.ts';

function concretePath(path: string): string {
  return path.replace('{workspace}', 'acme').replace(/\{[^}]+\}/g, '999999');
}

function allowed(access: Access, role: (typeof WORKSPACE_ROLES)[number] | 'admin' | 'anonymous'): boolean {
  if (access === 'public') return true;
  if (role === 'anonymous') return false;
  if (access === 'user') return true;
  if (role === 'admin') return true;
  if (access === 'admin') return false;
  return roleAllows(role, access);
}

async function statusOf(client: Client, method: string, path: string, headers?: Record<string, string>): Promise<number> {
  const response = await client.request(method, path, method === 'GET' || method === 'DELETE' ? undefined : {}, headers);
  await response.body?.cancel();
  return response.status;
}

eachDialect('authorization of every route', (dialect) => {
  let t: TestApp;
  const clients = new Map<string, Client>();
  before(async () => {
    t = await openTestApp(dialect);
    clients.set('anonymous', anonymous(t.app));
    for (const role of WORKSPACE_ROLES) clients.set(role, await t.login(ROLE_EMAIL(role)));
    clients.set('admin', await t.login('admin@acme.test'));
  });
  after(() => t.dispose());

  test('every route declares an access level and is refused to every role below it', async () => {
    const routes = t.app.api.routes.filter((r) => !(r.method === 'POST' && r.path === '/api/v1/auth/logout') && !r.tokenOnly);
    assert.ok(routes.length >= 15, `expected the platform's routes, found ${routes.length}`);
    const failures: string[] = [];
    for (const route of routes) {
      for (const [who, client] of clients) {
        const status = await statusOf(client, route.method, concretePath(route.path));
        const shouldPass = allowed(route.access, who as never);
        const refused = status === 401 || status === 403;
        if (shouldPass === refused) failures.push(`${route.method} ${route.path} (${route.access}) as ${who}: ${status}`);
        if (!shouldPass && who === 'anonymous' && status !== 401) failures.push(`${route.method} ${route.path} anonymous should be 401, got ${status}`);
        if (!shouldPass && who !== 'anonymous' && status !== 403) failures.push(`${route.method} ${route.path} as ${who} should be 403, got ${status}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  test('token-only routes refuse sessions, and tokens below the role of the route', async () => {
    const workspace = await t.database.db.selectFrom('workspaces').select('id').where('slug', '=', 'acme').executeTakeFirstOrThrow();
    const owner = await t.database.db.selectFrom('users').select('id').where('email', '=', ROLE_EMAIL('strategist')).executeTakeFirstOrThrow();
    const routes = t.app.api.routes.filter((r) => r.tokenOnly);
    assert.ok(routes.length > 0);
    const failures: string[] = [];
    for (const route of routes) {
      for (const [who, client] of clients) {
        const status = await statusOf(client, route.method, concretePath(route.path));
        const expected = who === 'anonymous' ? 401 : 403;
        if (status !== expected) failures.push(`${route.method} ${route.path} as ${who} session: ${status}, expected ${expected}`);
      }
      for (const role of WORKSPACE_ROLES) {
        const { token } = await createApiToken(t.database.db, { userId: owner.id, workspaceId: workspace.id, name: role, role, now: t.clock.now });
        const status = await statusOf(anonymous(t.app), route.method, concretePath(route.path), { authorization: `Bearer ${token}` });
        const refused = status === 401 || status === 403;
        if (refused === allowed(route.access, role)) failures.push(`${route.method} ${route.path} with a ${role} token: ${status}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  test('logout needs a session', async () => {
    assert.equal(await statusOf(anonymous(t.app), 'POST', '/api/v1/auth/logout'), 401);
  });
});

// An in-process relais for HTTP tests: a real database (SQLite file or PostgreSQL schema),
// migrated, with a workspace, one user per role, an administrator and an outsider; requests go
// through app.request(), cookies and CSRF tokens included.
import { ALL_MIGRATIONS } from '../../src/migrations.ts';
import { createApp, type RelaisApp } from '../../src/app.ts';
import type { Dialect } from '../../src/platform/db/connect.ts';
import { createUser, createWorkspace, setMembership } from '../../src/platform/auth/store.ts';
import { WORKSPACE_ROLES, type WorkspaceRole } from '../../src/platform/auth/roles.ts';
import { createJobQueue } from '../../src/platform/jobs/index.ts';
import { createLogger } from '../../src/platform/log.ts';
import { openTestDatabase, POSTGRES_URL, type TestDatabase } from './databases.ts';

export const PASSWORD = 'correct horse battery';

export interface TestApp {
  app: RelaisApp;
  database: TestDatabase;
  /** The job runner, working. */
  jobs: ReturnType<typeof createJobQueue>;
  /** The test's clock: move `clock.now` forward to expire sessions. */
  clock: { now: number };
  /** Logs in and returns a client that carries the session cookie and CSRF token. */
  login(email: string, password?: string): Promise<Client>;
  dispose(): Promise<void>;
}

export interface Client {
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  cookie: string;
  csrfToken: string;
}

export const anonymous = (app: RelaisApp): Client => ({
  cookie: '',
  csrfToken: '',
  request: (method, path, body, headers = {}) =>
    Promise.resolve(app.fetch(new Request(`http://localhost${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) }))),
});

export async function openTestApp(dialect: Dialect, options: { demo?: boolean } = {}): Promise<TestApp> {
  const database = await openTestDatabase(dialect, ALL_MIGRATIONS);
  const clock = { now: Date.UTC(2026, 10, 22, 12) };
  const jobs = createJobQueue(database, dialect === 'postgres' ? { postgresUrl: POSTGRES_URL, schema: database.schema } : {});
  const now = () => clock.now;
  const t = clock.now;
  const workspace = await createWorkspace(database.db, { slug: 'acme', name: 'Acme', now: t });
  const other = await createWorkspace(database.db, { slug: 'other', name: 'Other', now: t });
  for (const role of WORKSPACE_ROLES) {
    const user = await createUser(database.db, { email: `${role}@acme.test`, name: role, password: PASSWORD, now: t });
    await setMembership(database.db, workspace.id, user.id, role, t);
  }
  const outsider = await createUser(database.db, { email: 'outsider@other.test', name: 'Outsider', password: PASSWORD, now: t });
  await setMembership(database.db, other.id, outsider.id, 'strategist', t);
  await createUser(database.db, { email: 'admin@acme.test', name: 'Admin', password: PASSWORD, isAdmin: true, now: t });
  const app = createApp({ database, log: createLogger('silent'), jobs, demo: options.demo ?? false, now });
  // Capabilities defined their jobs while the app was built: now the worker may run them.
  await jobs.start({ worker: true, scheduler: false });
  return {
    app,
    database,
    jobs,
    clock,
    async login(email, password = PASSWORD) {
      const response = await anonymous(app).request('POST', '/api/v1/auth/login', { email, password });
      if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
      const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
      const { csrfToken } = (await response.json()) as { csrfToken: string };
      return {
        cookie,
        csrfToken,
        request: (method, path, body, headers = {}) =>
          Promise.resolve(
            app.fetch(
              new Request(`http://localhost${path}`, {
                method,
                headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken, ...headers },
                body: body === undefined ? undefined : JSON.stringify(body),
              }),
            ),
          ),
      };
    },
    async dispose() {
      await app.stop();
      await jobs.stop();
      await database.dispose();
    },
  };
}

export const ROLE_EMAIL = (role: WorkspaceRole) => `${role}@acme.test`;

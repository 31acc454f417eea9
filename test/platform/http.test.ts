import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SESSION_TTL_MS } from '../../src/platform/auth/store.ts';
import { DEFAULT_BODY_LIMIT } from '../../src/platform/http/api.ts';
import { eachDialect } from '../support/databases.ts';
import { anonymous, openTestApp, ROLE_EMAIL, type TestApp } from '../support/app.ts';

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

eachDialect('HTTP platform', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp(dialect);
  });
  after(() => t.dispose());

  test('health answers with the version and the dialect', async () => {
    const response = await anonymous(t.app).request('GET', '/api/v1/health');
    assert.equal(response.status, 200);
    const body = (await response.json()) as { status: string; database: string };
    assert.equal(body.status, 'ok');
    assert.equal(body.database, dialect);
    assert.ok(response.headers.get('x-request-id'));
    assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  });

  test('login sets an HttpOnly SameSite cookie; the session lists workspaces with roles; logout ends it', async () => {
    const response = await anonymous(t.app).request('POST', '/api/v1/auth/login', { email: 'Manager@ACME.test', password: 'correct horse battery' });
    assert.equal(response.status, 200);
    const cookie = response.headers.get('set-cookie') ?? '';
    assert.match(cookie, /relais_session=/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    const client = await t.login(ROLE_EMAIL('manager'));
    const session = (await (await client.request('GET', '/api/v1/auth/session')).json()) as { user: { email: string }; workspaces: Array<{ slug: string; role: string }> };
    assert.equal(session.user.email, 'manager@acme.test');
    assert.deepEqual(session.workspaces.map((w) => [w.slug, w.role]), [['acme', 'manager']]);
    assert.equal((await client.request('POST', '/api/v1/auth/logout')).status, 204);
    const afterLogout = await client.request('GET', '/api/v1/auth/session');
    assert.equal(afterLogout.status, 401);
    assert.equal(((await afterLogout.json()) as ErrorBody).error.code, 'RELAIS_AUTH_REQUIRED');
  });

  test('a wrong password is refused with a stable code and the field', async () => {
    const response = await anonymous(t.app).request('POST', '/api/v1/auth/login', { email: 'viewer@acme.test', password: 'nope' });
    assert.equal(response.status, 401);
    const body = (await response.json()) as ErrorBody;
    assert.equal(body.error.code, 'RELAIS_AUTH_INVALID');
    assert.equal(body.error.field, 'body.password');
  });

  test('failed logins are rate-limited per email, with Retry-After', async () => {
    const client = anonymous(t.app);
    for (let i = 0; i < 10; i++) await client.request('POST', '/api/v1/auth/login', { email: 'reviewer@acme.test', password: `wrong-${i}` }, { 'x-forwarded-for': `10.0.0.${i}` });
    const blocked = await client.request('POST', '/api/v1/auth/login', { email: 'reviewer@acme.test', password: 'correct horse battery' });
    assert.equal(blocked.status, 429);
    assert.equal(((await blocked.json()) as ErrorBody).error.code, 'RELAIS_RATE_LIMITED');
    assert.ok(Number(blocked.headers.get('retry-after')) > 0);
    t.clock.now += 16 * 60 * 1000;
    const later = await client.request('POST', '/api/v1/auth/login', { email: 'reviewer@acme.test', password: 'correct horse battery' });
    assert.equal(later.status, 200);
  });

  test('an expired session is told so', async () => {
    const client = await t.login(ROLE_EMAIL('viewer'));
    t.clock.now += SESSION_TTL_MS + 1000;
    const response = await client.request('GET', '/api/v1/auth/session');
    assert.equal(response.status, 401);
    assert.equal(((await response.json()) as ErrorBody).error.code, 'RELAIS_SESSION_EXPIRED');
  });

  test('a state-changing request with the cookie but no CSRF token is refused', async () => {
    const client = await t.login(ROLE_EMAIL('strategist'));
    const response = await client.request('POST', '/api/v1/w/acme/tokens', { name: 'x', role: 'viewer' }, { 'x-csrf-token': '' });
    assert.equal(response.status, 403);
    assert.equal(((await response.json()) as ErrorBody).error.code, 'RELAIS_CSRF_INVALID');
  });

  test('a body of the wrong shape names the field; malformed JSON and oversize bodies are refused', async () => {
    const wrong = await anonymous(t.app).request('POST', '/api/v1/auth/login', { email: 42, password: 'x' });
    assert.equal(wrong.status, 400);
    const body = (await wrong.json()) as ErrorBody;
    assert.equal(body.error.code, 'RELAIS_REQUEST_INVALID');
    assert.equal(body.error.field, 'body.email');
    const malformed = await t.app.fetch(new Request('http://localhost/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email": ' }));
    assert.equal(malformed.status, 400);
    assert.equal(((await malformed.json()) as ErrorBody).error.code, 'RELAIS_REQUEST_INVALID');
    const huge = await anonymous(t.app).request('POST', '/api/v1/auth/login', { email: 'a@b.c', password: 'x'.repeat(DEFAULT_BODY_LIMIT + 10) });
    assert.equal(huge.status, 413);
    assert.equal(((await huge.json()) as ErrorBody).error.code, 'RELAIS_REQUEST_TOO_LARGE');
  });

  test('API tokens: created by a strategist, used as Bearer, bound to their workspace and role, revocable', async () => {
    const strategist = await t.login(ROLE_EMAIL('strategist'));
    const created = await strategist.request('POST', '/api/v1/w/acme/tokens', { name: 'script', role: 'viewer' });
    assert.equal(created.status, 201);
    const { id, token } = (await created.json()) as { id: number; token: string };
    const bearer = { authorization: `Bearer ${token}` };
    assert.equal((await anonymous(t.app).request('GET', '/api/v1/w/acme/overview', undefined, bearer)).status, 200);
    assert.equal((await anonymous(t.app).request('GET', '/api/v1/w/acme/members', undefined, bearer)).status, 403, 'a viewer token cannot list members');
    assert.equal((await anonymous(t.app).request('GET', '/api/v1/w/other/overview', undefined, bearer)).status, 404, 'nor see another workspace');
    assert.equal((await strategist.request('DELETE', `/api/v1/w/acme/tokens/${id}`)).status, 204);
    const revoked = await anonymous(t.app).request('GET', '/api/v1/w/acme/overview', undefined, bearer);
    assert.equal(revoked.status, 401);
    assert.equal(((await revoked.json()) as ErrorBody).error.code, 'RELAIS_TOKEN_INVALID');
    const audit = (await (await strategist.request('GET', '/api/v1/w/acme/audit')).json()) as { entries: Array<{ action: string }> };
    assert.deepEqual(audit.entries.slice(0, 2).map((e) => e.action), ['token.revoke', 'token.create']);
  });

  test('a member of another workspace does not learn that a workspace exists', async () => {
    const outsider = await t.login('outsider@other.test');
    const response = await outsider.request('GET', '/api/v1/w/acme/overview');
    assert.equal(response.status, 404);
  });

  test('the overview counts each capability', async () => {
    const client = await t.login(ROLE_EMAIL('viewer'));
    const body = (await (await client.request('GET', '/api/v1/w/acme/overview')).json()) as { counts: Record<string, number>; capabilities: Array<{ name: string }> };
    assert.deepEqual(Object.keys(body.counts).sort(), ['accounts', 'articles', 'campaigns', 'challenges', 'conversations', 'edges', 'mentions']);
    assert.deepEqual(body.capabilities.map((c) => c.name), ['listen', 'map', 'spread', 'publish', 'engage', 'reward']);
  });

  test('live events reach a subscribed browser over SSE', async () => {
    const client = await t.login(ROLE_EMAIL('viewer'));
    const response = await client.request('GET', '/api/v1/w/acme/events');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('hello')) text += decoder.decode((await reader.read()).value);
    const workspace = await t.database.db.selectFrom('workspaces').select('id').where('slug', '=', 'acme').executeTakeFirstOrThrow();
    t.app.services.events.publish(workspace.id, { type: 'mention.new', id: 7 });
    while (!text.includes('mention.new')) text += decoder.decode((await reader.read()).value);
    assert.match(text, /data: \{"type":"mention.new","id":7\}/);
    await reader.cancel();
  });

  test('an administrator sees the job runner at work', async () => {
    const admin = await t.login('admin@acme.test');
    const body = (await (await admin.request('GET', '/api/v1/admin/jobs')).json()) as { counts: Record<string, number> };
    assert.deepEqual(Object.keys(body.counts).sort(), ['active', 'completed', 'failed', 'queued']);
  });

  test('unknown API paths answer JSON 404', async () => {
    const response = await anonymous(t.app).request('GET', '/api/v1/nothing-here');
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as ErrorBody).error.code, 'RELAIS_NOT_FOUND');
  });

  test('the OpenAPI document lists every route, and /api/docs renders it', async () => {
    const document = (await (await anonymous(t.app).request('GET', '/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    for (const route of t.app.api.routes) assert.ok(document.paths[route.path]?.[route.method.toLowerCase()], `${route.method} ${route.path} documented`);
    const html = await anonymous(t.app).request('GET', '/api/docs', undefined, { accept: 'text/html' });
    assert.match(await html.text(), /\/api\/v1\/auth\/login/);
  });
});

test('a database failure gives a 500 with a stable code and no stack trace', async () => {
  const t = await openTestApp('sqlite');
  const client = await t.login(ROLE_EMAIL('viewer'));
  await t.database.close();
  const response = await client.request('GET', '/api/v1/w/acme/overview');
  assert.equal(response.status, 500);
  const text = await response.text();
  assert.equal((JSON.parse(text) as ErrorBody).error.code, 'RELAIS_INTERNAL');
  assert.doesNotMatch(text, /at .*\.ts:\d+/);
  await t.dispose().catch(() => {});
});

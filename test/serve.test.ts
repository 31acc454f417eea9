// startRelais end to end over real sockets: first start (admin, demo world), the web app and
// API served, a restart that keeps everything, a port in use, graceful stop with a live stream.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { startRelais } from '../src/serve.ts';
import { RelaisError } from '../src/platform/errors.ts';

function tempSetup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-serve-'));
  // A stand-in web build: the real one is built and driven in test/web (browser tests).
  const web = path.join(dir, 'web');
  fs.mkdirSync(path.join(web, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>relais</title><div id="root"></div>');
  fs.writeFileSync(path.join(web, 'assets', 'app-1234.js'), 'console.log(1)');
  return { dir, databaseUrl: `sqlite:${path.join(dir, 'relais.db')}`, env: { RELAIS_WEB_DIST: web } as NodeJS.ProcessEnv };
}

test('first start: migrates, creates the admin, loads the demo world, serves app and API; a restart keeps it all', async () => {
  const setup = tempSetup();
  const relais = await startRelais({ databaseUrl: setup.databaseUrl, port: 0, demo: { size: 'small', seed: 1 }, quiet: true, env: setup.env });
  try {
    assert.ok(relais.firstAdmin);
    assert.equal(relais.firstAdmin.email, 'admin@relais.local');
    assert.equal(relais.demo.loaded, true);
    assert.deepEqual(relais.demo.users.map((u) => u.role).sort(), ['manager', 'member', 'reviewer', 'strategist', 'viewer']);
    const page = await fetch(`${relais.url!}/w/anything/listen`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<div id="root">/, 'deep links get the app');
    const asset = await fetch(`${relais.url}/assets/app-1234.js`);
    assert.match(asset.headers.get('cache-control') ?? '', /immutable/);
    assert.equal((await fetch(`${relais.url}/../../etc/passwd`)).status, 200, 'no escape from the web folder: the app answers');
    const health = (await (await fetch(`${relais.url}/api/v1/health`)).json()) as { status: string };
    assert.equal(health.status, 'ok');
    const demo = (await (await fetch(`${relais.url}/api/v1/auth/demo-users`)).json()) as { demo: boolean; users: Array<{ email: string; password: string; role: string }> };
    assert.equal(demo.demo, true);
    const strategist = demo.users.find((u) => u.role === 'strategist')!;
    const login = await fetch(`${relais.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: strategist.email, password: strategist.password }) });
    assert.equal(login.status, 200);
    const session = (await login.json()) as { workspaces: Array<{ slug: string }> };
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const overview = (await (await fetch(`${relais.url}/api/v1/w/${session.workspaces[0]!.slug}/overview`, { headers: { cookie } })).json()) as { counts: Record<string, number> };
    assert.ok(overview.counts.accounts! > 1000, `accounts ${overview.counts.accounts}`);
    assert.ok(overview.counts.mentions! > 1000);
    // The demo world's topics are matched against its mentions in the background.
    const slug = session.workspaces[0]!.slug;
    let topics: Array<{ name: string; mentions: number; backfilledAt: number | null }> = [];
    for (let i = 0; i < 200; i++) {
      topics = ((await (await fetch(`${relais.url}/api/v1/w/${slug}/topics`, { headers: { cookie } })).json()) as { topics: typeof topics }).topics;
      if (topics.length > 0 && topics.every((t) => t.backfilledAt !== null)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(topics.length >= 5 && topics.every((t) => t.backfilledAt !== null), 'every demo topic backfilled');
    assert.ok(topics.every((t) => t.mentions > 0), `every demo topic matches mentions: ${JSON.stringify(topics.map((t) => [t.name, t.mentions]))}`);
  } finally {
    await relais.stop();
  }
  const again = await startRelais({ databaseUrl: setup.databaseUrl, port: 0, demo: { size: 'small', seed: 1 }, quiet: true, env: setup.env });
  try {
    assert.equal(again.firstAdmin, null, 'the admin is created once');
    assert.equal(again.demo.loaded, false, 'the demo world is loaded once');
    assert.equal(again.demo.users.length, 5);
  } finally {
    await again.stop();
  }
  fs.rmSync(setup.dir, { recursive: true });
});

test('a port in use is a clear error, and the database is left closed', async () => {
  const setup = tempSetup();
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as net.AddressInfo).port;
  await assert.rejects(startRelais({ databaseUrl: setup.databaseUrl, port, host: '127.0.0.1', demo: false, quiet: true, env: setup.env }), (error: unknown) => {
    assert.ok(error instanceof RelaisError);
    assert.equal(error.code, 'RELAIS_PORT_IN_USE');
    assert.match(error.toLine(), new RegExp(`Port ${port}.*--port`));
    return true;
  });
  blocker.close();
  // The failed start did not keep the file locked: another start works.
  const relais = await startRelais({ databaseUrl: setup.databaseUrl, port: 0, demo: false, quiet: true, env: setup.env });
  await relais.stop();
  fs.rmSync(setup.dir, { recursive: true });
});

test('stop is graceful: open live streams are ended, the server stops accepting, the database closes', async () => {
  const setup = tempSetup();
  const relais = await startRelais({ databaseUrl: setup.databaseUrl, port: 0, demo: { size: 'small', seed: 2 }, quiet: true, env: setup.env });
  const user = relais.demo.users.find((u) => u.role === 'viewer')!;
  const login = await fetch(`${relais.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password: user.password }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const slug = ((await login.json()) as { workspaces: Array<{ slug: string }> }).workspaces[0]!.slug;
  const stream = await fetch(`${relais.url}/api/v1/w/${slug}/events`, { headers: { cookie } });
  const reader = stream.body!.getReader();
  await reader.read();
  // A request in flight when stop begins (its body still arriving) gets its answer.
  const body = JSON.stringify({ email: user.email, password: user.password });
  const inFlight = http.request(`${relais.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
  const answered = new Promise<number>((resolve, reject) => inFlight.on('response', (r) => (r.resume(), resolve(r.statusCode ?? 0))).on('error', reject));
  const connected = new Promise<void>((resolve) => inFlight.on('socket', (socket) => socket.once('connect', () => resolve())));
  inFlight.flushHeaders();
  inFlight.write(body.slice(0, 10));
  // The connection is open and the headers are sent: give the server time to read them.
  await connected;
  await new Promise((resolve) => setTimeout(resolve, 300));
  const started = performance.now();
  const stopped = relais.stop();
  await new Promise((resolve) => setTimeout(resolve, 100));
  inFlight.end(body.slice(10));
  assert.equal(await answered, 200);
  await stopped;
  assert.ok(performance.now() - started < 5000, 'stop did not wait for the stream to time out');
  // Events sent before the stop (the demo's backfill announces itself) may still be buffered.
  let ended = false;
  for (let i = 0; i < 50 && !ended; i++) ended = (await reader.read().catch(() => ({ done: true }))).done;
  assert.equal(ended, true, 'the stream was ended');
  await assert.rejects(fetch(`${relais.url}/api/v1/health`), 'no longer accepting');
  fs.rmSync(setup.dir, { recursive: true });
});

test('process roles: a worker-only process serves no HTTP but runs jobs', async () => {
  const setup = tempSetup();
  const worker = await startRelais({ databaseUrl: setup.databaseUrl, port: 0, roles: ['worker', 'scheduler'], demo: false, quiet: true, env: setup.env });
  try {
    assert.equal(worker.url, null);
    let ran = 0;
    worker.jobs.define<{ n: number }>('test.ping', async ({ data }) => void (ran += data.n));
    await worker.jobs.enqueue('test.ping', { n: 2 });
    for (let i = 0; i < 100 && ran === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(ran, 2);
  } finally {
    await worker.stop();
  }
  fs.rmSync(setup.dir, { recursive: true });
});

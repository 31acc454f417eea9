// Foundation figure: the API under 200 concurrent connections (autocannon on loopback), for
// /api/v1/health and an authenticated read (a workspace's overview), as a ratio to a bare
// Hono hello-world measured in the same run. Each server runs in its own process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load, spawnReady, stop, type LoadResult } from './lib.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CONNECTIONS = 200;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

export interface ApiLoadFigures {
  connections: number;
  seconds: number;
  demoSize: string;
  rows: Array<{ target: string } & LoadResult>;
}

export async function measureApiLoad(demoSize = process.env.BENCH_DEMO_SIZE ?? 'medium'): Promise<ApiLoadFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-api-'));
  const hello = await spawnReady([path.join(ROOT, 'bench', 'hello-hono.ts'), '0']);
  const relais = await spawnReady([path.join(ROOT, 'bin', 'relais.js'), 'serve', '--port', '0', '--json', '--demo-size', demoSize, '--database', `sqlite:${path.join(dir, 'relais.db')}`], {
    // Request logs at info would measure the log pipe as much as relais: warn, as a deployment behind a log shipper would keep.
    env: { RELAIS_LOG_LEVEL: 'warn' },
    timeoutMs: 300_000,
  });
  try {
    const url = String(relais.ready.url);
    const users = (relais.ready.demo as { users: Array<{ email: string; password: string; role: string }> }).users;
    const viewer = users.find((u) => u.role === 'viewer')!;
    const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: viewer.email, password: viewer.password }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const slug = ((await login.json()) as { workspaces: Array<{ slug: string }> }).workspaces[0]!.slug;
    const helloUrl = `http://127.0.0.1:${String(hello.ready.port)}/`;
    const relaisUrl = url.replace('localhost', '127.0.0.1');
    const rows: ApiLoadFigures['rows'] = [];
    // A short warm-up so the JIT has compiled the hot paths of each server.
    for (const target of [helloUrl, `${relaisUrl}/api/v1/health`]) await load(target, { connections: 20, seconds: 2 });
    rows.push({ target: 'bare Hono hello-world (peer)', ...(await load(helloUrl, { connections: CONNECTIONS, seconds: SECONDS })) });
    rows.push({ target: 'GET /api/v1/health', ...(await load(`${relaisUrl}/api/v1/health`, { connections: CONNECTIONS, seconds: SECONDS })) });
    rows.push({ target: 'GET /api/v1/auth/session (session cookie)', ...(await load(`${relaisUrl}/api/v1/auth/session`, { connections: CONNECTIONS, seconds: SECONDS, headers: { cookie } })) });
    rows.push({ target: `GET /api/v1/w/${slug}/overview (session cookie; counts kept 10 s)`, ...(await load(`${relaisUrl}/api/v1/w/${slug}/overview`, { connections: CONNECTIONS, seconds: SECONDS, headers: { cookie } })) });
    return { connections: CONNECTIONS, seconds: SECONDS, demoSize, rows };
  } finally {
    await stop(relais.child);
    await stop(hello.child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function apiLoadTable(figures: ApiLoadFigures): string {
  const peer = figures.rows[0]!.requestsPerSecond;
  const lines = [
    `${figures.connections} connections, ${figures.seconds} s each, after a 2 s warm-up; demo world ${figures.demoSize}; relais with RELAIS_LOG_LEVEL=warn.`,
    '',
    '| target | requests/s | ratio to bare Hono | p50 ms | p99 ms | errors | non-2xx |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...figures.rows.map((r) => `| ${r.target} | ${r.requestsPerSecond.toFixed(0)} | ${(r.requestsPerSecond / peer).toFixed(2)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} |`),
  ];
  return lines.join('\n');
}

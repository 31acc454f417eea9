// Foundation figure: a fresh clone → `npm ci` → `npm start` → the first page served: seconds
// for each step, the share spent generating the demo world and building the web app, and the
// database's size on disk.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnReady, stop } from './lib.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface StartupFigures {
  commit: string;
  installSeconds: number;
  startToFirstPageSeconds: number;
  demoSeconds: number;
  webBuildSeconds: number;
  databaseBytes: number;
}

function sizeOf(dir: string): number {
  return fs.readdirSync(dir).reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);
}

export async function measureStartup(): Promise<StartupFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-clone-'));
  const clone = path.join(dir, 'relais');
  try {
    execFileSync('git', ['clone', '--quiet', ROOT, clone]);
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: clone, encoding: 'utf8' }).trim();
    let started = performance.now();
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: clone, stdio: 'ignore' });
    const installSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    // `npm start` is `node bin/relais.js serve`; --json makes it say when it is ready, and port 0 avoids clashes.
    const relais = await spawnReady([path.join(clone, 'bin', 'relais.js'), 'serve', '--json', '--port', '0'], { cwd: clone, env: { RELAIS_LOG_LEVEL: 'warn' }, timeoutMs: 300_000 });
    try {
      const page = await fetch(String(relais.ready.url));
      if (page.status !== 200 || !(await page.text()).includes('<div id="root">')) throw new Error('the first page is not the app');
      const startToFirstPageSeconds = (performance.now() - started) / 1000;
      const demo = relais.ready.demo as { seconds: number };
      return {
        commit,
        installSeconds,
        startToFirstPageSeconds,
        demoSeconds: demo.seconds,
        webBuildSeconds: Number(relais.ready.webBuildSeconds ?? 0),
        databaseBytes: sizeOf(path.join(clone, 'relais-data')),
      };
    } finally {
      await stop(relais.child);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function startupTable(f: StartupFigures): string {
  const share = (x: number) => `${((100 * x) / f.startToFirstPageSeconds).toFixed(0)} %`;
  return [
    `A fresh \`git clone\` of ${f.commit}; \`npm ci\` from the machine's npm cache; then \`npm start\` (medium demo world) until \`GET /\` answers with the app.`,
    '',
    '| step | seconds | share of the start |',
    '|---|---:|---:|',
    `| \`npm ci\` | ${f.installSeconds.toFixed(1)} | |`,
    `| \`npm start\` → first page served | ${f.startToFirstPageSeconds.toFixed(1)} | 100 % |`,
    `| of which: generating and loading the demo world | ${f.demoSeconds.toFixed(1)} | ${share(f.demoSeconds)} |`,
    `| of which: building the web app | ${f.webBuildSeconds.toFixed(1)} | ${share(f.webBuildSeconds)} |`,
    '',
    `Database on disk after the first start (relais.db with its WAL): ${(f.databaseBytes / 2 ** 20).toFixed(0)} MiB.`,
  ].join('\n');
}

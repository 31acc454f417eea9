// Builds the web app (web/) into web/dist, which the server serves at `/`.
// `npm run build` runs it; `relais serve` calls buildWebApp() when web/dist/index.html is missing.
//
// Vite writes into a fresh folder beside dist and the result is swapped in with renames, so a
// server never serves a half-written dist, and two processes building at once (tests in
// parallel) cannot interleave their files.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';

export const WEB_ROOT = path.resolve(import.meta.dirname, '..', 'web');
export const WEB_DIST = path.join(WEB_ROOT, 'dist');

let running: Promise<void> | null = null;

/** Builds web/ into `outDir` (default web/dist), quietly: only warnings and errors are printed. */
export function buildWebApp(options: { outDir?: string } = {}): Promise<void> {
  const outDir = path.resolve(options.outDir ?? WEB_DIST);
  // One build at a time in a process: concurrent callers share it.
  if (outDir === WEB_DIST && running) return running;
  const job = buildInto(outDir);
  if (outDir === WEB_DIST) {
    running = job;
    const clear = () => {
      running = null;
    };
    job.then(clear, clear);
  }
  return job;
}

async function buildInto(outDir: string): Promise<void> {
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = `${outDir}.building-${suffix}`;
  const previous = `${outDir}.old-${suffix}`;
  try {
    await build({
      root: WEB_ROOT,
      configFile: path.join(WEB_ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      mode: 'production',
      build: { outDir: staging, emptyOutDir: true },
    });
    await fs.rename(outDir, previous).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await fs.rename(staging, outDir).catch(async (error: NodeJS.ErrnoException) => {
      // Another process put its build in place between our two renames: theirs is as good.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
    await fs.rm(previous, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const started = performance.now();
  try {
    await buildWebApp();
    console.log(`web app built into ${path.relative(process.cwd(), WEB_DIST) || '.'} in ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}

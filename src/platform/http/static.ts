// Serves the built web app: files under its folder, and index.html for every other path that is
// not the API, so that the app's own router handles deep links (/w/cimes/listen).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Hono } from 'hono';
import type { AppEnv } from './context.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

async function readIfFile(file: string): Promise<Buffer | undefined> {
  try {
    const stat = await fs.stat(file);
    return stat.isFile() ? await fs.readFile(file) : undefined;
  } catch {
    return undefined;
  }
}

export function serveWebApp<E extends AppEnv>(app: Hono<E>, root: string): void {
  const base = path.resolve(root);
  app.get('*', async (c) => {
    const requested = path.resolve(base, '.' + decodeURIComponent(new URL(c.req.url).pathname));
    // Never serve outside the web app's folder (../ in the path).
    const inside = requested === base || requested.startsWith(base + path.sep);
    const file = inside ? await readIfFile(requested) : undefined;
    if (file) {
      const ext = path.extname(requested);
      // Vite names built assets by content hash: they may be cached for ever.
      const cache = requested.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
      return c.body(new Uint8Array(file), 200, { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': cache });
    }
    const index = await readIfFile(path.join(base, 'index.html'));
    if (!index) return c.text('The web app is not built: run `npm run build`.', 503);
    return c.body(new Uint8Array(index), 200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-cache' });
  });
}

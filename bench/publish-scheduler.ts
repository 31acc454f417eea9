// Publish's scheduler under a burst: 10,000 posts due in the same minute across 100 channels,
// sent through the real job runner (SQLite) and sender to a local webhook network that answers
// 429 (Retry-After: 1) to one request in ten. Counts deliveries at the receiver (each key once),
// the time to drain, and the lateness of each post against its due time (p50, p99).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Api } from '../src/platform/http/api.ts';
import { ALL_MIGRATIONS } from '../src/migrations.ts';
import { createWorkspace } from '../src/platform/auth/store.ts';
import { openDatabase } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrations.ts';
import { EventBus } from '../src/platform/events.ts';
import { createJobQueue } from '../src/platform/jobs/index.ts';
import { createLogger } from '../src/platform/log.ts';
import { addChannel } from '../src/publish/channels/store.ts';
import { defineSchedulerJobs, enqueueTargets } from '../src/publish/scheduler/jobs.ts';
import { schedulePost } from '../src/publish/scheduler/posts.ts';
import type { PublishTables } from '../src/publish/tables.ts';

const POSTS = Number(process.env.BENCH_POSTS ?? 10_000);
const CHANNELS = 100;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export async function measureScheduler(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-publish-'));
  const database = await openDatabase(`sqlite:${path.join(dir, 'relais.db')}`);
  let requests = 0, refused = 0;
  const delivered = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests++;
      if (requests % 10 === 0) {
        refused++;
        res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' });
        res.end('{"error":"slow down"}');
        return;
      }
      const { idempotencyKey } = JSON.parse(Buffer.concat(chunks).toString()) as { idempotencyKey: string };
      delivered.set(idempotencyKey, (delivered.get(idempotencyKey) ?? 0) + 1);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: idempotencyKey }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const jobs = createJobQueue(database, { pollIntervalMs: 50 });
  try {
    await migrate(database, ALL_MIGRATIONS);
    const workspaceId = (await createWorkspace(database.db, { slug: 'bench', name: 'Bench', now: Date.now() })).id;
    const channelIds: number[] = [];
    for (let c = 0; c < CHANNELS; c++) {
      channelIds.push((await addChannel(database.db, workspaceId, { network: 'webhook', name: `hook-${c}`, config: { url }, secrets: { signingSecret: 's' }, ratePerHour: 10_000 }, Date.now())).id);
    }
    const ctx = { api: new Api(), db: database.db, dialect: database.dialect, events: new EventBus(), jobs, log: createLogger('silent'), now: Date.now, publicUrl: 'http://127.0.0.1' };
    defineSchedulerJobs(ctx);
    await jobs.start({ worker: true, scheduler: false });
    // Scheduling is not what is measured: the posts are written first (due later), then all
    // moved to one instant two seconds ahead, and their jobs enqueued for it.
    const scheduleStarted = performance.now();
    const posts: Array<{ targets: Array<{ id: number }> }> = [];
    for (let i = 0; i < POSTS; i++) posts.push(await schedulePost(database.db, workspaceId, { text: `Post ${i} #bench`, targets: [{ channelId: channelIds[i % CHANNELS]! }], dueAt: Date.now() + 3_600_000 }, Date.now()));
    const pdb = database.db.withTables<PublishTables>();
    const dueAt = Date.now() + 2_000;
    await pdb.updateTable('posts').set({ due_at: dueAt }).execute();
    await pdb.updateTable('post_targets').set({ next_attempt_at: dueAt }).execute();
    for (const post of posts) await enqueueTargets(ctx, post.targets, dueAt);
    const scheduleSeconds = (performance.now() - scheduleStarted) / 1000;
    await new Promise((r) => setTimeout(r, Math.max(0, dueAt - Date.now())));
    for (;;) {
      const left = await pdb.selectFrom('post_targets').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '!=', 'published').executeTakeFirstOrThrow();
      if (Number(left.n) === 0) break;
      if (Date.now() - dueAt > 15 * 60_000) throw new Error(`${left.n} posts still not published after 15 minutes`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const rows = await pdb.selectFrom('post_targets').select(['published_at']).execute();
    const lateness = rows.map((r) => Number(r.published_at) - dueAt).sort((a, b) => a - b);
    const drain = (lateness.at(-1)! / 1000);
    const duplicates = [...delivered.values()].filter((n) => n > 1).length;
    const attempts = await pdb.selectFrom('post_attempts').select(['outcome', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('outcome').execute();
    return [
      `${POSTS.toLocaleString('en')} posts due at the same instant across ${CHANNELS} webhook channels, SQLite job runner (4 concurrent sends), local network answering 429 (Retry-After: 1 s) to one request in ten.`,
      '',
      '| Figure | Value |',
      '|---|---|',
      `| posts delivered (distinct keys at the receiver) | ${delivered.size.toLocaleString('en')} of ${POSTS.toLocaleString('en')} |`,
      `| delivered twice | ${duplicates} |`,
      `| requests / answered 429 | ${requests.toLocaleString('en')} / ${refused.toLocaleString('en')} |`,
      `| attempts recorded | ${attempts.map((a) => `${a.outcome} ${Number(a.n).toLocaleString('en')}`).join(', ')} |`,
      `| time to drain (due → last published) | ${drain.toFixed(1)} s (${(POSTS / drain).toFixed(0)} posts/s) |`,
      `| lateness p50 / p99 / max | ${(quantile(lateness, 0.5) / 1000).toFixed(1)} s / ${(quantile(lateness, 0.99) / 1000).toFixed(1)} s / ${(lateness.at(-1)! / 1000).toFixed(1)} s |`,
      `| scheduling the posts (not part of the drain) | ${scheduleSeconds.toFixed(1)} s |`,
    ].join('\n');
  } finally {
    await jobs.stop();
    await database.close();
    server.closeAllConnections();
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

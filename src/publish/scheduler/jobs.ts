// The scheduler's jobs: each target is sent by its own job at its due time ('publish.send'), and
// every minute a sweep ('publish.due') enqueues whatever is due and has no job — posts due while
// relais was down, retries after back-off, claims left by a dead worker. A target's job carries
// a key, so the sweep never doubles it; sendTarget's claim makes a duplicate harmless anyway.
import type { CapabilityContext } from '../../platform/capability.ts';
import { channelClient } from '../channels/index.ts';
import { dueTargets, sendTarget } from './send.ts';
import type { PublishTables } from '../tables.ts';
import { createRandom } from '../../graph/random.ts';
import { runRecycling } from '../recycle/run.ts';

export const SEND_JOB = 'publish.send';
export const DUE_JOB = 'publish.due';
export const RECYCLE_JOB = 'publish.recycle-due';

export function defineSchedulerJobs(ctx: CapabilityContext): void {
  ctx.jobs.define<{ targetId: number }>(SEND_JOB, async ({ data }) => {
    const outcome = await sendTarget({ db: ctx.db, now: ctx.now, clientFor: (row) => channelClient(row, ctx.now) }, data.targetId);
    if (outcome !== 'skipped') ctx.log.info({ targetId: data.targetId, outcome }, 'publish: target sent');
    if (outcome === 'retry' || outcome === 'deferred') {
      // Come back exactly when the retry is due rather than at the next minute's sweep.
      const target = await ctx.db.withTables<PublishTables>().selectFrom('post_targets').select(['attempts', 'next_attempt_at']).where('id', '=', data.targetId).executeTakeFirst();
      if (target?.next_attempt_at != null) {
        await ctx.jobs.enqueue(SEND_JOB, { targetId: data.targetId }, { key: `send-${data.targetId}-${target.attempts}-${target.next_attempt_at}`, runAt: Number(target.next_attempt_at) });
      }
    }
  }, { retryLimit: 0, concurrency: 4, timeoutMs: 10 * 60_000 });
  ctx.jobs.define(DUE_JOB, async () => {
    for (const targetId of await dueTargets(ctx.db, ctx.now())) await ctx.jobs.enqueue(SEND_JOB, { targetId }, { key: `send-${targetId}` });
  }, { retryLimit: 0 });
  // Every quarter of an hour each enabled rule set runs if its interval has passed.
  ctx.jobs.define(RECYCLE_JOB, async () => {
    const sets = await ctx.db.withTables<PublishTables>().selectFrom('recycle_rules').select(['id', 'workspace_id']).where('enabled', '=', 1).execute();
    for (const set of sets) {
      const random = createRandom(ctx.now() + Number(set.id));
      const result = await runRecycling(ctx.db, Number(set.workspace_id), Number(set.id), { now: ctx.now(), random: () => random.next(), publicUrl: ctx.publicUrl });
      for (const post of result.posts) await enqueueTargets(ctx, post.targets, post.dueAt);
      if (result.ran) ctx.log.info({ ruleSet: set.id, posts: result.posts.length }, 'publish: recycled');
    }
  }, { retryLimit: 0, timeoutMs: 10 * 60_000 });
}

/** Enqueues the jobs of a newly scheduled post's targets at its due time. */
export async function enqueueTargets(ctx: CapabilityContext, targets: ReadonlyArray<{ id: number }>, dueAt: number | null): Promise<void> {
  if (dueAt === null) return;
  for (const target of targets) await ctx.jobs.enqueue(SEND_JOB, { targetId: target.id }, { key: `send-${target.id}-${dueAt}`, runAt: dueAt });
}

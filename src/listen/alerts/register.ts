// Listen's alerts as the capability wires them: routes, the evaluation job (every minute, and
// after each batch of mentions the workspace's event stream announces), the webhook delivery
// job. Evaluation and delivery are idempotent: an alert is recorded once per rule × subject ×
// window (a unique key), however many workers evaluate at once.
import type { CapabilityContext } from '../../platform/capability.ts';
import { deliverAlert, EVALUATE_DUE_JOB, EVALUATE_JOB, DELIVER_JOB, evaluateAndAnnounce, type DeliverJob } from './engine.ts';
import { registerAlertRoutes } from './routes.ts';
import { listRules, workspacesWithRules } from './store.ts';

// register() and start() get the same context: what start needs is kept here per context.
const started = new WeakMap<CapabilityContext, () => Promise<void>>();

/** Runs once the job runner works: the minute's schedule, and listening to the workspaces with rules. */
export async function startAlerts(ctx: CapabilityContext): Promise<void> {
  await started.get(ctx)?.();
}

export function registerAlerts(ctx: CapabilityContext): void {
  const deps = { db: ctx.db, events: ctx.events, jobs: ctx.jobs, now: () => ctx.now() };
  const evaluateSoon = (workspaceId: number) => ctx.jobs.enqueue(EVALUATE_JOB, { workspaceId }, { key: `alerts-${workspaceId}` });

  // Ingest announces each stored batch on the workspace's stream: evaluate right after it,
  // rather than at the next minute. (A CLI ingest in another process is caught by the minute.)
  const watched = new Set<number>();
  const watch = (workspaceId: number) => {
    if (watched.has(workspaceId)) return;
    watched.add(workspaceId);
    ctx.events.subscribe(workspaceId, (event) => {
      if (event.type !== 'mentions.ingested') return;
      evaluateSoon(workspaceId).catch((error: unknown) => ctx.log.error({ err: error, workspaceId }, 'alert evaluation not queued'));
    });
  };

  ctx.jobs.define<{ workspaceId: number }>(
    EVALUATE_JOB,
    async ({ data }) => {
      const { fired, failures } = await evaluateAndAnnounce(deps, await listRules(ctx.db, data.workspaceId, { enabledOnly: true }));
      if (fired.length > 0) ctx.log.info({ workspaceId: data.workspaceId, alerts: fired.map((a) => a.id) }, 'alerts fired');
      for (const { ruleId, error } of failures) ctx.log.error({ err: error, workspaceId: data.workspaceId, ruleId }, 'alert rule evaluation failed');
    },
    { retryLimit: 1, timeoutMs: 5 * 60_000 },
  );
  ctx.jobs.define(EVALUATE_DUE_JOB, async () => {
    for (const workspaceId of await workspacesWithRules(ctx.db)) {
      watch(workspaceId);
      await evaluateSoon(workspaceId);
    }
  });
  ctx.jobs.define<DeliverJob>(DELIVER_JOB, async ({ data, signal }) => void (await deliverAlert(deps, data, signal)), { retryLimit: 2, timeoutMs: 60_000 });

  registerAlertRoutes(ctx, {
    onRulesChanged(workspaceId) {
      watch(workspaceId);
      evaluateSoon(workspaceId).catch((error: unknown) => ctx.log.error({ err: error, workspaceId }, 'alert evaluation not queued'));
    },
  });

  started.set(ctx, async () => {
    await ctx.jobs.schedule(EVALUATE_DUE_JOB, '* * * * *');
    for (const workspaceId of await workspacesWithRules(ctx.db)) watch(workspaceId);
  });
}

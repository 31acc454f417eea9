// Running rules: the live evaluation (every minute and after each ingested batch), the dry run
// over past days, and the webhook delivery of an alert with its retries. I/O around the pure
// evaluate.ts: read the data, judge, record once, tell the app and the webhook.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/schema.ts';
import type { EventBus } from '../../platform/events.ts';
import type { JobQueue } from '../../platform/jobs/queue.ts';
import { loadRuleData } from './data.ts';
import { applyCooldown, evaluateRule } from './evaluate.ts';
import { HOUR_MS, hourStart, type Firing, type Rule } from './model.ts';
import { deliveryTime } from './quiet-hours.ts';
import { alertDelivered, appendEvent, findAlert, recordDelivery, recordedWindows, recordFiring, type Alert } from './store.ts';
import type { AlertTables } from './tables.ts';
import { postWebhook, WEBHOOK_DEFAULTS, webhookBody } from './webhook.ts';

type Db = Kysely<PlatformTables>;

export const EVALUATE_JOB = 'listen.alerts.evaluate';
export const EVALUATE_DUE_JOB = 'listen.alerts.evaluate-due';
export const DELIVER_JOB = 'listen.alerts.deliver';

/** Hours judged on each live evaluation (the current one and the one before: late mentions count). */
export const LIVE_HOURS = 2;

export interface AlertDeps {
  db: Db;
  events: EventBus;
  jobs: JobQueue;
  now(): number;
}

export interface DeliverJob {
  workspaceId: number;
  alertId: number;
  attempt: number;
}

/**
 * Judges a rule over the last hours and records what fires. The cooldown looks back over its
 * own length, with the alerts already recorded, so that an ongoing buzz stays one alert.
 */
export async function evaluateLive(db: Db, rule: Rule, now: number): Promise<Array<{ firing: Firing; alert: Alert }>> {
  const from = hourStart(now) - (LIVE_HOURS - 1) * HOUR_MS;
  const cooldownMs = rule.cooldownMinutes * 60_000;
  const lookFrom = from - cooldownMs;
  const data = await loadRuleData(db, rule, lookFrom, now);
  // A window starts up to 72 h (the longest a rule allows) before the hour that closes it.
  const recorded = await recordedWindows(db, rule.id, lookFrom - cooldownMs - 72 * HOUR_MS);
  const kept = applyCooldown(evaluateRule(rule, data, lookFrom, now), cooldownMs, recorded).filter((f) => f.windowEnd > from);
  const out: Array<{ firing: Firing; alert: Alert }> = [];
  for (const firing of kept) {
    const alert = await recordFiring(db, rule, firing, now);
    if (alert) out.push({ firing, alert });
  }
  return out;
}

/**
 * Evaluates rules live and announces each new alert: on the workspace's stream, and by webhook.
 * A rule that fails (its query no longer parses, the database hiccups) is reported in
 * `failures` and does not keep the others from running.
 */
export async function evaluateAndAnnounce(deps: AlertDeps, rules: readonly Rule[]): Promise<{ fired: Alert[]; failures: Array<{ ruleId: number; error: unknown }> }> {
  const fired: Alert[] = [];
  const failures: Array<{ ruleId: number; error: unknown }> = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    let recorded: Awaited<ReturnType<typeof evaluateLive>>;
    try {
      recorded = await evaluateLive(deps.db, rule, deps.now());
    } catch (error) {
      failures.push({ ruleId: rule.id, error });
      continue;
    }
    for (const { alert } of recorded) {
      fired.push(alert);
      deps.events.publish(rule.workspaceId, { type: 'alert.fired', alert });
      if (rule.webhookUrl) {
        const until = deliveryTime(rule.quietHours, deps.now());
        if (until > deps.now()) await appendEvent(deps.db, { workspaceId: rule.workspaceId, alertId: alert.id }, { at: deps.now(), type: 'delivery_held', detail: { until, reason: 'quiet hours' } });
        await deps.jobs.enqueue<DeliverJob>(DELIVER_JOB, { workspaceId: rule.workspaceId, alertId: alert.id, attempt: 1 }, { key: `alert-${alert.id}-1`, ...runAfter(until - deps.now()) });
      }
    }
  }
  return { fired, failures };
}

/** A delay as the job runner reads it: its `runAt` is on the wall clock, whatever `now` says. */
function runAfter(delayMs: number): { runAt?: number } {
  return delayMs > 0 ? { runAt: Date.now() + delayMs } : {};
}

export interface DryRun {
  from: number;
  to: number;
  /** When the rule would have fired, after its cooldown. */
  firings: Firing[];
  /** Windows where the condition held but the cooldown kept the alert back (same buzz). */
  heldBack: number;
}

/** "Test this rule on the last N days": when it would have fired, with the figures. Records nothing. */
export async function dryRun(db: Db, rule: Rule, to: number, days: number): Promise<DryRun> {
  const from = hourStart(to - days * 24 * HOUR_MS);
  const all = evaluateRule(rule, await loadRuleData(db, rule, from, to), from, to);
  const firings = applyCooldown(all, rule.cooldownMinutes * 60_000);
  return { from, to, firings, heldBack: all.length - firings.length };
}

/**
 * One webhook attempt for an alert: posts, records the attempt (and a timeline step), and on
 * failure enqueues the next attempt after its back-off. Idempotent: an alert already delivered
 * is not posted again; every attempt carries the same delivery id for receivers to dedupe.
 */
export async function deliverAlert(deps: AlertDeps, job: DeliverJob, signal?: AbortSignal): Promise<'delivered' | 'failed' | 'retrying' | 'skipped'> {
  const { db } = deps;
  const alert = await findAlert(db, job.workspaceId, job.alertId);
  if (alert.ruleId === null || (await alertDelivered(db, alert.id))) return 'skipped';
  const rule = await db.withTables<AlertTables>().selectFrom('alert_rules').select(['webhook_url', 'webhook_secret', 'webhook_allow_private']).where('id', '=', alert.ruleId).executeTakeFirst();
  if (!rule?.webhook_url) return 'skipped';
  const workspace = await db.selectFrom('workspaces').select('slug').where('id', '=', job.workspaceId).executeTakeFirstOrThrow();
  const deliveryId = `alert-${alert.id}`;
  const body = webhookBody(alert, workspace.slug, deliveryId, deps.now(), null);
  const result = await postWebhook({ url: rule.webhook_url, secret: rule.webhook_secret, allowPrivate: rule.webhook_allow_private === 1 }, body, deliveryId, { signal });
  const at = deps.now();
  await recordDelivery(db, job.workspaceId, alert.id, { channel: 'webhook', url: rule.webhook_url, attempt: job.attempt, outcome: result.ok ? 'succeeded' : 'failed', httpStatus: result.httpStatus, error: result.error, durationMs: result.durationMs, at });
  const backoff = WEBHOOK_DEFAULTS.backoffMs[job.attempt - 1];
  const retryAt = !result.ok && backoff !== undefined ? at + backoff : null;
  await appendEvent(db, { workspaceId: job.workspaceId, alertId: alert.id }, {
    at,
    type: result.ok ? 'delivered' : 'delivery_failed',
    detail: { channel: 'webhook', attempt: job.attempt, httpStatus: result.httpStatus, error: result.error, ...(retryAt ? { retryAt } : {}) },
  });
  if (result.ok) return 'delivered';
  if (retryAt === null) return 'failed';
  await deps.jobs.enqueue<DeliverJob>(DELIVER_JOB, { ...job, attempt: job.attempt + 1 }, { key: `alert-${alert.id}-${job.attempt + 1}`, ...runAfter(backoff!) });
  return 'retrying';
}

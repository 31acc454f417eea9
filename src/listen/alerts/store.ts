// Alert rules, alerts, their timelines and delivery attempts in the database (Kysely, both
// dialects). Alerts are inserted once per rule × subject × window (alerts_once_uq).
import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { PlatformTables } from '../../platform/db/schema.ts';
import { RelaisError } from '../../platform/errors.ts';
import type { ListenTables } from '../tables.ts';
import { type AlertStatus, type Firing, type QuietHours, type Rule, type RuleKind, type RuleParamsByKind } from './model.ts';
import type { AlertTables } from './tables.ts';

type Db = Kysely<PlatformTables>;
const adb = (db: Db) => db.withTables<ListenTables & AlertTables>();

export interface RuleInput {
  name: string;
  kind: RuleKind;
  topicId: number | null;
  params: RuleParamsByKind[RuleKind];
  cooldownMinutes: number;
  quietHours: QuietHours | null;
  enabled: boolean;
  webhookUrl: string | null;
  webhookAllowPrivate: boolean;
}

type RuleRow = Selectable<AlertTables['alert_rules']>;

function toRule(row: RuleRow): Rule {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    kind: row.kind as RuleKind,
    topicId: row.topic_id,
    params: JSON.parse(row.params) as RuleParamsByKind[RuleKind],
    cooldownMinutes: row.cooldown_minutes,
    quietHours: row.quiet_hours ? (JSON.parse(row.quiet_hours) as QuietHours) : null,
    enabled: row.enabled === 1,
    webhookUrl: row.webhook_url,
    webhookAllowPrivate: row.webhook_allow_private === 1,
    webhookSecret: row.webhook_secret,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A fresh per-rule webhook secret: 32 random bytes, hex. */
export function newWebhookSecret(): string {
  return randomBytes(32).toString('hex');
}

async function checkTopic(db: Db, workspaceId: number, topicId: number | null): Promise<void> {
  if (topicId === null) return;
  const row = await adb(db).selectFrom('topics').select('id').where('workspace_id', '=', workspaceId).where('id', '=', topicId).executeTakeFirst();
  if (!row) throw new RelaisError('RELAIS_NOT_FOUND', `No topic ${topicId} in this workspace.`, { field: 'topicId' });
}

export async function listRules(db: Db, workspaceId: number, options: { enabledOnly?: boolean } = {}): Promise<Rule[]> {
  let select = adb(db).selectFrom('alert_rules').selectAll().where('workspace_id', '=', workspaceId);
  if (options.enabledOnly) select = select.where('enabled', '=', 1);
  return (await select.orderBy('id').execute()).map(toRule);
}

export async function findRule(db: Db, workspaceId: number, id: number): Promise<Rule> {
  const row = await adb(db).selectFrom('alert_rules').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new RelaisError('RELAIS_ALERT_RULE_NOT_FOUND', `No alert rule ${id} in this workspace.`, { field: 'id' });
  return toRule(row);
}

export async function createRule(db: Db, workspaceId: number, input: RuleInput, now: number): Promise<Rule> {
  await checkTopic(db, workspaceId, input.topicId);
  const row = await adb(db)
    .insertInto('alert_rules')
    .values({
      workspace_id: workspaceId,
      name: input.name.trim(),
      kind: input.kind,
      topic_id: input.topicId,
      params: JSON.stringify(input.params),
      cooldown_minutes: input.cooldownMinutes,
      quiet_hours: input.quietHours ? JSON.stringify(input.quietHours) : null,
      enabled: input.enabled ? 1 : 0,
      webhook_url: input.webhookUrl,
      webhook_allow_private: input.webhookAllowPrivate ? 1 : 0,
      webhook_secret: newWebhookSecret(),
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRule(row);
}

export async function updateRule(db: Db, workspaceId: number, id: number, input: Partial<RuleInput> & { rotateSecret?: boolean }, now: number): Promise<Rule> {
  const current = await findRule(db, workspaceId, id);
  if (input.kind !== undefined && input.kind !== current.kind) {
    throw new RelaisError('RELAIS_REQUEST_INVALID', 'A rule keeps its kind: create a new rule instead.', { field: 'body.kind' });
  }
  if (input.topicId !== undefined) await checkTopic(db, workspaceId, input.topicId);
  const row = await adb(db)
    .updateTable('alert_rules')
    .set({
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.topicId !== undefined ? { topic_id: input.topicId } : {}),
      ...(input.params !== undefined ? { params: JSON.stringify(input.params) } : {}),
      ...(input.cooldownMinutes !== undefined ? { cooldown_minutes: input.cooldownMinutes } : {}),
      ...(input.quietHours !== undefined ? { quiet_hours: input.quietHours ? JSON.stringify(input.quietHours) : null } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled ? 1 : 0 } : {}),
      ...(input.webhookUrl !== undefined ? { webhook_url: input.webhookUrl } : {}),
      ...(input.webhookAllowPrivate !== undefined ? { webhook_allow_private: input.webhookAllowPrivate ? 1 : 0 } : {}),
      ...(input.rotateSecret ? { webhook_secret: newWebhookSecret() } : {}),
      updated_at: now,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRule(row);
}

export async function deleteRule(db: Db, workspaceId: number, id: number): Promise<void> {
  await findRule(db, workspaceId, id);
  await adb(db).deleteFrom('alert_rules').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

/** Workspaces with at least one enabled rule: the ones the minute's evaluation visits. */
export async function workspacesWithRules(db: Db): Promise<number[]> {
  const rows = await adb(db).selectFrom('alert_rules').select('workspace_id').where('enabled', '=', 1).groupBy('workspace_id').execute();
  return rows.map((r) => r.workspace_id);
}

export interface Alert {
  id: number;
  ruleId: number | null;
  ruleName: string;
  kind: RuleKind;
  topicId: number | null;
  subject: string;
  windowStart: number;
  windowEnd: number;
  severity: 'warning' | 'critical';
  figures: Record<string, number | string | null>;
  explanation: string;
  mentionIds: number[];
  status: AlertStatus;
  firedAt: number;
  acknowledgedAt: number | null;
  acknowledgedBy: { id: number; name: string } | null;
  resolvedAt: number | null;
  resolvedBy: { id: number; name: string } | null;
}

export interface AlertEvent {
  id: number;
  at: number;
  type: string;
  actor: { id: number | null; name: string } | null;
  detail: Record<string, unknown>;
}

const ALERT_COLUMNS = [
  'alerts.id',
  'alerts.rule_id',
  'alerts.rule_name',
  'alerts.kind',
  'alerts.topic_id',
  'alerts.subject',
  'alerts.window_start',
  'alerts.window_end',
  'alerts.severity',
  'alerts.figures',
  'alerts.explanation',
  'alerts.mention_ids',
  'alerts.status',
  'alerts.fired_at',
  'alerts.acknowledged_at',
  'alerts.acknowledged_by',
  'alerts.resolved_at',
  'alerts.resolved_by',
  'ack.name as ack_name',
  'res.name as res_name',
] as const;

function selectAlerts(db: Db) {
  return adb(db)
    .selectFrom('alerts')
    .leftJoin('users as ack', 'ack.id', 'alerts.acknowledged_by')
    .leftJoin('users as res', 'res.id', 'alerts.resolved_by')
    .select(ALERT_COLUMNS);
}

type AlertRow = Awaited<ReturnType<ReturnType<typeof selectAlerts>['executeTakeFirstOrThrow']>>;

function toAlert(r: AlertRow): Alert {
  return {
    id: r.id,
    ruleId: r.rule_id,
    ruleName: r.rule_name,
    kind: r.kind as RuleKind,
    topicId: r.topic_id,
    subject: r.subject,
    windowStart: r.window_start,
    windowEnd: r.window_end,
    severity: r.severity as Alert['severity'],
    figures: JSON.parse(r.figures) as Alert['figures'],
    explanation: r.explanation,
    mentionIds: JSON.parse(r.mention_ids) as number[],
    status: r.status as AlertStatus,
    firedAt: r.fired_at,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: r.acknowledged_by === null ? null : { id: r.acknowledged_by, name: r.ack_name ?? '' },
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by === null ? null : { id: r.resolved_by, name: r.res_name ?? '' },
  };
}

export async function listAlerts(db: Db, workspaceId: number, options: { status?: AlertStatus; ruleId?: number; limit: number; before?: number }): Promise<Alert[]> {
  let select = selectAlerts(db).where('alerts.workspace_id', '=', workspaceId);
  if (options.status) select = select.where('alerts.status', '=', options.status);
  if (options.ruleId !== undefined) select = select.where('alerts.rule_id', '=', options.ruleId);
  if (options.before !== undefined) select = select.where('alerts.id', '<', options.before);
  return (await select.orderBy('alerts.id', 'desc').limit(options.limit).execute()).map(toAlert);
}

export async function findAlert(db: Db, workspaceId: number, id: number): Promise<Alert> {
  const row = await selectAlerts(db).where('alerts.workspace_id', '=', workspaceId).where('alerts.id', '=', id).executeTakeFirst();
  if (!row) throw new RelaisError('RELAIS_ALERT_NOT_FOUND', `No alert ${id} in this workspace.`, { field: 'id' });
  return toAlert(row);
}

export async function alertTimeline(db: Db, alertId: number): Promise<AlertEvent[]> {
  const rows = await adb(db).selectFrom('alert_events').selectAll().where('alert_id', '=', alertId).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    type: r.type,
    actor: r.actor_id === null && r.actor_name === null ? null : { id: r.actor_id, name: r.actor_name ?? '' },
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}

/** Appends a step to an alert's timeline (never updates one). */
export async function appendEvent(db: Db, alert: { workspaceId: number; alertId: number }, event: { at: number; type: string; actor?: { id: number; name: string } | null; detail?: Record<string, unknown> }): Promise<void> {
  await adb(db)
    .insertInto('alert_events')
    .values({ workspace_id: alert.workspaceId, alert_id: alert.alertId, at: event.at, type: event.type, actor_id: event.actor?.id ?? null, actor_name: event.actor?.name ?? null, detail: JSON.stringify(event.detail ?? {}) })
    .execute();
}

/** Window starts of a rule's recorded alerts since `since`, by subject (for the cooldown). */
export async function recordedWindows(db: Db, ruleId: number, since: number): Promise<Map<string, number[]>> {
  const rows = await adb(db).selectFrom('alerts').select(['subject', 'window_start']).where('rule_id', '=', ruleId).where('window_start', '>=', since).execute();
  const out = new Map<string, number[]>();
  for (const r of rows) (out.get(r.subject) ?? out.set(r.subject, []).get(r.subject)!).push(r.window_start);
  return out;
}

/**
 * Records a firing as an alert with its first timeline step, once: returns the new alert, or
 * null when this rule × subject × window was already recorded (by this worker or another).
 */
export async function recordFiring(db: Db, rule: Rule, firing: Firing, now: number): Promise<Alert | null> {
  const id = await adb(db)
    .transaction()
    .execute(async (trx) => {
      const inserted = await trx
        .insertInto('alerts')
        .values({
          workspace_id: rule.workspaceId,
          rule_id: rule.id,
          rule_name: rule.name,
          kind: rule.kind,
          topic_id: rule.topicId,
          subject: firing.subject,
          window_start: firing.windowStart,
          window_end: firing.windowEnd,
          severity: firing.severity,
          figures: JSON.stringify(firing.figures),
          explanation: firing.explanation,
          mention_ids: JSON.stringify(firing.mentionIds),
          status: 'open',
          fired_at: now,
          acknowledged_at: null,
          acknowledged_by: null,
          resolved_at: null,
          resolved_by: null,
        })
        .onConflict((oc) => oc.columns(['rule_id', 'subject', 'window_start']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return null;
      await trx
        .insertInto('alert_events')
        .values({ workspace_id: rule.workspaceId, alert_id: inserted.id, at: now, type: 'fired', actor_id: null, actor_name: null, detail: JSON.stringify({ explanation: firing.explanation, figures: firing.figures }) })
        .execute();
      return inserted.id;
    });
  return id === null ? null : findAlert(db, rule.workspaceId, id);
}

const NEXT: Record<'acknowledge' | 'resolve', { from: AlertStatus[]; to: AlertStatus; event: string }> = {
  acknowledge: { from: ['open'], to: 'acknowledged', event: 'acknowledged' },
  resolve: { from: ['open', 'acknowledged'], to: 'resolved', event: 'resolved' },
};

/** open → acknowledged → resolved (or open → resolved), with who and when on the timeline. */
export async function moveAlert(db: Db, workspaceId: number, id: number, action: 'acknowledge' | 'resolve', actor: { id: number; name: string }, now: number, note?: string): Promise<Alert> {
  const step = NEXT[action];
  await adb(db)
    .transaction()
    .execute(async (trx) => {
      const row = await trx.selectFrom('alerts').select('status').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
      if (!row) throw new RelaisError('RELAIS_ALERT_NOT_FOUND', `No alert ${id} in this workspace.`, { field: 'id' });
      if (!step.from.includes(row.status as AlertStatus)) {
        throw new RelaisError('RELAIS_ALERT_STATUS_INVALID', `Alert ${id} is ${row.status}: it cannot be ${step.to} now.`, { field: 'id', status: row.status });
      }
      const updated = await trx
        .updateTable('alerts')
        .set(action === 'acknowledge' ? { status: step.to, acknowledged_at: now, acknowledged_by: actor.id } : { status: step.to, resolved_at: now, resolved_by: actor.id })
        .where('id', '=', id)
        .where('status', '=', row.status)
        .executeTakeFirst();
      // Someone else moved it between our read and our write.
      if (Number(updated.numUpdatedRows) !== 1) throw new RelaisError('RELAIS_ALERT_STATUS_INVALID', `Alert ${id} changed meanwhile: reload it.`, { field: 'id' });
      await trx
        .insertInto('alert_events')
        .values({ workspace_id: workspaceId, alert_id: id, at: now, type: step.event, actor_id: actor.id, actor_name: actor.name, detail: JSON.stringify(note ? { note } : {}) })
        .execute();
    });
  return findAlert(db, workspaceId, id);
}

export interface DeliveryAttempt {
  id: number;
  channel: string;
  url: string;
  attempt: number;
  outcome: 'succeeded' | 'failed';
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
  at: number;
}

export async function recordDelivery(db: Db, workspaceId: number, alertId: number, attempt: Omit<DeliveryAttempt, 'id'>): Promise<void> {
  await adb(db)
    .insertInto('alert_deliveries')
    .values({ workspace_id: workspaceId, alert_id: alertId, channel: attempt.channel, url: attempt.url, attempt: attempt.attempt, outcome: attempt.outcome, http_status: attempt.httpStatus, error: attempt.error, duration_ms: attempt.durationMs, at: attempt.at })
    .execute();
}

export async function listDeliveries(db: Db, alertId: number): Promise<DeliveryAttempt[]> {
  const rows = await adb(db).selectFrom('alert_deliveries').selectAll().where('alert_id', '=', alertId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, channel: r.channel, url: r.url, attempt: r.attempt, outcome: r.outcome as DeliveryAttempt['outcome'], httpStatus: r.http_status, error: r.error, durationMs: r.duration_ms, at: r.at }));
}

export async function alertDelivered(db: Db, alertId: number): Promise<boolean> {
  const row = await adb(db).selectFrom('alert_deliveries').select('id').where('alert_id', '=', alertId).where('outcome', '=', 'succeeded').executeTakeFirst();
  return row !== undefined;
}

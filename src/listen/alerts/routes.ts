// The alert API: rules (CRUD, the dry run "when would it have fired?", the recommended rules),
// and alerts (list, one with its timeline and deliveries, acknowledge, resolve). Reading is
// for every role from viewer; rules and alert handling for managers and strategists.
import { createRoute, z } from '@hono/zod-openapi';
import type { CapabilityContext } from '../../platform/capability.ts';
import { roleAllows } from '../../platform/auth/roles.ts';
import { audit } from '../../platform/auth/store.ts';
import { RelaisError } from '../../platform/errors.ts';
import type { Actor, WorkspaceScope } from '../../platform/http/context.ts';
import { ErrorSchema, jsonBody, jsonResponse, WorkspaceParam } from '../../platform/http/schemas.ts';
import { findTopic } from '../topics.ts';
import { dryRun } from './engine.ts';
import { ALERT_STATUSES, RULE_DEFAULTS, type Rule, type RuleKind } from './model.ts';
import { recommendedRules } from './recommended.ts';
import { AlertEventSchema, AlertSchema, DeliverySchema, DryRunSchema, resolveParams, RuleInputSchema, RulePatchSchema, RuleSchema } from './schemas.ts';
import { alertTimeline, createRule, deleteRule, findAlert, findRule, listAlerts, listDeliveries, listRules, moveAlert, updateRule } from './store.ts';

const IdParam = WorkspaceParam.extend({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) });
const TestQuery = z.object({
  days: z.coerce.number().int().min(1).max(90).default(30).openapi({ description: 'How many days back (default 30)' }),
  to: z.coerce.number().int().optional().openapi({ description: 'End of the period, epoch ms (default now)' }),
});

/** A rule as the API shows it: the webhook secret only to those who manage rules. */
export function presentRule(rule: Rule, manager: boolean) {
  const { workspaceId: _, webhookSecret, ...rest } = rule;
  return { ...rest, webhookSecret: manager ? webhookSecret : null };
}

function canManageRules(workspace: WorkspaceScope): boolean {
  return roleAllows(workspace.role, 'manager');
}

function checkPrivate(allow: boolean | undefined, actor: Actor): void {
  if (allow && !actor.user.isAdmin) throw new RelaisError('RELAIS_FORBIDDEN', 'Only an administrator may allow webhooks on private addresses.', { field: 'body.webhookAllowPrivate' });
}

export function registerAlertRoutes(ctx: CapabilityContext, hooks: { onRulesChanged(workspaceId: number): void }): void {
  const { api } = ctx;
  const tags = ['alerts'];

  api.route(
    'viewer',
    createRoute({ method: 'get', path: '/api/v1/w/{workspace}/alert-rules', tags, summary: 'Alert rules', request: { params: WorkspaceParam }, responses: { 200: jsonResponse(z.object({ rules: z.array(RuleSchema) }), 'Rules') } }),
    async (c) => {
      const workspace = c.get('workspace')!;
      return c.json({ rules: (await listRules(ctx.db, workspace.id)).map((r) => presentRule(r, canManageRules(workspace))) }, 200);
    },
  );

  api.route(
    'viewer',
    createRoute({ method: 'get', path: '/api/v1/w/{workspace}/alert-rules/defaults', tags, summary: "Each kind's default thresholds and cooldown", request: { params: WorkspaceParam }, responses: { 200: jsonResponse(z.object({ defaults: z.record(z.string(), z.object({ params: z.record(z.string(), z.union([z.number(), z.string()])), cooldownMinutes: z.number() })) }), 'Defaults') } }),
    async (c) => c.json({ defaults: RULE_DEFAULTS as unknown as Record<string, { params: Record<string, number | string>; cooldownMinutes: number }> }, 200),
  );

  api.route(
    'manager',
    createRoute({
      method: 'post',
      path: '/api/v1/w/{workspace}/alert-rules',
      tags,
      summary: 'Create an alert rule',
      request: { params: WorkspaceParam, body: jsonBody(RuleInputSchema) },
      responses: { 201: jsonResponse(RuleSchema, 'Created'), 400: jsonResponse(ErrorSchema, 'A threshold, the query or the webhook is invalid'), 404: jsonResponse(ErrorSchema, 'No such topic') },
    }),
    async (c) => {
      const workspace = c.get('workspace')!;
      const input = c.req.valid('json');
      checkPrivate(input.webhookAllowPrivate, c.get('actor')!);
      const rule = await createRule(ctx.db, workspace.id, { ...input, params: resolveParams(input.kind, input.params), cooldownMinutes: input.cooldownMinutes ?? RULE_DEFAULTS[input.kind].cooldownMinutes }, ctx.now());
      await audit(ctx.db, { workspaceId: workspace.id, userId: c.get('actor')!.user.id, action: 'alert-rule.create', target: String(rule.id), data: { name: rule.name, kind: rule.kind }, now: ctx.now() });
      hooks.onRulesChanged(workspace.id);
      return c.json(presentRule(rule, true), 201);
    },
  );

  api.route(
    'manager',
    createRoute({
      method: 'post',
      path: '/api/v1/w/{workspace}/alert-rules/recommended',
      tags,
      summary: 'Create the recommended rules for a topic: a spike, a negative surge, an influential author turning negative, "boycott"',
      request: { params: WorkspaceParam, body: jsonBody(z.object({ topicId: z.number().int().positive().nullable() })) },
      responses: { 201: jsonResponse(z.object({ rules: z.array(RuleSchema) }), 'Created'), 404: jsonResponse(ErrorSchema, 'No such topic') },
    }),
    async (c) => {
      const workspace = c.get('workspace')!;
      const { topicId } = c.req.valid('json');
      const rules: Rule[] = [];
      for (const input of recommendedRules(topicId)) rules.push(await createRule(ctx.db, workspace.id, input, ctx.now()));
      await audit(ctx.db, { workspaceId: workspace.id, userId: c.get('actor')!.user.id, action: 'alert-rule.create', target: rules.map((r) => r.id).join(','), data: { recommended: true, topicId }, now: ctx.now() });
      hooks.onRulesChanged(workspace.id);
      return c.json({ rules: rules.map((r) => presentRule(r, true)) }, 201);
    },
  );

  api.route(
    'manager',
    createRoute({
      method: 'post',
      path: '/api/v1/w/{workspace}/alert-rules/test',
      tags,
      summary: 'Dry run of a rule not saved yet: when it would have fired over the last days',
      request: { params: WorkspaceParam, query: TestQuery, body: jsonBody(RuleInputSchema) },
      responses: { 200: jsonResponse(DryRunSchema, 'The firings, after the cooldown'), 400: jsonResponse(ErrorSchema, 'The rule is invalid') },
    }),
    async (c) => {
      const workspace = c.get('workspace')!;
      const input = c.req.valid('json');
      const q = c.req.valid('query');
      if (input.topicId !== null) await findTopic(ctx.db, workspace.id, input.topicId);
      const kind: RuleKind = input.kind;
      const rule: Rule = {
        id: 0,
        workspaceId: workspace.id,
        name: input.name,
        kind,
        topicId: input.topicId,
        params: resolveParams(kind, input.params),
        cooldownMinutes: input.cooldownMinutes ?? RULE_DEFAULTS[kind].cooldownMinutes,
        quietHours: input.quietHours,
        enabled: true,
        webhookUrl: null,
        webhookAllowPrivate: false,
        webhookSecret: '',
        createdAt: 0,
        updatedAt: 0,
      };
      return c.json(await dryRun(ctx.db, rule, q.to ?? ctx.now(), q.days), 200);
    },
  );

  api.route(
    'viewer',
    createRoute({ method: 'get', path: '/api/v1/w/{workspace}/alert-rules/{id}', tags, summary: 'One alert rule', request: { params: IdParam }, responses: { 200: jsonResponse(RuleSchema, 'The rule'), 404: jsonResponse(ErrorSchema, 'No such rule') } }),
    async (c) => {
      const workspace = c.get('workspace')!;
      return c.json(presentRule(await findRule(ctx.db, workspace.id, c.req.valid('param').id), canManageRules(workspace)), 200);
    },
  );

  api.route(
    'manager',
    createRoute({
      method: 'patch',
      path: '/api/v1/w/{workspace}/alert-rules/{id}',
      tags,
      summary: 'Change a rule: thresholds, cooldown, quiet hours, webhook; pause it; give it a new secret',
      request: { params: IdParam, body: jsonBody(RulePatchSchema) },
      responses: { 200: jsonResponse(RuleSchema, 'Updated'), 400: jsonResponse(ErrorSchema, 'Invalid'), 404: jsonResponse(ErrorSchema, 'No such rule') },
    }),
    async (c) => {
      const workspace = c.get('workspace')!;
      const id = c.req.valid('param').id;
      const patch = c.req.valid('json');
      checkPrivate(patch.webhookAllowPrivate, c.get('actor')!);
      const current = await findRule(ctx.db, workspace.id, id);
      const params = patch.params === undefined ? undefined : resolveParams(current.kind, patch.params, current.params);
      const rule = await updateRule(ctx.db, workspace.id, id, { ...patch, params }, ctx.now());
      await audit(ctx.db, { workspaceId: workspace.id, userId: c.get('actor')!.user.id, action: 'alert-rule.update', target: String(id), data: { fields: Object.keys(patch) }, now: ctx.now() });
      hooks.onRulesChanged(workspace.id);
      return c.json(presentRule(rule, true), 200);
    },
  );

  api.route(
    'manager',
    createRoute({ method: 'delete', path: '/api/v1/w/{workspace}/alert-rules/{id}', tags, summary: 'Delete a rule (its alerts stay, with their record)', request: { params: IdParam }, responses: { 204: { description: 'Deleted' }, 404: jsonResponse(ErrorSchema, 'No such rule') } }),
    async (c) => {
      const workspace = c.get('workspace')!;
      await deleteRule(ctx.db, workspace.id, c.req.valid('param').id);
      await audit(ctx.db, { workspaceId: workspace.id, userId: c.get('actor')!.user.id, action: 'alert-rule.delete', target: String(c.req.valid('param').id), now: ctx.now() });
      return c.body(null, 204);
    },
  );

  api.route(
    'manager',
    createRoute({
      method: 'post',
      path: '/api/v1/w/{workspace}/alert-rules/{id}/test',
      tags,
      summary: 'Dry run of a saved rule: when it would have fired over the last days',
      request: { params: IdParam, query: TestQuery },
      responses: { 200: jsonResponse(DryRunSchema, 'The firings, after the cooldown'), 404: jsonResponse(ErrorSchema, 'No such rule') },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rule = await findRule(ctx.db, c.get('workspace')!.id, c.req.valid('param').id);
      return c.json(await dryRun(ctx.db, rule, q.to ?? ctx.now(), q.days), 200);
    },
  );

  api.route(
    'viewer',
    createRoute({
      method: 'get',
      path: '/api/v1/w/{workspace}/alerts',
      tags,
      summary: 'Alerts, newest first',
      description: 'Pages with `before` (the `next` cursor of the previous page). New alerts also arrive on the workspace event stream as `{ "type": "alert.fired", "alert": … }`.',
      request: {
        params: WorkspaceParam,
        query: z.object({
          status: z.enum(ALERT_STATUSES).optional(),
          rule: z.coerce.number().int().positive().optional(),
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
      responses: { 200: jsonResponse(z.object({ alerts: z.array(AlertSchema), next: z.number().nullable() }), 'A page of alerts') },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const alerts = await listAlerts(ctx.db, c.get('workspace')!.id, { status: q.status, ruleId: q.rule, before: q.before, limit: q.limit });
      return c.json({ alerts, next: alerts.length === q.limit ? alerts[alerts.length - 1]!.id : null }, 200);
    },
  );

  api.route(
    'viewer',
    createRoute({
      method: 'get',
      path: '/api/v1/w/{workspace}/alerts/{id}',
      tags,
      summary: 'One alert with its timeline and its delivery attempts',
      request: { params: IdParam },
      responses: { 200: jsonResponse(z.object({ alert: AlertSchema, timeline: z.array(AlertEventSchema), deliveries: z.array(DeliverySchema) }), 'The alert'), 404: jsonResponse(ErrorSchema, 'No such alert') },
    }),
    async (c) => {
      const alert = await findAlert(ctx.db, c.get('workspace')!.id, c.req.valid('param').id);
      const [timeline, deliveries] = await Promise.all([alertTimeline(ctx.db, alert.id), listDeliveries(ctx.db, alert.id)]);
      return c.json({ alert, timeline, deliveries }, 200);
    },
  );

  for (const action of ['acknowledge', 'resolve'] as const) {
    api.route(
      'manager',
      createRoute({
        method: 'post',
        path: `/api/v1/w/{workspace}/alerts/{id}/${action}`,
        tags,
        summary: action === 'acknowledge' ? 'Acknowledge an open alert: someone is on it' : 'Resolve an alert, with an optional note',
        request: { params: IdParam, body: jsonBody(z.object({ note: z.string().trim().max(2000).optional() })) },
        responses: { 200: jsonResponse(AlertSchema, 'The alert'), 404: jsonResponse(ErrorSchema, 'No such alert'), 409: jsonResponse(ErrorSchema, 'Not in a state that allows it') },
      }),
      async (c) => {
        const workspace = c.get('workspace')!;
        const user = c.get('actor')!.user;
        const alert = await moveAlert(ctx.db, workspace.id, c.req.valid('param').id, action, { id: user.id, name: user.name }, ctx.now(), c.req.valid('json').note || undefined);
        await audit(ctx.db, { workspaceId: workspace.id, userId: user.id, action: `alert.${action}`, target: String(alert.id), now: ctx.now() });
        ctx.events.publish(workspace.id, { type: 'alert.updated', alert });
        return c.json(alert, 200);
      },
    );
  }
}

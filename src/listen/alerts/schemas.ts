// The alert API's zod schemas, and the check of a rule's thresholds against its kind (each
// kind takes its own fields; a field of another kind is an error that names it).
import { z } from '@hono/zod-openapi';
import { RelaisError } from '../../platform/errors.ts';
import { checkQuery } from '../topics.ts';
import { ALERT_STATUSES, RULE_DEFAULTS, RULE_KINDS, type RuleKind, type RuleParamsByKind } from './model.ts';
import { isValidTimeZone } from './quiet-hours.ts';

const PARAM_SCHEMAS = {
  spike: z.object({ minFactor: z.number().min(1).max(10_000), minCount: z.number().int().min(1).max(1_000_000), minZ: z.number().min(0).max(100) }).strict(),
  negative_surge: z
    .object({
      windowHours: z.number().int().min(1).max(72),
      minNegative: z.number().int().min(1).max(1_000_000),
      minShare: z.number().min(0).max(1),
      minRatio: z.number().min(1).max(100),
      baselineDays: z.number().int().min(1).max(28),
    })
    .strict(),
  influencer_negative: z.object({ minFollowers: z.number().int().min(0).max(10_000_000_000), lookbackDays: z.number().int().min(1).max(90) }).strict(),
  keyword: z.object({ query: z.string().min(1).max(2000), minCount: z.number().int().min(1).max(1_000_000), windowHours: z.number().int().min(1).max(72) }).strict(),
} satisfies { [K in RuleKind]: z.ZodType<RuleParamsByKind[K]> };

/** Every kind's fields, each optional: what the API takes and gives (the kind says which apply). */
export const RuleParamsSchema = z
  .object({
    minFactor: z.number().optional().openapi({ description: 'spike: the hour over its baseline at least (default 5)' }),
    minCount: z.number().optional().openapi({ description: 'spike, keyword: mentions at least (default 20, 3)' }),
    minZ: z.number().optional().openapi({ description: 'spike: robust z-score at least (default 3.5)' }),
    windowHours: z.number().optional().openapi({ description: 'negative_surge, keyword: the window in hours (default 6, 1)' }),
    minNegative: z.number().optional().openapi({ description: 'negative_surge: negative mentions in the window at least (default 20)' }),
    minShare: z.number().optional().openapi({ description: 'negative_surge: negative share at least, 0–1 (default 0.3)' }),
    minRatio: z.number().optional().openapi({ description: 'negative_surge: times the baseline share at least (default 2)' }),
    baselineDays: z.number().optional().openapi({ description: 'negative_surge: days before the window for the baseline (default 7)' }),
    minFollowers: z.number().optional().openapi({ description: 'influencer_negative: followers at least (default 50,000)' }),
    lookbackDays: z.number().optional().openapi({ description: 'influencer_negative: the author was mostly not negative over these days before (default 30)' }),
    query: z.string().optional().openapi({ description: 'keyword: a query of the topic language, e.g. boycott OR arnaque' }),
  })
  .openapi('AlertRuleParams');

/** The kind's thresholds: `given` over `base` (the rule's, or the kind's defaults), checked. */
export function resolveParams<K extends RuleKind>(kind: K, given: Record<string, unknown> | undefined, base: RuleParamsByKind[K] = RULE_DEFAULTS[kind].params, field = 'body.params'): RuleParamsByKind[K] {
  const defined = Object.fromEntries(Object.entries(given ?? {}).filter(([, v]) => v !== undefined));
  const result = PARAM_SCHEMAS[kind].safeParse({ ...base, ...defined });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path.join('.');
    const message = issue.code === 'unrecognized_keys' ? `${key} does not apply to a ${kind} rule (it takes ${Object.keys(PARAM_SCHEMAS[kind].shape).join(', ')}).` : `${key}: ${issue.message}`;
    throw new RelaisError('RELAIS_ALERT_RULE_INVALID', message, { field: `${field}.${key}` });
  }
  const params = result.data as RuleParamsByKind[K];
  if (kind === 'keyword') checkQuery((params as RuleParamsByKind['keyword']).query, `${field}.query`);
  return params;
}

export const QuietHoursSchema = z
  .object({
    from: z.number().int().min(0).max(23).openapi({ description: 'First quiet hour, local' }),
    to: z.number().int().min(0).max(23).openapi({ description: 'First hour after the quiet hours, local' }),
    timeZone: z.string().max(64).refine(isValidTimeZone, 'not an IANA time zone (e.g. Europe/Paris)'),
  })
  .openapi('QuietHours');

const WebhookUrl = z
  .string()
  .max(2000)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http:// or https:// URL');

export const RuleInputSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    kind: z.enum(RULE_KINDS),
    topicId: z.number().int().positive().nullable().default(null).openapi({ description: 'The topic watched; null: the whole workspace' }),
    params: RuleParamsSchema.optional().openapi({ description: "The kind's thresholds; those left out take their defaults" }),
    cooldownMinutes: z.number().int().min(0).max(30 * 24 * 60).optional().openapi({ description: 'No new alert while the same buzz goes on within this many minutes (default per kind)' }),
    quietHours: QuietHoursSchema.nullable().default(null).openapi({ description: 'Webhooks wait during these hours; off by default' }),
    enabled: z.boolean().default(true),
    webhookUrl: WebhookUrl.nullable().default(null),
    webhookAllowPrivate: z.boolean().default(false).openapi({ description: 'Administrators only: allow a webhook on a loopback or private address' }),
  })
  .openapi('AlertRuleInput');

export const RulePatchSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    topicId: z.number().int().positive().nullable(),
    params: RuleParamsSchema,
    cooldownMinutes: z.number().int().min(0).max(30 * 24 * 60),
    quietHours: QuietHoursSchema.nullable(),
    enabled: z.boolean(),
    webhookUrl: WebhookUrl.nullable(),
    webhookAllowPrivate: z.boolean(),
    rotateSecret: z.literal(true).openapi({ description: 'Give the rule a new webhook secret' }),
  })
  .partial()
  .openapi('AlertRulePatch');

export const RuleSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    kind: z.enum(RULE_KINDS),
    topicId: z.number().nullable(),
    params: RuleParamsSchema,
    cooldownMinutes: z.number(),
    quietHours: QuietHoursSchema.nullable(),
    enabled: z.boolean(),
    webhookUrl: z.string().nullable(),
    webhookAllowPrivate: z.boolean(),
    webhookSecret: z.string().nullable().openapi({ description: 'Signs the webhook bodies; shown to managers and strategists only' }),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .openapi('AlertRule');

const FiguresSchema = z.record(z.string(), z.union([z.number(), z.string(), z.null()]));

export const FiringSchema = z
  .object({ subject: z.string(), windowStart: z.number(), windowEnd: z.number(), severity: z.enum(['warning', 'critical']), figures: FiguresSchema, explanation: z.string(), mentionIds: z.array(z.number()) })
  .openapi('AlertFiring');

export const DryRunSchema = z
  .object({ from: z.number(), to: z.number(), firings: z.array(FiringSchema), heldBack: z.number().openapi({ description: 'Windows where the condition held within the cooldown of an earlier one (same buzz)' }) })
  .openapi('AlertDryRun');

const Person = z.object({ id: z.number(), name: z.string() }).nullable();

export const AlertSchema = z
  .object({
    id: z.number(),
    ruleId: z.number().nullable(),
    ruleName: z.string(),
    kind: z.enum(RULE_KINDS),
    topicId: z.number().nullable(),
    subject: z.string(),
    windowStart: z.number(),
    windowEnd: z.number(),
    severity: z.enum(['warning', 'critical']),
    figures: FiguresSchema,
    explanation: z.string(),
    mentionIds: z.array(z.number()),
    status: z.enum(ALERT_STATUSES),
    firedAt: z.number(),
    acknowledgedAt: z.number().nullable(),
    acknowledgedBy: Person,
    resolvedAt: z.number().nullable(),
    resolvedBy: Person,
  })
  .openapi('Alert');

export const AlertEventSchema = z
  .object({ id: z.number(), at: z.number(), type: z.string(), actor: z.object({ id: z.number().nullable(), name: z.string() }).nullable(), detail: z.record(z.string(), z.unknown()) })
  .openapi('AlertEvent');

export const DeliverySchema = z
  .object({ id: z.number(), channel: z.string(), url: z.string(), attempt: z.number(), outcome: z.enum(['succeeded', 'failed']), httpStatus: z.number().nullable(), error: z.string().nullable(), durationMs: z.number(), at: z.number() })
  .openapi('AlertDelivery');

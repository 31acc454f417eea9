// `relais alert …`: add rules (or the recommended ones), list rules and alerts, dry-run a rule
// over past days, acknowledge and resolve alerts.
import type { Kysely } from 'kysely';
import { audit, findUserByEmail, findWorkspace, workspacesOf } from '../../platform/auth/store.ts';
import { roleAllows } from '../../platform/auth/roles.ts';
import { choiceFlag, intFlag, requiredFlag, type Command, type FlagValues } from '../../platform/command.ts';
import type { PlatformTables } from '../../platform/db/schema.ts';
import { RelaisError } from '../../platform/errors.ts';
import { dryRun } from './engine.ts';
import { ALERT_STATUSES, RULE_DEFAULTS, RULE_KINDS, type QuietHours, type Rule, type RuleKind } from './model.ts';
import { isValidTimeZone } from './quiet-hours.ts';
import { recommendedRules } from './recommended.ts';
import { resolveParams } from './schemas.ts';
import { createRule, findRule, listAlerts, listRules, moveAlert } from './store.ts';
import { utcHour } from './evaluate.ts';

const HELP = `Usage:
  relais alert add KIND --workspace SLUG [--name NAME] [--topic ID] [--param KEY=VALUE]…
                   [--cooldown MINUTES] [--quiet FROM-TO@TIMEZONE] [--webhook URL] [--disabled]
  relais alert add --recommended --workspace SLUG [--topic ID]
  relais alert rules --workspace SLUG [--json]
  relais alert test RULE_ID --workspace SLUG [--days N] [--json]
  relais alert test KIND --workspace SLUG [--topic ID] [--param KEY=VALUE]… [--cooldown MINUTES] [--days N]
  relais alert list --workspace SLUG [--status open|acknowledged|resolved] [--limit N] [--json]
  relais alert ack ALERT_ID --workspace SLUG --as EMAIL
  relais alert resolve ALERT_ID --workspace SLUG --as EMAIL [--note TEXT]

Kinds and their parameters (defaults in brackets):
  spike                 the hour's volume against what the hours before it let expect (a
                        robust baseline with a daily rhythm): minFactor [5], minCount [20], minZ [3.5]
  negative_surge        the negative share of a window against the days before it:
                        windowHours [6], minNegative [20], minShare [0.3], minRatio [2], baselineDays [7]
  influencer_negative   a negative mention by an author with many followers who was mostly not
                        negative before: minFollowers [50000], lookbackDays [30]
  keyword               mentions matching a topic query in a window: query ["boycott OR boycotter
                        OR arnaque OR scam"], minCount [3], windowHours [1]

add          creates a rule (--recommended: one of each kind with the defaults). Without --topic a
             rule watches every mention of the workspace. \`relais serve\` evaluates rules every
             minute and after each ingested batch; an alert fires once per rule and window, and
             not again while the same buzz goes on within the cooldown.
--quiet      e.g. 22-7@Europe/Paris: webhooks wait until 7 h (the alert is recorded at once).
--webhook    POSTs each alert as JSON, signed: X-Relais-Signature: sha256=HMAC(secret, body), with
             X-Relais-Timestamp; the secret is shown by \`alert rules\` (retries with back-off).
test         dry run: when the rule would have fired over the last N days [30], with the figures.
ack/resolve  moves an alert open → acknowledged → resolved, as the user given (manager or
             strategist of the workspace), on the alert's timeline.
Common options: --database URL, --json, -h/--help.`;

async function workspaceOf(db: Kysely<PlatformTables>, values: FlagValues) {
  const slug = requiredFlag(values.workspace, '--workspace', 'the workspace slug, e.g. --workspace demo');
  const workspace = await findWorkspace(db, slug);
  if (!workspace) throw new RelaisError('RELAIS_NOT_FOUND', `No workspace ${slug}.`, { field: '--workspace' });
  return workspace;
}

/** --param minFactor=5 --param query="boycott OR arnaque": numbers stay numbers. */
function paramsOf(values: string[] | undefined): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const pair of values ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new RelaisError('RELAIS_CLI_USAGE', `--param takes KEY=VALUE, not "${pair}".`, { field: '--param', hint: '--param minFactor=5' });
    const key = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    out[key] = key !== 'query' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
  }
  return out;
}

function quietOf(value: string | boolean | undefined): QuietHours | null {
  if (value === undefined) return null;
  const match = typeof value === 'string' ? /^(\d{1,2})-(\d{1,2})@(.+)$/.exec(value) : null;
  const from = Number(match?.[1]);
  const to = Number(match?.[2]);
  if (!match || from > 23 || to > 23 || !isValidTimeZone(match[3]!)) {
    throw new RelaisError('RELAIS_CLI_USAGE', `--quiet takes FROM-TO@TIMEZONE with hours 0–23, not "${String(value)}".`, { field: '--quiet', hint: '--quiet 22-7@Europe/Paris' });
  }
  return { from, to, timeZone: match[3]! };
}

function kindOf(value: string | undefined): RuleKind {
  return choiceFlag(requiredFlag(value, 'KIND', `one of ${RULE_KINDS.join(', ')}`), 'KIND', RULE_KINDS, 'spike');
}

function topicOf(values: FlagValues): number | null {
  return values.topic === undefined ? null : intFlag(values.topic, '--topic', 0, 1);
}

function describeRule(r: Rule): string {
  const params = Object.entries(r.params).map(([k, v]) => `${k}=${typeof v === 'string' ? JSON.stringify(v) : v}`).join(' ');
  return `${String(r.id).padStart(4)}  ${r.enabled ? 'on ' : 'off'} ${r.kind.padEnd(19)} ${r.name}${r.topicId ? ` (topic ${r.topicId})` : ''}  ${params}  cooldown ${r.cooldownMinutes} min${r.webhookUrl ? `  webhook ${r.webhookUrl} secret ${r.webhookSecret}` : ''}`;
}

async function actorOf(db: Kysely<PlatformTables>, workspaceId: number, values: FlagValues) {
  const email = requiredFlag(values.as, '--as', 'the email of the manager or strategist acting, e.g. --as manager@demo.relais');
  const user = await findUserByEmail(db, email);
  if (!user) throw new RelaisError('RELAIS_NOT_FOUND', `No user ${email}.`, { field: '--as' });
  const membership = (await workspacesOf(db, user)).find((w) => w.id === workspaceId);
  if (!membership || !roleAllows(membership.role, 'manager')) throw new RelaisError('RELAIS_FORBIDDEN', `${email} is not a manager or strategist of this workspace.`, { field: '--as' });
  return { id: user.id, name: user.name };
}

const ACTIONS = ['add', 'rules', 'test', 'list', 'ack', 'resolve'];

export const alertCommand: Command = {
  name: 'alert',
  summary: 'Add alert rules, test them on past days, list and acknowledge alerts',
  help: HELP,
  positionals: true,
  options: {
    workspace: { type: 'string' },
    name: { type: 'string' },
    topic: { type: 'string' },
    param: { type: 'string', multiple: true },
    cooldown: { type: 'string' },
    quiet: { type: 'string' },
    webhook: { type: 'string' },
    disabled: { type: 'boolean' },
    recommended: { type: 'boolean' },
    days: { type: 'string' },
    status: { type: 'string' },
    limit: { type: 'string' },
    as: { type: 'string' },
    note: { type: 'string' },
  },
  async run({ values, positionals }, io) {
    const [action, arg] = positionals;
    const raw = values as FlagValues & { param?: string[] };
    const print = (data: unknown, text: string) => io.out(values.json ? JSON.stringify(data) : text);
    if (!ACTIONS.includes(action ?? '')) {
      throw new RelaisError('RELAIS_CLI_USAGE', action ? `Unknown action "${action}".` : 'No action given.', { hint: 'use add, rules, test, list, ack or resolve; see `relais alert --help`' });
    }
    await io.withDatabase(values, async (database) => {
      const db = database.db;
      const workspace = await workspaceOf(db, values);
      const now = Date.now();
      switch (action) {
        case 'add': {
          if (values.recommended) {
            const rules: Rule[] = [];
            for (const input of recommendedRules(topicOf(values))) rules.push(await createRule(db, workspace.id, input, now));
            return print(rules, rules.map(describeRule).join('\n'));
          }
          const kind = kindOf(arg);
          let webhookUrl: string | null = null;
          if (typeof values.webhook === 'string') {
            if (!/^https?:\/\/[^\s]+$/i.test(values.webhook) || !URL.canParse(values.webhook)) throw new RelaisError('RELAIS_CLI_USAGE', `--webhook takes an http(s) URL, not "${values.webhook}".`, { field: '--webhook' });
            webhookUrl = values.webhook;
          }
          const rule = await createRule(
            db,
            workspace.id,
            {
              name: typeof values.name === 'string' ? values.name : kind.replace('_', ' '),
              kind,
              topicId: topicOf(values),
              params: resolveParams(kind, paramsOf(raw.param), undefined, '--param'),
              cooldownMinutes: intFlag(values.cooldown, '--cooldown', RULE_DEFAULTS[kind].cooldownMinutes, 0, 30 * 24 * 60),
              quietHours: quietOf(values.quiet),
              enabled: !values.disabled,
              webhookUrl,
              webhookAllowPrivate: false,
            },
            now,
          );
          return print(rule, `Added rule ${rule.id}:\n${describeRule(rule)}`);
        }
        case 'rules': {
          const rules = await listRules(db, workspace.id);
          return print(rules, rules.map(describeRule).join('\n') || 'No alert rules.');
        }
        case 'test': {
          const days = intFlag(values.days, '--days', 30, 1, 90);
          let rule: Rule;
          if (arg && /^\d+$/.test(arg)) rule = await findRule(db, workspace.id, Number(arg));
          else {
            const kind = kindOf(arg);
            rule = { id: 0, workspaceId: workspace.id, name: kind, kind, topicId: topicOf(values), params: resolveParams(kind, paramsOf(raw.param), undefined, '--param'), cooldownMinutes: intFlag(values.cooldown, '--cooldown', RULE_DEFAULTS[kind].cooldownMinutes, 0, 30 * 24 * 60), quietHours: null, enabled: true, webhookUrl: null, webhookAllowPrivate: false, webhookSecret: '', createdAt: 0, updatedAt: 0 };
          }
          const result = await dryRun(db, rule, now, days);
          const lines = [`Over the last ${days} days, the rule would have fired ${result.firings.length} time${result.firings.length === 1 ? '' : 's'} (${result.heldBack} more windows held back by the cooldown):`, ...result.firings.map((f) => `  ${utcHour(f.windowStart)}  ${f.severity.padEnd(8)} ${f.explanation}`)];
          return print(result, lines.join('\n'));
        }
        case 'list': {
          const status = values.status === undefined ? undefined : choiceFlag(values.status, '--status', ALERT_STATUSES, 'open');
          const alerts = await listAlerts(db, workspace.id, { status, limit: intFlag(values.limit, '--limit', 50, 1, 1000) });
          return print(alerts, alerts.map((a) => `${String(a.id).padStart(5)}  ${a.status.padEnd(12)} ${a.severity.padEnd(8)} ${utcHour(a.windowStart)}  ${a.ruleName}: ${a.explanation}`).join('\n') || 'No alerts.');
        }
        case 'ack':
        case 'resolve': {
          const id = intFlag(requiredFlag(arg, 'ALERT_ID'), 'ALERT_ID', 0, 1);
          const actor = await actorOf(db, workspace.id, values);
          const alert = await moveAlert(db, workspace.id, id, action === 'ack' ? 'acknowledge' : 'resolve', actor, now, typeof values.note === 'string' ? values.note : undefined);
          await audit(db, { workspaceId: workspace.id, userId: actor.id, action: `alert.${action === 'ack' ? 'acknowledge' : 'resolve'}`, target: String(id), data: { via: 'cli' }, now });
          return print(alert, `Alert ${alert.id} is ${alert.status}.`);
        }
      }
    });
  },
};

export const alertCommands: readonly Command[] = [alertCommand];

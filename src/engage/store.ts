// Engage's settings kept in the database: rota shifts and exceptions, assignment rules, teams,
// SLA targets and saved replies. Every write checks its input and names the faulty field.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../platform/db/schema.ts';
import { RelaisError } from '../platform/errors.ts';
import { checkTimeZone } from '../publish/channels/store.ts';
import type { RuleConditions, Rule } from './assign.ts';
import type { RotaException, Shift } from './rota.ts';
import type { EngageTables } from './tables.ts';
import { DEFAULT_SLA_MINUTES, PRIORITIES, type Priority } from './triage.ts';

export const edb = (platform: Kysely<PlatformTables>) => platform.withTables<EngageTables>();

async function checkMember(platform: Kysely<PlatformTables>, workspaceId: number, userId: number, field: string): Promise<void> {
  const row = await platform.selectFrom('memberships').select('user_id').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
  if (!row) throw new RelaisError('RELAIS_REQUEST_INVALID', `User ${userId} is not a member of this workspace.`, { field });
}
export { checkMember };

export interface ShiftRow extends Shift { id: number }
export interface ExceptionRow extends RotaException { id: number }

export async function listShifts(platform: Kysely<PlatformTables>, workspaceId: number): Promise<ShiftRow[]> {
  const rows = await edb(platform).selectFrom('rota_shifts').selectAll().where('workspace_id', '=', workspaceId).orderBy('weekday').orderBy('start_minute').orderBy('id').execute();
  return rows.map((r) => ({ id: Number(r.id), userId: Number(r.user_id), kind: r.kind as Shift['kind'], weekday: r.weekday, startMinute: r.start_minute, endMinute: r.end_minute, timeZone: r.time_zone }));
}

export async function addShift(platform: Kysely<PlatformTables>, workspaceId: number, input: Omit<Shift, 'kind'> & { kind?: Shift['kind'] }, now: number): Promise<ShiftRow> {
  if (!Number.isInteger(input.weekday) || input.weekday < 1 || input.weekday > 7) throw new RelaisError('RELAIS_REQUEST_INVALID', 'The weekday is 1 (Monday) to 7 (Sunday).', { field: 'weekday' });
  if (input.startMinute < 0 || input.endMinute > 1440 || input.startMinute >= input.endMinute) throw new RelaisError('RELAIS_REQUEST_INVALID', 'The shift must start before it ends, within the day (00:00–24:00).', { field: 'end' });
  checkTimeZone(input.timeZone, 'timeZone');
  await checkMember(platform, workspaceId, input.userId, 'userId');
  const row = await edb(platform).insertInto('rota_shifts').values({ workspace_id: workspaceId, user_id: input.userId, kind: input.kind ?? 'duty', weekday: input.weekday, start_minute: input.startMinute, end_minute: input.endMinute, time_zone: input.timeZone, created_at: now }).returning('id').executeTakeFirstOrThrow();
  return { id: Number(row.id), kind: input.kind ?? 'duty', ...input };
}

export async function listExceptions(platform: Kysely<PlatformTables>, workspaceId: number): Promise<ExceptionRow[]> {
  const rows = await edb(platform).selectFrom('rota_exceptions').selectAll().where('workspace_id', '=', workspaceId).orderBy('date').orderBy('id').execute();
  return rows.map((r) => ({ id: Number(r.id), userId: Number(r.user_id), date: r.date, kind: r.kind as RotaException['kind'], startMinute: r.start_minute, endMinute: r.end_minute, timeZone: r.time_zone }));
}

export async function addException(platform: Kysely<PlatformTables>, workspaceId: number, input: RotaException, now: number): Promise<ExceptionRow> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || Number.isNaN(Date.parse(`${input.date}T00:00:00Z`))) throw new RelaisError('RELAIS_REQUEST_INVALID', `"${input.date}" is not a date YYYY-MM-DD.`, { field: 'date' });
  if (input.kind === 'on' && (input.startMinute === null || input.endMinute === null || input.startMinute >= input.endMinute)) throw new RelaisError('RELAIS_REQUEST_INVALID', 'An extra shift needs a start before its end.', { field: 'end' });
  checkTimeZone(input.timeZone, 'timeZone');
  await checkMember(platform, workspaceId, input.userId, 'userId');
  const row = await edb(platform).insertInto('rota_exceptions').values({ workspace_id: workspaceId, user_id: input.userId, date: input.date, kind: input.kind, start_minute: input.kind === 'on' ? input.startMinute : null, end_minute: input.kind === 'on' ? input.endMinute : null, time_zone: input.timeZone, created_at: now }).returning('id').executeTakeFirstOrThrow();
  return { id: Number(row.id), ...input };
}

export async function deleteRotaEntry(platform: Kysely<PlatformTables>, workspaceId: number, table: 'rota_shifts' | 'rota_exceptions', id: number): Promise<void> {
  const result = await edb(platform).deleteFrom(table).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new RelaisError('RELAIS_NOT_FOUND', `No rota entry ${id}.`);
}

export async function listRules(platform: Kysely<PlatformTables>, workspaceId: number): Promise<Rule[]> {
  const rows = await edb(platform).selectFrom('assignment_rules').selectAll().where('workspace_id', '=', workspaceId).orderBy('position').orderBy('id').execute();
  return rows.map((r) => ({ id: Number(r.id), conditions: JSON.parse(r.conditions) as RuleConditions, userId: r.user_id === null ? null : Number(r.user_id), team: r.team, priority: r.priority }));
}

export async function addRule(platform: Kysely<PlatformTables>, workspaceId: number, input: { conditions: RuleConditions; userId?: number | null; team?: string | null; priority?: Priority | null }, now: number): Promise<Rule> {
  if ((input.userId ? 1 : 0) + (input.team ? 1 : 0) !== 1) throw new RelaisError('RELAIS_REQUEST_INVALID', 'A rule assigns to a person or to a team: give exactly one.', { field: 'userId' });
  if (input.userId) await checkMember(platform, workspaceId, input.userId, 'userId');
  const last = await edb(platform).selectFrom('assignment_rules').select((eb) => eb.fn.max('position').as('p')).where('workspace_id', '=', workspaceId).executeTakeFirst();
  const row = await edb(platform).insertInto('assignment_rules').values({ workspace_id: workspaceId, position: Number(last?.p ?? 0) + 1, conditions: JSON.stringify(input.conditions), user_id: input.userId ?? null, team: input.team ?? null, priority: input.priority ?? null, created_at: now }).returning('id').executeTakeFirstOrThrow();
  return { id: Number(row.id), conditions: input.conditions, userId: input.userId ?? null, team: input.team ?? null, priority: input.priority ?? null };
}

export async function deleteRule(platform: Kysely<PlatformTables>, workspaceId: number, id: number): Promise<void> {
  const result = await edb(platform).deleteFrom('assignment_rules').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new RelaisError('RELAIS_NOT_FOUND', `No assignment rule ${id}.`);
}

export async function teamsOf(platform: Kysely<PlatformTables>, workspaceId: number): Promise<Map<string, number[]>> {
  const rows = await edb(platform).selectFrom('team_members').selectAll().where('workspace_id', '=', workspaceId).orderBy('team').orderBy('user_id').execute();
  const teams = new Map<string, number[]>();
  for (const r of rows) teams.set(r.team, [...(teams.get(r.team) ?? []), Number(r.user_id)]);
  return teams;
}

export async function setTeam(platform: Kysely<PlatformTables>, workspaceId: number, team: string, userIds: number[]): Promise<void> {
  if (!team.trim()) throw new RelaisError('RELAIS_REQUEST_INVALID', 'The team needs a name.', { field: 'team' });
  for (const [i, u] of userIds.entries()) await checkMember(platform, workspaceId, u, `userIds.${i}`);
  await platform.transaction().execute(async (trx) => {
    await edb(trx).deleteFrom('team_members').where('workspace_id', '=', workspaceId).where('team', '=', team).execute();
    if (userIds.length) await edb(trx).insertInto('team_members').values([...new Set(userIds)].map((user_id) => ({ workspace_id: workspaceId, team, user_id }))).execute();
  });
}

export async function slaTargets(platform: Kysely<PlatformTables>, workspaceId: number): Promise<Record<Priority, number>> {
  const rows = await edb(platform).selectFrom('sla_targets').selectAll().where('workspace_id', '=', workspaceId).execute();
  const targets = { ...DEFAULT_SLA_MINUTES };
  for (const r of rows) if ((PRIORITIES as readonly string[]).includes(r.priority)) targets[r.priority as Priority] = r.minutes;
  return targets;
}

export async function setSlaTarget(platform: Kysely<PlatformTables>, workspaceId: number, priority: Priority, minutes: number): Promise<void> {
  if (!Number.isInteger(minutes) || minutes < 1) throw new RelaisError('RELAIS_REQUEST_INVALID', 'The target is a whole number of minutes, at least 1.', { field: 'minutes' });
  await platform.transaction().execute(async (trx) => {
    await edb(trx).deleteFrom('sla_targets').where('workspace_id', '=', workspaceId).where('priority', '=', priority).execute();
    await edb(trx).insertInto('sla_targets').values({ workspace_id: workspaceId, priority, minutes }).execute();
  });
}

export interface SavedReply { id: number; name: string; text: string }

export async function listSavedReplies(platform: Kysely<PlatformTables>, workspaceId: number): Promise<SavedReply[]> {
  const rows = await edb(platform).selectFrom('saved_replies').select(['id', 'name', 'text']).where('workspace_id', '=', workspaceId).orderBy('name').execute();
  return rows.map((r) => ({ id: Number(r.id), name: r.name, text: r.text }));
}

export async function addSavedReply(platform: Kysely<PlatformTables>, workspaceId: number, input: { name: string; text: string }, now: number): Promise<SavedReply> {
  if (!input.name.trim()) throw new RelaisError('RELAIS_REQUEST_INVALID', 'The saved reply needs a name.', { field: 'name' });
  if (!input.text.trim()) throw new RelaisError('RELAIS_REQUEST_INVALID', 'The saved reply needs a text.', { field: 'text' });
  const existing = await edb(platform).selectFrom('saved_replies').select('id').where('workspace_id', '=', workspaceId).where('name', '=', input.name).executeTakeFirst();
  if (existing) throw new RelaisError('RELAIS_CONFLICT', `A saved reply is already named "${input.name}".`, { field: 'name' });
  const row = await edb(platform).insertInto('saved_replies').values({ workspace_id: workspaceId, name: input.name, text: input.text, created_at: now }).returning('id').executeTakeFirstOrThrow();
  return { id: Number(row.id), ...input };
}

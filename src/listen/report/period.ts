// What a report is about, from what a user types: a topic by name or id, and a period from
// dates (YYYY-MM-DD, UTC; `to` inclusive) or, by default, the 60 days up to the last mention.
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/schema.ts';
import { RelaisError } from '../../platform/errors.ts';
import { DAY_MS } from '../dashboard/queries.ts';
import { listTopics, type Topic } from '../topics.ts';

export const DEFAULT_DAYS = 60;

/** A topic of the workspace by id or by name (accents and case ignored). */
export async function resolveTopic(db: Kysely<PlatformTables>, workspaceId: number, nameOrId: string, field = '--topic'): Promise<Topic> {
  const topics = await listTopics(db, workspaceId);
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
  const found = /^\d+$/.test(nameOrId) ? topics.find((t) => t.id === Number(nameOrId)) : topics.find((t) => fold(t.name) === fold(nameOrId));
  if (!found) {
    throw new RelaisError('RELAIS_NOT_FOUND', `No topic "${nameOrId}" in this workspace.`, { field, hint: topics.length ? `topics: ${topics.map((t) => t.name).join(', ')}` : 'create one with `relais topic add`' });
  }
  return found;
}

/** Epoch ms of a date flag: YYYY-MM-DD (start of the UTC day) or a full ISO 8601 time. */
export function parseDate(value: string, field: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) throw new RelaisError('RELAIS_CLI_USAGE', `${field} takes a date such as 2026-10-01, not "${value}".`, { field });
  return ms;
}

/** The period [from, to): given dates (a date-only `to` counts its whole day), else the 60 days up to the workspace's last mention. */
export async function resolvePeriod(db: Kysely<PlatformTables>, workspaceId: number, flags: { from?: string; to?: string }, now: number): Promise<{ from: number; to: number }> {
  const to = flags.to ? parseDate(flags.to, '--to') + (/^\d{4}-\d{2}-\d{2}$/.test(flags.to) ? DAY_MS : 0) : await lastDayEnd(db, workspaceId, now);
  const from = flags.from ? parseDate(flags.from, '--from') : to - DEFAULT_DAYS * DAY_MS;
  if (from >= to) throw new RelaisError('RELAIS_CLI_USAGE', '--from must come before --to.', { field: '--from' });
  return { from, to };
}

/** The end (exclusive) of the UTC day of the workspace's last mention, or of today when it has none. */
export async function lastDayEnd(db: Kysely<PlatformTables>, workspaceId: number, now: number): Promise<number> {
  const { rows } = await sql<{ last: unknown }>`select max(published_at) as last from mentions where workspace_id = ${workspaceId}`.execute(db);
  const last = rows[0]?.last == null ? now : Math.min(Number(rows[0].last), now);
  return Math.floor(last / DAY_MS) * DAY_MS + DAY_MS;
}

/** [from, to) from optional epoch-ms bounds: missing ones default to the 60 days up to the last mention. */
export async function periodOrDefault(db: Kysely<PlatformTables>, workspaceId: number, period: { from?: number; to?: number }, now: number): Promise<{ from: number; to: number }> {
  const to = period.to ?? (await lastDayEnd(db, workspaceId, now));
  return { from: period.from ?? to - DEFAULT_DAYS * DAY_MS, to };
}

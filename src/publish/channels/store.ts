// Channels kept in the database: added with their settings and credentials (credentials are never
// returned), listed, paused when their credentials stop working.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/schema.ts';
import { RelaisError } from '../../platform/errors.ts';
import type { PublishTables } from '../tables.ts';
import { CHANNEL_FIELDS, CHANNEL_NETWORKS, type ChannelNetwork } from './index.ts';

const db = (platform: Kysely<PlatformTables>) => platform.withTables<PublishTables>();

export interface ChannelInput {
  network: ChannelNetwork;
  name: string;
  config: Record<string, string | number>;
  secrets: Record<string, string>;
  ratePerHour?: number;
  timeZone?: string;
  slots?: Array<{ day: number; time: string }>;
  /** users.id of the member whose own account this is (advocacy). */
  ownerId?: number | null;
}

export interface Channel {
  id: number;
  network: string;
  name: string;
  handle: string | null;
  config: Record<string, unknown>;
  status: string;
  statusReason: string | null;
  ratePerHour: number;
  timeZone: string;
  slots: Array<{ day: number; time: string }>;
  createdAt: number;
  ownerId: number | null;
}

export function checkTimeZone(zone: string, field: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new RelaisError('RELAIS_REQUEST_INVALID', `Unknown time zone "${zone}".`, { field, hint: 'an IANA name such as Europe/Paris' });
  }
}

export async function addChannel(platform: Kysely<PlatformTables>, workspaceId: number, input: ChannelInput, now: number, handle: string | null = null): Promise<Channel> {
  if (!CHANNEL_NETWORKS.includes(input.network)) throw new RelaisError('RELAIS_REQUEST_INVALID', `Unknown network "${input.network}".`, { field: 'network', hint: CHANNEL_NETWORKS.join(', ') });
  const fields = CHANNEL_FIELDS[input.network];
  for (const key of fields.config) if (!input.config[key]) throw new RelaisError('RELAIS_REQUEST_INVALID', `A ${input.network} channel needs config.${key}.`, { field: `config.${key}` });
  for (const key of fields.secrets) if (!input.secrets[key]) throw new RelaisError('RELAIS_REQUEST_INVALID', `A ${input.network} channel needs secrets.${key}.`, { field: `secrets.${key}` });
  for (const key of ['instanceUrl', 'url', 'serviceUrl']) {
    const value = input.config[key];
    if (typeof value === 'string' && !/^https?:\/\//.test(value)) throw new RelaisError('RELAIS_REQUEST_INVALID', `config.${key} must be an http(s) address.`, { field: `config.${key}` });
  }
  const timeZone = input.timeZone ?? 'Europe/Paris';
  checkTimeZone(timeZone, 'timeZone');
  const existing = await db(platform).selectFrom('channels').select('id').where('workspace_id', '=', workspaceId).where('name', '=', input.name).executeTakeFirst();
  if (existing) throw new RelaisError('RELAIS_CONFLICT', `A channel named "${input.name}" exists already.`, { field: 'name' });
  const row = await db(platform).insertInto('channels').values({
    workspace_id: workspaceId, network: input.network, name: input.name, handle, config: JSON.stringify(input.config), secrets: JSON.stringify(input.secrets),
    status: 'active', status_reason: null, rate_per_hour: input.ratePerHour ?? 30, time_zone: timeZone, slots: JSON.stringify(input.slots ?? []), created_at: now, owner_id: input.ownerId ?? null,
  }).returning('id').executeTakeFirstOrThrow();
  return (await findChannel(platform, workspaceId, Number(row.id)))!;
}

type ChannelRowOut = { id: number; network: string; name: string; handle: string | null; config: string; status: string; status_reason: string | null; rate_per_hour: number; time_zone: string; slots: string; created_at: number; owner_id: number | null };

function toChannel(r: ChannelRowOut): Channel {
  return {
    id: Number(r.id), network: r.network, name: r.name, handle: r.handle, config: JSON.parse(r.config) as Record<string, unknown>, status: r.status, statusReason: r.status_reason,
    ratePerHour: Number(r.rate_per_hour), timeZone: r.time_zone, slots: JSON.parse(r.slots) as Channel['slots'], createdAt: Number(r.created_at), ownerId: r.owner_id === null ? null : Number(r.owner_id),
  };
}

const PUBLIC_COLUMNS = ['id', 'network', 'name', 'handle', 'config', 'status', 'status_reason', 'rate_per_hour', 'time_zone', 'slots', 'created_at', 'owner_id'] as const;

export async function listChannels(platform: Kysely<PlatformTables>, workspaceId: number): Promise<Channel[]> {
  const rows = await db(platform).selectFrom('channels').select(PUBLIC_COLUMNS).where('workspace_id', '=', workspaceId).orderBy('id').execute();
  return rows.map(toChannel);
}

export async function findChannel(platform: Kysely<PlatformTables>, workspaceId: number, id: number): Promise<Channel | null> {
  const row = await db(platform).selectFrom('channels').select(PUBLIC_COLUMNS).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  return row ? toChannel(row) : null;
}

export async function setChannelStatus(platform: Kysely<PlatformTables>, channelId: number, status: 'active' | 'paused' | 'auth-expired', reason: string | null): Promise<void> {
  await db(platform).updateTable('channels').set({ status, status_reason: reason }).where('id', '=', channelId).execute();
}

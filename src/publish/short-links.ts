// Short links served by relais itself (/s/<code>): each carries the post, channel and advocate it
// was made for, so clicks count per post, channel and advocate. Codes are random (not a counter:
// nobody can walk the links of other workspaces); a click stores the referring host and a
// pseudonymous visitor key (a hash of the address, the day and the link), never the address.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../platform/db/schema.ts';
import { RelaisError } from '../platform/errors.ts';
import type { PublishTables } from './tables.ts';

const db = (platform: Kysely<PlatformTables>) => platform.withTables<PublishTables>();
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CODE_LENGTH = 8; // 62^8 ≈ 2·10^14 codes

export function newCode(): string {
  const bytes = randomBytes(CODE_LENGTH * 2);
  let code = '';
  // Rejection sampling keeps the 62 letters equally likely (248 = 4 × 62).
  for (let i = 0; i < bytes.length && code.length < CODE_LENGTH; i++) if (bytes[i]! < 248) code += ALPHABET[bytes[i]! % 62];
  return code.length === CODE_LENGTH ? code : newCode();
}

export interface Utm { source?: string; medium?: string; campaign?: string; content?: string }

/** The target URL with UTM parameters added (existing ones are kept). */
export function withUtm(url: string, utm: Utm | null | undefined): string {
  if (!utm) return url;
  const parsed = new URL(url);
  for (const [key, value] of Object.entries(utm)) {
    if (value && !parsed.searchParams.has(`utm_${key}`)) parsed.searchParams.set(`utm_${key}`, value);
  }
  return parsed.toString();
}

export interface ShortLinkInput {
  url: string;
  utm?: Utm | null;
  postId?: number | null;
  channelId?: number | null;
  advocateId?: number | null;
}

export interface ShortLink {
  id: number;
  code: string;
  url: string;
  postId: number | null;
  channelId: number | null;
  advocateId: number | null;
  createdAt: number;
}

function checkUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RelaisError('RELAIS_REQUEST_INVALID', `Not an absolute URL: "${url.slice(0, 200)}".`, { field: 'url' });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new RelaisError('RELAIS_REQUEST_INVALID', `A short link must point to an http or https address, not ${parsed.protocol}.`, { field: 'url' });
  }
}

export async function createShortLink(platform: Kysely<PlatformTables>, workspaceId: number, input: ShortLinkInput, now: number): Promise<ShortLink> {
  checkUrl(input.url);
  const url = withUtm(input.url, input.utm);
  for (let attempt = 0; ; attempt++) {
    const code = newCode();
    try {
      const row = await db(platform).insertInto('short_links').values({
        workspace_id: workspaceId, code, url, post_id: input.postId ?? null, channel_id: input.channelId ?? null, advocate_id: input.advocateId ?? null, created_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      return { id: Number(row.id), code, url, postId: input.postId ?? null, channelId: input.channelId ?? null, advocateId: input.advocateId ?? null, createdAt: now };
    } catch (error) {
      // A code collision (one in 10^14) gets a new code; anything else is a real failure.
      if (attempt < 3 && /unique|duplicate/i.test(String(error))) continue;
      throw error;
    }
  }
}

/** The visitor key: a hash of the address, the UTC day and the link; not reversible to the address without trying them all. */
export function visitorKey(address: string, at: number, linkId: number): string {
  return createHash('sha256').update(`${new Date(at).toISOString().slice(0, 10)}|${linkId}|${address}`).digest('hex').slice(0, 20);
}

function referrerHost(referrer: string | undefined): string | null {
  if (!referrer) return null;
  try {
    return new URL(referrer).host || null;
  } catch {
    return null;
  }
}

/** Follows a short link: its target, with the click recorded; null for an unknown code. */
export async function followShortLink(platform: Kysely<PlatformTables>, code: string, visit: { address: string; referrer?: string; at: number }): Promise<string | null> {
  if (!/^[0-9A-Za-z]{1,32}$/.test(code)) return null;
  const link = await db(platform).selectFrom('short_links').select(['id', 'workspace_id', 'url']).where('code', '=', code).executeTakeFirst();
  if (!link) return null;
  const linkId = Number(link.id);
  await db(platform).insertInto('link_clicks').values({
    workspace_id: link.workspace_id, link_id: linkId, at: visit.at, referrer: referrerHost(visit.referrer), visitor: visitorKey(visit.address, visit.at, linkId),
  }).execute();
  return link.url;
}

export interface LinkStats extends ShortLink {
  clicks: number;
  visitors: number;
  lastClickAt: number | null;
}

/** Every link of the workspace with its clicks and unique visitors (per day), newest first; filters by post, channel, advocate. */
export async function linkStats(platform: Kysely<PlatformTables>, workspaceId: number, filter: { postId?: number; channelId?: number; advocateId?: number; limit?: number } = {}): Promise<LinkStats[]> {
  let query = db(platform).selectFrom('short_links as l')
    .leftJoin('link_clicks as k', 'k.link_id', 'l.id')
    .select((eb) => [
      'l.id', 'l.code', 'l.url', 'l.post_id', 'l.channel_id', 'l.advocate_id', 'l.created_at',
      eb.fn.count<number>('k.id').as('clicks'),
      eb.fn.count<number>('k.visitor').distinct().as('visitors'),
      eb.fn.max('k.at').as('last_click_at'),
    ])
    .where('l.workspace_id', '=', workspaceId)
    .groupBy(['l.id', 'l.code', 'l.url', 'l.post_id', 'l.channel_id', 'l.advocate_id', 'l.created_at'])
    .orderBy('l.id', 'desc')
    .limit(filter.limit ?? 200);
  if (filter.postId !== undefined) query = query.where('l.post_id', '=', filter.postId);
  if (filter.channelId !== undefined) query = query.where('l.channel_id', '=', filter.channelId);
  if (filter.advocateId !== undefined) query = query.where('l.advocate_id', '=', filter.advocateId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: Number(r.id), code: r.code, url: r.url, postId: r.post_id === null ? null : Number(r.post_id), channelId: r.channel_id === null ? null : Number(r.channel_id),
    advocateId: r.advocate_id === null ? null : Number(r.advocate_id), createdAt: Number(r.created_at),
    clicks: Number(r.clicks), visitors: Number(r.visitors), lastClickAt: r.last_click_at === null ? null : Number(r.last_click_at),
  }));
}

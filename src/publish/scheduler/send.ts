// Sending one post × channel, durably and exactly once:
// - a target is claimed by a conditional UPDATE (pending → sending), so two workers never send it
//   both; a worker that dies mid-send leaves it 'sending', which is read as ambiguous later;
// - a target due while relais was down goes out when it comes back, unless it is later than the
//   allowed lateness: then it is marked missed (posting a "good morning" at 6 pm helps no one);
// - after an ambiguous failure the network is asked first (`find`); only an absent post is sent
//   again — and channels send the idempotency key, so even then no double post;
// - clear failures are retried with back-off (rate limits after the network's Retry-After);
//   rejected posts and expired credentials stop with their reason, kept for the user;
// - each channel's rate (posts an hour) is respected by deferring, not dropping;
// - every attempt is recorded (post_attempts), and the post's status rolls up its targets'.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/schema.ts';
import { ChannelError, type ChannelClient, type MediaItem, type OutgoingPost } from '../channels/channel.ts';
import type { ChannelRow } from '../channels/index.ts';
import type { PublishTables } from '../tables.ts';

const tables = (db: Kysely<PlatformTables>) => db.withTables<PublishTables>();
const HOUR = 3_600_000;
/** A claim older than this with no outcome means the worker died: treat it as ambiguous. */
export const STALE_SENDING_MS = 5 * 60_000;
export const MAX_ATTEMPTS = 8;

export interface SendDeps {
  db: Kysely<PlatformTables>;
  now(): number;
  clientFor(channel: ChannelRow): ChannelClient;
  /** Past this lateness a post never tried is marked missed (default 6 hours). */
  maxLatenessMs?: number;
  loadMedia?(media: { url: string; alt: string | null; mime: string }): Promise<MediaItem>;
}

export type SendOutcome = 'published' | 'retry' | 'failed' | 'missed' | 'deferred' | 'skipped';

/** Back-off for retry n (1-based): 30 s, 1 min, 2 min… at most an hour. */
export function backoffMs(attempt: number): number {
  return Math.min(HOUR, 30_000 * 2 ** Math.max(0, attempt - 1));
}

/** Targets whose time has come: pending or ambiguous and due, or claimed by a worker that died. */
export async function dueTargets(db: Kysely<PlatformTables>, now: number, limit = 1000): Promise<number[]> {
  const rows = await tables(db).selectFrom('post_targets').select('id')
    .where((eb) => eb.or([
      eb.and([eb('status', 'in', ['pending', 'ambiguous']), eb('next_attempt_at', '<=', now)]),
      eb.and([eb('status', '=', 'sending'), eb('next_attempt_at', '<=', now - STALE_SENDING_MS)]),
    ]))
    .orderBy('next_attempt_at').limit(limit).execute();
  return rows.map((r) => Number(r.id));
}

async function fetchMedia(media: { url: string; alt: string | null; mime: string }): Promise<MediaItem> {
  let response: Response;
  try {
    response = await fetch(media.url, { signal: AbortSignal.timeout(60_000) });
  } catch (error) {
    throw new ChannelError('unavailable', `Cannot fetch the media ${media.url}: ${(error as Error).message}`);
  }
  if (response.status === 404 || response.status === 410) throw new ChannelError('rejected', `The media file ${media.url} no longer exists (HTTP ${response.status}).`);
  if (!response.ok) throw new ChannelError('unavailable', `Cannot fetch the media ${media.url} (HTTP ${response.status}).`);
  return { data: new Uint8Array(await response.arrayBuffer()), mime: media.mime, alt: media.alt };
}

export async function sendTarget(deps: SendDeps, targetId: number): Promise<SendOutcome> {
  const { db } = deps;
  const now = deps.now();
  const target = await tables(db).selectFrom('post_targets as t').innerJoin('posts as p', 'p.id', 't.post_id').innerJoin('channels as c', 'c.id', 't.channel_id')
    .select(['t.id', 't.workspace_id', 't.post_id', 't.channel_id', 't.text as variant', 't.status', 't.idempotency_key', 't.attempts', 't.next_attempt_at',
      'p.text', 'p.status as post_status', 'p.due_at', 'p.media', 'p.content_warning', 'p.visibility',
      'c.network', 'c.config', 'c.secrets', 'c.status as channel_status', 'c.status_reason', 'c.rate_per_hour'])
    .where('t.id', '=', targetId).executeTakeFirst();
  if (!target || target.due_at === null) return 'skipped';
  const observed = target.status;
  const stale = observed === 'sending' && Number(target.next_attempt_at ?? 0) <= now - STALE_SENDING_MS;
  if (!(observed === 'pending' || observed === 'ambiguous' || stale)) return 'skipped';
  if (target.next_attempt_at !== null && Number(target.next_attempt_at) > now && !stale) return 'skipped';
  if (target.post_status !== 'scheduled' && target.post_status !== 'partly-published') return 'skipped';
  const wasAmbiguous = observed !== 'pending';
  const release = async (nextAt: number, error: string) => {
    await tables(db).updateTable('post_targets').set({ status: wasAmbiguous ? 'ambiguous' : 'pending', next_attempt_at: nextAt, last_error: error })
      .where('id', '=', targetId).where('status', '=', 'sending').execute();
  };

  // Per-channel rate: defer (before claiming) when the last hour is full.
  const window = await tables(db).selectFrom('post_attempts as a').innerJoin('post_targets as t', 't.id', 'a.target_id')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('a.at').as('oldest')])
    .where('t.channel_id', '=', target.channel_id).where('a.at', '>', now - HOUR).where('a.outcome', 'in', ['published', 'ambiguous', 'rejected'])
    .executeTakeFirst();
  if (window && Number(window.n) >= Number(target.rate_per_hour)) {
    await tables(db).updateTable('post_targets').set({ next_attempt_at: Number(window.oldest) + HOUR, last_error: `Waiting for the channel's rate (${target.rate_per_hour} posts an hour).` })
      .where('id', '=', targetId).where('status', '=', observed).execute();
    return 'deferred';
  }

  const claimed = await tables(db).updateTable('post_targets').set({ status: 'sending', attempts: Number(target.attempts) + 1, next_attempt_at: now })
    .where('id', '=', targetId).where('status', '=', observed).where('attempts', '=', target.attempts).executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return 'skipped'; // another worker has it
  const attempt = Number(target.attempts) + 1;
  const record = (outcome: string, started: number, extra: { status?: number | null; message?: string | null } = {}) =>
    tables(db).insertInto('post_attempts').values({ workspace_id: target.workspace_id, target_id: targetId, at: deps.now(), outcome, http_status: extra.status ?? null, message: extra.message ?? null, duration_ms: Math.round(deps.now() - started) }).execute();
  const finish = async (status: 'published' | 'failed' | 'missed', set: { remote_id?: string; remote_url?: string | null; last_error?: string | null } = {}) => {
    await tables(db).updateTable('post_targets').set({ status, next_attempt_at: null, ...(status === 'published' ? { published_at: deps.now() } : {}), ...set }).where('id', '=', targetId).execute();
    await rollUp(db, Number(target.post_id), deps.now());
  };

  if (target.channel_status !== 'active') {
    await release(now + 15 * 60_000, `The channel is ${target.channel_status}${target.status_reason ? `: ${target.status_reason}` : ''}.`);
    return 'deferred';
  }
  // Late against when it was meant to go (its due time, or the retry a user or the scheduler set).
  const meantAt = Number(target.next_attempt_at ?? target.due_at);
  const lateness = now - meantAt;
  if (!wasAmbiguous && lateness > (deps.maxLatenessMs ?? 6 * HOUR)) {
    const message = `Missed: meant for ${new Date(meantAt).toISOString()}, ${Math.round(lateness / 60_000)} min late (more than the allowed lateness).`;
    await record('missed', now, { message });
    await finish('missed', { last_error: message });
    return 'missed';
  }

  const client = deps.clientFor({ id: Number(target.channel_id), network: target.network, config: target.config, secrets: target.secrets });
  const started = deps.now();
  try {
    const media = await Promise.all((JSON.parse(target.media) as Array<{ url: string; alt: string | null; mime: string }>).map((m) => (deps.loadMedia ?? fetchMedia)(m)));
    const post: OutgoingPost = {
      idempotencyKey: target.idempotency_key, text: target.variant ?? target.text, media, contentWarning: target.content_warning,
      visibility: target.visibility as OutgoingPost['visibility'], dueAt: Number(target.due_at), inReplyTo: null, lang: null,
    };
    if (wasAmbiguous) {
      const found = await client.find(post);
      if (found) {
        await record('found-after-check', started, { message: found.remoteUrl });
        await finish('published', { remote_id: found.remoteId, remote_url: found.remoteUrl, last_error: null });
        return 'published';
      }
      await record('absent-after-check', started);
    }
    const published = await client.publish(post);
    await record('published', started, { message: published.remoteUrl });
    await finish('published', { remote_id: published.remoteId, remote_url: published.remoteUrl, last_error: null });
    return 'published';
  } catch (error) {
    const failure = error instanceof ChannelError ? error : new ChannelError('ambiguous', `Unexpected error while sending: ${(error as Error).message}`);
    await record(failure.kind, started, { status: failure.status, message: failure.message });
    if (failure.kind === 'rejected') {
      await finish('failed', { last_error: failure.message });
      return 'failed';
    }
    if (failure.kind === 'auth-expired') {
      await tables(db).updateTable('channels').set({ status: 'auth-expired', status_reason: failure.message }).where('id', '=', target.channel_id).execute();
      await finish('failed', { last_error: `The channel's credentials no longer work: reconnect it, then retry the post. (${failure.message})` });
      return 'failed';
    }
    if (attempt >= MAX_ATTEMPTS) {
      await finish('failed', { last_error: `Gave up after ${attempt} attempts: ${failure.message}` });
      return 'failed';
    }
    const wait = failure.kind === 'rate-limited' ? Math.max(failure.retryAfterMs ?? 60_000, 1000) : Math.max(backoffMs(attempt), failure.retryAfterMs ?? 0);
    await tables(db).updateTable('post_targets').set({ status: failure.kind === 'ambiguous' ? 'ambiguous' : wasAmbiguous ? 'ambiguous' : 'pending', next_attempt_at: deps.now() + wait, last_error: failure.message })
      .where('id', '=', targetId).execute();
    return 'retry';
  }
}

/** The post's status from its targets' once none is left to send. */
export async function rollUp(db: Kysely<PlatformTables>, postId: number, now: number): Promise<void> {
  const targets = await tables(db).selectFrom('post_targets').select('status').where('post_id', '=', postId).execute();
  const statuses = targets.map((t) => t.status);
  const open = statuses.some((s) => s === 'pending' || s === 'sending' || s === 'ambiguous');
  const published = statuses.filter((s) => s === 'published').length;
  const status = open ? (published ? 'partly-published' : 'scheduled')
    : published === statuses.length ? 'published'
      : published > 0 ? 'partly-published'
        : statuses.every((s) => s === 'missed') ? 'missed'
          : statuses.every((s) => s === 'cancelled') ? 'cancelled' : 'failed';
  await tables(db).updateTable('posts').set({ status, updated_at: now }).where('id', '=', postId).where('status', '!=', 'cancelled').execute();
}

/** Puts failed targets of a post back in the queue (after reconnecting a channel, say). */
export async function retryPost(db: Kysely<PlatformTables>, workspaceId: number, postId: number, now: number): Promise<number> {
  const result = await tables(db).updateTable('post_targets').set({ status: 'pending', next_attempt_at: now, attempts: 0, last_error: null })
    .where('workspace_id', '=', workspaceId).where('post_id', '=', postId).where('status', 'in', ['failed', 'missed']).executeTakeFirst();
  const n = Number(result.numUpdatedRows);
  if (n > 0) await tables(db).updateTable('posts').set({ status: 'scheduled', updated_at: now }).where('id', '=', postId).execute();
  return n;
}

// Posts and their per-channel targets: scheduled (or kept as drafts) after every check a network
// would make — length as it counts it, media count — so that what is accepted here is what goes
// out. A post and its targets are written in one transaction.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/schema.ts';
import { RelaisError } from '../../platform/errors.ts';
import { measurePost, type PostNetwork } from '../post-length.ts';
import { checkTimeZone } from '../channels/store.ts';
import type { PublishTables } from '../tables.ts';

const db = (platform: Kysely<PlatformTables>) => platform.withTables<PublishTables>();

/** A due time this far in the past is refused (clock skew between a browser and the server is allowed). */
const PAST_TOLERANCE_MS = 60_000;

export interface PostInput {
  text: string;
  /** Channels and their optional variant of the text. */
  targets: Array<{ channelId: number; text?: string | null }>;
  /** null: a draft. */
  dueAt: number | null;
  timeZone?: string;
  linkUrl?: string | null;
  contentWarning?: string | null;
  visibility?: 'public' | 'unlisted' | 'private';
  media?: Array<{ url: string; alt: string | null; mime: string; bytes: number }>;
  origin?: 'manual' | 'recycle' | 'advocacy';
  articleId?: number | null;
  authorId?: number | null;
  /** A member's post: held for a reviewer (status pending-approval; its targets wait as drafts). */
  awaitApproval?: boolean;
}

export interface PostTarget {
  id: number;
  channelId: number;
  channelName: string;
  network: string;
  text: string;
  status: string;
  remoteUrl: string | null;
  attempts: number;
  nextAttemptAt: number | null;
  lastError: string | null;
  publishedAt: number | null;
}

export interface Post {
  id: number;
  status: string;
  text: string;
  dueAt: number | null;
  timeZone: string;
  origin: string;
  articleId: number | null;
  contentWarning: string | null;
  visibility: string;
  linkUrl: string | null;
  createdAt: number;
  targets: PostTarget[];
}

function limitOf(network: string, config: string): number | undefined {
  const parsed = JSON.parse(config) as { maxCharacters?: unknown };
  return network === 'mastodon' && typeof parsed.maxCharacters === 'number' ? parsed.maxCharacters : undefined;
}

const MAX_MEDIA: Record<string, number> = { mastodon: 4, bluesky: 4, webhook: 10 };

export async function schedulePost(platform: Kysely<PlatformTables>, workspaceId: number, input: PostInput, now: number): Promise<Post> {
  if (!input.text.trim() && input.targets.every((t) => !t.text?.trim())) throw new RelaisError('RELAIS_REQUEST_INVALID', 'The post has no text.', { field: 'text' });
  if (input.targets.length === 0) throw new RelaisError('RELAIS_REQUEST_INVALID', 'Choose at least one channel.', { field: 'targets' });
  if (input.dueAt !== null && input.dueAt < now - PAST_TOLERANCE_MS) {
    throw new RelaisError('RELAIS_REQUEST_INVALID', `The time ${new Date(input.dueAt).toISOString()} is in the past.`, { field: 'dueAt', hint: 'choose a time to come, or leave it empty for a draft' });
  }
  const timeZone = input.timeZone ?? 'Europe/Paris';
  checkTimeZone(timeZone, 'timeZone');
  const ids = input.targets.map((t) => t.channelId);
  if (new Set(ids).size !== ids.length) throw new RelaisError('RELAIS_REQUEST_INVALID', 'A channel is listed twice.', { field: 'targets' });
  const channels = await db(platform).selectFrom('channels').select(['id', 'name', 'network', 'config', 'status']).where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
  const byId = new Map(channels.map((c) => [Number(c.id), c]));
  input.targets.forEach((target, index) => {
    const channel = byId.get(target.channelId);
    if (!channel) throw new RelaisError('RELAIS_REQUEST_INVALID', `No channel ${target.channelId} in this workspace.`, { field: `targets.${index}.channelId` });
    const text = target.text?.trim() ? target.text : input.text;
    const length = measurePost(channel.network as PostNetwork, text, limitOf(channel.network, channel.config));
    if (length.over) {
      throw new RelaisError('RELAIS_REQUEST_INVALID', `The text for ${channel.name} is ${length.length} long where ${channel.network} allows ${length.limit}.`, { field: target.text?.trim() ? `targets.${index}.text` : 'text', hint: `shorten it by ${-length.remaining}` });
    }
    const media = input.media?.length ?? 0;
    if (media > (MAX_MEDIA[channel.network] ?? 4)) throw new RelaisError('RELAIS_REQUEST_INVALID', `${channel.network} takes at most ${MAX_MEDIA[channel.network]} media; the post has ${media}.`, { field: 'media' });
  });
  const status = input.awaitApproval ? 'pending-approval' : input.dueAt === null ? 'draft' : 'scheduled';
  const postId = await platform.transaction().execute(async (trx) => {
    const post = await trx.withTables<PublishTables>().insertInto('posts').values({
      workspace_id: workspaceId, author_id: input.authorId ?? null, status, text: input.text, media: JSON.stringify(input.media ?? []), link_url: input.linkUrl ?? null,
      content_warning: input.contentWarning ?? null, visibility: input.visibility ?? 'public', due_at: input.dueAt, time_zone: timeZone, origin: input.origin ?? 'manual',
      article_id: input.articleId ?? null, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    const id = Number(post.id);
    await trx.withTables<PublishTables>().insertInto('post_targets').values(input.targets.map((target) => ({
      workspace_id: workspaceId, post_id: id, channel_id: target.channelId, text: target.text?.trim() ? target.text : null, status: input.dueAt === null || input.awaitApproval ? 'draft' : 'pending',
      idempotency_key: `relais-${id}-${target.channelId}-${randomUUID()}`, remote_id: null, remote_url: null, attempts: 0, next_attempt_at: input.dueAt, last_error: null, published_at: null,
    }))).execute();
    return id;
  });
  return (await findPost(platform, workspaceId, postId))!;
}

export async function findPost(platform: Kysely<PlatformTables>, workspaceId: number, id: number): Promise<Post | null> {
  return (await listPosts(platform, workspaceId, { ids: [id] }))[0] ?? null;
}

export async function listPosts(platform: Kysely<PlatformTables>, workspaceId: number, filter: { from?: number; to?: number; status?: string; ids?: number[]; limit?: number } = {}): Promise<Post[]> {
  let query = db(platform).selectFrom('posts').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.ids) query = query.where('id', 'in', filter.ids);
  if (filter.from !== undefined) query = query.where('due_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('due_at', '<', filter.to);
  if (filter.status) query = query.where('status', '=', filter.status);
  const posts = await query.orderBy('due_at').orderBy('id').limit(filter.limit ?? 500).execute();
  if (posts.length === 0) return [];
  const targets = await db(platform).selectFrom('post_targets as t').innerJoin('channels as c', 'c.id', 't.channel_id')
    .select(['t.id', 't.post_id', 't.channel_id', 'c.name', 'c.network', 't.text', 't.status', 't.remote_url', 't.attempts', 't.next_attempt_at', 't.last_error', 't.published_at'])
    .where('t.post_id', 'in', posts.map((p) => p.id)).orderBy('t.id').execute();
  return posts.map((p) => ({
    id: Number(p.id), status: p.status, text: p.text, dueAt: p.due_at === null ? null : Number(p.due_at), timeZone: p.time_zone, origin: p.origin,
    articleId: p.article_id === null ? null : Number(p.article_id), contentWarning: p.content_warning, visibility: p.visibility, linkUrl: p.link_url, createdAt: Number(p.created_at),
    targets: targets.filter((t) => Number(t.post_id) === Number(p.id)).map((t) => ({
      id: Number(t.id), channelId: Number(t.channel_id), channelName: t.name, network: t.network, text: t.text ?? p.text, status: t.status, remoteUrl: t.remote_url,
      attempts: Number(t.attempts), nextAttemptAt: t.next_attempt_at === null ? null : Number(t.next_attempt_at), lastError: t.last_error, publishedAt: t.published_at === null ? null : Number(t.published_at),
    })),
  }));
}

/** Cancels what has not gone out yet; a target already published stays published (say so). */
export async function cancelPost(platform: Kysely<PlatformTables>, workspaceId: number, id: number, now: number): Promise<Post> {
  const post = await findPost(platform, workspaceId, id);
  if (!post) throw new RelaisError('RELAIS_NOT_FOUND', `No post ${id}.`, { field: 'id' });
  if (post.targets.some((t) => t.status === 'sending')) throw new RelaisError('RELAIS_CONFLICT', `Post ${id} is being sent right now; try again in a moment.`, { field: 'id' });
  await db(platform).updateTable('post_targets').set({ status: 'cancelled', next_attempt_at: null }).where('post_id', '=', id).where('status', 'in', ['pending', 'draft', 'ambiguous', 'failed']).execute();
  const published = post.targets.some((t) => t.status === 'published');
  await db(platform).updateTable('posts').set({ status: published ? 'partly-published' : 'cancelled', updated_at: now }).where('id', '=', id).execute();
  return (await findPost(platform, workspaceId, id))!;
}

export interface Attempt { id: number; targetId: number; at: number; outcome: string; httpStatus: number | null; message: string | null; durationMs: number }

export async function attemptsOf(platform: Kysely<PlatformTables>, workspaceId: number, postId: number): Promise<Attempt[]> {
  const rows = await db(platform).selectFrom('post_attempts as a').innerJoin('post_targets as t', 't.id', 'a.target_id')
    .select(['a.id', 'a.target_id', 'a.at', 'a.outcome', 'a.http_status', 'a.message', 'a.duration_ms'])
    .where('t.post_id', '=', postId).where('a.workspace_id', '=', workspaceId).orderBy('a.id').execute();
  return rows.map((r) => ({ id: Number(r.id), targetId: Number(r.target_id), at: Number(r.at), outcome: r.outcome, httpStatus: r.http_status === null ? null : Number(r.http_status), message: r.message, durationMs: Number(r.duration_ms) }));
}

/** Moves a post that has not gone out to another time (the calendar's drag and drop), or schedules a draft. */
export async function reschedulePost(platform: Kysely<PlatformTables>, workspaceId: number, id: number, dueAt: number, now: number): Promise<Post> {
  const post = await findPost(platform, workspaceId, id);
  if (!post) throw new RelaisError('RELAIS_NOT_FOUND', `No post ${id}.`, { field: 'id' });
  if (dueAt < now - PAST_TOLERANCE_MS) throw new RelaisError('RELAIS_REQUEST_INVALID', `The time ${new Date(dueAt).toISOString()} is in the past.`, { field: 'dueAt' });
  const movable = post.targets.every((t) => t.status === 'pending' || t.status === 'draft');
  if (!movable || !['scheduled', 'draft'].includes(post.status)) {
    throw new RelaisError('RELAIS_CONFLICT', `Post ${id} is ${post.status}: only a scheduled post or a draft can be moved.`, { field: 'id' });
  }
  await platform.transaction().execute(async (trx) => {
    const t = trx.withTables<PublishTables>();
    await t.updateTable('posts').set({ due_at: dueAt, status: 'scheduled', updated_at: now }).where('id', '=', id).execute();
    await t.updateTable('post_targets').set({ next_attempt_at: dueAt, status: 'pending' }).where('post_id', '=', id).where('status', 'in', ['pending', 'draft']).execute();
  });
  return (await findPost(platform, workspaceId, id))!;
}

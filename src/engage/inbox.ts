// The shared inbox: conversations listed with filters and search, one conversation's timeline
// (its mentions, replies with Publish's delivery status, notes, events), status changes,
// assignment (alone or in bulk), replies through Publish's channels, the team's load and SLA breaches.
import { sql, type Kysely } from 'kysely';
import { audit } from '../platform/auth/store.ts';
import type { Dialect } from '../platform/db/connect.ts';
import { fullTextMatch } from '../platform/db/full-text.ts';
import type { PlatformTables } from '../platform/db/schema.ts';
import { RelaisError } from '../platform/errors.ts';
import type { ListenTables } from '../listen/tables.ts';
import { listChannels } from '../publish/channels/store.ts';
import { schedulePost } from '../publish/scheduler/posts.ts';
import type { PublishTables } from '../publish/tables.ts';
import { checkMember, edb } from './store.ts';
import { fillVariables, type Priority } from './triage.ts';

export const STATUSES = ['new', 'assigned', 'waiting', 'resolved'] as const;
export type Status = (typeof STATUSES)[number];

export interface InboxFilter {
  status?: Status; assignee?: number | 'none'; topic?: number; network?: string; lang?: string; sentiment?: string; priority?: string;
  q?: string; breached?: boolean; includeSnoozed?: boolean; before?: string; limit?: number;
}

export interface ConversationSummary {
  id: number; status: string; priority: string; reasons: string[]; network: string; lang: string | null; sentiment: string | null; topics: number[];
  assigneeId: number | null; assigneeName: string | null; team: string | null; assignedBy: string | null; snoozedUntil: number | null;
  author: { id: number | null; handle: string | null; displayName: string | null; followers: number };
  text: string; url: string | null; lastMentionAt: number; mentions: number;
  firstResponseDueAt: number; firstResponseAt: number | null; breached: boolean; resolvedAt: number | null; createdAt: number;
}

function base(platform: Kysely<PlatformTables>) {
  return edb(platform).withTables<ListenTables>().withTables<PlatformTables>()
    .selectFrom('conversations as c')
    .innerJoin('mentions as m', 'm.id', 'c.root_mention_id')
    .leftJoin('accounts as a', 'a.id', 'c.author_id')
    .leftJoin('users as u', 'u.id', 'c.assignee_id')
    .select(['c.id', 'c.status', 'c.priority', 'c.reasons', 'c.network', 'c.lang', 'c.sentiment', 'c.topics', 'c.assignee_id', 'u.name as assignee_name', 'c.team', 'c.assigned_by', 'c.snoozed_until', 'c.author_id', 'a.handle', 'a.display_name', 'a.followers', 'm.text', 'm.url', 'c.last_mention_at', 'c.first_response_due_at', 'c.first_response_at', 'c.resolved_at', 'c.created_at'])
    .select((eb) => eb.selectFrom('conversation_mentions as cm').select(eb.fn.countAll<number>().as('n')).whereRef('cm.conversation_id', '=', 'c.id').as('mention_count'));
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

function toSummary(r: Row, now: number): ConversationSummary {
  const due = Number(r.first_response_due_at);
  const answered = r.first_response_at === null ? null : Number(r.first_response_at);
  return {
    id: Number(r.id), status: r.status, priority: r.priority, reasons: r.reasons.split(','), network: r.network, lang: r.lang, sentiment: r.sentiment, topics: JSON.parse(r.topics) as number[],
    assigneeId: r.assignee_id === null ? null : Number(r.assignee_id), assigneeName: r.assignee_name ?? null, team: r.team, assignedBy: r.assigned_by, snoozedUntil: r.snoozed_until === null ? null : Number(r.snoozed_until),
    author: { id: r.author_id === null ? null : Number(r.author_id), handle: r.handle ?? null, displayName: r.display_name ?? null, followers: Number(r.followers ?? 0) },
    text: r.text, url: r.url, lastMentionAt: Number(r.last_mention_at), mentions: Number(r.mention_count ?? 0),
    firstResponseDueAt: due, firstResponseAt: answered, breached: answered === null ? now > due && r.status !== 'resolved' : answered > due, resolvedAt: r.resolved_at === null ? null : Number(r.resolved_at), createdAt: Number(r.created_at),
  };
}

export async function listConversations(platform: Kysely<PlatformTables>, dialect: Dialect, workspaceId: number, filter: InboxFilter, now: number): Promise<{ conversations: ConversationSummary[]; next: string | null }> {
  let q = base(platform).where('c.workspace_id', '=', workspaceId);
  if (filter.status) q = q.where('c.status', '=', filter.status);
  else q = q.where('c.status', '!=', 'resolved');
  if (!filter.includeSnoozed) q = q.where((eb) => eb.or([eb('c.snoozed_until', 'is', null), eb('c.snoozed_until', '<=', now)]));
  if (filter.assignee === 'none') q = q.where('c.assignee_id', 'is', null);
  else if (filter.assignee !== undefined) q = q.where('c.assignee_id', '=', filter.assignee);
  if (filter.network) q = q.where('c.network', '=', filter.network);
  if (filter.lang) q = q.where('c.lang', '=', filter.lang);
  if (filter.sentiment) q = q.where('c.sentiment', '=', filter.sentiment);
  if (filter.priority) q = q.where('c.priority', '=', filter.priority as Priority);
  if (filter.topic !== undefined) q = q.where('c.id', 'in', edb(platform).withTables<ListenTables>().selectFrom('conversation_mentions as cm').innerJoin('topic_mentions as tm', 'tm.mention_id', 'cm.mention_id').select('cm.conversation_id').where('tm.topic_id', '=', filter.topic));
  if (filter.breached) q = q.where('c.first_response_at', 'is', null).where('c.first_response_due_at', '<', now);
  if (filter.q) {
    const matching = platform.withTables<ListenTables>().selectFrom('mentions').select('mentions.id').where('mentions.workspace_id', '=', workspaceId).where(fullTextMatch(dialect, 'mentions', filter.q));
    q = q.where('c.id', 'in', edb(platform).selectFrom('conversation_mentions').select('conversation_id').where('mention_id', 'in', matching));
  }
  if (filter.before) {
    const [at, id] = filter.before.split(':').map(Number) as [number, number];
    q = q.where(sql<boolean>`(c.last_mention_at, c.id) < (${at}, ${id})`);
  }
  const limit = filter.limit ?? 50;
  const rows = await q.orderBy('c.last_mention_at', 'desc').orderBy('c.id', 'desc').limit(limit).execute();
  const last = rows[rows.length - 1];
  return { conversations: rows.map((r) => toSummary(r, now)), next: rows.length === limit && last ? `${last.last_mention_at}:${last.id}` : null };
}

export async function findConversation(platform: Kysely<PlatformTables>, workspaceId: number, id: number, now: number): Promise<ConversationSummary> {
  const row = await base(platform).where('c.workspace_id', '=', workspaceId).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw new RelaisError('RELAIS_NOT_FOUND', `No conversation ${id} in this workspace.`);
  return toSummary(row, now);
}

export interface TimelineItem {
  kind: 'mention' | 'reply' | 'note' | 'event'; at: number; id: number; text: string; userName: string | null;
  author?: { handle: string | null; displayName: string | null }; url?: string | null;
  /** Replies: Publish's delivery, per channel — status and last error (a failed reply stays visible with its reason). */
  delivery?: { postId: number; channelName: string; status: string; lastError: string | null; remoteUrl: string | null } | null;
}

export async function timeline(platform: Kysely<PlatformTables>, workspaceId: number, id: number): Promise<TimelineItem[]> {
  const e = edb(platform);
  const mentions = await e.withTables<ListenTables>().selectFrom('conversation_mentions as cm').innerJoin('mentions as m', 'm.id', 'cm.mention_id').leftJoin('accounts as a', 'a.id', 'm.author_id')
    .select(['m.id', 'm.published_at', 'm.text', 'm.url', 'a.handle', 'a.display_name']).where('cm.workspace_id', '=', workspaceId).where('cm.conversation_id', '=', id).execute();
  const messages = await e.withTables<PlatformTables>().withTables<PublishTables>().selectFrom('engage_messages as em').leftJoin('users as u', 'u.id', 'em.user_id')
    .leftJoin('post_targets as pt', 'pt.post_id', 'em.post_id').leftJoin('channels as ch', 'ch.id', 'pt.channel_id')
    .select(['em.id', 'em.kind', 'em.text', 'em.created_at', 'em.post_id', 'u.name', 'pt.status', 'pt.last_error', 'pt.remote_url', 'ch.name as channel_name'])
    .where('em.workspace_id', '=', workspaceId).where('em.conversation_id', '=', id).execute();
  const events = await e.withTables<PlatformTables>().selectFrom('engage_events as ev').leftJoin('users as u', 'u.id', 'ev.user_id').select(['ev.id', 'ev.action', 'ev.detail', 'ev.at', 'u.name'])
    .where('ev.workspace_id', '=', workspaceId).where('ev.conversation_id', '=', id).execute();
  const items: TimelineItem[] = [
    ...mentions.map((m) => ({ kind: 'mention' as const, at: Number(m.published_at), id: Number(m.id), text: m.text, userName: null, author: { handle: m.handle ?? null, displayName: m.display_name ?? null }, url: m.url })),
    ...messages.map((m) => ({
      kind: m.kind as 'reply' | 'note', at: Number(m.created_at), id: Number(m.id), text: m.text, userName: m.name ?? null,
      delivery: m.post_id === null ? null : { postId: Number(m.post_id), channelName: m.channel_name ?? '', status: m.status ?? 'cancelled', lastError: m.last_error ?? null, remoteUrl: m.remote_url ?? null },
    })),
    ...events.map((ev) => ({ kind: 'event' as const, at: Number(ev.at), id: Number(ev.id), text: `${ev.action}: ${ev.detail}`, userName: ev.name ?? null })),
  ];
  return items.sort((a, b) => a.at - b.at || a.kind.localeCompare(b.kind) || a.id - b.id);
}

export interface ConversationChange { status?: Status; assigneeId?: number | null; snoozedUntil?: number | null }

/** Applies one change to several conversations in one transaction: all or none. */
export async function changeConversations(platform: Kysely<PlatformTables>, workspaceId: number, ids: number[], change: ConversationChange, userId: number | null, now: number): Promise<number> {
  if (ids.length === 0) throw new RelaisError('RELAIS_REQUEST_INVALID', 'Choose at least one conversation.', { field: 'ids' });
  if (change.assigneeId) await checkMember(platform, workspaceId, change.assigneeId, 'assigneeId');
  return platform.transaction().execute(async (trx) => {
    const e = edb(trx);
    const found = await e.selectFrom('conversations').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
    const missing = ids.filter((id) => !found.some((f) => Number(f.id) === id));
    if (missing.length) throw new RelaisError('RELAIS_NOT_FOUND', `No conversation ${missing.join(', ')} in this workspace.`, { field: 'ids' });
    const set: Record<string, unknown> = { updated_at: now };
    const details: string[] = [];
    if (change.assigneeId !== undefined) {
      set.assignee_id = change.assigneeId;
      set.assigned_by = change.assigneeId === null ? null : 'manual';
      if (change.status === undefined) set.status = change.assigneeId === null ? 'new' : 'assigned';
      details.push(change.assigneeId === null ? 'unassigned' : `assigned to user ${change.assigneeId}`);
    }
    if (change.status !== undefined) {
      set.status = change.status;
      set.resolved_at = change.status === 'resolved' ? now : null;
      details.push(`status ${change.status}`);
    }
    if (change.snoozedUntil !== undefined) {
      if (change.snoozedUntil !== null && change.snoozedUntil <= now) throw new RelaisError('RELAIS_REQUEST_INVALID', 'Snooze until a time to come.', { field: 'snoozedUntil' });
      set.snoozed_until = change.snoozedUntil;
      details.push(change.snoozedUntil === null ? 'woken' : `snoozed until ${new Date(change.snoozedUntil).toISOString()}`);
    }
    if (details.length === 0) throw new RelaisError('RELAIS_REQUEST_INVALID', 'Nothing to change: give a status, an assignee or a snooze time.');
    await e.updateTable('conversations').set(set).where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
    await e.insertInto('engage_events').values(ids.map((id) => ({ workspace_id: workspaceId, conversation_id: id, user_id: userId, action: change.assigneeId !== undefined ? 'assigned' : change.status !== undefined ? 'status' : 'snoozed', detail: details.join('; '), at: now }))).execute();
    await audit(trx, { workspaceId, userId, action: 'engage.conversations.change', target: ids.join(','), data: change, now });
    return ids.length;
  });
}

export async function addNote(platform: Kysely<PlatformTables>, workspaceId: number, id: number, text: string, userId: number | null, now: number): Promise<number> {
  if (!text.trim()) throw new RelaisError('RELAIS_REQUEST_INVALID', 'The note is empty.', { field: 'text' });
  await findConversation(platform, workspaceId, id, now);
  const row = await edb(platform).insertInto('engage_messages').values({ workspace_id: workspaceId, conversation_id: id, kind: 'note', user_id: userId, text, post_id: null, in_reply_to: null, created_at: now }).returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}

export interface ReplyInput { text: string; channelId?: number; savedReplyId?: number }

/**
 * Replies through Publish: a post due now on the conversation's channel (the first active one of
 * its network unless named), answering the conversation's last mention from the customer.
 * Publish's worker sends it; its target's status and last error show in the timeline.
 */
export async function reply(platform: Kysely<PlatformTables>, workspaceId: number, id: number, input: ReplyInput, userId: number | null, now: number): Promise<{ messageId: number; postId: number; text: string; targets: Array<{ id: number }>; dueAt: number | null }> {
  const conversation = await findConversation(platform, workspaceId, id, now);
  let text = input.text;
  if (input.savedReplyId !== undefined) {
    const saved = await edb(platform).selectFrom('saved_replies').select('text').where('workspace_id', '=', workspaceId).where('id', '=', input.savedReplyId).executeTakeFirst();
    if (!saved) throw new RelaisError('RELAIS_NOT_FOUND', `No saved reply ${input.savedReplyId}.`, { field: 'savedReplyId' });
    if (!text.trim()) text = saved.text;
  }
  text = fillVariables(text, conversation.author);
  if (!text.trim()) throw new RelaisError('RELAIS_REQUEST_INVALID', 'The reply is empty.', { field: 'text' });
  const channels = (await listChannels(platform, workspaceId)).filter((c) => c.status === 'active');
  const channel = input.channelId !== undefined ? channels.find((c) => c.id === input.channelId) : channels.find((c) => c.network === conversation.network);
  if (!channel) {
    throw new RelaisError('RELAIS_REQUEST_INVALID', input.channelId !== undefined ? `No active channel ${input.channelId} in this workspace.` : `No active ${conversation.network} channel to reply from.`, { field: 'channelId', hint: 'add one in Publish → Channels' });
  }
  const lastCustomer = await edb(platform).withTables<ListenTables>().selectFrom('conversation_mentions as cm').innerJoin('mentions as m', 'm.id', 'cm.mention_id').select(['m.network_id', 'm.url'])
    .where('cm.conversation_id', '=', id).where((eb) => eb.or([eb('m.author_id', 'is', null), eb('m.author_id', '=', conversation.author.id ?? -1)])).orderBy('m.published_at', 'desc').executeTakeFirst();
  const inReplyTo = lastCustomer?.network_id ?? lastCustomer?.url ?? null;
  const post = await schedulePost(platform, workspaceId, { text, targets: [{ channelId: channel.id }], dueAt: now, authorId: userId }, now);
  const messageId = await platform.transaction().execute(async (trx) => {
    const row = await edb(trx).insertInto('engage_messages').values({ workspace_id: workspaceId, conversation_id: id, kind: 'reply', user_id: userId, text, post_id: post.id, in_reply_to: inReplyTo, created_at: now }).returning('id').executeTakeFirstOrThrow();
    await edb(trx).updateTable('conversations').set({ first_response_at: sql`coalesce(first_response_at, ${now})`, status: 'waiting', updated_at: now }).where('id', '=', id).execute();
    await edb(trx).insertInto('engage_events').values({ workspace_id: workspaceId, conversation_id: id, user_id: userId, action: 'replied', detail: `post ${post.id} on ${channel.name}`, at: now }).execute();
    await audit(trx, { workspaceId, userId, action: 'engage.reply', target: String(id), data: { postId: post.id, channelId: channel.id }, now });
    return Number(row.id);
  });
  return { messageId, postId: post.id, text, targets: post.targets, dueAt: post.dueAt };
}

export interface Load { userId: number; name: string; open: number; new: number; assigned: number; waiting: number; breached: number }

/** Everyone's open load: the team view. */
export async function teamLoad(platform: Kysely<PlatformTables>, workspaceId: number, now: number): Promise<Load[]> {
  const members = await platform.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').select(['users.id', 'users.name']).where('memberships.workspace_id', '=', workspaceId).orderBy('users.name').execute();
  const rows = await edb(platform).selectFrom('conversations').select(['assignee_id', 'status', 'first_response_at', 'first_response_due_at']).where('workspace_id', '=', workspaceId).where('status', '!=', 'resolved').where('assignee_id', 'is not', null).execute();
  return members.map((m) => {
    const mine = rows.filter((r) => Number(r.assignee_id) === Number(m.id));
    return {
      userId: Number(m.id), name: m.name, open: mine.length, new: mine.filter((r) => r.status === 'new').length, assigned: mine.filter((r) => r.status === 'assigned').length, waiting: mine.filter((r) => r.status === 'waiting').length,
      breached: mine.filter((r) => r.first_response_at === null && Number(r.first_response_due_at) < now).length,
    };
  });
}

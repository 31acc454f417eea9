// Filing: the job that reads the mentions Listen stored since the last run, threads each by its
// reply chain into an open conversation, or opens one when it needs a human, and assigns it.
// It keeps a cursor (the last mention id seen) written in the same transaction as the
// conversations: a run that fails leaves nothing half-filed, and a second run files nothing twice.
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../platform/db/schema.ts';
import type { ListenTables } from '../listen/tables.ts';
import type { PublishTables } from '../publish/tables.ts';
import { decide, type Decision } from './assign.ts';
import { whoIsOn } from './rota.ts';
import { edb, listExceptions, listRules, listShifts, slaTargets, teamsOf } from './store.ts';
import type { ConversationTable } from './tables.ts';
import { priorityOf, triage, type Priority } from './triage.ts';

const BATCH = 500;

export interface FileResult { seen: number; opened: number; threaded: number; assigned: number }

function parseList(json: string | null): string[] {
  if (!json) return [];
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

/** reply_to holds one network id or URL (Listen's model); tolerate a JSON array too. */
function replyTargets(replyTo: string | null): string[] {
  if (!replyTo) return [];
  return replyTo.startsWith('[') ? parseList(replyTo) : [replyTo];
}

export async function fileMentions(platform: Kysely<PlatformTables>, workspaceId: number, now: number): Promise<FileResult> {
  const result: FileResult = { seen: 0, opened: 0, threaded: 0, assigned: 0 };
  const [shifts, exceptions, rules, teams, sla] = await Promise.all([listShifts(platform, workspaceId), listExceptions(platform, workspaceId), listRules(platform, workspaceId), teamsOf(platform, workspaceId), slaTargets(platform, workspaceId)]);
  const ldb = platform.withTables<ListenTables>();
  const brand = await ldb.selectFrom('accounts').select(['id', 'handle']).where('workspace_id', '=', workspaceId).where('affiliation', '=', 'brand').execute();
  const brandIds = new Set(brand.map((b) => Number(b.id)));
  const brandHandles = brand.map((b) => b.handle);
  for (;;) {
    const batch = await platform.transaction().execute(async (trx) => {
      const e = edb(trx);
      const cursor = await e.selectFrom('engage_cursor').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
      const after = Number(cursor?.last_mention_id ?? 0);
      const rr: Record<string, number> = JSON.parse(cursor?.round_robin ?? '{}');
      const mentions = await trx.withTables<ListenTables>().selectFrom('mentions').leftJoin('accounts', 'accounts.id', 'mentions.author_id')
        .select(['mentions.id', 'mentions.network', 'mentions.network_id', 'mentions.url', 'mentions.author_id', 'mentions.published_at', 'mentions.text', 'mentions.lang', 'mentions.sentiment', 'mentions.mentioned', 'mentions.reply_to', 'accounts.followers', 'accounts.affiliation'])
        .where('mentions.workspace_id', '=', workspaceId).where('mentions.id', '>', after).orderBy('mentions.id').limit(BATCH).execute();
      if (mentions.length === 0) return 0;
      const ids = mentions.map((m) => Number(m.id));
      const topicRows = await trx.withTables<ListenTables>().selectFrom('topic_mentions').select(['mention_id', 'topic_id']).where('mention_id', 'in', ids).execute();
      const topicsOf = new Map<number, number[]>();
      for (const t of topicRows) topicsOf.set(Number(t.mention_id), [...(topicsOf.get(Number(t.mention_id)) ?? []), Number(t.topic_id)]);
      // Mentions already filed (a workspace imported without its cursor) are passed over, not filed twice.
      const filed = new Set((await e.selectFrom('conversation_mentions').select('mention_id').where('mention_id', 'in', ids).execute()).map((r) => Number(r.mention_id)));
      for (const m of mentions) {
        const id = Number(m.id);
        if (filed.has(id)) continue;
        const targets = replyTargets(m.reply_to);
        // The chain: a conversation already holding the mention this one answers.
        const parent = targets.length ? await e.selectFrom('conversation_mentions').select('conversation_id').where('workspace_id', '=', workspaceId).where('network_id', 'in', targets).executeTakeFirst() : undefined;
        const fromBrand = m.author_id !== null && brandIds.has(Number(m.author_id));
        if (parent) {
          const cid = Number(parent.conversation_id);
          await e.insertInto('conversation_mentions').values({ workspace_id: workspaceId, conversation_id: cid, mention_id: id, network_id: m.network_id ?? m.url }).execute();
          if (fromBrand) {
            // The brand answered on the network itself: that is a first response.
            await e.updateTable('conversations').set({ first_response_at: sql`coalesce(first_response_at, ${Number(m.published_at)})`, updated_at: now }).where('id', '=', cid).execute();
          } else {
            // The customer spoke again: a resolved or waiting conversation comes back.
            await e.updateTable('conversations').set({ last_mention_at: Number(m.published_at), updated_at: now, resolved_at: null, status: sql<ConversationTable['status']>`case when status in ('resolved', 'waiting') then (case when assignee_id is null then 'new' else 'assigned' end) else status end` }).where('id', '=', cid).execute();
            await e.insertInto('engage_events').values({ workspace_id: workspaceId, conversation_id: cid, user_id: null, action: 'threaded', detail: `mention ${id}`, at: now }).execute();
          }
          result.threaded += 1;
          continue;
        }
        if (fromBrand) continue;
        let repliesToBrand = false;
        if (targets.length) {
          const own = await trx.withTables<ListenTables>().selectFrom('mentions').select('id').where('workspace_id', '=', workspaceId).where('network_id', 'in', targets).where('author_id', 'in', brandIds.size ? [...brandIds] : [-1]).executeTakeFirst();
          const sent = own ? null : await trx.withTables<PublishTables>().selectFrom('post_targets').select('id').where('workspace_id', '=', workspaceId).where((eb) => eb.or([eb('remote_id', 'in', targets), eb('remote_url', 'in', targets)])).executeTakeFirst();
          repliesToBrand = Boolean(own ?? sent);
        }
        const reasons = triage({ text: m.text, sentiment: m.sentiment, mentioned: parseList(m.mentioned), repliesToBrand }, brandHandles);
        if (reasons.length === 0) continue;
        const topics = topicsOf.get(id) ?? [];
        const decision: Decision = decide({ network: m.network, lang: m.lang, sentiment: m.sentiment, topics, text: m.text }, rules, whoIsOn(now, shifts, exceptions), teams, rr);
        if (decision.poolKey && decision.userId) rr[decision.poolKey] = decision.userId;
        const priority = (decision.priority ?? priorityOf(reasons, Number(m.followers ?? 0))) as Priority;
        const created = await e.insertInto('conversations').values({
          workspace_id: workspaceId, root_mention_id: id, network: m.network, author_id: m.author_id, reasons: reasons.join(','), status: decision.userId ? 'assigned' : 'new', priority,
          assignee_id: decision.userId, team: decision.team, assigned_by: decision.userId ? decision.how : null, snoozed_until: null, lang: m.lang, sentiment: m.sentiment, topics: JSON.stringify(topics),
          last_mention_at: Number(m.published_at), first_response_due_at: now + sla[priority] * 60_000, first_response_at: null, resolved_at: null, created_at: now, updated_at: now,
        }).returning('id').executeTakeFirstOrThrow();
        const cid = Number(created.id);
        await e.insertInto('conversation_mentions').values({ workspace_id: workspaceId, conversation_id: cid, mention_id: id, network_id: m.network_id ?? m.url }).execute();
        await e.insertInto('engage_events').values({ workspace_id: workspaceId, conversation_id: cid, user_id: null, action: 'filed', detail: `${reasons.join(', ')}; ${decision.userId ? `assigned to user ${decision.userId} (${decision.how})` : `unassigned (${decision.how})`}`, at: now }).execute();
        result.opened += 1;
        if (decision.userId) result.assigned += 1;
      }
      const last = ids[ids.length - 1]!;
      if (cursor) await e.updateTable('engage_cursor').set({ last_mention_id: last, round_robin: JSON.stringify(rr) }).where('workspace_id', '=', workspaceId).execute();
      else await e.insertInto('engage_cursor').values({ workspace_id: workspaceId, last_mention_id: last, round_robin: JSON.stringify(rr) }).execute();
      return mentions.length;
    });
    result.seen += batch;
    if (batch < BATCH) return result;
  }
}

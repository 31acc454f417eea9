// A recycling run: when a rule set is due (its interval, stretched to the brand's pace, has
// passed since its last run), the next shares of its plan become scheduled posts on its channels
// — each composed for its network, with its own short link — and the cycle is remembered.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/schema.ts';
import { RelaisError } from '../../platform/errors.ts';
import type { PostNetwork } from '../post-length.ts';
import { schedulePost, type Post } from '../scheduler/posts.ts';
import { createShortLink } from '../short-links.ts';
import type { PublishTables } from '../tables.ts';
import { composePost } from './compose.ts';
import { usualPostsPerDay } from './pace.ts';
import { planRecycling } from './plan.ts';
import type { RecycleRules } from './rules.ts';
import { brandPostTimes, loadArticles, loadRecycleHistory } from './store.ts';

const tables = (db: Kysely<PlatformTables>) => db.withTables<PublishTables>();
const HOUR = 3_600_000;

export interface RecycleRuleSet {
  id: number;
  name: string;
  channelIds: number[];
  rules: RecycleRules;
  enabled: boolean;
  cycle: number[];
  lastRunAt: number | null;
}

export async function saveRuleSet(db: Kysely<PlatformTables>, workspaceId: number, input: { name: string; channelIds: number[]; rules: RecycleRules; enabled?: boolean }, now: number): Promise<RecycleRuleSet> {
  if (input.channelIds.length === 0) throw new RelaisError('RELAIS_REQUEST_INVALID', 'Choose at least one channel for the recycled posts.', { field: 'channelIds' });
  const known = await tables(db).selectFrom('channels').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', input.channelIds).execute();
  const missing = input.channelIds.find((id) => !known.some((k) => Number(k.id) === id));
  if (missing !== undefined) throw new RelaisError('RELAIS_REQUEST_INVALID', `No channel ${missing} in this workspace.`, { field: 'channelIds' });
  const row = await tables(db).insertInto('recycle_rules').values({
    workspace_id: workspaceId, name: input.name, channel_ids: JSON.stringify(input.channelIds), rules: JSON.stringify(input.rules), enabled: input.enabled === false ? 0 : 1, cycle: '[]', last_run_at: null, created_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  return (await listRuleSets(db, workspaceId)).find((r) => r.id === Number(row.id))!;
}

export async function listRuleSets(db: Kysely<PlatformTables>, workspaceId: number): Promise<RecycleRuleSet[]> {
  const rows = await tables(db).selectFrom('recycle_rules').selectAll().where('workspace_id', '=', workspaceId).orderBy('id').execute();
  return rows.map((r) => ({
    id: Number(r.id), name: r.name, channelIds: JSON.parse(r.channel_ids) as number[], rules: JSON.parse(r.rules) as RecycleRules, enabled: Number(r.enabled) === 1,
    cycle: JSON.parse(r.cycle) as number[], lastRunAt: r.last_run_at === null ? null : Number(r.last_run_at),
  }));
}

export interface RunResult { ran: boolean; reason: string; posts: Post[] }

/**
 * Runs a rule set if it is due (or `force`): schedules its next shares. `publicUrl` makes the
 * short links absolute (relais serves them at <publicUrl>/s/<code>).
 */
export async function runRecycling(db: Kysely<PlatformTables>, workspaceId: number, ruleId: number, options: { now: number; random: () => number; publicUrl: string; force?: boolean }): Promise<RunResult> {
  const set = (await listRuleSets(db, workspaceId)).find((r) => r.id === ruleId);
  if (!set) throw new RelaisError('RELAIS_NOT_FOUND', `No recycling rules ${ruleId}.`, { field: 'id' });
  if (!set.enabled && !options.force) return { ran: false, reason: 'disabled', posts: [] };
  const { now } = options;
  const [articles, history, times] = await Promise.all([loadArticles(db, workspaceId), loadRecycleHistory(db, workspaceId), brandPostTimes(db, workspaceId, now)]);
  const plan = planRecycling({ rules: set.rules, articles, history, now, usualPerDay: usualPostsPerDay(times, now), lastRunAt: null, random: options.random, count: set.rules.postsPerRun, sharedInCycle: set.cycle, horizonDays: 1 });
  if (!options.force && set.lastRunAt !== null && now < set.lastRunAt + plan.intervalHours * HOUR) return { ran: false, reason: 'not-due', posts: [] };
  if (plan.shares.length === 0) return { ran: false, reason: plan.stopped ?? 'nothing-eligible', posts: [] };
  const channels = await tables(db).selectFrom('channels').select(['id', 'network', 'config']).where('workspace_id', '=', workspaceId).where('id', 'in', set.channelIds).execute();
  const posts: Post[] = [];
  const linkIds: number[] = [];
  let cycle = [...set.cycle];
  for (const share of plan.shares) {
    if (share.cycle > 0 && cycle.length) cycle = []; // the plan started a new cycle
    const targets = [];
    for (const channel of channels) {
      let link: string | null = null;
      if (set.rules.includeLink) {
        const utm = set.rules.utm ? { source: channel.network, medium: set.rules.utm.medium, campaign: set.rules.utm.campaign } : null;
        if (set.rules.shortLink) {
          const short = await createShortLink(db, workspaceId, { url: share.article.url, utm, channelId: Number(channel.id) }, now);
          linkIds.push(short.id);
          link = `${options.publicUrl.replace(/\/+$/, '')}/s/${short.code}`;
        } else link = share.article.url;
      }
      const maxCharacters = (JSON.parse(channel.config) as { maxCharacters?: number }).maxCharacters;
      const composed = composePost(share.article, set.rules, set.rules.variants[share.variant], link, channel.network as PostNetwork, typeof maxCharacters === 'number' ? maxCharacters : undefined);
      targets.push({ channelId: Number(channel.id), text: composed.text });
    }
    const post = await schedulePost(db, workspaceId, { text: targets[0]?.text ?? share.article.title, targets, dueAt: Math.max(now, share.at), origin: 'recycle', articleId: share.article.id, linkUrl: share.article.url }, now);
    if (linkIds.length) await tables(db).updateTable('short_links').set({ post_id: post.id }).where('id', 'in', linkIds.splice(0)).execute();
    posts.push(post);
    cycle.push(share.article.id);
  }
  await tables(db).updateTable('recycle_rules').set({ cycle: JSON.stringify(cycle), last_run_at: now }).where('id', '=', ruleId).execute();
  return { ran: true, reason: 'ran', posts };
}

// Reads what a rule needs from the database for a period: hourly counts (in the database),
// negative mentions with their authors, or the mentions matching the rule's query.
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/schema.ts';
import { firstMentionAt, volumeBySource } from '../analytics/volume.ts';
import { compileQuery } from '../query/index.ts';
import type { ListenTables } from '../tables.ts';
import { checkQuery, prepareStored } from '../topics.ts';
import { historyNeeded, type RuleData } from './evaluate.ts';
import { authorInfluence } from './influence.ts';
import { HOUR_MS, hourStart, type InfluencerNegativeParams, type KeywordParams, type Rule } from './model.ts';

type Db = Kysely<PlatformTables>;

function hours(start: number, to: number): number {
  return Math.max(0, Math.ceil((to - start) / HOUR_MS));
}

async function hourlyVolume(db: Db, rule: Rule, start: number, to: number): Promise<number[]> {
  const rows = await volumeBySource(db, { workspaceId: rule.workspaceId, topicId: rule.topicId ?? undefined, from: start, to, bucket: 'hour' });
  const out = new Array<number>(hours(start, to)).fill(0);
  for (const r of rows) {
    const i = Math.round((r.at - start) / HOUR_MS);
    if (i >= 0 && i < out.length) out[i]! += r.count;
  }
  return out;
}

async function hourlySentiment(db: Db, rule: Rule, start: number, to: number): Promise<{ labelled: number[]; negative: number[] }> {
  const bucket = sql<number>`(mentions.published_at / ${sql.lit(HOUR_MS)})`;
  let select = db
    .withTables<ListenTables>()
    .selectFrom('mentions')
    .select([bucket.as('b'), 'mentions.sentiment', (eb) => eb.fn.countAll<number>().as('n')])
    .where('mentions.workspace_id', '=', rule.workspaceId)
    .where('mentions.published_at', '>=', start)
    .where('mentions.published_at', '<', to)
    .where('mentions.sentiment', 'is not', null);
  if (rule.topicId !== null) select = select.innerJoin('topic_mentions', 'topic_mentions.mention_id', 'mentions.id').where('topic_mentions.topic_id', '=', rule.topicId);
  const rows = await select.groupBy([bucket, 'mentions.sentiment']).execute();
  const n = hours(start, to);
  const labelled = new Array<number>(n).fill(0);
  const negative = new Array<number>(n).fill(0);
  for (const r of rows) {
    const i = Number(r.b) - start / HOUR_MS;
    if (i < 0 || i >= n) continue;
    labelled[i]! += Number(r.n);
    if (r.sentiment === 'negative') negative[i]! += Number(r.n);
  }
  return { labelled, negative };
}

async function negativeMentions(db: Db, rule: Rule, from: number, to: number): Promise<NonNullable<RuleData['negatives']>> {
  let select = db
    .withTables<ListenTables>()
    .selectFrom('mentions')
    .innerJoin('accounts', 'accounts.id', 'mentions.author_id')
    .select(['mentions.id', 'mentions.published_at', 'accounts.id as author_id', 'accounts.handle', 'accounts.followers'])
    .where('mentions.workspace_id', '=', rule.workspaceId)
    .where('mentions.published_at', '>=', from)
    .where('mentions.published_at', '<', to)
    .where('mentions.sentiment', '=', 'negative');
  if (rule.topicId !== null) select = select.innerJoin('topic_mentions', 'topic_mentions.mention_id', 'mentions.id').where('topic_mentions.topic_id', '=', rule.topicId);
  const rows = await select.orderBy('mentions.published_at').execute();
  return rows.map((r) => ({ id: r.id, at: r.published_at, authorId: r.author_id, handle: r.handle, followers: Number(r.followers) }));
}

async function authorHistory(db: Db, rule: Rule, authorIds: number[], start: number, to: number): Promise<NonNullable<RuleData['authorHistory']>> {
  const out: NonNullable<RuleData['authorHistory']> = [];
  for (let i = 0; i < authorIds.length; i += 500) {
    let select = db
      .withTables<ListenTables>()
      .selectFrom('mentions')
      .select(['mentions.author_id', 'mentions.published_at', 'mentions.sentiment'])
      .where('mentions.workspace_id', '=', rule.workspaceId)
      .where('mentions.author_id', 'in', authorIds.slice(i, i + 500))
      .where('mentions.published_at', '>=', start)
      .where('mentions.published_at', '<', to);
    if (rule.topicId !== null) select = select.innerJoin('topic_mentions', 'topic_mentions.mention_id', 'mentions.id').where('topic_mentions.topic_id', '=', rule.topicId);
    for (const r of await select.execute()) out.push({ authorId: r.author_id!, at: r.published_at, negative: r.sentiment === 'negative' });
  }
  return out;
}

async function queryMatches(db: Db, rule: Rule, start: number, to: number): Promise<NonNullable<RuleData['matches']>> {
  const matcher = compileQuery(checkQuery((rule.params as KeywordParams).query, 'params.query'));
  const out: Array<{ id: number; at: number }> = [];
  let after = 0;
  for (;;) {
    let select = db
      .withTables<ListenTables>()
      .selectFrom('mentions')
      .leftJoin('accounts', 'accounts.id', 'mentions.author_id')
      .select(['mentions.id', 'mentions.published_at', 'mentions.title', 'mentions.text', 'mentions.url', 'mentions.lang', 'mentions.source_type', 'mentions.sentiment', 'mentions.hashtags', 'mentions.mentioned', 'accounts.handle', 'accounts.display_name', 'accounts.country', 'accounts.gender'])
      .where('mentions.workspace_id', '=', rule.workspaceId)
      .where('mentions.published_at', '>=', start)
      .where('mentions.published_at', '<', to)
      .where('mentions.id', '>', after);
    if (rule.topicId !== null) select = select.where('mentions.id', 'in', db.withTables<ListenTables>().selectFrom('topic_mentions').select('mention_id').where('topic_id', '=', rule.topicId));
    const page = await select.orderBy('mentions.id').limit(2000).execute();
    for (const row of page) if (matcher(prepareStored(row))) out.push({ id: row.id, at: row.published_at });
    if (page.length < 2000) return out;
    after = page[page.length - 1]!.id;
    // A dry run over a month reads many pages: let the server breathe between them.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Everything `evaluateRule` needs to judge the hours that begin in [from, to). */
export async function loadRuleData(db: Db, rule: Rule, from: number, to: number): Promise<RuleData> {
  const start = hourStart(from) - historyNeeded(rule);
  switch (rule.kind) {
    case 'spike':
      return { start, volume: await hourlyVolume(db, rule, start, to), dataStart: await firstMentionAt(db, rule.workspaceId) };
    case 'negative_surge':
      return { start, ...(await hourlySentiment(db, rule, start, to)) };
    case 'influencer_negative': {
      const negatives = await negativeMentions(db, rule, hourStart(from), to);
      // Only the influential authors' history is read (influence.ts decides who they are).
      const min = (rule.params as InfluencerNegativeParams).minFollowers;
      const authors = [...new Set(negatives.filter((m) => authorInfluence({ followers: m.followers }) >= min).map((m) => m.authorId))];
      return { start, negatives, authorHistory: await authorHistory(db, rule, authors, start, to) };
    }
    case 'keyword':
      return { start, matches: await queryMatches(db, rule, start, to) };
  }
}

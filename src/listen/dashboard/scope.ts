// The rows a dashboard counts — one topic's mentions, or a whole workspace's, over a period —
// as SQL fragments every dashboard query starts from, and the few expressions that differ
// between SQLite and PostgreSQL (JSON, string splitting).
import { sql, type RawBuilder } from 'kysely';
import type { Dialect } from '../../platform/db/connect.ts';

export interface DashboardScope {
  workspaceId: number;
  /** One topic's mentions; absent: the whole workspace. */
  topicId?: number;
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
}

export interface ScopeSql {
  /** `FROM …` with `m` (mentions) and `a` (accounts, left-joined) in it. */
  from: RawBuilder<unknown>;
  /** The WHERE condition (without the keyword). */
  where: RawBuilder<unknown>;
  /** The published time column the period applies to. */
  time: RawBuilder<unknown>;
  /** The mention id, read from the index when the scope is a topic (a sample filters before the lookup). */
  id: RawBuilder<unknown>;
}

/**
 * For a topic the period is read from topic_mentions (topic_id, published_at, mention_id):
 * the index covers it, so each mention is looked up by primary key once. For a workspace, from
 * mentions (workspace_id, published_at).
 */
export function scopeSql(scope: DashboardScope, period: { from: number; to: number } = scope): ScopeSql {
  if (scope.topicId !== undefined) {
    return {
      from: sql`topic_mentions tm join mentions m on m.id = tm.mention_id left join accounts a on a.id = m.author_id`,
      where: sql`tm.topic_id = ${scope.topicId} and tm.published_at >= ${period.from} and tm.published_at < ${period.to}`,
      time: sql`tm.published_at`,
      id: sql`tm.mention_id`,
    };
  }
  return {
    from: sql`mentions m left join accounts a on a.id = m.author_id`,
    where: sql`m.workspace_id = ${scope.workspaceId} and m.published_at >= ${period.from} and m.published_at < ${period.to}`,
    time: sql`m.published_at`,
    id: sql`m.id`,
  };
}

/** likes + shares + replies of a mention (its `engagement` JSON), 0 for missing keys. */
export function engagementSql(dialect: Dialect): RawBuilder<number> {
  if (dialect === 'sqlite') {
    return sql`(coalesce(json_extract(m.engagement, '$.likes'), 0) + coalesce(json_extract(m.engagement, '$.shares'), 0) + coalesce(json_extract(m.engagement, '$.replies'), 0))`;
  }
  return sql`(coalesce((m.engagement::jsonb->>'likes')::numeric, 0) + coalesce((m.engagement::jsonb->>'shares')::numeric, 0) + coalesce((m.engagement::jsonb->>'replies')::numeric, 0))`;
}

/** A join producing one row `j.value` per element of the JSON array column `m.<column>`. */
export function jsonElementsSql(dialect: Dialect, column: 'hashtags' | 'mentioned'): RawBuilder<unknown> {
  return dialect === 'sqlite' ? sql`, json_each(${sql.ref(`m.${column}`)}) j` : sql`cross join lateral jsonb_array_elements_text(${sql.ref(`m.${column}`)}::jsonb) as j(value)`;
}

/** The host of `m.url` (between '://' and the next '/'), lower-cased. */
export function hostSql(dialect: Dialect): RawBuilder<string> {
  if (dialect === 'sqlite') {
    const rest = sql`substr(m.url, instr(m.url, '://') + 3)`;
    return sql`lower(substr(${rest}, 1, instr(${rest} || '/', '/') - 1))`;
  }
  return sql`lower(split_part(split_part(m.url, '://', 2), '/', 1))`;
}

/** Who wrote it, as the gender split counts it: organisations and media apart, then f, m or unknown. */
export const genderSql = sql<string>`case when a.id is null then 'unknown' when a.kind in ('organisation', 'media') then 'organisation' when a.gender in ('f', 'm') then a.gender else 'unknown' end`;

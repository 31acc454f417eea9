// Mention volume per time bucket and source type, counted in the database (never by loading
// mentions): per day or hour, for a workspace or one of its topics, over a period.
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/schema.ts';
import type { ListenTables } from '../tables.ts';

export const BUCKET_MS = { hour: 3_600_000, day: 86_400_000 } as const;
export type Bucket = keyof typeof BUCKET_MS;

export interface VolumeQuery {
  workspaceId: number;
  topicId?: number;
  /** Epoch ms, inclusive; aligned down to the bucket. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  bucket: Bucket;
}

export interface VolumeRow {
  /** Start of the bucket, epoch ms (UTC). */
  at: number;
  sourceType: string;
  count: number;
}

export async function volumeBySource(db: Kysely<PlatformTables>, query: VolumeQuery): Promise<VolumeRow[]> {
  const ms = BUCKET_MS[query.bucket];
  const ldb = db.withTables<ListenTables>();
  // Integer division on both dialects (bigint / bigint): the bucket's index since the epoch.
  const bucket = sql<number>`(mentions.published_at / ${sql.lit(ms)})`;
  let select = ldb
    .selectFrom('mentions')
    .select([bucket.as('b'), 'mentions.source_type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('mentions.workspace_id', '=', query.workspaceId)
    .where('mentions.published_at', '>=', query.from)
    .where('mentions.published_at', '<', query.to);
  if (query.topicId !== undefined) {
    select = select.innerJoin('topic_mentions', 'topic_mentions.mention_id', 'mentions.id').where('topic_mentions.topic_id', '=', query.topicId);
  }
  const rows = await select.groupBy([bucket, 'mentions.source_type']).orderBy(bucket).execute();
  return rows.map((r) => ({ at: Number(r.b) * ms, sourceType: r.source_type, count: Number(r.n) }));
}

/** Dense series per source type (zeros filled in) over [from, to), bucket by bucket. */
export function toSeries(rows: readonly VolumeRow[], from: number, to: number, bucket: Bucket): { at: number[]; bySource: Record<string, number[]> } {
  const ms = BUCKET_MS[bucket];
  const start = Math.floor(from / ms) * ms;
  const n = Math.max(0, Math.ceil((to - start) / ms));
  const at = Array.from({ length: n }, (_, i) => start + i * ms);
  const bySource: Record<string, number[]> = {};
  for (const row of rows) {
    const i = Math.round((row.at - start) / ms);
    if (i < 0 || i >= n) continue;
    (bySource[row.sourceType] ??= new Array<number>(n).fill(0))[i]! += row.count;
  }
  return { at, bySource };
}

/** When the workspace's first mention was published (epoch ms), or null when it has none. */
export async function firstMentionAt(db: Kysely<PlatformTables>, workspaceId: number): Promise<number | null> {
  const row = await db
    .withTables<ListenTables>()
    .selectFrom('mentions')
    .select((eb) => eb.fn.min('published_at').as('first'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return row?.first == null ? null : Number(row.first);
}

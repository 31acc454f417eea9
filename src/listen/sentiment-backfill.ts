// Mentions stored without a sentiment (the demo world is loaded in bulk, without running the
// enricher; an import may carry none) are labelled in the background, page by page, so that the
// dashboard, alerts and reports have it. Idempotent: only rows still without one are touched.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../platform/db/schema.ts';
import type { Enricher } from './ingest.ts';
import type { MentionInput } from './model.ts';
import type { ListenTables } from './tables.ts';

const PAGE = 2000;

export async function backfillSentiment(db: Kysely<PlatformTables>, workspaceId: number, enrich: Enricher, options: { signal?: AbortSignal; onPage?: (done: number) => void } = {}): Promise<number> {
  const ldb = db.withTables<ListenTables>();
  let done = 0;
  let after = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    const rows = await ldb.selectFrom('mentions').select(['id', 'network', 'source_type', 'url', 'title', 'text', 'lang', 'published_at'])
      .where('workspace_id', '=', workspaceId).where('sentiment', 'is', null).where('id', '>', after).orderBy('id').limit(PAGE).execute();
    if (rows.length === 0) return done;
    const labelled = rows.map((row) => {
      const input: MentionInput = {
        network: row.network, networkId: null, sourceType: row.source_type as MentionInput['sourceType'], url: row.url, author: null, publishedAt: Number(row.published_at),
        title: row.title, text: row.text, lang: row.lang, links: [], hashtags: [], mentioned: [], replyTo: null, quoteOf: null, reshareOf: null, engagement: {}, raw: null,
      };
      const e = enrich(input);
      return { id: Number(row.id), sentiment: e.sentiment, score: e.sentimentScore };
    });
    await db.transaction().execute(async (trx) => {
      const t = trx.withTables<ListenTables>();
      for (const l of labelled) await t.updateTable('mentions').set({ sentiment: l.sentiment, sentiment_score: l.score }).where('id', '=', l.id).where('sentiment', 'is', null).execute();
    });
    done += rows.length;
    after = Number(rows.at(-1)!.id);
    options.onPage?.(done);
  }
}

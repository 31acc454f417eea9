// The ingest pipeline every source ends in: enrich, percolate against the workspace's topics,
// store — accounts upserted, mentions inserted once (a duplicate by network id or canonical URL
// is counted, not stored again), topic matches recorded — in one transaction per batch.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../platform/db/schema.ts';
import { canonicalUrl } from './canonical-url.ts';
import type { MentionInput } from './model.ts';
import { prepareDocument } from './query/index.ts';
import type { ListenTables } from './tables.ts';
import type { TopicIndex } from './topics.ts';
import { recordInteractions } from '../map/interactions.ts';

type Db = Kysely<PlatformTables>;

/** What enrichment adds to a mention (Listen's enrich/ module computes it). */
export interface Enrichment {
  lang: string | null;
  sentiment: 'positive' | 'neutral' | 'negative' | null;
  sentimentScore: number | null;
  /** Of the author, from the first name. */
  gender: 'f' | 'm' | null;
  genderP: number | null;
  /** Of the author, from the profile location (ISO 3166-1 alpha-2). */
  country: string | null;
}

export type Enricher = (mention: MentionInput) => Enrichment;

export interface IngestResult {
  received: number;
  inserted: number;
  duplicates: number;
  /** Topic id → how many of the inserted mentions it matched. */
  topicMatches: Record<number, number>;
}

// Rows per INSERT: mentions have 22 columns, so 500 rows stay under SQLite's 32,766 and
// PostgreSQL's 65,535 parameters.
const BATCH = 500;
// topic_mentions rows have 4 columns: 8,000 rows are 32,000 parameters.
const MATCH_BATCH = 8000;

function dedupeKey(network: string, networkId: string | null, canonical: string | null): string {
  return networkId ? `id:${network}:${networkId}` : `url:${canonical ?? ''}`;
}

/**
 * The id a mention is known by: the network's, else none when its URL identifies it, else a
 * hash of who said what when — so that the same item given twice is still stored once.
 */
function identity(m: MentionInput, canonical: string | null): string | null {
  if (m.networkId) return m.networkId;
  if (canonical) return null;
  return `sha256:${createHash('sha256').update(`${m.author?.handle ?? ''}\n${m.publishedAt}\n${m.title ?? ''}\n${m.text}`).digest('hex').slice(0, 32)}`;
}

/** Upserts the authors of a batch; returns "network handle" → account id. */
async function upsertAuthors(trx: Kysely<PlatformTables & ListenTables>, workspaceId: number, mentions: MentionInput[], enrichments: Enrichment[], now: number): Promise<Map<string, number>> {
  const byKey = new Map<string, { network: string; mention: MentionInput; enrichment: Enrichment }>();
  mentions.forEach((mention, i) => {
    if (mention.author) byKey.set(`${mention.network} ${mention.author.handle}`, { network: mention.network, mention, enrichment: enrichments[i]! });
  });
  const ids = new Map<string, number>();
  const authors = [...byKey.values()];
  for (let i = 0; i < authors.length; i += BATCH) {
    const rows = authors.slice(i, i + BATCH).map(({ network, mention, enrichment }) => {
      const a = mention.author!;
      return {
        workspace_id: workspaceId,
        network,
        handle: a.handle,
        display_name: a.displayName ?? null,
        profile_url: a.profileUrl ?? null,
        bio: a.bio ?? null,
        location: a.location ?? null,
        country: enrichment.country,
        followers: a.followers ?? 0,
        following: a.following ?? 0,
        kind: 'person',
        gender: enrichment.gender,
        gender_p: enrichment.genderP,
        affiliation: null,
        team: null,
        created_at: now,
      };
    });
    // A known account keeps its id and takes the newest profile facts the source gives.
    const returned = await trx
      .insertInto('accounts')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['workspace_id', 'network', 'handle']).doUpdateSet((eb) => ({
          followers: eb.ref('excluded.followers'),
          following: eb.ref('excluded.following'),
          display_name: eb.fn.coalesce('excluded.display_name', 'accounts.display_name'),
          location: eb.fn.coalesce('excluded.location', 'accounts.location'),
          country: eb.fn.coalesce('accounts.country', 'excluded.country'),
          gender: eb.fn.coalesce('accounts.gender', 'excluded.gender'),
          gender_p: eb.fn.coalesce('accounts.gender_p', 'excluded.gender_p'),
        })),
      )
      .returning(['id', 'network', 'handle'])
      .execute();
    for (const row of returned) ids.set(`${row.network} ${row.handle}`, row.id);
  }
  return ids;
}

export async function ingestMentions(
  deps: { db: Db; topics: TopicIndex; enrich?: Enricher; now: number },
  workspaceId: number,
  mentions: MentionInput[],
): Promise<IngestResult> {
  const noEnrichment: Enrichment = { lang: null, sentiment: null, sentimentScore: null, gender: null, genderP: null, country: null };
  const enrichments = mentions.map((m) => (deps.enrich ? deps.enrich(m) : noEnrichment));
  const percolator = await deps.topics.percolator(deps.db, workspaceId);
  const topicMatches: Record<number, number> = {};
  let inserted = 0;
  await deps.db
    .withTables<ListenTables>()
    .transaction()
    .execute(async (trx) => {
      const accountIds = await upsertAuthors(trx, workspaceId, mentions, enrichments, deps.now);
      const matches: Array<{ workspace_id: number; topic_id: number; mention_id: number; published_at: number }> = [];
      for (let start = 0; start < mentions.length; start += BATCH) {
        const batch = mentions.slice(start, start + BATCH);
        const firstByKey = new Map<string, number>();
        const rows = batch.map((m, j) => {
          const e = enrichments[start + j]!;
          const canonical = canonicalUrl(m.url);
          const networkId = identity(m, canonical);
          const key = dedupeKey(m.network, networkId, canonical);
          if (!firstByKey.has(key)) firstByKey.set(key, start + j);
          return {
            workspace_id: workspaceId,
            network: m.network,
            network_id: networkId,
            canonical_url: canonical,
            source_type: m.sourceType,
            url: m.url,
            author_id: m.author ? (accountIds.get(`${m.network} ${m.author.handle}`) ?? null) : null,
            published_at: m.publishedAt,
            title: m.title,
            text: m.text,
            lang: m.lang ?? e.lang,
            links: JSON.stringify(m.links),
            hashtags: JSON.stringify(m.hashtags),
            mentioned: JSON.stringify(m.mentioned),
            reply_to: m.replyTo,
            quote_of: m.quoteOf,
            reshare_of: m.reshareOf,
            engagement: JSON.stringify(m.engagement),
            sentiment: e.sentiment,
            sentiment_score: e.sentimentScore,
            raw: JSON.stringify(m.raw ?? null),
            ingested_at: deps.now,
          };
        });
        const stored = await trx
          .insertInto('mentions')
          .values(rows)
          .onConflict((oc) => oc.doNothing())
          .returning(['id', 'network', 'network_id', 'canonical_url', 'published_at'])
          .execute();
        inserted += stored.length;
        await recordInteractions(trx, workspaceId, stored.map((r) => r.id), deps.now);
        for (const row of stored) {
          const index = firstByKey.get(dedupeKey(row.network, row.network_id, row.canonical_url));
          if (index === undefined) continue;
          const m = mentions[index]!;
          const e = enrichments[index]!;
          const document = prepareDocument({
            text: m.text,
            title: m.title,
            url: m.url,
            lang: m.lang ?? e.lang,
            sourceType: m.sourceType,
            sentiment: e.sentiment,
            hashtags: m.hashtags,
            mentioned: m.mentioned,
            authorHandle: m.author?.handle ?? null,
            authorName: m.author?.displayName ?? null,
            country: e.country,
            gender: e.gender,
          });
          for (const topicId of percolator.match(document)) {
            matches.push({ workspace_id: workspaceId, topic_id: topicId, mention_id: row.id, published_at: row.published_at });
            topicMatches[topicId] = (topicMatches[topicId] ?? 0) + 1;
          }
        }
      }
      // In key order, once per call: each topic's new rows land side by side in the primary key
      // and the (topic, time) index, instead of touching one page per topic per mention.
      matches.sort((a, b) => a.topic_id - b.topic_id || a.mention_id - b.mention_id);
      for (let i = 0; i < matches.length; i += MATCH_BATCH) await trx.insertInto('topic_mentions').values(matches.slice(i, i + MATCH_BATCH)).execute();
    });
  return { received: mentions.length, inserted, duplicates: mentions.length - inserted, topicMatches };
}

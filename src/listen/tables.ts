// Row types of Listen's tables: the accounts that speak and the mentions they write.
import type { Generated } from 'kysely';
import type { EpochMs } from '../platform/db/schema.ts';

export interface AccountTable {
  id: Generated<number>;
  workspace_id: number;
  /** Where the account lives: 'mastodon', 'bluesky', 'x', 'web' (blogs, news sites, forums)… */
  network: string;
  handle: string;
  display_name: string | null;
  profile_url: string | null;
  bio: string | null;
  /** Free text as the profile gives it ("Lyon, France"). */
  location: string | null;
  /** ISO 3166-1 alpha-2, resolved from the location; null when unknown. */
  country: string | null;
  followers: number;
  following: number;
  /** 'person' | 'organisation' | 'media'. */
  kind: string;
  /** 'f' | 'm' | null (unknown), with its probability, inferred from the first name. */
  gender: string | null;
  gender_p: number | null;
  /** The account's tie to the workspace's brand: 'brand' | 'employee' | 'ambassador' | 'competitor' | null. */
  affiliation: string | null;
  /** The team an employee belongs to (leaderboards per team). */
  team: string | null;
  created_at: EpochMs;
}

export interface MentionTable {
  id: Generated<number>;
  workspace_id: number;
  network: string;
  /** The network's own id for the item (status id, at:// URI, feed GUID); null when none. */
  network_id: string | null;
  /** The URL with tracking parameters and fragments removed: the second key for duplicates. */
  canonical_url: string | null;
  /** 'blog' | 'news' | 'forum' | 'microblog' | 'social' | 'review' | 'video'. */
  source_type: string;
  url: string | null;
  author_id: number | null;
  published_at: EpochMs;
  title: string | null;
  text: string;
  lang: string | null;
  /** JSON arrays of strings. */
  links: string;
  hashtags: string;
  mentioned: string;
  /** The network ids (or URLs) this mention replies to, quotes or reshares: Map's edges. */
  reply_to: string | null;
  quote_of: string | null;
  reshare_of: string | null;
  /** JSON: { likes, shares, replies, views }. */
  engagement: string;
  /** 'positive' | 'neutral' | 'negative' and a score in [-1, 1]; null until enriched. */
  sentiment: string | null;
  sentiment_score: number | null;
  /** JSON: the payload as received. */
  raw: string;
  ingested_at: EpochMs;
}

export interface TopicTable {
  id: Generated<number>;
  workspace_id: number;
  name: string;
  query: string;
  created_at: EpochMs;
  /** When the topic was last matched against the mentions stored before it; null: not yet. */
  backfilled_at: EpochMs | null;
}

export interface TopicMentionTable {
  workspace_id: number;
  topic_id: number;
  mention_id: number;
  published_at: EpochMs;
}

export interface IngestLogTable {
  id: Generated<number>;
  workspace_id: number;
  /** The source: a file name, a feed URL, 'webhook'… */
  source: string;
  /** Where in it: "line 12", "item 3", "row 7, column date". */
  position: string | null;
  message: string;
  at: EpochMs;
}

export interface SourceTable {
  id: Generated<number>;
  workspace_id: number;
  /** 'feed' for now. */
  kind: string;
  name: string;
  url: string;
  /** JSON: the source's options (sourceType, intervalMs, allowPrivate). */
  options: string;
  /** JSON: the state the source returned from its last poll. */
  state: string;
  status: 'active' | 'paused';
  paused_reason: string | null;
  next_poll_at: EpochMs;
  last_polled_at: EpochMs | null;
  created_at: EpochMs;
}

export type ListenTables = {
  sources: SourceTable;
  accounts: AccountTable;
  mentions: MentionTable;
  topics: TopicTable;
  topic_mentions: TopicMentionTable;
  ingest_log: IngestLogTable;
};

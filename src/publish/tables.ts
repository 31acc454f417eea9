// Row types of Publish's tables: the brand's articles (the evergreen pool), channels, posts and
// their per-channel targets with every attempt, short links and their clicks, recycling rules.
import type { Generated } from 'kysely';
import type { EpochMs } from '../platform/db/schema.ts';

export interface ArticleTable {
  id: Generated<number>;
  workspace_id: number;
  url: string;
  title: string;
  summary: string | null;
  published_at: EpochMs;
  /** JSON arrays of strings. */
  categories: string;
  tags: string;
  /** The date of the event the article announces: never recycled after it. */
  event_at: EpochMs | null;
}

export interface ChannelTable {
  id: Generated<number>;
  workspace_id: number;
  /** 'mastodon' | 'bluesky' | 'webhook' | 'feed'. */
  network: string;
  name: string;
  /** The account as the network names it (@cimes@mastodon.example, cimes.bsky.social). */
  handle: string | null;
  /** JSON: the network's settings (instance URL, PDS, webhook URL, character limit…). */
  config: string;
  /** JSON: credentials (tokens, app passwords); never returned by the API. */
  secrets: string;
  /** 'active' | 'paused' | 'auth-expired'. */
  status: string;
  status_reason: string | null;
  /** Posts per hour this channel may send (the scheduler spreads beyond it). */
  rate_per_hour: number;
  /** IANA time zone of the channel's queue slots. */
  time_zone: string;
  /** JSON: weekly slots [{ day: 0-6, time: "HH:MM" }] for the queue. */
  slots: string;
  created_at: EpochMs;
  /** users.id of the member whose own account this is (advocacy); null for the brand's channels. */
  owner_id: number | null;
}

export interface PostTable {
  id: Generated<number>;
  workspace_id: number;
  /** users.id of who wrote it (null: recycling). */
  author_id: number | null;
  /** 'draft' | 'pending-approval' | 'scheduled' | 'published' | 'partly-published' | 'failed' | 'missed' | 'cancelled'. */
  status: string;
  text: string;
  /** JSON: [{ url, alt, mime, bytes }]. */
  media: string;
  /** The link the post carries (the short link points to it). */
  link_url: string | null;
  content_warning: string | null;
  /** 'public' | 'unlisted' | 'private' (Mastodon's visibility; others ignore it). */
  visibility: string;
  /** When it goes out; null for a draft without a date. */
  due_at: EpochMs | null;
  time_zone: string;
  /** 'manual' | 'recycle' | 'advocacy'. */
  origin: string;
  article_id: number | null;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export interface PostTargetTable {
  id: Generated<number>;
  workspace_id: number;
  post_id: number;
  channel_id: number;
  /** The channel's variant of the text; null: the post's. */
  text: string | null;
  /**
   * 'pending' | 'sending' | 'ambiguous' (sent, no answer: check before any retry) | 'published' |
   * 'failed' | 'missed' | 'cancelled'.
   */
  status: string;
  /** Unique per post × channel: sent to networks that accept one, and used to find a post already made. */
  idempotency_key: string;
  remote_id: string | null;
  remote_url: string | null;
  attempts: number;
  next_attempt_at: EpochMs | null;
  last_error: string | null;
  published_at: EpochMs | null;
}

export interface PostAttemptTable {
  id: Generated<number>;
  workspace_id: number;
  target_id: number;
  at: EpochMs;
  /** 'published' | 'rate-limited' | 'auth-expired' | 'rejected' | 'unavailable' | 'ambiguous' | 'found-after-check' | 'absent-after-check' | 'missed'. */
  outcome: string;
  http_status: number | null;
  message: string | null;
  duration_ms: number;
}

export interface ShortLinkTable {
  id: Generated<number>;
  workspace_id: number;
  /** The path code: /s/<code>. */
  code: string;
  url: string;
  post_id: number | null;
  channel_id: number | null;
  /** users.id of the member (employee, ambassador) who shares it. */
  advocate_id: number | null;
  created_at: EpochMs;
}

export interface LinkClickTable {
  id: Generated<number>;
  workspace_id: number;
  link_id: number;
  at: EpochMs;
  /** The referring host, if the browser sent one. */
  referrer: string | null;
  /** A keyed hash of the visitor's address and the day: counts unique visitors and bursts, stores no address. */
  visitor: string;
}

export interface RecycleRuleTable {
  id: Generated<number>;
  workspace_id: number;
  name: string;
  /** JSON array of channels.id the recycled posts go to. */
  channel_ids: string;
  /** JSON: RecycleRules. */
  rules: string;
  enabled: number;
  /** JSON array of article ids shared in the current cycle. */
  cycle: string;
  last_run_at: EpochMs | null;
  created_at: EpochMs;
}

export interface AdvocacyItemTable {
  id: Generated<number>;
  workspace_id: number;
  title: string;
  text: string;
  link_url: string | null;
  created_by: number | null;
  created_at: EpochMs;
  archived: number;
}

export interface AdvocacyPolicyTable {
  workspace_id: number;
  /** JSON: BrandSafetyPolicy. */
  policy: string;
  updated_at: EpochMs;
}

export interface MemberTemplateTable {
  workspace_id: number;
  user_id: number;
  /** 'employee' | 'ambassador'. */
  affiliation: string;
  signature: string | null;
  hashtag: string | null;
}

export interface PostReviewTable {
  id: Generated<number>;
  workspace_id: number;
  post_id: number;
  user_id: number | null;
  /** 'submitted' | 'comment' | 'approved' | 'rejected'. */
  decision: string;
  comment: string | null;
  at: EpochMs;
}

export type PublishTables = {
  advocacy_items: AdvocacyItemTable;
  advocacy_policies: AdvocacyPolicyTable;
  member_templates: MemberTemplateTable;
  post_reviews: PostReviewTable;
  articles: ArticleTable;
  channels: ChannelTable;
  posts: PostTable;
  post_targets: PostTargetTable;
  post_attempts: PostAttemptTable;
  short_links: ShortLinkTable;
  link_clicks: LinkClickTable;
  recycle_rules: RecycleRuleTable;
};

// The demo world as plain data: what the generator returns and the loader writes. Rows mirror
// the tables (without database ids); references between rows are array indexes, which the
// loader maps to database ids. A few generator-side facts (community, language, storyline)
// ride along for tests and later generators; the loader does not store them.
import type { AccountTable, MentionTable, TopicTable } from '../listen/tables.ts';
import type { ArticleTable } from '../publish/tables.ts';
import type { ChallengeTable } from '../reward/tables.ts';

export type DemoSize = 'small' | 'medium' | 'large';
export type Lang = 'fr' | 'en';
export type Network = 'mastodon' | 'bluesky' | 'x' | 'web';
export type SourceType = 'blog' | 'news' | 'forum' | 'microblog' | 'social' | 'review' | 'video';
/** How an account publishes: decides the source type of what it writes. */
export type Outlet = 'micro' | 'blog' | 'news' | 'forum' | 'review' | 'video' | 'social';
/** Which story a mention belongs to (generator-side: tests and later generators use it). */
export type Storyline = 'chatter' | 'brand' | 'competitor' | 'scandal' | 'launch' | 'badbuzz' | 'advocacy';
export type DemoRole = 'strategist' | 'manager' | 'reviewer' | 'member' | 'viewer';

export interface SizePlan {
  accounts: number;
  /** Follow ties to aim for (the graph lands within a few percent). */
  ties: number;
  mentions: number;
}

/** ≈ 10 ties per account and 15 mentions per account, as the brief of the demo asks. */
export const SIZES: Record<DemoSize, SizePlan> = {
  small: { accounts: 2_000, ties: 20_000, mentions: 30_000 },
  medium: { accounts: 20_000, ties: 200_000, mentions: 300_000 },
  large: { accounts: 200_000, ties: 2_000_000, mentions: 1_000_000 },
};

/** The world's "now" unless told otherwise: the 60 days of mentions end here. */
export const DEFAULT_NOW = Date.UTC(2026, 10, 15);
export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MENTION_DAYS = 60;

export interface WorldOptions {
  seed: number | string;
  size: DemoSize;
  /** Epoch ms; default DEFAULT_NOW. */
  now?: number;
  /** Overrides of the size's plan (benchmarks). */
  accounts?: number;
  ties?: number;
  mentions?: number;
}

export type AccountRow = Omit<AccountTable, 'id' | 'workspace_id'>;

export interface DemoAccount extends AccountRow {
  /** Position in `world.accounts`: the id every other row refers to. */
  index: number;
  community: string;
  /** A second community for bridge people; null for most. */
  community2: string | null;
  lang: Lang;
  /** The sex drawn with the first name (the `gender` column is what a reader could infer). */
  sex: 'f' | 'm' | null;
  firstName: string | null;
  outlet: Outlet;
  /** Relative posting rate (Pareto: a few accounts write most). */
  activity: number;
  /** Relative pull on followers (Pareto: hubs). */
  attraction: number;
  skills: readonly string[];
}

/** Follow ties as parallel typed arrays (2 M ties stay compact): source follows target. */
export interface DemoGraph {
  size: number;
  source: Int32Array;
  target: Int32Array;
  /** When the tie was made (epoch ms): edges.first_at and last_at. */
  at: Float64Array;
}

export interface Engagement {
  likes: number;
  shares: number;
  replies: number;
  views: number;
}

type MentionColumns = Omit<MentionTable, 'id' | 'workspace_id' | 'author_id' | 'links' | 'hashtags' | 'mentioned' | 'engagement' | 'raw' | 'sentiment' | 'sentiment_score'>;

export interface DemoMention extends MentionColumns {
  network: Network;
  source_type: SourceType;
  /** Index into world.accounts. */
  author: number;
  links: string[];
  hashtags: string[];
  mentioned: string[];
  engagement: Engagement;
  storyline: Storyline;
}

export type TopicRow = Omit<TopicTable, 'id' | 'workspace_id'>;
export type ArticleRow = Omit<ArticleTable, 'id' | 'workspace_id'>;
export type ChallengeRow = Omit<ChallengeTable, 'id' | 'workspace_id'>;

export interface DemoUser {
  email: string;
  name: string;
  role: DemoRole;
  /** Plain text, for the caller to hash: "demo-<role>". */
  password: string;
  locale: Lang;
}

export interface DemoWorkspace {
  slug: string;
  name: string;
  /** JSON-ready settings: brand, handles, competitors, time zone. */
  settings: Record<string, unknown>;
}

/** Where the three events sit on the timeline (epoch ms), for tests and the README. */
export interface DemoEvents {
  scandal: { start: number; peakDay: number; names: readonly string[] };
  launch: { at: number; clip: string; hashtag: string };
  badBuzz: { at: number; author: number; origin: string };
}

export interface DemoWorld {
  seed: number | string;
  size: DemoSize;
  now: number;
  workspace: DemoWorkspace;
  users: DemoUser[];
  accounts: DemoAccount[];
  graph: DemoGraph;
  mentions: DemoMention[];
  topics: TopicRow[];
  articles: ArticleRow[];
  challenges: ChallengeRow[];
  events: DemoEvents;
}

// What every source yields and the ingest pipeline takes: one mention, normalised, before
// enrichment and storage. Sources (feeds, Mastodon, Bluesky, files, the webhook) produce it;
// nothing here does I/O.

/** Where a mention was published, by the kind of outlet. */
export const SOURCE_TYPES = ['blog', 'news', 'forum', 'microblog', 'social', 'review', 'video'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export interface AuthorInput {
  /** The handle on its network (`ana@mastodon.social`, `ana.bsky.social`, a site's host for a blog). */
  handle: string;
  displayName?: string | null;
  followers?: number | null;
  following?: number | null;
  location?: string | null;
  profileUrl?: string | null;
  bio?: string | null;
}

export interface MentionInput {
  /** 'mastodon' | 'bluesky' | 'x' | 'web' (feeds, sites) | another network's name. */
  network: string;
  /** The network's own id (status id, at:// URI, a feed entry's GUID); null when there is none. */
  networkId: string | null;
  sourceType: SourceType;
  url: string | null;
  author: AuthorInput | null;
  /** Epoch milliseconds, UTC. */
  publishedAt: number;
  title: string | null;
  /** Plain text (HTML removed). */
  text: string;
  /** BCP 47 primary tag when the source says it ('fr', 'en'); enrichment fills it otherwise. */
  lang: string | null;
  links: string[];
  hashtags: string[];
  /** Handles the mention @-mentions. */
  mentioned: string[];
  /** Network ids or URLs of the mention this one replies to, quotes, reshares. */
  replyTo: string | null;
  quoteOf: string | null;
  reshareOf: string | null;
  engagement: { likes?: number; shares?: number; replies?: number; views?: number };
  /** The payload as received, for audit and re-processing. */
  raw: unknown;
}

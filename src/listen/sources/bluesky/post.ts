// Bluesky posts as mentions: a post record (app.bsky.feed.post, lexicon
// https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/feed/post.json) from
// Jetstream, or a postView (app.bsky.feed.defs#postView) from searchPosts, which adds the author's
// handle and the engagement counts. Facets (app.bsky.richtext.facet) give links, tags and
// mentions with UTF-8 byte ranges into the text. Pure.
import type { MentionInput, SourceType } from '../../model.ts';
import type { SourceProblem } from '../source.ts';
import { hashtagsIn, linksInText, tidyText } from '../feeds/html-text.ts';
import { primaryLanguage } from '../feeds/entry.ts';

interface StrongRef {
  uri: string;
  cid?: string;
}

export interface PostRecord {
  $type?: string;
  text: string;
  createdAt: string;
  langs?: string[];
  facets?: Array<{ index: { byteStart: number; byteEnd: number }; features: Array<{ $type: string; uri?: string; did?: string; tag?: string }> }>;
  reply?: { root: StrongRef; parent: StrongRef };
  embed?: { $type: string; record?: StrongRef | { record: StrongRef }; external?: { uri: string } };
}

export interface PostView {
  uri: string;
  cid: string;
  author: { did: string; handle: string; displayName?: string; description?: string; followersCount?: number; followsCount?: number };
  record: PostRecord;
  replyCount?: number;
  repostCount?: number;
  likeCount?: number;
  quoteCount?: number;
  indexedAt?: string;
}

/** at://did/app.bsky.feed.post/rkey → its parts, or null. */
export function parseAtUri(uri: string): { repo: string; collection: string; rkey: string } | null {
  const m = /^at:\/\/([^/]+)\/([^/]+)\/([^/?#]+)$/.exec(uri);
  return m ? { repo: m[1] as string, collection: m[2] as string, rkey: m[3] as string } : null;
}

/** The post's page in the Bluesky app: https://bsky.app/profile/<handle or did>/post/<rkey>. */
export function postUrl(actor: string, rkey: string): string {
  return `https://bsky.app/profile/${encodeURIComponent(actor)}/post/${encodeURIComponent(rkey)}`;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** What the facets say: links, tags, and @-mentions (the handle as written in the text, else the DID). */
export function readFacets(record: PostRecord): { links: string[]; hashtags: string[]; mentioned: string[] } {
  const bytes = encoder.encode(record.text);
  const links: string[] = [];
  const hashtags: string[] = [];
  const mentioned: string[] = [];
  for (const facet of Array.isArray(record.facets) ? record.facets : []) {
    for (const feature of Array.isArray(facet?.features) ? facet.features : []) {
      if (feature.$type === 'app.bsky.richtext.facet#link' && typeof feature.uri === 'string') links.push(feature.uri);
      else if (feature.$type === 'app.bsky.richtext.facet#tag' && typeof feature.tag === 'string') hashtags.push(feature.tag.replace(/^#/, ''));
      else if (feature.$type === 'app.bsky.richtext.facet#mention' && typeof feature.did === 'string') {
        const { byteStart, byteEnd } = facet.index ?? {};
        const written = Number.isInteger(byteStart) && Number.isInteger(byteEnd) && byteStart < byteEnd && byteEnd <= bytes.length ? decoder.decode(bytes.subarray(byteStart, byteEnd)).trim() : '';
        mentioned.push(/^@[\w.-]+$/.test(written) ? written.slice(1) : feature.did);
      }
    }
  }
  return { links, hashtags, mentioned };
}

/** The quoted post of an embed (app.bsky.embed.record or recordWithMedia), and an external link card. */
function readEmbed(record: PostRecord): { quoteOf: string | null; link: string | null } {
  const embed = record.embed;
  if (!embed || typeof embed !== 'object') return { quoteOf: null, link: null };
  const inner = embed.record as (StrongRef & { record?: StrongRef }) | undefined;
  const quoted = embed.$type === 'app.bsky.embed.record' ? inner?.uri : embed.$type === 'app.bsky.embed.recordWithMedia' ? inner?.record?.uri : undefined;
  const quoteOf = typeof quoted === 'string' && parseAtUri(quoted)?.collection === 'app.bsky.feed.post' ? quoted : null;
  const link = embed.$type === 'app.bsky.embed.external' && typeof embed.external?.uri === 'string' ? embed.external.uri : null;
  return { quoteOf, link };
}

function isRecord(value: unknown): value is PostRecord {
  const r = value as PostRecord | null;
  return typeof r === 'object' && r !== null && typeof r.text === 'string' && typeof r.createdAt === 'string';
}

export interface PostContext {
  sourceType?: SourceType;
  itemIndex?: number | null;
}

/** A post record of `did` with key `rkey` as a mention (Jetstream gives no handle: the DID stands for it). */
export function recordToMention(
  input: { uri: string; record: unknown; author: { did: string; handle?: string | null; displayName?: string | null; bio?: string | null; followers?: number | null; following?: number | null }; engagement?: MentionInput['engagement']; raw: unknown },
  ctx: PostContext = {},
): { mention: MentionInput | null; problem: SourceProblem | null } {
  const bad = (code: string, message: string) => ({ mention: null, problem: { severity: 'error' as const, code, message, itemIndex: ctx.itemIndex ?? null, line: null, column: null } });
  const at = parseAtUri(input.uri);
  if (!at) return bad('uri-invalid', `"${input.uri}" is not an at:// URI.`);
  if (!isRecord(input.record)) return bad('record-invalid', `${input.uri}: not a post record (text or createdAt missing).`);
  const record = input.record;
  const published = Date.parse(record.createdAt);
  if (!Number.isFinite(published)) return bad('date-invalid', `${input.uri}: createdAt "${record.createdAt}" is not a date.`);
  const facets = readFacets(record);
  const embed = readEmbed(record);
  const text = tidyText(record.text);
  const handle = input.author.handle && input.author.handle !== 'handle.invalid' ? input.author.handle : input.author.did;
  return {
    problem: null,
    mention: {
      network: 'bluesky',
      networkId: input.uri,
      sourceType: ctx.sourceType ?? 'microblog',
      url: postUrl(handle, at.rkey),
      author: { handle, displayName: input.author.displayName?.trim() || null, followers: input.author.followers ?? null, following: input.author.following ?? null, profileUrl: `https://bsky.app/profile/${encodeURIComponent(handle)}`, bio: input.author.bio ?? null },
      publishedAt: published,
      title: null,
      text,
      lang: primaryLanguage(Array.isArray(record.langs) ? record.langs[0] : null),
      links: [...new Set([...facets.links, ...(embed.link ? [embed.link] : []), ...linksInText(text)])],
      hashtags: [...new Set([...facets.hashtags, ...hashtagsIn(text)])],
      mentioned: [...new Set(facets.mentioned)],
      replyTo: typeof record.reply?.parent?.uri === 'string' ? record.reply.parent.uri : null,
      quoteOf: embed.quoteOf,
      reshareOf: null,
      engagement: input.engagement ?? {},
      raw: input.raw,
    },
  };
}

/** A postView from searchPosts as a mention. */
export function postViewToMention(value: unknown, ctx: PostContext = {}): { mention: MentionInput | null; problem: SourceProblem | null } {
  const view = value as PostView | null;
  if (typeof view !== 'object' || view === null || typeof view.uri !== 'string' || typeof view.author?.did !== 'string') {
    return { mention: null, problem: { severity: 'error', code: 'post-invalid', message: 'Not a postView (uri or author.did missing).', itemIndex: ctx.itemIndex ?? null, line: null, column: null } };
  }
  const a = view.author;
  return recordToMention(
    {
      uri: view.uri,
      record: view.record,
      author: { did: a.did, handle: a.handle, displayName: a.displayName, bio: a.description ?? null, followers: a.followersCount ?? null, following: a.followsCount ?? null },
      engagement: { likes: view.likeCount ?? 0, shares: (view.repostCount ?? 0) + (view.quoteCount ?? 0), replies: view.replyCount ?? 0 },
      raw: value,
    },
    ctx,
  );
}

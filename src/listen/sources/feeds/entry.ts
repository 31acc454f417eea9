// One feed entry, whatever its format, and its conversion to the mention Listen stores. The
// format readers (xml-feed.ts, json-feed.ts) fill FeedEntry with what the feed says; this file
// decides what a mention is made of: its stable id, its URL, its author, its date, its text.
// Pure: the fallback date is passed in; hashing is computation, not I/O.
import { createHash } from 'node:crypto';
import { decodeHTML } from 'entities';
import type { MentionInput, SourceType } from '../../model.ts';
import type { SourceProblem } from '../source.ts';
import { parseFeedDate } from './dates.ts';
import { type ExtractedText, handlesIn, hashtagsIn, htmlToText, looksLikeHtml, plainToText, tidyText, xhtmlToText } from './html-text.ts';
import { resolveUrl, textOf, type XmlElement } from './xml.ts';

export type FeedFormat = 'rss-0.90' | 'rss-0.9x' | 'rss-1.0' | 'rss-2.0' | 'atom-0.3' | 'atom-1.0' | 'json-feed-1.0' | 'json-feed-1.1';

/** A piece of text as the feed gives it: escaped HTML, plain text, or inline XHTML markup. */
export type EntryText =
  | { kind: 'html' | 'text'; value: string; base: string | null }
  | { kind: 'xhtml'; element: XmlElement };

/** What a feed says about one of its entries, before any interpretation. */
export interface FeedEntry {
  /** 0-based position among the feed's entries. */
  index: number;
  /** Offset of the entry in the decoded text, for its line; null when unknown (JSON). */
  offset: number | null;
  /** GUID, Atom id, JSON Feed id or rdf:about, as written. */
  id: string | null;
  /** RSS guid isPermaLink (true unless "false"). */
  idIsPermalink: boolean;
  /** The entry's page, already absolute; null when absent or unusable. */
  link: string | null;
  title: EntryText | null;
  /** Full content (content:encoded, Atom content, content_html…). */
  content: EntryText | null;
  /** Short form (description, summary). */
  summary: EntryText | null;
  authorName: string | null;
  authorUrl: string | null;
  categories: string[];
  published: string | null;
  updated: string | null;
  lang: string | null;
  /** Atom threading: what this entry answers. */
  replyTo: string | null;
  /** Comment count (slash:comments, thr:total). */
  replies: number | null;
  raw: unknown;
}

export interface FeedMeta {
  format: FeedFormat;
  title: string | null;
  /** The site the feed belongs to (RSS channel link, Atom alternate link, home_page_url). */
  siteUrl: string | null;
  description: string | null;
  /** Primary language subtag ('fr', 'en') or null. */
  lang: string | null;
  authorName: string | null;
  /** The feed's own URL as it declares it (rel="self", feed_url). */
  selfUrl: string | null;
  /** WebSub hub, for a push subscription. */
  hubUrl: string | null;
  updated: string | null;
  /** RSS <ttl>: minutes the feed may be cached. */
  ttlMinutes: number | null;
}

export interface MentionContext {
  /** Used to scope ids that are not globally unique ("123"); the source's stored URL. */
  sourceUrl: string;
  /** Fallback for entries without a usable date. */
  now: number;
  sourceType: SourceType;
  maxTextLength: number;
  /** 1-based line/column of an offset, for problems. */
  locate: ((offset: number) => { line: number; column: number }) | null;
}

/** 'en-US', 'en_us', 'fr' → 'en', 'en', 'fr'; anything else → null. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

/** Plain text and links of an EntryText. Naked markup in an "html" element is read as markup. */
export function entryText(t: EntryText | null): ExtractedText {
  if (t === null) return { text: '', links: [] };
  if (t.kind === 'xhtml') return xhtmlToText(t.element);
  if (t.kind === 'text') return plainToText(t.value);
  // "HTML" without a single tag is plain text whose line breaks are paragraphs; an HTML reading
  // would run them together.
  if (!/<[a-z!/]/i.test(t.value)) return plainToText(decodeHTML(t.value));
  return htmlToText(t.value, t.base);
}

/** A title as one line of plain text: HTML only when the feed says so or it clearly is. */
function titleText(t: EntryText | null): string | null {
  if (t === null) return null;
  let text: string;
  if (t.kind === 'xhtml') text = xhtmlToText(t.element).text;
  else if (t.kind === 'html' && looksLikeHtml(t.value)) text = htmlToText(t.value, null).text;
  else text = t.value;
  const line = tidyText(text).replace(/\n+/g, ' ');
  return line === '' ? null : line;
}

/** "writer@example.com (Writer)" → "Writer"; "Writer <w@x.org>" → "Writer"; a bare address → null. */
export function personName(value: string | null): string | null {
  if (!value) return null;
  const v = tidyText(value).replace(/\n+/g, ' ');
  const paren = /^\S+@\S+\s*\((.+)\)$/.exec(v);
  if (paren) return (paren[1] as string).trim() || null;
  const angle = /^(.+?)\s*<[^>]*@[^>]*>$/.exec(v);
  if (angle) return (angle[1] as string).replace(/^"|"$/g, '').trim() || null;
  if (/^\S+@\S+\.\S+$/.test(v)) return null;
  return v === '' ? null : v;
}

/** A category as a hashtag: "Social Media" → "SocialMedia", "/Tourism/New York" → "NewYork". */
export function categoryHashtag(category: string): string | null {
  const last = category.split('/').map((s) => s.trim()).filter(Boolean).pop() ?? '';
  const tag = last.replace(/[^\p{L}\p{N}\p{M}_]+/gu, '');
  return tag === '' || tag.length > 100 ? null : tag;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

function slug(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

/** An id that names itself globally (a URL, a tag: or urn: URI) is kept; others are scoped to the feed. */
function stableId(id: string, sourceUrl: string): string {
  if (/^[a-z][a-z0-9+.-]*:\S/i.test(id) && !/^\d/.test(id)) return id;
  const scope = sourceUrl.replace(/[?#].*$/, '');
  return `${scope}#${id}`;
}

function dedupe(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const key = v.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  }
  return out;
}

/**
 * The mention an entry becomes, with the problems met on the way; `mention` is null when the
 * entry is unusable (nothing to identify or read) — an 'error' problem says why.
 */
export function entryToMention(entry: FeedEntry, meta: FeedMeta, ctx: MentionContext): { mention: MentionInput | null; problems: SourceProblem[] } {
  const where = entry.offset !== null && ctx.locate ? ctx.locate(entry.offset) : null;
  const problems: SourceProblem[] = [];
  const problem = (severity: 'error' | 'warning', code: string, message: string): void => {
    problems.push({ severity, code, message, itemIndex: entry.index, line: where?.line ?? null, column: where?.column ?? null });
  };

  const title = titleText(entry.title);
  const content = entryText(entry.content);
  const summary = entryText(entry.summary);
  const body = content.text !== '' ? content : summary;
  let text = body.text;
  if (text.length > ctx.maxTextLength) {
    text = text.slice(0, ctx.maxTextLength);
    problem('warning', 'text-truncated', `The text is ${body.text.length} characters long; kept the first ${ctx.maxTextLength}.`);
  }

  let url = entry.link;
  if (url === null && entry.id !== null && entry.idIsPermalink && /^https?:\/\//i.test(entry.id.trim())) url = resolveUrl(entry.id, null);
  const id = entry.id?.trim() || null;
  if (id === null && url === null && title === null && text === '') {
    problem('error', 'empty-item', 'The entry has no id, link, title or text; left out.');
    return { mention: null, problems };
  }
  const networkId = id !== null ? stableId(id, ctx.sourceUrl) : url !== null ? url : `${ctx.sourceUrl.replace(/[?#].*$/, '')}#sha256:${createHash('sha256').update(`${title ?? ''}\n${text}`).digest('hex').slice(0, 32)}`;
  if (id === null && url === null) problem('warning', 'id-missing', 'The entry has neither id nor link; its id is a hash of its title and text.');

  let publishedAt = parseFeedDate(entry.published);
  if (publishedAt === null && entry.published) problem('warning', 'date-invalid', `Unreadable date "${entry.published.slice(0, 60)}"; used the next best.`);
  publishedAt ??= parseFeedDate(entry.updated);
  if (publishedAt === null) {
    if (!entry.published && !entry.updated) problem('warning', 'date-missing', 'The entry has no date; dated now.');
    else if (!entry.published && entry.updated) problem('warning', 'date-invalid', `Unreadable date "${entry.updated.slice(0, 60)}"; dated now.`);
    publishedAt = ctx.now;
  }

  const site = meta.siteUrl ?? url ?? ctx.sourceUrl;
  const host = hostOf(meta.siteUrl) ?? hostOf(url) ?? hostOf(ctx.sourceUrl) ?? 'unknown';
  const personal = personName(entry.authorName) ?? null;
  const displayName = personal ?? personName(meta.authorName) ?? meta.title;
  const handle = ctx.sourceType === 'forum' && personal ? `${host}/u/${slug(personal) || 'anonymous'}` : host;

  const links = dedupe([...content.links, ...summary.links]).filter((l) => l !== url);
  const hashtags = dedupe([
    ...entry.categories.map(categoryHashtag).filter((t): t is string => t !== null),
    ...hashtagsIn(title ?? ''),
    ...hashtagsIn(text),
  ]);
  const mention: MentionInput = {
    network: 'web',
    networkId,
    sourceType: ctx.sourceType,
    url,
    author: { handle, displayName: displayName ?? null, profileUrl: ctx.sourceType === 'forum' ? (entry.authorUrl ?? site) : (entry.authorUrl ?? meta.siteUrl ?? site) },
    publishedAt,
    title,
    text,
    lang: primaryLanguage(entry.lang) ?? meta.lang,
    links,
    hashtags,
    mentioned: dedupe(handlesIn(text)),
    replyTo: entry.replyTo,
    quoteOf: null,
    reshareOf: null,
    engagement: entry.replies !== null ? { replies: entry.replies } : {},
    raw: entry.raw,
  };
  return { mention, problems };
}

/** Text content of an element, trimmed, or null. */
export function textOrNull(el: XmlElement | undefined): string | null {
  if (!el) return null;
  const t = textOf(el).trim();
  return t === '' ? null : t;
}

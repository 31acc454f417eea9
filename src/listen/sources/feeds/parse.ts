// A feed payload (bytes or text) to mentions: decode, detect the format, read every entry, and
// report what was wrong without stopping — a bad entry is left out with its position, a repaired
// one is kept with a warning, the rest goes in. Pure: the caller passes `now`.
import type { MentionInput, SourceType } from '../../model.ts';
import type { SourceProblem } from '../source.ts';
import { decodeFeedBytes } from './charset.ts';
import { entryToMention, type FeedEntry, type FeedMeta } from './entry.ts';
import { looksLikeJsonFeed, readJsonFeed } from './json-feed.ts';
import { lineLocator, MAX_DEPTH, parseXml } from './xml.ts';
import { detectXmlFeed, readXmlFeed } from './xml-feed.ts';

export type { FeedFormat, FeedMeta } from './entry.ts';

export interface ParseFeedOptions {
  /** The URL the payload was fetched from (after redirects): the base of relative links. */
  url: string;
  /** Epoch ms: the date of entries that have none. */
  now: number;
  /** The HTTP Content-Type, for the charset and to recognise JSON Feed. */
  contentType?: string | null;
  /** The source's stored URL, which scopes ids that are not globally unique; defaults to `url`. */
  sourceUrl?: string;
  /** 'blog' unless the source is known to be 'news' or 'forum'. */
  sourceType?: SourceType;
  /** Longer texts are cut, with a warning. */
  maxTextLength?: number;
}

export const PARSE_DEFAULTS = { sourceType: 'blog' as SourceType, maxTextLength: 100_000 };

export interface ParsedFeed {
  /** Null when the payload is not a feed (an 'error' problem with itemIndex null says why). */
  feed: (FeedMeta & { encoding: string }) | null;
  mentions: MentionInput[];
  problems: SourceProblem[];
}

const documentProblem = (severity: 'error' | 'warning', code: string, message: string, at?: { line: number; column: number } | null): SourceProblem => ({
  severity, code, message, itemIndex: null, line: at?.line ?? null, column: at?.column ?? null,
});

/**
 * Parses RSS 0.90/0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed 1.0/1.1.
 * E.g. `parseFeed(bytes, { url: 'https://blog.fr/feed', now: Date.now(), contentType: 'application/rss+xml; charset=iso-8859-1' })`.
 */
export function parseFeed(input: string | Uint8Array, options: ParseFeedOptions): ParsedFeed {
  const problems: SourceProblem[] = [];
  let text: string;
  let encoding = 'utf-8';
  if (typeof input === 'string') text = input.replace(/^\uFEFF/, '');
  else {
    const decoded = decodeFeedBytes(input, options.contentType);
    text = decoded.text;
    encoding = decoded.encoding;
    for (const w of decoded.warnings) problems.push(documentProblem('warning', 'encoding-fallback', w));
  }
  const locate = lineLocator(text);
  let meta: FeedMeta;
  let entries: FeedEntry[];
  let fromXml = false;

  const head = text.trimStart();
  if (head.startsWith('{') || (looksLikeJsonFeed(text, options.contentType) && !head.startsWith('<'))) {
    const json = readJsonFeed(text, options.url);
    problems.push(...json.problems);
    if (json.meta === null) return { feed: null, mentions: [], problems };
    meta = json.meta;
    entries = json.entries;
  } else {
    const doc = parseXml(text, options.url);
    if (doc.tooDeep) {
      problems.push(documentProblem('error', 'xml-too-deep', `Elements nested more than ${MAX_DEPTH} deep: not read (no real feed does this).`));
      return { feed: null, mentions: [], problems };
    }
    const detected = detectXmlFeed(doc);
    if (detected === null) {
      const first = doc.elements[0];
      const what = first ? `<${first.name}>` : 'no element at all';
      problems.push(documentProblem('error', 'not-a-feed', `Not RSS, Atom or JSON Feed: the document starts with ${what}.`, first ? locate(first.start) : null));
      return { feed: null, mentions: [], problems };
    }
    if (doc.repairs > 0) {
      problems.push(documentProblem('warning', 'xml-repaired', `${doc.repairs} element(s) left open were closed, as a browser would.`, doc.firstRepairAt !== null ? locate(doc.firstRepairAt) : null));
    }
    if (doc.undeclaredPrefixes.length > 0) {
      problems.push(documentProblem('warning', 'namespace-undeclared', `Prefix(es) used without a declaration: ${doc.undeclaredPrefixes.join(', ')}; read with their usual meaning.`));
    }
    ({ meta, entries } = readXmlFeed(doc, detected.format, detected.root));
    fromXml = true;
  }

  const ctx = {
    sourceUrl: options.sourceUrl ?? options.url,
    now: options.now,
    sourceType: options.sourceType ?? PARSE_DEFAULTS.sourceType,
    maxTextLength: options.maxTextLength ?? PARSE_DEFAULTS.maxTextLength,
    locate: fromXml ? locate : null,
  };
  const mentions: MentionInput[] = [];
  const seen = new Map<string, number>();
  for (const entry of entries) {
    let result: ReturnType<typeof entryToMention>;
    try {
      result = entryToMention(entry, meta, ctx);
    } catch (e) {
      // A bug or a shape nobody foresaw must cost one entry, not the feed.
      const at = entry.offset !== null ? locate(entry.offset) : null;
      problems.push({ severity: 'error', code: 'item-invalid', message: `Entry could not be read: ${(e as Error).message}`, itemIndex: entry.index, line: at?.line ?? null, column: at?.column ?? null });
      continue;
    }
    problems.push(...result.problems);
    const mention = result.mention;
    if (mention === null) continue;
    const key = mention.networkId ?? '';
    const previous = seen.get(key);
    if (previous !== undefined) {
      const at = entry.offset !== null ? locate(entry.offset) : null;
      problems.push({ severity: 'warning', code: 'duplicate-id', message: `Same id as entry ${previous} (${key.slice(0, 120)}); kept the first.`, itemIndex: entry.index, line: at?.line ?? null, column: at?.column ?? null });
      continue;
    }
    seen.set(key, entry.index);
    mentions.push(mention);
  }
  return { feed: { ...meta, encoding }, mentions, problems };
}

// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) to FeedMeta and FeedEntry. A bad
// item (not an object) is reported and skipped; unknown fields are ignored, as the spec asks.
// Pure.
import type { SourceProblem } from '../source.ts';
import { type FeedEntry, type FeedFormat, type FeedMeta, primaryLanguage } from './entry.ts';
import { lineLocator, resolveUrl } from './xml.ts';

export interface JsonFeed {
  meta: FeedMeta;
  entries: FeedEntry[];
  problems: SourceProblem[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : null);

function httpUrl(v: unknown, base: string | null): string | null {
  const s = str(v);
  const url = s === null ? null : resolveUrl(s, base);
  return url && /^https?:/i.test(url) ? url : null;
}

/** JSON Feed 1.1's `authors` array, or 1.0's `author` object: the first named one. */
function authorOf(o: Json, base: string | null): { name: string | null; url: string | null } {
  const list = Array.isArray(o.authors) ? o.authors : isObject(o.author) ? [o.author] : [];
  for (const a of list) {
    if (isObject(a) && (str(a.name) || str(a.url))) return { name: str(a.name), url: httpUrl(a.url, base) };
  }
  return { name: null, url: null };
}

/** Whether a text is (likely) a JSON Feed: JSON content type, or an object with a jsonfeed.org version. */
export function looksLikeJsonFeed(text: string, contentType: string | null | undefined): boolean {
  if (contentType && /\/(feed\+)?json\b/i.test(contentType)) return true;
  const head = text.replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('{') && /jsonfeed\.org\/version/i.test(head.slice(0, 4096));
}

/**
 * Where JSON.parse failed. V8 says "at position N" for most errors; for an unexpected token it
 * quotes the text around it instead (Unexpected token ',', ..."\"items\": [,]"...), which is found back.
 */
export function jsonErrorOffset(message: string, text: string): number | null {
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const quoted = /^Unexpected token '(.+?)', (\.\.\.)?"([\s\S]*?)"(\.\.\.)? is not valid JSON$/.exec(message);
  if (!quoted) return null;
  const snippet = quoted[3] as string;
  const start = text.indexOf(snippet);
  if (start < 0 || snippet === '') return null;
  const within = snippet.indexOf(quoted[1] as string, quoted[2] ? Math.min(10, snippet.length - 1) : 0);
  return start + Math.max(0, within);
}

/** Reads a JSON Feed; `meta` is null (with an error problem) when the text is not one. */
export function readJsonFeed(text: string, baseUrl: string | null): JsonFeed | { meta: null; entries: []; problems: SourceProblem[] } {
  const whole = (code: string, message: string, at?: { line: number; column: number }): SourceProblem => ({
    severity: 'error', code, message, itemIndex: null, line: at?.line ?? null, column: at?.column ?? null,
  });
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const offset = jsonErrorOffset((e as Error).message, text);
    const at = offset !== null ? lineLocator(text)(offset) : undefined;
    return { meta: null, entries: [], problems: [whole('json-invalid', `Not valid JSON: ${(e as Error).message}`, at)] };
  }
  if (!isObject(data) || !Array.isArray(data.items)) {
    return { meta: null, entries: [], problems: [whole('not-a-feed', 'The JSON has no "items" array: not a JSON Feed.')] };
  }
  const problems: SourceProblem[] = [];
  const version = str(data.version) ?? '';
  const format: FeedFormat = /version\/1(\.0)?\/?$/.test(version) ? 'json-feed-1.0' : 'json-feed-1.1';
  if (!/jsonfeed\.org\/version\/1/.test(version)) {
    problems.push({ severity: 'warning', code: 'version-unknown', message: `Unknown JSON Feed version "${version.slice(0, 80)}"; read as 1.1.`, itemIndex: null, line: null, column: null });
  }
  const feedUrl = httpUrl(data.feed_url, baseUrl);
  const base = baseUrl ?? feedUrl;
  const author = authorOf(data, base);
  const hubs = Array.isArray(data.hubs) ? data.hubs.filter(isObject) : [];
  const meta: FeedMeta = {
    format, title: str(data.title), siteUrl: httpUrl(data.home_page_url, base), description: str(data.description),
    lang: primaryLanguage(str(data.language)), authorName: author.name, selfUrl: feedUrl,
    hubUrl: hubs.length > 0 ? httpUrl(hubs[0]?.url, base) : null, updated: null, ttlMinutes: null,
  };
  const entries: FeedEntry[] = [];
  data.items.forEach((item: unknown, index: number) => {
    if (!isObject(item)) {
      problems.push({ severity: 'error', code: 'item-invalid', message: `Item ${index} is not an object; left out.`, itemIndex: index, line: null, column: null });
      return;
    }
    const itemAuthor = authorOf(item, base);
    const html = str(item.content_html);
    const plain = str(item.content_text);
    const summary = str(item.summary);
    entries.push({
      index, offset: null,
      id: str(item.id), idIsPermalink: false,
      link: httpUrl(item.url, base) ?? httpUrl(item.external_url, base),
      title: str(item.title) ? { kind: 'text', value: str(item.title) as string, base } : null,
      content: html !== null ? { kind: 'html', value: html, base } : plain !== null ? { kind: 'text', value: plain, base } : null,
      summary: summary !== null ? { kind: 'text', value: summary, base } : null,
      authorName: itemAuthor.name ?? author.name, authorUrl: itemAuthor.url ?? author.url,
      categories: Array.isArray(item.tags) ? item.tags.map(str).filter((t): t is string => t !== null) : [],
      published: str(item.date_published), updated: str(item.date_modified),
      lang: str(item.language), replyTo: null, replies: null, raw: item,
    });
  });
  return { meta, entries, problems };
}

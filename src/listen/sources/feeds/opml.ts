// OPML import: the feed lists every reader exports (OPML 1.0 and 2.0). Outlines nest into folders;
// an outline with an xmlUrl is a feed, one without is a folder whose name becomes the feeds'
// folder path. Each bad outline is reported with its line and skipped. Pure.
import type { SourceProblem } from '../source.ts';
import { decodeFeedBytes } from './charset.ts';
import { htmlToText, looksLikeHtml } from './html-text.ts';
import { attrOf, lineLocator, parseXml, resolveUrl, textOf, type XmlElement } from './xml.ts';

export interface OpmlFeed {
  /** The feed's URL, absolute. */
  xmlUrl: string;
  /** The site's URL, when given. */
  htmlUrl: string | null;
  /** title, else text. */
  title: string | null;
  /** The type attribute as written ('rss', 'atom'…), lower-cased. */
  type: string | null;
  /** Names of the folders the outline sits in, outermost first. */
  folders: string[];
  /** The category attribute's entries ("/Tourism/New York" → "Tourism/New York"). */
  categories: string[];
  /** 1-based line of the outline. */
  line: number;
}

export interface OpmlImport {
  /** Null when the document is not OPML (an error problem says why). */
  title: string | null;
  feeds: OpmlFeed[];
  problems: SourceProblem[];
}

function label(value: string | null): string | null {
  if (value === null) return null;
  const text = (looksLikeHtml(value) ? htmlToText(value, null).text : value).replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/**
 * Reads an OPML document, e.g. `parseOpml(bytes).feeds.map((f) => f.xmlUrl)`. `baseUrl` resolves
 * relative URLs (rare, but some exporters write them).
 */
export function parseOpml(input: string | Uint8Array, options: { contentType?: string | null; baseUrl?: string | null } = {}): OpmlImport {
  const problems: SourceProblem[] = [];
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    const decoded = decodeFeedBytes(input, options.contentType);
    text = decoded.text;
    for (const w of decoded.warnings) problems.push({ severity: 'warning', code: 'encoding-fallback', message: w, itemIndex: null, line: null, column: null });
  }
  const locate = lineLocator(text);
  const doc = parseXml(text, options.baseUrl ?? null);
  if (doc.tooDeep) {
    problems.push({ severity: 'error', code: 'xml-too-deep', message: 'Outlines nested more than 1000 deep: not read.', itemIndex: null, line: null, column: null });
    return { title: null, feeds: [], problems };
  }
  const root = doc.elements.find((e) => e.local === 'opml');
  if (!root) {
    const first = doc.elements[0];
    const at = first ? locate(first.start) : null;
    problems.push({ severity: 'error', code: 'not-opml', message: `Not an OPML document: it starts with ${first ? `<${first.name}>` : 'no element at all'}.`, itemIndex: null, line: at?.line ?? null, column: at?.column ?? null });
    return { title: null, feeds: [], problems };
  }
  const element = (parent: XmlElement, local: string): XmlElement | undefined =>
    parent.children.find((c): c is XmlElement => c.kind === 'element' && c.local === local);
  const head = element(root, 'head');
  const titleEl = head ? element(head, 'title') : undefined;
  const title = titleEl ? label(textOf(titleEl)) : null;
  const body = element(root, 'body') ?? root;

  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  let index = 0;
  // Depth-first, in document order, carrying the folder path.
  const todo: { el: XmlElement; folders: string[] }[] = [];
  const pushChildren = (parent: XmlElement, folders: string[]): void => {
    const outlines = parent.children.filter((c): c is XmlElement => c.kind === 'element' && c.local === 'outline');
    for (let i = outlines.length - 1; i >= 0; i--) todo.push({ el: outlines[i] as XmlElement, folders });
  };
  pushChildren(body, []);
  while (todo.length > 0) {
    const { el, folders } = todo.pop() as { el: XmlElement; folders: string[] };
    const at = locate(el.start);
    const name = label(attrOf(el, 'title')) ?? label(attrOf(el, 'text'));
    const rawUrl = attrOf(el, 'xmlUrl') ?? attrOf(el, 'xmlurl');
    const itemIndex = index++;
    const problem = (severity: 'error' | 'warning', code: string, message: string): void => {
      problems.push({ severity, code, message, itemIndex, line: at.line, column: at.column });
    };
    if (rawUrl === null) {
      // A folder (or a note, a link outline): its children inherit its name.
      pushChildren(el, name ? [...folders, name] : folders);
      continue;
    }
    const xmlUrl = resolveUrl(rawUrl, options.baseUrl ?? null);
    if (rawUrl.trim() === '' || xmlUrl === null || !/^https?:\/\//i.test(xmlUrl)) {
      problem('error', 'url-invalid', `"${rawUrl.slice(0, 200)}" is not an http(s) feed URL; outline skipped.`);
      continue;
    }
    if (seen.has(xmlUrl)) {
      problem('warning', 'duplicate', `${xmlUrl} is listed twice; kept the first.`);
      continue;
    }
    seen.add(xmlUrl);
    const html = attrOf(el, 'htmlUrl');
    const htmlUrl = html ? resolveUrl(html, xmlUrl) : null;
    const categories = (attrOf(el, 'category') ?? '')
      .split(',')
      .map((c) => c.trim().replace(/^\/+|\/+$/g, ''))
      .filter(Boolean);
    feeds.push({
      xmlUrl, htmlUrl: htmlUrl && /^https?:/i.test(htmlUrl) ? htmlUrl : null, title: name,
      type: attrOf(el, 'type')?.trim().toLowerCase() || null, folders, categories, line: at.line,
    });
    pushChildren(el, folders); // feeds nested under a feed (seen in the wild) are still feeds
  }
  return { title, feeds, problems };
}

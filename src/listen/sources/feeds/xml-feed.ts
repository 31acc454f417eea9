// RSS 0.90 / 0.91–0.94 / 1.0 (RDF) / 2.0 and Atom 0.3 / 1.0 documents to FeedMeta and FeedEntry.
// Reads what each format and its common modules (Dublin Core, content:encoded, iTunes, slash,
// Atom threading, FeedBurner's origLink) say, and tolerates what real feeds do: items nested in
// items, Atom links inside RSS, prefixes never declared, markup left unescaped. Pure.
import { type EntryText, type FeedEntry, type FeedFormat, type FeedMeta, primaryLanguage, textOrNull } from './entry.ts';
import { attrOf, childOf, childrenOf, childText, NS, resolveUrl, textOf, type XmlDocument, type XmlElement } from './xml.ts';

const RSS = ['', NS.rss10, NS.rss090, NS.rssUserland, NS.rssHarvard] as const;
// '' too: Atom feeds that forget their namespace declaration are still Atom.
const ATOM = [NS.atom, NS.atom03, ''] as const;
const DC = [NS.dc] as const;
const DCTERMS = [NS.dcterms] as const;

export interface XmlFeed {
  meta: FeedMeta;
  entries: FeedEntry[];
}

/** The feed element and its format, or null when the document is not a feed (an HTML page…). */
export function detectXmlFeed(doc: XmlDocument): { format: FeedFormat; root: XmlElement } | null {
  // Look at the top-level elements and one level below (junk wrappers), nothing deeper.
  const candidates = doc.elements.flatMap((e) => [e, ...e.children.filter((c): c is XmlElement => c.kind === 'element')]);
  for (const el of candidates) {
    if (el.local === 'rss') {
      const version = attrOf(el, 'version')?.trim() ?? '';
      return { format: /^0\.9[1-4]/.test(version) ? 'rss-0.9x' : 'rss-2.0', root: el };
    }
    if (el.local === 'rdf' && (el.ns === NS.rdf || el.ns === '')) {
      const rss090 = el.children.some((c) => c.kind === 'element' && c.ns === NS.rss090);
      return { format: rss090 ? 'rss-0.90' : 'rss-1.0', root: el };
    }
    if (el.local === 'feed' && (el.ns === NS.atom || el.ns === NS.atom03 || el.ns === '')) {
      return { format: el.ns === NS.atom03 || attrOf(el, 'version') === '0.3' ? 'atom-0.3' : 'atom-1.0', root: el };
    }
    if (el.local === 'channel' && el.ns === '') return { format: 'rss-2.0', root: el };
  }
  return null;
}

/** Escaped HTML, or inline markup when the feed left tags unescaped ("naked markup"). */
function htmlOf(el: XmlElement | undefined): EntryText | null {
  if (!el) return null;
  if (el.children.some((c) => c.kind === 'element')) return { kind: 'xhtml', element: el };
  const value = textOf(el);
  return value.trim() === '' ? null : { kind: 'html', value, base: el.base };
}

/** An Atom text construct (title, summary, content) by its type (and Atom 0.3's mode). */
function atomText(el: XmlElement | undefined): EntryText | null {
  if (!el) return null;
  const type = (attrOf(el, 'type') ?? 'text').trim().toLowerCase();
  const mode = (attrOf(el, 'mode') ?? '').trim().toLowerCase();
  if (mode === 'base64') return null;
  if (type === 'xhtml' || type === 'application/xhtml+xml' || mode === 'xml') return { kind: 'xhtml', element: el };
  if (type === 'html' || type === 'text/html') return htmlOf(el);
  if (type === 'text' || type.startsWith('text/')) {
    const value = textOf(el);
    return value.trim() === '' ? null : { kind: 'text', value, base: el.base };
  }
  return null; // another media type (an image, base64 data)
}

function href(el: XmlElement, attr = 'href'): string | null {
  const value = attrOf(el, attr);
  return value === null ? null : resolveUrl(value, el.base);
}

/** The alternate (HTML) link among Atom links: rel="alternate" or no rel, text/html preferred. */
function atomAlternate(parent: XmlElement): string | null {
  const links = childrenOf(parent, ATOM, 'link').filter((l) => (attrOf(l, 'rel') ?? 'alternate').trim().toLowerCase() === 'alternate');
  const html = links.find((l) => /html/i.test(attrOf(l, 'type') ?? 'text/html')) ?? links[0];
  return html ? href(html) : null;
}

function atomRel(parent: XmlElement, rel: string): string | null {
  const link = childrenOf(parent, ATOM, 'link').find((l) => attrOf(l, 'rel')?.trim().toLowerCase() === rel);
  return link ? href(link) : null;
}

function atomPerson(parent: XmlElement | undefined): { name: string | null; url: string | null } {
  const author = parent ? childOf(parent, ATOM, 'author') : undefined;
  if (!author) return { name: null, url: null };
  const uri = childOf(author, ATOM, 'uri') ?? childOf(author, ATOM, 'url');
  return { name: childText(author, ATOM, 'name') ?? childText(author, ATOM, 'email'), url: uri ? resolveUrl(textOf(uri), uri.base) : null };
}

function inReplyTo(el: XmlElement): string | null {
  const reply = childOf(el, [NS.thr], 'in-reply-to');
  if (!reply) return null;
  return attrOf(reply, 'href') !== null ? href(reply) : attrOf(reply, 'ref')?.trim() || null;
}

function replyCount(el: XmlElement): number | null {
  const raw = childText(el, [NS.slash], 'comments') ?? childText(el, [NS.thr], 'total');
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

function rssEntry(item: XmlElement, index: number, source: string): FeedEntry {
  const guidEl = childOf(item, RSS, 'guid');
  const about = attrOf(item, 'rdf:about');
  const linkText = childText(item, RSS, 'link');
  // FeedBurner rewrites <link> to a tracking redirect and keeps the real one in origLink.
  const orig = item.children.find((c): c is XmlElement => c.kind === 'element' && c.local === 'origlink');
  const link = (orig ? resolveUrl(textOf(orig), orig.base) : null) ?? (linkText !== null ? resolveUrl(linkText, item.base) : null) ?? atomAlternate(item);
  const categories = [...childrenOf(item, RSS, 'category'), ...childrenOf(item, DC, 'subject')].map((c) => textOf(c).trim()).filter(Boolean);
  const author = childText(item, DC, 'creator') ?? childText(item, RSS, 'author') ?? childText(item, [NS.itunes], 'author') ?? atomPerson(item).name;
  return {
    index, offset: item.start,
    id: (guidEl ? textOf(guidEl).trim() : null) || about?.trim() || null,
    idIsPermalink: guidEl ? (attrOf(guidEl, 'isPermaLink') ?? 'true').trim().toLowerCase() !== 'false' : true,
    link: link && /^https?:/i.test(link) ? link : null,
    title: htmlOf(childOf(item, RSS, 'title') ?? childOf(item, DC, 'title')),
    content: htmlOf(childOf(item, [NS.content], 'encoded')),
    summary: htmlOf(childOf(item, RSS, 'description') ?? childOf(item, DC, 'description')) ?? htmlOf(childOf(item, [NS.itunes], 'summary')),
    authorName: author, authorUrl: null, categories,
    published: childText(item, RSS, 'pubdate') ?? childText(item, DC, 'date') ?? childText(item, DCTERMS, 'issued') ?? childText(item, DCTERMS, 'created') ?? childText(item, ATOM, 'published'),
    updated: childText(item, DCTERMS, 'modified') ?? childText(item, ATOM, 'updated'),
    lang: childText(item, DC, 'language') ?? item.lang,
    replyTo: inReplyTo(item), replies: replyCount(item),
    raw: source.slice(item.start, item.end + 1),
  };
}

function atomEntry(entry: XmlElement, index: number, source: string, feedAuthor: { name: string | null; url: string | null }): FeedEntry {
  const person = atomPerson(entry);
  const fromSource = atomPerson(childOf(entry, ATOM, 'source'));
  const content = childOf(entry, ATOM, 'content');
  const contentSrc = content && attrOf(content, 'src') !== null ? href(content, 'src') : null;
  const link = atomAlternate(entry) ?? contentSrc;
  return {
    index, offset: entry.start,
    id: childText(entry, ATOM, 'id'),
    idIsPermalink: false,
    link: link && /^https?:/i.test(link) ? link : null,
    title: atomText(childOf(entry, ATOM, 'title')),
    content: contentSrc !== null && (!content || textOf(content).trim() === '') ? null : atomText(content),
    summary: atomText(childOf(entry, ATOM, 'summary')),
    authorName: person.name ?? fromSource.name ?? feedAuthor.name ?? childText(entry, DC, 'creator'),
    authorUrl: person.url ?? fromSource.url ?? feedAuthor.url,
    categories: childrenOf(entry, ATOM, 'category').map((c) => (attrOf(c, 'label') ?? attrOf(c, 'term') ?? '').trim()).filter(Boolean),
    published: childText(entry, ATOM, 'published') ?? childText(entry, ATOM, 'issued') ?? childText(entry, ATOM, 'created') ?? childText(entry, DC, 'date'),
    updated: childText(entry, ATOM, 'updated') ?? childText(entry, ATOM, 'modified'),
    lang: entry.lang,
    replyTo: inReplyTo(entry), replies: replyCount(entry),
    raw: source.slice(entry.start, entry.end + 1),
  };
}

/** RSS items in document order; items wrongly nested inside items are lifted out. */
function rssItems(container: XmlElement[]): XmlElement[] {
  const out: XmlElement[] = [];
  const todo = [...container].reverse().flatMap((c) => [...c.children].reverse());
  while (todo.length > 0) {
    const node = todo.pop();
    if (!node || node.kind !== 'element' || node.local !== 'item') continue;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) todo.push(node.children[i] as XmlElement);
  }
  return out;
}

/** Meta and entries of a detected XML feed. */
export function readXmlFeed(doc: XmlDocument, format: FeedFormat, root: XmlElement): XmlFeed {
  if (format === 'atom-0.3' || format === 'atom-1.0') {
    const author = atomPerson(root);
    const meta: FeedMeta = {
      format, title: textOrNull(childOf(root, ATOM, 'title')), siteUrl: atomAlternate(root),
      description: textOrNull(childOf(root, ATOM, 'subtitle') ?? childOf(root, ATOM, 'tagline')),
      lang: primaryLanguage(root.lang), authorName: author.name, selfUrl: atomRel(root, 'self'), hubUrl: atomRel(root, 'hub'),
      updated: childText(root, ATOM, 'updated') ?? childText(root, ATOM, 'modified'), ttlMinutes: null,
    };
    const entries = childrenOf(root, ATOM, 'entry').map((e, i) => atomEntry(e, i, doc.source, author));
    return { meta, entries };
  }
  const channel = root.local === 'channel' ? root : (childOf(root, RSS, 'channel') ?? root);
  const siteLink = childText(channel, RSS, 'link');
  const ttl = Number(childText(channel, RSS, 'ttl'));
  const meta: FeedMeta = {
    format, title: childText(channel, RSS, 'title') ?? childText(channel, DC, 'title'),
    siteUrl: siteLink !== null ? resolveUrl(siteLink, channel.base) : atomAlternate(channel),
    description: childText(channel, RSS, 'description') ?? childText(channel, DC, 'description'),
    lang: primaryLanguage(childText(channel, RSS, 'language') ?? childText(channel, DC, 'language') ?? channel.lang),
    authorName: childText(channel, DC, 'creator') ?? childText(channel, [NS.itunes], 'author') ?? childText(channel, RSS, 'managingeditor'),
    selfUrl: atomRel(channel, 'self'), hubUrl: atomRel(channel, 'hub'),
    updated: childText(channel, RSS, 'lastbuilddate') ?? childText(channel, RSS, 'pubdate') ?? childText(channel, DC, 'date'),
    ttlMinutes: Number.isInteger(ttl) && ttl > 0 ? ttl : null,
  };
  // Items are children of <channel> (RSS 0.9x/2.0) or of the root (RDF); some feeds mix both.
  const containers = channel === root ? [root] : [channel, root];
  const entries = rssItems(containers).map((item, i) => rssEntry(item, i, doc.source));
  return { meta, entries };
}

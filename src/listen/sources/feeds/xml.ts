// A forgiving XML tree for feeds, built on htmlparser2's tokenizer in XML mode. Why htmlparser2
// rather than a strict parser (fast-xml-parser, sax strict, saxes): feeds in the wild are broken
// the way HTML is — unclosed tags, bare ampersands, HTML entities such as &nbsp; that XML does not
// declare, junk before the prolog — and htmlparser2 never gives up: an unclosed element is closed
// by its parent's end tag, an unmatched end tag is ignored, text is text. fast-xml-parser nests the
// rest of the document inside an unclosed element and reports no positions; a strict parser
// stops at the first error. It also never expands DTD entities, so "billion laughs" costs nothing.
//
// On top of the tokens this file adds what feeds need: namespaces resolved from xmlns
// declarations (with the usual prefixes assumed when a feed forgets to declare them), xml:base
// and xml:lang inherited down the tree, entity decoding with the full HTML table, and source
// offsets so that a bad item can be reported by line. Pure: no I/O.
import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { Parser } from 'htmlparser2';

export const NS = {
  xml: 'http://www.w3.org/XML/1998/namespace',
  atom: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rss10: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  /** Default namespaces some RSS 2.0 feeds of the 2000s declared on <rss>. */
  rssUserland: 'http://backend.userland.com/rss2',
  rssHarvard: 'http://blogs.law.harvard.edu/tech/rss',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  media: 'http://search.yahoo.com/mrss/',
  slash: 'http://purl.org/rss/1.0/modules/slash/',
  thr: 'http://purl.org/syndication/thread/1.0',
  xhtml: 'http://www.w3.org/1999/xhtml',
} as const;

/** Prefixes assumed when a feed uses them without declaring them (a common malformation). */
const USUAL_PREFIXES: Record<string, string> = {
  xml: NS.xml, atom: NS.atom, atom10: NS.atom, rdf: NS.rdf, dc: NS.dc, dcterms: NS.dcterms,
  content: NS.content, itunes: NS.itunes, media: NS.media, slash: NS.slash, thr: NS.thr, xhtml: NS.xhtml,
};

export interface XmlText {
  kind: 'text';
  /** As written: entities still encoded unless `cdata`. */
  raw: string;
  cdata: boolean;
}

export interface XmlElement {
  kind: 'element';
  /** The name as written, prefix included ('dc:creator'). */
  name: string;
  /** Local name, lower-cased: feeds are not consistent about case ('pubdate', 'pubDate'). */
  local: string;
  /** Resolved namespace URI; '' when none. */
  ns: string;
  /** Attribute values, entity-decoded, keyed by the names as written. */
  attrs: Record<string, string>;
  children: XmlNode[];
  parent: XmlElement | null;
  /** Offsets in the source text: the '<' of the start tag, and the end of the end tag. */
  start: number;
  end: number;
  /** Effective base URL (xml:base resolved against the parent's, the document URL at the top). */
  base: string | null;
  /** Effective xml:lang. */
  lang: string | null;
}

export type XmlNode = XmlElement | XmlText;

export interface XmlDocument {
  source: string;
  /** Top-level elements (a feed has one; junk may add more). */
  elements: XmlElement[];
  /** End tags the parser had to imply (unclosed elements), and where the first one was. */
  repairs: number;
  firstRepairAt: number | null;
  /** Prefixes used without a declaration. */
  undeclaredPrefixes: string[];
  /** Nested deeper than MAX_DEPTH: not parsed. */
  tooDeep: boolean;
}

/** Resolves `href` against `base`; null when it cannot be made absolute. */
export function resolveUrl(href: string, base: string | null): string | null {
  const value = href.trim();
  if (value === '') return base;
  try {
    return new URL(value, base ?? undefined).href;
  } catch {
    return null;
  }
}

/**
 * Beyond this nesting htmlparser2's element stack (kept with Array#unshift) turns quadratic — a
 * 1 MB document of unclosed tags would take minutes — so deeper documents are refused. Real feeds,
 * even with unescaped HTML in them, stay far below.
 */
export const MAX_DEPTH = 1_000;

/**
 * Whether a markup text may nest elements deeper than `limit`, by a linear scan of its tags (an
 * upper bound: CDATA and comments skipped, `voidElements` — HTML's br, img… — never nest).
 * Not a parser: a guard.
 */
export function nestsDeeperThan(text: string, limit: number, voidElements?: ReadonlySet<string>): boolean {
  if (text.length < limit * 3) return false; // every element costs at least "<a>"
  let depth = 0;
  let nextGt = -1;
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) {
    if (text.startsWith('<![CDATA[', i) || text.startsWith('<!--', i)) {
      const end = text.indexOf(text[i + 2] === '[' ? ']]>' : '-->', i + 4);
      if (end < 0) break;
      i = end;
      continue;
    }
    if (nextGt < i) nextGt = text.indexOf('>', i + 1);
    if (nextGt < 0) break;
    const c = text.charCodeAt(i + 1);
    if (c === 47) depth = Math.max(0, depth - 1);
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127) {
      if (text.charCodeAt(nextGt - 1) === 47) continue;
      if (voidElements) {
        let j = i + 1;
        while (j < nextGt && j < i + 16 && !/[\s/>]/.test(text[j] as string)) j++;
        if (voidElements.has(text.slice(i + 1, j).toLowerCase())) continue;
      }
      depth += 1;
      if (depth > limit) return true;
    }
  }
  return false;
}

/** Parses (and repairs) XML text; `baseUrl` is the document's URL, the last base of relative links. */
export function parseXml(source: string, baseUrl: string | null): XmlDocument {
  const doc: XmlDocument = { source, elements: [], repairs: 0, firstRepairAt: null, undeclaredPrefixes: [], tooDeep: false };
  if (nestsDeeperThan(source, MAX_DEPTH)) {
    doc.tooDeep = true;
    return doc;
  }
  const undeclared = new Set<string>();
  const stack: { el: XmlElement; scope: Record<string, string> }[] = [];
  let inCdata = false;
  const rootScope: Record<string, string> = Object.create(null) as Record<string, string>;

  const parser = new Parser(
    {
      onopentag(name, rawAttrs) {
        const parentFrame = stack[stack.length - 1];
        const parent = parentFrame?.el ?? null;
        let scope = parentFrame?.scope ?? rootScope;
        const attrs: Record<string, string> = {};
        for (const [key, value] of Object.entries(rawAttrs)) {
          attrs[key] = decodeHTMLAttribute(value);
          if (key === 'xmlns' || key.startsWith('xmlns:')) {
            if (scope === (parentFrame?.scope ?? rootScope)) scope = Object.create(scope) as Record<string, string>;
            scope[key === 'xmlns' ? '' : key.slice(6)] = attrs[key] as string;
          }
        }
        const colon = name.indexOf(':');
        const prefix = colon > 0 ? name.slice(0, colon) : '';
        let ns = scope[prefix];
        if (ns === undefined) {
          ns = prefix ? (USUAL_PREFIXES[prefix.toLowerCase()] ?? '') : '';
          if (prefix) undeclared.add(prefix);
        }
        const base = attrs['xml:base'] !== undefined ? (resolveUrl(attrs['xml:base'], parent ? parent.base : baseUrl) ?? (parent ? parent.base : baseUrl)) : parent ? parent.base : baseUrl;
        const lang = attrs['xml:lang'] !== undefined ? attrs['xml:lang'].trim() || null : (parent?.lang ?? null);
        const el: XmlElement = {
          kind: 'element', name, local: (colon > 0 ? name.slice(colon + 1) : name).toLowerCase(), ns, attrs,
          children: [], parent, start: parser.startIndex, end: parser.endIndex, base, lang,
        };
        if (parent) parent.children.push(el);
        else doc.elements.push(el);
        stack.push({ el, scope });
      },
      onclosetag(_name, isImplied) {
        const frame = stack.pop();
        if (!frame) return;
        // An implied close means the document left the element open — unless it was written
        // self-closing ("<x/>"), which htmlparser2 also reports as implied.
        frame.el.end = parser.endIndex;
        const selfClosing = frame.el.children.length === 0 && source.charCodeAt(parser.endIndex - 1) === 47;
        if (isImplied && !selfClosing) {
          doc.repairs += 1;
          doc.firstRepairAt ??= frame.el.start;
        }
      },
      ontext(data) {
        const parent = stack[stack.length - 1]?.el;
        if (!parent) return; // text outside the root: junk before the prolog, whitespace
        const last = parent.children[parent.children.length - 1];
        if (last && last.kind === 'text' && last.cdata === inCdata) last.raw += data;
        else parent.children.push({ kind: 'text', raw: data, cdata: inCdata });
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeCDATA: true, recognizeSelfClosing: true },
  );
  parser.end(source);
  doc.undeclaredPrefixes = [...undeclared].filter((p) => p.toLowerCase() !== 'xml');
  return doc;
}

/** Decoded text of an element and its descendants (CDATA taken as is), e.g. the value of `<title>`. */
export function textOf(el: XmlElement): string {
  let out = '';
  const todo: XmlNode[] = [...el.children].reverse();
  while (todo.length > 0) {
    const node = todo.pop() as XmlNode;
    if (node.kind === 'text') out += node.cdata ? node.raw : decodeHTML(node.raw);
    else for (let i = node.children.length - 1; i >= 0; i--) todo.push(node.children[i] as XmlNode);
  }
  return out;
}

/** Child elements with this local name (lower-case) in one of these namespaces. */
export function childrenOf(el: XmlElement, namespaces: readonly string[], local: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (c.kind === 'element' && c.local === local && namespaces.includes(c.ns)) out.push(c);
  return out;
}

export function childOf(el: XmlElement, namespaces: readonly string[], local: string): XmlElement | undefined {
  for (const c of el.children) if (c.kind === 'element' && c.local === local && namespaces.includes(c.ns)) return c;
  return undefined;
}

/** Trimmed text of the first such child, or null when absent or empty. */
export function childText(el: XmlElement, namespaces: readonly string[], local: string): string | null {
  const c = childOf(el, namespaces, local);
  if (!c) return null;
  const text = textOf(c).trim();
  return text === '' ? null : text;
}

/** An attribute by name, case-insensitively, or by its local part when the prefix differs ('rdf:about'). */
export function attrOf(el: XmlElement, name: string): string | null {
  const direct = el.attrs[name];
  if (direct !== undefined) return direct;
  const lower = name.toLowerCase();
  const local = lower.includes(':') ? lower.slice(lower.indexOf(':') + 1) : null;
  for (const [key, value] of Object.entries(el.attrs)) {
    const k = key.toLowerCase();
    if (k === lower || (local !== null && k.endsWith(`:${local}`))) return value;
  }
  return null;
}

/** A function from an offset in `source` to its 1-based line and column. */
export function lineLocator(source: string): (offset: number) => { line: number; column: number } {
  const starts: number[] = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
  };
}

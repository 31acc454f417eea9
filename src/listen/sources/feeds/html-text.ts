// HTML to the plain text a mention keeps, and the links, hashtags and handles in it. Uses
// htmlparser2 in HTML mode (the same forgiving tokenizer as feeds, with the HTML5 entity table);
// nothing here is a hand-written parser. Pure: no I/O.
import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import { MAX_DEPTH, nestsDeeperThan, resolveUrl, type XmlElement } from './xml.ts';

/** Elements whose content is not text a person reads. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'iframe', 'object', 'svg', 'math']);
/** Elements that break a line. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** HTML's void elements: never closed, never nesting. */
const HTML_VOIDS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Block elements without content: one line break, not two. */
const VOID = new Set(['br', 'hr']);

export interface ExtractedText {
  text: string;
  /** Absolute http(s) links found in anchors and in the text, in order, without duplicates. */
  links: string[];
}

/** Collapses spaces within lines and keeps at most one blank line between paragraphs. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Keeps an absolute http(s) URL once. */
function addLink(links: string[], seen: Set<string>, href: string | null, base: string | null): void {
  if (!href) return;
  const url = resolveUrl(href, base);
  if (!url || !/^https?:/i.test(url) || seen.has(url)) return;
  seen.add(url);
  links.push(url);
}

const BARE_URL = /\bhttps?:\/\/[^\s<>"'`{}|\\^]+/giu;

/** Absolute URLs written as plain text, without trailing punctuation. */
export function linksInText(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(BARE_URL)) {
    let url = m[0];
    // Trailing punctuation belongs to the sentence — except a ")" that closes a "(" of the URL.
    const balanced = (u: string): boolean => u.split('(').length >= u.split(')').length;
    while (/[.,;:!?)\]'"»]$/.test(url) && !(url.endsWith(')') && balanced(url))) url = url.slice(0, -1);
    out.push(url);
  }
  return out;
}

/**
 * Plain text and links of an HTML fragment; relative hrefs resolve against `base`.
 * E.g. `htmlToText('<p>A &amp; <a href="/b">B</a></p>', 'https://x.fr/')` → { text: 'A & B', links: ['https://x.fr/b'] }.
 */
export function htmlToText(html: string, base: string | null): ExtractedText {
  if (nestsDeeperThan(html, MAX_DEPTH, HTML_VOIDS)) {
    // Pathological nesting: drop the tags instead of parsing them (see MAX_DEPTH).
    return plainToText(decodeHTML(html.replace(/<[^<>]*>/g, ' ')));
  }
  let out = '';
  let skipping = 0;
  let pre = 0;
  const links: string[] = [];
  const seen = new Set<string>();
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (SKIPPED.has(name)) skipping += 1;
        if (name === 'pre') pre += 1;
        if (BLOCKS.has(name)) out += '\n';
        if (name === 'a' && skipping === 0) addLink(links, seen, attrs.href ?? null, base);
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
        if (name === 'pre') pre = Math.max(0, pre - 1);
        if (BLOCKS.has(name) && !VOID.has(name)) out += '\n';
      },
      ontext(data) {
        if (skipping > 0) return;
        // Outside <pre>, a newline in the source is a space.
        out += pre > 0 ? data : data.replace(/[\r\n]+/g, ' ');
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  const text = tidyText(out);
  for (const url of linksInText(text)) addLink(links, seen, url, null);
  return { text, links };
}

/** Text and links of plain text (Atom type="text", JSON Feed content_text). */
export function plainToText(text: string): ExtractedText {
  const tidy = tidyText(text);
  return { text: tidy, links: [...new Set(linksInText(tidy))] };
}

/** Text and links of inline XHTML (Atom type="xhtml"): the element's children are the markup. */
export function xhtmlToText(el: XmlElement): ExtractedText {
  let out = '';
  const links: string[] = [];
  const seen = new Set<string>();
  type Step = { node: XmlElement['children'][number]; close: boolean };
  const todo: Step[] = [...el.children].reverse().map((node) => ({ node, close: false }));
  while (todo.length > 0) {
    const { node, close } = todo.pop() as Step;
    if (node.kind === 'text') {
      out += (node.cdata ? node.raw : decodeHTML(node.raw)).replace(/[\r\n]+/g, ' ');
      continue;
    }
    if (SKIPPED.has(node.local)) continue;
    if (BLOCKS.has(node.local) && !(close && VOID.has(node.local))) out += '\n';
    if (close) continue;
    if (node.local === 'a') addLink(links, seen, node.attrs.href ?? null, node.base);
    todo.push({ node, close: true });
    for (let i = node.children.length - 1; i >= 0; i--) todo.push({ node: node.children[i] as XmlElement['children'][number], close: false });
  }
  const text = tidyText(out);
  for (const url of linksInText(text)) addLink(links, seen, url, null);
  return { text, links };
}

/** Whether a title or summary looks like it carries markup or entities worth decoding as HTML. */
export function looksLikeHtml(value: string): boolean {
  return /<\/?[a-z][a-z0-9]*[\s/>]|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]+);/i.test(value);
}

const HASHTAG = /(?<![\p{L}\p{N}_&#/])#([\p{L}\p{N}\p{M}_]*\p{L}[\p{L}\p{N}\p{M}_]*)/gu;
const HANDLE = /(?<![\p{L}\p{N}_.@/])@([\p{L}\p{N}_][\p{L}\p{N}\p{M}_.-]*(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?)/gu;

/** #hashtags written in a text (at least one letter: "#1" is a rank, not a tag). */
export function hashtagsIn(text: string): string[] {
  return [...text.matchAll(HASHTAG)].map((m) => m[1] as string);
}

/** @handles written in a text (not e-mail addresses). */
export function handlesIn(text: string): string[] {
  return [...text.matchAll(HANDLE)].map((m) => (m[1] as string).replace(/[.-]+$/, ''));
}

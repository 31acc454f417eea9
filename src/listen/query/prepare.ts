// A mention is tokenised once, into folded words with their positions, and then matched
// against any number of topics: the percolator and every compiled matcher read this one
// prepared form.
import { QUERY_LIMITS } from './ast.ts';
import { fieldValue, type KeywordField, siteSuffixes } from './fields.ts';
import { appendWords, fold, foldedWords } from './fold.ts';

/** What a query can look at in a mention. Null and undefined both mean unknown. */
export interface MatchDocument {
  text: string;
  title?: string | null;
  authorHandle?: string | null;
  authorName?: string | null;
  /** The site's host; taken from url when missing. */
  site?: string | null;
  url?: string | null;
  lang?: string | null;
  /** ISO 3166-1 alpha-2. */
  country?: string | null;
  /** 'blog' | 'news' | 'forum' | 'microblog' | 'social' | 'review' | 'video'. */
  sourceType?: string | null;
  /** 'f' | 'm'; anything else is unknown. */
  gender?: string | null;
  /** 'positive' | 'neutral' | 'negative'. */
  sentiment?: string | null;
  /** With or without the leading #. */
  hashtags: readonly string[];
  /** Handles the mention addresses, with or without the leading @. */
  mentioned: readonly string[];
}

/** Words at their positions, and each distinct word's positions in increasing order. */
export interface WordIndex {
  readonly words: readonly string[];
  readonly positions: ReadonlyMap<string, readonly number[]>;
}

export interface PreparedDocument {
  readonly kind: 'prepared-document';
  /** Title words, then a gap no NEAR can cross, then text words; folded. */
  readonly body: WordIndex;
  /** The same words as written (NFC), for raw:, found through the folded positions. */
  readonly raw: readonly string[];
  /** Positions below this one are the title's. */
  readonly titleEnd: number;
  readonly author: WordIndex;
  readonly handles: ReadonlySet<string>;
  readonly hashtags: ReadonlySet<string>;
  readonly mentions: ReadonlySet<string>;
  /** Each keyword field's normalised values (a language also gives its primary subtag, a host its parent domains). */
  readonly keywords: Readonly<Record<KeywordField, readonly string[]>>;
  readonly url: string;
}

// Wider than the largest NEAR distance, so no phrase or proximity spans title and text.
const GAP = QUERY_LIMITS.maxDistance + 2;
const HASHTAG_RE = /(?<![\p{L}\p{N}_&#])#([\p{L}\p{N}\p{M}_]+)/gu;
const MENTION_RE = /(?<![\p{L}\p{N}_.@/])@([\p{L}\p{N}_][\p{L}\p{N}\p{M}_.-]*(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?)/gu;

/** Tokenises a mention once for all the topics it is matched against. */
export function prepareDocument(doc: MatchDocument): PreparedDocument {
  const folded: string[] = [];
  const raw: string[] = [];
  const title = doc.title ?? '';
  appendWords(title, raw, folded);
  const titleEnd = folded.length;
  if (titleEnd > 0) for (let i = 0; i < GAP; i++) folded.push(''), raw.push('');
  appendWords(doc.text, raw, folded);

  const hashtags = new Set<string>();
  const mentions = new Set<string>();
  for (const tag of doc.hashtags) hashtags.add(fold(tag.replace(/^#/, '')));
  for (const handle of doc.mentioned) addHandle(mentions, handle);
  for (const source of [title, doc.text]) {
    if (!source.includes('#') && !source.includes('@')) continue;
    for (const m of source.matchAll(HASHTAG_RE)) hashtags.add(fold(m[1] as string));
    for (const m of source.matchAll(MENTION_RE)) addHandle(mentions, (m[1] as string).replace(/[.-]+$/, ''));
  }
  const handles = new Set<string>();
  if (doc.authorHandle) addHandle(handles, doc.authorHandle);

  const url = doc.url ?? '';
  const lang = doc.lang ? fieldValue('lang', doc.lang) : '';
  const gender = fieldValue('gender', doc.gender ?? '');
  return {
    kind: 'prepared-document',
    body: index(folded),
    raw,
    titleEnd,
    author: index(doc.authorName ? foldedWords(doc.authorName) : []),
    handles,
    hashtags,
    mentions,
    keywords: {
      lang: lang ? [...new Set([lang, lang.split('-')[0] as string])] : [],
      country: doc.country ? [fieldValue('country', doc.country)] : [],
      source: doc.sourceType ? [fieldValue('source', doc.sourceType)] : [],
      gender: [gender === 'f' || gender === 'm' ? gender : 'unknown'],
      sentiment: doc.sentiment ? [fieldValue('sentiment', doc.sentiment)] : [],
      site: siteSuffixes(doc.site ?? hostOf(url)),
    },
    url: fold(url),
  };
}

/** True for the output of prepareDocument, so matchers can take either form. */
export function isPrepared(doc: MatchDocument | PreparedDocument): doc is PreparedDocument {
  return (doc as PreparedDocument).kind === 'prepared-document';
}

function index(words: string[]): WordIndex {
  const positions = new Map<string, number[]>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (w === '') continue;
    const list = positions.get(w);
    if (list) list.push(i);
    else positions.set(w, [i]);
  }
  return { words, positions };
}

// A Mastodon handle "cimes@mastodon.social" also answers to its local part "cimes".
function addHandle(set: Set<string>, handle: string): void {
  const h = fieldValue('author', handle);
  if (!h) return;
  set.add(h);
  const at = h.indexOf('@');
  if (at > 0) set.add(h.slice(0, at));
}

// A regular expression rather than new URL(): it runs on every mention and needs only the host.
const HOST_RE = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:]+)/i;

function hostOf(url: string): string {
  return HOST_RE.exec(url)?.[1] ?? '';
}

// A tiny template engine for the mentions' texts: `{slot}` is replaced by a value drawn from a
// vocabulary, `{a|b|c}` by one of its alternatives, so each template yields many sentences and
// keyword analysis sees real, varied terms rather than one sentence repeated. Then the
// entities (hashtags, @mentions, links) are read back from the final text, so the JSON
// columns always agree with what the text says.
import type { Random } from './random.ts';

export type Vocabulary = Record<string, readonly string[]>;

// A template compiles once into literal text and slots; {x|y} groups may nest slots.
type Part = string | { name: string } | { alternatives: readonly string[] };
const compiled = new Map<string, readonly Part[]>();

function compile(template: string): readonly Part[] {
  const parts: Part[] = [];
  let literal = '';
  for (let i = 0; i < template.length; i += 1) {
    const c = template[i] as string;
    if (c !== '{') {
      literal += c;
      continue;
    }
    let depth = 1;
    let j = i + 1;
    const alternatives: string[] = [];
    let current = '';
    for (; j < template.length && depth > 0; j += 1) {
      const d = template[j] as string;
      if (d === '{') depth += 1;
      if (d === '}') depth -= 1;
      if (depth === 0) break;
      if (d === '|' && depth === 1) {
        alternatives.push(current);
        current = '';
      } else current += d;
    }
    if (depth > 0) {
      literal += template.slice(i);
      break;
    }
    if (literal) parts.push(literal);
    literal = '';
    parts.push(alternatives.length > 0 ? { alternatives: [...alternatives, current] } : { name: current });
    i = j;
  }
  if (literal) parts.push(literal);
  return parts;
}

/** Fills a template: {name} from `extra` or `vocabulary`, {x|y} one of the alternatives. */
export function fill(random: Random, template: string, vocabulary: Vocabulary, extra: Record<string, string> = {}, depth = 0): string {
  let parts = compiled.get(template);
  if (!parts) {
    parts = compile(template);
    compiled.set(template, parts);
  }
  let out = '';
  for (const part of parts) {
    let value: string;
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    if ('alternatives' in part) value = random.pick(part.alternatives);
    else if (part.name in extra) value = extra[part.name] as string;
    else {
      const values = vocabulary[part.name];
      value = values && values.length > 0 ? random.pick(values) : `{${part.name}}`;
    }
    // A drawn value may hold slots itself ({good} → "{superbe|génial}").
    out += depth < 3 && value.includes('{') ? fill(random, value, vocabulary, extra, depth + 1) : value;
  }
  return out;
}

/** One template from a bank, filled; optional extra sentence and tail (hashtags, emoji…). */
export function sentence(random: Random, bank: readonly string[], vocabulary: Vocabulary, extra: Record<string, string> = {}): string {
  return fill(random, random.pick(bank), vocabulary, extra);
}

/** Joins parts with single spaces; collapses the doubles an empty slot leaves behind. */
export function tidy(parts: readonly (string | null | undefined | false)[]): string {
  let text = parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join(' ');
  if (text.includes('  ')) text = text.replace(/ {2,}/g, ' ');
  if (text.includes(' .') || text.includes(' ,')) text = text.replace(/ ([,.])/g, '$1');
  return text.trim();
}

/** Upper-cases the first letter (templates often start with a lower-case slot). */
export function capitalize(text: string): string {
  const code = text.charCodeAt(0);
  // ASCII fast path: most texts start with an upper-case letter, a digit, # or @.
  if (code < 97 || (code > 122 && code < 128)) return text;
  const first = text.charAt(0);
  return first === first.toUpperCase() ? text : first.toUpperCase() + text.slice(1);
}

/** A headline as a sentence: a full stop unless it already ends with punctuation. */
export function sentenceOf(title: string): string {
  return /[.!?…»]$/.test(title) ? title : `${title}.`;
}

/** `count` sentences from distinct templates of `bank` (no sentence twice in one page). */
export function sentences(random: Random, bank: readonly string[], count: number, vocabulary: Vocabulary, extra: Record<string, string> = {}): string[] {
  return random.sample(bank, count).map((template) => capitalize(fill(random, template, vocabulary, extra)));
}

/**
 * Turns a post into prose for a web page: trailing #hashtags go, inline ones become words
 * ("la #CimesAlpha" → "la Cimes Alpha"), @handles lose their @ and server.
 */
export function prose(text: string): string {
  if (!text.includes('#') && !text.includes('@')) return text;
  const body = text
    .replace(/(?:\s+#[\p{L}\p{N}_]+)+\s*$/u, '')
    .replace(/#([\p{L}\p{N}_]+)/gu, (_, tag: string) => tag.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2'))
    .replace(/@([\w-]+)(?:[@.][\w.-]+)?/g, '$1');
  return tidy([body]);
}

const HASHTAG = /(?:^|[^\p{L}\p{N}_&])#([\p{L}\p{N}_]+)/gu;
const MENTION = /(?:^|[\s(«"'])@([A-Za-z0-9_]+(?:[.@-][A-Za-z0-9_-]+)*)/g;
const LINK = /https?:\/\/[^\s<>"»]+/g;

export interface Entities {
  hashtags: string[];
  mentioned: string[];
  links: string[];
}

/** Hashtags (without #), @handles (without @) and links, each once, in order of appearance. */
// Shared by every mention without entities of a kind (most of them): never mutated.
const NONE: string[] = [];

export function entitiesOf(text: string): Entities {
  const unique = (values: Iterable<string>): string[] => [...new Set(values)];
  // Most texts have no entity of some kind: skip the regular expressions then.
  return {
    hashtags: text.includes('#') ? unique([...text.matchAll(HASHTAG)].map((m) => m[1] as string)) : NONE,
    mentioned: text.includes('@') ? unique([...text.matchAll(MENTION)].map((m) => (m[1] as string).replace(/[.-]+$/, ''))) : NONE,
    links: text.includes('http') ? unique([...text.matchAll(LINK)].map((m) => m[0].replace(/[.,;:!?)]+$/, ''))) : NONE,
  };
}

const slugs = new Map<string, string>();

/** A headline to a URL slug: "Élan d'été" → "elan-d-ete". Titles repeat: slugs are cached. */
export function urlSlug(text: string, max = 60): string {
  const key = `${max}|${text}`;
  const known = slugs.get(key);
  if (known !== undefined) return known;
  const slug = slugOf(text, max);
  if (slugs.size > 50_000) slugs.clear();
  slugs.set(key, slug);
  return slug;
}

function slugOf(text: string, max: number): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, max)
    .replace(/-$/, '');
}

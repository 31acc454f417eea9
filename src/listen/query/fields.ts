// How field values are compared: the query's value and the mention's value are normalised by
// the same function, so `country:FR` meets "fr", `gender:female` meets "f" and `site:www.lemonde.fr`
// meets a mention from https://lemonde.fr/… . The parser asks fieldValueProblem() to refuse values
// that could never match (sentiment:bad) instead of silently matching nothing.
import type { FieldName } from './ast.ts';
import { fold } from './fold.ts';

/** Fields whose value is compared whole (after normalisation), not searched as text. */
export type KeywordField = 'lang' | 'country' | 'source' | 'gender' | 'sentiment' | 'site';
export const KEYWORD_FIELDS: readonly KeywordField[] = ['lang', 'country', 'source', 'gender', 'sentiment', 'site'];

export function isKeywordField(field: string): field is KeywordField {
  return (KEYWORD_FIELDS as readonly string[]).includes(field);
}

// Values users write, in English and French, mapped to what Listen stores (tables.ts).
const ENUMS: Partial<Record<FieldName, Record<string, string>>> = {
  source: { blog: 'blog', news: 'news', forum: 'forum', microblog: 'microblog', social: 'social', review: 'review', video: 'video' },
  sentiment: { positive: 'positive', neutral: 'neutral', negative: 'negative', positif: 'positive', neutre: 'neutral', negatif: 'negative' },
  gender: { f: 'f', female: 'f', woman: 'f', femme: 'f', m: 'm', male: 'm', man: 'm', homme: 'm', unknown: 'unknown', inconnu: 'unknown' },
};

/** The normalised form of a field value, for the query side and the mention side alike. */
export function fieldValue(field: FieldName, text: string): string {
  const value = fold(text.trim());
  const known = ENUMS[field]?.[value];
  if (known !== undefined) return known;
  if (field === 'site') return value.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^www\./, '').replace(/[/:].*$/, '');
  if (field === 'author') return value.replace(/^@/, '');
  return value;
}

/** Why a value can never match this field, or null when it is fine. */
export function fieldValueProblem(field: FieldName, text: string): { message: string; hint: string } | null {
  const value = fieldValue(field, text);
  const enumeration = ENUMS[field];
  if (enumeration && !Object.values(enumeration).includes(value)) {
    const choices = Object.keys(enumeration).join(', ');
    return { message: `"${text}" is not a value of ${field}:.`, hint: `Use one of: ${choices}.` };
  }
  if (field === 'lang' && !/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/.test(value)) {
    return { message: `"${text}" is not a language code.`, hint: 'Use an ISO 639 code such as lang:fr, lang:en or lang:pt-br.' };
  }
  if (field === 'country' && !/^[a-z]{2}$/.test(value)) {
    return { message: `"${text}" is not a country code.`, hint: 'Use a two-letter ISO 3166 code such as country:fr, country:be or country:ca.' };
  }
  if (field === 'site' && !/[\p{L}\p{N}]/u.test(value)) {
    return { message: `"${text}" is not a site.`, hint: 'Write a domain such as site:lemonde.fr (it also matches its subdomains).' };
  }
  return null;
}

/** A host and every domain above it: "www.news.lemonde.fr" → news.lemonde.fr, lemonde.fr, fr. */
export function siteSuffixes(host: string): string[] {
  const parts = fieldValue('site', host).split('.').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) out.push(parts.slice(i).join('.'));
  return out;
}

// CSV rows to mentions: which column holds which field (the user's mapping, else guessed from
// common header names in English and French — exports of Talkwalker, Brandwatch, Meltwater,
// spreadsheets), and each row turned into the JSON a mention is checked against (schemas.ts),
// with the row's line so a bad one is reported where it is. Pure.
import { RelaisError } from '../../../platform/errors.ts';
import { SOURCE_TYPES, type SourceType } from '../../model.ts';
import { parseFeedDate } from '../feeds/dates.ts';
import type { CsvRecord } from './csv.ts';

/** The fields a column can fill. */
export const CSV_FIELDS = [
  'text', 'publishedAt', 'title', 'url', 'networkId', 'network', 'sourceType', 'lang',
  'author.handle', 'author.displayName', 'author.followers', 'author.location', 'author.profileUrl', 'author.bio',
  'hashtags', 'mentioned', 'links', 'replyTo', 'quoteOf', 'reshareOf',
  'engagement.likes', 'engagement.shares', 'engagement.replies', 'engagement.views',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** Field → column header (as written in the file). */
export type ColumnMapping = Partial<Record<CsvField, string>>;

const norm = (s: string): string => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '');

/** Header names (normalised: lower case, no accents, letters and digits only) each field is known by. */
const SYNONYMS: Record<CsvField, string[]> = {
  text: ['text', 'content', 'contents', 'message', 'body', 'fulltext', 'tweet', 'post', 'snippet', 'texte', 'contenu', 'extrait', 'mentioncontent'],
  publishedAt: ['publishedat', 'published', 'date', 'datetime', 'createdat', 'created', 'time', 'timestamp', 'publicationdate', 'datepublished', 'datedepublication', 'datepublication', 'dateheure', 'postedat'],
  title: ['title', 'headline', 'titre', 'subject', 'sujet'],
  url: ['url', 'link', 'permalink', 'lien', 'posturl', 'articleurl'],
  networkId: ['networkid', 'id', 'postid', 'tweetid', 'statusid', 'guid', 'identifiant'],
  network: ['network', 'platform', 'reseau', 'plateforme'],
  sourceType: ['sourcetype', 'type', 'mediatype', 'typedesource', 'category', 'categorie'],
  lang: ['lang', 'language', 'langue'],
  'author.handle': ['authorhandle', 'handle', 'author', 'username', 'screenname', 'user', 'auteur', 'account', 'compte', 'authorusername', 'pseudo'],
  'author.displayName': ['authordisplayname', 'displayname', 'authorname', 'name', 'fullname', 'nom', 'nomauteur'],
  'author.followers': ['authorfollowers', 'followers', 'followerscount', 'abonnes', 'reach', 'audience'],
  'author.location': ['authorlocation', 'location', 'localisation', 'lieu', 'city', 'ville', 'country', 'pays'],
  'author.profileUrl': ['authorprofileurl', 'profileurl', 'authorurl', 'profile', 'profil'],
  'author.bio': ['authorbio', 'bio', 'description'],
  hashtags: ['hashtags', 'tags'],
  mentioned: ['mentioned', 'mentions', 'usermentions'],
  links: ['links', 'urls', 'liens'],
  replyTo: ['replyto', 'inreplyto', 'inreplytostatusid', 'parent', 'parentid', 'reponsea'],
  quoteOf: ['quoteof', 'quotedstatusid', 'quote', 'citation'],
  reshareOf: ['reshareof', 'retweetof', 'reblogof', 'repostof', 'partage'],
  'engagement.likes': ['likes', 'likecount', 'favorites', 'favourites', 'favoritecount', 'jaime', 'reactions'],
  'engagement.shares': ['shares', 'sharecount', 'retweets', 'retweetcount', 'reblogs', 'reposts', 'partages'],
  'engagement.replies': ['replies', 'replycount', 'comments', 'commentaires', 'reponses'],
  'engagement.views': ['views', 'viewcount', 'impressions', 'vues'],
};

/** Guesses the mapping from the header; a user's mapping overrides it field by field. */
export function resolveMapping(header: string[], given: ColumnMapping = {}): { mapping: ColumnMapping; unknownColumns: string[] } {
  for (const [field, column] of Object.entries(given)) {
    if (!(CSV_FIELDS as readonly string[]).includes(field)) throw new RelaisError('RELAIS_REQUEST_INVALID', `Unknown field "${field}" in the column mapping.`, { field: 'mapping', hint: `fields: ${CSV_FIELDS.join(', ')}` });
    if (column !== undefined && !header.includes(column)) throw new RelaisError('RELAIS_REQUEST_INVALID', `The column "${column}" mapped to ${field} is not in the file's header (${header.join(', ')}).`, { field: 'mapping' });
  }
  const mapping: ColumnMapping = { ...given };
  const taken = new Set(Object.values(given));
  // Fields in order of SYNONYMS: "author" goes to the handle before the display name looks at it.
  for (const field of CSV_FIELDS) {
    if (mapping[field] !== undefined) continue;
    for (const synonym of SYNONYMS[field]) {
      const column = header.find((h) => !taken.has(h) && norm(h) === synonym);
      if (column !== undefined) {
        mapping[field] = column;
        taken.add(column);
        break;
      }
    }
  }
  return { mapping, unknownColumns: header.filter((h) => !taken.has(h) && h.trim() !== '') };
}

export interface RowDefaults {
  network: string;
  sourceType: SourceType;
}

/** Whole numbers as exports write them: "1 234", "1,234", "1.2k", "3M". */
export function parseCount(value: string): number | null {
  const v = value.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (v === '') return null;
  const m = /^(\d+(?:[.,]\d+)?)([kKmM])?$/.exec(v.replace(/(\d)[,.](?=\d{3}(?:\D|$))/g, '$1'));
  if (!m) return Number.NaN;
  const n = Number((m[1] as string).replace(',', '.')) * (m[2] ? (m[2].toLowerCase() === 'k' ? 1e3 : 1e6) : 1);
  return Math.round(n);
}

/** Dates as exports write them: RFC 3339 / ISO, RFC 822, epoch seconds or ms, "31/12/2025 14:05" (day first, UTC). */
export function parseCsvDate(value: string): number | null {
  const v = value.trim();
  // RFC 3339 with its zone, the common case: the platform's parser is exact for it, and fast.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i.test(v)) {
    const at = Date.parse(v);
    if (Number.isFinite(at)) return at;
  }
  if (/^\d{10}$/.test(v)) return Number(v) * 1000;
  if (/^\d{13}$/.test(v)) return Number(v);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
  if (dmy) {
    let [day, month] = [Number(dmy[1]), Number(dmy[2])];
    // Day first (Europe) unless that cannot be: 12/31/2025 is American.
    if (month > 12 && day <= 12) [day, month] = [month, day];
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    return Date.UTC(Number(dmy[3]), month - 1, day, Number(dmy[4] ?? 0), Number(dmy[5] ?? 0), Number(dmy[6] ?? 0));
  }
  return parseFeedDate(v);
}

/** What exports call their source types, to ours. */
const TYPE_NAMES: Record<string, SourceType> = {
  blogs: 'blog', weblog: 'blog', news: 'news', onlinenews: 'news', press: 'news', presse: 'news', article: 'news', media: 'news', forums: 'forum', board: 'forum',
  twitter: 'microblog', x: 'microblog', tweet: 'microblog', mastodon: 'microblog', bluesky: 'microblog', threads: 'microblog',
  facebook: 'social', instagram: 'social', linkedin: 'social', reddit: 'forum', reseausocial: 'social', socialnetwork: 'social',
  reviews: 'review', avis: 'review', youtube: 'video', tiktok: 'video', videos: 'video', twitch: 'video',
};

export function sourceTypeOf(value: string): SourceType | null {
  const t = norm(value);
  return (SOURCE_TYPES as readonly string[]).includes(t) ? (t as SourceType) : (TYPE_NAMES[t] ?? null);
}

const list = (value: string): string[] => value.split(/[\s,;|]+/).map((s) => s.trim()).filter(Boolean);

/** Field → column position, computed once per mapping (a file's rows share it). */
const COLUMN_INDEX = new WeakMap<ColumnMapping, Map<string, number>>();

/**
 * One record as the JSON of a mention, or what is wrong with it ("column date: …"). The JSON is
 * then checked by the same schema as the webhook's items.
 */
export function rowToItem(record: CsvRecord, header: string[], mapping: ColumnMapping, defaults: RowDefaults): { item: Record<string, unknown> } | { error: string } {
  if (record.fields.length > header.length && record.fields.slice(header.length).some((f) => f.trim() !== '')) {
    return { error: `${record.fields.length} fields where the header has ${header.length} (a delimiter or quote out of place?)` };
  }
  let index = COLUMN_INDEX.get(mapping);
  if (!index) COLUMN_INDEX.set(mapping, (index = new Map(Object.entries(mapping).map(([field, column]) => [field, header.indexOf(column as string)]))));
  const columns = index;
  const cell = (field: CsvField): string | null => {
    const at = columns.get(field);
    if (at === undefined || at < 0) return null;
    const v = record.fields[at];
    if (v === undefined) return null;
    const trimmed = v.trim();
    return trimmed === '' ? null : trimmed;
  };
  const item: Record<string, unknown> = { network: cell('network') ?? defaults.network, sourceType: defaults.sourceType };
  const type = cell('sourceType');
  if (type !== null) {
    const t = sourceTypeOf(type);
    if (t === null) return { error: `column ${mapping.sourceType}: "${type}" is not a source type (${SOURCE_TYPES.join(', ')}, or a network's name)` };
    item.sourceType = t;
  }
  const text = cell('text');
  if (text === null && cell('title') === null) return { error: `column ${mapping.text ?? 'text'}: no text` };
  item.text = text ?? '';
  const date = cell('publishedAt');
  if (date === null) return { error: `column ${mapping.publishedAt ?? 'date'}: no date` };
  const at = parseCsvDate(date);
  if (at === null) return { error: `column ${mapping.publishedAt}: "${date.slice(0, 60)}" is not a date` };
  item.publishedAt = at;
  for (const f of ['title', 'url', 'networkId', 'lang', 'replyTo', 'quoteOf', 'reshareOf'] as const) {
    const v = cell(f);
    if (v !== null) item[f] = f === 'lang' ? v.toLowerCase() : v;
  }
  for (const f of ['hashtags', 'mentioned', 'links'] as const) {
    const v = cell(f);
    if (v !== null) item[f] = list(v).map((s) => (f === 'hashtags' ? s.replace(/^#/, '') : f === 'mentioned' ? s.replace(/^@/, '') : s));
  }
  const handle = cell('author.handle');
  if (handle !== null) {
    const author: Record<string, unknown> = { handle: handle.replace(/^@/, '') };
    for (const f of ['displayName', 'location', 'profileUrl', 'bio'] as const) {
      const v = cell(`author.${f}`);
      if (v !== null) author[f] = v;
    }
    const followers = cell('author.followers');
    if (followers !== null) {
      const n = parseCount(followers);
      if (Number.isNaN(n)) return { error: `column ${mapping['author.followers']}: "${followers}" is not a number` };
      author.followers = n;
    }
    item.author = author;
  }
  const engagement: Record<string, number> = {};
  for (const f of ['likes', 'shares', 'replies', 'views'] as const) {
    const v = cell(`engagement.${f}`);
    if (v === null) continue;
    const n = parseCount(v);
    if (n === null || Number.isNaN(n)) return { error: `column ${mapping[`engagement.${f}`]}: "${v}" is not a number` };
    engagement[f] = n;
  }
  item.engagement = engagement;
  const raw: Record<string, string> = {};
  for (let i = 0; i < header.length; i++) raw[header[i] as string] = record.fields[i] ?? '';
  item.raw = raw;
  return { item };
}

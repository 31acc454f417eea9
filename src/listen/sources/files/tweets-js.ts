// An X/Twitter archive's tweets: `data/tweets.js` (`tweet.js` in older archives), a script
// `window.YTD.tweets.part0 = [ { "tweet": { … } }, … ]` whose tweets are v1.1 Tweet objects
// (https://developer.x.com/en/docs/twitter-api/v1/data-dictionary/object-model/tweet) as the
// archive keeps them: id_str, full_text, created_at "Wed Oct 10 20:19:24 +0000 2018", entities
// (hashtags, user_mentions, urls with expanded_url, media), in_reply_to_status_id_str, counts as
// strings. The archive is one person's: they are every tweet's author (their handle is given,
// or read from the archive's own media URLs). A retweet is kept as "RT @user: …" with no id of
// the original: the reshare points at the retweeted account's page. Pure.
import { parseFeedDate } from '../feeds/dates.ts';
import { primaryLanguage } from '../feeds/entry.ts';

export interface ArchiveItems {
  owner: string | null;
  items: Array<{ item: Record<string, unknown>; position: string } | { error: string; position: string }>;
  /** Whole-file problems (the script cannot be read). */
  problems: Array<{ position: string; message: string }>;
}

const PREFIX = /^\s*window\.YTD\.[A-Za-z_]+\.part\d+\s*=\s*/;

/** Whether a text is an archive part (`window.YTD.….partN = [`). */
export function looksLikeTweetsJs(text: string): boolean {
  return PREFIX.test(text.slice(0, 200));
}

/** "Wed Oct 10 20:19:24 +0000 2018" → epoch ms. */
export function parseTwitterDate(value: string): number | null {
  const m = /^\w{3} (\w{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/.exec(value.trim());
  if (!m) return parseFeedDate(value);
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(m[1] as string);
  if (month < 0) return null;
  const offset = (m[6] === '-' ? -1 : 1) * (Number(m[7]) * 60 + Number(m[8])) * 60_000;
  return Date.UTC(Number(m[9]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])) - offset;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

interface Tweet {
  id_str?: string;
  id?: string;
  full_text?: string;
  text?: string;
  created_at?: string;
  lang?: string;
  favorite_count?: string | number;
  retweet_count?: string | number;
  in_reply_to_status_id_str?: string;
  in_reply_to_screen_name?: string;
  entities?: { hashtags?: Array<{ text?: string }>; user_mentions?: Array<{ screen_name?: string }>; urls?: Array<{ expanded_url?: string; url?: string }>; media?: Array<{ expanded_url?: string; url?: string }> };
}

const STATUS_URL = /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/([A-Za-z0-9_]{1,15})\/status(?:es)?\/(\d+)/;

/** The archive owner's handle from their own media links (https://twitter.com/<owner>/status/<id>/photo/1). */
export function ownerFromMedia(tweets: Tweet[]): string | null {
  for (const t of tweets) {
    for (const m of t.entities?.media ?? []) {
      const match = STATUS_URL.exec(m.expanded_url ?? '');
      if (match && match[2] === (t.id_str ?? t.id)) return match[1] as string;
    }
  }
  return null;
}

const count = (v: string | number | undefined): number => {
  const n = Number(v ?? 0);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : 0;
};

/** The tweets of an archive part as mention JSON, each with its position ("tweet 3, line 41"). */
export function readTweetsJs(text: string, owner: string | null): ArchiveItems {
  const prefix = PREFIX.exec(text);
  if (!prefix) return { owner, items: [], problems: [{ position: 'line 1', message: 'Not an X/Twitter archive part: it should start with "window.YTD.tweets.part0 = [".' }] };
  const body = text.slice(prefix[0].length).replace(/;\s*$/, '');
  let list: unknown;
  try {
    list = JSON.parse(body);
  } catch (e) {
    const at = /position (\d+)/.exec((e as Error).message);
    const line = at ? lineAt(text, prefix[0].length + Number(at[1])) : null;
    return { owner, items: [], problems: [{ position: line ? `line ${line}` : 'file', message: `The archive is not valid JSON (${(e as Error).message}); a truncated file?` }] };
  }
  if (!Array.isArray(list)) return { owner, items: [], problems: [{ position: 'line 1', message: 'The archive part is not a list of tweets.' }] };
  const tweets = list.map((entry: unknown) => ((entry as { tweet?: Tweet } | null)?.tweet ?? entry) as Tweet);
  const handle = (owner?.replace(/^@/, '') || ownerFromMedia(tweets)) ?? null;
  // Each tweet's line, for the log: the n-th `"tweet"` key of the text.
  const lines: number[] = [];
  let line = lineAt(text, prefix[0].length);
  for (const m of body.matchAll(/"tweet"\s*:|\n/g)) {
    if (m[0] === '\n') line++;
    else lines.push(line);
  }
  const items: ArchiveItems['items'] = tweets.map((t, i) => {
    const position = `tweet ${i + 1}${lines[i] ? `, line ${lines[i]}` : ''}`;
    if (typeof t !== 'object' || t === null) return { error: 'not a tweet object', position };
    const id = t.id_str ?? t.id;
    const full = t.full_text ?? t.text;
    if (!id || typeof full !== 'string') return { error: 'id_str or full_text missing', position };
    const published = t.created_at ? parseTwitterDate(t.created_at) : null;
    if (published === null) return { error: `created_at "${t.created_at ?? ''}" is not a date`, position };
    if (!handle) return { error: "the archive owner's handle is unknown: give it (--owner)", position };
    const rt = /^RT @([A-Za-z0-9_]{1,15}):/.exec(full);
    const urls = (t.entities?.urls ?? []).map((u) => u.expanded_url ?? u.url).filter((u): u is string => typeof u === 'string');
    const quoted = urls.find((u) => STATUS_URL.test(u)) ?? null;
    // t.co links in the text become what they point to.
    let body = full;
    for (const u of t.entities?.urls ?? []) if (u.url && u.expanded_url) body = body.split(u.url).join(u.expanded_url);
    for (const m of t.entities?.media ?? []) if (m.url) body = body.split(m.url).join('').trim();
    return {
      position,
      item: {
        network: 'x',
        networkId: id,
        sourceType: 'microblog',
        url: `https://x.com/${handle}/status/${id}`,
        author: { handle, profileUrl: `https://x.com/${handle}` },
        publishedAt: published,
        title: null,
        text: body.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
        lang: primaryLanguage(t.lang === 'und' ? null : t.lang),
        links: urls,
        hashtags: (t.entities?.hashtags ?? []).map((h) => h.text).filter((h): h is string => typeof h === 'string'),
        mentioned: (t.entities?.user_mentions ?? []).map((u) => u.screen_name).filter((h): h is string => typeof h === 'string'),
        replyTo: t.in_reply_to_status_id_str && t.in_reply_to_screen_name ? `https://x.com/${t.in_reply_to_screen_name}/status/${t.in_reply_to_status_id_str}` : (t.in_reply_to_status_id_str ?? null),
        quoteOf: rt ? null : quoted,
        reshareOf: rt ? `https://x.com/${rt[1]}` : null,
        engagement: { likes: count(t.favorite_count), shares: count(t.retweet_count) },
        raw: t,
      },
    };
  });
  return { owner: handle, items, problems: [] };
}

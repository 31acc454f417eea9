// A Mastodon status (REST entity, https://docs.joinmastodon.org/entities/Status/) as a mention.
// Pure: no I/O. The handle is the account's `acct`, made global with the instance's host for
// local accounts (`Gargron` on mastodon.social → `Gargron@mastodon.social`), so that the same
// person read from two instances is one account.
import type { MentionInput, SourceType } from '../../model.ts';
import type { SourceProblem } from '../source.ts';
import { htmlToText } from '../feeds/html-text.ts';
import { primaryLanguage } from '../feeds/entry.ts';

/** The fields of a Status relais reads; the rest is kept in `raw`. */
export interface MastodonStatus {
  id: string;
  uri: string;
  url?: string | null;
  created_at: string;
  content: string;
  spoiler_text?: string;
  language?: string | null;
  in_reply_to_id?: string | null;
  reblog?: MastodonStatus | null;
  /** Mastodon ≥ 4.4: a Quote ({ state, quoted_status }) or a ShallowQuote ({ state, quoted_status_id }). */
  quote?: { state?: string; quoted_status?: MastodonStatus | null; quoted_status_id?: string | null } | null;
  replies_count?: number;
  reblogs_count?: number;
  favourites_count?: number;
  account: { id: string; username: string; acct: string; display_name?: string; note?: string; url?: string; followers_count?: number; following_count?: number };
  mentions?: Array<{ acct: string; url?: string }>;
  tags?: Array<{ name: string; url?: string }>;
}

export interface StatusContext {
  /** The instance the status was read from, e.g. https://mastodon.social (scopes local ids and accts). */
  instance: string;
  sourceType?: SourceType;
}

/** `acct` as a global handle: local accounts get the instance's host. */
export function globalAcct(acct: string, instance: string): string {
  const bare = acct.replace(/^@/, '');
  return bare.includes('@') ? bare : `${bare}@${new URL(instance).host}`;
}

/** A status id of the instance as a URL that resolves to it (its API address): ids are only unique per instance. */
export function statusRef(instance: string, id: string): string {
  return `${new URL(instance).origin}/api/v1/statuses/${encodeURIComponent(id)}`;
}

function isStatus(value: unknown): value is MastodonStatus {
  const v = value as MastodonStatus | null;
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.uri === 'string' && typeof v.created_at === 'string' && typeof v.content === 'string' && typeof v.account === 'object' && v.account !== null && typeof v.account.acct === 'string';
}

/**
 * A status as a mention, or the problem that kept it out. A reblog is the reblogger's mention
 * of the original: its text is the original's, `reshareOf` the original's URI.
 */
export function statusToMention(value: unknown, ctx: StatusContext, itemIndex: number | null = null): { mention: MentionInput | null; problem: SourceProblem | null } {
  const bad = (code: string, message: string) => ({ mention: null, problem: { severity: 'error' as const, code, message, itemIndex, line: null, column: null } });
  if (!isStatus(value)) return bad('status-invalid', 'Not a Mastodon status (id, uri, created_at, content or account.acct missing).');
  const published = Date.parse(value.created_at);
  if (!Number.isFinite(published)) return bad('date-invalid', `Status ${value.id}: created_at "${value.created_at}" is not a date.`);
  const shown = value.reblog && isStatus(value.reblog) ? value.reblog : value;
  const body = htmlToText(shown.content, shown.url ?? shown.uri);
  const spoiler = shown.spoiler_text?.trim() ? shown.spoiler_text.trim() : null;
  const quoted = shown.quote?.quoted_status && isStatus(shown.quote.quoted_status) ? shown.quote.quoted_status.uri : shown.quote?.quoted_status_id ? statusRef(ctx.instance, shown.quote.quoted_status_id) : null;
  const account = value.account;
  const tagUrls = new Set((shown.tags ?? []).map((t) => t.url).filter(Boolean));
  const mentionUrls = new Set((shown.mentions ?? []).map((m) => m.url).filter(Boolean));
  return {
    problem: null,
    mention: {
      network: 'mastodon',
      networkId: value.uri,
      sourceType: ctx.sourceType ?? 'microblog',
      url: value.url ?? shown.url ?? value.uri,
      author: {
        handle: globalAcct(account.acct, ctx.instance),
        displayName: account.display_name?.trim() || null,
        followers: account.followers_count ?? null,
        following: account.following_count ?? null,
        profileUrl: account.url ?? null,
        bio: account.note ? htmlToText(account.note, account.url ?? null).text || null : null,
      },
      publishedAt: published,
      title: spoiler,
      text: body.text,
      lang: primaryLanguage(shown.language ?? null),
      // Links to hashtag pages and profiles are Mastodon's own markup, not what the status cites.
      links: body.links.filter((l) => !tagUrls.has(l) && !mentionUrls.has(l)),
      hashtags: (shown.tags ?? []).map((t) => t.name),
      mentioned: (shown.mentions ?? []).map((m) => globalAcct(m.acct, ctx.instance)),
      replyTo: value.in_reply_to_id ? statusRef(ctx.instance, value.in_reply_to_id) : null,
      quoteOf: quoted,
      reshareOf: shown !== value ? shown.uri : null,
      engagement: { likes: shown.favourites_count ?? 0, shares: shown.reblogs_count ?? 0, replies: shown.replies_count ?? 0 },
      raw: value,
    },
  };
}

// Network ids and URLs shaped like each network's own, so that importers, deduplication and
// link handling meet realistic values: X snowflakes, Mastodon ids (milliseconds << 16),
// Bluesky at:// URIs with TIDs, and plain URLs (which are also the GUIDs) on the web.
// A per-world sequence number keeps every id unique.
import type { DemoAccount, Network, SourceType } from './model.ts';
import { hash32 } from './random.ts';
import { urlSlug } from './texts.ts';

const X_EPOCH = 1288834974657n;
const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

function tid(at: number, sequence: number): string {
  // 53 bits of microseconds then 10 bits of clock id, in sortable base32 (13 characters).
  let value = (BigInt(at) * 1000n + BigInt(sequence % 1000)) << 10n;
  value |= BigInt(sequence & 0x3ff);
  let out = '';
  for (let i = 0; i < 13; i += 1) {
    out = (TID_ALPHABET[Number(value & 31n)] as string) + out;
    value >>= 5n;
  }
  return out;
}

const dids = new WeakMap<DemoAccount, string>();

/** A stable did:plc for an account (24 base32 characters derived from its handle). */
export function didOf(account: DemoAccount): string {
  const known = dids.get(account);
  if (known) return known;
  let h = hash32(account.handle);
  let out = '';
  for (let i = 0; i < 24; i += 1) {
    h = hash32(String(h), 0x9e3779b9 + i);
    out += TID_ALPHABET[h & 31];
  }
  dids.set(account, `did:plc:${out}`);
  return `did:plc:${out}`;
}

export interface Address {
  network_id: string | null;
  url: string | null;
  canonical_url: string | null;
}

const days = new Map<number, readonly string[]>();

/** [yyyy, mm, dd] of an instant (UTC), cached per day: every web mention asks. */
function dateParts(at: number): readonly string[] {
  const key = Math.floor(at / 86_400_000);
  let parts = days.get(key);
  if (!parts) {
    parts = new Date(key * 86_400_000).toISOString().slice(0, 10).split('-');
    days.set(key, parts);
  }
  return parts;
}

const NEWS_SECTIONS = ['actualite', 'politique', 'societe', 'economie', 'sport', 'montagne', 'regions'];

/**
 * The id and URL of a new item. `kind` distinguishes a reshare (Bluesky reposts have their own
 * collection and no web page). `title` names web pages.
 */
export function addressOf(author: DemoAccount, sourceType: SourceType, at: number, sequence: number, kind: 'post' | 'reshare', title: string | null, thread?: string): Address {
  const network = author.network as Network;
  if (network === 'x') {
    const id = (((BigInt(at) - X_EPOCH) << 22n) | BigInt(sequence & 0x3fffff)).toString();
    const url = `https://x.com/${author.handle}/status/${id}`;
    return { network_id: id, url, canonical_url: url };
  }
  if (network === 'mastodon') {
    const id = ((BigInt(at) << 16n) | BigInt(sequence & 0xffff)).toString();
    const [user, host] = author.handle.split('@');
    const url = kind === 'reshare' ? `https://${host}/users/${user}/statuses/${id}/activity` : `https://${host}/@${user}/${id}`;
    return { network_id: id, url, canonical_url: url };
  }
  if (network === 'bluesky') {
    const key = tid(at, sequence);
    const collection = kind === 'reshare' ? 'app.bsky.feed.repost' : 'app.bsky.feed.post';
    const uri = `at://${didOf(author)}/${collection}/${key}`;
    if (kind === 'reshare') return { network_id: uri, url: null, canonical_url: null };
    const url = `https://bsky.app/profile/${author.handle}/post/${key}`;
    return { network_id: uri, url, canonical_url: url };
  }
  const day = dateParts(at);
  const slug = urlSlug(title ?? 'message', 48) || 'message';
  let canonical: string;
  if (sourceType === 'forum') {
    const [host] = author.handle.split('/u/');
    canonical = `https://${host}/t/${thread ?? `${slug}-${sequence}`}/${sequence}`;
  } else if (sourceType === 'review') canonical = `https://${author.handle.split('/u/')[0]}/avis/${slug}-${sequence}`;
  else if (sourceType === 'video') canonical = `https://${author.handle.split('/u/')[0]}/w/${sequence.toString(36)}-${slug}`;
  else if (sourceType === 'news') canonical = `https://${author.handle}/${NEWS_SECTIONS[sequence % NEWS_SECTIONS.length]}/${day.join('/')}/${slug}-${sequence}`;
  else canonical = `https://${author.handle}/${day[0]}/${day[1]}/${slug}-${sequence}/`;
  // Feeds often add tracking parameters: the URL keeps them, the canonical URL does not.
  const url = sourceType === 'news' && sequence % 4 === 0 ? `${canonical}?utm_source=rss&utm_medium=feed` : canonical;
  return { network_id: canonical, url, canonical_url: canonical };
}

// Bluesky channel over the AT Protocol's XRPC (docs.bsky.app, atproto.com/specs):
//   com.atproto.server.createSession { identifier, password (an app password) } → access/refresh JWTs
//   com.atproto.server.refreshSession (Bearer refreshJwt) when the access token expires
//   com.atproto.repo.uploadBlob (raw bytes) → blob, for app.bsky.embed.images
//   com.atproto.repo.createRecord { repo, collection: app.bsky.feed.post, rkey, record }
//   com.atproto.repo.getRecord / deleteRecord; app.bsky.feed.getPosts for metrics
//   com.atproto.identity.resolveHandle for @mention facets
// Idempotency: the record key is a TID (the format app.bsky.feed.post keys use) derived from the
// due time and the post × channel key, so a retry writes the same key — the PDS refuses a second
// record — and `find` is a getRecord of that key.
import { createHash } from 'node:crypto';
import { countGraphemes } from '../post-length.ts';
import { channelFetch, ChannelError, parseJson, type ChannelClient, type OutgoingPost } from './channel.ts';

export interface BlueskyConfig {
  /** The account's PDS, https://bsky.social by default. */
  serviceUrl: string;
  /** handle or DID */
  identifier: string;
}

interface Session { accessJwt: string; refreshJwt: string; did: string; handle: string }

const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';
const TIMEOUT_MS = 30_000;

/** A TID (atproto.com/specs/tid): 53 bits of microseconds then 10 bits of clock id, base32-sortable, 13 characters. */
export function tidFor(dueAt: number, key: string): string {
  const digest = createHash('sha256').update(key).digest();
  const micros = BigInt(dueAt) * 1000n + BigInt(digest.readUInt16BE(0) % 1000);
  const clockId = BigInt(digest.readUInt16BE(2) & 0x3ff);
  let value = ((micros & ((1n << 53n) - 1n)) << 10n) | clockId;
  let tid = '';
  for (let i = 0; i < 13; i++) {
    tid = TID_ALPHABET[Number(value & 31n)]! + tid;
    value >>= 5n;
  }
  return tid;
}

interface Facet { index: { byteStart: number; byteEnd: number }; features: Array<Record<string, string>> }

const encoder = new TextEncoder();
const byteOffset = (text: string, index: number) => encoder.encode(text.slice(0, index)).length;

/** Rich-text facets (links, #tags, @mentions) with UTF-8 byte offsets, as app.bsky.richtext.facet defines them. */
export async function facetsOf(text: string, resolveHandle: (handle: string) => Promise<string | null>): Promise<Facet[]> {
  const facets: Facet[] = [];
  const span = (start: number, end: number) => ({ byteStart: byteOffset(text, start), byteEnd: byteOffset(text, end) });
  for (const m of text.matchAll(/https?:\/\/[^\s<>"]+[^\s<>"'.,;:!?)\]]/gu)) {
    facets.push({ index: span(m.index, m.index + m[0].length), features: [{ $type: 'app.bsky.richtext.facet#link', uri: m[0] }] });
  }
  for (const m of text.matchAll(/(^|\s)#([^\s#.,;:!?()[\]{}"']{1,64})/gu)) {
    if (/^\d+$/.test(m[2]!)) continue; // "#1" is not a tag
    const start = m.index + m[1]!.length;
    facets.push({ index: span(start, start + 1 + m[2]!.length), features: [{ $type: 'app.bsky.richtext.facet#tag', tag: m[2]! }] });
  }
  for (const m of text.matchAll(/(^|\s)@([a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)+)/gu)) {
    const did = await resolveHandle(m[2]!);
    if (!did) continue; // an unknown handle stays plain text
    const start = m.index + m[1]!.length;
    facets.push({ index: span(start, start + 1 + m[2]!.length), features: [{ $type: 'app.bsky.richtext.facet#mention', did }] });
  }
  return facets.sort((a, b) => a.index.byteStart - b.index.byteStart);
}

export function blueskyChannel(config: BlueskyConfig, secrets: { appPassword: string }, now: () => number = Date.now): ChannelClient {
  const base = (config.serviceUrl || 'https://bsky.social').replace(/\/+$/, '');
  let session: Session | null = null;

  async function login(): Promise<Session> {
    const { text } = await channelFetch(`${base}/xrpc/com.atproto.server.createSession`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identifier: config.identifier, password: secrets.appPassword }), timeoutMs: TIMEOUT_MS, creates: false, now,
    }).catch((error: unknown) => {
      // A wrong app password answers 401 AuthenticationRequired (older PDSes: 400).
      if (error instanceof ChannelError && error.status === 400) throw new ChannelError('auth-expired', error.message, { status: 400 });
      throw error;
    });
    session = parseJson<Session>(text, 'createSession');
    return session;
  }

  async function refresh(): Promise<Session> {
    if (!session) return login();
    try {
      const { text } = await channelFetch(`${base}/xrpc/com.atproto.server.refreshSession`, { method: 'POST', headers: { authorization: `Bearer ${session.refreshJwt}` }, timeoutMs: TIMEOUT_MS, creates: false, now });
      session = parseJson<Session>(text, 'refreshSession');
      return session;
    } catch (error) {
      if (error instanceof ChannelError && (error.kind === 'auth-expired' || error.kind === 'rejected')) return login();
      throw error;
    }
  }

  /** An authenticated XRPC call; an expired access token (400 ExpiredToken) is refreshed once. */
  async function xrpc(method: 'GET' | 'POST', nsid: string, options: { query?: Record<string, string>; json?: unknown; bytes?: Uint8Array<ArrayBuffer>; mime?: string; creates?: boolean } = {}): Promise<string> {
    const current = session ?? (await login());
    const call = (s: Session) => channelFetch(`${base}/xrpc/${nsid}${options.query ? `?${new URLSearchParams(options.query)}` : ''}`, {
      method,
      headers: { authorization: `Bearer ${s.accessJwt}`, ...(options.json !== undefined ? { 'content-type': 'application/json' } : options.mime ? { 'content-type': options.mime } : {}) },
      body: options.json !== undefined ? JSON.stringify(options.json) : options.bytes,
      timeoutMs: TIMEOUT_MS, creates: options.creates ?? false, now,
    });
    try {
      return (await call(current)).text;
    } catch (error) {
      if (error instanceof ChannelError && error.status === 400 && /ExpiredToken/.test(error.message)) return (await call(await refresh())).text;
      throw error;
    }
  }

  async function resolveHandle(handle: string): Promise<string | null> {
    try {
      return parseJson<{ did: string }>(await xrpc('GET', 'com.atproto.identity.resolveHandle', { query: { handle } }), 'resolveHandle').did;
    } catch (error) {
      if (error instanceof ChannelError && error.kind === 'rejected') return null;
      throw error;
    }
  }

  const postUrl = (s: Session, rkey: string) => `https://bsky.app/profile/${s.handle}/post/${rkey}`;

  async function getRecord(repo: string, rkey: string): Promise<{ uri: string; cid: string; value: { reply?: { root: { uri: string; cid: string } } } } | null> {
    try {
      return parseJson(await xrpc('GET', 'com.atproto.repo.getRecord', { query: { repo, collection: 'app.bsky.feed.post', rkey } }), 'getRecord');
    } catch (error) {
      if (error instanceof ChannelError && error.status === 400 && /RecordNotFound|Could not locate record/i.test(error.message)) return null;
      throw error;
    }
  }

  async function replyRef(parentUri: string) {
    const m = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/]+)$/.exec(parentUri);
    if (!m) throw new ChannelError('rejected', `Not a Bluesky post to reply to: ${parentUri}`);
    const parent = await getRecord(m[1]!, m[2]!);
    if (!parent) throw new ChannelError('rejected', `The post to reply to no longer exists: ${parentUri}`);
    const parentRef = { uri: parent.uri, cid: parent.cid };
    return { root: parent.value.reply?.root ?? parentRef, parent: parentRef };
  }

  return {
    network: 'bluesky',
    limits: { maxLength: 300, maxMedia: 4, maxMediaBytes: 1_000_000, mediaTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] },
    async verify() {
      return { handle: (await login()).handle };
    },

    async publish(post: OutgoingPost) {
      if (countGraphemes(post.text) > 300) throw new ChannelError('rejected', `The text has ${countGraphemes(post.text)} graphemes; Bluesky allows 300.`);
      const s = session ?? (await login());
      const images = [];
      for (const item of post.media) {
        // A blob uploaded twice is the same content-addressed blob: not ambiguous.
        const { blob } = parseJson<{ blob: unknown }>(await xrpc('POST', 'com.atproto.repo.uploadBlob', { bytes: item.data, mime: item.mime }), 'uploadBlob');
        images.push({ alt: item.alt ?? '', image: blob });
      }
      const rkey = tidFor(post.dueAt, post.idempotencyKey);
      const record = {
        $type: 'app.bsky.feed.post', text: post.text, createdAt: new Date(now()).toISOString(),
        facets: await facetsOf(post.text, resolveHandle),
        ...(post.lang ? { langs: [post.lang] } : {}),
        ...(images.length ? { embed: { $type: 'app.bsky.embed.images', images } } : {}),
        ...(post.inReplyTo ? { reply: await replyRef(post.inReplyTo) } : {}),
        ...(post.contentWarning ? { labels: { $type: 'com.atproto.label.defs#selfLabels', values: [{ val: 'graphic-media' }] } } : {}),
      };
      try {
        const created = parseJson<{ uri: string }>(await xrpc('POST', 'com.atproto.repo.createRecord', { json: { repo: s.did, collection: 'app.bsky.feed.post', rkey, record }, creates: true }), 'createRecord');
        return { remoteId: created.uri, remoteUrl: postUrl(s, rkey) };
      } catch (error) {
        // The same key twice: the first write went through.
        if (error instanceof ChannelError && error.status === 400 && /already exists/i.test(error.message)) {
          return { remoteId: `at://${s.did}/app.bsky.feed.post/${rkey}`, remoteUrl: postUrl(s, rkey) };
        }
        throw error;
      }
    },

    async find(post) {
      const s = session ?? (await login());
      const rkey = tidFor(post.dueAt, post.idempotencyKey);
      const found = await getRecord(s.did, rkey);
      return found ? { remoteId: found.uri, remoteUrl: postUrl(s, rkey) } : null;
    },

    async delete(remoteId) {
      const s = session ?? (await login());
      const rkey = remoteId.split('/').pop()!;
      await xrpc('POST', 'com.atproto.repo.deleteRecord', { json: { repo: s.did, collection: 'app.bsky.feed.post', rkey } });
    },

    async metrics(remoteId) {
      const { posts } = parseJson<{ posts: Array<{ likeCount?: number; repostCount?: number; replyCount?: number }> }>(await xrpc('GET', 'app.bsky.feed.getPosts', { query: { uris: remoteId } }), 'getPosts');
      const p = posts[0];
      if (!p) throw new ChannelError('rejected', `No such post: ${remoteId}`);
      return { likes: p.likeCount ?? 0, shares: p.repostCount ?? 0, replies: p.replyCount ?? 0 };
    },
  };
}

// Mastodon channel: statuses with media, visibility and content warnings, over the documented REST
// API (docs.joinmastodon.org/methods/statuses, /methods/media, /methods/accounts):
//   GET  /api/v1/accounts/verify_credentials        the token's account
//   POST /api/v2/media (multipart: file, description) → { id }   (202 while processing)
//   POST /api/v1/statuses { status, media_ids[], spoiler_text, visibility, in_reply_to_id, language }
//        with an Idempotency-Key header: Mastodon returns the same status for the same key (kept
//        an hour), so a retry with the key never makes a second status.
//   GET  /api/v1/accounts/:id/statuses?limit=40    to find a status after an ambiguous failure
//   DELETE /api/v1/statuses/:id ; GET /api/v1/statuses/:id (metrics)
import { channelFetch, ChannelError, parseJson, type ChannelClient, type OutgoingPost, type PublishedPost } from './channel.ts';

export interface MastodonConfig {
  /** https://mastodon.example */
  instanceUrl: string;
  /** The instance's limit (configuration.statuses.max_characters), 500 by default. */
  maxCharacters?: number;
  /** Deadline of one request (default 30 s). */
  timeoutMs?: number;
}

interface Status { id: string; url: string | null; uri: string; content: string; favourites_count: number; reblogs_count: number; replies_count: number }


/** Status HTML back to the text we sent, to compare (Mastodon wraps paragraphs and links). */
export function statusText(html: string): string {
  return html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/p>\s*<p>/gi, '\n\n').replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim();
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

export function mastodonChannel(config: MastodonConfig, secrets: { accessToken: string }, now: () => number = Date.now): ChannelClient {
  const base = config.instanceUrl.replace(/\/+$/, '');
  const TIMEOUT_MS = config.timeoutMs ?? 30_000;
  const auth = { authorization: `Bearer ${secrets.accessToken}` };
  let accountId: string | null = null;

  async function verify(): Promise<{ handle: string; id: string }> {
    const { text } = await channelFetch(`${base}/api/v1/accounts/verify_credentials`, { headers: auth, timeoutMs: TIMEOUT_MS, creates: false, now });
    const account = parseJson<{ id: string; acct: string }>(text, 'verify_credentials');
    accountId = account.id;
    return { handle: `@${account.acct}@${new URL(base).host}`, id: account.id };
  }

  async function uploadMedia(post: OutgoingPost): Promise<string[]> {
    const ids: string[] = [];
    for (const [index, item] of post.media.entries()) {
      const form = new FormData();
      form.append('file', new Blob([item.data], { type: item.mime }), `media-${index}`);
      if (item.alt) form.append('description', item.alt);
      // Uploading twice only leaves an unattached media, which Mastodon deletes: not ambiguous.
      const { text } = await channelFetch(`${base}/api/v2/media`, { method: 'POST', headers: auth, body: form, timeoutMs: 120_000, creates: false, now });
      ids.push(parseJson<{ id: string }>(text, 'media upload').id);
    }
    return ids;
  }

  return {
    network: 'mastodon',
    limits: { maxLength: config.maxCharacters ?? 500, maxMedia: 4, maxMediaBytes: 16 * 1024 * 1024, mediaTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'video/mp4'] },
    verify: async () => ({ handle: (await verify()).handle }),

    async publish(post): Promise<PublishedPost> {
      const mediaIds = await uploadMedia(post);
      const body = {
        status: post.text, media_ids: mediaIds, visibility: post.visibility,
        ...(post.contentWarning ? { spoiler_text: post.contentWarning, sensitive: true } : {}),
        ...(post.inReplyTo ? { in_reply_to_id: post.inReplyTo } : {}),
        ...(post.lang ? { language: post.lang } : {}),
      };
      const { text } = await channelFetch(`${base}/api/v1/statuses`, {
        method: 'POST', headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': post.idempotencyKey }, body: JSON.stringify(body), timeoutMs: TIMEOUT_MS, creates: true, now,
      });
      const status = parseJson<Status>(text, 'the new status');
      return { remoteId: status.id, remoteUrl: status.url ?? status.uri };
    },

    async find(post) {
      const id = accountId ?? (await verify()).id;
      const { text } = await channelFetch(`${base}/api/v1/accounts/${encodeURIComponent(id)}/statuses?limit=40&exclude_reblogs=true`, { headers: auth, timeoutMs: TIMEOUT_MS, creates: false, now });
      const statuses = parseJson<Status[]>(text, 'the account statuses');
      const wanted = normalise(post.text);
      const found = statuses.find((s) => normalise(statusText(s.content)) === wanted);
      return found ? { remoteId: found.id, remoteUrl: found.url ?? found.uri } : null;
    },

    async delete(remoteId) {
      try {
        await channelFetch(`${base}/api/v1/statuses/${encodeURIComponent(remoteId)}`, { method: 'DELETE', headers: auth, timeoutMs: TIMEOUT_MS, creates: false, now });
      } catch (error) {
        if (error instanceof ChannelError && error.status === 404) return; // already gone
        throw error;
      }
    },

    async metrics(remoteId) {
      const { text } = await channelFetch(`${base}/api/v1/statuses/${encodeURIComponent(remoteId)}`, { headers: auth, timeoutMs: TIMEOUT_MS, creates: false, now });
      const status = parseJson<Status>(text, 'the status');
      return { likes: status.favourites_count, shares: status.reblogs_count, replies: status.replies_count };
    },
  };
}

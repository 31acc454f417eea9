// Webhook channel: relais POSTs each post as JSON to a URL the workspace controls (its own CMS,
// Zapier-like tools, an intranet). The body carries the idempotency key and the request is
// signed (X-Relais-Signature: sha256=<HMAC of "<timestamp>.<body>"> with the channel's secret,
// X-Relais-Timestamp), so the receiver can verify it, refuse replays and drop duplicates.
// A 2xx answer is success; its JSON { id, url } (optional) names the post.
import { createHmac } from 'node:crypto';
import { channelFetch, ChannelError, type ChannelClient } from './channel.ts';

export interface WebhookConfig { url: string }

export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function webhookChannel(config: WebhookConfig, secrets: { signingSecret: string }, now: () => number = Date.now): ChannelClient {
  async function send(event: string, payload: Record<string, unknown>, creates: boolean) {
    const body = JSON.stringify({ event, ...payload });
    const timestamp = String(Math.floor(now() / 1000));
    return channelFetch(config.url, {
      method: 'POST', body, timeoutMs: 30_000, creates, now,
      headers: { 'content-type': 'application/json', 'x-relais-event': event, 'x-relais-timestamp': timestamp, 'x-relais-signature': signWebhook(secrets.signingSecret, timestamp, body) },
    });
  }
  return {
    network: 'webhook',
    limits: { maxLength: 100_000, maxMedia: 10, maxMediaBytes: 5 * 1024 * 1024, mediaTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] },
    async verify() {
      await send('ping', {}, false);
      return { handle: new URL(config.url).host };
    },
    async publish(post) {
      const { text } = await send('post.publish', {
        idempotencyKey: post.idempotencyKey, text: post.text, contentWarning: post.contentWarning, visibility: post.visibility, dueAt: new Date(post.dueAt).toISOString(), inReplyTo: post.inReplyTo, lang: post.lang,
        media: post.media.map((m) => ({ mime: m.mime, alt: m.alt, base64: Buffer.from(m.data).toString('base64') })),
      }, true);
      let answer: { id?: unknown; url?: unknown } = {};
      try {
        answer = text ? (JSON.parse(text) as typeof answer) : {};
      } catch {
        // A 2xx without JSON is still a success: the key names the post.
      }
      return { remoteId: typeof answer.id === 'string' || typeof answer.id === 'number' ? String(answer.id) : post.idempotencyKey, remoteUrl: typeof answer.url === 'string' ? answer.url : null };
    },
    // The receiver deduplicates by key (the contract it signs up to), so re-sending is the check.
    async find() {
      return null;
    },
    async delete(remoteId) {
      await send('post.delete', { remoteId }, false);
    },
    async metrics() {
      throw new ChannelError('rejected', 'A webhook channel has no metrics.');
    },
  };
}

// The workspace's outbound feed as a channel: "publishing" to it adds the post to an Atom 1.0
// feed relais serves itself (/feeds/<workspace>/<channel>.atom), which readers, planets and
// other tools subscribe to. Nothing leaves relais, so nothing is ambiguous: the stored target
// is the feed entry, its idempotency key the entry's id.
import type { ChannelClient } from './channel.ts';

export function feedChannel(): ChannelClient {
  return {
    network: 'feed',
    limits: { maxLength: 100_000, maxMedia: 0, maxMediaBytes: 0, mediaTypes: [] },
    verify: async () => ({ handle: 'feed' }),
    publish: async (post) => ({ remoteId: post.idempotencyKey, remoteUrl: null }),
    find: async () => null,
    delete: async () => undefined,
    metrics: async () => ({ likes: 0, shares: 0, replies: 0 }),
  };
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface FeedEntry { id: string; text: string; link: string | null; publishedAt: number }

/** An Atom 1.0 document (RFC 4287) for the entries, newest first. */
export function atomFeed(feed: { id: string; title: string; selfUrl: string; updated: number }, entries: readonly FeedEntry[]): string {
  const items = entries.map((e) => {
    const title = e.text.split('\n')[0]!.slice(0, 120);
    return [
      '  <entry>',
      `    <id>urn:relais:${escape(e.id)}</id>`,
      `    <title>${escape(title)}</title>`,
      `    <updated>${new Date(e.publishedAt).toISOString()}</updated>`,
      `    <published>${new Date(e.publishedAt).toISOString()}</published>`,
      e.link ? `    <link rel="alternate" href="${escape(e.link)}"/>` : null,
      `    <content type="text">${escape(e.text)}</content>`,
      '  </entry>',
    ].filter(Boolean).join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escape(feed.id)}</id>`,
    `  <title>${escape(feed.title)}</title>`,
    `  <updated>${new Date(feed.updated).toISOString()}</updated>`,
    `  <link rel="self" href="${escape(feed.selfUrl)}"/>`,
    '  <author><name>relais</name></author>',
    ...items,
    '</feed>',
    '',
  ].join('\n');
}

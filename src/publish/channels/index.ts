// A channel row → the client that talks to its network.
import { RelaisError } from '../../platform/errors.ts';
import { blueskyChannel } from './bluesky.ts';
import type { ChannelClient } from './channel.ts';
import { mastodonChannel } from './mastodon.ts';
import { webhookChannel } from './webhook.ts';
import { feedChannel } from './feed.ts';

export const CHANNEL_NETWORKS = ['mastodon', 'bluesky', 'webhook', 'feed'] as const;
export type ChannelNetwork = (typeof CHANNEL_NETWORKS)[number];

export interface ChannelRow {
  id: number;
  network: string;
  config: string;
  secrets: string;
}

function json(text: string, what: string): Record<string, string | number | undefined> {
  try {
    return JSON.parse(text) as Record<string, string | number | undefined>;
  } catch {
    throw new RelaisError('RELAIS_INTERNAL', `The ${what} of a channel is not JSON.`);
  }
}

/** Which config and secret fields each network needs, for messages that name the missing one. */
export const CHANNEL_FIELDS: Record<ChannelNetwork, { config: readonly string[]; secrets: readonly string[] }> = {
  mastodon: { config: ['instanceUrl'], secrets: ['accessToken'] },
  bluesky: { config: ['identifier'], secrets: ['appPassword'] },
  webhook: { config: ['url'], secrets: ['signingSecret'] },
  feed: { config: [], secrets: [] },
};

export function channelClient(row: ChannelRow, now: () => number = Date.now): ChannelClient {
  const config = json(row.config, 'config');
  const secrets = json(row.secrets, 'secrets');
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  switch (row.network) {
    case 'mastodon':
      return mastodonChannel({ instanceUrl: text(config.instanceUrl), maxCharacters: typeof config.maxCharacters === 'number' ? config.maxCharacters : undefined }, { accessToken: text(secrets.accessToken) }, now);
    case 'bluesky':
      return blueskyChannel({ serviceUrl: text(config.serviceUrl) || 'https://bsky.social', identifier: text(config.identifier) }, { appPassword: text(secrets.appPassword) }, now);
    case 'webhook':
      return webhookChannel({ url: text(config.url) }, { signingSecret: text(secrets.signingSecret) }, now);
    case 'feed':
      return feedChannel();
    default:
      throw new RelaisError('RELAIS_REQUEST_INVALID', `Unknown channel network "${row.network}".`, { field: 'network' });
  }
}

// Publish's shapes, as the API describes them (api/schema.d.ts, generated from the server).
import type { components, paths } from '../api/schema.d.ts';

export type Post = components['schemas']['Post'];
export type Channel = components['schemas']['Channel'];
export type ChannelInput = components['schemas']['ChannelInput'];
export type Attempt = components['schemas']['PostAttempt'];
export type ShortLink = components['schemas']['ShortLink'];
export type RecyclePreview = components['schemas']['RecyclePreview'];
export type RecycleRulesInput = NonNullable<paths['/api/v1/w/{workspace}/recycle/preview']['post']['requestBody']>['content']['application/json']['rules'];
export type PostDetail = Post & { attempts: Attempt[] };

export const PUBLISH_TABS = ['calendar', 'compose', 'channels', 'recycling', 'links'] as const;
export type PublishTab = (typeof PUBLISH_TABS)[number];

export function isPublishTab(value: string | null): value is PublishTab {
  return (PUBLISH_TABS as readonly string[]).includes(value ?? '');
}

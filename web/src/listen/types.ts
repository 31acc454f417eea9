// Listen's shapes, as the API describes them (api/schema.d.ts, generated from the server).
import { ApiError } from '../api/client.ts';
import type { components, paths } from '../api/schema.d.ts';

export type Topic = components['schemas']['Topic'];
export type Mention = components['schemas']['Mention'];
export type MentionFilters = NonNullable<paths['/api/v1/w/{workspace}/mentions']['get']['parameters']['query']>;
export type SourceType = NonNullable<MentionFilters['source']>;
export type IngestLogEntry =
  paths['/api/v1/w/{workspace}/ingest-log']['get']['responses'][200]['content']['application/json']['entries'][number];

/** The source types, in the order the filter offers them (the API's enum). */
export const SOURCE_TYPES = ['news', 'blog', 'forum', 'microblog', 'social', 'review', 'video'] as const satisfies readonly SourceType[];

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export function isSourceType(value: string): value is SourceType {
  return (SOURCE_TYPES as readonly string[]).includes(value);
}

export function isSentiment(value: string | null): value is Sentiment {
  return value !== null && (SENTIMENTS as readonly string[]).includes(value);
}

/** A topic query the API refused: what is wrong, where (0-based offset and length), what to do. */
export interface QueryFault {
  message: string;
  hint: string | null;
  position: number;
  length: number;
}

/** The fault in a RELAIS_TOPIC_QUERY_INVALID error, or null for any other error. */
export function queryFault(error: unknown): QueryFault | null {
  if (!(error instanceof ApiError) || error.code !== 'RELAIS_TOPIC_QUERY_INVALID') return null;
  const { position, length, hint } = error.details;
  return {
    message: error.message,
    hint: typeof hint === 'string' ? hint : null,
    position: typeof position === 'number' ? position : 0,
    length: typeof length === 'number' ? length : 0,
  };
}

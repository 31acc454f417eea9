// Listen's shapes at the HTTP edge: zod schemas that validate requests and document the API.
import { z } from '@hono/zod-openapi';
import { SOURCE_TYPES } from './model.ts';

const MAX_TEXT = 100_000;

export const MentionInputSchema = z
  .object({
    network: z.string().min(1).max(64),
    networkId: z.string().min(1).max(512).nullable().default(null),
    sourceType: z.enum(SOURCE_TYPES),
    url: z.string().url().max(4096).nullable().default(null),
    author: z
      .object({
        handle: z.string().min(1).max(512),
        displayName: z.string().max(512).nullish(),
        followers: z.number().int().min(0).nullish(),
        following: z.number().int().min(0).nullish(),
        location: z.string().max(512).nullish(),
        profileUrl: z.string().max(4096).nullish(),
        bio: z.string().max(10_000).nullish(),
      })
      .nullable()
      .default(null),
    publishedAt: z.union([z.number().int(), z.string().datetime({ offset: true })]).transform((v) => (typeof v === 'number' ? v : Date.parse(v))),
    title: z.string().max(2000).nullable().default(null),
    text: z.string().max(MAX_TEXT),
    lang: z.string().min(2).max(16).nullable().default(null),
    links: z.array(z.string().max(4096)).max(200).default([]),
    hashtags: z.array(z.string().max(280)).max(200).default([]),
    mentioned: z.array(z.string().max(512)).max(200).default([]),
    replyTo: z.string().max(4096).nullable().default(null),
    quoteOf: z.string().max(4096).nullable().default(null),
    reshareOf: z.string().max(4096).nullable().default(null),
    engagement: z
      .object({ likes: z.number().int().min(0).optional(), shares: z.number().int().min(0).optional(), replies: z.number().int().min(0).optional(), views: z.number().int().min(0).optional() })
      .default({}),
    raw: z.unknown().optional(),
  })
  .openapi('MentionInput');

export const IngestBatchSchema = z
  .object({ mentions: z.array(z.unknown()).min(1).max(10_000).openapi({ description: 'Up to 10,000 MentionInput objects; each is checked on its own.' }) })
  .openapi('IngestBatch');

export const IngestResultSchema = z
  .object({
    received: z.number(),
    inserted: z.number(),
    duplicates: z.number(),
    rejected: z.array(z.object({ index: z.number(), field: z.string(), message: z.string() })),
    topicMatches: z.record(z.string(), z.number()),
  })
  .openapi('IngestResult');

export const TopicSchema = z
  .object({ id: z.number(), name: z.string(), query: z.string(), createdAt: z.number(), backfilledAt: z.number().nullable(), mentions: z.number() })
  .openapi('Topic');

export const TopicInputSchema = z.object({ name: z.string().min(1).max(200), query: z.string().min(1).max(10_000) }).openapi('TopicInput');

export const MentionSchema = z
  .object({
    id: z.number(),
    network: z.string(),
    sourceType: z.string(),
    url: z.string().nullable(),
    publishedAt: z.number(),
    title: z.string().nullable(),
    text: z.string(),
    lang: z.string().nullable(),
    sentiment: z.string().nullable(),
    hashtags: z.array(z.string()),
    author: z.object({ id: z.number(), handle: z.string(), displayName: z.string().nullable(), followers: z.number(), country: z.string().nullable() }).nullable(),
  })
  .openapi('Mention');

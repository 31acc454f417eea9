// Publish's zod schemas at the HTTP edge (and for the CLI's JSON input).
import { z } from '@hono/zod-openapi';
import { DEFAULT_RULES } from './recycle/rules.ts';

const words = z.array(z.string().min(1).max(100)).max(200);

export const RecycleRulesSchema = z.object({
  minAgeDays: z.number().min(0).max(36500).default(DEFAULT_RULES.minAgeDays),
  maxAgeDays: z.number().min(0).max(36500).nullable().default(DEFAULT_RULES.maxAgeDays),
  includeCategories: words.default([]),
  excludeCategories: words.default([]),
  includeTags: words.default([]),
  excludeTags: words.default([]),
  excludedArticles: z.array(z.number().int().positive()).max(10_000).default([]),
  hashtags: z.object({
    from: z.enum(['none', 'categories', 'tags', 'custom']).default(DEFAULT_RULES.hashtags.from),
    custom: z.record(z.string().min(1).max(100), z.string().min(1).max(100)).default({}),
    max: z.number().int().min(0).max(30).default(DEFAULT_RULES.hashtags.max),
    maxLength: z.number().int().min(1).max(100).default(DEFAULT_RULES.hashtags.maxLength),
  }).default(DEFAULT_RULES.hashtags),
  prefix: z.string().max(500).default(''),
  suffix: z.string().max(500).default(''),
  variants: z.array(z.string().min(1).max(5000)).max(50).default([]),
  variantOrder: z.enum(['random', 'in-order']).default(DEFAULT_RULES.variantOrder),
  includeLink: z.boolean().default(DEFAULT_RULES.includeLink),
  shortLink: z.boolean().default(DEFAULT_RULES.shortLink),
  utm: z.object({ campaign: z.string().min(1).max(100), medium: z.string().min(1).max(100) }).nullable().default(null),
  postsPerRun: z.number().int().min(1).max(20).default(DEFAULT_RULES.postsPerRun),
  intervalHours: z.number().min(0.25).max(24 * 365).default(DEFAULT_RULES.intervalHours),
  spreadMinutes: z.number().min(0).max(24 * 60).default(DEFAULT_RULES.spreadMinutes),
  whenExhausted: z.enum(['repeat', 'stop']).default(DEFAULT_RULES.whenExhausted),
  order: z.enum(['oldest', 'random']).default(DEFAULT_RULES.order),
  repeatAfterDays: z.number().min(0).max(36500).default(DEFAULT_RULES.repeatAfterDays),
  pace: z.enum(['auto', 'rules']).default(DEFAULT_RULES.pace),
}).refine((r) => r.maxAgeDays === null || r.maxAgeDays >= r.minAgeDays, { message: 'maxAgeDays must be at least minAgeDays', path: ['maxAgeDays'] })
  .openapi('RecycleRules');

export const NETWORKS = ['mastodon', 'bluesky', 'x', 'webhook', 'feed'] as const;

export const RecyclePreviewSchema = z.object({
  usualPerDay: z.number().openapi({ description: 'Posts a day the brand usually makes (last 30 days)' }),
  intervalHours: z.number().openapi({ description: 'Hours between runs: the rules, stretched to the pace' }),
  poolSize: z.number().int(),
  stopped: z.enum(['empty-pool', 'exhausted']).nullable(),
  shares: z.array(z.object({
    at: z.number().int(),
    articleId: z.number().int(),
    title: z.string(),
    url: z.string(),
    cycle: z.number().int(),
    text: z.string(),
    length: z.number().int(),
    limit: z.number().int(),
    over: z.boolean(),
  })),
  excluded: z.array(z.object({ articleId: z.number().int(), title: z.string(), reason: z.string() })).openapi({ description: 'Articles left out now, with why' }),
}).openapi('RecyclePreview');

export const ShortLinkInputSchema = z.object({
  url: z.string().min(1).max(4000),
  utm: z.object({ source: z.string().max(100).optional(), medium: z.string().max(100).optional(), campaign: z.string().max(100).optional(), content: z.string().max(100).optional() }).nullable().optional(),
  postId: z.number().int().positive().nullable().optional(),
  channelId: z.number().int().positive().nullable().optional(),
  advocateId: z.number().int().positive().nullable().optional(),
}).openapi('ShortLinkInput');

export const ShortLinkSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  path: z.string().openapi({ example: '/s/Ab3dE9xY' }),
  url: z.string(),
  postId: z.number().int().nullable(),
  channelId: z.number().int().nullable(),
  advocateId: z.number().int().nullable(),
  createdAt: z.number().int(),
  clicks: z.number().int(),
  visitors: z.number().int(),
  lastClickAt: z.number().int().nullable(),
}).openapi('ShortLink');

export const ChannelInputSchema = z.object({
  network: z.enum(['mastodon', 'bluesky', 'webhook', 'feed']),
  name: z.string().min(1).max(100),
  config: z.record(z.string(), z.union([z.string().max(2000), z.number()])).openapi({ description: 'mastodon: instanceUrl (maxCharacters); bluesky: identifier (serviceUrl); webhook: url; feed: none' }),
  secrets: z.record(z.string(), z.string().max(5000)).openapi({ description: 'mastodon: accessToken; bluesky: appPassword; webhook: signingSecret. Never returned.' }),
  ratePerHour: z.number().int().min(1).max(10_000).optional(),
  timeZone: z.string().max(64).optional(),
  slots: z.array(z.object({ day: z.number().int().min(0).max(6), time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/) })).max(200).optional(),
  verify: z.boolean().default(true).openapi({ description: 'Check the credentials with the network before saving' }),
}).openapi('ChannelInput');

export const ChannelSchema = z.object({
  id: z.number().int(),
  network: z.string(),
  name: z.string(),
  handle: z.string().nullable(),
  config: z.record(z.string(), z.unknown()),
  status: z.string(),
  statusReason: z.string().nullable(),
  ratePerHour: z.number().int(),
  timeZone: z.string(),
  slots: z.array(z.object({ day: z.number().int(), time: z.string() })),
  createdAt: z.number().int(),
  ownerId: z.number().int().nullable().openapi({ description: 'The member whose own account this is (advocacy); null for the brand\'s' }),
}).openapi('Channel');

export const PostInputSchema = z.object({
  text: z.string().max(100_000),
  targets: z.array(z.object({ channelId: z.number().int().positive(), text: z.string().max(100_000).nullable().optional() })).min(1).max(50),
  dueAt: z.number().int().nullable().openapi({ description: 'Epoch ms; null keeps a draft' }),
  timeZone: z.string().max(64).optional(),
  linkUrl: z.string().max(4000).nullable().optional(),
  contentWarning: z.string().max(500).nullable().optional(),
  visibility: z.enum(['public', 'unlisted', 'private']).optional(),
  media: z.array(z.object({ url: z.string().url().max(4000), alt: z.string().max(1500).nullable(), mime: z.string().max(100), bytes: z.number().int().min(0) })).max(10).optional(),
}).openapi('PostInput');

export const PostSchema = z.object({
  id: z.number().int(),
  status: z.string(),
  text: z.string(),
  dueAt: z.number().int().nullable(),
  timeZone: z.string(),
  origin: z.string(),
  articleId: z.number().int().nullable(),
  contentWarning: z.string().nullable(),
  visibility: z.string(),
  linkUrl: z.string().nullable(),
  createdAt: z.number().int(),
  targets: z.array(z.object({
    id: z.number().int(), channelId: z.number().int(), channelName: z.string(), network: z.string(), text: z.string(), status: z.string(), remoteUrl: z.string().nullable(),
    attempts: z.number().int(), nextAttemptAt: z.number().int().nullable(), lastError: z.string().nullable(), publishedAt: z.number().int().nullable(),
  })),
}).openapi('Post');

export const AttemptSchema = z.object({
  id: z.number().int(), targetId: z.number().int(), at: z.number().int(), outcome: z.string(), httpStatus: z.number().int().nullable(), message: z.string().nullable(), durationMs: z.number().int(),
}).openapi('PostAttempt');

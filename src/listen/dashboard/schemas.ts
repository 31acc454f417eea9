// The dashboard's shapes over HTTP (zod → OpenAPI → the web app's typed client).
import { z } from '@hono/zod-openapi';

const Counts = z.record(z.string(), z.number());
const Series = z.record(z.string(), z.array(z.number()));
const KeyCount = z.object({ key: z.string(), count: z.number() });
const TermCount = z.object({ term: z.string(), count: z.number() });
const Keyword = z.object({ term: z.string(), count: z.number(), share: z.number(), keyness: z.number().nullable() });
const Author = z
  .object({
    id: z.number(),
    handle: z.string(),
    displayName: z.string().nullable(),
    network: z.string(),
    profileUrl: z.string().nullable(),
    country: z.string().nullable(),
    kind: z.string(),
    followers: z.number(),
    mentions: z.number(),
    engagement: z.number().openapi({ description: 'likes + shares + replies of their mentions in the period' }),
  })
  .openapi('DashboardAuthor');
const DayFigure = z.object({ count: z.number(), baseline: z.number().nullable(), factor: z.number().nullable(), z: z.number().nullable(), burst: z.boolean() });
const SentimentKeys = { positive: z.number(), neutral: z.number(), negative: z.number(), unscored: z.number() };

export const DashboardSchema = z
  .object({
    topic: z.object({ id: z.number(), name: z.string(), query: z.string() }).nullable(),
    from: z.number(),
    to: z.number(),
    total: z.number(),
    reach: z.number().openapi({ description: "Sum of the authors' followers over the mentions (potential impressions)" }),
    authorsCount: z.number(),
    bySource: Counts,
    volume: z.object({ bucket: z.enum(['day', 'hour']), at: z.array(z.number()), bySource: Series }),
    daily: z.object({
      at: z.array(z.number()),
      bySource: Series,
      buzz: z.array(
        z.object({
          sourceType: z.string(),
          total: z.number(),
          peak: z.object({ at: z.number(), count: z.number(), baseline: z.number().nullable(), factor: z.number().nullable() }).nullable(),
          burstDays: z.array(z.number()),
          days: z.array(DayFigure),
        }),
      ),
      marks: z.array(z.object({ at: z.number(), sourceType: z.string(), count: z.number(), baseline: z.number().nullable(), factor: z.number().nullable(), z: z.number().nullable() })),
    }),
    sentiment: z.object({ split: z.object(SentimentKeys), daily: z.object({ positive: z.array(z.number()), neutral: z.array(z.number()), negative: z.array(z.number()), unscored: z.array(z.number()) }) }),
    countries: z.array(KeyCount).openapi({ description: "ISO 3166-1 alpha-2 of the author's country, or 'unknown'" }),
    languages: z.array(KeyCount),
    gender: z.object({ f: z.number(), m: z.number(), unknown: z.number(), organisation: z.number() }).openapi({ description: 'Mentions by the gender inferred for their author; organisations and media apart' }),
    authors: z.object({ byVolume: z.array(Author), byReach: z.array(Author), byEngagement: z.array(Author) }),
    hashtags: z.array(TermCount),
    handles: z.array(TermCount),
    sites: z.array(TermCount),
    terms: z.object({ sampled: z.number(), keywords: z.array(Keyword), phrases: z.array(Keyword), names: z.array(Keyword) }),
    shareOfVoice: z.object({ at: z.array(z.number()), topics: z.array(z.object({ id: z.number(), name: z.string(), total: z.number(), share: z.number(), daily: z.array(z.number()) })) }),
  })
  .openapi('Dashboard');

export const LiveSchema = z
  .object({
    now: z.number(),
    lastMinute: z.object({ total: z.number(), byNetwork: Counts }),
    perMinute: z.object({ at: z.array(z.number()), byNetwork: Series }),
  })
  .openapi('LiveView');

export const PeriodQuery = z.object({
  topic: z.coerce.number().int().positive().optional().openapi({ description: 'A topic id; absent: the whole workspace' }),
  from: z.coerce.number().int().optional().openapi({ description: 'Epoch ms, inclusive; default: 60 days before `to`' }),
  to: z.coerce.number().int().optional().openapi({ description: "Epoch ms, exclusive; default: the end of the day of the workspace's last mention" }),
});

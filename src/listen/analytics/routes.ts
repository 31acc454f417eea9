// Listen's analytics over HTTP: volume per day or hour by source type, with each day's
// baseline, spike factor and bursts, and the hours a buzz started (spikes.ts).
import { createRoute, z } from '@hono/zod-openapi';
import type { CapabilityContext } from '../../platform/capability.ts';
import { RelaisError } from '../../platform/errors.ts';
import { jsonResponse, WorkspaceParam } from '../../platform/http/schemas.ts';
import { findTopic } from '../topics.ts';
import { buzzBySource, hourlySpikes, SPIKE_PARAMETERS, withSpikes } from './buzz.ts';
import { BUCKET_MS, firstMentionAt, toSeries, volumeBySource } from './volume.ts';

const HISTORY_DAYS = 28;
const MAX_BUCKETS = 24 * 120;
/** Spike marks read at most this many days of hourly counts (history included). */
const SPIKE_DAYS = 200;

const DayFigureSchema = z.object({ count: z.number(), baseline: z.number().nullable(), factor: z.number().nullable(), z: z.number().nullable(), burst: z.boolean() });
const VolumeSchema = z
  .object({
    bucket: z.enum(['day', 'hour']),
    at: z.array(z.number()),
    bySource: z.record(z.string(), z.array(z.number())),
    buzz: z
      .array(
        z.object({
          sourceType: z.string(),
          total: z.number(),
          peak: z.object({ at: z.number(), count: z.number(), baseline: z.number().nullable(), factor: z.number().nullable() }).nullable(),
          burstDays: z.array(z.number()),
          days: z.array(DayFigureSchema),
          spikes: z
            .array(z.object({ at: z.number(), count: z.number(), expected: z.number(), score: z.number() }))
            .openapi({ description: 'Hours (UTC starts) where a buzz started, flagged by the streaming spike detector from the hours before each' }),
          spikeDays: z.array(z.number()).openapi({ description: 'UTC days holding a spike mark' }),
        }),
      )
      .openapi({ description: 'Daily figures per source type ("all" first), whatever the bucket' }),
    spikeParameters: z
      .object({ method: z.string(), season: z.number(), threshold: z.number(), minCount: z.number(), quietHoursAfterMark: z.number() })
      .openapi({ description: 'How the spike marks are computed' }),
  })
  .openapi('Volume');

export function registerAnalyticsRoutes(ctx: CapabilityContext): void {
  ctx.api.route(
    'viewer',
    createRoute({
      method: 'get',
      path: '/api/v1/w/{workspace}/analytics/volume',
      tags: ['listen'],
      summary: 'Mentions per day or hour by source type, with baselines, spike factors and bursts',
      description: `Days are UTC. Each day is compared with the median of the same weekday over the previous 4 weeks (${HISTORY_DAYS} days of history are read before \`from\`). Spike marks come from the hourly counts (at most the last ${SPIKE_DAYS} days, history included), each hour judged only from the hours before it.`,
      request: {
        params: WorkspaceParam,
        query: z.object({
          topic: z.coerce.number().int().positive().optional(),
          from: z.coerce.number().int(),
          to: z.coerce.number().int(),
          bucket: z.enum(['day', 'hour']).default('day'),
        }),
      },
      responses: { 200: jsonResponse(VolumeSchema, 'The series') },
    }),
    async (c) => {
      const workspace = c.get('workspace')!;
      const q = c.req.valid('query');
      if (q.to <= q.from) throw new RelaisError('RELAIS_REQUEST_INVALID', '`to` must come after `from`.', { field: 'query.to' });
      if ((q.to - q.from) / BUCKET_MS[q.bucket] > MAX_BUCKETS) throw new RelaisError('RELAIS_REQUEST_INVALID', `At most ${MAX_BUCKETS} buckets: choose a shorter period or daily buckets.`, { field: 'query.bucket' });
      if (q.topic !== undefined) await findTopic(ctx.db, workspace.id, q.topic);
      const dayMs = BUCKET_MS.day;
      const historyFrom = Math.floor(q.from / dayMs) * dayMs - HISTORY_DAYS * dayMs;
      const hourlyFrom = Math.max(historyFrom, Math.floor(q.to / dayMs) * dayMs - SPIKE_DAYS * dayMs);
      const [windowRows, dailyRows, hourlyRows, dataStart] = await Promise.all([
        volumeBySource(ctx.db, { workspaceId: workspace.id, topicId: q.topic, from: q.from, to: q.to, bucket: q.bucket }),
        volumeBySource(ctx.db, { workspaceId: workspace.id, topicId: q.topic, from: historyFrom, to: q.to, bucket: 'day' }),
        volumeBySource(ctx.db, { workspaceId: workspace.id, topicId: q.topic, from: hourlyFrom, to: q.to, bucket: 'hour' }),
        firstMentionAt(ctx.db, workspace.id),
      ]);
      const window = toSeries(windowRows, q.from, q.to, q.bucket);
      const daily = buzzBySource(toSeries(dailyRows, historyFrom, q.to, 'day'), HISTORY_DAYS, { dataStart });
      const buzz = withSpikes(daily, hourlySpikes(toSeries(hourlyRows, hourlyFrom, q.to, 'hour'), q.from, { dataStart }));
      return c.json({ bucket: q.bucket, at: window.at, bySource: window.bySource, buzz, spikeParameters: SPIKE_PARAMETERS }, 200);
    },
  );
}

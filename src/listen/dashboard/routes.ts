// The dashboard over HTTP: every figure of a topic (or the workspace) over a period in one
// call, and the live view ("60 seconds") the tab refreshes on each ingest event.
import { createRoute, z } from '@hono/zod-openapi';
import type { CapabilityContext } from '../../platform/capability.ts';
import { ErrorSchema, jsonResponse, WorkspaceParam } from '../../platform/http/schemas.ts';
import { periodOrDefault } from '../report/period.ts';
import { findTopic } from '../topics.ts';
import { buildDashboard, LIMITS } from './dashboard.ts';
import { liveView } from './live.ts';
import { DashboardSchema, LiveSchema, PeriodQuery } from './schemas.ts';

export function registerDashboardRoutes(ctx: CapabilityContext): void {
  ctx.api.route(
    'viewer',
    createRoute({
      method: 'get',
      path: '/api/v1/w/{workspace}/analytics/dashboard',
      tags: ['listen'],
      summary: 'The Listen dashboard of a topic (or the workspace) over a period',
      description: `Volume per day or hour by source type with spikes (each day against the median of the same weekday over the 4 weeks before), sentiment split and trend, countries, languages, author gender, top authors by mentions, reach (followers) and engagement, hashtags, @handles, sites, keywords, phrases and co-mentioned names (Dunning's log-likelihood against the workspace's other mentions, on a sample of at most ${LIMITS.textSample} texts), and the share of voice of the workspace's topics (or those in \`compare\`). Days are UTC; at most ${LIMITS.maxDays} days, hourly buckets over at most ${LIMITS.maxHourDays}.`,
      request: {
        params: WorkspaceParam,
        query: PeriodQuery.extend({
          bucket: z.enum(['day', 'hour']).optional().openapi({ description: 'Default: hour for 3 days or less, else day' }),
          compare: z
            .string()
            .regex(/^\d+(,\d+)*$/)
            .optional()
            .openapi({ description: 'Topic ids for the share of voice, comma-separated' }),
        }),
      },
      responses: { 200: jsonResponse(DashboardSchema, 'The dashboard'), 400: jsonResponse(ErrorSchema, 'A bad period'), 404: jsonResponse(ErrorSchema, 'No such topic') },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const workspaceId = c.get('workspace')!.id;
      const dashboard = await buildDashboard(ctx.db, ctx.dialect, {
        workspaceId,
        topicId: q.topic,
        ...(await periodOrDefault(ctx.db, workspaceId, q, ctx.now())),
        bucket: q.bucket,
        compare: q.compare?.split(',').map(Number),
      });
      return c.json(dashboard, 200);
    },
  );

  ctx.api.route(
    'viewer',
    createRoute({
      method: 'get',
      path: '/api/v1/w/{workspace}/analytics/live',
      tags: ['listen'],
      summary: '60 seconds: mentions published in the last minute per network, and per minute over the last hour',
      description: 'The web app refreshes it on each `mentions.ingested` event of the workspace event stream (SSE).',
      request: { params: WorkspaceParam, query: z.object({ topic: z.coerce.number().int().positive().optional() }) },
      responses: { 200: jsonResponse(LiveSchema, 'The live counters'), 404: jsonResponse(ErrorSchema, 'No such topic') },
    }),
    async (c) => {
      const workspaceId = c.get('workspace')!.id;
      const { topic } = c.req.valid('query');
      if (topic !== undefined) await findTopic(ctx.db, workspaceId, topic);
      return c.json(await liveView(ctx.db, { workspaceId, topicId: topic }, ctx.now()), 200);
    },
  );
}

// The buzz report over HTTP: the same file `relais report` writes, as HTML or PDF.
import { createRoute, z } from '@hono/zod-openapi';
import type { CapabilityContext } from '../../platform/capability.ts';
import { ErrorSchema, jsonResponse, WorkspaceParam } from '../../platform/http/schemas.ts';
import { findTopic } from '../topics.ts';
import { checkPeriod } from '../dashboard/dashboard.ts';
import { PeriodQuery } from '../dashboard/schemas.ts';
import { buildReport } from './build.ts';
import { renderReportHtml } from './html.ts';
import { printPdf } from './pdf.ts';
import { periodOrDefault } from './period.ts';

/** A file name from the topic's name: letters, digits and dashes. */
function fileName(topic: string | null, from: number, format: string): string {
  const slug = (topic ?? 'workspace').normalize('NFD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'topic';
  return `buzz-${slug}-${new Date(from).toISOString().slice(0, 10)}.${format}`;
}

export function registerReportRoutes(ctx: CapabilityContext): void {
  ctx.api.route(
    'viewer',
    createRoute({
      method: 'get',
      path: '/api/v1/w/{workspace}/reports/buzz',
      tags: ['listen'],
      summary: 'The buzz report of a topic over a period, as a self-contained HTML file or a PDF',
      description: 'Totals per source type and their factor against a usual day, the daily chart with spikes, when the buzz started and who started it, how it spread, sentiment, countries (map), author gender, keywords, co-mentioned names, key authors and quotes. The PDF is printed by Chromium on the server.',
      request: {
        params: WorkspaceParam,
        query: PeriodQuery.extend({ format: z.enum(['html', 'pdf']).default('html'), lang: z.enum(['en', 'fr']).default('en') }),
      },
      responses: {
        200: { description: 'The report, as an attachment', content: { 'text/html': { schema: z.string() }, 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
        400: jsonResponse(ErrorSchema, 'A bad period'),
        404: jsonResponse(ErrorSchema, 'No such topic'),
        503: jsonResponse(ErrorSchema, 'The PDF could not be printed'),
      },
    }),
    async (c) => {
      const workspaceId = c.get('workspace')!.id;
      const q = c.req.valid('query');
      const { from, to } = await periodOrDefault(ctx.db, workspaceId, q, ctx.now());
      checkPeriod(from, to, 'day');
      const topic = q.topic === undefined ? null : await findTopic(ctx.db, workspaceId, q.topic);
      const data = await buildReport(ctx.db, ctx.dialect, { workspaceId, topicId: topic?.id, from, to }, ctx.now());
      const html = await renderReportHtml(data, q.lang);
      const disposition = `attachment; filename="${fileName(topic?.name ?? null, from, q.format)}"`;
      if (q.format === 'pdf') return c.body(new Uint8Array(await printPdf(html)), 200, { 'content-type': 'application/pdf', 'content-disposition': disposition });
      return c.body(html, 200, { 'content-type': 'text/html; charset=utf-8', 'content-disposition': disposition });
    },
  );
}

// Listen: what is being said. Sources feed the ingest pipeline (ingest.ts), which stores
// mentions once and percolates them through the workspace's topics (query/); routes.ts and
// commands.ts are its edges.
import type { Capability, CapabilityContext } from '../platform/capability.ts';
import { countInWorkspace } from '../platform/db/count.ts';
import { registerAnalyticsRoutes } from './analytics/routes.ts';
import { alertCommands, registerAlerts, startAlerts } from './alerts/index.ts';
import { registerDashboardRoutes } from './dashboard/routes.ts';
import { buzzCommand, reportCommand } from './report/commands.ts';
import { registerReportRoutes } from './report/routes.ts';
import { listenCommands } from './commands.ts';
import { loadEnricher } from './enricher.ts';
import { backfillSentiment } from './sentiment-backfill.ts';
import { dueSources, pollSource } from './feeds.ts';
import { POLL_DUE_JOB, POLL_JOB, registerSourceRoutes } from './source-routes.ts';
import { isStreaming, runStream, STREAM_JOB, STREAM_SESSION_MS } from './streams.ts';
import { listenMigrations } from './migrations.ts';
import { BACKFILL_JOB, registerListenRoutes } from './routes.ts';
import type { ListenTables } from './tables.ts';
import { backfillTopics, TopicIndex, topicsToBackfill } from './topics.ts';

export type { ListenTables } from './tables.ts';
export type { MentionInput, SourceType } from './model.ts';
export { ingestMentions } from './ingest.ts';
export { backfillTopics, topicsToBackfill, TopicIndex } from './topics.ts';
export { BACKFILL_JOB } from './routes.ts';

export const SENTIMENT_JOB = 'listen.sentiment-backfill';

/** The streams each app of this process runs (by its context), ended by the stop hook. */
const streamsRunning = new WeakMap<CapabilityContext, Set<AbortController>>();

export const listen: Capability = {
  name: 'listen',
  status: 'preview',
  migrations: listenMigrations,
  register(ctx) {
    const topics = new TopicIndex();
    const running = new Set<AbortController>();
    streamsRunning.set(ctx, running);
    registerListenRoutes(ctx, { topics, enrich: loadEnricher });
    registerAnalyticsRoutes(ctx);
    registerAlerts(ctx);
    registerDashboardRoutes(ctx);
    registerReportRoutes(ctx);
    registerSourceRoutes(ctx, { topics, enrich: loadEnricher });
    // Every minute the scheduler looks for sources due; each is polled as its own job (its key
    // keeps one poll of a source at a time).
    ctx.jobs.define(POLL_DUE_JOB, async () => {
      for (const due of await dueSources(ctx.db, ctx.now())) await ctx.jobs.enqueue(POLL_JOB, { sourceId: due.id }, { key: `poll-${due.id}` });
    });
    ctx.jobs.define<{ sourceId: number }>(
      POLL_JOB,
      async ({ data, signal }) => {
        const source = await ctx.db.withTables<ListenTables>().selectFrom('sources').select(['workspace_id', 'status', 'kind', 'options']).where('id', '=', data.sourceId).executeTakeFirst();
        if (!source || source.status !== 'active') return;
        const result = await pollSource({ db: ctx.db, topics, enrich: await loadEnricher(), now: ctx.now(), signal }, data.sourceId);
        if (result.inserted > 0) ctx.events.publish(source.workspace_id, { type: 'mentions.ingested', inserted: result.inserted });
        // A streaming source's stream runs as its own job: (re)start it unless it runs already (its key).
        if (!result.paused && isStreaming(source)) await ctx.jobs.enqueue(STREAM_JOB, { sourceId: data.sourceId }, { key: `stream-${data.sourceId}` });
      },
      { retryLimit: 0, timeoutMs: 5 * 60_000 },
    );
    ctx.jobs.define<{ sourceId: number }>(
      STREAM_JOB,
      async ({ data, signal }) => {
        const stopping = new AbortController();
        running.add(stopping);
        try {
          await runStream({ db: ctx.db, topics, enrich: loadEnricher, now: ctx.now, onInserted: (workspaceId, inserted) => ctx.events.publish(workspaceId, { type: 'mentions.ingested', inserted }) }, data.sourceId, AbortSignal.any([signal, stopping.signal]));
        } finally {
          running.delete(stopping);
        }
      },
      { retryLimit: 0, timeoutMs: STREAM_SESSION_MS + 5 * 60_000, concurrency: 32 },
    );
    // Topics waiting for their backfill (new, or with a new query) are matched against the
    // stored mentions in the background; one job per workspace at a time (its key).
    ctx.jobs.define<{ workspaceId: number }>(
      SENTIMENT_JOB,
      async ({ data, signal }) => {
        const labelled = await backfillSentiment(ctx.db, data.workspaceId, await loadEnricher(), { signal });
        if (labelled > 0) ctx.events.publish(data.workspaceId, { type: 'mentions.enriched', labelled });
      },
      { timeoutMs: 60 * 60 * 1000, retryLimit: 3 },
    );
    ctx.jobs.define<{ workspaceId: number }>(
      BACKFILL_JOB,
      async ({ data, signal }) => {
        const pending = await topicsToBackfill(ctx.db, data.workspaceId);
        if (pending.length === 0) return;
        const result = await backfillTopics(ctx.db, data.workspaceId, pending, { now: ctx.now(), signal });
        ctx.events.publish(data.workspaceId, { type: 'topics.backfilled', topics: pending, matched: result.matched });
      },
      { timeoutMs: 60 * 60 * 1000, retryLimit: 3 },
    );
  },
  async start(ctx) {
    // Mentions stored without a sentiment (the demo world, bulk imports) are labelled in the background.
    const unlabelled = await ctx.db.withTables<ListenTables>().selectFrom('mentions').select('workspace_id').where('sentiment', 'is', null).groupBy('workspace_id').execute();
    for (const row of unlabelled) await ctx.jobs.enqueue(SENTIMENT_JOB, { workspaceId: row.workspace_id }, { key: `sentiment-${row.workspace_id}` });
    // Load the enrichment tables now rather than on the first ingested batch.
    void loadEnricher();
    await ctx.jobs.schedule(POLL_DUE_JOB, '* * * * *');
    await startAlerts(ctx);
    // Topics left waiting (the demo world's, or a backfill cut short by a stop) are matched now.
    const rows = await ctx.db.withTables<ListenTables>().selectFrom('topics').select('workspace_id').where('backfilled_at', 'is', null).groupBy('workspace_id').execute();
    for (const row of rows) await ctx.jobs.enqueue(BACKFILL_JOB, { workspaceId: row.workspace_id }, { key: `backfill-${row.workspace_id}` });
  },
  async stop(ctx) {
    // Streams end now (what they received is stored) rather than when the job runner gives up waiting.
    for (const stopping of streamsRunning.get(ctx) ?? []) stopping.abort();
  },
  commands: [...listenCommands, ...alertCommands, reportCommand, buzzCommand],
  async overview(db, workspaceId) {
    const [accounts, mentions] = await Promise.all([countInWorkspace(db, 'accounts', workspaceId), countInWorkspace(db, 'mentions', workspaceId)]);
    return { accounts, mentions };
  },
  transfer: [
    { table: 'accounts', hasId: true },
    { table: 'mentions', hasId: true, refs: { author_id: 'accounts' } },
    { table: 'topics', hasId: true },
    { table: 'topic_mentions', hasId: false, key: ['topic_id', 'mention_id'], refs: { topic_id: 'topics', mention_id: 'mentions' } },
    { table: 'alert_rules', hasId: true, refs: { topic_id: 'topics' } },
  ],
};

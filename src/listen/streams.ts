// Long-lived subscriptions — Mastodon's streaming API, Bluesky's Jetstream — as jobs of the
// worker role. One job per streaming source (its key makes it one across every worker process);
// it runs a session of at most STREAM_SESSION_MS and ends, and the source's next poll (every
// minute for Jetstream, every interval for Mastodon) enqueues it again, so a worker that died is
// replaced. What arrives is stored in small batches through recordBatch, with Jetstream's cursor,
// so a restart resumes where the last batch ended. The job stops on its signal (a user pausing
// the source, the job runner stopping): the connection closes, what was received is stored.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../platform/db/schema.ts';
import { recordBatch } from './feeds.ts';
import type { Enricher } from './ingest.ts';
import type { MentionInput } from './model.ts';
import type { AnySourceOptions, BlueskySourceOptions, JetstreamState, MastodonSourceOptions } from './source-kinds.ts';
import { streams } from './source-kinds.ts';
import { afterFailure, type Resolver, type SourceFailure, type SourceProblem, type SourceState, STREAM_DEFAULTS, type StreamSink, streamJetstream, streamMastodon } from './sources/index.ts';
import type { ListenTables } from './tables.ts';
import type { TopicIndex } from './topics.ts';

export const STREAM_JOB = 'listen.stream';
export const STREAM_SESSION_MS = STREAM_DEFAULTS.sessionMs;

type Db = Kysely<PlatformTables>;

export interface StreamDeps {
  db: Db;
  topics: TopicIndex;
  enrich?: () => Promise<Enricher>;
  now: () => number;
  /** Told after each stored batch (live events). */
  onInserted?: (workspaceId: number, inserted: number) => void;
  /** Tests: a DNS resolver, a shorter session, faster flushes. */
  resolve?: Resolver;
  sessionMs?: number;
  flushMs?: number;
  random?: () => number;
}

/** Whether a source streams, read from its row. */
export function isStreaming(row: { kind: string; options: string }): boolean {
  return streams(row.kind, JSON.parse(row.options) as AnySourceOptions);
}

/** Runs one stream session of a source; returns when it ends, the signal aborts, or the source is paused. */
export async function runStream(deps: StreamDeps, sourceId: number, signal: AbortSignal): Promise<void> {
  const ldb = deps.db.withTables<ListenTables>();
  const row = await ldb.selectFrom('sources').selectAll().where('id', '=', sourceId).executeTakeFirst();
  if (!row || row.status !== 'active' || !isStreaming(row)) return;
  const options = JSON.parse(row.options) as AnySourceOptions;
  const stop = new AbortController();
  const both = AbortSignal.any([signal, stop.signal]);
  // A user pausing or removing the source ends its stream within seconds.
  const watch = setInterval(() => {
    void ldb.selectFrom('sources').select('status').where('id', '=', sourceId).executeTakeFirst().then((r) => {
      if (!r || r.status !== 'active') stop.abort();
    }, () => undefined);
  }, 5_000);
  const enrich = await deps.enrich?.();
  let state = JSON.parse(row.state) as SourceState;
  // The source's REST poll may move its state meanwhile (Mastodon's min_id): each batch starts
  // from the state as stored now, never from a copy taken when the stream began.
  const record = async (batch: { mentions: MentionInput[]; problems: SourceProblem[]; failure: SourceFailure | null }, next: (current: SourceState, now: number) => SourceState) => {
    const now = deps.now();
    const fresh = await ldb.selectFrom('sources').select('state').where('id', '=', sourceId).executeTakeFirst();
    state = next(fresh ? (JSON.parse(fresh.state) as SourceState) : state, now);
    const result = await recordBatch({ db: deps.db, topics: deps.topics, enrich, now }, row, { ...batch, state });
    if (result.inserted > 0) deps.onInserted?.(row.workspace_id, result.inserted);
    if (result.paused) stop.abort();
  };
  const sink: StreamSink<number> = {
    async deliver(batch) {
      const cursor = batch.cursor !== null ? { cursor: batch.cursor } : {};
      await record({ mentions: batch.mentions, problems: batch.problems, failure: null }, (current, now) => ({ ...current, ...cursor, consecutiveFailures: 0, lastFailure: null, lastSuccessAt: now }) as SourceState);
    },
    async failed(failure: SourceFailure) {
      await record({ mentions: [], problems: [], failure }, (current, now) => afterFailure(current, failure, now, deps.random ?? Math.random));
    },
  };
  const loop = { signal: both, until: deps.now() + (deps.sessionMs ?? STREAM_SESSION_MS), batchSize: STREAM_DEFAULTS.batchSize, flushMs: deps.flushMs ?? STREAM_DEFAULTS.flushMs, backoff: STREAM_DEFAULTS.backoff, random: deps.random ?? Math.random, now: deps.now };
  try {
    if (row.kind === 'mastodon') {
      await streamMastodon({ ...(options as MastodonSourceOptions), resolve: deps.resolve }, sink as unknown as StreamSink<never>, loop);
    } else {
      const o = options as BlueskySourceOptions;
      await streamJetstream({ endpoint: o.endpoint, keywords: o.keywords, sourceType: o.sourceType, allowPrivate: o.allowPrivate, resolve: deps.resolve }, (state as JetstreamState).cursor ?? null, sink, loop);
    }
  } finally {
    clearInterval(watch);
  }
}

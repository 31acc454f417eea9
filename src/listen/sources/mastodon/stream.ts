// Mastodon's streaming API over server-sent events
// (https://docs.joinmastodon.org/methods/streaming/): GET /api/v1/streaming/hashtag?tag=… or
// /api/v1/streaming/public (…/local variants), `event: update` with a Status as `data`. The
// stream cannot resume where it stopped: the REST poll of the same source fills the gaps (its
// min_id), and the store merges what both give (same uri).
import type { Resolver } from '../feeds/address.ts';
import { FetchFailure } from '../feeds/http-get.ts';
import { openGuardedStream, streamText } from '../http-stream.ts';
import { SseParser } from '../sse.ts';
import { Batcher, reconnectLoop, STREAM_DEFAULTS, type StreamLoopOptions, type StreamSink } from '../stream-loop.ts';
import type { MastodonOptions } from './rest.ts';
import { statusToMention } from './status.ts';
import { JSON_GET_DEFAULTS } from '../http-json.ts';

export interface MastodonStreamOptions extends Pick<MastodonOptions, 'instance' | 'mode' | 'tag' | 'local' | 'token' | 'sourceType' | 'allowPrivate'> {
  /** Where the streaming server is, when not behind the instance's own origin (Instance.urls.streaming). */
  streamingUrl?: string | null;
  idleMs?: number;
  timeoutMs?: number;
  resolve?: Resolver;
}

/** The stream's URL: hashtag or public timeline (search has no stream). */
export function mastodonStreamUrl(options: MastodonStreamOptions): string {
  const base = new URL(options.streamingUrl ?? options.instance).origin;
  if (options.mode === 'search') throw new FetchFailure('rejected', 'no-stream', 'Mastodon has no stream for a search: poll it instead.');
  const url = new URL(`${base}/api/v1/streaming/${options.mode === 'tag' ? 'hashtag' : 'public'}${options.local ? '/local' : ''}`);
  if (options.mode === 'tag') url.searchParams.set('tag', (options.tag ?? '').replace(/^#/, ''));
  return url.href;
}

/** Follows the stream until the signal aborts or the session ends; statuses go to `sink` in batches. */
export async function streamMastodon(options: MastodonStreamOptions, sink: StreamSink<never>, loop: StreamLoopOptions): Promise<void> {
  const instance = new URL(options.instance).origin;
  let index = 0;
  await reconnectLoop<never>(
    async (signal, healthy) => {
      const headers: Record<string, string> = { accept: 'text/event-stream', 'user-agent': JSON_GET_DEFAULTS.userAgent, 'cache-control': 'no-cache' };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      const res = await openGuardedStream(mastodonStreamUrl(options), { headers, timeoutMs: options.timeoutMs ?? 30_000, allowPrivate: options.allowPrivate ?? false, resolve: options.resolve, signal, now: loop.now() });
      await sink.connected?.();
      const parser = new SseParser();
      const batcher = new Batcher(sink, loop);
      try {
        for await (const chunk of streamText(res, options.idleMs ?? STREAM_DEFAULTS.idleMs, signal)) {
          for (const event of parser.push(chunk)) {
            if (event.event !== 'update' && event.event !== 'status.update') continue;
            healthy();
            let status: unknown;
            try {
              status = JSON.parse(event.data);
            } catch (e) {
              batcher.add(null, { severity: 'error', code: 'not-json', message: `A streamed update is not JSON: ${(e as Error).message}`, itemIndex: index++, line: null, column: null }, null);
              continue;
            }
            const { mention, problem } = statusToMention(status, { instance, sourceType: options.sourceType }, index++);
            batcher.add(mention, problem, null);
          }
        }
      } finally {
        await batcher.flush();
      }
    },
    sink,
    loop,
  );
}

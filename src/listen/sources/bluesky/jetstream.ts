// Bluesky's firehose through Jetstream (https://github.com/bluesky-social/jetstream): a
// WebSocket at /subscribe?wantedCollections=app.bsky.feed.post sending JSON events
// { did, time_us, kind: 'commit', commit: { operation: 'create', collection, rkey, record, cid } }.
// `cursor` = a time_us replays from that moment: the last time_us stored (minus a few seconds, as
// Jetstream's README advises for gapless playback) resumes after a restart without a gap, and the
// store merges the replayed posts (same at:// URI). Posts are kept when the source's keywords
// match (filter.ts). Node 24's global WebSocket (undici) is the client.
import type { SourceType } from '../../model.ts';
import type { Resolver } from '../feeds/address.ts';
import { nonPublicReason, systemResolver } from '../feeds/address.ts';
import { FetchFailure } from '../feeds/http-get.ts';
import { Batcher, reconnectLoop, STREAM_DEFAULTS, type StreamLoopOptions, type StreamSink } from '../stream-loop.ts';
import { keywordFilter } from './filter.ts';
import { recordToMention } from './post.ts';

export interface JetstreamOptions {
  /** e.g. wss://jetstream2.us-east.bsky.network */
  endpoint: string;
  keywords: readonly string[];
  sourceType?: SourceType;
  allowPrivate?: boolean;
  idleMs?: number;
  resolve?: Resolver;
}

/** Replay starts this much before the stored cursor. */
export const REPLAY_OVERLAP_US = 5_000_000;

export function jetstreamUrl(endpoint: string, cursor: number | null): string {
  const url = new URL('/subscribe', endpoint);
  if (url.protocol === 'https:') url.protocol = 'wss:';
  if (url.protocol === 'http:') url.protocol = 'ws:';
  url.searchParams.set('wantedCollections', 'app.bsky.feed.post');
  if (cursor !== null) url.searchParams.set('cursor', String(Math.max(0, cursor - REPLAY_OVERLAP_US)));
  return url.href;
}

/** The SSRF guard for a WebSocket, which cannot pin its address: every address the host resolves to must be public. */
async function vetEndpoint(endpoint: string, options: JetstreamOptions): Promise<void> {
  const url = new URL(endpoint);
  if (!['ws:', 'wss:', 'http:', 'https:'].includes(url.protocol)) throw new FetchFailure('rejected', 'url-invalid', `A Jetstream address starts with wss://, not ${url.protocol}`);
  if (options.allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = /^[\d.]+$/.test(host) || host.includes(':') ? [{ address: host, family: 4 as const }] : await (options.resolve ?? systemResolver)(host);
  for (const a of addresses) {
    const reason = nonPublicReason(a.address);
    if (reason) throw new FetchFailure('rejected', 'address-refused', `${host} is a ${reason} address: refused (an admin can allow private sources).`);
  }
}

interface JetstreamEvent {
  did?: unknown;
  time_us?: unknown;
  kind?: unknown;
  commit?: { operation?: unknown; collection?: unknown; rkey?: unknown; record?: unknown };
}

/** Follows Jetstream from `cursor` until the signal aborts or the session ends; matching posts go to `sink` with the cursor after them. */
export async function streamJetstream(options: JetstreamOptions, cursor: number | null, sink: StreamSink<number>, loop: StreamLoopOptions): Promise<void> {
  const keep = keywordFilter(options.keywords);
  let last = cursor;
  let index = 0;
  await reconnectLoop<number>(
    async (signal, healthy) => {
      await vetEndpoint(options.endpoint, options);
      const batcher = new Batcher(sink, loop);
      const ws = new WebSocket(jetstreamUrl(options.endpoint, last));
      try {
        await new Promise<void>((resolve, reject) => {
          let opened = false;
          let idle = setTimeout(onIdle, options.idleMs ?? STREAM_DEFAULTS.idleMs);
          function onIdle() {
            reject(new FetchFailure('unavailable', 'idle', 'Jetstream sent nothing for too long: reconnecting.'));
            ws.close();
          }
          const abort = () => {
            clearTimeout(idle);
            ws.close(1000);
            resolve();
          };
          signal.addEventListener('abort', abort, { once: true });
          ws.addEventListener('open', () => {
            opened = true;
            void sink.connected?.();
          });
          ws.addEventListener('error', () => {
            clearTimeout(idle);
            signal.removeEventListener('abort', abort);
            reject(new FetchFailure('unavailable', opened ? 'network' : 'connection-refused', opened ? 'The Jetstream connection broke.' : `Could not connect to ${new URL(options.endpoint).host}.`));
          });
          ws.addEventListener('close', () => {
            clearTimeout(idle);
            signal.removeEventListener('abort', abort);
            resolve();
          });
          ws.addEventListener('message', (message: MessageEvent) => {
            try {
              onMessage(message);
            } catch (e) {
              // The sink failed (the database?): end the session with its error.
              clearTimeout(idle);
              signal.removeEventListener('abort', abort);
              reject(e);
              ws.close();
            }
          });
          function onMessage(message: MessageEvent) {
            clearTimeout(idle);
            idle = setTimeout(onIdle, options.idleMs ?? STREAM_DEFAULTS.idleMs);
            healthy();
            let event: JetstreamEvent;
            try {
              event = JSON.parse(typeof message.data === 'string' ? message.data : new TextDecoder().decode(message.data as ArrayBuffer)) as JetstreamEvent;
            } catch (e) {
              batcher.add(null, { severity: 'error', code: 'not-json', message: `A Jetstream event is not JSON: ${(e as Error).message}`, itemIndex: index++, line: null, column: null }, null);
              return;
            }
            const time = typeof event.time_us === 'number' ? event.time_us : null;
            if (time !== null) last = time;
            const c = event.commit;
            if (event.kind !== 'commit' || c?.operation !== 'create' || c.collection !== 'app.bsky.feed.post' || typeof event.did !== 'string' || typeof c.rkey !== 'string') {
              batcher.add(null, null, time);
              return;
            }
            const { mention, problem } = recordToMention({ uri: `at://${event.did}/app.bsky.feed.post/${c.rkey}`, record: c.record, author: { did: event.did }, raw: event }, { sourceType: options.sourceType, itemIndex: index++ });
            // A broken post is worth a line in the log only if it would have been kept.
            const text = (c.record as { text?: unknown } | null)?.text;
            const relevant = typeof text === 'string' && keep({ text, hashtags: [] });
            batcher.add(mention && keep(mention) ? mention : null, problem && relevant ? problem : null, time);
          }
        });
      } finally {
        await batcher.flush();
      }
    },
    sink,
    loop,
  );
}

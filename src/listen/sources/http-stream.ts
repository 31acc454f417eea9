// A guarded GET whose body is a stream that does not end (server-sent events): the feed
// fetcher's SSRF guard (every address checked, the connection pinned to it), a deadline for the
// answer's head only, then an idle timeout — no byte for `idleMs` means the connection is dead.
import type { IncomingMessage } from 'node:http';
import type { Resolver } from './feeds/address.ts';
import { allowList } from './feeds/address.ts';
import { failureForStatus, FetchFailure, networkFailure, parseRetryAfter, rateLimitReset, request, vetHost } from './feeds/http-get.ts';

export interface StreamOpenOptions {
  headers: Record<string, string>;
  /** For DNS, connection and the answer's head. */
  timeoutMs: number;
  allowPrivate: boolean;
  allowedNetworks?: readonly string[];
  resolve?: Resolver;
  signal: AbortSignal;
  now: number;
}

/** Opens the stream; throws a classified FetchFailure unless the server answers 2xx. */
export async function openGuardedStream(url: string, options: StreamOpenOptions): Promise<IncomingMessage> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new FetchFailure('rejected', 'url-invalid', `Not a URL: "${url.slice(0, 200)}".`);
  }
  const headDeadline = AbortSignal.timeout(options.timeoutMs);
  const connection = new AbortController();
  const stop = () => connection.abort(options.signal.reason);
  options.signal.addEventListener('abort', stop, { once: true });
  const vetOptions = { headers: options.headers, timeoutMs: options.timeoutMs, maxBytes: 0, maxRedirects: 0, allowPrivate: options.allowPrivate, allowedNetworks: options.allowedNetworks ?? [], resolve: options.resolve, now: options.now };
  try {
    const pinned = await vetHost(target, vetOptions, allowList(options.allowedNetworks ?? []));
    const head = request(target, pinned, options.headers, connection.signal);
    const timedOut = new Promise<never>((_, reject) => headDeadline.addEventListener('abort', () => reject(new FetchFailure('unavailable', 'timeout', `No answer within ${options.timeoutMs} ms.`)), { once: true }));
    const res = await Promise.race([head, timedOut]).catch((e: unknown) => {
      connection.abort();
      throw networkFailure(e);
    });
    const status = res.statusCode ?? 0;
    if (status < 200 || status >= 300) {
      res.resume();
      connection.abort();
      throw failureForStatus(status, parseRetryAfter(res.headers['retry-after'], options.now) ?? (status === 429 ? rateLimitReset(res.headers['x-ratelimit-reset'], options.now) : null));
    }
    res.once('close', () => options.signal.removeEventListener('abort', stop));
    return res;
  } catch (e) {
    options.signal.removeEventListener('abort', stop);
    throw e;
  }
}

/**
 * The body's text chunks until the server closes or the signal aborts; a connection idle for
 * `idleMs` ends with a FetchFailure('unavailable', 'idle').
 */
export async function* streamText(res: IncomingMessage, idleMs: number, signal: AbortSignal): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let idle = false;
  let timer = setTimeout(onIdle, idleMs);
  function onIdle() {
    idle = true;
    res.destroy();
  }
  const abort = () => res.destroy();
  signal.addEventListener('abort', abort, { once: true });
  try {
    for await (const chunk of res as AsyncIterable<Buffer>) {
      clearTimeout(timer);
      timer = setTimeout(onIdle, idleMs);
      yield decoder.decode(chunk, { stream: true });
    }
  } catch (e) {
    if (signal.aborted) return;
    if (!idle) throw networkFailure(e);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
    res.destroy();
  }
  if (idle) throw new FetchFailure('unavailable', 'idle', `Nothing received for ${Math.round(idleMs / 1000)} s: reconnecting.`);
}

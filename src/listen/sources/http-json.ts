// A guarded GET of a JSON API (Mastodon's REST, Bluesky's XRPC): the feed fetcher's SSRF guard,
// deadline and size cap, a bearer token when there is one, the body parsed as JSON. Failures are
// FetchFailures, classified as the feed fetcher classifies them.
import type { IncomingHttpHeaders } from 'node:http';
import type { Resolver } from './feeds/address.ts';
import { FetchFailure, guardedGet } from './feeds/http-get.ts';

export interface JsonGetOptions {
  /** Sent as `Authorization: Bearer …` when set. */
  token?: string | null;
  timeoutMs?: number;
  maxBytes?: number;
  /** Admin setting: let the server live on a loopback or private address. */
  allowPrivate?: boolean;
  allowedNetworks?: readonly string[];
  resolve?: Resolver;
  signal?: AbortSignal;
  userAgent?: string;
  now: number;
}

export const JSON_GET_DEFAULTS = {
  timeoutMs: 30_000,
  maxBytes: 10 * 1024 * 1024,
  userAgent: 'relais-listen/0.1 (self-hosted social listening; +https://github.com/relais)',
};

export interface JsonAnswer {
  body: unknown;
  headers: IncomingHttpHeaders;
  /** The URL that answered, after redirects. */
  url: string;
}

export async function getJson(url: string, options: JsonGetOptions): Promise<JsonAnswer> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-encoding': 'gzip, deflate, br', 'user-agent': options.userAgent ?? JSON_GET_DEFAULTS.userAgent };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const answer = await guardedGet(url, {
    headers,
    now: options.now,
    timeoutMs: options.timeoutMs ?? JSON_GET_DEFAULTS.timeoutMs,
    maxBytes: options.maxBytes ?? JSON_GET_DEFAULTS.maxBytes,
    maxRedirects: 3,
    allowPrivate: options.allowPrivate ?? false,
    allowedNetworks: options.allowedNetworks ?? [],
    resolve: options.resolve,
    signal: options.signal,
  });
  const text = new TextDecoder('utf-8').decode(answer.body);
  try {
    return { body: JSON.parse(text) as unknown, headers: answer.headers, url: answer.url };
  } catch (error) {
    throw new FetchFailure('rejected', 'not-json', `The answer of ${new URL(answer.url).pathname} is not JSON (${(error as Error).message}).`, { status: answer.status });
  }
}

/** One header's value (the first when repeated), trimmed; null when absent. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | null {
  const v = headers[name];
  const first = Array.isArray(v) ? v[0] : v;
  return first && first.trim() !== '' ? first.trim() : null;
}

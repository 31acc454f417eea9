// One guarded HTTP GET, the I/O under feed polling. node:http/https rather than fetch/undici:
// the guard needs to resolve the host itself, check every address, and make the connection use
// exactly the checked address — node:http's per-request `lookup` option does that with no
// dependency, whereas the bundled fetch only takes a dispatcher from the undici package. Manual
// redirects (each hop checked again), decompression with an output cap (a gzip bomb stops at the
// size limit), one deadline for DNS, connect, redirects and body, and failures classified.
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { SourceFailureKind } from '../source.ts';
import { allowList, nonPublicReason, type Resolver, systemResolver } from './address.ts';
import { parseFeedDate } from './dates.ts';

/** A classified failure of the remote side; `pollFeed` turns it into the source's failure. */
export class FetchFailure extends Error {
  readonly kind: SourceFailureKind;
  readonly code: string;
  readonly status: number | null;
  readonly retryAfterMs: number | null;

  constructor(kind: SourceFailureKind, code: string, message: string, extra: { status?: number | null; retryAfterMs?: number | null; cause?: unknown } = {}) {
    super(message, { cause: extra.cause });
    this.name = 'FetchFailure';
    this.kind = kind;
    this.code = code;
    this.status = extra.status ?? null;
    this.retryAfterMs = extra.retryAfterMs ?? null;
  }
}

export interface GuardedGetOptions {
  headers: Record<string, string>;
  /** For the whole exchange: DNS, every redirect hop, the body. */
  timeoutMs: number;
  /** Body size limit, compressed and decompressed. */
  maxBytes: number;
  maxRedirects: number;
  /** Admin setting: let feeds live on loopback or private addresses. */
  allowPrivate: boolean;
  /** Admin setting: private networks allowed all the same ("10.1.0.0/16"). */
  allowedNetworks: readonly string[];
  resolve?: Resolver;
  signal?: AbortSignal;
  /** Epoch ms, to read a Retry-After given as a date. */
  now: number;
}

export interface GetResult {
  status: number;
  /** The URL that answered, after redirects. */
  url: string;
  /** Where the feed moved for good: the target of the last 301/308 in an unbroken run of them from the start. */
  permanentUrl: string | null;
  headers: IncomingHttpHeaders;
  body: Uint8Array;
}

/** Retry-After in ms: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return null;
  if (/^\s*\d+\s*$/.test(v)) return Number(v) * 1000;
  const at = parseFeedDate(v);
  return at === null ? null : Math.max(0, at - now);
}

/** X-RateLimit-Reset in ms from now: an ISO 8601 date (Mastodon) or epoch seconds; null when absent. */
export function rateLimitReset(value: string | string[] | undefined, now: number): number | null {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!v) return null;
  const at = /^\d{9,11}$/.test(v) ? Number(v) * 1000 : parseFeedDate(v);
  return at === null ? null : Math.max(0, at - now);
}

/** The failure an HTTP status means. */
export function failureForStatus(status: number, retryAfterMs: number | null): FetchFailure {
  const extra = { status, retryAfterMs };
  if (status === 401 || status === 403) return new FetchFailure('auth-expired', `http-${status}`, `The server refused access (HTTP ${status}).`, extra);
  if (status === 429) return new FetchFailure('rate-limited', 'http-429', 'The server asks us to slow down (HTTP 429).', extra);
  if (status === 408 || status >= 500) return new FetchFailure('unavailable', `http-${status}`, `The server is unavailable (HTTP ${status}).`, extra);
  return new FetchFailure('rejected', `http-${status}`, `The server rejected the request (HTTP ${status}).`, extra);
}

/** Node's network error codes to a failure. */
export function networkFailure(error: unknown): FetchFailure {
  if (error instanceof FetchFailure) return error;
  const code = String((error as { code?: unknown }).code ?? '');
  const message = (error as Error).message ?? String(error);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA') return new FetchFailure('unavailable', 'dns', `The host name does not resolve (${code}).`, { cause: error });
  if (code === 'ECONNREFUSED') return new FetchFailure('unavailable', 'connection-refused', 'The server refused the connection.', { cause: error });
  if (/CERT|TLS|SSL|SIGNATURE/.test(code)) return new FetchFailure('unavailable', 'tls', `TLS failed: ${message}`, { cause: error });
  if (code.startsWith('HPE_')) return new FetchFailure('unavailable', 'protocol', `The server's answer is not valid HTTP: ${message}`, { cause: error });
  return new FetchFailure('unavailable', 'network', `Network error: ${message}`, { cause: error });
}

const gunzip = promisify<zlib.InputType, zlib.ZlibOptions, Buffer>(zlib.gunzip);
const inflate = promisify<zlib.InputType, zlib.ZlibOptions, Buffer>(zlib.inflate);
const inflateRaw = promisify<zlib.InputType, zlib.ZlibOptions, Buffer>(zlib.inflateRaw);
const brotli = promisify<zlib.InputType, zlib.BrotliOptions, Buffer>(zlib.brotliDecompress);

/** Undoes Content-Encoding, never producing more than `maxBytes`; a truncated stream yields what it holds. */
async function decompress(body: Buffer, encoding: string | undefined, maxBytes: number): Promise<Buffer> {
  const enc = (encoding ?? 'identity').trim().toLowerCase();
  if (enc === '' || enc === 'identity' || body.length === 0) return body;
  const zopts = { maxOutputLength: maxBytes, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  try {
    if (enc === 'gzip' || enc === 'x-gzip') return await gunzip(body, zopts);
    // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: look at the header.
    if (enc === 'deflate') return (((body[0] as number) & 0x0f) === 8 && (((body[0] as number) << 8) | (body[1] as number)) % 31 === 0) ? await inflate(body, zopts) : await inflateRaw(body, zopts);
    if (enc === 'br') return await brotli(body, { maxOutputLength: maxBytes, finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
      throw new FetchFailure('rejected', 'too-large', `The feed is larger than ${maxBytes} bytes once decompressed.`, { cause: e });
    }
    throw new FetchFailure('rejected', 'decoding-failed', `The ${enc} body could not be decompressed: ${(e as Error).message}`, { cause: e });
  }
  throw new FetchFailure('rejected', 'encoding-unsupported', `Unsupported Content-Encoding "${enc}".`);
}

/** Resolves the host and checks every address; returns the one to connect to. */
export async function vetHost(url: URL, options: GuardedGetOptions, allowed: (a: string) => boolean): Promise<{ address: string; family: 4 | 6 }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = /^[\d.]+$/.test(host) ? 4 : host.includes(':') ? 6 : 0;
  const addresses = literal !== 0 ? [{ address: host, family: literal as 4 | 6 }] : await (options.resolve ?? systemResolver)(host);
  if (addresses.length === 0) throw new FetchFailure('unavailable', 'dns', `${host} has no address.`);
  if (!options.allowPrivate) {
    for (const a of addresses) {
      const reason = nonPublicReason(a.address);
      if (reason !== null && !allowed(a.address)) {
        throw new FetchFailure('rejected', 'address-refused', `${host === a.address ? host : `${host} resolves to ${a.address}, which`} is a ${reason} address: refused (an admin can allow private feeds).`);
      }
    }
  }
  return addresses[0] as { address: string; family: 4 | 6 };
}

export function request(url: URL, pinned: { address: string; family: 4 | 6 }, headers: Record<string, string>, signal: AbortSignal): Promise<IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      {
        protocol: url.protocol, hostname: url.hostname.replace(/^\[|\]$/g, ''), port: url.port || undefined,
        path: `${url.pathname}${url.search}`, method: 'GET', headers, agent: false, signal,
        auth: url.username ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` : undefined,
        // Pin the connection to the address that was checked: no second DNS answer can differ.
        lookup: ((_host, opts, cb) => {
          if (opts.all) cb(null, [{ address: pinned.address, family: pinned.family } satisfies LookupAddress]);
          else cb(null, pinned.address, pinned.family);
        }) satisfies LookupFunction,
      },
      resolve,
    );
    req.on('error', reject);
    req.end();
  });
}

async function readBody(res: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    throw new FetchFailure('rejected', 'too-large', `The feed is ${declared} bytes, over the ${maxBytes}-byte limit.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      res.destroy();
      throw new FetchFailure('rejected', 'too-large', `The feed is over the ${maxBytes}-byte limit.`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * GETs `url` with the SSRF guard on every hop. Resolves with 2xx and 304 answers; throws a
 * FetchFailure for everything else (classified), including the guard's refusals.
 */
export async function guardedGet(startUrl: string, options: GuardedGetOptions): Promise<GetResult> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new FetchFailure('unavailable', 'timeout', `No complete answer within ${options.timeoutMs} ms.`)), options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([deadline.signal, options.signal]) : deadline.signal;
  const aborted = new Promise<never>((_, reject) => {
    const fail = (): void => reject(signal.reason instanceof FetchFailure ? signal.reason : new FetchFailure('unavailable', 'aborted', 'The fetch was cancelled.'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
  aborted.catch(() => undefined);
  const allowed = allowList(options.allowedNetworks);
  try {
    let url: URL;
    try {
      url = new URL(startUrl);
    } catch {
      throw new FetchFailure('rejected', 'url-invalid', `Not a URL: "${startUrl.slice(0, 200)}".`);
    }
    let permanentUrl: string | null = null;
    let allPermanent = true;
    for (let hop = 0; ; hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchFailure('rejected', 'url-invalid', `Only http and https feeds can be fetched, not ${url.protocol}.`);
      const pinned = await Promise.race([vetHost(url, options, allowed), aborted]);
      const res = await Promise.race([request(url, pinned, options.headers, signal), aborted]).catch((e: unknown) => {
        throw signal.aborted && signal.reason instanceof FetchFailure ? signal.reason : networkFailure(e);
      });
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if ([301, 302, 303, 307, 308].includes(status) && location) {
        res.resume();
        if (hop >= options.maxRedirects) throw new FetchFailure('rejected', 'too-many-redirects', `More than ${options.maxRedirects} redirects.`, { status });
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new FetchFailure('rejected', 'url-invalid', `The redirect target "${location.slice(0, 200)}" is not a URL.`, { status });
        }
        allPermanent &&= status === 301 || status === 308;
        if (allPermanent) permanentUrl = next.href;
        url = next;
        continue;
      }
      if (status === 304 || (status >= 200 && status < 300)) {
        if (status === 304) res.resume();
        const raw = status === 304 ? Buffer.alloc(0) : await Promise.race([readBody(res, options.maxBytes), aborted]).catch((e: unknown) => {
          throw signal.aborted && signal.reason instanceof FetchFailure ? signal.reason : networkFailure(e);
        });
        const body = await decompress(raw, res.headers['content-encoding'], options.maxBytes);
        return { status, url: url.href, permanentUrl, headers: res.headers, body };
      }
      res.resume();
      // Mastodon and others say when the window resets (X-RateLimit-Reset) rather than Retry-After.
      const retryAfter = parseRetryAfter(res.headers['retry-after'], options.now) ?? (status === 429 ? rateLimitReset(res.headers['x-ratelimit-reset'], options.now) : null);
      throw failureForStatus(status, retryAfter);
    }
  } finally {
    clearTimeout(timer);
  }
}

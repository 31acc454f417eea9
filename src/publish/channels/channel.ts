// The contract every Publish channel implements (Mastodon, Bluesky, webhook, the outbound feed),
// and the classification of failures the scheduler acts on:
//
// - 'auth-expired'  the credentials no longer work (401/403): the channel is paused until a user
//                    reconnects it; the post waits with its reason.
// - 'rate-limited'  429: wait retryAfterMs, then try again; nothing was posted.
// - 'rejected'      the network refused this post (422, text too long, media refused): retrying
//                    the same request will not help; the post is kept, failed, with the reason.
// - 'unavailable'   a clear failure: nothing was posted (connection refused, DNS, 503): retry with
//                    back-off.
// - 'ambiguous'     the request may have been processed (timeout after sending, connection reset,
//                    500/502/504): never retried blindly — the scheduler first asks the network
//                    whether the post exists (`find`), then publishes only if it does not.
//
// Idempotency: each post × channel has a key. Channels that accept one send it (Mastodon's
// Idempotency-Key header; Bluesky's record key derived from it; the webhook's body and header),
// so even a retry after a wrong "absent" answer does not make a second post.

export type ChannelFailureKind = 'auth-expired' | 'rate-limited' | 'rejected' | 'unavailable' | 'ambiguous';

export class ChannelError extends Error {
  readonly kind: ChannelFailureKind;
  readonly status: number | null;
  readonly retryAfterMs: number | null;

  constructor(kind: ChannelFailureKind, message: string, extra: { status?: number | null; retryAfterMs?: number | null; cause?: unknown } = {}) {
    super(message, { cause: extra.cause });
    this.name = 'ChannelError';
    this.kind = kind;
    this.status = extra.status ?? null;
    this.retryAfterMs = extra.retryAfterMs ?? null;
  }
}

export interface MediaItem {
  /** Bytes of the image or video; the scheduler reads them from where the post keeps them. */
  data: Uint8Array<ArrayBuffer>;
  mime: string;
  alt: string | null;
}

export interface OutgoingPost {
  /** Unique per post × channel, stable across retries. */
  idempotencyKey: string;
  text: string;
  media: MediaItem[];
  contentWarning: string | null;
  visibility: 'public' | 'unlisted' | 'private';
  /** When the post was due (some networks date the record with it). */
  dueAt: number;
  /** The network id of a post this one answers (Engage's replies). */
  inReplyTo: string | null;
  lang: string | null;
}

export interface PublishedPost {
  remoteId: string;
  remoteUrl: string | null;
}

export interface PostMetrics {
  likes: number;
  shares: number;
  replies: number;
}

export interface ChannelLimits {
  /** In the network's own unit (see post-length.ts). */
  maxLength: number;
  maxMedia: number;
  maxMediaBytes: number;
  mediaTypes: readonly string[];
}

export interface ChannelClient {
  readonly network: string;
  readonly limits: ChannelLimits;
  /** Checks the credentials and returns the account's handle. Throws ChannelError. */
  verify(): Promise<{ handle: string }>;
  /** Publishes; throws a ChannelError classified as above. */
  publish(post: OutgoingPost): Promise<PublishedPost>;
  /** After an ambiguous failure: the post made with this key, if it exists. Throws ChannelError when it cannot tell. */
  find(post: OutgoingPost): Promise<PublishedPost | null>;
  delete(remoteId: string): Promise<void>;
  metrics(remoteId: string): Promise<PostMetrics>;
}

/** Seconds or an HTTP date in Retry-After, or an ISO reset time (Mastodon's X-RateLimit-Reset), as milliseconds from now. */
export function retryAfterMs(headers: Headers, now: number): number | null {
  const retryAfter = headers.get('retry-after');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  for (const name of ['x-ratelimit-reset', 'ratelimit-reset']) {
    const value = headers.get(name);
    if (!value) continue;
    const asNumber = Number(value);
    // Bluesky sends epoch seconds; the RateLimit draft sends seconds from now; Mastodon an ISO date.
    if (Number.isFinite(asNumber)) return Math.max(0, asNumber > 1e9 ? asNumber * 1000 - now : asNumber * 1000);
    const date = Date.parse(value);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  return null;
}

/** The failure an HTTP answer means, for a request that creates something. */
export function failureOfStatus(status: number, body: string, headers: Headers, now: number): ChannelError {
  const detail = body.replace(/\s+/g, ' ').slice(0, 300);
  if (status === 401 || status === 403) return new ChannelError('auth-expired', `The network refused the credentials (HTTP ${status}): ${detail}`, { status });
  if (status === 429) return new ChannelError('rate-limited', `Rate limited (HTTP 429): ${detail}`, { status, retryAfterMs: retryAfterMs(headers, now) ?? 60_000 });
  if (status === 503) return new ChannelError('unavailable', `The network is unavailable (HTTP 503): ${detail}`, { status, retryAfterMs: retryAfterMs(headers, now) });
  // 500, 502, 504: the request may have gone through before the error.
  if (status >= 500) return new ChannelError('ambiguous', `The network answered HTTP ${status}: the post may or may not exist. ${detail}`, { status });
  return new ChannelError('rejected', `The network rejected the post (HTTP ${status}): ${detail}`, { status });
}

const CLEAR_NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'ERR_INVALID_URL', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT']);

/** The failure a thrown fetch error means: clear when the connection never opened, else ambiguous. */
export function failureOfError(error: unknown, creates: boolean): ChannelError {
  if (error instanceof ChannelError) return error;
  const cause = (error as { cause?: { code?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code ?? (error as Error).name;
  const message = `${(error as Error).message}${code ? ` (${code})` : ''}`;
  if (code && CLEAR_NETWORK_CODES.has(code)) return new ChannelError('unavailable', `Cannot reach the network: ${message}`, { cause: error });
  return new ChannelError(creates ? 'ambiguous' : 'unavailable', `No complete answer from the network: ${message}`, { cause: error });
}

/** fetch with a deadline, every failure turned into a ChannelError (`creates`: the request makes a post). */
export async function channelFetch(url: string, init: RequestInit & { timeoutMs: number; creates: boolean; now: () => number }): Promise<{ status: number; headers: Headers; text: string }> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMs), redirect: 'manual' });
    text = await response.text();
  } catch (error) {
    throw failureOfError(error, init.creates);
  }
  if (response.status >= 400) throw failureOfStatus(response.status, text, response.headers, init.now());
  if (response.status >= 300) throw new ChannelError('rejected', `The network answered a redirect (HTTP ${response.status}) to ${response.headers.get('location') ?? '?'}: check the channel's address.`, { status: response.status });
  return { status: response.status, headers: response.headers, text };
}

export function parseJson<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ChannelError('ambiguous', `The network's answer to ${what} is not JSON: ${text.slice(0, 200)}`);
  }
}

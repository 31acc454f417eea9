// Webhook delivery of alerts. The body is JSON; `X-Relais-Signature: sha256=<hex>` is the
// HMAC-SHA256 of the raw body under the rule's secret (as GitHub signs its webhooks), and
// `X-Relais-Timestamp` (Unix seconds) repeats the body's `sentAt`, which the signature covers:
// a receiver checks the signature, then that the timestamp is recent (5 minutes) to refuse
// replays, and may use `X-Relais-Delivery` to drop a repeated delivery.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { nonPublicReason, systemResolver, type Resolver } from '../sources/feeds/address.ts';
import type { Alert } from './store.ts';

export const SIGNATURE_HEADER = 'x-relais-signature';
export const TIMESTAMP_HEADER = 'x-relais-timestamp';
export const DELIVERY_HEADER = 'x-relais-delivery';

/** Waits between attempts (attempt n waits BACKOFF_MS[n-1]), then gives up: 6 attempts over ~3 h. */
export const WEBHOOK_DEFAULTS = {
  backoffMs: [30_000, 2 * 60_000, 10 * 60_000, 30 * 60_000, 2 * 3_600_000],
  timeoutMs: 10_000,
  /** A receiver refuses a timestamp older than this. */
  toleranceSeconds: 300,
};

/** `sha256=<hex>` of the body under the secret. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** What a receiver does (and the tests do): the signature matches and the timestamp is fresh. */
export function verifySignature(secret: string, body: string, signature: string | null, timestamp: string | null, nowSeconds: number, toleranceSeconds = WEBHOOK_DEFAULTS.toleranceSeconds): boolean {
  if (!signature || !timestamp) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  const sentAt = (JSON.parse(body) as { sentAt?: unknown }).sentAt;
  return String(sentAt) === timestamp && Math.abs(nowSeconds - Number(timestamp)) <= toleranceSeconds;
}

export function webhookBody(alert: Alert, workspace: string, deliveryId: string, nowMs: number, appUrl: string | null): string {
  return JSON.stringify({
    type: 'alert.fired',
    deliveryId,
    sentAt: Math.floor(nowMs / 1000),
    workspace,
    alert,
    ...(appUrl ? { url: `${appUrl.replace(/\/$/, '')}/w/${encodeURIComponent(workspace)}/listen/alerts` } : {}),
  });
}

export interface AttemptResult {
  ok: boolean;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
}

/** Refuses a URL whose host resolves to a loopback or private address, unless allowed. */
async function checkAddress(url: URL, allowPrivate: boolean, resolve: Resolver): Promise<string | null> {
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = await resolve(host);
  for (const a of addresses) {
    const reason = nonPublicReason(a.address);
    if (reason) return `${url.hostname} resolves to a ${reason} address (${a.address}): an administrator must allow private addresses for this rule`;
  }
  return null;
}

/** One POST; never throws (the caller records the attempt and decides on a retry). */
export async function postWebhook(target: { url: string; secret: string; allowPrivate: boolean }, body: string, deliveryId: string, options: { timeoutMs?: number; resolve?: Resolver; signal?: AbortSignal } = {}): Promise<AttemptResult> {
  const started = performance.now();
  const done = (httpStatus: number | null, error: string | null): AttemptResult => ({ ok: error === null, httpStatus, error, durationMs: Math.round(performance.now() - started) });
  try {
    const url = new URL(target.url);
    const refused = await checkAddress(url, target.allowPrivate, options.resolve ?? systemResolver);
    if (refused) return done(null, refused);
    const signals = [AbortSignal.timeout(options.timeoutMs ?? WEBHOOK_DEFAULTS.timeoutMs), ...(options.signal ? [options.signal] : [])];
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'relais-alerts',
        [SIGNATURE_HEADER]: signBody(target.secret, body),
        [TIMESTAMP_HEADER]: String((JSON.parse(body) as { sentAt: number }).sentAt),
        [DELIVERY_HEADER]: deliveryId,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.any(signals),
    });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return done(response.status, null);
    return done(response.status, `the receiver answered HTTP ${response.status}`);
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return done(null, `${error instanceof Error ? error.message : String(error)}${cause}`);
  }
}

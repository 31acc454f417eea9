// "60 seconds of social media" (seed 002): what was published in the last minute, per
// network, and per minute over the last hour. The web tab refreshes it on each
// `mentions.ingested` event of the workspace's live stream (SSE).
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/schema.ts';
import { liveCounts } from './queries.ts';

const MINUTE_MS = 60_000;
export const LIVE_MINUTES = 60;

export interface LiveView {
  now: number;
  lastMinute: { total: number; byNetwork: Record<string, number> };
  perMinute: { at: number[]; byNetwork: Record<string, number[]> };
}

export async function liveView(db: Kysely<PlatformTables>, scope: { workspaceId: number; topicId?: number }, now: number): Promise<LiveView> {
  const end = Math.floor(now / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  const start = end - LIVE_MINUTES * MINUTE_MS;
  const [minutes, seconds] = await Promise.all([
    liveCounts(db, { ...scope, from: start, to: end }, MINUTE_MS),
    liveCounts(db, { ...scope, from: now - MINUTE_MS, to: now + 1 }, 1000),
  ]);
  const at = Array.from({ length: LIVE_MINUTES }, (_, i) => start + i * MINUTE_MS);
  const byNetwork: Record<string, number[]> = {};
  for (const row of minutes) {
    const i = Math.round((row.at - start) / MINUTE_MS);
    if (i >= 0 && i < LIVE_MINUTES) (byNetwork[row.network] ??= new Array<number>(LIVE_MINUTES).fill(0))[i]! += row.count;
  }
  const last: Record<string, number> = {};
  let total = 0;
  for (const row of seconds) {
    last[row.network] = (last[row.network] ?? 0) + row.count;
    total += row.count;
  }
  return { now, lastMinute: { total, byNetwork: last }, perMinute: { at, byNetwork } };
}

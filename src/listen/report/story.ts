// The buzz as seed 003 tells it: how many posts per source type, how many times a usual day at
// the peak ("d'une moyenne de 120 articles de blogs par jour, on est passé à 10 000"), when it
// started, who started it, and in which order the source types caught it. Pure: figures in,
// the story's facts out.
import type { Dashboard } from '../dashboard/dashboard.ts';
import type { BucketRow, MentionSample } from '../dashboard/queries.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export const DEFAULTS = {
  /** A source type has caught the buzz when its running total reaches this share of its burst-window total. */
  caughtShare: 0.1,
  /** Source types with fewer mentions in the burst window are left out of the spread. */
  minSpreadCount: 5,
  /** …or with less than this share of the burst window's mentions. */
  minSpreadShare: 0.02,
  /** The onset hour: the first hour at or above this many times the usual hourly rate… */
  onsetFactor: 3,
  /** …and at least this many mentions. */
  onsetMin: 3,
};

export interface SourceLine {
  sourceType: string;
  total: number;
  /** Mean mentions per day over the days before the burst ("une moyenne de 120 par jour"). */
  usualPerDay: number | null;
  peak: { at: number; count: number; factor: number | null } | null;
}

export interface BuzzStory {
  total: number;
  sources: SourceLine[];
  /** The day with the most mentions, all sources together. */
  peak: { at: number; count: number; baseline: number | null; factor: number | null } | null;
  /** The burst run containing the peak: its first and last days (null when nothing spiked). */
  burst: { from: number; to: number; days: number } | null;
  /** The first hour that rose well above its usual rate, in the burst's first day or the day before. */
  onsetAt: number | null;
  /** The burst window the spread is read in: [from, to). */
  window: { from: number; to: number };
  /** Source types in the order they caught the buzz, with when. */
  spread: Array<{ sourceType: string; caughtAt: number; count: number }>;
}

/** Days of the burst run around the peak: consecutive days flagged burst by the spike detector. */
function burstRun(dashboard: Dashboard, peakIndex: number): { first: number; last: number } | null {
  const all = dashboard.daily.buzz.find((b) => b.sourceType === 'all');
  if (!all || !all.days[peakIndex]?.burst) return null;
  let first = peakIndex;
  let last = peakIndex;
  while (first > 0 && all.days[first - 1]!.burst) first -= 1;
  while (last < all.days.length - 1 && all.days[last + 1]!.burst) last += 1;
  return { first, last };
}

/** The window whose hourly volume the story needs: from the day before the burst to two days after its peak. */
export function storyWindow(dashboard: Dashboard): { from: number; to: number } {
  const all = dashboard.daily.buzz.find((b) => b.sourceType === 'all');
  const at = dashboard.daily.at;
  if (!all?.peak || at.length === 0) return { from: dashboard.from, to: dashboard.to };
  const peakIndex = at.indexOf(all.peak.at);
  const run = burstRun(dashboard, peakIndex);
  const first = run ? run.first : peakIndex;
  return { from: Math.max(dashboard.from, at[first]! - DAY_MS), to: Math.min(dashboard.to, all.peak.at + 3 * DAY_MS) };
}

export function buzzStory(dashboard: Dashboard, hourly: readonly BucketRow[], options: Partial<typeof DEFAULTS> = {}): BuzzStory {
  const o = { ...DEFAULTS, ...options };
  const at = dashboard.daily.at;
  const all = dashboard.daily.buzz.find((b) => b.sourceType === 'all');
  const peakIndex = all?.peak ? at.indexOf(all.peak.at) : -1;
  const run = peakIndex >= 0 ? burstRun(dashboard, peakIndex) : null;
  const beforeBurst = run ? run.first : peakIndex >= 0 ? peakIndex : at.length;

  const sources: SourceLine[] = dashboard.daily.buzz
    .filter((b) => b.sourceType !== 'all')
    .map((b) => {
      const before = b.days.slice(0, beforeBurst);
      // Days before the burst in the period, or else the baseline the detector used for the first day.
      const usual = before.length > 0 ? before.reduce((s, d) => s + d.count, 0) / before.length : (b.days[0]?.baseline ?? null);
      return { sourceType: b.sourceType, total: b.total, usualPerDay: usual, peak: b.peak && { at: b.peak.at, count: b.peak.count, factor: b.peak.factor } };
    });

  const window = storyWindow(dashboard);
  // Hourly totals in the window, all sources together and per source type.
  const hours = Math.max(0, Math.ceil((window.to - window.from) / HOUR_MS));
  const totalByHour = new Array<number>(hours).fill(0);
  const bySource = new Map<string, number[]>();
  for (const row of hourly) {
    const i = Math.floor((row.at - window.from) / HOUR_MS);
    if (i < 0 || i >= hours) continue;
    totalByHour[i]! += row.count;
    if (!bySource.has(row.sourceType)) bySource.set(row.sourceType, new Array<number>(hours).fill(0));
    bySource.get(row.sourceType)![i]! += row.count;
  }

  let onsetAt: number | null = null;
  if (peakIndex >= 0) {
    const baseline = all!.days[run ? run.first : peakIndex]?.baseline ?? 0;
    const threshold = Math.max(o.onsetMin, (o.onsetFactor * baseline) / 24);
    const i = totalByHour.findIndex((n) => n >= threshold);
    onsetAt = i >= 0 ? window.from + i * HOUR_MS : null;
  }

  const windowTotal = totalByHour.reduce((sum, n) => sum + n, 0);
  const spread: BuzzStory['spread'] = [];
  for (const [sourceType, counts] of bySource) {
    const total = counts.reduce((s, n) => s + n, 0);
    // A source type with a handful of mentions says nothing of the order.
    if (total < Math.max(o.minSpreadCount, o.minSpreadShare * windowTotal)) continue;
    let running = 0;
    const i = counts.findIndex((n) => (running += n) >= o.caughtShare * total);
    spread.push({ sourceType, caughtAt: window.from + i * HOUR_MS, count: total });
  }
  spread.sort((a, b) => a.caughtAt - b.caughtAt || b.count - a.count);

  return {
    total: dashboard.total,
    sources: sources.sort((a, b) => b.total - a.total),
    peak: all?.peak ?? null,
    burst: run ? { from: at[run.first]!, to: at[run.last]!, days: run.last - run.first + 1 } : null,
    onsetAt,
    window,
    spread,
  };
}

/**
 * The period in which to look for who started it: six hours either side of the onset hour — a
 * buzz often shows in small accounts' posts an hour or two before the post that carries it.
 */
export function starterWindow(story: BuzzStory): { from: number; to: number } | null {
  return story.onsetAt === null ? null : { from: story.onsetAt - 6 * HOUR_MS, to: story.onsetAt + 6 * HOUR_MS };
}

/** Who started it: among the mentions around the onset, the most engaging first, then the earliest. */
export function startersOf(engaging: readonly MentionSample[], earliest: readonly MentionSample[], limit = 3): MentionSample[] {
  const out: MentionSample[] = [];
  for (const m of [...engaging, ...earliest]) if (!out.some((x) => x.id === m.id) && out.length < limit) out.push(m);
  return out;
}

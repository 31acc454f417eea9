// How big is today against a usual day? A weekday-aware robust baseline: the median of the
// same weekday over the previous weeks (social volume has a weekly rhythm), falling back to
// the median of the previous days when there is not enough history; the spike factor is the
// day's count over that baseline, and a robust z-score (median absolute deviation) says
// whether the difference is more than the usual noise. Pure: counts in, figures out.

export const DEFAULTS = {
  /** Same-weekday history used, in weeks. */
  weeks: 4,
  /** With fewer same-weekday points than this, the previous `fallbackDays` are used. */
  minWeekdayPoints: 2,
  fallbackDays: 7,
  /** Baselines below this count are raised to it: ×50 over a usual 0.2 says nothing. */
  floor: 1,
  /** A burst: z above this and at least `minCount` mentions. */
  zThreshold: 3.5,
  minCount: 10,
};

export type BaselineOptions = typeof DEFAULTS;

export interface DayFigure {
  count: number;
  /** The usual count for that day; null without any history. */
  baseline: number | null;
  /** count / max(baseline, floor); null without history. */
  factor: number | null;
  /** Robust z-score of the count against the same history. */
  z: number | null;
  burst: boolean;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The history a day is compared with: same weekdays before it, else the days just before. */
function historyOf(counts: readonly number[], day: number, options: BaselineOptions): number[] {
  const weekdays: number[] = [];
  for (let w = 1; w <= options.weeks && day - 7 * w >= 0; w++) weekdays.push(counts[day - 7 * w]!);
  if (weekdays.length >= options.minWeekdayPoints) return weekdays;
  return counts.slice(Math.max(0, day - options.fallbackDays), day);
}

/** Figures for each day of a daily series (index 0 = the first day). */
export function dailyBaseline(counts: readonly number[], options: Partial<BaselineOptions> = {}): DayFigure[] {
  const o = { ...DEFAULTS, ...options };
  return counts.map((count, day) => {
    const history = historyOf(counts, day, o);
    if (history.length === 0) return { count, baseline: null, factor: null, z: null, burst: false };
    const baseline = median(history);
    const mad = median(history.map((v) => Math.abs(v - baseline)));
    // 1.4826·MAD estimates σ for normal noise; Poisson noise (√baseline) is the least we allow.
    const sigma = Math.max(1.4826 * mad, Math.sqrt(Math.max(baseline, o.floor)));
    const z = (count - baseline) / sigma;
    return { count, baseline, factor: count / Math.max(baseline, o.floor), z, burst: z >= o.zThreshold && count >= o.minCount };
  });
}

/** The peak day of a series and its factor against its own baseline. */
export function peakOf(figures: readonly DayFigure[]): { day: number; count: number; factor: number | null } | null {
  let best = -1;
  figures.forEach((f, i) => {
    if (best < 0 || f.count > figures[best]!.count) best = i;
  });
  return best < 0 ? null : { day: best, count: figures[best]!.count, factor: figures[best]!.factor };
}

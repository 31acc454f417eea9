// The one place alerts ask "is this hour a spike?". For now it adapts Listen's daily baseline
// (analytics/baseline.ts: the median of the same weekday over the previous weeks, a robust
// z-score from the median absolute deviation) to hours: each hour of the day is its own daily
// series, so 18:00 on a Tuesday is compared with 18:00 on the previous Tuesdays. A better
// detector (analytics/spikes.ts) will replace the body of `hourlySpikes`, not its callers.
import { dailyBaseline, type DayFigure } from '../analytics/baseline.ts';
import { HOUR_MS } from './model.ts';

export type HourFigure = DayFigure;

export const SPIKE_DETECTOR = {
  /** Days of data an hour needs before it is judged: a first week has no "usual" yet. */
  minHistoryDays: 7,
};

const NO_FIGURE = (count: number): HourFigure => ({ count, baseline: null, factor: null, z: null, burst: false });

/**
 * Figures for every hour of an hourly series that starts at `start` (epoch ms, on the hour).
 * Each hour's baseline comes only from the hours before it, so the last, partial hour of a
 * live series is judged against whole hours. Hours before `dataStart` (the workspace's first
 * mention) are no data, not quiet hours.
 */
export function hourlySpikes(counts: readonly number[], start: number, options: { minCount: number; minZ: number; dataStart?: number | null }): HourFigure[] {
  const firstIndex = options.dataStart == null ? 0 : Math.max(0, Math.floor((options.dataStart - start) / HOUR_MS));
  const offset = Math.round(start / HOUR_MS) % 24;
  const out = counts.map(NO_FIGURE);
  for (let hourOfDay = 0; hourOfDay < 24; hourOfDay++) {
    let first = (hourOfDay - offset + 24) % 24;
    while (first < firstIndex) first += 24;
    const indexes: number[] = [];
    for (let i = first; i < counts.length; i += 24) indexes.push(i);
    const figures = dailyBaseline(
      indexes.map((i) => counts[i]!),
      { minCount: options.minCount, zThreshold: options.minZ },
    );
    indexes.forEach((i, day) => {
      if (day >= SPIKE_DETECTOR.minHistoryDays) out[i] = figures[day]!;
    });
  }
  return out;
}

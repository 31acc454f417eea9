// The one place alerts ask "is this hour a spike?": analytics/spikes.ts, run on the hourly
// counts as the volume route runs it (Anscombe-stabilised counts against a robust Holt–Winters
// baseline with a daily season; see that file for the method and bench/RESULTS.md for how it
// scores on NAB and on the demo bursts). Each hour is judged only from the hours before it.
// The rule's thresholds then apply to the figures given here: the expected count, the factor
// over it and the robust z-score; `burst` is the detector's own flag (one per burst).
import type { DayFigure } from '../analytics/baseline.ts';
import { detectSpikes, HOURLY_COUNTS } from '../analytics/spikes.ts';
import { HOUR_MS } from './model.ts';

export type HourFigure = DayFigure;

export const SPIKE_DETECTOR = {
  /** Days of data an hour needs before it is judged: a first week has no "usual" yet. */
  minHistoryDays: 7,
};

const NO_FIGURE = (count: number): HourFigure => ({ count, baseline: null, factor: null, z: null, burst: false });

/**
 * Figures for every hour of an hourly series that starts at `start` (epoch ms, on the hour).
 * Each hour's figures come only from the hours before it, so the last, partial hour of a live
 * series is judged against whole hours. Hours before `dataStart` (the workspace's first
 * mention) are no data, not quiet hours.
 */
export function hourlySpikes(counts: readonly number[], start: number, options: { minCount: number; minZ: number; dataStart?: number | null }): HourFigure[] {
  const firstIndex = options.dataStart == null ? 0 : Math.max(0, Math.floor((options.dataStart - start) / HOUR_MS));
  const out = counts.map(NO_FIGURE);
  const points = detectSpikes(counts.slice(firstIndex), { ...HOURLY_COUNTS, minCount: options.minCount });
  points.forEach((p, k) => {
    const i = firstIndex + k;
    if (k < SPIKE_DETECTOR.minHistoryDays * 24 || p.expected === null || p.z === null) return;
    const baseline = Math.round(p.expected * 10) / 10;
    out[i] = { count: counts[i]!, baseline, factor: counts[i]! / Math.max(baseline, 1), z: p.z, burst: p.spike };
  });
  return out;
}

// The buzz in figures, as seed 003 gives them: per source type, how many mentions over the
// period, the peak day and how many times a usual day it was ("blogs ×83"); and the hours a
// buzz started, marked by spikes.ts on the hourly counts. Pure.
import { dailyBaseline, peakOf, type BaselineOptions, type DayFigure } from './baseline.ts';
import { DEFAULTS as SPIKE_DEFAULTS, detectSpikes, HOURLY_COUNTS, type SpikeOptions } from './spikes.ts';

export interface SourceBuzz {
  sourceType: string;
  /** Mentions in the window. */
  total: number;
  peak: { at: number; count: number; baseline: number | null; factor: number | null } | null;
  /** Days in the window flagged as bursts. */
  burstDays: number[];
  /** Per day of the window. */
  days: DayFigure[];
}

/**
 * `at` and `bySource` hold daily buckets that begin `historyDays` before the window, so that
 * the first days of the window have a baseline too.
 */
export function buzzBySource(
  series: { at: readonly number[]; bySource: Readonly<Record<string, readonly number[]>> },
  historyDays: number,
  options: Partial<BaselineOptions> & {
    /** Epoch ms of the first mention the workspace holds: days before it are not "zero days", they are no data. */
    dataStart?: number | null;
  } = {},
): SourceBuzz[] {
  const out: SourceBuzz[] = [];
  const withTotal: Record<string, readonly number[]> = { ...series.bySource, all: series.at.map((_, i) => Object.values(series.bySource).reduce((s, c) => s + (c[i] ?? 0), 0)) };
  const dayMs = 86_400_000;
  const first = options.dataStart == null ? 0 : Math.max(0, series.at.findIndex((at) => at + dayMs > options.dataStart!));
  for (const [sourceType, counts] of Object.entries(withTotal)) {
    // Days before the data starts have no figures; the first days after it, little history.
    const known = dailyBaseline(counts.slice(first), options);
    const none = counts.slice(0, first).map((count): DayFigure => ({ count, baseline: null, factor: null, z: null, burst: false }));
    const figures = [...none, ...known].slice(historyDays);
    const at = series.at.slice(historyDays);
    const peak = peakOf(figures);
    out.push({
      sourceType,
      total: figures.reduce((s, f) => s + f.count, 0),
      peak: peak && peak.count > 0 ? { at: at[peak.day]!, count: peak.count, baseline: figures[peak.day]!.baseline, factor: peak.factor } : null,
      burstDays: figures.flatMap((f, i) => (f.burst ? [at[i]!] : [])),
      days: figures,
    });
  }
  return out.sort((a, b) => (a.sourceType === 'all' ? -1 : b.sourceType === 'all' ? 1 : b.total - a.total));
}

/** An hour where spikes.ts flagged the start of a burst. */
export interface SpikeMark {
  /** Start of the hour, epoch ms (UTC). */
  at: number;
  count: number;
  /** What the hour usually holds, learnt from the hours before it. */
  expected: number;
  /** Anomaly score in [0, 1]. */
  score: number;
}

/** The detector's parameters, shown with its marks so that a reader can tell how they came. */
export const SPIKE_PARAMETERS = {
  method: 'spikes.ts: Anscombe-transformed hourly counts against a robust Holt–Winters baseline with a daily season; anomaly likelihood of the recent residuals; one mark per burst',
  season: HOURLY_COUNTS.season!,
  threshold: SPIKE_DEFAULTS.threshold,
  minCount: SPIKE_DEFAULTS.minCount,
  quietHoursAfterMark: SPIKE_DEFAULTS.suppress,
};

/**
 * Hourly spike marks per source type ("all" included) at or after `from`. The hourly series may
 * start long before `from` (history the detector learns from); hours before `dataStart` are not
 * "zero hours", they are no data, and are skipped.
 */
export function hourlySpikes(
  hourly: { at: readonly number[]; bySource: Readonly<Record<string, readonly number[]>> },
  from: number,
  options: { dataStart?: number | null; detector?: Partial<SpikeOptions> } = {},
): Record<string, SpikeMark[]> {
  const hourMs = 3_600_000;
  const first = options.dataStart == null ? 0 : Math.max(0, hourly.at.findIndex((at) => at + hourMs > options.dataStart!));
  const all = hourly.at.map((_, i) => Object.values(hourly.bySource).reduce((s, c) => s + (c[i] ?? 0), 0));
  const out: Record<string, SpikeMark[]> = {};
  for (const [sourceType, counts] of Object.entries({ ...hourly.bySource, all })) {
    const known = counts.slice(first);
    out[sourceType] = detectSpikes(known, { ...HOURLY_COUNTS, ...options.detector }).flatMap((p, k) => {
      const at = hourly.at[first + k]!;
      return p.spike && at >= from ? [{ at, count: known[k]!, expected: Math.round((p.expected ?? 0) * 100) / 100, score: p.score }] : [];
    });
  }
  return out;
}

/** Each source type's buzz with its spike marks, and the UTC days that hold one. */
export function withSpikes(buzz: readonly SourceBuzz[], marks: Readonly<Record<string, SpikeMark[]>>): Array<SourceBuzz & { spikes: SpikeMark[]; spikeDays: number[] }> {
  const dayMs = 86_400_000;
  return buzz.map((b) => {
    const spikes = marks[b.sourceType] ?? [];
    return { ...b, spikes, spikeDays: [...new Set(spikes.map((m) => Math.floor(m.at / dayMs) * dayMs))] };
  });
}

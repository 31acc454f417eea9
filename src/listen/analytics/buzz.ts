// The buzz in figures, as seed 003 gives them: per source type, how many mentions over the
// period, the peak day and how many times a usual day it was ("blogs ×83"). Pure.
import { dailyBaseline, peakOf, type BaselineOptions, type DayFigure } from './baseline.ts';

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

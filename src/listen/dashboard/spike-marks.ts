// The one place the dashboard and the buzz report ask which days spiked. Today it is the
// weekday-aware robust baseline of analytics/baseline.ts (via buzzBySource); a better detector
// (analytics/spikes.ts) replaces the call here and nowhere else. Pure.
import { buzzBySource, type SourceBuzz } from '../analytics/buzz.ts';

/** Days of history read before a period so that its first days have a baseline. */
export const HISTORY_DAYS = 28;

export interface SpikeMark {
  /** Start of the UTC day, epoch ms. */
  at: number;
  /** 'all' or a source type. */
  sourceType: string;
  count: number;
  baseline: number | null;
  factor: number | null;
  z: number | null;
}

export interface SpikeAnalysis {
  /** Per source type ("all" first): total, peak with its factor, burst days, daily figures. */
  buzz: SourceBuzz[];
  /** Every burst day of every series, for markers on the chart. */
  marks: SpikeMark[];
}

/**
 * `series` holds daily counts per source type starting HISTORY_DAYS before the period;
 * `dataStart` is when the workspace's first mention was published (days before it are no data).
 */
export function dailySpikes(series: { at: readonly number[]; bySource: Readonly<Record<string, readonly number[]>> }, dataStart: number | null): SpikeAnalysis {
  const buzz = buzzBySource(series, HISTORY_DAYS, { dataStart });
  const at = series.at.slice(HISTORY_DAYS);
  const marks: SpikeMark[] = [];
  for (const source of buzz) {
    source.days.forEach((day, i) => {
      if (day.burst) marks.push({ at: at[i]!, sourceType: source.sourceType, count: day.count, baseline: day.baseline, factor: day.factor, z: day.z });
    });
  }
  return { buzz, marks };
}

// The three detectors compared in `npm run bench -- spikes`, as per-point anomaly scores in
// [0, 1] that NAB's threshold sweep can rank: relais's spikes.ts, NAB's reference windowed
// Gaussian, and the daily baseline that Listen used before (baseline.ts: the median of the same
// weekday over 4 weeks and a robust z; its z is read through the Gaussian CDF, and under its
// minimum count the score is 0, as its burst rule says). baseline.ts is applied as it is to
// every series, one point standing for one day.
import { dailyBaseline } from '../src/listen/analytics/baseline.ts';
import { windowedGaussian } from '../src/listen/analytics/nab/windowed-gaussian.ts';
import { detectSpikes, gaussianTail, HOURLY_COUNTS, type SpikeOptions } from '../src/listen/analytics/spikes.ts';

export interface Detector {
  name: string;
  scores(values: ArrayLike<number>, context: { season: number; counts: boolean }): Float64Array;
}

export const SPIKES: Detector = {
  name: 'relais spikes.ts',
  scores: (values, { season, counts }) => {
    const options: Partial<SpikeOptions> = counts ? { ...HOURLY_COUNTS, season } : { season, direction: 'both', counts: false };
    return Float64Array.from(detectSpikes(values, options), (p) => p.score);
  },
};

/** What Listen shows for a day: spikes.ts run on the day's hours, the day scored by its highest hour. */
export function dayOfHours(hourly: ArrayLike<number>): Float64Array {
  const scores = Float64Array.from(detectSpikes(hourly, HOURLY_COUNTS), (p) => p.score);
  return Float64Array.from({ length: Math.ceil(hourly.length / 24) }, (_, d) => Math.max(...scores.subarray(d * 24, d * 24 + 24)));
}

export const WINDOWED_GAUSSIAN: Detector = { name: 'NAB windowed Gaussian', scores: (values) => windowedGaussian(values) };

export const BASELINE: Detector = {
  name: 'baseline.ts (before)',
  scores: (values, { counts }) =>
    Float64Array.from(dailyBaseline(Array.from(values)), (f) => (f.z === null || Number.isNaN(f.z) || (counts && f.count < 10) ? 0 : 1 - gaussianTail(f.z))),
};

export const DETECTORS = [SPIKES, WINDOWED_GAUSSIAN, BASELINE];

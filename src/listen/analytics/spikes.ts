// Streaming spike detection for mention volumes (and any numeric series): each point gets an
// anomaly score in [0, 1] and a spike flag computed only from the points before it, so the
// figure the app shows for an hour is the one an alert would have raised at that hour.
//
// The method, in four steps:
// 1. Counts are put on a scale where Poisson noise is constant: Anscombe's transform
//    2·√(x + 3/8) has variance ≈ 1 whatever the mean (Anscombe 1948, Biometrika 35). So 0 → 3
//    mentions in a quiet hour is not a "×∞" spike, and 300 → 330 in a busy one is not either.
// 2. The expected value is a robust exponential smoothing of the level, plus a seasonal term
//    when the caller knows the period (hour of the day for hourly buckets, weekday for daily):
//    the Holt–Winters recursions with each residual passed through Huber's ψ before it updates
//    anything, and the scale of the residuals tracked by a robust exponential estimate (Gelper,
//    Fried & Croux 2010, "Robust forecasting with exponential and Holt–Winters smoothing",
//    Journal of Forecasting 29). A spike therefore barely moves the baseline it is judged by.
// 3. The standardised residual z is turned into an anomaly likelihood as in Numenta's detector
//    (Ahmad, Lavin, Purdy & Agha 2017, "Unsupervised real-time anomaly detection for streaming
//    data", Neurocomputing 262): the recent mean of |z| against the distribution of its own
//    past values, through the Gaussian tail, so one threshold means the same on a noisy series
//    and on a calm one.
// 4. After a spike is flagged, the scores of the following points are damped for a while: the
//    burst is one event, not a hundred (NAB rewards the first detection of a window and
//    charges every later false one).
// The defaults (α, γ, the likelihood's windows, the quiet period, the threshold) were chosen on
// the tuning half of NAB's labelled series only (bench/spikes-tune.ts); `npm run bench --
// spikes` scores them with NAB's method on all of NAB, on the held-out half and on the demo
// world's bursts. Pure: numbers in, numbers out.

export const DEFAULTS = {
  /** Points in a season (24 for hourly buckets and a daily rhythm, 7 for days and a weekly one); 0 for none. */
  season: 0,
  /** Treat values as counts (Anscombe transform, Poisson noise floor); 'auto': when the warm-up's values are all non-negative integers. */
  counts: 'auto' as boolean | 'auto',
  /** 'up' flags rises only (buzz); 'both' rises and falls. */
  direction: 'both' as 'up' | 'both',
  /** Smoothing weights of the level, the season and the residual scale (Holt–Winters α, γ and the scale's λ). */
  alpha: 0.02,
  gamma: 0.1,
  scaleWeight: 0.02,
  /** Huber's clipping constant for the residual that updates the baseline, in scale units. */
  huber: 2,
  /** Points before any score is given (the baseline is learning). */
  warmup: 10,
  /** Anomaly likelihood: the short average of |z| and the history it is compared with. */
  shortWindow: 12,
  longWindow: 400,
  /** Recent means that enter the likelihood's history are capped at this many deviations. */
  historyCap: Infinity,
  /** Score above which a point is a spike. */
  threshold: 0.9999,
  /** Spikes below this count are not flagged (counts only: 3 mentions are not a buzz). */
  minCount: 5,
  /** After a spike, scores are damped for this many points. */
  suppress: 50,
};

export type SpikeOptions = typeof DEFAULTS;

/**
 * Listen's hourly mention counts: a daily season (24 hours), rises only (a buzz, not a lull),
 * read as counts, and a burst's surprises capped at 5 deviations in the likelihood's history so
 * that a launch does not hide the bad buzz a week later (chosen on the demo world's seeds 1–5;
 * `npm run bench -- spikes` reports seeds 6–10). The other parameters are the defaults.
 */
export const HOURLY_COUNTS: Partial<SpikeOptions> = { season: 24, direction: 'up', counts: true, historyCap: 5 };

export interface SpikePoint {
  /** Expected value before seeing this point (in the series' own units); null while learning. */
  expected: number | null;
  /** Standardised residual (robust z-score); null while learning. */
  z: number | null;
  /** Anomaly score in [0, 1]: high when the recent residuals are unusually large. */
  score: number;
  spike: boolean;
}

/** Gaussian tail probability Q(x) = P(N(0,1) > x), via Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7). */
export function gaussianTail(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return 0.5 * (1 - sign * erf);
}

const anscombe = (x: number): number => 2 * Math.sqrt(Math.max(x, 0) + 0.375);
const fromAnscombe = (y: number): number => Math.max(0, (y / 2) ** 2 - 0.375);

/**
 * Numenta's anomaly likelihood over a stream of surprises: the mean of the last `short` ones
 * against the mean and deviation of those means over the last `long` points, through the
 * Gaussian tail. Returns 0 until two means are known. Means above `cap` deviations enter the
 * history capped there.
 */
function anomalyLikelihood(short: number, long: number, cap: number): (surprise: number) => number {
  // Two ring buffers with running sums: O(1) a point.
  const recent = new Float64Array(short);
  let recentCount = 0;
  let recentSum = 0;
  const averages = new Float64Array(long);
  let count = 0;
  let sum = 0;
  let squares = 0;
  let seen = 0;
  return (surprise) => {
    const r = seen % short;
    if (recentCount === short) recentSum -= recent[r]!;
    else recentCount += 1;
    recent[r] = surprise;
    recentSum += surprise;
    const average = recentSum / recentCount;
    let score = 0;
    let kept = average;
    if (count >= 2) {
      const mean = sum / count;
      const sd = Math.sqrt(Math.max(squares / count - mean * mean, 1e-12));
      score = 1 - gaussianTail((average - mean) / sd);
      // A burst's own surprises, capped, so that it does not hide the next burst.
      kept = Math.min(average, mean + cap * sd);
    }
    const a = seen % long;
    if (count === long) {
      sum -= averages[a]!;
      squares -= averages[a]! * averages[a]!;
    } else count += 1;
    averages[a] = kept;
    sum += kept;
    squares += kept * kept;
    seen += 1;
    return score;
  };
}

/** A detector fed one value at a time. */
export interface SpikeDetector {
  push(value: number): SpikePoint;
}

export function createSpikeDetector(options: Partial<SpikeOptions> = {}): SpikeDetector {
  const o = { ...DEFAULTS, ...options };
  const seasonal = o.season > 1 ? new Float64Array(o.season) : null;
  const seasonSeen = o.season > 1 ? new Uint16Array(o.season) : null;
  let counts = o.counts === 'auto' ? true : o.counts;
  let t = 0;
  let level = 0;
  let scale = 0;
  const first: number[] = [];
  const likelihood = anomalyLikelihood(o.shortWindow, o.longWindow, o.historyCap);
  let quietUntil = -1;

  const transform = (x: number): number => (counts ? anscombe(x) : x);

  return {
    push(value: number): SpikePoint {
      // 'auto' decides while learning: counts as long as every value is a non-negative integer.
      // After the warm-up the reading is fixed (a count series stays one).
      if (o.counts === 'auto' && counts && first.length < o.warmup && !(Number.isInteger(value) && value >= 0)) counts = false;
      const y = transform(value);
      const slot = seasonal ? t % o.season : 0;
      t += 1;
      if (first.length < o.warmup) {
        first.push(value);
        const ys = first.map(transform);
        level = ys.reduce((s, v) => s + v, 0) / ys.length;
        const deviations = ys.map((v) => Math.abs(v - level)).sort((a, b) => a - b);
        scale = 1.4826 * (deviations[deviations.length >> 1] ?? 0);
        return { expected: null, z: null, score: 0, spike: false };
      }
      const season = seasonal && seasonSeen![slot]! > 0 ? seasonal[slot]! : 0;
      const predicted = level + season;
      const floor = counts ? 1 : 1e-6 * (Math.abs(level) + 1e-6);
      const s = Math.max(scale, floor);
      const z = (y - predicted) / s;
      const psi = Math.max(-o.huber, Math.min(o.huber, z));
      // Robust Holt–Winters updates (Gelper et al. 2010): the clipped residual moves the level
      // and the season; the scale follows the clipped absolute residual (÷ E|N(0,1)| = 0.798).
      level += o.alpha * psi * s;
      if (seasonal) {
        // A slot seen for the first time takes the whole deviation from the level (the first
        // season is the best guess of the next); later ones move by γ of the clipped residual.
        seasonal[slot] = seasonSeen![slot] === 0 ? y - level : season + o.gamma * (1 - o.alpha) * psi * s;
        seasonSeen![slot] = Math.min(65535, seasonSeen![slot]! + 1);
      }
      scale = (1 - o.scaleWeight) * scale + o.scaleWeight * (Math.min(Math.abs(z), o.huber * 2) * s) / 0.7979;

      const signed = o.direction === 'up' ? Math.max(z, 0) : Math.abs(z);
      let score = likelihood(signed);
      const index = t - 1;
      if (index <= quietUntil) {
          score *= 0.5;
      }
      const big = !counts || value >= o.minCount;
      const spike = score >= o.threshold && big && index > quietUntil;
      if (spike) quietUntil = index + o.suppress;
      return { expected: counts ? fromAnscombe(predicted) : predicted, z, score, spike };
    },
  };
}

/** Scores a whole series, point by point, each from the points before it. */
export function detectSpikes(values: ArrayLike<number>, options: Partial<SpikeOptions> = {}): SpikePoint[] {
  const detector = createSpikeDetector(options);
  return Array.from({ length: values.length }, (_, i) => detector.push(values[i]!));
}

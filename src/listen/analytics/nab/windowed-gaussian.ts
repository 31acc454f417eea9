// NAB's reference "windowed Gaussian" detector (github.com/numenta/NAB,
// nab/detectors/gaussian/windowedGaussian_detector.py, the version whose results NAB publishes:
// standard score 39.6): each value's anomaly score is 1 − Q(|z|), the two-sided Gaussian tail
// of the value against the mean and standard deviation of a window of past values (up to 6,400
// of them, slid 100 at a time once full). Kept here as the side-by-side peer of spikes.ts.

export const DEFAULTS = { windowSize: 6400, stepSize: 100 };

/**
 * Complementary error function to ~1e-14: the Maclaurin series of erf below 2.5, Lentz's
 * continued fraction of erfc above (Abramowitz & Stegun 7.1.5 and 7.1.14). NAB rounds scores to
 * three decimals, so a coarser approximation would flip scores sitting at the 0.9995 boundary.
 */
export function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 2.5) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
      term *= (-x * x) / n;
      sum += term / (2 * n + 1);
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc(x) = e^{-x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated by modified Lentz.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = d === 0 ? tiny : 1 / d;
    c = x + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

/** The Gaussian tail probability beyond |x − mean| on one side (NAB's normalProbability). */
export function tailProbability(x: number, mean: number, std: number): number {
  const z = Math.abs(x - mean) / std;
  return 0.5 * erfc(z / Math.SQRT2);
}

/** Per-value anomaly scores in [0, 1], causal: value i is scored against values before it. */
export function windowedGaussian(values: ArrayLike<number>, options: Partial<typeof DEFAULTS> = {}): Float64Array {
  const { windowSize, stepSize } = { ...DEFAULTS, ...options };
  const out = new Float64Array(values.length);
  let window: number[] = [];
  let buffer: number[] = [];
  let mean = 0;
  let std = 1;
  const update = (): void => {
    let sum = 0;
    for (const v of window) sum += v;
    mean = sum / window.length;
    let squares = 0;
    for (const v of window) squares += (v - mean) * (v - mean);
    std = Math.sqrt(squares / window.length);
    if (std === 0) std = 0.000001;
  };
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    out[i] = window.length > 0 ? 1 - tailProbability(value, mean, std) : 0;
    if (window.length < windowSize) {
      window.push(value);
      update();
    } else {
      buffer.push(value);
      if (buffer.length === stepSize) {
        window = window.slice(stepSize).concat(buffer);
        buffer = [];
        update();
      }
    }
  }
  return out;
}

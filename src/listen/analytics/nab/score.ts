// The Numenta Anomaly Benchmark's scoring, reproduced to the digit: Lavin & Ahmad, "Evaluating
// Real-time Anomaly Detection Algorithms – the Numenta Anomaly Benchmark" (IEEE ICMLA 2015,
// arXiv:1510.03336), as the reference code computes it (github.com/numenta/NAB, nab/sweeper.py,
// nab/runner.py `optimize` and `normalize`, nab/util.py `getProbationPeriod`).
//
// Per file, each labelled window is either detected — only its first detection counts, worth
// tpWeight·σ(y)/σ(−1) with y = −(end − i + 1)/width — or missed (−fnWeight). A detection outside
// every window costs fpWeight·σ(y), y = |i − end of the previous window| / (its width − 1), and
// the full −fpWeight when no window precedes it. σ(y) = 2/(1 + e^{5y}) − 1, and −1 from y ≥ 3.
// Rows in the probationary period (the first 15 % of a file, at most 750 rows) are not scored.
// One threshold per detector and profile is chosen over the whole corpus by sweeping every
// distinct anomaly score (nab/sweeper.py `calcScoreByThreshold`, taking the best), and the
// corpus score is normalised between the null detector (never fires: every window missed) and
// the perfect one (every window detected at its first row): 100·(raw − null)/(perfect − null).
//
// Measurement only: nothing at run time imports this. Pure: plain arrays in, figures out.

/** NAB's config/profiles.json. */
export const PROFILES = {
  standard: { tpWeight: 1, fpWeight: 0.11, fnWeight: 1 },
  reward_low_FP_rate: { tpWeight: 1, fpWeight: 0.22, fnWeight: 1 },
  reward_low_FN_rate: { tpWeight: 1, fpWeight: 0.11, fnWeight: 2 },
} as const;

export type ProfileName = keyof typeof PROFILES;
export interface CostMatrix {
  tpWeight: number;
  fpWeight: number;
  fnWeight: number;
}

export const DEFAULTS = {
  /** Share of each file not scored (the detector is learning), capped at probation·5000 rows. */
  probationPercent: 0.15,
};

/** One labelled series: its length and its anomaly windows as inclusive row indices, in order. */
export interface LabelledFile {
  name: string;
  length: number;
  windows: ReadonlyArray<readonly [number, number]>;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** nab/util.py getProbationPeriod: rows before this index are not scored. */
export function probationLength(rows: number, percent = DEFAULTS.probationPercent): number {
  return Math.min(Math.floor(percent * rows), percent * 5000);
}

/** NAB's scaled sigmoid of the relative position y: ≈ +0.987 at −1, 0 at 0, ≈ −0.987 at 1, −1 from 3. */
export function scaledSigmoid(y: number): number {
  if (y >= 3) return -1;
  return 2 / (1 + Math.exp(5 * y)) - 1;
}

const MAX_TP = scaledSigmoid(-1);

/**
 * Per row, what a detection there is worth (NAB's "sweep score") and which window it would
 * detect (-1 outside every window); rows in probation are marked so and never count.
 */
export interface SweepRow {
  worth: number;
  window: number;
  probation: boolean;
}

export function sweepRows(file: LabelledFile, cost: CostMatrix, percent = DEFAULTS.probationPercent): SweepRow[] {
  const probation = probationLength(file.length, percent);
  const rows: SweepRow[] = new Array(file.length);
  let next = 0;
  let previous: { end: number; width: number } | null = null;
  for (let i = 0; i < file.length; i++) {
    const current = file.windows[next];
    let worth: number;
    let window = -1;
    if (current && i >= current[0] && i <= current[1]) {
      const width = current[1] - current[0] + 1;
      worth = (scaledSigmoid(-(current[1] - i + 1) / width) * cost.tpWeight) / MAX_TP;
      window = next;
      if (i === current[1]) {
        previous = { end: current[1], width };
        next += 1;
      }
    } else {
      // sweeper.py divides by (width − 1); a one-row window would divide by zero there.
      const y = previous === null ? 3 : previous.width > 1 ? Math.abs(previous.end - i) / (previous.width - 1) : 3;
      worth = scaledSigmoid(y) * cost.fpWeight;
    }
    rows[i] = { worth, window, probation: i < probation };
  }
  return rows;
}

/** Windows that have at least one scored row: the ones a detector can miss. */
function scoredWindows(file: LabelledFile, percent: number): number {
  const probation = probationLength(file.length, percent);
  return file.windows.filter(([, end]) => end >= probation).length;
}

export interface FileScore extends Counts {
  name: string;
  score: number;
  /** Row index of each window's first detection, or null when missed. */
  detectedAt: Array<number | null>;
}

/** One file's raw score when every row whose anomaly score is ≥ `threshold` is a detection. */
export function scoreFile(file: LabelledFile, scores: ArrayLike<number>, threshold: number, cost: CostMatrix, percent = DEFAULTS.probationPercent): FileScore {
  if (scores.length !== file.length) throw new RangeError(`${file.name}: ${scores.length} scores for ${file.length} rows`);
  const rows = sweepRows(file, cost, percent);
  const detectedAt: Array<number | null> = file.windows.map(() => null);
  const counts: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  let fp = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.probation) continue;
    const fired = scores[i]! >= threshold;
    if (row.window >= 0) {
      if (fired) {
        counts.tp += 1;
        if (detectedAt[row.window] === null) detectedAt[row.window] = i;
      } else counts.fn += 1;
    } else if (fired) {
      counts.fp += 1;
      fp += row.worth;
    } else counts.tn += 1;
  }
  const probation = probationLength(file.length, percent);
  let windows = 0;
  file.windows.forEach(([, end], w) => {
    if (end < probation) return;
    const at = detectedAt[w] ?? null;
    windows += at === null ? -cost.fnWeight : rows[at]!.worth;
  });
  return { name: file.name, score: windows + fp, detectedAt, ...counts };
}

export interface ThresholdScore extends Counts {
  threshold: number;
  score: number;
}

/**
 * nab/sweeper.py calcScoreByThreshold over a whole corpus: the raw score at every distinct
 * anomaly score, from the highest threshold (1.1: nothing fires) down. `scores[f]` holds file f's
 * per-row anomaly scores.
 */
export function scoresByThreshold(files: readonly LabelledFile[], scores: ReadonlyArray<ArrayLike<number>>, cost: CostMatrix, percent = DEFAULTS.probationPercent): ThresholdScore[] {
  const anomaly: number[] = [];
  const worth: number[] = [];
  const windowKey: number[] = [];
  let windowCount = 0;
  let tn = 0;
  let fn = 0;
  const missedAt: number[] = [];
  files.forEach((file, f) => {
    const rows = sweepRows(file, cost, percent);
    const fileScores = scores[f]!;
    if (fileScores.length !== file.length) throw new RangeError(`${file.name}: ${fileScores.length} scores for ${file.length} rows`);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (row.probation) continue;
      anomaly.push(fileScores[i]!);
      worth.push(row.worth);
      windowKey.push(row.window < 0 ? -1 : windowCount + row.window);
      if (row.window < 0) tn += 1;
      else fn += 1;
    }
    for (let w = 0; w < file.windows.length; w++) missedAt.push(file.windows[w]![1] >= probationLength(file.length, percent) ? -cost.fnWeight : 0);
    windowCount += file.windows.length;
  });
  const order = Array.from(anomaly.keys()).sort((a, b) => anomaly[b]! - anomaly[a]!);
  const best = missedAt.slice();
  let windowsTotal = best.reduce((s, v) => s + v, 0);
  let fpTotal = 0;
  let tp = 0;
  let fp = 0;
  let threshold = 1.1;
  const out: ThresholdScore[] = [];
  for (const k of order) {
    if (anomaly[k] !== threshold) {
      out.push({ threshold, score: windowsTotal + fpTotal, tp, fp, fn, tn });
      threshold = anomaly[k]!;
    }
    const w = windowKey[k]!;
    if (w < 0) {
      fp += 1;
      tn -= 1;
      fpTotal += worth[k]!;
    } else {
      tp += 1;
      fn -= 1;
      if (worth[k]! > best[w]!) {
        windowsTotal += worth[k]! - best[w]!;
        best[w] = worth[k]!;
      }
    }
  }
  out.push({ threshold, score: windowsTotal + fpTotal, tp, fp, fn, tn });
  return out;
}

/** NAB's optimise step: the threshold with the best corpus score (the highest one on ties). */
export function optimiseThreshold(files: readonly LabelledFile[], scores: ReadonlyArray<ArrayLike<number>>, cost: CostMatrix, percent = DEFAULTS.probationPercent): ThresholdScore {
  let best: ThresholdScore | null = null;
  for (const row of scoresByThreshold(files, scores, cost, percent)) if (best === null || row.score > best.score) best = row;
  return best!;
}

export interface CorpusScore {
  threshold: number;
  /** Sum of the files' raw scores. */
  raw: number;
  /** The null detector's raw score (every scorable window missed) and the perfect one's. */
  null: number;
  perfect: number;
  /** 100·(raw − null)/(perfect − null): 0 for the null detector, 100 for the perfect one. */
  normalised: number;
  files: FileScore[];
  counts: Counts;
}

/** nab/runner.py normalize: perfect = every labelled window detected at its first row. */
export function normalise(raw: number, files: readonly LabelledFile[], cost: CostMatrix, percent = DEFAULTS.probationPercent): { null: number; perfect: number; normalised: number } {
  const nullScore = -cost.fnWeight * files.reduce((s, f) => s + scoredWindows(f, percent), 0);
  const perfect = cost.tpWeight * files.reduce((s, f) => s + f.windows.length, 0);
  return { null: nullScore, perfect, normalised: (100 * (raw - nullScore)) / (perfect - nullScore) };
}

/**
 * Scores a detector on a corpus as NAB does: its threshold optimised for the profile over the
 * whole corpus (or the one given), each file scored at it, the sum normalised.
 */
export function scoreCorpus(files: readonly LabelledFile[], scores: ReadonlyArray<ArrayLike<number>>, cost: CostMatrix, options: { threshold?: number; probationPercent?: number } = {}): CorpusScore {
  const percent = options.probationPercent ?? DEFAULTS.probationPercent;
  const threshold = options.threshold ?? optimiseThreshold(files, scores, cost, percent).threshold;
  const perFile = files.map((file, f) => scoreFile(file, scores[f]!, threshold, cost, percent));
  const raw = perFile.reduce((s, f) => s + f.score, 0);
  const counts = perFile.reduce((c, f) => ({ tp: c.tp + f.tp, fp: c.fp + f.fp, fn: c.fn + f.fn, tn: c.tn + f.tn }), { tp: 0, fp: 0, fn: 0, tn: 0 });
  return { threshold, raw, ...normalise(raw, files, cost, percent), files: perFile, counts };
}

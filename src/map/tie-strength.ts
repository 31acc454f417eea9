// Tie strength: how close two accounts are, in [0, 1], from what they do to each other.
// Granovetter ("The strength of weak ties", Am. J. Sociology 78(6), 1973) defines a tie's
// strength as a combination of time, emotional intensity, intimacy and reciprocal services;
// Gilbert & Karahalios ("Predicting tie strength with social media", CHI 2009) predict it from
// interaction frequency, recency, reciprocity and shared structure; Onnela et al. ("Structure
// and tie strengths in mobile communication networks", PNAS 104(18), 2007) show that strong
// ties sit inside dense neighbourhoods (high overlap); Haythornthwaite ("Strong, weak, and
// latent ties and the impact of new media", The Information Society 18(5), 2002) that strong
// ties use more channels (multiplexity). One documented formula, a logistic combination:
//
//   s(u, v) = σ( b0 + b1·ln(1 + f) + b2·r + b3·ρ + b4·O + b5·(c − 1) )
//
//   f  frequency: interactions (replies, quotes, reshares, @mentions) both ways, follows excluded
//   r  recency: 2^(−Δt / half-life), Δt since the last interaction either way (0 when none)
//   ρ  reciprocity: 1 when there are ties both ways, else 0
//   O  embeddedness: neighbourhood overlap of the pair (Onnela et al.), in [0, 1]
//   c  multiplexity: how many kinds of tie (channels) join them, 1..6
//
// σ(x) = 1 / (1 + e^−x). The default weights make a lone one-way follow ≈ 0.02, a mutual
// follow in a shared circle ≈ 0.2 and a mutual, recent, several-channel exchange > 0.9;
// `calibrate` fits them on ties labelled strong or weak (logistic regression by Newton's
// method, Hosmer & Lemeshow, "Applied logistic regression", 2000, ch. 2). A tie is strong
// when s ≥ threshold and it is among the `dunbar` strongest ties of both its ends (Dunbar,
// "Neocortex size as a constraint on group size in primates", J. Human Evolution 22(6), 1992:
// about 150 stable relationships a person can keep). Pure: no I/O, no clock (`now` is given).
import { arcIndex, neighbourhoodOverlap, toUndirected, type Graph } from '../graph/index.ts';

/** The kinds of tie and their bit in a multiplexity mask. */
export const TIE_KINDS = ['follows', 'reply', 'quote', 'reshare', 'mention', 'link'] as const;
export type TieKind = (typeof TIE_KINDS)[number];

/** Weights of the logistic formula (see the header). */
export interface TieWeights {
  intercept: number;
  frequency: number;
  recency: number;
  reciprocity: number;
  embeddedness: number;
  multiplexity: number;
}

export interface TieStrengthOptions {
  weights: TieWeights;
  /** Days for the recency term to halve. */
  halfLifeDays: number;
  /** s at or above which a tie may be strong. */
  threshold: number;
  /** At most this many strong ties per person (Dunbar's number). */
  dunbar: number;
}

export const DEFAULT_WEIGHTS: TieWeights = { intercept: -4, frequency: 1, recency: 1.5, reciprocity: 1.5, embeddedness: 3, multiplexity: 0.7 };

/** The documented weights, a 60-day half-life, strong from 0.5, at most 150 strong ties each. */
export const DEFAULTS: TieStrengthOptions = { weights: DEFAULT_WEIGHTS, halfLifeDays: 60, threshold: 0.5, dunbar: 150 };

/** The five measured features of one tie. */
export interface TieFeatures {
  frequency: number;
  recency: number;
  reciprocity: number;
  embeddedness: number;
  multiplexity: number;
}

/** One stored edge (a kind of tie in one direction), over node indices. */
export interface EdgeRecord { u: number; v: number; kind: string; count: number; lastAt: number }

/** The ties of a graph: one per pair of accounts, on the undirected simple graph `pairs`. */
export interface Ties {
  /** Undirected, no loops, no parallel edges: each tie appears as u→v and v→u. */
  pairs: Graph;
  /** Aligned with pairs.targets (both copies of a tie hold the same values). */
  strength: Float64Array;
  strong: Uint8Array;
  frequency: Float64Array;
  recency: Float64Array;
  reciprocity: Uint8Array;
  embeddedness: Float64Array;
  /** Bit i set when a tie of kind TIE_KINDS[i] joins the pair (either way). */
  kinds: Uint8Array;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** The linear predictor's inputs for one tie, in the order of TieWeights after the intercept. */
export function featureVector(f: TieFeatures): [number, number, number, number, number] {
  return [Math.log1p(f.frequency), f.recency, f.reciprocity, f.embeddedness, Math.max(0, f.multiplexity - 1)];
}

/** The strength of one tie. Example: `tieStrength({ frequency: 0, recency: 0, reciprocity: 0, embeddedness: 0, multiplexity: 1 })` ≈ 0.018. */
export function tieStrength(f: TieFeatures, weights: TieWeights = DEFAULT_WEIGHTS): number {
  const [a, b, c, d, e] = featureVector(f);
  return sigmoid(weights.intercept + weights.frequency * a + weights.recency * b + weights.reciprocity * c + weights.embeddedness * d + weights.multiplexity * e);
}

/** 2^(−age / half-life) for an interaction `age` ms old (0 when there was none). */
export function recencyOf(lastAt: number, now: number, halfLifeDays: number): number {
  if (!(lastAt > 0)) return 0;
  const ageDays = Math.max(0, now - lastAt) / 86_400_000;
  return Math.pow(2, -ageDays / halfLifeDays);
}

const popcount = (x: number): number => { let c = 0; for (; x; x &= x - 1) c++; return c; };

/**
 * Every tie of a graph with its features, strength and strong/weak split. `graph` gives the
 * nodes and who is tied to whom (any direction); `edges` the stored edges behind it.
 */
export function computeTies(graph: Graph, edges: readonly EdgeRecord[], now: number, options: Partial<TieStrengthOptions> = {}): Ties {
  const opts = { ...DEFAULTS, ...options, weights: { ...DEFAULTS.weights, ...options.weights } };
  const pairs = toUndirected(graph, { dedupe: true, dropSelfLoops: true, merge: 'first' });
  const A = pairs.targets.length;
  const frequency = new Float64Array(A), lastAt = new Float64Array(A), recency = new Float64Array(A);
  const directions = new Uint8Array(A), kinds = new Uint8Array(A), reciprocity = new Uint8Array(A);
  for (const e of edges) {
    if (e.u === e.v) continue;
    const lo = Math.min(e.u, e.v), hi = Math.max(e.u, e.v);
    const a = arcIndex(pairs, lo, hi);
    if (a < 0) continue;
    const k = TIE_KINDS.indexOf(e.kind as TieKind);
    kinds[a]! |= 1 << (k < 0 ? TIE_KINDS.length - 1 : k);
    directions[a]! |= e.u === lo ? 1 : 2;
    if (e.kind !== 'follows') {
      frequency[a]! += e.count;
      if (e.lastAt > lastAt[a]!) lastAt[a] = e.lastAt;
    }
  }
  const embeddedness = neighbourhoodOverlap(pairs);
  const strength = new Float64Array(A);
  for (let u = 0; u < pairs.n; u++) {
    for (let a = pairs.offsets[u]!; a < pairs.offsets[u + 1]!; a++) {
      const v = pairs.targets[a]!;
      if (v < u) continue;
      recency[a] = recencyOf(lastAt[a]!, now, opts.halfLifeDays);
      reciprocity[a] = directions[a] === 3 ? 1 : 0;
      strength[a] = tieStrength({ frequency: frequency[a]!, recency: recency[a]!, reciprocity: reciprocity[a]!, embeddedness: embeddedness[a]!, multiplexity: Math.max(1, popcount(kinds[a]!)) }, opts.weights);
      const b = arcIndex(pairs, v, u);
      frequency[b] = frequency[a]!; recency[b] = recency[a]!; reciprocity[b] = reciprocity[a]!; kinds[b] = kinds[a]!; strength[b] = strength[a]!;
    }
  }
  const strong = dunbarSplit(pairs, strength, opts.threshold, opts.dunbar);
  return { pairs, strength, strong, frequency, recency, reciprocity, embeddedness, kinds };
}

/**
 * Strong ties: s ≥ threshold and among the `cap` strongest of both ends (ties at the cap's
 * edge broken by neighbour index), so no one has more than `cap` strong ties.
 */
export function dunbarSplit(pairs: Graph, strength: Float64Array, threshold: number, cap: number): Uint8Array {
  const { n, offsets, targets } = pairs;
  const keeps = new Uint8Array(targets.length);
  for (let u = 0; u < n; u++) {
    const start = offsets[u]!, end = offsets[u + 1]!;
    const candidates: number[] = [];
    for (let a = start; a < end; a++) if (strength[a]! >= threshold) candidates.push(a);
    if (candidates.length > cap) candidates.sort((x, y) => strength[y]! - strength[x]! || targets[x]! - targets[y]!).length = cap;
    for (const a of candidates) keeps[a] = 1;
  }
  const strong = new Uint8Array(targets.length);
  for (let u = 0; u < n; u++) {
    for (let a = offsets[u]!; a < offsets[u + 1]!; a++) {
      if (!keeps[a]) continue;
      const b = arcIndex(pairs, targets[a]!, u);
      if (keeps[b]) strong[a] = 1;
    }
  }
  return strong;
}

/** The ties' strength and strong flags for each arc of `graph` (whose pairs `ties` was built from). */
export function alignWithArcs(graph: Graph, ties: Ties): { strength: Float64Array; strong: Uint8Array } {
  const strength = new Float64Array(graph.targets.length), strong = new Uint8Array(graph.targets.length);
  for (let u = 0; u < graph.n; u++) {
    for (let a = graph.offsets[u]!; a < graph.offsets[u + 1]!; a++) {
      const v = graph.targets[a]!;
      if (v === u) continue;
      const b = arcIndex(ties.pairs, u, v);
      if (b < 0) continue;
      strength[a] = ties.strength[b]!;
      strong[a] = ties.strong[b]!;
    }
  }
  return { strength, strong };
}

/** Weak and strong tie counts of each node. */
export function tieCounts(ties: Ties): { strong: Int32Array; weak: Int32Array } {
  const { n, offsets } = ties.pairs;
  const strong = new Int32Array(n), weak = new Int32Array(n);
  for (let u = 0; u < n; u++) {
    for (let a = offsets[u]!; a < offsets[u + 1]!; a++) {
      if (ties.strong[a]) strong[u]!++; else weak[u]!++;
    }
  }
  return { strong, weak };
}

/**
 * The share of weak ties among the ties of one node, or among the ties with both ends in a
 * set of nodes (a community, the workspace when `members` is absent). NaN when there are none.
 */
export function weakTieShare(ties: Ties, scope: { node: number } | { members?: Uint8Array }): number {
  const { n, offsets, targets } = ties.pairs;
  let weak = 0, all = 0;
  if ('node' in scope) {
    for (let a = offsets[scope.node]!; a < offsets[scope.node + 1]!; a++) { all++; if (!ties.strong[a]) weak++; }
    return all === 0 ? Number.NaN : weak / all;
  }
  const members = scope.members;
  for (let u = 0; u < n; u++) {
    if (members && !members[u]) continue;
    for (let a = offsets[u]!; a < offsets[u + 1]!; a++) {
      const v = targets[a]!;
      if (v < u || (members && !members[v])) continue;
      all++;
      if (!ties.strong[a]) weak++;
    }
  }
  return all === 0 ? Number.NaN : weak / all;
}

/** A tie labelled by someone who knows: its features and whether it is strong. */
export interface LabelledTie { features: TieFeatures; strong: boolean }

export interface CalibrateOptions {
  /** L2 penalty on the weights (not the intercept): keeps the fit finite on separable data. */
  l2: number;
  maxIterations: number;
  tolerance: number;
}

export const CALIBRATE_DEFAULTS: CalibrateOptions = { l2: 1e-3, maxIterations: 50, tolerance: 1e-9 };

/**
 * Fits the formula's weights to labelled ties by L2-penalised logistic regression (Newton's
 * method / iteratively reweighted least squares). Returns the weights and the fit's
 * log-likelihood and accuracy on the labels. Throws a RangeError without both labels.
 */
export function calibrate(labelled: readonly LabelledTie[], options: Partial<CalibrateOptions> = {}): { weights: TieWeights; logLikelihood: number; accuracy: number; iterations: number } {
  const { l2, maxIterations, tolerance } = { ...CALIBRATE_DEFAULTS, ...options };
  const positives = labelled.filter((t) => t.strong).length;
  if (positives === 0 || positives === labelled.length) throw new RangeError('calibrate needs ties labelled strong and ties labelled weak');
  const P = 6;
  const X = labelled.map((t) => [1, ...featureVector(t.features)]);
  const y = labelled.map((t) => (t.strong ? 1 : 0));
  const beta = new Float64Array(P);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const gradient = new Float64Array(P);
    const hessian = Array.from({ length: P }, () => new Float64Array(P));
    X.forEach((x, i) => {
      let z = 0;
      for (let j = 0; j < P; j++) z += beta[j]! * x[j]!;
      const p = sigmoid(z), w = p * (1 - p);
      for (let j = 0; j < P; j++) {
        gradient[j]! += (y[i]! - p) * x[j]!;
        for (let k = 0; k < P; k++) hessian[j]![k]! += w * x[j]! * x[k]!;
      }
    });
    for (let j = 1; j < P; j++) { gradient[j]! -= l2 * beta[j]!; hessian[j]![j]! += l2; }
    const step = solve(hessian, gradient);
    let change = 0;
    for (let j = 0; j < P; j++) { beta[j]! += step[j]!; change += Math.abs(step[j]!); }
    if (change < tolerance) { iterations++; break; }
  }
  let logLikelihood = 0, correct = 0;
  X.forEach((x, i) => {
    let z = 0;
    for (let j = 0; j < P; j++) z += beta[j]! * x[j]!;
    const p = Math.min(1 - 1e-15, Math.max(1e-15, sigmoid(z)));
    logLikelihood += y[i] ? Math.log(p) : Math.log(1 - p);
    if ((p >= 0.5 ? 1 : 0) === y[i]) correct++;
  });
  const [intercept, frequency, recency, reciprocity, embeddedness, multiplexity] = beta as unknown as number[];
  return { weights: { intercept: intercept!, frequency: frequency!, recency: recency!, reciprocity: reciprocity!, embeddedness: embeddedness!, multiplexity: multiplexity! }, logLikelihood, accuracy: correct / labelled.length, iterations };
}

/** Solves H·x = g by Gaussian elimination with partial pivoting (H is small and positive definite). */
function solve(H: Float64Array[], g: Float64Array): Float64Array {
  const P = g.length;
  const A = H.map((row, i) => [...row, g[i]!]);
  for (let c = 0; c < P; c++) {
    let pivot = c;
    for (let r = c + 1; r < P; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[pivot]![c]!)) pivot = r;
    [A[c], A[pivot]] = [A[pivot]!, A[c]!];
    const d = A[c]![c]!;
    if (Math.abs(d) < 1e-300) continue;
    for (let r = 0; r < P; r++) {
      if (r === c) continue;
      const f = A[r]![c]! / d;
      if (f !== 0) for (let k = c; k <= P; k++) A[r]![k]! -= f * A[c]![k]!;
    }
  }
  return Float64Array.from({ length: P }, (_, i) => (Math.abs(A[i]![i]!) < 1e-300 ? 0 : A[i]![P]! / A[i]![i]!));
}

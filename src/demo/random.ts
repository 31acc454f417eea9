// The demo world's only source of randomness: a seeded sfc32 generator (Chris Doty-Humphrey's
// "Small Fast Counting" PRNG, PractRand-clean, 32-bit state words) whose state is filled by
// splitmix32 from the seed. Same seed, same sequence, on every machine: nothing here reads
// Math.random or the clock. `fork(label)` gives an independent stream per part of the world,
// so that changing how one part draws numbers does not reshuffle the others.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both included). */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An index drawn with probability proportional to weights[i]. O(n): use `aliasTable` for many draws. */
  weightedIndex(weights: ArrayLike<number>): number;
  weighted<T>(items: readonly T[], weights: ArrayLike<number>): T;
  /** A standard normal deviate (Box–Muller), scaled. */
  normal(mean?: number, sd?: number): number;
  /** exp(normal(mu, sigma)). */
  logNormal(mu: number, sigma: number): number;
  /** An exponential deviate with the given mean. */
  exponential(mean: number): number;
  /** A Pareto deviate ≥ min with tail exponent alpha (P(X > x) = (min/x)^alpha). */
  pareto(min: number, alpha: number): number;
  /** A Poisson count with mean lambda (Knuth below 30, a rounded normal above). */
  poisson(lambda: number): number;
  /** A rank in [1, n] with P(k) ∝ 1/k^s (Zipf), by inversion on a cached table. */
  zipf(n: number, s: number): number;
  /** Shuffles in place (Fisher–Yates) and returns the array. */
  shuffle<T>(items: T[]): T[];
  /** k distinct items (or all of them when k ≥ length), in random order. */
  sample<T>(items: readonly T[], k: number): T[];
  /** An independent generator for a named part of the world. */
  fork(label: string): Random;
}

/** splitmix32: a good mixer to spread a 32-bit seed over a whole state. */
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a over a string: turns labels (and string seeds) into 32-bit numbers. */
export function hash32(text: string, basis = 0x811c9dc5): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A generator for `seed` (a number or any string). */
export function createRandom(seed: number | string): Random {
  const seed32 = typeof seed === 'number' ? hash32(String(seed)) : hash32(seed);
  const mix = splitmix32(seed32);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const next = (): number => {
    // sfc32
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i += 1) next();

  let spareNormal: number | null = null;
  const zipfTables = new Map<string, Float64Array>();

  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    float: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    weightedIndex(weights) {
      let total = 0;
      for (let i = 0; i < weights.length; i += 1) total += weights[i] as number;
      let r = next() * total;
      for (let i = 0; i < weights.length; i += 1) {
        r -= weights[i] as number;
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
    weighted<T>(items: readonly T[], weights: ArrayLike<number>): T {
      return items[random.weightedIndex(weights)] as T;
    },
    normal(mean = 0, sd = 1) {
      if (spareNormal !== null) {
        const value = spareNormal;
        spareNormal = null;
        return mean + sd * value;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const radius = Math.sqrt(-2 * Math.log(u));
      spareNormal = radius * Math.sin(2 * Math.PI * v);
      return mean + sd * radius * Math.cos(2 * Math.PI * v);
    },
    logNormal: (mu, sigma) => Math.exp(random.normal(mu, sigma)),
    exponential: (mean) => -mean * Math.log(1 - next()),
    pareto: (min, alpha) => min / Math.pow(1 - next(), 1 / alpha),
    poisson(lambda) {
      if (lambda <= 0) return 0;
      if (lambda >= 30) return Math.max(0, Math.round(random.normal(lambda, Math.sqrt(lambda))));
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = next();
      while (p > limit) {
        k += 1;
        p *= next();
      }
      return k;
    },
    zipf(n, s) {
      const key = `${n}:${s}`;
      let cumulative = zipfTables.get(key);
      if (!cumulative) {
        cumulative = new Float64Array(n);
        let total = 0;
        for (let k = 1; k <= n; k += 1) {
          total += 1 / Math.pow(k, s);
          cumulative[k - 1] = total;
        }
        for (let k = 0; k < n; k += 1) cumulative[k] = (cumulative[k] as number) / total;
        zipfTables.set(key, cumulative);
      }
      return upperBound(cumulative, next()) + 1;
    },
    shuffle<T>(items: T[]): T[] {
      for (let i = items.length - 1; i > 0; i -= 1) {
        const j = Math.floor(next() * (i + 1));
        const held = items[i] as T;
        items[i] = items[j] as T;
        items[j] = held;
      }
      return items;
    },
    sample<T>(items: readonly T[], k: number): T[] {
      return random.shuffle(items.slice()).slice(0, Math.max(0, k));
    },
    fork: (label) => createRandom(`${seed32}/${label}`),
  };
  return random;
}

/** The first index i with cumulative[i] > value (cumulative ascending, last = 1). */
function upperBound(cumulative: Float64Array, value: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] as number) > value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Vose's alias method: after O(n) set-up, each weighted draw is O(1). The graph and the
 * mention authors draw millions of times from the same weights.
 */
export interface AliasTable {
  readonly size: number;
  draw(random: Random): number;
}

export function aliasTable(weights: ArrayLike<number>): AliasTable {
  const n = weights.length;
  if (n === 0) throw new Error('alias table over no weights');
  const probability = new Float64Array(n);
  const alias = new Int32Array(n);
  let total = 0;
  for (let i = 0; i < n; i += 1) total += weights[i] as number;
  const scaled = new Float64Array(n);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i += 1) {
    scaled[i] = total > 0 ? ((weights[i] as number) * n) / total : 1;
    ((scaled[i] as number) < 1 ? small : large).push(i);
  }
  while (small.length > 0 && large.length > 0) {
    const s = small.pop() as number;
    const l = large.pop() as number;
    probability[s] = scaled[s] as number;
    alias[s] = l;
    scaled[l] = (scaled[l] as number) + (scaled[s] as number) - 1;
    ((scaled[l] as number) < 1 ? small : large).push(l);
  }
  for (const i of large) probability[i] = 1;
  for (const i of small) probability[i] = 1;
  return {
    size: n,
    draw(random) {
      const i = Math.floor(random.next() * n);
      return random.next() < (probability[i] as number) ? i : (alias[i] as number);
    },
  };
}

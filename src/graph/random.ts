// The kernel's only source of randomness: xoshiro128** (Blackman & Vigna, "Scrambled linear
// pseudorandom number generators", ACM TOMS 47(4), 2021), its 128-bit state filled from the
// seed by SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators",
// OOPSLA 2014), as the xoshiro authors recommend. 32-bit arithmetic only in the hot path.
// Every randomised algorithm takes a `Random` (or a seed) so that a run can be replayed.

/** A seeded generator; `next()` is uniform in [0, 1) with 32 random bits. */
export interface Random {
  /** Uniform 32-bit unsigned integer. */
  uint32(): number;
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n), n ≤ 2^32, without modulo bias. */
  int(n: number): number;
}

/** The seed used when none is given. */
export const DEFAULTS = { seed: 42 };

const MASK64 = (1n << 64n) - 1n;

/** The SplitMix64 sequence from `seed` (a safe integer or a bigint): `count` 64-bit outputs. */
export function splitmix64(seed: number | bigint, count: number): bigint[] {
  let x = BigInt.asUintN(64, BigInt(seed));
  const out: bigint[] = [];
  for (let i = 0; i < count; i++) {
    x = (x + 0x9e3779b97f4a7c15n) & MASK64;
    let z = x;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    out.push(z ^ (z >> 31n));
  }
  return out;
}

/** A xoshiro128** generator seeded through SplitMix64; the same seed gives the same stream. */
export function createRandom(seed: number | bigint = DEFAULTS.seed): Random {
  const [a, b] = splitmix64(seed, 2) as [bigint, bigint];
  return fromState(Number(a & 0xffffffffn), Number(a >> 32n), Number(b & 0xffffffffn), Number(b >> 32n));
}

/** A xoshiro128** generator from its raw state (not all zero). */
export function fromState(s0: number, s1: number, s2: number, s3: number): Random {
  s0 |= 0; s1 |= 0; s2 |= 0; s3 |= 0;
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is a fixed point
  const uint32 = (): number => {
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };
  const next = (): number => uint32() / 4294967296;
  const int = (n: number): number => {
    if (n <= 0) return 0;
    // Lemire's multiply-shift would need 64-bit products; rejection keeps it exact in doubles.
    const limit = 4294967296 - (4294967296 % n);
    let x = uint32();
    while (x >= limit) x = uint32();
    return x % n;
  };
  return { uint32, next, int };
}

/** Fisher–Yates shuffle of `array` in place, driven by `random`. */
export function shuffle<T extends { length: number; [i: number]: unknown }>(array: T, random: Random): T {
  for (let i = array.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const t = array[i];
    array[i] = array[j];
    array[j] = t;
  }
  return array;
}

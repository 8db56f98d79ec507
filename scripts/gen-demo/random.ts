// Demo generator: seeded pseudo-random numbers. Never Math.random: the demo must be byte-identical
// for a given seed, and each concern draws from its own stream so that, say, changing the number of
// incidents leaves the geography untouched.

/** A seeded generator with the helpers the generator needs. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [a, b). */
  range(a: number, b: number): number;
  /** Integer in [a, b] inclusive. */
  int(a: number, b: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Index drawn with probability proportional to weights[i]. */
  weighted(weights: ArrayLike<number>): number;
  shuffle<T>(items: T[]): T[];
  /** Exponential with the given mean. */
  exp(mean: number): number;
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counter): 128-bit state, passes PractRand, tiny. */
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** 32-bit FNV-1a, to turn a stream label into seed material. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** splitmix32 spreads a weak seed over all state words so nearby seeds give unrelated streams. */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A generator for one named concern ("atoms", "incidents", …) of a run with the given seed. */
export function rngFor(seed: number, label: string): Rng {
  const mix = splitmix32((seed >>> 0) ^ fnv1a(label));
  const raw = sfc32(mix(), mix(), mix(), mix());
  for (let i = 0; i < 12; i++) raw(); // sfc32 wants a short warm-up after seeding
  let spare: number | null = null;
  const rng: Rng = {
    next: raw,
    range: (a, b) => a + (b - a) * raw(),
    int: (a, b) => a + Math.floor(raw() * (b - a + 1)),
    normal() {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      let u = raw();
      while (u <= 1e-12) u = raw();
      const v = raw();
      const m = Math.sqrt(-2 * Math.log(u));
      spare = m * Math.sin(2 * Math.PI * v);
      return m * Math.cos(2 * Math.PI * v);
    },
    chance: (p) => raw() < p,
    pick: (items) => items[Math.floor(raw() * items.length)],
    weighted(weights) {
      let total = 0;
      for (let i = 0; i < weights.length; i++) total += weights[i];
      let r = raw() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i];
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(raw() * (i + 1));
        const t = items[i];
        items[i] = items[j];
        items[j] = t;
      }
      return items;
    },
    exp: (mean) => -mean * Math.log(1 - raw()),
  };
  return rng;
}

/**
 * A cumulative table for drawing many indices from fixed weights in O(log n) each
 * (rng.weighted is O(n), fine for small lists only).
 */
export class WeightedTable {
  private readonly cum: Float64Array;
  readonly total: number;
  constructor(weights: ArrayLike<number>) {
    this.cum = new Float64Array(weights.length);
    let s = 0;
    for (let i = 0; i < weights.length; i++) {
      s += Math.max(0, weights[i]);
      this.cum[i] = s;
    }
    this.total = s;
  }
  /** Index drawn with probability proportional to its weight; u uniform in [0, 1). */
  draw(u: number): number {
    const target = u * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

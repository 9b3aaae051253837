/**
 * A small seeded random source (sfc32) so the synthetic county is the same for the same seed on
 * every machine. No Math.random, no clock.
 */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
  /** k distinct elements (k ≤ list length), in random order. */
  sample<T>(list: readonly T[], k: number): T[];
  /** Standard normal deviate (Box–Muller). */
  normal(): number;
  /** Log-normal with the given median and σ of the underlying normal, rounded and clipped. */
  logNormalInt(median: number, sigma: number, min: number, max: number): number;
  /** A child source whose sequence depends only on this seed and `label`. */
  fork(label: string | number): Random;
}

/** 32-bit FNV-1a hash of a string. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function createRandom(seed: string | number): Random {
  const key = String(seed);
  let a = hash32(`a:${key}`);
  let b = hash32(`b:${key}`);
  let c = hash32(`c:${key}`);
  let d = 1;
  const next = (): number => {
    // sfc32
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i += 1) next();
  const rng: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (list) => {
      if (list.length === 0) throw new Error('pick from an empty list');
      return list[Math.floor(next() * list.length)]!;
    },
    sample: (list, k) => {
      const copy = [...list];
      for (let i = copy.length - 1; i > 0; i -= 1) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, k);
    },
    normal: () => {
      const u = Math.max(next(), 1e-12);
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    logNormalInt: (median, sigma, min, max) => Math.min(max, Math.max(min, Math.round(Math.exp(Math.log(median) + sigma * rng.normal())))),
    fork: (label) => createRandom(`${key}/${label}`),
  };
  return rng;
}

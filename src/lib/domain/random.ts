/** A small seeded pseudo-random generator, so a quiz is the same every time for the same seed. */

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n); 0 when n < 1. */
  int(n: number): number;
  /** One element of `xs`; throws on an empty list, which is always a caller's bug. */
  pick<T>(xs: readonly T[]): T;
  /** A shuffled copy of `xs` (Fisher-Yates); `xs` is left alone. */
  shuffle<T>(xs: readonly T[]): T[];
}

/**
 * mulberry32: 32 bits of state, fast, and good enough for shuffling questions. Any number is a
 * valid seed; fractions are truncated and the rest is taken modulo 2^32.
 */
export function createRandom(seed: number): Random {
  let state = Number.isFinite(seed) ? Math.trunc(seed) >>> 0 : 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => (n < 1 ? 0 : Math.floor(next() * Math.floor(n)));
  return {
    next,
    int,
    pick<T>(xs: readonly T[]): T {
      if (xs.length === 0) throw new RangeError('cannot pick from an empty list');
      return xs[int(xs.length)];
    },
    shuffle<T>(xs: readonly T[]): T[] {
      const out = [...xs];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    }
  };
}

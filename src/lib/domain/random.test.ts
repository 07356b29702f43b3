import { describe, expect, test } from 'vitest';
import { createRandom } from './random';

const draw = (seed: number, n = 20) => {
  const rng = createRandom(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRandom', () => {
  test('the same seed gives the same numbers; another seed other numbers', () => {
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(0)).not.toEqual(draw(1));
  });

  test('next is in [0, 1) and int(n) in [0, n), spread over the whole range', () => {
    const rng = createRandom(7);
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const k = rng.int(6);
      expect(Number.isInteger(k) && k >= 0 && k < 6).toBe(true);
      seen.add(k);
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(rng.int(0)).toBe(0);
  });

  test('int is roughly uniform', () => {
    const rng = createRandom(99);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 8000; i++) counts[rng.int(4)]++;
    for (const c of counts) expect(c).toBeGreaterThan(1800);
  });

  test('shuffle returns a new permutation and leaves the input alone', () => {
    const xs = Object.freeze([1, 2, 3, 4, 5, 6, 7, 8]);
    const out = createRandom(3).shuffle(xs);
    expect(out).not.toBe(xs);
    expect([...out].sort()).toEqual([...xs]);
    expect(out).not.toEqual(xs);
    expect(createRandom(3).shuffle(xs)).toEqual(out);
  });

  test('pick returns an element, and refuses an empty list', () => {
    const rng = createRandom(5);
    expect(['a', 'b', 'c']).toContain(rng.pick(['a', 'b', 'c']));
    expect(() => rng.pick([])).toThrow(RangeError);
  });

  test('fractional, negative and huge seeds are usable and deterministic', () => {
    for (const seed of [1.5, -1, 2 ** 40, Number.NaN]) expect(draw(seed)).toEqual(draw(seed));
    expect(draw(1.5)).toEqual(draw(1));
  });
});

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { runKey } from '../../src/sim/rng.ts';
import {
  designKey,
  inverseCdf,
  inverseNormalCdf,
  latinHypercube,
  normalCdf,
  permutation,
  randomDesign,
  uniformStream,
  valueAt,
} from '../../src/experiment/sampling.ts';
import type { Distribution, UncertainInput } from '../../src/experiment/types.ts';

const FC = { seed: 11, numRuns: 60 };

describe('the design stream', () => {
  test('never uses the key of a replicate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_294_967_295 }), (seed) => {
        const key = designKey(seed);
        for (let run = 0; run < 1000; run++) expect(key).not.toBe(runKey(seed, run));
      }),
      { seed: 3, numRuns: 20 },
    );
  });

  test('is a pure function of seed, purpose and sub-stream', () => {
    const take = (s: () => number) => Array.from({ length: 20 }, s);
    expect(take(uniformStream(7, 'lhsJitter', 2))).toEqual(take(uniformStream(7, 'lhsJitter', 2)));
    expect(take(uniformStream(7, 'lhsJitter', 2))).not.toEqual(take(uniformStream(8, 'lhsJitter', 2)));
    expect(take(uniformStream(7, 'lhsJitter', 2))).not.toEqual(take(uniformStream(7, 'lhsJitter', 3)));
    expect(take(uniformStream(7, 'lhsJitter', 2))).not.toEqual(take(uniformStream(7, 'random', 2)));
    for (const u of take(uniformStream(7, 'random'))) expect(u >= 0 && u < 1).toBe(true);
  });

  test('permutations hold every index once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.nat(), (n, seed) => {
        expect([...permutation(n, uniformStream(seed, 'lhsPermutation'))].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
      }),
      FC,
    );
  });
});

describe('Latin hypercube', () => {
  test('has exactly one sample in each stratum of each dimension', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 12 }), fc.nat(), (n, k, seed) => {
        const rows = latinHypercube(n, k, seed);
        expect(rows).toHaveLength(n);
        for (let j = 0; j < k; j++) {
          const strata = rows.map((r) => Math.floor(r[j] * n));
          expect(new Set(strata).size).toBe(n);
          for (const r of rows) expect(r[j] >= 0 && r[j] < 1).toBe(true);
        }
      }),
      FC,
    );
  });

  test('same seed, same design; another seed, another design', () => {
    expect(latinHypercube(20, 5, 42)).toEqual(latinHypercube(20, 5, 42));
    expect(latinHypercube(20, 5, 42)).not.toEqual(latinHypercube(20, 5, 43));
    expect(randomDesign(20, 5, 42)).toEqual(randomDesign(20, 5, 42));
    expect(randomDesign(20, 5, 42)).not.toEqual(randomDesign(20, 5, 43));
  });

  test('a dimension does not depend on how many dimensions follow it', () => {
    const narrow = latinHypercube(30, 2, 9);
    const wide = latinHypercube(30, 6, 9);
    expect(wide.map((r) => r.slice(0, 2))).toEqual(narrow);
  });

  test('simple random draws fill the cube roughly evenly', () => {
    const rows = randomDesign(2000, 3, 5);
    for (let j = 0; j < 3; j++) {
      const mean = rows.reduce((s, r) => s + r[j], 0) / rows.length;
      expect(mean).toBeGreaterThan(0.45);
      expect(mean).toBeLessThan(0.55);
    }
  });
});

describe('distributions', () => {
  const kinds: Distribution[] = [
    { kind: 'uniform' },
    { kind: 'triangular', mode: 3 },
    { kind: 'triangular' },
    { kind: 'normal', mean: 2, sd: 5 },
    { kind: 'normal' },
    { kind: 'log-uniform' },
  ];

  test('every transform stays inside [min, max] and is monotone in u', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.double({ min: 0.001, max: 100, noNaN: true }),
        fc.double({ min: 0.001, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (d, a, width, u, v) => {
          const [min, max] = [a, a + width];
          const x = inverseCdf(d, min, max, u);
          const y = inverseCdf(d, min, max, v);
          expect(x >= min && x <= max).toBe(true);
          if (u < v) expect(x).toBeLessThanOrEqual(y + 1e-9 * max);
        },
      ),
      FC,
    );
  });

  const mean = (d: Distribution, min: number, max: number) => {
    const n = 4000;
    let s = 0;
    for (let i = 0; i < n; i++) s += inverseCdf(d, min, max, (i + 0.5) / n);
    return s / n;
  };

  test('uniform: the ends and the middle', () => {
    expect(inverseCdf({ kind: 'uniform' }, 2, 6, 0)).toBe(2);
    expect(inverseCdf({ kind: 'uniform' }, 2, 6, 1)).toBe(6);
    expect(inverseCdf({ kind: 'uniform' }, 2, 6, 0.5)).toBe(4);
  });

  test('triangular: the CDF at the mode is its share of the range; the mean is (min + mode + max) / 3', () => {
    expect(inverseCdf({ kind: 'triangular', mode: 3 }, 0, 10, 0.3)).toBeCloseTo(3, 9);
    expect(mean({ kind: 'triangular', mode: 3 }, 0, 10)).toBeCloseTo(13 / 3, 2);
    expect(mean({ kind: 'triangular', mode: 0 }, 0, 10)).toBeCloseTo(10 / 3, 2);
  });

  test('truncated normal: the median is the mean when the range is symmetric around it; truncation pulls the mean inside', () => {
    expect(inverseCdf({ kind: 'normal', mean: 5, sd: 1 }, 0, 10, 0.5)).toBeCloseTo(5, 6);
    expect(mean({ kind: 'normal', mean: 5, sd: 1 }, 0, 10)).toBeCloseTo(5, 2);
    // Mean 0, sd 1, truncated to [0, 10]: a half-normal, mean √(2/π).
    expect(mean({ kind: 'normal', mean: 0, sd: 1 }, 0, 10)).toBeCloseTo(Math.sqrt(2 / Math.PI), 2);
  });

  test('log-uniform: the median is the geometric mean of the ends', () => {
    expect(inverseCdf({ kind: 'log-uniform' }, 1, 10_000, 0.5)).toBeCloseTo(100, 6);
  });

  test('the inverse normal CDF matches published quantiles and inverts the CDF', () => {
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.959963985, 6);
    expect(inverseNormalCdf(0.05)).toBeCloseTo(-1.644853627, 6);
    expect(inverseNormalCdf(0.001)).toBeCloseTo(-3.090232306, 6);
    expect(inverseNormalCdf(0.5)).toBe(0);
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (p) => {
        expect(normalCdf(inverseNormalCdf(p))).toBeCloseTo(p, 6);
      }),
      FC,
    );
  });

  test('integer inputs are rounded inside their range', () => {
    const input: UncertainInput = { path: 'x', min: 10, max: 30, integer: true, distribution: { kind: 'uniform' }, rangeSource: 'default' };
    const seen = new Set<number>();
    for (let i = 0; i <= 100; i++) {
      const v = valueAt(input, i / 100);
      expect(Number.isInteger(v)).toBe(true);
      expect(v >= 10 && v <= 30).toBe(true);
      seen.add(v);
    }
    expect(seen.size).toBe(21);
  });
});

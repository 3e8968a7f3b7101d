import { describe, expect, it } from 'vitest';
import { maxOf, minOf, referenceLevel, rollingMean, toIndex } from '../../src/charts/transform.ts';

describe('rollingMean', () => {
  it.each([
    { values: [1, 2, 3, 4], window: 1, expected: [1, 2, 3, 4] },
    { values: [2, 4, 6, 8], window: 2, expected: [2, 3, 5, 7] },
    { values: [4, 4, 4, 8], window: 4, expected: [4, 4, 4, 5] },
    { values: [], window: 4, expected: [] },
  ])('window $window of $values', ({ values, window, expected }) => {
    expect(Array.from(rollingMean(values, window))).toEqual(expected);
  });

  it('stops at length', () => {
    expect(Array.from(rollingMean([1, 1, 9, 9], 2, 2))).toEqual([1, 1]);
  });

  it('leaves no rounding residue below zero after a run of zeros', () => {
    // Without care, a running sum gives -1.4e-17 here, and the y axis would reach down to -1.
    const values = [0.3, 0.6, 0.1, ...new Array<number>(10).fill(0)];
    const out = rollingMean(values, 2);
    expect(Math.min(...out)).toBe(0);
    expect(out.at(-1)).toBe(0);
  });
});

describe('referenceLevel and toIndex', () => {
  it('averages the first weeks', () => {
    expect(referenceLevel([10, 20, 30, 40, 1000], 4)).toBe(25);
    expect(referenceLevel([], 4)).toBeNaN();
  });

  it('indexes to 100 at the reference', () => {
    expect(Array.from(toIndex([50, 25, 75], 50))).toEqual([100, 50, 150]);
  });

  it('gives NaN, not Infinity, for a zero reference', () => {
    const out = toIndex([1, 2], 0);
    expect(Number.isNaN(out[0]) && Number.isNaN(out[1])).toBe(true);
  });
});

describe('maxOf / minOf', () => {
  it('skips missing arrays and non-finite values', () => {
    expect(maxOf([[1, Number.NaN, 3], undefined, [2, Infinity]])).toBe(3);
    expect(minOf([[5, -2, Number.NaN], undefined])).toBe(-2);
  });

  it('reads only the first length values', () => {
    expect(maxOf([[1, 2, 99]], 2)).toBe(2);
  });

  it('gives 0 for no data', () => {
    expect(maxOf([])).toBe(0);
    expect(minOf([undefined])).toBe(0);
  });
});

import { prepareLine } from '../../src/charts/prepare.ts';

describe('prepareLine', () => {
  it('smooths and indexes the line and its band alike', () => {
    const out = prepareLine({ values: [10, 30, 20], lower: [0, 20, 10], upper: [20, 40, 30] }, { smooth: 2, indexTo: 20 });
    expect(Array.from(out.values)).toEqual([50, 100, 125]);
    expect(Array.from(out.lower!)).toEqual([0, 50, 75]);
    expect(Array.from(out.upper!)).toEqual([100, 150, 175]);
  });

  it('leaves values alone by default', () => {
    const out = prepareLine({ values: [1, 2] });
    expect(Array.from(out.values)).toEqual([1, 2]);
    expect(out.lower).toBeUndefined();
  });
});

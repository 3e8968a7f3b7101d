import { describe, expect, it } from 'vitest';
import { compareCells, END_WEEKS, relativeChange, statOf } from '../../src/ui/workspace/compare.ts';
import type { MetricSource } from '../../src/ui/workspace/source.ts';

const constant = (v: number, weeks = 20): MetricSource => ({
  weeks,
  runs: 1,
  knownWeeks: weeks,
  completeWeeks: weeks,
  first: undefined,
  line: () => ({ values: new Float64Array(weeks).fill(v) }),
});

describe('statOf', () => {
  it('averages all weeks for flows and the last weeks for stocks', () => {
    const values = Array.from({ length: 30 }, (_, i) => (i < 30 - END_WEEKS ? 0 : 10));
    expect(statOf(values, 'end')).toBe(10);
    expect(statOf(values, 'mean')).toBeCloseTo((10 * END_WEEKS) / 30);
  });

  it('ignores NaN and reads only length weeks', () => {
    expect(statOf([1, Number.NaN, 3, 100], 'mean', 3)).toBe(2);
    expect(statOf([], 'mean')).toBeNaN();
  });
});

describe('relativeChange', () => {
  it.each([
    [110, 100, 0.1],
    [50, 100, -0.5],
    [0, 0, 0],
  ])('%d against %d', (v, b, expected) => {
    expect(relativeChange(v, b)).toBeCloseTo(expected);
  });

  it('is NaN from a zero baseline', () => {
    expect(relativeChange(5, 0)).toBeNaN();
  });
});

describe('compareCells', () => {
  it('gives value, baseline and change per row', () => {
    const cells = compareCells(constant(80), constant(100), [{ metric: 'reports', stat: 'mean' }]);
    expect(cells).toEqual([{ value: 80, baseline: 100, change: -0.2 }]);
  });
});

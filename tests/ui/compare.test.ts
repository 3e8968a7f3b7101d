import { describe, expect, it } from 'vitest';
import { compareCells, END_WEEKS, relativeChange, spreadOf, statOf, varianceNotes, withinVariation } from '../../src/ui/workspace/compare.ts';
import type { MetricSource } from '../../src/ui/workspace/source.ts';

const constant = (v: number, weeks = 20): MetricSource => replicated([new Array<number>(weeks).fill(v)]);

/** A source whose replicates are the given week-by-week arrays (the line is their mean). */
function replicated(reps: readonly (readonly number[])[]): MetricSource {
  const weeks = reps[0].length;
  const mean = Float64Array.from({ length: weeks }, (_, w) => reps.reduce((s, r) => s + r[w], 0) / reps.length);
  return {
    weeks,
    runs: reps.length,
    knownWeeks: weeks,
    completeWeeks: weeks,
    first: undefined,
    line: () => ({ values: mean }),
    replicates: () => reps.map((r) => Float64Array.from(r)),
  };
}

/** Five runs of `weeks` weeks, each flat at one of `levels`. */
const flatRuns = (levels: readonly number[], weeks = 20) => replicated(levels.map((v) => new Array<number>(weeks).fill(v)));

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
    expect(cells).toEqual([{ value: 80, baseline: 100, change: -0.2, withinNoise: null }]);
  });

  it('marks a difference within run-to-run variation, and one beyond it', () => {
    const row = [{ metric: 'reports', stat: 'mean' }] as const;
    const baseline = flatRuns([90, 95, 100, 105, 110]);
    // Means 97 against 100: the runs' ranges overlap, so this may be chance.
    expect(compareCells(flatRuns([87, 92, 97, 102, 107]), baseline, row)[0].withinNoise).toBe(true);
    // Means 70 against 100: every run lies below every baseline run.
    const [far] = compareCells(flatRuns([60, 65, 70, 75, 80]), baseline, row);
    expect(far.withinNoise).toBe(false);
    expect(far.change).toBeCloseTo(-0.3);
  });

  it('reads the spread of the statistic in the table, not of single weeks', () => {
    // Every run swings widely from week to week, but each run's average is the same:
    // a week-by-week band would hide a real shift of the average that this finds.
    const swing = (level: number, phase: number) => Array.from({ length: 52 }, (_, w) => level + ((w + phase) % 2 === 0 ? 40 : -40));
    const baseline = replicated([0, 1, 0, 1, 0].map((ph) => swing(100, ph)));
    const run = replicated([0, 1, 0, 1, 0].map((ph) => swing(80, ph)));
    expect(compareCells(run, baseline, [{ metric: 'reports', stat: 'mean' }])[0].withinNoise).toBe(false);
  });

  it('uses the last weeks only for end-of-run rows', () => {
    const weeks = 30;
    const late = (v: number) => Array.from({ length: weeks }, (_, w) => (w < weeks - END_WEEKS ? 500 + v * 10 : v));
    const run = replicated([10, 11, 12, 11, 10].map(late));
    const baseline = replicated([20, 21, 22, 21, 20].map(late));
    expect(compareCells(run, baseline, [{ metric: 'victimsInExploitation', stat: 'end' }])[0].withinNoise).toBe(false);
  });
});

describe('spreadOf and withinVariation', () => {
  it('gives the 5th and 95th percentile of finite values', () => {
    expect(spreadOf([1, 2, 3, 4, 5])).toEqual({ lo: 1.2, hi: 4.8 });
    expect(spreadOf([3, Number.NaN])).toBeNull();
    expect(spreadOf([])).toBeNull();
  });

  it('overlap means within variation; a single run cannot tell', () => {
    expect(withinVariation([1, 2, 3], [2.5, 3.5, 4.5])).toBe(true);
    expect(withinVariation([1, 2, 3], [5, 6, 7])).toBe(false);
    expect(withinVariation([1], [5, 6, 7])).toBeNull();
    expect(withinVariation([4, 4, 4], [4, 4, 4])).toBe(true);
  });
});

describe('varianceNotes', () => {
  it('a legend when some pin has several runs, a hint when some has one', () => {
    expect(varianceNotes([5, 5])).toEqual({ legend: true, singleRunHint: false });
    expect(varianceNotes([1])).toEqual({ legend: false, singleRunHint: true });
    expect(varianceNotes([1, 5])).toEqual({ legend: true, singleRunHint: true });
  });
});

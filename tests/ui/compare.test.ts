import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import {
  COMPARE_ROWS, compareCells, comparisonCsv, comparisonTable, END_WEEKS, OUTCOME_COLUMNS, PACKAGE_COLUMNS, relativeChange, replicateStats, statOf, varianceNotes,
  type ComparedPackage,
} from '../../src/ui/workspace/compare.ts';
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
  const row = [{ metric: 'reports', stat: 'mean' }] as const;

  it('gives value, baseline and change per row; a single run cannot tell an effect', () => {
    const cells = compareCells(constant(80), constant(100), row);
    expect(cells).toEqual([{ value: 80, baseline: 100, change: -0.2, changeLo: NaN, changeHi: NaN, resolved: null }]);
  });

  it('pairs replicate r with replicate r: a small shift in every run is an effect', () => {
    // Runs spread widely (their 5-95% ranges overlap), but each is 3 below its baseline run.
    const baseline = flatRuns([90, 95, 100, 105, 110]);
    const [cell] = compareCells(flatRuns([87, 92, 97, 102, 107]), baseline, row);
    expect(cell.resolved).toBe(true);
    expect(cell.change).toBeCloseTo(-0.03);
    expect([cell.changeLo, cell.changeHi]).toEqual([expect.closeTo(-0.03), expect.closeTo(-0.03)]);
  });

  it('says no clear effect when the paired differences straddle 0', () => {
    const baseline = flatRuns([90, 95, 100, 105, 110]);
    // The same levels in another order: run by run, some up and some down.
    const [cell] = compareCells(flatRuns([110, 90, 105, 95, 101]), baseline, row);
    expect(cell.resolved).toBe(false);
    expect(cell.changeLo).toBeLessThan(0);
    expect(cell.changeHi).toBeGreaterThan(0);
  });

  it('identical runs: no change, not an effect', () => {
    const [cell] = compareCells(flatRuns([90, 95, 100]), flatRuns([90, 95, 100]), row);
    expect([cell.change, cell.changeLo, cell.changeHi, cell.resolved]).toEqual([0, 0, 0, false]);
  });

  it('cannot pair sides with different numbers of runs', () => {
    expect(compareCells(flatRuns([80, 81, 82]), flatRuns([100, 101]), row)[0].resolved).toBeNull();
  });

  it('reads the statistic in the table in each run, not single weeks', () => {
    // Every run swings widely from week to week, but each run's average is 20 below its baseline run's.
    const swing = (level: number, phase: number) => Array.from({ length: 52 }, (_, w) => level + ((w + phase) % 2 === 0 ? 40 : -40));
    const baseline = replicated([0, 1, 0, 1, 0].map((ph, i) => swing(100 + i, ph)));
    const run = replicated([0, 1, 0, 1, 0].map((ph, i) => swing(80 + i, ph)));
    const [cell] = compareCells(run, baseline, row);
    expect(cell.resolved).toBe(true);
    expect(cell.change).toBeCloseTo(-20 / 102);
  });

  it('uses the last weeks only for end-of-run rows', () => {
    const weeks = 30;
    // Early weeks: the run above its baseline; the last weeks: below it, in every run.
    const late = (v: number, early: number) => Array.from({ length: weeks }, (_, w) => (w < weeks - END_WEEKS ? early : v));
    const run = replicated([10, 11, 12, 11, 10].map((v) => late(v, 900)));
    const baseline = replicated([20, 21, 22, 21, 20].map((v) => late(v, 100)));
    const [cell] = compareCells(run, baseline, [{ metric: 'victimsInExploitation', stat: 'end' }]);
    expect(cell.resolved).toBe(true);
    expect(cell.change).toBeCloseTo(-10 / 20.8);
  });
});

describe('replicateStats', () => {
  it('gives the row statistic per replicate, none for a single run', () => {
    expect(replicateStats(flatRuns([1, 2, 3]), { metric: 'reports', stat: 'mean' })).toEqual([1, 2, 3]);
    expect(replicateStats(constant(5), { metric: 'reports', stat: 'mean' })).toEqual([]);
  });
});

describe('varianceNotes', () => {
  it('a legend when some pin has several runs, a hint when some has one', () => {
    expect(varianceNotes([5, 5])).toEqual({ legend: true, singleRunHint: false });
    expect(varianceNotes([1])).toEqual({ legend: false, singleRunHint: true });
    expect(varianceNotes([1, 5])).toEqual({ legend: true, singleRunHint: true });
  });
});

describe('comparison export (issue 10, point 3)', () => {
  const base = defaultScenario();
  const withLevers = (name: string, inspectors: number, consumers?: number): Scenario => {
    const s = structuredClone(base);
    s.name = name;
    s.interventions.labourInspection.inspectorsPer10kWorkers = inspectors;
    if (consumers !== undefined) s.interventions.awareness.consumers = consumers;
    return s;
  };
  const pkg = (scenario: Scenario, levels: number[], baseLevels: number[]): ComparedPackage => ({
    name: scenario.name,
    scenario,
    baselineScenario: base,
    runs: levels.length,
    run: flatRuns(levels),
    baseline: flatRuns(baseLevels),
  });

  it('one row per package and outcome, the levers that differ from the baseline in columns, outcomes with intervals', () => {
    const a = pkg(withLevers('Inspection, "doubled"', 2), [8, 9, 10, 11, 12], [10, 11, 12, 13, 14]);
    const b = pkg(withLevers('Awareness', base.interventions.labourInspection.inspectorsPer10kWorkers, 0.05), [10, 10, 10, 10, 10], [10, 10, 10, 10, 10]);
    const t = comparisonTable([a, b]);
    expect(t.header).toEqual([...PACKAGE_COLUMNS, 'interventions.labourInspection.inspectorsPer10kWorkers', 'interventions.awareness.consumers', ...OUTCOME_COLUMNS]);
    expect(t.rows).toHaveLength(2 * COMPARE_ROWS.length);
    const col = (name: string) => t.header.indexOf(name);
    const first = t.rows[0];
    expect(first.slice(0, 5)).toEqual(['1', 'Inspection, "doubled"', String(base.seed), '5', String(base.weeks)]);
    expect(first[col('interventions.labourInspection.inspectorsPer10kWorkers')]).toBe('2');
    expect(first[col('measure')]).toBe(COMPARE_ROWS[0].metric);
    expect(Number(first[col('value')])).toBe(10);
    expect(Number(first[col('baseline')])).toBe(12);
    // 5th/95th percentiles of the five runs (type 7): 8.2 and 11.8.
    expect(Number(first[col('value_p05')])).toBeCloseTo(8.2);
    expect(Number(first[col('value_p95')])).toBeCloseTo(11.8);
    // Every run is 2 below its pair: a clear change of -2/12, with a zero-width interval.
    expect(Number(first[col('change')])).toBeCloseTo(-2 / 12);
    expect(Number(first[col('change_lo')])).toBeCloseTo(-2 / 12);
    expect(first[col('effect')]).toBe('clear');
    const second = t.rows[COMPARE_ROWS.length];
    expect(second[0]).toBe('2');
    expect(second[col('interventions.awareness.consumers')]).toBe('0.05');
    expect(second[col('effect')]).toBe('same');
    // Each package x measure once.
    expect(new Set(t.rows.map((r) => `${r[0]}/${r[col('measure')]}`)).size).toBe(t.rows.length);
  });

  it('writes CSV that quotes names with commas and quotes, and leaves unknown numbers empty', () => {
    const one = pkg(withLevers('Inspection, "doubled"', 2), [10], [12]);
    const csv = comparisonCsv([one]);
    const lines = csv.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + COMPARE_ROWS.length);
    expect(lines[1]).toContain('"Inspection, ""doubled"""');
    // A single run has no interval: empty cells, not NaN.
    expect(csv).not.toMatch(/NaN/);
    expect(lines[1].split(',').at(-1)).toBe('single');
  });
});

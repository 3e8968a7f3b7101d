import { describe, expect, it } from 'vitest';
import { COMPARISON_WINDOW, compareStats, comparisonCSV, comparisonWindow, effectOf, HEADLINE_METRICS, windowStats } from '../../src/sim/comparison.ts';
import { metricIndex, SLOTS, slotIndex } from '../../src/sim/metrics.ts';
import { ROW, type RunSeries } from '../../src/sim/series.ts';

/** A run whose total `reports` in week w is value(w); nothing else is read. */
function run(weeks: number, value: (w: number) => number): RunSeries {
  const values = new Float64Array(weeks * ROW);
  const at = metricIndex('reports') * SLOTS.length + slotIndex('total');
  for (let w = 0; w < weeks; w++) values[w * ROW + at] = value(w);
  return { weeks, values, states: {} as RunSeries['states'], transitions: {} as RunSeries['transitions'] };
}

describe('comparisonWindow', () => {
  it.each([
    [260, 52, 260],
    [COMPARISON_WINDOW.minWeeks, 52, 104],
    [103, 0, 103],
    [1, 0, 1],
  ])('%d weeks: [%d, %d)', (weeks, fromWeek, toWeek) => {
    expect(comparisonWindow(weeks)).toEqual({ fromWeek, toWeek });
  });
});

describe('windowStats', () => {
  it('averages each replicate over the window, skipping NaN weeks', () => {
    // The first year is 1000 and must not count; then 2, then 4 (and NaN).
    const a = run(110, (w) => (w < 52 ? 1000 : w < 80 ? 2 : 4));
    const b = run(110, (w) => (w < 52 ? 1000 : w === 60 ? Number.NaN : 3));
    const stats = windowStats([a, b], ['reports']);
    expect(stats.reports).toEqual([(28 * 2 + 30 * 4) / 58, 3]);
    expect(windowStats([run(10, (w) => w)], ['reports']).reports).toEqual([4.5]);
  });
});

describe('compareStats', () => {
  const stats = (reports: number[]) => Object.fromEntries(HEADLINE_METRICS.map((m) => [m, m === 'reports' ? reports : reports.map(() => 5)]));

  it('classifies each headline metric by its paired interval', () => {
    const c = compareStats(stats([8, 9, 10.5]), stats([10, 11, 12]), { baseline: { name: 'b', hash: 'h' }, weeks: 200 });
    expect([c.fromWeek, c.toWeek, c.level, c.sector]).toEqual([52, 200, 0.9, 'total']);
    expect(Object.keys(c.metrics)).toEqual([...HEADLINE_METRICS]);
    expect(c.metrics.reports).toMatchObject({ scenario: 9.166666666666666, baseline: 11, effect: 'down' });
    expect(c.metrics.reports.change).toBeCloseTo(-1.8333333 / 11, 6);
    expect(c.metrics.consumerDemand).toMatchObject({ difference: 0, change: 0, effect: 'no clear effect' });
  });

  it('writes CSV with empty cells where a number is undefined', () => {
    const c = compareStats(stats([1]), stats([0]), { baseline: { name: 'b', hash: 'h' }, weeks: 20 });
    const lines = comparisonCSV(c).trimEnd().split('\n');
    expect(lines).toHaveLength(1 + HEADLINE_METRICS.length);
    expect(lines.find((l) => l.startsWith('reports,'))).toBe('reports,total,0,20,1,0,1,,,,,,unknown');
  });
});

describe('effectOf', () => {
  it.each([
    [true, -2, 'down'],
    [true, 3, 'up'],
    [false, -2, 'no clear effect'],
    [null, 5, 'unknown'],
  ] as const)('%s, %d: %s', (resolved, diff, effect) => {
    expect(effectOf(resolved, diff)).toBe(effect);
  });
});

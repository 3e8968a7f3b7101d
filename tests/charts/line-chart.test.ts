import { describe, expect, it } from 'vitest';
import { lineChart, sharedDomain } from '../../src/charts/line-chart.ts';
import { bandPath, linePath } from '../../src/charts/paths.ts';
import { weekScale, valueScale } from '../../src/charts/scales.ts';
import { CATEGORICAL, colourAt } from '../../src/charts/palette.ts';

const margin = { top: 10, right: 10, bottom: 20, left: 30 };
const x = weekScale(5, 130, margin);
const y = valueScale(0, 10, 130, margin);

describe('linePath', () => {
  it('draws only the first length points', () => {
    const d = linePath([1, 2, 3, 4, 5], x, y, 2);
    expect(d.startsWith('M')).toBe(true);
    expect(d.match(/L/g)?.length).toBe(1);
  });

  it('breaks the line at non-finite values', () => {
    const d = linePath([1, Number.NaN, 3, 4], x, y);
    expect(d.match(/M/g)?.length).toBe(2);
  });

  it('is empty for no data', () => {
    expect(linePath([], x, y)).toBe('');
    expect(linePath([1, 2], x, y, 0)).toBe('');
  });
});

describe('bandPath', () => {
  it('closes an area between lower and upper', () => {
    const d = bandPath([1, 1, 1], [2, 3, 2], x, y);
    expect(d.startsWith('M')).toBe(true);
    expect(d.endsWith('Z')).toBe(true);
  });
});

describe('lineChart', () => {
  const base = { width: 400, height: 300, margin, weeks: 10 };

  it('draws the run up to shownWeeks and the ghost over the whole horizon', () => {
    const model = lineChart({
      ...base,
      shownWeeks: 3,
      lines: [{ key: 'a', colour: 'red', values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], ghost: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] }],
    });
    expect(model.lines[0].d.match(/L/g)?.length).toBe(2);
    expect(model.lines[0].ghostD.match(/L/g)?.length).toBe(9);
    expect(model.lines[0].bandD).toBe('');
  });

  it('keeps the y axis stable during playback by covering the known weeks', () => {
    const lines = [{ key: 'a', colour: 'red', values: [1, 2, 50, 4] }];
    const early = lineChart({ ...base, weeks: 4, shownWeeks: 1, knownWeeks: 4, lines });
    expect(early.y.domain()[1]).toBeGreaterThanOrEqual(50);
  });

  it('covers the band and the reference rule', () => {
    const model = lineChart({
      ...base,
      shownWeeks: 2,
      rule: 100,
      lines: [{ key: 'a', colour: 'red', values: [10, 10], lower: [5, 5], upper: [20, 120] }],
    });
    expect(model.y.domain()[1]).toBeGreaterThanOrEqual(120);
    expect(model.rule).toBe(100);
    expect(model.lines[0].bandD).not.toBe('');
  });

  it('positions ticks inside the plot', () => {
    const model = lineChart({ ...base, weeks: 260, shownWeeks: 260, lines: [{ key: 'a', colour: 'red', values: new Float64Array(260).fill(3) }] });
    for (const t of model.xTicks) expect(t.pos).toBeGreaterThanOrEqual(model.plot.left);
    for (const t of model.yTicks) expect(t.pos).toBeLessThanOrEqual(model.plot.bottom);
    expect(model.xTicks.map((t) => t.value)).toEqual([1, 52, 104, 156, 208, 260]);
    // Week 1 is the first point, at the left edge of the plot; week 260 the last, at the right.
    expect(model.xTicks[0].pos).toBe(model.plot.left);
    expect(model.xTicks.at(-1)!.pos).toBeCloseTo(model.plot.right);
  });

  it('leaves out every other week tick on a narrow chart', () => {
    const values = new Float64Array(260).fill(3);
    const narrow = lineChart({ ...base, width: 200, weeks: 260, shownWeeks: 260, minXTickGap: 40, lines: [{ key: 'a', colour: 'red', values }] });
    expect(narrow.xTicks.map((t) => t.value)).toEqual([1, 104, 208]);
    const wide = lineChart({ ...base, width: 900, weeks: 260, shownWeeks: 260, minXTickGap: 40, lines: [{ key: 'a', colour: 'red', values }] });
    expect(wide.xTicks.map((t) => t.value)).toEqual([1, 52, 104, 156, 208, 260]);
    // Week 1 to 52 is a hair shorter than a year: that alone does not thin the ticks.
    const justFits = lineChart({ ...base, width: 240, weeks: 260, shownWeeks: 260, minXTickGap: 40, lines: [{ key: 'a', colour: 'red', values }] });
    expect(justFits.xTicks).toHaveLength(6);
  });

  it('uses a fixed domain when given (small multiples)', () => {
    const model = lineChart({ ...base, shownWeeks: 2, yDomain: [0, 1000], lines: [{ key: 'a', colour: 'red', values: [1, 2] }] });
    expect(model.y.domain()[1]).toBeGreaterThanOrEqual(1000);
  });
});

describe('sharedDomain', () => {
  it('takes the widest extent over panels', () => {
    expect(sharedDomain([[{ key: 'a', colour: 'r', values: [1, 5] }], [{ key: 'b', colour: 'r', values: [2], ghost: [9] }]], 2)).toEqual([0, 9]);
  });
});

describe('palette', () => {
  it('cycles through distinct colours', () => {
    expect(new Set(CATEGORICAL).size).toBe(CATEGORICAL.length);
    expect(colourAt(CATEGORICAL.length)).toBe(CATEGORICAL[0]);
    expect(colourAt(-1)).toBe(CATEGORICAL.at(-1));
  });
});

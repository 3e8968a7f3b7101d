import { describe, expect, it } from 'vitest';
import { valueScale, weekAt, weekScale, weekTicks } from '../../src/charts/scales.ts';

const margin = { top: 10, right: 10, bottom: 20, left: 30 };

describe('weekScale', () => {
  it('spans the plot area from week 0 to the last week', () => {
    const x = weekScale(261, 500, margin);
    expect(x(0)).toBe(30);
    expect(x(260)).toBe(490);
  });

  it('survives a one-week horizon and a tiny width', () => {
    const x = weekScale(1, 10, margin);
    expect(Number.isFinite(x(0))).toBe(true);
  });
});

describe('valueScale', () => {
  it('starts at 0 and leaves headroom above the maximum', () => {
    const y = valueScale(5, 100, 200, margin);
    expect(y.domain()[0]).toBe(0);
    expect(y.domain()[1]).toBeGreaterThanOrEqual(105);
    expect(y(0)).toBe(180);
  });

  it('goes below 0 when the data do', () => {
    expect(valueScale(-10, 10, 200, margin).domain()[0]).toBeLessThanOrEqual(-10);
  });

  it('has a usable domain for flat zero data and for NaN', () => {
    expect(valueScale(0, 0, 200, margin).domain()[1]).toBeGreaterThan(0);
    expect(valueScale(Number.NaN, Number.NaN, 200, margin).domain()[1]).toBeGreaterThan(0);
  });
});

describe('weekTicks', () => {
  it.each([
    { weeks: 260, expected: [1, 52, 104, 156, 208, 260] },
    { weeks: 104, expected: [1, 52, 104] },
    { weeks: 1040, expected: [1, 104, 208, 312, 416, 520, 624, 728, 832, 936, 1040] },
  ])('week 1 and year ends for $weeks weeks', ({ weeks, expected }) => {
    expect(weekTicks(weeks)).toEqual(expected);
  });

  it('week 1 and round integers for short runs, within 1..weeks', () => {
    for (const weeks of [2, 5, 12, 20, 52, 103]) {
      const t = weekTicks(weeks);
      expect(t.every(Number.isInteger), String(weeks)).toBe(true);
      expect(t[0], String(weeks)).toBeLessThanOrEqual(Math.max(2, t[1] ?? 2));
      expect(Math.min(...t), String(weeks)).toBeGreaterThanOrEqual(1);
      expect(Math.max(...t), String(weeks)).toBeLessThanOrEqual(weeks);
      expect([...t].sort((a, b) => a - b), String(weeks)).toEqual(t);
    }
    expect(weekTicks(20)).toEqual([1, 5, 10, 15, 20]);
    expect(weekTicks(1)).toEqual([1]);
  });
});

describe('weekAt', () => {
  it('finds the nearest week and clamps', () => {
    const x = weekScale(11, 130, { top: 0, right: 0, bottom: 0, left: 30 });
    expect(weekAt(30, x, 11)).toBe(0);
    expect(weekAt(86, x, 11)).toBe(6);
    expect(weekAt(-500, x, 11)).toBe(0);
    expect(weekAt(5000, x, 11)).toBe(10);
  });
});

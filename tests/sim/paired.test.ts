import { describe, expect, it } from 'vitest';
import { pairedDifference, t95 } from '../../src/sim/paired.ts';

const NaN_ = Number.NaN;

describe('t95', () => {
  it.each([
    // R: qt(0.95, df)
    [1, 6.313751515],
    [4, 2.131846786],
    [19, 1.729132812],
    [30, 1.697260887],
    [31, 1.695518783],
    [40, 1.683851013],
    [60, 1.670648865],
    [120, 1.657650899],
    [1000, 1.646378817],
  ])('df %d', (df, expected) => {
    expect(t95(df)).toBeCloseTo(expected, 7);
  });

  it('falls towards the normal quantile as df grows, and is NaN below 1', () => {
    expect(t95(1e9)).toBeCloseTo(1.644853627, 8);
    for (let df = 1; df < 200; df++) expect(t95(df + 1)).toBeLessThan(t95(df));
    expect(t95(0)).toBeNaN();
  });
});

describe('pairedDifference', () => {
  it('gives the t interval of the mean difference worked by hand', () => {
    // Differences 1..5: mean 3, sd sqrt(2.5), se sqrt(2.5 / 5), t(4) = 2.131846786.
    const baseline = [10, 20, 30, 40, 50];
    const r = pairedDifference([11, 22, 33, 44, 55], baseline);
    const half = 2.131846786 * Math.sqrt(2.5 / 5);
    expect(r.pairs).toBe(5);
    expect(r.meanDiff).toBeCloseTo(3, 12);
    expect(r.lo).toBeCloseTo(3 - half, 8);
    expect(r.hi).toBeCloseTo(3 + half, 8);
    expect([r.scenarioMean, r.baselineMean]).toEqual([33, 30]);
    expect(r.change).toBeCloseTo(0.1, 12);
    expect(r.changeLo).toBeCloseTo((3 - half) / 30, 8);
    expect(r.changeHi).toBeCloseTo((3 + half) / 30, 8);
    expect(r.resolved).toBe(true);
  });

  it.each<[string, number[], number[], boolean | null]>([
    ['a shift down in every pair', [90, 95, 88, 93], [100, 104, 99, 101], true],
    ['a shift up in every pair', [105, 99, 110], [100, 95, 104], true],
    ['noise around no change', [10, 12, 8, 11, 9], [11, 9, 10, 12, 8], false],
    ['two pairs that disagree', [5, 1], [1, 5], false],
    ['a single pair', [5], [1], null],
    ['no pairs', [], [], null],
  ])('%s', (_, scenario, baseline, resolved) => {
    expect(pairedDifference(scenario, baseline).resolved).toBe(resolved);
  });

  it('pairing resolves a small shift that run-to-run variation hides from an unpaired comparison', () => {
    // Replicates differ widely, but each scenario run sits just below its own baseline run.
    const baseline = [100, 260, 180, 420, 330, 150];
    const scenario = baseline.map((b, i) => b - 3 - (i % 2));
    const paired = pairedDifference(scenario, baseline);
    expect(paired.resolved).toBe(true);
    expect(paired.hi).toBeLessThan(0);

    // The same numbers unpaired (pooled two-sample t): the interval straddles 0.
    const n = baseline.length;
    const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
    const variance = (xs: number[]) => xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1);
    const half = t95(2 * n - 2) * Math.sqrt(((variance(scenario) + variance(baseline)) / 2) * (2 / n));
    const diff = mean(scenario) - mean(baseline);
    expect(diff - half).toBeLessThan(0);
    expect(diff + half).toBeGreaterThan(0);
  });

  it('drops pairs where either side is NaN or infinite', () => {
    const r = pairedDifference([1, NaN_, 3, 4, Infinity], [0, 2, NaN_, 3, 1]);
    expect(r.pairs).toBe(2);
    expect(r.meanDiff).toBe(1);
    expect([r.lo, r.hi]).toEqual([1, 1]);
    expect(r.resolved).toBe(true);
    expect(pairedDifference([NaN_, 2], [1, NaN_]).resolved).toBeNull();
  });

  it('identical runs: no change, not resolved', () => {
    const runs = [3.5, 7, 1.25, 9];
    const r = pairedDifference(runs, runs);
    expect([r.meanDiff, r.lo, r.hi, r.change, r.changeLo, r.changeHi, r.resolved]).toEqual([0, 0, 0, 0, 0, 0, false]);
  });

  it('from a zero baseline: the relative change is unknown, the effect is still judged', () => {
    const up = pairedDifference([1, 2, 1.5], [0, 0, 0]);
    expect(up.change).toBeNaN();
    expect(up.changeLo).toBeNaN();
    expect(up.resolved).toBe(true);
    const none = pairedDifference([0, 0], [0, 0]);
    expect([none.change, none.resolved]).toEqual([0, false]);
  });

  it('keeps the relative interval in order against a negative baseline', () => {
    const r = pairedDifference([-9, -19, -29], [-10, -20, -30]);
    expect(r.change).toBeCloseTo(-0.05, 12);
    expect(r.changeLo).toBeLessThanOrEqual(r.changeHi);
  });

  it('refuses sides of different lengths', () => {
    expect(() => pairedDifference([1, 2], [1])).toThrow(RangeError);
  });
});

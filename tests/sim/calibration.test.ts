import { beforeAll, describe, expect, it, test } from 'vitest';
import {
  calibrate,
  calibrateAsync,
  CALIBRATION_WORLDS,
  MEASURED,
  TARGETS,
  windowMean,
  type Target,
  type TargetResult,
} from '../../src/sim/calibration.ts';
import { ACTOR_TYPES } from '../../src/sim/machines/index.ts';
import type { Metric, Slot } from '../../src/sim/metrics.ts';
import type { RunRequest } from '../../src/sim/runner.ts';
import { offsetOf, ROW, type RunSeries } from '../../src/sim/series.ts';

/**
 * The shorter version of `npm run calibrate` (CALIBRATION.md C1-C7; C0 is
 * tests/sim/field-effects.test.ts): every target passes with 3 replicates of
 * the default world, seed 1. The targets' arithmetic is checked first on
 * hand-made series, so a wrong formula fails even where the model passes.
 */

/** A series of `weeks` weeks whose every value is 0, with no state or transition arrays worth reading. */
function series(weeks: number): RunSeries {
  const empty = Object.fromEntries(ACTOR_TYPES.map((t) => [t, new Float64Array(0)])) as RunSeries['states'];
  return { weeks, values: new Float64Array(weeks * ROW), states: empty, transitions: empty };
}

/** Sets a metric in weeks [from, to] (1-based, inclusive) to f(week). */
function fill(s: RunSeries, metric: Metric, from: number, to: number, f: (week: number) => number, slot: Slot = 'total'): RunSeries {
  const offset = offsetOf(metric, slot);
  for (let w = from; w <= to; w++) s.values[(w - 1) * ROW + offset] = f(w);
  return s;
}

const target = (id: string): Target => TARGETS.find((t) => t.id === id)!;

describe('the targets\' arithmetic, on hand-made series', () => {
  it('windowMean averages weeks from..to, counted from 1, both included', () => {
    const s = fill(series(260), 'reports', 1, 260, (w) => w);
    expect(windowMean(s, 'reports', { from: 1, to: 1 })).toBe(1);
    expect(windowMean(s, 'reports', { from: 1, to: 4 })).toBe(2.5);
    expect(windowMean(s, 'reports', MEASURED)).toBe((53 + 260) / 2);
    // A slot is read apart from the total.
    fill(s, 'reports', 1, 260, () => 7, 'sexual');
    expect(windowMean(s, 'reports', MEASURED, 'sexual')).toBe(7);
    expect(windowMean(s, 'reports', MEASURED)).toBe((53 + 260) / 2);
  });

  it('C1, C2 and C3 read the measured window only', () => {
    const s = series(520);
    // Weeks 1-52 (the world settling) carry other values: they must not count.
    fill(s, 'victimsInExploitation', 1, 52, () => 1e6);
    fill(s, 'victimsInExploitation', 53, 520, () => 1000);
    fill(s, 'victimsInExploitation', 53, 520, () => 250, 'sexual');
    fill(s, 'victimsIdentified', 53, 520, () => 0.5);
    fill(s, 'newlyTrafficked', 1, 52, () => 1e6);
    fill(s, 'newlyTrafficked', 53, 520, () => 10);
    const runs = { baseline520: s };
    expect(target('C1').value(runs)).toBeCloseTo((100 * 52 * 0.5) / 1000, 12); // 2.6 % a year
    expect(target('C2').value(runs)).toBeCloseTo(25, 12);
    expect(target('C3').value(runs)).toBeCloseTo(100, 12);
    expect(target('C3').pass(100)).toBe(true);
    expect(target('C3').pass(51.9)).toBe(false);
  });

  it('C6 compares weeks 417-520 with weeks 1-104, in per cent', () => {
    const s = series(520);
    fill(s, 'reports', 1, 104, () => 200);
    fill(s, 'reports', 105, 416, () => 1e6); // between the windows: not read
    fill(s, 'reports', 417, 520, () => 230);
    const c6 = target('C6 reports');
    expect(c6.value({ baseline520: s })).toBeCloseTo(15, 12);
    expect(c6.pass(15)).toBe(true);
    expect(c6.pass(-15.01)).toBe(false);
  });

  it('C7b is the fall of derived demand less the fall of consumer demand, weeks 105-260', () => {
    const base = series(520);
    const all = series(260);
    fill(base, 'consumerDemand', 105, 260, () => 100);
    fill(base, 'derivedDemand', 105, 260, () => 50);
    fill(all, 'consumerDemand', 105, 260, () => 90); // -10 %
    fill(all, 'derivedDemand', 105, 260, () => 48); // -4 %
    const runs = { campaignAll: all, baseline520: base };
    expect(target('C7a').value(runs)).toBeCloseTo(-10, 12);
    expect(target('C7b').value(runs)).toBeCloseTo(6, 12);
  });

  it('pairs worlds by replicate and summarises the replicates, whatever runs them', async () => {
    // Replicate r of every world carries r + 1 victims per week in the sexual sector and 1 in all.
    const fake = (weeks: number, run: number) => {
      const s = series(weeks);
      fill(s, 'victimsInExploitation', 1, weeks, () => run + 1, 'sexual');
      fill(s, 'victimsInExploitation', 1, weeks, () => 10 * (run + 1));
      return s;
    };
    const targets = [target('C2'), target('C5a')];
    const sync = calibrate({ seed: 1, replicates: 5, targets, run: (_input, weeks, _seed, run) => fake(weeks, run) });
    const runner = {
      run: async (req: RunRequest) => Array.from({ length: req.runs }, (_, r) => fake(req.weeks ?? req.scenario.weeks, r)),
    };
    const async = await calibrateAsync({ seed: 1, replicates: 5, targets, runner });
    for (const results of [sync, async]) {
      const [c2, c5a] = results;
      expect(c2.values).toEqual([10, 10, 10, 10, 10]);
      // Paired: replicate r of regulate against replicate r of criminalise-buying, so always 1.
      expect(c5a.values).toEqual([1, 1, 1, 1, 1]);
      expect(c5a.pass).toBe(true);
      expect(c2.pass).toBe(false);
    }
    // The interval is the 5th to 95th percentile over replicates.
    const spread = calibrate({ seed: 1, replicates: 5, targets: [target('C3')], run: (_i, weeks, _s, run) => {
      const s = fill(series(weeks), 'victimsInExploitation', 1, weeks, () => 100 * (run + 1));
      return fill(s, 'newlyTrafficked', 1, weeks, () => 1);
    } })[0];
    expect(spread.values).toEqual([100, 200, 300, 400, 500]);
    expect(spread.mean).toBe(300);
    expect(spread.p05).toBeCloseTo(120, 12);
    expect(spread.p95).toBeCloseTo(480, 12);
  });

  it('every target reads only worlds that exist', () => {
    for (const t of TARGETS) for (const w of t.worlds) expect(CALIBRATION_WORLDS[w], `${t.id} reads ${w}`).toBeDefined();
  });
});

describe('calibration at the default world (3 replicates, seed 1)', () => {
  let results: TargetResult[];
  beforeAll(() => {
    results = calibrate({ seed: 1, replicates: 3 });
  }, 600_000);

  const fmt = (x: number) => x.toPrecision(4);
  test.each(TARGETS.map((t) => [t.id, t] as const))('%s passes', (_id, t) => {
    const r = results.find((x) => x.target === t)!;
    expect(r.pass, `${t.id} ${t.title}: model ${fmt(r.mean)} ${t.unit} (replicates ${r.values.map(fmt).join(', ')}), range ${t.range}`).toBe(true);
  });
});

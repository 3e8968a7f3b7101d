import { csvParseRows } from 'd3';
import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { CSV_COLUMNS, formatJSON, toCSV, toOutputDocument } from '../../src/sim/output.ts';
import { expandGrid, gridPoints, setPath, sweep, SweepError } from '../../src/sim/sweep.ts';
import { quantile, replicateBands, summarise } from '../../src/sim/stats.ts';
import { ACTOR_TYPES, type ActorType } from '../../src/sim/machines/index.ts';
import { METRICS, SLOTS, type Metric, type Slot } from '../../src/sim/metrics.ts';
import type { RunRequest, SimRunner } from '../../src/sim/runner.ts';
import { SECTORS } from '../../src/scenario/sectors.ts';
import { allocateSeries, metricAt, offsetOf, ROW, type RunSeries, type SeriesShape } from '../../src/sim/series.ts';

const SHAPE = Object.fromEntries(ACTOR_TYPES.map((t) => [t, { states: 2, events: 1 }])) as SeriesShape;

/** A synthetic run: every column `fill(week, column)`, then explicit cells. */
function series(weeks: number, cells: [Metric, Slot, number, number][] = [], fill = 0): RunSeries {
  const s = allocateSeries(weeks, SHAPE);
  s.values.fill(fill);
  for (const [m, slot, w, v] of cells) s.values[w * ROW + offsetOf(m, slot)] = v;
  return s;
}

const scenario = (extra: object = {}) => scenarioSchema.parse({ name: 'test', ...extra });

describe('quantile (linear interpolation, Hyndman & Fan type 7)', () => {
  it.each([
    [[1, 2, 3, 4, 5], 0.05, 1.2],
    [[1, 2, 3, 4, 5], 0.95, 4.8],
    [[1, 2, 3, 4, 5], 0.5, 3],
    [[10, 20], 0.05, 10.5],
    [[10, 20], 0.95, 19.5],
    [[7], 0.05, 7],
  ])('quantile(%j, %d) = %d', (values, p, expected) => {
    expect(quantile(values, p)).toBeCloseTo(expected, 12);
  });
  it('is NaN for no values', () => expect(quantile([], 0.5)).toBeNaN());
});

describe('replicateBands', () => {
  const runs = [
    series(3, [['reports', 'total', 0, 4], ['reports', 'total', 1, Number.NaN], ['reports', 'sexual', 2, 9]], 1),
    series(3, [['reports', 'total', 0, 8], ['reports', 'total', 1, 5]], 2),
    series(3, [['reports', 'total', 0, 6], ['reports', 'total', 1, 7]], 3),
  ];
  const values = runs.map((r) => r.values);

  it('in the series layout, is what summarise reports', () => {
    const bands = replicateBands(values, 3);
    const summary = summarise(runs);
    expect(bands.width).toBe(ROW);
    for (const slot of SLOTS) {
      for (const metric of METRICS) {
        const band = summary.bands[slot][metric];
        for (let w = 0; w < 3; w++) {
          expect(metricAt({ weeks: 3, values: bands.mean }, metric, w, slot)).toBe(band.mean[w]);
          expect(metricAt({ weeks: 3, values: bands.p05! }, metric, w, slot)).toBe(band.p05[w]);
          expect(metricAt({ weeks: 3, values: bands.p95! }, metric, w, slot)).toBe(band.p95[w]);
        }
      }
    }
  });

  it('computes only the columns asked for, leaves out weeks a replicate has not reached, and without quantiles only the plain mean', () => {
    const at = offsetOf('reports');
    const bands = replicateBands(values, 3, { columns: [at, offsetOf('reports', 'sexual')], reached: [3, 1, 3] });
    expect(bands.width).toBe(2);
    // week 0: 4, 8, 6; week 1: NaN left out, run 1 not reached, so 7 alone; week 2: 1 and 3.
    expect(Array.from({ length: 3 }, (_, w) => bands.mean[w * 2])).toEqual([6, 7, 2]);
    expect(bands.p05![0]).toBeCloseTo(4.2, 12);
    expect(bands.mean[2 * 2 + 1]).toBe(6);
    const plain = replicateBands(values, 3, { columns: [at], quantiles: false });
    expect(plain.p05).toBeUndefined();
    expect(Array.from(plain.mean)).toEqual([6, 6, 2]);
  });
});

describe('summarise', () => {
  it('gives mean, p05 and p95 per metric, slot and week', () => {
    const runs = [1, 2, 3, 4, 5].map((v) =>
      series(2, [
        ['reports', 'total', 0, v],
        ['reports', 'sexual', 1, 10 * v],
        ['hiddenShare', 'agriculture', 1, v / 10],
      ]),
    );
    const s = summarise(runs);
    expect(s.runs).toBe(5);
    expect(s.weeks).toBe(2);
    expect(s.bands.total.reports.mean).toEqual([3, 0]);
    expect(s.bands.total.reports.p05[0]).toBeCloseTo(1.2, 12);
    expect(s.bands.total.reports.p95[0]).toBeCloseTo(4.8, 12);
    expect(s.bands.sexual.reports.mean).toEqual([0, 30]);
    expect(s.bands.sexual.reports.p05[1]).toBeCloseTo(12, 12);
    expect(s.bands.sexual.reports.p95[1]).toBeCloseTo(48, 12);
    expect(s.bands.agriculture.hiddenShare.mean[1]).toBeCloseTo(0.3, 12);
    // every slot and metric is there, one value per week
    for (const slot of SLOTS) for (const m of METRICS) expect(s.bands[slot][m].p95).toHaveLength(2);
  });

  it('is exact when all replicates agree', () => {
    const s = summarise([0.1, 0.1, 0.1].map((v) => series(1, [], v)));
    expect(s.bands.total.awareShare.mean[0]).toBe(0.1);
    expect(s.bands.total.awareShare.p05[0]).toBe(0.1);
  });

  it('leaves NaN (undefined shares) out, and gives NaN when no run has a value', () => {
    const runs = [NaN, 2, 4].map((v) => series(1, [['hiddenShare', 'total', 0, v]]));
    const s = summarise(runs);
    expect(s.bands.total.hiddenShare.mean[0]).toBe(3);
    expect(s.bands.total.hiddenShare.p05[0]).toBeCloseTo(2.1, 12);
    expect(s.bands.total.hiddenShare.p95[0]).toBeCloseTo(3.9, 12);
    const none = summarise([series(1, [], NaN)]);
    expect(none.bands.total.hiddenShare.mean[0]).toBeNaN();
  });

  it('does not depend on the order of equal-length inputs beyond the mean sum order', () => {
    const runs = [3, 1, 2].map((v) => series(1, [], v));
    const a = summarise(runs);
    const b = summarise([...runs].reverse());
    expect(a.bands.total.reports).toEqual(b.bands.total.reports);
  });

  it('rejects no runs and runs of different lengths', () => {
    expect(() => summarise([])).toThrow(RangeError);
    expect(() => summarise([series(2), series(3)])).toThrow(/differ/);
  });
});

describe('toOutputDocument', () => {
  const sc = scenario({ assumptions: { sectors: { manufacturing: { enabled: false } } } });
  const doc = toOutputDocument({ scenario: sc, hash: 'abc', engineVersion: '9', seed: 7 }, summarise([series(3, [], 1)]));

  it('has exactly the shape of the CLI contract', () => {
    expect(Object.keys(doc)).toEqual(['scenario', 'engine', 'seed', 'runs', 'weeks', 'series', 'bySector']);
    expect(doc.scenario).toEqual({ name: 'test', hash: 'abc' });
    expect(doc.engine).toEqual({ version: '9' });
    expect([doc.seed, doc.runs, doc.weeks]).toEqual([7, 1, 3]);
    expect(Object.keys(doc.series)).toEqual([...METRICS]);
    expect(Object.keys(doc.series.reports)).toEqual(['mean', 'p05', 'p95']);
    expect(doc.series.reports.mean).toEqual([1, 1, 1]);
  });

  it('lists only enabled sectors in bySector', () => {
    expect(Object.keys(doc.bySector)).toEqual(['sexual', 'agriculture']);
    expect(Object.keys(doc.bySector.sexual!)).toEqual([...METRICS]);
  });

  it('formats as JSON that parses back to the document, NaN as null', () => {
    const withNaN = toOutputDocument({ scenario: sc, hash: 'h', engineVersion: '1', seed: 1 }, summarise([series(2, [['hiddenShare', 'total', 1, NaN]])]));
    const text = formatJSON(withNaN);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(withNaN)));
    expect(JSON.parse(text).series.hiddenShare.mean).toEqual([0, null]);
    expect(text).toContain('"mean": [0,null]');
  });
});

describe('toCSV', () => {
  const sc = scenario({ assumptions: { sectors: { sexual: { enabled: false } } } });
  const runs = [1, 3].map((v) => series(2, [['reports', 'agriculture', 1, v], ['hiddenShare', 'total', 0, NaN]]));
  const csv = toCSV(toOutputDocument({ scenario: sc, hash: 'h', engineVersion: '1', seed: 1 }, summarise(runs)));
  const rows = csvParseRows(csv.trimEnd());

  it('is long format with a fixed header', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(CSV_COLUMNS).toEqual(['run_stat', 'sector', 'metric', 'week', 'value']);
    // total + 2 enabled sectors, every metric, 3 statistics, 2 weeks
    expect(rows.length - 1).toBe(3 * METRICS.length * 3 * 2);
    expect(csv.endsWith('\n')).toBe(true);
  });

  it('orders sector (total first), metric, statistic, week; weeks from 0', () => {
    expect(rows[1]).toEqual(['mean', 'total', METRICS[0], '0', '0']);
    expect(new Set(rows.slice(1).map((r) => r[1]))).toEqual(new Set(['total', 'agriculture', 'manufacturing']));
    expect(rows).toContainEqual(['mean', 'agriculture', 'reports', '1', '2']);
    expect(rows).toContainEqual(['p95', 'agriculture', 'reports', '1', '2.9']);
  });

  it('leaves undefined values empty', () => {
    expect(rows).toContainEqual(['mean', 'total', 'hiddenShare', '0', '']);
  });
});

describe('sweeps', () => {
  it('expands a grid with the first axis slowest', () => {
    expect(gridPoints([{ path: 'a', values: [1, 2] }, { path: 'b', values: ['x', 'y'] }])).toEqual([
      { a: 1, b: 'x' },
      { a: 1, b: 'y' },
      { a: 2, b: 'x' },
      { a: 2, b: 'y' },
    ]);
    expect(gridPoints([])).toEqual([{}]);
  });

  it('sets paths without touching the input', () => {
    const base = { a: { b: 1 } };
    expect(setPath(base, 'a.c.d', 2)).toEqual({ a: { b: 1, c: { d: 2 } } });
    expect(base).toEqual({ a: { b: 1 } });
    expect(() => setPath(base, 'a.__proto__.x', 1)).toThrow(SweepError);
  });

  it('validates every point before running, listing every problem', () => {
    const base = scenario();
    const points = expandGrid(base, [{ path: 'interventions.awareness.consumers', values: [0, 0.5] }]);
    expect(points.map((p) => p.scenario.interventions.awareness.consumers)).toEqual([0, 0.5]);
    try {
      expandGrid(base, [
        { path: 'interventions.awareness.consumers', values: [0.5, 2, 'lots'] },
        { path: 'weeks', values: [10] },
      ]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SweepError);
      const problems = (e as SweepError).problems;
      expect(problems).toHaveLength(2);
      expect(problems.every((p) => p.startsWith('interventions.awareness.consumers'))).toBe(true);
      expect(problems[0]).toContain('interventions.awareness.consumers=2');
    }
    expect(() => expandGrid(base, [{ path: 'weeks', values: [] }])).toThrow(/no values/);
    expect(() => expandGrid(base, [{ path: 'weeks', values: [1] }, { path: 'weeks', values: [2] }])).toThrow(/twice/);
  });

  it('runs each point with the same seed and summarises it', async () => {
    const requests: RunRequest[] = [];
    const runner: SimRunner = {
      async run(request, hooks) {
        requests.push(request);
        const weeks = request.weeks ?? request.scenario.weeks;
        hooks?.onProgress?.(weeks * request.runs, weeks * request.runs);
        const level = request.scenario.interventions.awareness.consumers as number;
        return Array.from({ length: request.runs }, (_, r) => series(weeks, [], level + r));
      },
    };
    const progress: number[][] = [];
    const results = await sweep(runner, scenario({ weeks: 4, seed: 9 }), [{ path: 'interventions.awareness.consumers', values: [0.1, 0.2] }], {
      runs: 3,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(results.map((r) => r.point)).toEqual([{ 'interventions.awareness.consumers': 0.1 }, { 'interventions.awareness.consumers': 0.2 }]);
    expect(requests.map((r) => [r.seed, r.runs])).toEqual([[9, 3], [9, 3]]);
    expect(results.map((r) => r.seed)).toEqual([9, 9]);
    expect(results[1].summary.bands.total.reports.mean[0]).toBeCloseTo(1.2, 12);
    expect(progress).toEqual([[12, 24], [24, 24]]);
  });
});

// Keeps the synthetic shape honest if actor types change.
it('synthetic series cover every actor type', () => {
  const s = series(1);
  expect(Object.keys(s.states).sort()).toEqual([...ACTOR_TYPES].sort() as ActorType[]);
  expect(SECTORS.length + 1).toBe(SLOTS.length);
});

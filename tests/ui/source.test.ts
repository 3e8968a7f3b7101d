import { describe, expect, it } from 'vitest';
import { replicateBands, summarise } from '../../src/sim/stats.ts';
import { METRICS, SLOTS, metricIndex } from '../../src/sim/metrics.ts';
import { ACTOR_TYPES } from '../../src/sim/machines/index.ts';
import { allocateSeries, metricAt, ROW, writeChunk, type SeriesShape } from '../../src/sim/series.ts';
import type { RunChunk } from '../../src/sim/runner.ts';
import { applyChunk, completeBands, createProgressive, lastOf, meanOf, MIN_BAND_RUNS, sourceOf, sourceOfRuns } from '../../src/ui/workspace/source.ts';
import { mainThreadWork } from '../../workers/main-thread-work.ts';

const shape = Object.fromEntries(ACTOR_TYPES.map((t) => [t, { states: 2, events: 3 }])) as SeriesShape;

function chunk(run: number, fromWeek: number, toWeek: number, fill: (w: number, i: number) => number): RunChunk {
  const span = toWeek - fromWeek;
  const values = new Float64Array(span * ROW);
  for (let w = 0; w < span; w++) for (let i = 0; i < ROW; i++) values[w * ROW + i] = fill(fromWeek + w, i);
  const states = Object.fromEntries(ACTOR_TYPES.map((t) => [t, new Float64Array(span * 2).fill(run + 1)]));
  const transitions = Object.fromEntries(ACTOR_TYPES.map((t) => [t, new Float64Array(span * 6).fill(1)]));
  return { run, fromWeek, toWeek, values, states, transitions } as RunChunk;
}

describe('progressive results', () => {
  it('place chunks at their weeks and track what arrived', () => {
    const p = createProgressive(10, 2, shape);
    applyChunk(p, chunk(0, 0, 4, (w) => w));
    applyChunk(p, chunk(1, 0, 2, (w) => w));
    expect(p.received).toEqual([4, 2]);
    const src = sourceOf(p);
    expect(src.knownWeeks).toBe(4);
    expect(src.completeWeeks).toBe(2);
    expect(p.series[0].states.worker[3 * 2]).toBe(1);
    expect(p.series[0].states.worker[4 * 2]).toBe(0);
    expect(p.series[1].states.worker[0]).toBe(2);
    expect(metricAt(p.series[0], METRICS[0], 3)).toBe(3);
  });

  it("take the runner's series as they are (RunHooks.onChunk), copying nothing", () => {
    const p = createProgressive(4, 2, shape);
    const own = allocateSeries(4, shape);
    const c = chunk(1, 0, 2, () => 7);
    writeChunk(own, c);
    own.values[3 * ROW] = 99; // a later week the runner already holds: read as it is, not copied over
    const writes = mainThreadWork.chunkWrites;
    applyChunk(p, c, own);
    expect(mainThreadWork.chunkWrites).toBe(writes);
    expect(p.series[1]).toBe(own);
    expect(p.received).toEqual([0, 2]);
    expect(metricAt(p.series[1], METRICS[0], 3)).toBe(99);
    expect(p.series[0].states.worker[0]).toBe(0);
  });

  it('draw only complete replicates once there is one, never some runs at some weeks and others at others (issue 10, point 4)', () => {
    const p = createProgressive(4, 2, shape);
    applyChunk(p, chunk(0, 0, 4, () => 10));
    applyChunk(p, chunk(1, 0, 2, () => 20));
    const src = sourceOf(p);
    const line = src.line('reports');
    // Before: [15, 15, 10, 10], a mean of two runs for two weeks and of one for the rest.
    expect(Array.from(line.values)).toEqual([10, 10, 10, 10]);
    expect(line.lower).toBeUndefined();
    expect(src.shown).toEqual({ runs: 1, streaming: null, banded: false });
    expect(src.completeRuns).toBe(1);
    expect(src.knownWeeks).toBe(4);
  });

  it('before any replicate is complete, draw the first one as it streams in, week by week', () => {
    const p = createProgressive(6, 3, shape);
    applyChunk(p, chunk(1, 0, 4, () => 30));
    let src = sourceOf(p);
    expect(src.shown).toEqual({ runs: 1, streaming: 1, banded: false });
    expect(src.knownWeeks).toBe(4);
    applyChunk(p, chunk(0, 0, 2, () => 10));
    // The lowest replicate with data is drawn (the pool starts replicates in order, so that is the first).
    src = sourceOf(p);
    expect(src.shown?.streaming).toBe(0);
    expect(src.knownWeeks).toBe(2);
    expect(Array.from(src.line('reports').values)).toEqual([10, 10]);
    expect(src.completeRuns).toBe(0);
    expect(src.completeWeeks).toBe(0);
  });

  it(`give a band from ${MIN_BAND_RUNS} complete replicates of a job still computing, computed once per replicate that completes`, () => {
    const runs = 6;
    const weeks = 3;
    const p = createProgressive(weeks, runs, shape);
    const complete = (r: number) => applyChunk(p, chunk(r, 0, weeks, (w) => r * 10 + w));
    complete(0);
    complete(4);
    applyChunk(p, chunk(5, 0, 1, () => 1000));
    let src = sourceOf(p);
    expect(src.shown).toEqual({ runs: 2, streaming: null, banded: false });
    expect(Array.from(src.line('reports').values)).toEqual([20, 21, 22]);
    expect(src.line('reports').lower).toBeUndefined();
    complete(2);
    src = sourceOf(p);
    expect(src.shown).toEqual({ runs: 3, streaming: null, banded: true });
    expect(Array.from(src.line('reports').values)).toEqual([20, 21, 22]);
    const band = src.line('reports');
    expect(band.lower).toBeDefined();
    expect(band.lower![0]).toBeLessThan(20);
    expect(band.upper![0]).toBeGreaterThan(20);
    // The next snapshot with the same complete replicates reuses the lines: no new statistics.
    const bandLines = mainThreadWork.bandLines;
    applyChunk(p, chunk(1, 0, 2, () => 5));
    expect(sourceOf(p).line('reports')).toBe(band);
    expect(mainThreadWork.bandLines).toBe(bandLines);
  });

  it('have no band for a single run', () => {
    const p = createProgressive(3, 1, shape);
    applyChunk(p, chunk(0, 0, 3, (w) => w));
    const line = sourceOf(p).line('reports');
    expect(Array.from(line.values)).toEqual([0, 1, 2]);
    expect(line.lower).toBeUndefined();
  });

  it('agree with batch.summarise once complete (as the CLI)', () => {
    const runs = 7;
    const weeks = 5;
    const p = createProgressive(weeks, runs, shape);
    for (let r = 0; r < runs; r++) applyChunk(p, chunk(r, 0, weeks, (w, i) => ((r * 31 + w * 7 + i) % 13) * 1.5));
    const summary = summarise(p.series);
    const src = sourceOfRuns(p.series);
    for (const metric of [METRICS[0], 'reports', 'hiddenShare'] as const) {
      for (const slot of SLOTS) {
        const line = src.line(metric, slot);
        const band = summary.bands[slot][metric];
        expect(Array.from(line.values)).toEqual(band.mean);
        expect(Array.from(line.lower!)).toEqual(band.p05);
        expect(Array.from(line.upper!)).toEqual(band.p95);
      }
    }
    expect(metricIndex('reports')).toBeGreaterThan(0);
  });
});

describe("the runner's bands", () => {
  it('are what the charts read once every replicate is complete: the same lines, no statistics on this thread', () => {
    const runs = 5;
    const weeks = 6;
    const p = createProgressive(weeks, runs, shape);
    for (let r = 0; r < runs; r++) applyChunk(p, chunk(r, 0, weeks, (w, i) => (i % 7 === 3 ? Number.NaN : ((r * 17 + w * 5 + i) % 11) * 0.7)));
    const computed = sourceOf(p);
    completeBands(p, replicateBands(p.series.map((s) => s.values), weeks));
    const before = mainThreadWork.bandLines;
    const read = sourceOf(p);
    const lines = METRICS.flatMap((metric) => SLOTS.map((slot) => ({ metric, slot, line: read.line(metric, slot) })));
    expect(mainThreadWork.bandLines).toBe(before);
    for (const { metric, slot, line } of lines) {
      const want = computed.line(metric, slot);
      expect(Array.from(line.values)).toEqual(Array.from(want.values));
      expect(Array.from(line.lower!)).toEqual(Array.from(want.lower!));
      expect(Array.from(line.upper!)).toEqual(Array.from(want.upper!));
    }
    // A snapshot taken before the runner's bands arrive (bands: false) shows the mean only: no statistics here.
    const waiting = createProgressive(weeks, runs, shape);
    for (let r = 0; r < runs; r++) applyChunk(waiting, chunk(r, 0, weeks, () => r));
    const bandLines = mainThreadWork.bandLines;
    const early = sourceOf(waiting, { bands: false });
    expect(early.shown).toEqual({ runs, streaming: null, banded: false });
    expect(early.line('reports').lower).toBeUndefined();
    expect(Array.from(early.line('reports').values)).toEqual(new Array(weeks).fill(2));
    expect(mainThreadWork.bandLines).toBe(bandLines);
  });
});

describe('replicates', () => {
  it('gives each run on its own, NaN where it has not arrived yet', () => {
    const p = createProgressive(3, 2, shape);
    applyChunk(p, chunk(0, 0, 3, (w) => w));
    applyChunk(p, chunk(1, 0, 1, (w) => 10 + w));
    const reps = sourceOf(p).replicates('reports');
    expect(reps).toHaveLength(2);
    expect(Array.from(reps[0])).toEqual([0, 1, 2]);
    expect(Array.from(reps[1])).toEqual([10, Number.NaN, Number.NaN]);
    // The line is drawn from the complete run only.
    expect(sourceOf(p).line('reports').values[0]).toBe(reps[0][0]);
  });
});

describe('meanOf / lastOf', () => {
  it('skip NaN', () => {
    expect(meanOf([1, Number.NaN, 3])).toBe(2);
    expect(lastOf([1, 2, Number.NaN])).toBe(2);
    expect(lastOf([])).toBeNaN();
  });
});

describe('streaming without bands', () => {
  it('gives the plain mean and no band', () => {
    const p = createProgressive(2, 3, shape);
    for (let r = 0; r < 3; r++) applyChunk(p, chunk(r, 0, 2, () => r));
    const line = sourceOf(p, { bands: false }).line('reports');
    expect(Array.from(line.values)).toEqual([1, 1]);
    expect(line.lower).toBeUndefined();
  });
});

describe('the baseline under a run still computing (issue 10, point 4)', () => {
  it('is neither drawn nor the index reference until it covers the weeks the run shows', async () => {
    const { baselineReady, chartLines } = await import('../../src/ui/charts/build.ts');
    const specs = [{ metric: 'reports', label: 'Reports', colour: 'blue' }] as const;
    const run = createProgressive(4, 1, shape);
    applyChunk(run, chunk(0, 0, 4, () => 10));
    const base = createProgressive(4, 1, shape);
    // The baseline's first week only, far below its later weeks: as an index reference it would lift the run to 1000.
    applyChunk(base, chunk(0, 0, 1, () => 1));
    let [line] = chartLines(specs, sourceOf(run), sourceOf(base), { smooth: 1, index: true });
    expect(baselineReady(sourceOf(run), sourceOf(base))).toBe(false);
    expect(line.ghost).toBeUndefined();
    expect(Array.from(line.values)).toEqual([100, 100, 100, 100]);
    applyChunk(base, chunk(0, 1, 4, () => 20));
    [line] = chartLines(specs, sourceOf(run), sourceOf(base), { smooth: 1, index: true });
    expect(baselineReady(sourceOf(run), sourceOf(base))).toBe(true);
    // 100 = the baseline's average (1 + 20 × 3) / 4.
    expect(line.values[0]).toBeCloseTo((10 / 15.25) * 100);
    expect(line.ghost).toHaveLength(4);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { formatJSON, toOutputDocument } from '../../src/sim/output.ts';
import { summarise } from '../../src/sim/stats.ts';
import { ENGINE_VERSION, simulate } from '../../src/sim/engine.ts';
import { ACTOR_TYPES } from '../../src/sim/machines/index.ts';
import type { RunChunk } from '../../src/sim/runner.ts';
import { allocateSeries, writeChunk, type RunSeries } from '../../src/sim/series.ts';
import { SERIES_SHAPE } from '../../src/sim/engine.ts';
import { createSyncRunner } from '../../src/sim/sync-runner.ts';
import { createThreadRunner } from '../../workers/node-worker.ts';
import { smallWorld } from '../support/small-world.ts';

const scenario = smallWorld('cli');

const same = (a: RunSeries, b: RunSeries) => {
  expect(a.weeks).toBe(b.weeks);
  expect(Buffer.from(a.values.buffer).equals(Buffer.from(b.values.buffer))).toBe(true);
  for (const t of ACTOR_TYPES) {
    expect(a.states[t]).toEqual(b.states[t]);
    expect(a.transitions[t]).toEqual(b.transitions[t]);
  }
};

describe('createSyncRunner', () => {
  it('runs every replicate as simulate() does, in run order', async () => {
    const runs = await createSyncRunner().run({ scenario, seed: 11, runs: 3 });
    expect(runs).toHaveLength(3);
    runs.forEach((r, run) => same(r, simulate(scenario, { seed: 11, run })));
  });

  it('streams chunks in week order that add up to the series, and reports progress', async () => {
    const chunks: RunChunk[] = [];
    const progress: number[] = [];
    const [series] = await createSyncRunner({ chunkWeeks: 7 }).run(
      { scenario, seed: 1, runs: 1, weeks: 16 },
      { onChunk: (c) => chunks.push(c), onProgress: (done, total) => progress.push(done / total) },
    );
    expect(chunks.map((c) => [c.fromWeek, c.toWeek])).toEqual([[0, 7], [7, 14], [14, 16]]);
    expect(progress.at(-1)).toBe(1);
    const assembled = allocateSeries(16, SERIES_SHAPE);
    for (const c of chunks) writeChunk(assembled, c);
    same(assembled, series);
    expect(chunks[1].states.worker).toEqual(series.states.worker.slice(7 * (series.states.worker.length / 16), 14 * (series.states.worker.length / 16)));
  });

  it('stops between chunks when aborted, rejecting with an AbortError', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = createSyncRunner({ chunkWeeks: 2 }).run(
      { scenario, seed: 1, runs: 5 },
      { signal: controller.signal, onProgress: (done) => { seen.push(done); if (done >= 4) controller.abort(); } },
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen.at(-1)).toBe(4);
  });

  it('rejects nonsense requests', async () => {
    await expect(createSyncRunner().run({ scenario, seed: 1, runs: 0 })).rejects.toThrow(RangeError);
  });
});

describe('createThreadRunner (workers/pool.ts over worker threads)', () => {
  const runner = createThreadRunner(3);
  afterAll(() => runner.dispose());

  it('gives the same series as the in-process runner, whatever the number of threads', async () => {
    const request = { scenario, seed: 5, runs: 4 };
    const [sync, threaded, again] = [
      await createSyncRunner().run(request),
      await runner.run(request),
      await runner.run(request), // workers are reused
    ];
    sync.forEach((s, i) => {
      same(threaded[i], s);
      same(again[i], s);
    });
  });

  it('gives byte-identical output documents for 1, 2 and 3 threads', async () => {
    const request = { scenario, seed: 2, runs: 5 };
    const text = (runs: RunSeries[]) => formatJSON(toOutputDocument({ scenario, hash: 'h', engineVersion: ENGINE_VERSION, seed: 2 }, summarise(runs)));
    const one = createThreadRunner(1);
    const two = createThreadRunner(2);
    const want = text(await one.run(request));
    expect(text(await runner.run(request))).toBe(want);
    expect(text(await two.run(request))).toBe(want);
    two.dispose();
  });

  it('streams chunks and progress from the workers', async () => {
    const chunks: RunChunk[] = [];
    let last = [0, 0];
    await runner.run({ scenario, seed: 5, runs: 2, weeks: 10 }, { onChunk: (c) => chunks.push(c), onProgress: (d, t) => (last = [d, t]) });
    expect(last).toEqual([20, 20]);
    for (const run of [0, 1]) expect(chunks.filter((c) => c.run === run).map((c) => c.fromWeek)).toEqual([0]);
  });

  it('aborts by stopping its workers, and can run again afterwards', async () => {
    const controller = new AbortController();
    const run = runner.run({ scenario, seed: 5, runs: 6, weeks: 400 }, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    const after = await runner.run({ scenario, seed: 5, runs: 1 });
    same(after[0], simulate(scenario, { seed: 5, run: 0 }));
  });

  it('rejects a bad number of threads', () => {
    expect(() => createThreadRunner(0)).toThrow(RangeError);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { scenario } from '../support/small-world.ts';
import { SERIES_SHAPE, simulate } from '../../src/sim/engine.ts';
import { ACTOR_TYPES } from '../../src/sim/machines/index.ts';
import type { RunChunk } from '../../src/sim/runner.ts';
import { allocateSeries, writeChunk, type RunSeries } from '../../src/sim/series.ts';
import { createPool } from '../../workers/pool.ts';
import type { SimWorkerApi } from '../../workers/sim-api.ts';
import { nodePoolWorker } from './node-pool-worker.ts';

/**
 * The worker's settled-state cache (workers/sim-api.ts, src/sim/settled.ts):
 * a rerun with another lever starts from the state the first run left, and
 * gives the numbers of a cold run.
 */

const WEEKS = 40;
const world = {
  weeks: WEEKS,
  assumptions: {
    population: { consumers: 1500, clients: 300, corporateBuyersPerSector: 6 },
    sectors: { sexual: { employers: 30, workers: 150 }, agriculture: { employers: 30, workers: 250 }, manufacturing: { employers: 30, workers: 250 } },
  },
};
const baseline = scenario(world, { name: 'baseline' });
const campaign = scenario(world, { name: 'campaign', interventions: { awareness: { consumers: 0.05 } } });
const otherRegime = scenario(world, { name: 'regime', interventions: { prostitutionRegime: 'decriminalise' } });

const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

function expectSameSeries(got: RunSeries, want: RunSeries): void {
  expect(bytes(got.values).equals(bytes(want.values)), 'values').toBe(true);
  for (const t of ACTOR_TYPES) {
    expect(bytes(got.states[t]).equals(bytes(want.states[t])), `states of ${t}`).toBe(true);
    expect(bytes(got.transitions[t]).equals(bytes(want.transitions[t])), `transitions of ${t}`).toBe(true);
  }
}

describe('the settled-state cache of a worker', () => {
  const worker = nodePoolWorker();
  const api = Comlink.wrap<SimWorkerApi>(worker.endpoint);
  afterAll(() => worker.terminate());

  async function run(s: typeof baseline, seed: number, run: number): Promise<RunSeries> {
    const series = allocateSeries(WEEKS, SERIES_SHAPE);
    await api.run({ scenario: s, seed, run, weeks: WEEKS }, Comlink.proxy((c: RunChunk) => writeChunk(series, c)));
    return series;
  }

  it('a second run with another lever reuses the state, and gives the cold run\'s bytes', async () => {
    const start = await api.settledStats();
    await run(baseline, 21, 0);
    const afterFirst = await api.settledStats();
    expect(afterFirst.hits - start.hits).toBe(0);
    expect(afterFirst.misses - start.misses).toBe(1);
    expect(afterFirst.entries).toBe(start.entries + 1);
    expect(afterFirst.bytes).toBeGreaterThan(start.bytes);

    const warm = await run(campaign, 21, 0);
    const afterSecond = await api.settledStats();
    expect(afterSecond.hits - afterFirst.hits).toBe(1);
    expect(afterSecond.entries).toBe(afterFirst.entries);
    expectSameSeries(warm, simulate(campaign, { seed: 21, run: 0, weeks: WEEKS }));
  });

  it('another regime, seed or run is a miss', async () => {
    await run(baseline, 22, 0);
    const before = await api.settledStats();
    const regime = await run(otherRegime, 22, 0);
    await run(campaign, 23, 0);
    await run(campaign, 22, 1);
    const after = await api.settledStats();
    expect(after.hits - before.hits).toBe(0);
    expect(after.misses - before.misses).toBe(3);
    expectSameSeries(regime, simulate(otherRegime, { seed: 22, run: 0, weeks: WEEKS }));
  });
});

describe('the pool over cached workers', () => {
  it('reruns a batch with a changed lever from the settled states, identical to simulate()', async () => {
    const made: ReturnType<typeof nodePoolWorker>[] = [];
    const runner = createPool({ maxWorkers: 1, createWorker: () => (made.push(nodePoolWorker()), made.at(-1)!) });
    await runner.run({ scenario: baseline, seed: 31, runs: 3, weeks: WEEKS });
    const series = await runner.run({ scenario: campaign, seed: 31, runs: 3, weeks: WEEKS });
    expect(made.length).toBe(1);
    const stats = await Comlink.wrap<SimWorkerApi>(made[0].endpoint).settledStats();
    runner.dispose();
    expect(stats.hits).toBe(3);
    expect(stats.misses).toBe(3);
    series.forEach((s, run) => expectSameSeries(s, simulate(campaign, { seed: 31, run, weeks: WEEKS })));
  });
});

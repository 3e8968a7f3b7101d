import { describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { scenario } from '../support/small-world.ts';
import { Simulation, simulate, withoutMeasures } from '../../src/sim/engine.ts';
import { ACTOR_TYPES } from '../../src/sim/machines/index.ts';
import type { RunSeries } from '../../src/sim/series.ts';
import { packSettled, packetBuffers, SettledCache, settledKey, unpackSettled, type SettledState } from '../../src/sim/settled.ts';
import { createPool } from '../../workers/pool.ts';
import type { SettledStats, SimWorkerApi } from '../../workers/sim-api.ts';
import { nodePoolWorker } from './node-pool-worker.ts';

/**
 * Issue 10, instant answers: the pool spreads a batch's replicates over every
 * worker, lowest run first; the settled state a worker makes reaches every
 * other worker (so a lever change starts each replicate from it, whichever
 * worker runs it); `warm` starts the workers and settles replicates ahead of
 * time; an abort stops the workers that stream at their next chunk rather
 * than terminating them. The numbers never change.
 */

const WEEKS = 30;
const world = {
  weeks: WEEKS,
  assumptions: {
    population: { consumers: 1200, clients: 240, corporateBuyersPerSector: 6 },
    sectors: { sexual: { employers: 24, workers: 120 }, agriculture: { employers: 24, workers: 200 }, manufacturing: { employers: 24, workers: 200 } },
  },
};
const baseline = scenario(world, { name: 'baseline' });
const campaign = scenario(world, { name: 'campaign', interventions: { awareness: { consumers: 0.05 } } });

const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

function expectSameSeries(got: RunSeries, want: RunSeries): void {
  expect(bytes(got.values).equals(bytes(want.values)), 'values').toBe(true);
  for (const t of ACTOR_TYPES) {
    expect(bytes(got.states[t]).equals(bytes(want.states[t])), `states of ${t}`).toBe(true);
    expect(bytes(got.transitions[t]).equals(bytes(want.transitions[t])), `transitions of ${t}`).toBe(true);
  }
}

const reference = new Map<string, RunSeries>();
function expected(s: typeof baseline, seed: number, run: number): RunSeries {
  const key = `${s.name}:${seed}:${run}`;
  if (!reference.has(key)) reference.set(key, simulate(s, { seed, run, weeks: WEEKS }));
  return reference.get(key)!;
}

/** A pool of Node worker threads that remembers its workers, with their settled-state counts. */
function pool(maxWorkers: number, shareSettled?: boolean) {
  const made: ReturnType<typeof nodePoolWorker>[] = [];
  const runner = createPool({ maxWorkers, shareSettled, createWorker: () => (made.push(nodePoolWorker()), made.at(-1)!) });
  const stats = () => Promise.all(made.map((w) => Comlink.wrap<SimWorkerApi>(w.endpoint).settledStats()));
  return { runner, made, stats };
}

const sum = (all: SettledStats[], k: keyof SettledStats) => all.reduce((n, s) => n + s[k], 0);

describe('a settled state between workers (src/sim/settled.ts packSettled/unpackSettled)', () => {
  it('survives a structured clone: a run started from it gives the cold run\'s bytes', () => {
    const store = new SettledCache({ maxEntries: 4, maxBytes: 1024 ** 3 });
    simulate(baseline, { seed: 4, run: 1, weeks: WEEKS, settled: store });
    const key = settledKey(withoutMeasures(baseline), 4, 1)!;
    const state = store.get(key)!;
    const packet = packSettled(state);
    // Copies: transferring the packet leaves the cached state whole.
    expect(packetBuffers(packet).length).toBeGreaterThan(10);
    expect(packetBuffers(packet).some((b) => b === state.tallies.buffer)).toBe(false);
    const moved = structuredClone(packet, { transfer: packetBuffers(packet) });
    const other = new SettledCache({ maxEntries: 4, maxBytes: 1024 ** 3 });
    other.put(unpackSettled(moved));
    const series = new Simulation(campaign, { seed: 4, run: 1, weeks: WEEKS, settled: other }).run();
    expect(other.hits).toBe(1);
    expectSameSeries(series, expected(campaign, 4, 1));
  });

  it('refuses a state holding something a structured clone would not keep, naming where', () => {
    const store = new SettledCache({ maxEntries: 4, maxBytes: 1024 ** 3 });
    simulate(baseline, { seed: 4, run: 0, weeks: 2, settled: store });
    const state = store.get(settledKey(withoutMeasures(baseline), 4, 0)!)!;
    const odd: SettledState = { ...state, world: Object.assign(Object.create(Object.getPrototypeOf(state.world) as object) as typeof state.world, state.world, { extra: new (class Odd {})() }) };
    expect(() => packSettled(odd)).toThrow(/cannot share the Odd instance at world\.extra/);
  });
});

describe('the pool\'s scheduling over worker threads', () => {
  it('spreads a batch over every worker, lowest run first, each run once', async () => {
    const { runner, made } = pool(3);
    const series = await runner.run({ scenario: baseline, seed: 8, runs: 5, weeks: WEEKS });
    const { runsByWorker, started } = runner.stats();
    runner.dispose();
    expect(made.length).toBe(3);
    expect(started).toBe(3);
    // The first three runs go out at once, one per worker...
    expect(runsByWorker.map((r) => r[0])).toEqual([0, 1, 2]);
    // ...and the rest to whichever is free: each run exactly once.
    expect(runsByWorker.flat().sort()).toEqual([0, 1, 2, 3, 4]);
    series.forEach((s, run) => expectSameSeries(s, expected(baseline, 8, run)));
  });

  it('hands each settled state to every worker: a lever change finds every replicate settled, whichever worker runs it', async () => {
    const { runner, stats } = pool(2);
    await runner.run({ scenario: baseline, seed: 9, runs: 4, weeks: WEEKS });
    const first = await stats();
    // Four burn-ins, each simulated once and adopted by the other worker.
    expect(sum(first, 'misses')).toBe(4);
    expect(sum(first, 'hits')).toBe(0);
    expect(sum(first, 'adopted')).toBe(4);
    expect(first.map((s) => s.entries)).toEqual([4, 4]);
    expect(runner.stats().statesReceived).toBe(4);

    const series = await runner.run({ scenario: campaign, seed: 9, runs: 4, weeks: WEEKS });
    const second = await stats();
    runner.dispose();
    expect(sum(second, 'hits') - sum(first, 'hits')).toBe(4);
    expect(sum(second, 'misses') - sum(first, 'misses')).toBe(0);
    series.forEach((s, run) => expectSameSeries(s, expected(campaign, 9, run)));
  });

  it('with sharing off (experiments whose points never share assumptions), copies no state and gives the same numbers', async () => {
    const { runner, stats } = pool(2, false);
    const series = await runner.run({ scenario: baseline, seed: 9, runs: 4, weeks: WEEKS });
    const all = await stats();
    runner.dispose();
    expect(sum(all, 'misses')).toBe(4);
    expect(sum(all, 'adopted')).toBe(0);
    expect(runner.stats().statesReceived).toBe(0);
    series.forEach((s, run) => expectSameSeries(s, expected(baseline, 9, run)));
  });

  it('gives a worker started later the states the others made', async () => {
    const { runner, made } = pool(1);
    await runner.run({ scenario: baseline, seed: 10, runs: 2, weeks: WEEKS });
    // A fault (or an abort during set-up) replaces the worker; the new one starts settled.
    made[0].terminate();
    await new Promise((resolve) => made[0].thread.once('exit', resolve));
    const series = await runner.run({ scenario: campaign, seed: 10, runs: 2, weeks: WEEKS });
    expect(made.length).toBe(2);
    const fresh = await Comlink.wrap<SimWorkerApi>(made[1].endpoint).settledStats();
    runner.dispose();
    expect(fresh.adopted).toBe(2);
    expect(fresh.hits).toBe(2);
    expect(fresh.misses).toBe(0);
    series.forEach((s, run) => expectSameSeries(s, expected(campaign, 10, run)));
  });

  it('warms up: starts every worker at once and settles the replicates asked for, each burn-in once', async () => {
    const { runner, made, stats } = pool(2);
    const warmed = runner.warm({ scenario: baseline, seed: 12, runs: 3 });
    expect(made.length).toBe(2);
    await warmed;
    const ready = await stats();
    expect(runner.stats().settleJobs).toBe(3);
    expect(sum(ready, 'settled')).toBe(3);
    expect(ready.map((s) => s.entries)).toEqual([3, 3]);

    const series = await runner.run({ scenario: campaign, seed: 12, runs: 3, weeks: WEEKS });
    const after = await stats();
    runner.dispose();
    expect(made.length).toBe(2);
    expect(sum(after, 'hits') - sum(ready, 'hits')).toBe(3);
    expect(sum(after, 'misses') - sum(ready, 'misses')).toBe(0);
    series.forEach((s, run) => expectSameSeries(s, expected(campaign, 12, run)));
  });

  it('puts a request\'s replicates before the warm-up\'s burn-ins', async () => {
    const { runner } = pool(1);
    const warmed = runner.warm({ scenario: baseline, seed: 13, runs: 4 });
    const series = await runner.run({ scenario: campaign, seed: 13, runs: 2, weeks: WEEKS });
    await warmed;
    // The worker took the first burn-in as it started; the request came next, then the rest.
    expect(runner.stats().jobs).toEqual(['settle 0', 'run 0', 'run 1', 'settle 1', 'settle 2', 'settle 3']);
    expect(runner.stats().settleJobs).toBe(4);
    runner.dispose();
    series.forEach((s, run) => expectSameSeries(s, expected(campaign, 13, run)));
  });

  it('gives the same numbers for a lever change after a default run with 1, 2 and 3 workers', async () => {
    const results: RunSeries[][] = [];
    for (const n of [1, 2, 3]) {
      const { runner } = pool(n);
      await runner.run({ scenario: baseline, seed: 14, runs: 4, weeks: WEEKS });
      results.push(await runner.run({ scenario: campaign, seed: 14, runs: 4, weeks: WEEKS }));
      runner.dispose();
    }
    for (const series of results) series.forEach((s, run) => expectSameSeries(s, expected(campaign, 14, run)));
  });

  it('on abort, stops a streaming worker at its next chunk and keeps it, with its states, for the next run', async () => {
    const { runner, made, stats } = pool(1);
    const controller = new AbortController();
    let chunks = 0;
    const running = runner.run({ scenario: baseline, seed: 15, runs: 2, weeks: WEEKS }, { signal: controller.signal, onChunk: () => void (++chunks === 1 && controller.abort()) });
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    const series = await runner.run({ scenario: campaign, seed: 15, runs: 1, weeks: WEEKS });
    expect(chunks).toBe(1);
    expect(made.length).toBe(1);
    expect(runner.stats().terminated).toBe(0);
    const [worker] = await stats();
    runner.dispose();
    // Run 0's state, made before the abort, serves the next run.
    expect(worker.hits).toBe(1);
    expectSameSeries(series[0], expected(campaign, 15, 0));
  });

  it('on abort before any chunk (a burn-in may take seconds), terminates the busy workers at once', async () => {
    const { runner, made } = pool(2);
    const controller = new AbortController();
    const running = runner.run({ scenario: baseline, seed: 16, runs: 2, weeks: WEEKS }, { signal: controller.signal });
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(runner.stats().terminated).toBe(2);
    await Promise.all(made.map((w) => new Promise((resolve) => w.thread.once('exit', resolve))));
    const series = await runner.run({ scenario: baseline, seed: 16, runs: 1, weeks: WEEKS });
    expect(made.length).toBe(3);
    runner.dispose();
    expectSameSeries(series[0], expected(baseline, 16, 0));
  });
});

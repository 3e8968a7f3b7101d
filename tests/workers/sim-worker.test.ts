import { afterAll, describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { smallWorld } from '../support/small-world.ts';
import { simulate } from '../../src/sim/engine.ts';
import { ACTOR_TYPES } from '../../src/sim/machines/index.ts';
import type { RunChunk } from '../../src/sim/runner.ts';
import type { RunSeries } from '../../src/sim/series.ts';
import { replicateBands, summarise, summaryOf, type Bands } from '../../src/sim/stats.ts';
import { mainThreadWork } from '../../workers/main-thread-work.ts';
import { createPool } from '../../workers/pool.ts';
import type { SimWorkerApi } from '../../workers/sim-api.ts';
import { nodePoolWorker, type Fault } from './node-pool-worker.ts';

/**
 * The worker adapter (workers/sim-api.ts) and the pool (workers/pool.ts),
 * run in Node over worker_threads through comlink's node adapter: the same
 * code the browser runs, minus the Worker constructor.
 */

// A small population keeps each replicate well under a second.
const WEEKS = 60;
const scenario = smallWorld('flows', { name: 'worker test', weeks: WEEKS });

const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

function expectSameSeries(got: RunSeries, want: RunSeries): void {
  expect(got.weeks).toBe(want.weeks);
  expect(bytes(got.values).equals(bytes(want.values))).toBe(true);
  for (const t of ACTOR_TYPES) {
    expect(bytes(got.states[t]).equals(bytes(want.states[t])), `states of ${t}`).toBe(true);
    expect(bytes(got.transitions[t]).equals(bytes(want.transitions[t])), `transitions of ${t}`).toBe(true);
  }
}

const reference = new Map<number, RunSeries>();
const expected = (seed: number, run: number) => {
  const key = seed * 1000 + run;
  if (!reference.has(key)) reference.set(key, simulate(scenario, { seed, run, weeks: WEEKS }));
  return reference.get(key)!;
};

describe('workers/sim-api.ts over worker_threads', () => {
  const worker = nodePoolWorker();
  const api = Comlink.wrap<SimWorkerApi>(worker.endpoint);
  afterAll(() => worker.terminate());

  it('streams every week once, in order, as transferred Float64Arrays that reassemble into simulate()', async () => {
    const chunks: RunChunk[] = [];
    await api.run({ scenario, seed: 7, run: 2, weeks: WEEKS }, Comlink.proxy((c: RunChunk) => void chunks.push(c)));
    expect(chunks.length).toBeGreaterThan(0);
    let week = 0;
    for (const c of chunks) {
      expect(c.run).toBe(2);
      expect(c.fromWeek).toBe(week);
      expect(c.toWeek).toBeGreaterThan(c.fromWeek);
      expect(c.values).toBeInstanceOf(Float64Array);
      for (const t of ACTOR_TYPES) expect(c.states[t]).toBeInstanceOf(Float64Array);
      week = c.toWeek;
    }
    expect(week).toBe(WEEKS);

    const want = expected(7, 2);
    const values = new Float64Array(want.values.length);
    for (const c of chunks) values.set(c.values, (want.values.length / WEEKS) * c.fromWeek);
    expect(bytes(values).equals(bytes(want.values))).toBe(true);
  });

  it('transfers the chunk buffers instead of copying them', async () => {
    const probe = Comlink.wrap<{ byteLengthsAfterSend(): number[] }>(worker.endpoint);
    const received: number[] = [];
    await api.run({ scenario, seed: 1, run: 0, weeks: 30 }, Comlink.proxy((c: RunChunk) => void received.push(c.values.byteLength)));
    const after = await probe.byteLengthsAfterSend();
    expect(received.every((n) => n > 0)).toBe(true);
    // Detached in the worker once sent: the buffer moved, it was not cloned.
    expect(after.slice(-received.length)).toEqual(received.map(() => 0));
  });
});

describe('createPool with worker_threads', () => {
  it('spreads replicates over the pool and returns them in run order, identical to simulate()', async () => {
    const made: ReturnType<typeof nodePoolWorker>[] = [];
    const runner = createPool({ maxWorkers: 2, createWorker: () => (made.push(nodePoolWorker()), made.at(-1)!) });
    const progress: number[] = [];
    const chunkRuns = new Set<number>();
    const series = await runner.run(
      { scenario, seed: 11, runs: 3, weeks: WEEKS },
      { onProgress: (done, total) => (expect(total).toBe(3 * WEEKS), progress.push(done)), onChunk: (c) => chunkRuns.add(c.run) },
    );
    runner.dispose?.();
    expect(made.length).toBe(2);
    expect(series.length).toBe(3);
    series.forEach((s, run) => expectSameSeries(s, expected(11, run)));
    expect([...chunkRuns].sort()).toEqual([0, 1, 2]);
    expect(progress.at(-1)).toBe(3 * WEEKS);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('writes each chunk once into the series it resolves with, and computes the bands in a worker, bit for bit those of summarise', async () => {
    const runner = createPool({ maxWorkers: 2, createWorker: () => nodePoolWorker() });
    const seen = new Map<number, RunSeries>();
    const order: string[] = [];
    let bands: Bands | undefined;
    const before = { ...mainThreadWork };
    const series = await runner.run(
      { scenario, seed: 13, runs: 3, weeks: WEEKS },
      {
        onChunk: (c, s) => {
          expect(seen.get(c.run) ?? s).toBe(s);
          seen.set(c.run, s);
          order.push('chunk');
        },
        onBands: (b) => {
          bands = b;
          order.push('bands');
        },
      },
    );
    runner.dispose();
    series.forEach((s, run) => {
      expect(seen.get(run)).toBe(s);
      expectSameSeries(s, expected(13, run));
    });
    const chunks = mainThreadWork.chunks - before.chunks;
    expect(chunks).toBe(order.length - 1);
    expect(mainThreadWork.chunkWrites - before.chunkWrites).toBe(chunks);
    expect(mainThreadWork.workerBands - before.workerBands).toBe(1);
    expect(order.indexOf('bands')).toBe(order.length - 1);

    const want = replicateBands(series.map((s) => s.values), WEEKS);
    for (const k of ['mean', 'p05', 'p95'] as const) expect(bytes(bands![k]!).equals(bytes(want[k]!)), k).toBe(true);
    expect(bands!.width).toBe(want.width);
    expect(summaryOf(bands!, 3)).toEqual(summarise(series));
  });

  it('gives the same numbers with one worker as with four', async () => {
    const one = createPool({ maxWorkers: 1, createWorker: () => nodePoolWorker() });
    const four = createPool({ maxWorkers: 4, createWorker: () => nodePoolWorker() });
    const [a, b] = await Promise.all([
      one.run({ scenario, seed: 5, runs: 4, weeks: 20 }),
      four.run({ scenario, seed: 5, runs: 4, weeks: 20 }),
    ]);
    one.dispose?.();
    four.dispose?.();
    a.forEach((s, i) => expectSameSeries(s, b[i]));
  });

  it('stops at once on abort: the workers stop at their next chunk and stay, and run again afterwards', async () => {
    // Issue 10: a worker that streams is no longer terminated on abort (it would lose its
    // settled states); it stops at its next chunk. One that has not streamed yet is
    // (tests/workers/pool-schedule.test.ts).
    const made: ReturnType<typeof nodePoolWorker>[] = [];
    const runner = createPool({ maxWorkers: 1, createWorker: () => (made.push(nodePoolWorker()), made.at(-1)!) });
    const controller = new AbortController();
    let chunks = 0;
    const running = runner.run(
      { scenario, seed: 3, runs: 4, weeks: WEEKS },
      { signal: controller.signal, onChunk: () => void (++chunks === 1 && controller.abort()) },
    );
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    const chunksAtAbort = chunks;

    const again = await runner.run({ scenario, seed: 3, runs: 1, weeks: WEEKS });
    expectSameSeries(again[0], expected(3, 0));
    expect(chunks).toBe(chunksAtAbort);
    expect(made.length).toBe(1);
    expect(runner.stats().terminated).toBe(0);
    runner.dispose?.();
  });

  it('rejects when the signal is already aborted, without starting a worker', async () => {
    let made = 0;
    const runner = createPool({ maxWorkers: 4, createWorker: () => (made++, nodePoolWorker()) });
    const controller = new AbortController();
    controller.abort();
    await expect(runner.run({ scenario, seed: 1, runs: 1 }, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(made).toBe(0);
  });

  it('rejects a request no runner can honour, without starting a worker', async () => {
    let made = 0;
    const runner = createPool({ maxWorkers: 4, createWorker: () => (made++, nodePoolWorker()) });
    await expect(runner.run({ scenario, seed: 1, runs: 0 })).rejects.toThrow(/runs must be a positive integer/);
    expect(made).toBe(0);
  });

  it.each<[Fault, RegExp]>([
    ['throw', /worker stopped unexpectedly \(.*injected fault.*\)/],
    ['exit', /worker stopped unexpectedly \(the worker exited with code 3\)/],
    ['reject', /failed in its worker: .*injected rejection/],
  ])('reports a worker that fails (%s) with a clear error and replaces it', async (fault, message) => {
    const faults: (Fault | undefined)[] = [fault];
    const made: ReturnType<typeof nodePoolWorker>[] = [];
    const runner = createPool({ maxWorkers: 1, createWorker: () => (made.push(nodePoolWorker(faults.shift())), made.at(-1)!) });
    const error = await runner.run({ scenario, seed: 2, runs: 2, weeks: WEEKS }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('WorkerFault');
    expect((error as Error).message).toMatch(message);

    const series = await runner.run({ scenario, seed: 2, runs: 2, weeks: WEEKS });
    series.forEach((s, run) => expectSameSeries(s, expected(2, run)));
    expect(made.length).toBe(2);
    runner.dispose?.();
  });

  it('lets Stop end a run whose worker hangs', async () => {
    const runner = createPool({ maxWorkers: 1, createWorker: () => nodePoolWorker('hang') });
    const controller = new AbortController();
    const running = runner.run({ scenario, seed: 2, runs: 1, weeks: WEEKS }, { signal: controller.signal, onChunk: () => controller.abort() });
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    runner.dispose?.();
  });
});

import * as Comlink from 'comlink';
import type { Scenario } from '../src/scenario/schema.ts';
import { Simulation } from '../src/sim/engine.ts';
import { BROWSER_LIMITS } from '../src/sim/limits.ts';
import { SettledCache } from '../src/sim/settled.ts';
import type { RunChunk } from '../src/sim/runner.ts';
import { sliceChunk } from '../src/sim/series.ts';
import { replicateBands, type Bands } from '../src/sim/stats.ts';

/**
 * The worker's side of the SimRunner pool (STYLE.md 2): set up one
 * replicate, step it, hand each chunk of weeks back with its buffers
 * transferred; and the statistics over a finished batch's replicates. Nothing
 * else lives here; the pool, ordering and faults are handled by
 * workers/pool.ts. Shared by the browser worker (sim.worker.ts) and the Node
 * worker threads (node-entry.mjs) of the CLI, the calibration and the tests.
 */

/** One replicate of a request: `run` selects its random key. */
export interface ReplicateRequest {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly run: number;
  readonly weeks?: number;
  /** Weeks per chunk; without it a chunk goes when FLUSH_MS have passed or MAX_CHUNK_WEEKS accumulated. */
  readonly chunkWeeks?: number;
}

/** Receives chunks in week order; the worker waits for each before stepping on. */
export type ChunkSink = (chunk: RunChunk) => void | Promise<void>;

/** A chunk is sent when this much time has passed since the last one (ms)... */
const FLUSH_MS = 100;
/** ...or this many weeks have accumulated, whichever comes first. */
const MAX_CHUNK_WEEKS = 26;

/**
 * Releases a callback the caller passed as a comlink proxy (a no-op for a
 * plain function): that closes the caller's end of its port, which would
 * otherwise keep a Node process alive. Messages sent before it arrive first.
 */
export function releaseCallback(callback: unknown): void {
  (callback as Partial<Comlink.Remote<object>>)[Comlink.releaseProxy]?.();
}

/**
 * The settled post-burn-in states of this worker's recent replicates
 * (src/sim/settled.ts): a lever change reruns them without the burn-in, with
 * the same numbers. The pool hands a batch's replicates to whichever worker is
 * free, so a worker may meet any run of a batch again: room for many entries,
 * held to a quarter of what one run may take in the app.
 */
const settled = new SettledCache({ maxEntries: 64, maxBytes: BROWSER_LIMITS.runBytes / 4 });

/** What the worker's settled-state cache holds and how often it served (for tests and benchmarks). */
export interface SettledStats {
  readonly hits: number;
  readonly misses: number;
  readonly entries: number;
  readonly bytes: number;
}

const buffers = (arrays: readonly (Float64Array | undefined)[]) => arrays.flatMap((a) => (a ? [a.buffer as ArrayBuffer] : []));

function transferable(chunk: RunChunk): ArrayBuffer[] {
  return buffers([chunk.values, ...Object.values(chunk.states), ...Object.values(chunk.transitions)]);
}

export const simWorkerApi = {
  /**
   * Steps replicate `request.run` to the end. Chunk boundaries depend on the
   * clock (or request.chunkWeeks), the numbers do not. Waiting for `sink`
   * gives back-pressure and lets the main thread's messages through between
   * chunks. The sink is released at the end (releaseCallback).
   */
  async run(request: ReplicateRequest, sink: ChunkSink): Promise<void> {
    try {
      const sim = new Simulation(request.scenario, { seed: request.seed, run: request.run, weeks: request.weeks, settled });
      let from = 0;
      let last = performance.now();
      while (sim.week < sim.weeks) {
        sim.step();
        const due = request.chunkWeeks ? sim.week - from >= request.chunkWeeks : performance.now() - last >= FLUSH_MS || sim.week - from >= MAX_CHUNK_WEEKS;
        if (sim.week === sim.weeks || due) {
          const chunk = sliceChunk(sim.series, request.run, from, sim.week);
          await sink(Comlink.transfer(chunk, transferable(chunk)));
          from = sim.week;
          last = performance.now();
        }
      }
    } finally {
      releaseCallback(sink);
    }
  },

  settledStats(): SettledStats {
    return { hits: settled.hits, misses: settled.misses, entries: settled.size, bytes: settled.bytes };
  },

  /** stats.ts replicateBands over every column of the replicates' values (sent by transfer), handed back by transfer. */
  summarise(values: readonly Float64Array[], weeks: number): Bands {
    const bands = replicateBands(values, weeks);
    return Comlink.transfer(bands, buffers([bands.mean, bands.p05, bands.p95]));
  },
};

export type SimWorkerApi = typeof simWorkerApi;

/** What a Node worker thread exposes (workers/node-entry.mjs). */
export const api = simWorkerApi;

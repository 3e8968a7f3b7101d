import * as Comlink from 'comlink';
import type { Scenario } from '../src/scenario/schema.ts';
import { Simulation } from '../src/sim/engine.ts';
import type { RunChunk } from '../src/sim/runner.ts';
import { sliceChunk } from '../src/sim/sync-runner.ts';

/**
 * The worker's side of the app's SimRunner (STYLE.md 2): set up one
 * replicate, step it, hand each chunk of weeks back with its buffers
 * transferred. Nothing else lives here; the pool, ordering and faults are
 * handled by src/ui/worker-runner.ts. Shared by the browser worker
 * (sim.worker.ts) and the Node test host (tests/workers/node-host.mjs).
 */

/** One replicate of a request: `run` selects its random key. */
export interface ReplicateRequest {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly run: number;
  readonly weeks?: number;
}

/** Receives chunks in week order; the worker waits for each before stepping on. */
export type ChunkSink = (chunk: RunChunk) => void | Promise<void>;

/** A chunk is sent when this much time has passed since the last one (ms)... */
const FLUSH_MS = 100;
/** ...or this many weeks have accumulated, whichever comes first. */
const MAX_CHUNK_WEEKS = 26;

function transferable(chunk: RunChunk): ArrayBuffer[] {
  const arrays = [chunk.values, ...Object.values(chunk.states), ...Object.values(chunk.transitions)];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

export const simWorkerApi = {
  /**
   * Steps replicate `request.run` to the end. Chunk boundaries depend on the
   * clock, the numbers do not. Waiting for `sink` gives back-pressure and lets
   * the main thread's messages through between chunks.
   */
  async run(request: ReplicateRequest, sink: ChunkSink): Promise<void> {
    const sim = new Simulation(request.scenario, { seed: request.seed, run: request.run, weeks: request.weeks });
    let from = 0;
    let last = performance.now();
    while (sim.week < sim.weeks) {
      sim.step();
      const now = performance.now();
      if (sim.week === sim.weeks || now - last >= FLUSH_MS || sim.week - from >= MAX_CHUNK_WEEKS) {
        const chunk = sliceChunk(sim.series, request.run, from, sim.week);
        await sink(Comlink.transfer(chunk, transferable(chunk)));
        from = sim.week;
        last = performance.now();
      }
    }
  },
};

export type SimWorkerApi = typeof simWorkerApi;

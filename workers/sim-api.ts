import * as Comlink from 'comlink';
import type { Scenario } from '../src/scenario/schema.ts';
import { Simulation, withoutMeasures } from '../src/sim/engine.ts';
import { BROWSER_LIMITS } from '../src/sim/limits.ts';
import { packetBuffers, packSettled, SettledCache, settledKey, unpackSettled, type SettledPacket, type SettledState, type SettledStore } from '../src/sim/settled.ts';
import type { RunChunk } from '../src/sim/runner.ts';
import { sliceChunk } from '../src/sim/series.ts';
import { replicateBands, type Bands } from '../src/sim/stats.ts';
import { agentStory, type AgentStory, type StoryRequest } from '../src/sim/story.ts';

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

/**
 * Receives chunks in week order; the worker waits for each before stepping
 * on, and stops when it answers `false` (the pool no longer wants the run).
 */
export type ChunkSink = (chunk: RunChunk) => void | boolean | Promise<void | boolean>;

/**
 * Receives the settled state a replicate made (it simulated the burn-in), as
 * soon as it is made, so that the pool can hand it to its other workers
 * (`adopt`): whichever worker runs that replicate next starts from it.
 */
export type SettledSink = (packet: SettledPacket) => void | Promise<void>;

/** What the pool asks a worker to settle ahead of time (`settle`): the burn-in of one replicate. */
export interface SettleRequest {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly run: number;
}

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
  (callback as Partial<Comlink.Remote<object>> | undefined)?.[Comlink.releaseProxy]?.();
}

/**
 * The settled post-burn-in states of recent replicates (src/sim/settled.ts),
 * this worker's own and those its pool's other workers made (`adopt`): a lever
 * change reruns them without the burn-in, with the same numbers, on whichever
 * worker is free. Room for many entries, held to a quarter of what one run
 * may take in the app.
 */
const settled = new SettledCache({ maxEntries: 64, maxBytes: BROWSER_LIMITS.runBytes / 4 });

/** The cache as a Simulation sees it, noting the state a burn-in leaves so that it can be shared. */
function recordingStore(): SettledStore & { made?: SettledState } {
  const store: SettledStore & { made?: SettledState } = {
    get: (key) => settled.get(key),
    put(state) {
      settled.put(state);
      // A state too large for the cache is kept by no worker: nothing to share.
      if (settled.has(state.key)) store.made = state;
    },
  };
  return store;
}

/**
 * Hands a state this worker made to the pool, by transfer of a copy (the
 * cached state stays here), and waits until the pool has it: by then it has
 * passed it on to the other workers, before this run's first chunk.
 */
async function share(state: SettledState | undefined, onSettled: SettledSink | undefined): Promise<void> {
  if (!state || !onSettled) return;
  const packet = packSettled(state);
  try {
    await onSettled(Comlink.transfer(packet, packetBuffers(packet)));
  } catch {
    // Sharing only saves time elsewhere: this run goes on regardless.
  }
}

/** What the worker's settled-state cache holds and how often it served (for tests and benchmarks). */
export interface SettledStats {
  readonly hits: number;
  readonly misses: number;
  readonly entries: number;
  readonly bytes: number;
  /** States taken from other workers (`adopt`), and burn-ins simulated ahead of time (`settle`). */
  readonly adopted: number;
  readonly settled: number;
}

let adopted = 0;
let settledAhead = 0;

const buffers = (arrays: readonly (Float64Array | undefined)[]) => arrays.flatMap((a) => (a ? [a.buffer as ArrayBuffer] : []));

function transferable(chunk: RunChunk): ArrayBuffer[] {
  return buffers([chunk.values, ...Object.values(chunk.states), ...Object.values(chunk.transitions)]);
}

export const simWorkerApi = {
  /**
   * Steps replicate `request.run` to the end, or until `sink` answers false.
   * Chunk boundaries depend on the clock (or request.chunkWeeks), the numbers
   * do not. Waiting for `sink`'s answer to a chunk before sending the next
   * gives back-pressure (one chunk in flight) and lets the main thread's
   * messages through between chunks. A burn-in simulated here leaves its
   * settled state with `onSettled` before the first week. The callbacks are
   * released at the end (releaseCallback).
   */
  async run(request: ReplicateRequest, sink: ChunkSink, onSettled?: SettledSink): Promise<void> {
    try {
      const store = recordingStore();
      const sim = new Simulation(request.scenario, { seed: request.seed, run: request.run, weeks: request.weeks, settled: store });
      await share(store.made, onSettled);
      let from = 0;
      let last = performance.now();
      // The answer to the chunk sent last: the worker steps on while the main
      // thread takes a chunk, and waits for that answer before sending the next.
      let answer: Promise<void | boolean> | undefined;
      while (sim.week < sim.weeks) {
        sim.step();
        const due = request.chunkWeeks ? sim.week - from >= request.chunkWeeks : performance.now() - last >= FLUSH_MS || sim.week - from >= MAX_CHUNK_WEEKS;
        if (sim.week === sim.weeks || due) {
          if (answer && (await answer) === false) return;
          const chunk = sliceChunk(sim.series, request.run, from, sim.week);
          answer = Promise.resolve(sink(Comlink.transfer(chunk, transferable(chunk))));
          from = sim.week;
          last = performance.now();
        }
      }
      // Resolves once the last chunk is taken.
      await answer;
    } finally {
      releaseCallback(sink);
      releaseCallback(onSettled);
    }
  },

  /**
   * Simulates the burn-in of one replicate, unless this worker already keeps
   * its settled state, and shares the state it made (warm-up: the pool
   * settles the likely next scenario while the page waits). Resolves with
   * whether it simulated anything.
   */
  async settle(request: SettleRequest, onSettled?: SettledSink): Promise<boolean> {
    try {
      if (request.scenario.assumptions.simulation.burnInWeeks <= 0) return false;
      const key = settledKey(withoutMeasures(request.scenario), request.seed, request.run);
      if (key === undefined || settled.has(key)) return false;
      const store = recordingStore();
      new Simulation(request.scenario, { seed: request.seed, run: request.run, weeks: 1, settled: store });
      await share(store.made, onSettled);
      if (store.made) settledAhead++;
      return store.made !== undefined;
    } finally {
      releaseCallback(onSettled);
    }
  },

  /** Keeps a settled state another worker made (see `settle` and `run`), unless one is kept for its key already. */
  adopt(packet: SettledPacket): void {
    if (settled.has(packet.key)) return;
    settled.put(unpackSettled(packet));
    adopted++;
  },

  /**
   * One agent's story (src/sim/story.ts): replays the replicate with a trace,
   * off the page's thread. A request that names no agent resolves with
   * `{ error }`, a plain message, rather than rejecting.
   */
  story(scenario: Scenario, request: StoryRequest): AgentStory | { readonly error: string } {
    try {
      return agentStory(scenario, request);
    } catch (e) {
      if (e instanceof RangeError) return { error: e.message };
      throw e;
    }
  },

  settledStats(): SettledStats {
    return { hits: settled.hits, misses: settled.misses, entries: settled.size, bytes: settled.bytes, adopted, settled: settledAhead };
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

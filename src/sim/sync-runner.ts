import type { Scenario } from '../scenario/schema.ts';
import { Simulation } from './engine.ts';
import type { RunHooks, RunRequest, SimRunner } from './runner.ts';
import { sliceChunk, type RunSeries } from './series.ts';
import { replicateBands } from './stats.ts';

/** Weeks per streamed chunk: a quarter of a year. */
export const CHUNK_WEEKS = 13;

export interface ReplicateOptions {
  readonly seed: number;
  readonly run: number;
  readonly weeks?: number;
  /** Weeks per chunk (default CHUNK_WEEKS). */
  readonly chunkWeeks?: number;
}

/**
 * One replicate, synchronously, a chunk of weeks per iteration: callers
 * stream, report progress and yield between iterations.
 */
export function* replicateChunks(scenario: Scenario, options: ReplicateOptions): Generator<{ sim: Simulation; fromWeek: number; toWeek: number }> {
  const sim = new Simulation(scenario, { seed: options.seed, run: options.run, weeks: options.weeks });
  const size = Math.max(1, Math.floor(options.chunkWeeks ?? CHUNK_WEEKS));
  while (sim.week < sim.weeks) {
    const fromWeek = sim.week;
    const toWeek = Math.min(sim.weeks, fromWeek + size);
    while (sim.week < toWeek) sim.step();
    yield { sim, fromWeek, toWeek };
  }
}

/** The rejection of an aborted run, as RunHooks promises. */
export function abortError(): DOMException {
  return new DOMException('The run was aborted', 'AbortError');
}

/** Lets timers, messages and abort signals through between chunks. */
function yieldToEventLoop(): Promise<void> {
  const g = globalThis as { setImmediate?: (cb: () => void) => unknown };
  return new Promise((resolve) => (g.setImmediate ? g.setImmediate(resolve) : setTimeout(resolve, 0)));
}

/** Rejects requests no runner can honour (a programming error; the CLI checks user input first). */
export function checkRequest(runs: number, weeks: number): void {
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be a positive integer, got ${runs}`);
  if (!Number.isInteger(weeks) || weeks < 1) throw new RangeError(`weeks must be a positive integer, got ${weeks}`);
}

export interface SyncRunnerOptions {
  /** Weeks per chunk (default CHUNK_WEEKS): how often chunks, progress and abort checks happen. */
  readonly chunkWeeks?: number;
}

/**
 * Runs the replicates one after another in this thread (tests, the CLI with
 * one thread). It yields to the event loop between
 * chunks, so an AbortSignal stops it within one chunk of weeks.
 */
export function createSyncRunner(options: SyncRunnerOptions = {}): SimRunner {
  return {
    async run(request: RunRequest, hooks: RunHooks = {}): Promise<RunSeries[]> {
      const { scenario, seed, runs } = request;
      const weeks = request.weeks ?? scenario.weeks;
      checkRequest(runs, weeks);
      const total = runs * weeks;
      const out: RunSeries[] = [];
      let done = 0;
      if (hooks.signal?.aborted) throw abortError();
      for (let run = 0; run < runs; run++) {
        let sim: Simulation | undefined;
        for (const c of replicateChunks(scenario, { seed, run, weeks, chunkWeeks: options.chunkWeeks })) {
          sim = c.sim;
          hooks.onChunk?.(sliceChunk(c.sim.series, run, c.fromWeek, c.toWeek), c.sim.series);
          done += c.toWeek - c.fromWeek;
          hooks.onProgress?.(done, total);
          await yieldToEventLoop();
          if (hooks.signal?.aborted) throw abortError();
        }
        out.push(sim!.series);
      }
      hooks.onBands?.(replicateBands(out.map((s) => s.values), weeks));
      return out;
    },
  };
}

import type { Scenario } from '../scenario/schema.ts';
import type { RunChunk, RunSeries } from './series.ts';
import type { Bands } from './stats.ts';

export type { RunChunk };

/** What to run: a validated scenario, R replicates with seeds derived from `seed`. */
export interface RunRequest {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly runs: number;
  /** Overrides scenario.weeks when given. */
  readonly weeks?: number;
}

/** What a runner may prepare before it is asked (SimRunner.warm): the settled states of these replicates. */
export interface WarmRequest {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly runs: number;
}

export interface RunHooks {
  /**
   * Called as weeks complete; chunks of one run arrive in week order. `series`
   * is the run's series as the runner fills it in place (weeks below
   * chunk.toWeek are final): the object the run resolves with, so a caller
   * can read it while it grows instead of copying the chunk again.
   */
  onChunk?(chunk: RunChunk, series: RunSeries): void;
  /**
   * Asks for the statistics over the replicates (stats.ts replicateBands, every
   * column, with quantiles), called once every replicate is complete and
   * before the run resolves. A pool computes them in a worker, so the main
   * thread only receives what the charts draw.
   */
  onBands?(bands: Bands): void;
  /** Weeks simulated so far over all replicates, and the total. */
  onProgress?(done: number, total: number): void;
  /** Aborting rejects the promise with an AbortError and stops all work. */
  signal?: AbortSignal;
}

/**
 * One runner interface, two implementations (STYLE.md 1): the synchronous
 * runner (sync-runner.ts: tests, the CLI with one thread) and the worker pool
 * (workers/pool.ts: web workers in the app, worker threads in the CLI and the
 * calibration). Results are identical for the same request, whatever the
 * implementation or the number of workers.
 */
export interface SimRunner {
  /** Resolves with every replicate's full series, in run order. */
  run(request: RunRequest, hooks?: RunHooks): Promise<RunSeries[]>;
  /**
   * Gets ready for requests to come: starts its workers, if any, and settles
   * `prime`'s replicates (their burn-in, settled.ts) in the background, after
   * any request's work. Changes no number.
   */
  warm?(prime?: WarmRequest): void | Promise<void>;
  /** Frees workers, if any. */
  dispose?(): void;
}

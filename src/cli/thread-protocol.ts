import type { Scenario } from '../scenario/schema.ts';
import type { RunChunk } from '../sim/runner.ts';
import type { RunSeries } from '../sim/series.ts';

/** Messages between the thread runner and its workers. */

/** One replicate to simulate. */
export interface RunJob {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly run: number;
  readonly weeks: number;
  readonly chunkWeeks: number;
  /** Send chunks as weeks complete (only when the caller listens for them). */
  readonly chunks: boolean;
}

export type FromWorker =
  | { readonly type: 'chunk'; readonly chunk: RunChunk }
  | { readonly type: 'progress'; readonly run: number; readonly weeks: number }
  | { readonly type: 'done'; readonly run: number; readonly series: RunSeries }
  | { readonly type: 'error'; readonly run: number; readonly message: string };

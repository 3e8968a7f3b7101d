import type { ProgressSink } from '../progress.ts';

/** Exit codes, as `npm run sim` (docs/cli.md): 0 done, 1 failed, 2 bad input (nothing run), 130 interrupted. */
export { EXIT } from '../cli.ts';

/** What the experiment command talks to: streams, and hooks for in-process tests. */
export interface ExperimentIO {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: ProgressSink;
  /** Cores to use when --threads is not given. */
  readonly cores?: number;
  /** Aborting it acts as Ctrl-C (tests; main.ts relies on SIGINT). */
  readonly signal?: AbortSignal;
  /** Called after each point's record is written (tests count what ran). */
  readonly onPointDone?: (index: number) => void;
  /** Clock of the progress line. */
  readonly now?: () => number;
}

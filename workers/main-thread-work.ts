/**
 * What the main thread does per streamed chunk, counted rather than timed, so
 * the browser test (tests/e2e/longtask.e2e.ts) asserts counts that hold on a
 * loaded machine; the timings are a benchmark (`npm run bench:longtask`).
 */
export interface MainThreadWork {
  /** Requests (a scenario's replicates) handed to a worker pool. */
  batches: number;
  /** Chunks that reached this thread from a worker. */
  chunks: number;
  /** Chunks written into a series on this thread (series.ts writeChunk). */
  chunkWrites: number;
  /** Replicate statistics (quantiles) computed on this thread, per chart line with data. */
  bandLines: number;
  /** Running means computed on this thread, per chart line, while replicates stream in. */
  meanLines: number;
  /** Sources built for the charts (snapshots of a run's results). */
  sources: number;
  /** Replicate statistics of whole batches received from a worker. */
  workerBands: number;
}

export const mainThreadWork: MainThreadWork = { batches: 0, chunks: 0, chunkWrites: 0, bandLines: 0, meanLines: 0, sources: 0, workerBands: 0 };

// Read by the browser test through the page.
if (typeof window !== 'undefined') (window as unknown as { __mainThreadWork: MainThreadWork }).__mainThreadWork = mainThreadWork;

import { Worker } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { SimRunner } from '../src/sim/runner.ts';
import { CHUNK_WEEKS, createSyncRunner } from '../src/sim/sync-runner.ts';
import { createPool, type PoolWorker } from './pool.ts';

const ENTRY = new URL('./node-entry.mjs', import.meta.url);

export interface NodeWorkerOptions {
  /** The module whose `api` export the thread exposes (default workers/sim-api.ts). */
  readonly api?: URL;
  /** Passed on to that module as worker_threads' workerData (beside `api`). */
  readonly data?: Readonly<Record<string, unknown>>;
}

/**
 * A worker thread serving a comlink API, shaped for the pool. It starts idle,
 * and idle it does not keep the process alive.
 */
export function nodeWorker(options: NodeWorkerOptions = {}): PoolWorker & { readonly thread: Worker } {
  const thread = new Worker(ENTRY, { workerData: { ...options.data, api: options.api?.href } });
  thread.unref();
  return {
    thread,
    endpoint: nodeEndpoint(thread),
    onFault(callback) {
      thread.on('error', (e) => callback(e.message));
      thread.on('messageerror', () => callback('a message from the worker could not be read'));
      thread.on('exit', (code) => callback(`the worker exited with code ${code}`));
    },
    terminate: () => void thread.terminate(),
    keepAlive: (busy) => (busy ? thread.ref() : thread.unref()),
  };
}

/**
 * The SimRunner of the command line and the calibration: the pool over
 * `threads` worker threads, started on first use and reused by later requests
 * (a sweep). `threads: 1` runs in this thread, with no worker at all. The
 * output is identical whatever the number of threads.
 */
export function createThreadRunner(threads: number, options: { readonly shareSettled?: boolean } = {}): SimRunner & { dispose(): void } {
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be a positive integer, got ${threads}`);
  // Chunks of a fixed size: progress and output do not depend on the clock.
  if (threads === 1) return { ...createSyncRunner({ chunkWeeks: CHUNK_WEEKS }), dispose() {} };
  return createPool({ maxWorkers: threads, createWorker: () => nodeWorker(), chunkWeeks: CHUNK_WEEKS, shareSettled: options.shareSettled });
}

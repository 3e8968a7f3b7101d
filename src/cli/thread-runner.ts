import { Worker } from 'node:worker_threads';
import type { RunHooks, RunRequest, SimRunner } from '../sim/runner.ts';
import type { RunSeries } from '../sim/series.ts';
import { abortError, CHUNK_WEEKS, checkRequest, createSyncRunner } from '../sim/sync-runner.ts';
import type { FromWorker, RunJob } from './thread-protocol.ts';

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);

export interface ThreadRunnerOptions {
  /** Weeks per chunk and progress message (default CHUNK_WEEKS). */
  readonly chunkWeeks?: number;
}

/**
 * Spreads replicates over Node worker threads. Each idle thread takes the next
 * replicate; results are put back in run order, and every replicate's random
 * key comes from (seed, run) alone, so the output is identical whatever the
 * number of threads. Workers are started on first use and kept for later
 * requests (a sweep reuses them); idle workers do not keep the process alive.
 * `threads: 1` runs in this thread, with no worker at all.
 */
export function createThreadRunner(threads: number, options: ThreadRunnerOptions = {}): SimRunner & { dispose(): void } {
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be a positive integer, got ${threads}`);
  const chunkWeeks = options.chunkWeeks ?? CHUNK_WEEKS;
  if (threads === 1) {
    const sync = createSyncRunner({ chunkWeeks });
    return { run: (request, hooks) => sync.run(request, hooks), dispose() {} };
  }

  let pool: Worker[] = [];
  let queue: Promise<unknown> = Promise.resolve();

  const spawn = () => {
    const w = new Worker(ENTRY);
    // A worker that dies while idle just leaves the pool; a running request reports it.
    w.on('error', () => {});
    w.on('exit', () => {
      pool = pool.filter((p) => p !== w);
    });
    w.unref();
    return w;
  };

  const stopAll = () => {
    for (const w of pool) void w.terminate();
    pool = [];
  };

  function runNow(request: RunRequest, hooks: RunHooks): Promise<RunSeries[]> {
    const { scenario, seed, runs } = request;
    const weeks = request.weeks ?? scenario.weeks;
    checkRequest(runs, weeks);
    if (hooks.signal?.aborted) return Promise.reject(abortError());
    while (pool.length < Math.min(threads, runs)) pool.push(spawn());
    const workers = pool.slice(0, Math.min(threads, runs));

    return new Promise<RunSeries[]>((resolve, reject) => {
      const results: RunSeries[] = new Array(runs);
      const total = runs * weeks;
      let next = 0;
      let finished = 0;
      let done = 0;
      let settled = false;
      const cleanups: (() => void)[] = [];

      const settle = (error?: unknown) => {
        if (settled) return;
        settled = true;
        for (const c of cleanups) c();
        if (error === undefined) {
          for (const w of workers) w.unref();
          resolve(results);
        } else {
          stopAll();
          reject(error);
        }
      };

      const dispatch = (w: Worker) => {
        if (next >= runs) return;
        const job: RunJob = { scenario, seed, run: next++, weeks, chunkWeeks, chunks: hooks.onChunk !== undefined };
        w.postMessage(job);
      };

      const onAbort = () => settle(abortError());
      hooks.signal?.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => hooks.signal?.removeEventListener('abort', onAbort));

      for (const w of workers) {
        const onMessage = (m: FromWorker) => {
          if (settled) return;
          switch (m.type) {
            case 'chunk':
              hooks.onChunk?.(m.chunk);
              break;
            case 'progress':
              done += m.weeks;
              hooks.onProgress?.(done, total);
              break;
            case 'done':
              results[m.run] = m.series;
              if (++finished === runs) settle();
              else dispatch(w);
              break;
            case 'error':
              settle(new Error(`replicate ${m.run} failed: ${m.message}`));
              break;
          }
        };
        const onError = (e: Error) => settle(new Error(`a simulation thread failed: ${e.message}`));
        const onExit = (code: number) => settle(new Error(`a simulation thread stopped unexpectedly (exit code ${code})`));
        w.on('message', onMessage);
        w.on('error', onError);
        w.on('exit', onExit);
        w.ref();
        cleanups.push(() => {
          w.off('message', onMessage);
          w.off('error', onError);
          w.off('exit', onExit);
        });
        dispatch(w);
      }
    });
  }

  return {
    run(request, hooks = {}) {
      // One request at a time: a second caller waits for the pool.
      const result = queue.then(() => runNow(request, hooks));
      queue = result.catch(() => undefined);
      return result;
    },
    dispose() {
      stopAll();
    },
  };
}

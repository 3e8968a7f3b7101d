import * as Comlink from 'comlink';
import { SERIES_SHAPE } from '../src/sim/engine.ts';
import type { RunHooks, RunRequest, SimRunner } from '../src/sim/runner.ts';
import { allocateSeries, writeChunk, type RunSeries } from '../src/sim/series.ts';
import type { Bands } from '../src/sim/stats.ts';
import { abortError, checkRequest } from '../src/sim/sync-runner.ts';
import { mainThreadWork } from './main-thread-work.ts';
import type { ChunkSink, ReplicateRequest, SimWorkerApi } from './sim-api.ts';

/**
 * The one SimRunner over workers (STYLE.md 1), for the app (web workers,
 * ./browser-worker.ts) and the CLI, calibration and tests (worker threads,
 * ./node-worker.ts). Each worker runs whole replicates of workers/sim-api.ts;
 * chunks stream back as transferred buffers and are written once into their
 * run's series, which the caller reads as it grows (RunHooks.onChunk). Results
 * come out in run order and identical to the synchronous runner, whatever the
 * number of workers. The replicate statistics a caller asks for
 * (RunHooks.onBands) are computed in a worker too.
 */

/** A worker as the pool sees it: a module Worker in the browser, a worker thread in Node. */
export interface PoolWorker {
  readonly endpoint: Comlink.Endpoint;
  /** Registers the callback for a fault: an uncaught error, an unreadable message, or the worker exiting. */
  onFault(callback: (message: string) => void): void;
  terminate(): void;
  /** Node: a busy worker keeps the process alive, an idle one does not. */
  keepAlive?(busy: boolean): void;
}

export interface PoolOptions {
  /** Upper bound on workers, started as work arrives and kept for later requests. */
  readonly maxWorkers: number;
  readonly createWorker: () => PoolWorker;
  /** Weeks per chunk; default: as the worker's clock says (sim-api.ts). */
  readonly chunkWeeks?: number;
}

/** The message of a run that failed because a worker did. */
export class WorkerFault extends Error {
  override readonly name = 'WorkerFault';
}

/** One replicate, or the statistics of a finished batch, waiting for or running on a worker. */
type Job = { readonly batch: Batch; readonly run: number } | { readonly batch: Batch; readonly run: 'bands' };

/** The state of one `run()` call. */
interface Batch {
  readonly request: RunRequest;
  readonly weeks: number;
  readonly hooks: RunHooks;
  readonly results: (RunSeries | undefined)[];
  readonly received: number[];
  remaining: number;
  done: number;
  settled: boolean;
  resolve(series: RunSeries[]): void;
  reject(error: unknown): void;
}

interface Slot {
  readonly worker: PoolWorker;
  readonly api: Comlink.Remote<SimWorkerApi>;
  job: Job | undefined;
}

export function createPool(options: PoolOptions): SimRunner & { dispose(): void } {
  if (!Number.isInteger(options.maxWorkers) || options.maxWorkers < 1) {
    throw new RangeError(`maxWorkers must be a positive integer, got ${options.maxWorkers}`);
  }
  const slots: Slot[] = [];
  const queue: Job[] = [];

  function spawn(): Slot {
    const worker = options.createWorker();
    const slot: Slot = { worker, api: Comlink.wrap<SimWorkerApi>(worker.endpoint), job: undefined };
    worker.onFault((message) => {
      const job = slot.job;
      retire(slot);
      if (job) fail(job.batch, new WorkerFault(`The simulation worker stopped unexpectedly (${message})`));
    });
    slots.push(slot);
    return slot;
  }

  function assign(slot: Slot, job: Job | undefined): void {
    slot.job = job;
    slot.worker.keepAlive?.(job !== undefined);
  }

  /** Terminates a worker; a fresh one takes its place when work arrives. */
  function retire(slot: Slot): void {
    const i = slots.indexOf(slot);
    if (i < 0) return;
    slots.splice(i, 1);
    assign(slot, undefined);
    slot.api[Comlink.releaseProxy]();
    slot.worker.terminate();
  }

  /** Ends a batch with an error: drops its queued jobs and stops the workers busy with it at once. */
  function fail(batch: Batch, error: unknown): void {
    if (batch.settled) return;
    batch.settled = true;
    for (let i = queue.length - 1; i >= 0; i--) if (queue[i].batch === batch) queue.splice(i, 1);
    for (const slot of [...slots]) if (slot.job?.batch === batch) retire(slot);
    batch.reject(error);
    pump();
  }

  function succeed(batch: Batch): void {
    if (batch.settled) return;
    batch.settled = true;
    batch.resolve(batch.results as RunSeries[]);
  }

  function pump(): void {
    while (queue.length > 0) {
      const slot = slots.find((s) => !s.job) ?? (slots.length < options.maxWorkers ? spawn() : undefined);
      if (!slot) return;
      const job = nextJob(slots.indexOf(slot));
      assign(slot, job);
      if (job.run === 'bands') summarise(slot, job);
      else execute(slot, job, job.run);
    }
  }

  /**
   * The next job of the first waiting batch for the worker at `index`: its
   * own share of the runs (run mod workers) first, so that a rerun meets the
   * settled states the worker kept from the same runs (sim-api.ts); another
   * run when none of its share waits, so no worker idles.
   */
  function nextJob(index: number): Job {
    const batch = queue[0].batch;
    const own = queue.findIndex((j) => j.batch === batch && (j.run === 'bands' || j.run % options.maxWorkers === index));
    return queue.splice(Math.max(0, own), 1)[0];
  }

  /** The job ended well: the worker is free for the next. */
  function release(slot: Slot): void {
    assign(slot, undefined);
    pump();
  }

  /** The job's promise rejected: the worker may be broken, so it goes. */
  const failed = (slot: Slot, job: Job) => (error: unknown) => {
    if (slot.job !== job) return;
    retire(slot);
    const message = error instanceof Error ? error.message : String(error);
    fail(job.batch, new WorkerFault(`The simulation failed in its worker: ${message}`));
  };

  function execute(slot: Slot, job: Job, run: number): void {
    const { batch } = job;
    const request: ReplicateRequest = { scenario: batch.request.scenario, seed: batch.request.seed, run, weeks: batch.weeks, chunkWeeks: options.chunkWeeks };
    const sink: ChunkSink = (chunk) => {
      if (batch.settled || slot.job !== job) return;
      mainThreadWork.chunks++;
      const series = (batch.results[run] ??= allocateSeries(batch.weeks, SERIES_SHAPE));
      writeChunk(series, chunk);
      mainThreadWork.chunkWrites++;
      batch.received[run] += chunk.toWeek - chunk.fromWeek;
      batch.done += chunk.toWeek - chunk.fromWeek;
      batch.hooks.onChunk?.(chunk, series);
      batch.hooks.onProgress?.(batch.done, batch.request.runs * batch.weeks);
    };
    slot.api.run(request, Comlink.proxy(sink)).then(() => {
      if (slot.job !== job) return;
      if (batch.received[run] !== batch.weeks) {
        assign(slot, undefined);
        fail(batch, new WorkerFault(`The simulation worker returned ${batch.received[run]} of ${batch.weeks} weeks of run ${run + 1}.`));
        return;
      }
      if (--batch.remaining === 0) {
        // The statistics go first: the caller is waiting for them alone.
        if (batch.hooks.onBands) queue.unshift({ batch, run: 'bands' });
        else succeed(batch);
      }
      release(slot);
    }, failed(slot, job));
  }

  function summarise(slot: Slot, job: Job): void {
    const { batch } = job;
    // Copies, transferred: the caller keeps reading its replicates meanwhile.
    const values = (batch.results as RunSeries[]).map((s) => s.values.slice());
    slot.api.summarise(Comlink.transfer(values, values.map((v) => v.buffer)), batch.weeks).then((bands: Bands) => {
      if (slot.job !== job) return;
      mainThreadWork.workerBands++;
      batch.hooks.onBands?.(bands);
      succeed(batch);
      release(slot);
    }, failed(slot, job));
  }

  return {
    run(request: RunRequest, hooks: RunHooks = {}): Promise<RunSeries[]> {
      const weeks = request.weeks ?? request.scenario.weeks;
      try {
        checkRequest(request.runs, weeks);
      } catch (error) {
        return Promise.reject(error);
      }
      if (hooks.signal?.aborted) return Promise.reject(abortError());
      return new Promise<RunSeries[]>((resolve, reject) => {
        const batch: Batch = {
          request,
          weeks,
          hooks,
          results: new Array(request.runs).fill(undefined),
          received: new Array(request.runs).fill(0),
          remaining: request.runs,
          done: 0,
          settled: false,
          resolve,
          reject,
        };
        const onAbort = () => fail(batch, abortError());
        hooks.signal?.addEventListener('abort', onAbort, { once: true });
        const cleanUp = () => hooks.signal?.removeEventListener('abort', onAbort);
        batch.resolve = (series) => {
          cleanUp();
          resolve(series);
        };
        batch.reject = (error) => {
          cleanUp();
          reject(error);
        };
        mainThreadWork.batches++;
        for (let run = 0; run < request.runs; run++) queue.push({ batch, run });
        pump();
      });
    },
    dispose() {
      for (const slot of [...slots]) {
        const job = slot.job;
        retire(slot);
        if (job) fail(job.batch, abortError());
      }
      for (const job of queue.splice(0)) fail(job.batch, abortError());
    },
  };
}

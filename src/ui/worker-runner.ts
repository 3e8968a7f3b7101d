import * as Comlink from 'comlink';
import type { RunChunk, RunHooks, RunRequest, SimRunner } from '../sim/runner.ts';
import type { RunSeries } from '../sim/series.ts';
import { abortError, checkRequest } from '../sim/sync-runner.ts';
import type { ChunkSink, ReplicateRequest, SimWorkerApi } from '../../workers/sim-api.ts';

/**
 * The app's SimRunner: replicates spread over a small pool of web workers
 * (STYLE.md 1). Each worker runs whole replicates; chunks stream back as
 * transferred buffers and are copied into per-run series, so results come out
 * in run order and identical to the synchronous runner, whatever the number
 * of workers.
 */

/** A worker as the pool sees it; the browser default wraps a module Worker, tests wrap worker_threads. */
export interface PoolWorker {
  readonly endpoint: Comlink.Endpoint;
  /** Registers the callback for a fault: an uncaught error, an unreadable message, or the worker exiting. */
  onFault(callback: (message: string) => void): void;
  terminate(): void;
}

export interface WorkerRunnerOptions {
  /** Upper bound on workers (default: one per core, at most 4). */
  readonly maxWorkers?: number;
  /** Creates a worker (default: the bundled workers/sim.worker.ts). */
  readonly createWorker?: () => PoolWorker;
}

/** The message of a run that failed because a worker did. */
export class WorkerFault extends Error {
  override readonly name = 'WorkerFault';
}

const MAX_POOL = 4;

function browserWorker(): PoolWorker {
  const worker = new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
  return {
    endpoint: worker,
    onFault(callback) {
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        callback(e.message || 'the worker script failed to load or threw an uncaught error');
      });
      worker.addEventListener('messageerror', () => callback('a message from the worker could not be read'));
    },
    terminate: () => worker.terminate(),
  };
}

function defaultPoolSize(): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
  return Math.min(cores, MAX_POOL);
}

/** One replicate waiting for, or running on, a worker. */
interface Job {
  readonly batch: Batch;
  readonly run: number;
}

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

/** Copies a chunk into its run's series, allocating the series from the first chunk's widths. */
function store(batch: Batch, chunk: RunChunk): void {
  const span = chunk.toWeek - chunk.fromWeek;
  let series = batch.results[chunk.run];
  if (!series) {
    const grow = (arrays: Record<string, Float64Array>) =>
      Object.fromEntries(Object.entries(arrays).map(([t, a]) => [t, new Float64Array((a.length / span) * batch.weeks)]));
    series = {
      weeks: batch.weeks,
      values: new Float64Array((chunk.values.length / span) * batch.weeks),
      states: grow(chunk.states) as RunSeries['states'],
      transitions: grow(chunk.transitions) as RunSeries['transitions'],
    };
    batch.results[chunk.run] = series;
  }
  const put = (into: Float64Array, from: Float64Array) => into.set(from, (from.length / span) * chunk.fromWeek);
  put(series.values, chunk.values);
  for (const t of Object.keys(chunk.states) as (keyof RunChunk['states'])[]) {
    put(series.states[t], chunk.states[t]);
    put(series.transitions[t], chunk.transitions[t]);
  }
}

export function createWorkerRunner(options: WorkerRunnerOptions = {}): SimRunner {
  const size = Math.max(1, Math.floor(options.maxWorkers ?? defaultPoolSize()));
  const create = options.createWorker ?? browserWorker;
  const slots: Slot[] = [];
  const queue: Job[] = [];

  function spawn(): Slot {
    const worker = create();
    const slot: Slot = { worker, api: Comlink.wrap<SimWorkerApi>(worker.endpoint), job: undefined };
    worker.onFault((message) => {
      const job = slot.job;
      retire(slot);
      if (job) fail(job.batch, new WorkerFault(`The simulation worker stopped unexpectedly (${message})`));
    });
    slots.push(slot);
    return slot;
  }

  /** Terminates a worker; a fresh one takes its place when work arrives. */
  function retire(slot: Slot): void {
    const i = slots.indexOf(slot);
    if (i < 0) return;
    slots.splice(i, 1);
    slot.job = undefined;
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

  function pump(): void {
    while (queue.length > 0) {
      const slot = slots.find((s) => !s.job) ?? (slots.length < size ? spawn() : undefined);
      if (!slot) return;
      execute(slot, queue.shift()!);
    }
  }

  function execute(slot: Slot, job: Job): void {
    slot.job = job;
    const { batch, run } = job;
    const request: ReplicateRequest = { scenario: batch.request.scenario, seed: batch.request.seed, run, weeks: batch.weeks };
    const sink: ChunkSink = (chunk) => {
      if (batch.settled || slot.job !== job) return;
      store(batch, chunk);
      batch.received[run] += chunk.toWeek - chunk.fromWeek;
      batch.done += chunk.toWeek - chunk.fromWeek;
      batch.hooks.onChunk?.(chunk);
      batch.hooks.onProgress?.(batch.done, batch.request.runs * batch.weeks);
    };
    slot.api.run(request, Comlink.proxy(sink)).then(
      () => {
        if (slot.job !== job) return;
        slot.job = undefined;
        if (batch.received[run] !== batch.weeks) {
          fail(batch, new WorkerFault(`The simulation worker returned ${batch.received[run]} of ${batch.weeks} weeks of run ${run + 1}.`));
          return;
        }
        if (--batch.remaining === 0 && !batch.settled) {
          batch.settled = true;
          batch.resolve(batch.results as RunSeries[]);
        }
        pump();
      },
      (error: unknown) => {
        if (slot.job !== job) return;
        retire(slot);
        const message = error instanceof Error ? error.message : String(error);
        fail(batch, new WorkerFault(`The simulation failed in its worker: ${message}`));
      },
    );
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

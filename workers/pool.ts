import * as Comlink from 'comlink';
import { SERIES_SHAPE } from '../src/sim/engine.ts';
import type { RunHooks, RunRequest, SimRunner, WarmRequest } from '../src/sim/runner.ts';
import { allocateSeries, writeChunk, type RunSeries } from '../src/sim/series.ts';
import type { SettledPacket } from '../src/sim/settled.ts';
import type { Bands } from '../src/sim/stats.ts';
import { abortError, checkRequest } from '../src/sim/sync-runner.ts';
import { mainThreadWork } from './main-thread-work.ts';
import type { ChunkSink, ReplicateRequest, SettledSink, SimWorkerApi } from './sim-api.ts';

/**
 * The one SimRunner over workers (STYLE.md 1), for the app (web workers,
 * ./browser-worker.ts) and the CLI, calibration and tests (worker threads,
 * ./node-worker.ts). Each worker runs whole replicates of workers/sim-api.ts,
 * lowest run first, on whichever worker is free; chunks stream back as
 * transferred buffers and are written once into their run's series, which
 * the caller reads as it grows (RunHooks.onChunk). Results come out in run
 * order and identical to the synchronous runner, whatever the number of
 * workers. The replicate statistics a caller asks for (RunHooks.onBands) are
 * computed in a worker too.
 *
 * Settled states (src/sim/settled.ts): the state a worker makes by simulating
 * a burn-in is handed at once to every other worker, and kept here for the
 * workers started later, so a lever change starts every replicate from its
 * settled state whichever worker runs it. `warm` starts the workers before
 * the first request and settles a scenario's replicates ahead of time.
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
  /** Upper bound on workers, started as work arrives (or by `warm`) and kept for later requests. */
  readonly maxWorkers: number;
  readonly createWorker: () => PoolWorker;
  /** Weeks per chunk; default: as the worker's clock says (sim-api.ts). */
  readonly chunkWeeks?: number;
  /**
   * Whether a settled state one worker makes is copied to the others (default
   * true). Off where no two requests share one (an experiment whose every
   * point has its own assumptions): the copies would cost and never serve.
   */
  readonly shareSettled?: boolean;
  /** Settled states kept on this thread for workers started later: at most this many (default 16)... */
  readonly keptStates?: number;
  /** ...and this many bytes (default 64 MiB). */
  readonly keptBytes?: number;
}

/** The message of a run that failed because a worker did. */
export class WorkerFault extends Error {
  override readonly name = 'WorkerFault';
}

/**
 * One replicate, the statistics of a finished batch, or (warm-up, after any
 * batch's work) the burn-in of one replicate, waiting for or running on a worker.
 */
type Job =
  | { readonly kind: 'run'; readonly batch: Batch; readonly run: number }
  | { readonly kind: 'bands'; readonly batch: Batch }
  | { readonly kind: 'settle'; readonly request: WarmRequest; readonly run: number; readonly done: () => void };

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
  /** The job it is busy with. */
  job: Job | undefined;
  /** Its job's batch ended while it ran: the next chunk tells the worker to stop, and the slot is free once it has. */
  draining: boolean;
}

/** What the pool asked of its workers (for tests and benchmarks): which runs each worker was given, and the states passed around. */
export interface PoolStats {
  /** Per worker started, in the order started: the runs (of every batch) it was given, in order. */
  readonly runsByWorker: readonly (readonly number[])[];
  /** Every job handed to a worker, in order: `run N`, `bands` or `settle N`. */
  readonly jobs: readonly string[];
  /** Burn-ins handed to a worker ahead of time (`warm`). */
  readonly settleJobs: number;
  /** Settled states received from a worker, and copies of them sent to other workers. */
  readonly statesReceived: number;
  readonly statesSent: number;
  /** Workers started, and terminated (a fault, an abort before a replicate's first chunk, dispose). */
  readonly started: number;
  readonly terminated: number;
}

export type Pool = SimRunner & {
  /**
   * Starts every worker now, and settles `prime`'s replicates in the
   * background when given, after any request's work. Resolves when those are
   * settled, dropped (dispose) or failed (never rejects).
   */
  warm(prime?: WarmRequest): Promise<void>;
  stats(): PoolStats;
  dispose(): void;
};

export function createPool(options: PoolOptions): Pool {
  if (!Number.isInteger(options.maxWorkers) || options.maxWorkers < 1) {
    throw new RangeError(`maxWorkers must be a positive integer, got ${options.maxWorkers}`);
  }
  const keptStates = options.keptStates ?? 16;
  const sharing = options.shareSettled ?? true;
  const keptBytes = options.keptBytes ?? 64 * 1024 ** 2;
  const slots: Slot[] = [];
  const queue: Job[] = [];
  /** The most recent settled states, by key, least recently received first. */
  const kept = new Map<string, SettledPacket>();
  const runsByWorker: number[][] = [];
  const jobLog: string[] = [];
  const slotIndex = new Map<Slot, number>();
  const counts = { settleJobs: 0, statesReceived: 0, statesSent: 0, started: 0, terminated: 0 };

  function spawn(): Slot {
    const worker = options.createWorker();
    const slot: Slot = { worker, api: Comlink.wrap<SimWorkerApi>(worker.endpoint), job: undefined, draining: false };
    worker.onFault((message) => {
      const job = slot.job;
      retire(slot);
      if (job?.kind === 'settle') job.done();
      else if (job) fail(job.batch, new WorkerFault(`The simulation worker stopped unexpectedly (${message})`));
      pump();
    });
    slots.push(slot);
    slotIndex.set(slot, runsByWorker.length);
    runsByWorker.push([]);
    counts.started++;
    // A new worker starts with the states the others made (it handles them before any job).
    for (const packet of kept.values()) send(slot, packet);
    return slot;
  }

  function assign(slot: Slot, job: Job | undefined): void {
    slot.job = job;
    slot.draining = false;
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
    counts.terminated++;
  }

  function send(slot: Slot, packet: SettledPacket): void {
    counts.statesSent++;
    // A structured clone: this thread keeps its copy for workers started later.
    slot.api.adopt(packet).catch(() => {});
  }

  /** A state a worker made: kept here, and copied to every other worker. */
  const shareFrom =
    (from: Slot): SettledSink =>
    (packet) => {
      counts.statesReceived++;
      kept.delete(packet.key);
      kept.set(packet.key, packet);
      let bytes = 0;
      for (const p of kept.values()) bytes += p.bytes;
      for (const [key, p] of kept) {
        if (kept.size <= keptStates && bytes <= keptBytes) break;
        kept.delete(key);
        bytes -= p.bytes;
      }
      for (const slot of slots) if (slot !== from) send(slot, packet);
    };

  /**
   * Ends a batch with an error: drops its queued jobs. Its busy workers that
   * have streamed a chunk stop at their next one and stay, with the states
   * they keep, and so does one computing its statistics (their end is
   * near); those still setting up a replicate (a burn-in may take seconds)
   * are terminated at once.
   */
  function fail(batch: Batch, error: unknown): void {
    if (batch.settled) return;
    batch.settled = true;
    for (let i = queue.length - 1; i >= 0; i--) {
      const job = queue[i];
      if (job.kind !== 'settle' && job.batch === batch) queue.splice(i, 1);
    }
    for (const slot of [...slots]) {
      const job = slot.job;
      if (!job || job.kind === 'settle' || job.batch !== batch) continue;
      if (job.kind === 'bands' || batch.received[job.run] > 0) slot.draining = true;
      else retire(slot);
    }
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
      const job = nextJob();
      assign(slot, job);
      jobLog.push(job.kind === 'bands' ? 'bands' : `${job.kind} ${job.run}`);
      if (job.kind === 'bands') summarise(slot, job);
      else if (job.kind === 'run') execute(slot, job);
      else settle(slot, job);
    }
  }

  /** A batch's work first, in the order queued (the statistics a batch waits for alone go to the front), then the warm-up. */
  function nextJob(): Job {
    const i = queue.findIndex((j) => j.kind !== 'settle');
    return queue.splice(Math.max(0, i), 1)[0];
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
    if (job.kind !== 'settle') {
      const message = error instanceof Error ? error.message : String(error);
      fail(job.batch, new WorkerFault(`The simulation failed in its worker: ${message}`));
    }
    pump();
  };

  function execute(slot: Slot, job: Job & { kind: 'run' }): void {
    const { batch, run } = job;
    runsByWorker[slotIndex.get(slot)!].push(run);
    const request: ReplicateRequest = { scenario: batch.request.scenario, seed: batch.request.seed, run, weeks: batch.weeks, chunkWeeks: options.chunkWeeks };
    const sink: ChunkSink = (chunk) => {
      // false: the batch ended; the worker stops stepping.
      if (batch.settled || slot.job !== job) return false;
      mainThreadWork.chunks++;
      const series = (batch.results[run] ??= allocateSeries(batch.weeks, SERIES_SHAPE));
      writeChunk(series, chunk);
      mainThreadWork.chunkWrites++;
      batch.received[run] += chunk.toWeek - chunk.fromWeek;
      batch.done += chunk.toWeek - chunk.fromWeek;
      batch.hooks.onChunk?.(chunk, series);
      batch.hooks.onProgress?.(batch.done, batch.request.runs * batch.weeks);
      return true;
    };
    slot.api.run(request, Comlink.proxy(sink), sharing ? Comlink.proxy(shareFrom(slot)) : undefined).then(() => {
      if (slot.job !== job) return;
      if (slot.draining || batch.settled) {
        release(slot);
        return;
      }
      if (batch.received[run] !== batch.weeks) {
        assign(slot, undefined);
        fail(batch, new WorkerFault(`The simulation worker returned ${batch.received[run]} of ${batch.weeks} weeks of run ${run + 1}.`));
        return;
      }
      if (--batch.remaining === 0) {
        // The statistics go first: the caller is waiting for them alone.
        if (batch.hooks.onBands) queue.unshift({ kind: 'bands', batch });
        else succeed(batch);
      }
      release(slot);
    }, failed(slot, job));
  }

  function summarise(slot: Slot, job: Job & { kind: 'bands' }): void {
    const { batch } = job;
    // Copies, transferred: the caller keeps reading its replicates meanwhile.
    const values = (batch.results as RunSeries[]).map((s) => s.values.slice());
    slot.api.summarise(Comlink.transfer(values, values.map((v) => v.buffer)), batch.weeks).then((bands: Bands) => {
      if (slot.job !== job) return;
      if (!batch.settled) {
        mainThreadWork.workerBands++;
        batch.hooks.onBands?.(bands);
        succeed(batch);
      }
      release(slot);
    }, failed(slot, job));
  }

  function settle(slot: Slot, job: Job & { kind: 'settle' }): void {
    counts.settleJobs++;
    const { scenario, seed } = job.request;
    slot.api.settle({ scenario, seed, run: job.run }, Comlink.proxy(shareFrom(slot))).then(
      () => {
        job.done();
        if (slot.job === job) release(slot);
      },
      (error: unknown) => {
        job.done();
        failed(slot, job)(error);
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
        mainThreadWork.batches++;
        for (let run = 0; run < request.runs; run++) queue.push({ kind: 'run', batch, run });
        pump();
      });
    },
    warm(prime?: WarmRequest): Promise<void> {
      while (slots.length < options.maxWorkers) spawn();
      const settled: Promise<void>[] = [];
      if (prime && Number.isInteger(prime.runs) && prime.runs > 0) {
        for (let run = 0; run < prime.runs; run++) settled.push(new Promise((done) => queue.push({ kind: 'settle', request: prime, run, done })));
      }
      pump();
      return Promise.all(settled).then(() => {});
    },
    stats(): PoolStats {
      return { runsByWorker: runsByWorker.map((r) => [...r]), jobs: [...jobLog], ...counts };
    },
    dispose() {
      for (const slot of [...slots]) {
        const job = slot.job;
        retire(slot);
        if (job?.kind === 'settle') job.done();
        else if (job) fail(job.batch, abortError());
      }
      for (const job of queue.splice(0)) {
        if (job.kind === 'settle') job.done();
        else fail(job.batch, abortError());
      }
      kept.clear();
    },
  };
}

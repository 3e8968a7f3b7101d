import { ENGINE_VERSION, SERIES_SHAPE } from '../../sim/engine.ts';
import { summarise, summaryOf } from '../../sim/stats.ts';
import { toCSV, toOutputDocument } from '../../sim/output.ts';
import type { SimRunner } from '../../sim/runner.ts';
import { ROW, type RunSeries } from '../../sim/series.ts';
import { scenarioHash } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { allOrFirstFailure } from './failure.ts';
import { runKey } from './run-key.ts';
import { applyChunk, completeBands, completeRun, createProgressive, shownOf, sourceOf, type MetricSource, type Progressive } from './source.ts';

/**
 * Running scenarios on the SimRunner: starting and cancelling a run and its
 * baseline, their progress, and their results as they stream in. Results live
 * in `$state.raw` and are replaced whole.
 */

/** Least time between two published snapshots of a streaming run, in ms. */
export const PUBLISH_MS = 250;

/** One simulated scenario: its replicates (possibly still streaming) and how to read them. */
export interface RunState {
  readonly key: string;
  readonly scenario: Scenario;
  readonly runs: number;
  readonly progressive: Progressive;
  readonly source: MetricSource;
  readonly done: boolean;
  readonly error: string | null;
}

export type Status = 'idle' | 'running' | 'done' | 'stopped' | 'failed';

/** How a run ended; `cancelled`: Stop or a newer run ended it, and already set the state. */
export type RunOutcome = { readonly kind: 'done' | 'stopped' | 'cancelled' } | { readonly kind: 'failed'; readonly reason: unknown };

export interface SimulationEnv {
  readonly createRunner: () => SimRunner;
  readonly now: () => number;
  /** Schedules an animation frame; absent means no animation (tests). */
  readonly frame?: (cb: (t: number) => void) => number;
  /**
   * Schedules the publication of a streamed snapshot (default: `frame`). The
   * app gives it a frame of its own, apart from the chart redraws it causes
   * (issue 3: no main-thread task over 50 ms).
   */
  readonly publishFrame?: (cb: () => void) => void;
}

export interface StartHooks {
  /** Called once the new run is set up, before any work starts. */
  readonly started: () => void;
  /** Called with every published snapshot of the current run. */
  readonly published: (s: RunState) => void;
}

export class Simulation {
  readonly #env: SimulationEnv;
  #runner: SimRunner | null = null;
  #abort: AbortController | null = null;
  #pendingFlush = new Set<() => void>();
  #flushTimer: ReturnType<typeof setTimeout> | 0 | null = null;
  #lastFlush = -Infinity;

  current = $state.raw<RunState | null>(null);
  baseline = $state.raw<RunState | null>(null);
  status = $state<Status>('idle');
  /** Weeks simulated so far / total, over the run and its baseline. */
  progress = $state.raw<{ done: number; total: number }>({ done: 0, total: 0 });

  constructor(env: SimulationEnv) {
    this.#env = env;
  }

  get runner(): SimRunner {
    this.#runner ??= this.#env.createRunner();
    return this.#runner;
  }

  /** The current results are for `key` and complete. */
  finished(key: string): boolean {
    return this.current?.key === key && this.current.done && !this.current.error;
  }

  /**
   * Computes `scenario` and its baseline (reused when already computed with
   * the same runs), cancelling any run in progress. The first failure ends
   * the run at once.
   */
  async start(scenario: Scenario, runs: number, baseScenario: Scenario, hooks: StartHooks): Promise<RunOutcome> {
    this.#abort?.abort();
    const ctl = new AbortController();
    this.#abort = ctl;

    const key = runKey(scenario, runs);
    const baseKey = runKey(baseScenario, runs);
    const current = this.newRun(scenario, runs);
    this.current = current;
    const reuseBaseline = this.baseline?.key === baseKey && this.baseline.done && !this.baseline.error;
    const baseline = baseKey === key ? current : reuseBaseline ? this.baseline! : this.newRun(baseScenario, runs);
    this.baseline = baseline;
    this.status = 'running';
    const weeksEach = scenario.weeks * runs;
    const total = weeksEach * (baseline === current || baseline.done ? 1 : 2);
    const done = { current: 0, baseline: 0 };
    this.progress = { done: 0, total };
    hooks.started();

    const report = () => (this.progress = { done: Math.min(total, done.current + done.baseline), total });
    // The workers start in a task of their own: pressing Run redraws the bar
    // and starts the simulation in two short tasks rather than one long one (issue 3).
    if (this.#env.frame) await new Promise((resolve) => setTimeout(resolve, 0));
    const jobs: Promise<void>[] = [
      this.execute(current, ctl.signal, (d) => {
        done.current = d;
        report();
      }, (s) => {
        this.current = s;
        if (baseline === current) this.baseline = s;
        hooks.published(s);
      }),
    ];
    if (baseline !== current && !baseline.done) {
      jobs.push(this.execute(baseline, ctl.signal, (d) => {
        done.baseline = d;
        report();
      }, (s) => (this.baseline = s)));
    }
    // The first failure ends the run at once: the other job (usually the
    // baseline) is cancelled rather than awaited, so the fault shows now.
    const outcome = await allOrFirstFailure(jobs);
    if (!outcome.ok) ctl.abort();
    if (this.#abort !== ctl) return { kind: 'cancelled' }; // by Stop, or a newer run took over
    this.#abort = null;
    if (outcome.ok) {
      this.status = 'done';
      return { kind: 'done' };
    }
    if (isAbort(outcome.reason)) {
      this.status = 'stopped';
      return { kind: 'stopped' };
    }
    this.status = 'failed';
    // A fault may leave workers unusable: a fresh pool for the next run.
    this.#runner?.dispose?.();
    this.#runner = null;
    return { kind: 'failed', reason: outcome.reason };
  }

  /** Cancels the computation at once; what was computed stays on screen. */
  stop(): void {
    if (this.#abort) {
      this.#abort.abort();
      this.#abort = null;
      this.status = 'stopped';
    }
  }

  newRun(scenario: Scenario, runs: number): RunState {
    const progressive = createProgressive(scenario.weeks, runs, SERIES_SHAPE);
    return { key: runKey(scenario, runs), scenario, runs, progressive, source: sourceOf(progressive), done: false, error: null };
  }

  /**
   * Runs one scenario, streaming chunks into its RunState and publishing
   * snapshots (at most one per frame), only when what the charts draw changed:
   * a week more of the replicate drawn as it streams, or one more complete
   * replicate (source.ts shownOf); progress is reported apart.
   */
  async execute(state: RunState, signal: AbortSignal, onDone: (weeks: number) => void, publish: (s: RunState) => void): Promise<void> {
    const p = state.progressive;
    let latest = state;
    let finished = false;
    let drawn = '';
    const flush = () => {
      if (signal.aborted || finished) return;
      const shown = shownOf(p);
      const now = `${shown.runs}/${shown.streaming}/${shown.weeks}`;
      if (now === drawn) return;
      drawn = now;
      latest = { ...latest, source: sourceOf(p, { bands: false }) };
      publish(latest);
    };
    const schedule = () => this.#scheduleFlush(flush);
    try {
      const series: RunSeries[] = await this.runner.run(
        { scenario: state.scenario, seed: state.scenario.seed, runs: state.runs },
        {
          signal,
          onChunk: (chunk, series) => {
            applyChunk(p, chunk, series);
            schedule();
          },
          onBands: (bands) => completeBands(p, bands),
          onProgress: (d) => onDone(d),
        },
      );
      finished = true;
      series.forEach((s, i) => completeRun(p, i, s));
      latest = { ...latest, source: sourceOf(p), done: true };
      publish(latest);
    } catch (e) {
      finished = true;
      if (!isAbort(e)) {
        latest = { ...latest, source: sourceOf(p), error: errorText(e) };
        publish(latest);
      }
      throw e;
    }
  }

  /**
   * Streaming snapshots of every running scenario are published together, at
   * most every PUBLISH_MS: each one redraws every chart, and streaming must
   * not starve the main thread (issue 3).
   */
  #scheduleFlush(flush: () => void): void {
    this.#pendingFlush.add(flush);
    if (this.#flushTimer !== null) return;
    const go = () => {
      this.#flushTimer = null;
      this.#lastFlush = this.#env.now();
      const all = [...this.#pendingFlush];
      this.#pendingFlush.clear();
      for (const f of all) f();
    };
    if (!this.#env.frame) {
      this.#flushTimer = 0;
      queueMicrotask(go);
      return;
    }
    const wait = Math.max(0, PUBLISH_MS - (this.#env.now() - this.#lastFlush));
    const frame = this.#env.publishFrame ?? ((cb: () => void) => void this.#env.frame!(cb));
    this.#flushTimer = setTimeout(() => frame(go), wait);
  }

  /** The series of the finished run in the CLI's long CSV format. */
  csv(): string | null {
    const c = this.current;
    if (!c?.done) return null;
    // The worker's bands when it sent them (every column, with quantiles); the same numbers as summarise.
    const { bands, series } = c.progressive;
    const summary = bands?.p05 && bands.width === ROW ? summaryOf(bands, series.length) : summarise(series);
    return toCSV(toOutputDocument({ scenario: c.scenario, hash: scenarioHash(c.scenario), engineVersion: ENGINE_VERSION, seed: c.scenario.seed }, summary));
  }

  dispose(): void {
    this.#abort?.abort();
    this.#runner?.dispose?.();
  }
}

export function isAbort(e: unknown): boolean {
  return (e instanceof DOMException || e instanceof Error) && e.name === 'AbortError';
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

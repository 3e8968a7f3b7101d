import type { Scenario } from '../../scenario/schema.ts';
import { colourAt } from '../../charts/palette.ts';
import { allOrFirstFailure, failureText } from './failure.ts';
import { notice, type Notices } from './notices.svelte.ts';
import { MAX_PINS, type PinSpec } from './persist.ts';
import { baselineFor } from './presets.ts';
import { runKey } from './run-key.ts';
import type { SharedPin } from './share.ts';
import { isAbort, type RunState, type Simulation } from './simulation.svelte.ts';

/**
 * Pinned runs for the Compare view: each a finished run with its baseline,
 * in a colour of its own. Pins restored from storage, a link or a file are
 * recomputed (runs are deterministic, so the figures are the same), one
 * after another, each with its progress for the view to show.
 */

export interface Pin {
  readonly id: string;
  readonly name: string;
  readonly colour: string;
  readonly scenario: Scenario;
  readonly runs: number;
  readonly run: RunState | null;
  readonly baseline: RunState | null;
}

/** Finished results of a run and its baseline. */
export interface Results {
  readonly run: RunState;
  readonly baseline: RunState;
}

export interface PinsEnv {
  readonly sim: Simulation;
  readonly notices: Notices;
  /** The results shown, and whether the levers moved on since. */
  readonly shown: () => { readonly run: RunState | null; readonly baseline: RunState | null; readonly stale: boolean };
  /** The scenario whose interventions a baseline takes. */
  readonly baselinePreset: () => Scenario;
  /** Called when the pins change (they are saved). */
  readonly onChange: () => void;
  /** Finished results already at hand for a run key (recent runs), so a pin need not be recomputed. */
  readonly cached?: (key: string) => Results | undefined;
}

export const isReady = (p: Pin): boolean => !!(p.run?.done && p.baseline?.done);
/** The pin's run or its baseline failed: it is not computed again by itself. */
export const hasFailed = (p: Pin): boolean => !!(p.run?.error || p.baseline?.error);

let serial = 0;
const newId = () => `${Date.now().toString(36)}-${(serial++).toString(36)}`;

export class Pins {
  readonly #env: PinsEnv;
  #computing = false;
  /** Cancels the computation of the pin being computed (`#busy`). */
  #ctl: AbortController | null = null;
  #busy: string | null = null;

  list = $state.raw<readonly Pin[]>([]);
  /** Share of each computing pin's weeks simulated so far (0..1), by pin id; absent for pins not started. */
  progress = $state.raw<Readonly<Record<string, number>>>({});

  constructor(env: PinsEnv) {
    this.#env = env;
  }

  get full(): boolean {
    return this.list.length >= MAX_PINS;
  }

  /** The pins as they are saved and shared: scenario and runs (results are recomputed). */
  get specs(): PinSpec[] {
    return this.list.map((p) => ({ id: p.id, scenario: p.scenario, runs: p.runs }));
  }

  /** Pins still without results (and not failed), in order. */
  get pending(): readonly Pin[] {
    return this.list.filter((p) => !isReady(p) && !hasFailed(p));
  }

  /** Pins the finished current run (and its baseline) for the Compare view. */
  pin(): boolean {
    const { run: c, baseline, stale } = this.#env.shown();
    if (!c?.done || stale || this.full) return false;
    const used = new Set(this.list.map((p) => p.colour));
    let i = 0;
    while (used.has(colourAt(i))) i++;
    const pin: Pin = {
      id: newId(),
      name: c.scenario.name,
      colour: colourAt(i),
      scenario: c.scenario,
      runs: c.runs,
      run: c,
      baseline: baseline?.done ? baseline : null,
    };
    this.list = [...this.list, pin];
    this.#env.onChange();
    return true;
  }

  unpin(id: string): void {
    if (this.#busy === id) this.#ctl?.abort();
    this.list = this.list.filter((p) => p.id !== id);
    this.#env.onChange();
  }

  /**
   * Pins read back from storage, a link or a file, colours in order. A pin
   * equal to one already pinned (same scenario and runs) keeps its results,
   * as does one whose results are cached; the others are computed later.
   */
  restore(specs: readonly (PinSpec | SharedPin)[]): void {
    const had = new Map(this.list.filter(isReady).map((p) => [runKey(p.scenario, p.runs), p]));
    const next = specs.slice(0, MAX_PINS).map((s, i): Pin => {
      const key = runKey(s.scenario, s.runs);
      const known = had.get(key);
      const cached = known ? { run: known.run!, baseline: known.baseline! } : this.#env.cached?.(key);
      const id = 'id' in s ? s.id : newId();
      return { id, name: s.scenario.name, colour: colourAt(i), scenario: s.scenario, runs: s.runs, run: cached?.run ?? null, baseline: cached?.baseline ?? null };
    });
    // A pin being computed that is no longer pinned stops at once; the computation goes on with the new list.
    if (this.#busy !== null && !next.some((p) => p.id === this.#busy)) this.#ctl?.abort();
    this.list = next;
    this.progress = {};
  }

  /** Computes every pin without results (same runner, one after another); one call at a time. */
  async compute(): Promise<void> {
    if (this.#computing) return;
    this.#computing = true;
    try {
      await this.#compute();
    } finally {
      this.#computing = false;
    }
  }

  async #compute(): Promise<void> {
    const { sim } = this.#env;
    const tried = new Set<string>();
    for (;;) {
      // The list is read afresh each time: pins may be removed or replaced while one computes.
      const p = this.list.find((x) => !isReady(x) && !hasFailed(x) && !tried.has(x.id));
      if (!p) return;
      tried.add(p.id);
      const run = sim.newRun(p.scenario, p.runs);
      const base = sim.newRun(baselineFor(p.scenario, this.#env.baselinePreset()), p.runs);
      const update = (patch: Partial<Pin>) => (this.list = this.list.map((x) => (x.id === p.id ? { ...x, ...patch } : x)));
      const total = 2 * p.scenario.weeks * p.runs;
      const weeks = { run: 0, base: 0 };
      const report = () => (this.progress = { ...this.progress, [p.id]: Math.min(1, (weeks.run + weeks.base) / total) });
      report();
      const ctl = new AbortController();
      this.#ctl = ctl;
      this.#busy = p.id;
      const outcome = await allOrFirstFailure([
        sim.execute(run, ctl.signal, (d) => ((weeks.run = d), report()), (s) => update({ run: s })),
        sim.execute(base, ctl.signal, (d) => ((weeks.base = d), report()), (s) => update({ baseline: s })),
      ]);
      this.#ctl = null;
      this.#busy = null;
      if (!outcome.ok) {
        ctl.abort();
        if (isAbort(outcome.reason)) continue;
        this.#env.notices.say(notice('run-failed', 'error', failureText(outcome.reason)));
        return;
      }
    }
  }
}

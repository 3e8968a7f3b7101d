import type { Scenario } from '../../scenario/schema.ts';
import { colourAt } from '../../charts/palette.ts';
import { allOrFirstFailure, failureText } from './failure.ts';
import { notice, type Notices } from './notices.svelte.ts';
import { MAX_PINS, type PinSpec } from './persist.ts';
import { baselineFor } from './presets.ts';
import { isAbort, type RunState, type Simulation } from './simulation.svelte.ts';

/**
 * Pinned runs for the Compare view: each a finished run with its baseline,
 * in a colour of its own. Pins restored from storage are recomputed.
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

export interface PinsEnv {
  readonly sim: Simulation;
  readonly notices: Notices;
  /** The results shown, and whether the levers moved on since. */
  readonly shown: () => { readonly run: RunState | null; readonly baseline: RunState | null; readonly stale: boolean };
  /** The scenario whose interventions a baseline takes. */
  readonly baselinePreset: () => Scenario;
  /** Called when the pins change (they are saved). */
  readonly onChange: () => void;
}

export class Pins {
  readonly #env: PinsEnv;
  #computing = false;

  list = $state.raw<readonly Pin[]>([]);

  constructor(env: PinsEnv) {
    this.#env = env;
  }

  get full(): boolean {
    return this.list.length >= MAX_PINS;
  }

  /** Pins the finished current run (and its baseline) for the Compare view. */
  pin(): boolean {
    const { run: c, baseline, stale } = this.#env.shown();
    if (!c?.done || stale || this.full) return false;
    const used = new Set(this.list.map((p) => p.colour));
    let i = 0;
    while (used.has(colourAt(i))) i++;
    const pin: Pin = {
      id: `${Date.now().toString(36)}-${this.list.length}`,
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
    this.list = this.list.filter((p) => p.id !== id);
    this.#env.onChange();
  }

  /** Pins read back from storage: no results yet, colours in order. */
  restore(specs: readonly PinSpec[]): void {
    this.list = specs.map((p, i) => ({ ...p, name: p.scenario.name, colour: colourAt(i), run: null, baseline: null }));
  }

  /** Pins restored from storage have no results yet: compute them (same runner, one after another). */
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
    for (const p of this.list) {
      if (p.run?.done && p.baseline?.done) continue;
      const run = sim.newRun(p.scenario, p.runs);
      const base = sim.newRun(baselineFor(p.scenario, this.#env.baselinePreset()), p.runs);
      const update = (patch: Partial<Pin>) => (this.list = this.list.map((x) => (x.id === p.id ? { ...x, ...patch } : x)));
      const ctl = new AbortController();
      const outcome = await allOrFirstFailure([
        sim.execute(run, ctl.signal, () => {}, (s) => update({ run: s })),
        sim.execute(base, ctl.signal, () => {}, (s) => update({ baseline: s })),
      ]);
      if (!outcome.ok) {
        ctl.abort();
        if (!isAbort(outcome.reason)) this.#env.notices.say(notice('run-failed', 'error', failureText(outcome.reason)));
        return;
      }
    }
  }
}

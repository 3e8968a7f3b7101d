import { interventionsSchema } from '../scenario/interventions.ts';
import type { Scenario } from '../scenario/schema.ts';
import { COMPILED } from './compile.ts';
import { ACTOR_TYPES, type ActorType } from './machines/index.ts';
import { METRICS, SLOTS, type Metric } from './metrics.ts';
import { Agents } from './model/agents.ts';
import type { Behaviour } from './model/behaviour.ts';
import { createBehaviours, type Behaviours } from './model/index.ts';
import { World } from './model/world.ts';
import { collectWeek } from './collect.ts';
import { draw, runKey, streamKey } from './rng.ts';
import { SECTORS } from './sectors.ts';
import { allocateSeries, ROW, type RunSeries, type SeriesShape } from './series.ts';

/** Bumped whenever the same scenario and seed would give different numbers. */
export const ENGINE_VERSION = '1.0.0';

export interface SimOptions {
  readonly seed: number;
  /** Replicate number; its random key is derived from (seed, run). */
  readonly run: number;
  /** Overrides scenario.weeks. */
  readonly weeks?: number;
}

/**
 * How an event moves an agent between states. The fast engine looks it up in
 * the compiled tables; the reference engine asks xstate itself (reference.ts).
 */
export interface Transitioner {
  /** Agent i was created or recycled in `state` (the initial state unless set up otherwise). */
  spawn(type: ActorType, i: number, sector: number, state: number): void;
  /** The agent's current state as the transitioner knows it (the reference asks xstate). */
  current?(type: ActorType, i: number): number;
  /** Whether agent i's machine accepts `event` in its current state. */
  accepts(type: ActorType, i: number, from: number, event: number, sector: number): boolean;
  /** Next state id, or -1 when the machine does not accept the event there. */
  next(type: ActorType, i: number, from: number, event: number, sector: number): number;
}

export const tableTransitioner: Transitioner = {
  spawn() {},
  accepts(type, _i, from, event, sector) {
    const c = COMPILED[type];
    return c.tables[sector][from * c.events.length + event] >= 0;
  },
  next(type, _i, from, event, sector) {
    const c = COMPILED[type];
    return c.tables[sector][from * c.events.length + event];
  },
};

export const SERIES_SHAPE: SeriesShape = Object.fromEntries(
  ACTOR_TYPES.map((t) => [t, { states: COMPILED[t].states.length, events: COMPILED[t].events.length }]),
) as SeriesShape;

/** Census order: each type's aggregates may use those computed before it. */
const CENSUS_ORDER: readonly ActorType[] = ['worker', 'corporateBuyer', 'employer', 'recruiter', 'consumer', 'client', 'case'];

const METRIC_ID = Object.fromEntries(METRICS.map((m, i) => [m, i])) as Record<Metric, number>;

/**
 * One replicate of a scenario, stepped a week at a time. Pure: no DOM, no
 * worker, no I/O; randomness only from the run's key.
 */
export class Simulation {
  /** The scenario in force (during burn-in, the same without demand-side measures). */
  scenario: Scenario;
  readonly weeks: number;
  /** Weeks simulated so far. */
  week = 0;
  readonly series: RunSeries;
  readonly agents: Record<ActorType, Agents>;
  readonly world = new World();
  readonly key: number;
  /** Event tallies of the current week: [metric * SECTORS.length + sector]. */
  readonly tallies = new Float64Array(METRICS.length * SECTORS.length);
  behaviours: Behaviours;
  private readonly transitioner: Transitioner;
  private readonly streams: Record<ActorType, number>;
  /** Hazards of every agent of the type being advanced: [agent * events + event]. */
  private hazards = new Float64Array(1024);
  private started = false;

  constructor(scenario: Scenario, options: SimOptions, transitioner: Transitioner = tableTransitioner) {
    // Burn-in: the world settles under no demand-side measures before week 0.
    const burnIn = scenario.assumptions.simulation.burnInWeeks;
    this.scenario = burnIn > 0 ? withoutMeasures(scenario) : scenario;
    this.weeks = options.weeks ?? scenario.weeks;
    this.key = runKey(options.seed, options.run);
    this.transitioner = transitioner;
    this.series = allocateSeries(this.weeks, SERIES_SHAPE);
    this.agents = Object.fromEntries(ACTOR_TYPES.map((t) => [t, new Agents(16)])) as Record<ActorType, Agents>;
    this.streams = Object.fromEntries(ACTOR_TYPES.map((t, i) => [t, streamKey(this.key, i)])) as Record<ActorType, number>;
    this.behaviours = createBehaviours(this);
    for (const t of ACTOR_TYPES) this.behaviours[t].init();
    // Set-up may place agents in any state; the transitioner learns them now.
    for (const t of ACTOR_TYPES) {
      const a = this.agents[t];
      for (let i = 0; i < a.n; i++) transitioner.spawn(t, i, a.sector[i], a.state[i]);
    }
    this.started = true;
    this.census();
    for (const t of ACTOR_TYPES) (this.behaviours[t] as Behaviour).reference?.();
    for (let w = -burnIn; w < 0; w++) this.tick(w);
    if (burnIn > 0) {
      this.scenario = scenario;
      this.behaviours = createBehaviours(this);
    }
    for (const t of ACTOR_TYPES) (this.behaviours[t] as Behaviour).start?.();
  }

  /** A named random stream of this run, for draws other than the weekly event. */
  stream(id: number): number {
    return streamKey(this.key, 1000 + id);
  }

  /** Adds `amount` to an event metric of this week. */
  tally(metric: Metric, sector: number, amount = 1): void {
    this.tallies[METRIC_ID[metric] * SECTORS.length + sector] += amount;
  }

  /** An event metric's tally so far this week. */
  tallied(metric: Metric, sector: number): number {
    return this.tallies[METRIC_ID[metric] * SECTORS.length + sector];
  }

  /** Creates an agent during set-up or (cases) during a week. */
  spawn(type: ActorType, sector: number, trait: number, reuse = -1): number {
    const a = this.agents[type];
    let i: number;
    if (reuse >= 0) {
      a.reset(reuse, sector, trait);
      i = reuse;
    } else {
      i = a.add(sector, trait);
    }
    if (this.started) this.transitioner.spawn(type, i, sector, 0);
    return i;
  }

  /** Forces `event` on agent i of `type` next week (at most one event per week). */
  force(type: ActorType, i: number, event: number): void {
    const a = this.agents[type];
    if (i >= 0 && i < a.n && a.pendingNext[i] < 0) a.pendingNext[i] = event;
  }

  get done(): boolean {
    return this.week >= this.weeks;
  }

  /** Advances one week. */
  step(): void {
    if (this.done) throw new Error('simulation already finished');
    this.tick(this.week);
    this.record(this.week);
    this.week++;
  }

  /** One week of the model; weeks before 0 are burn-in and are not recorded. */
  private tick(w: number): void {
    this.tallies.fill(0);
    for (const t of ACTOR_TYPES) this.agents[t].beginWeek();
    for (const t of ACTOR_TYPES) this.behaviours[t].prepare(w);
    for (const t of ACTOR_TYPES) this.advance(t, w);
    for (const t of ACTOR_TYPES) (this.behaviours[t] as Behaviour).endWeek?.(w);
    this.census();
  }

  /** Runs to the end (or `weeks` more weeks) and returns the series. */
  run(weeks = this.weeks - this.week): RunSeries {
    const end = Math.min(this.weeks, this.week + weeks);
    while (this.week < end) this.step();
    return this.series;
  }

  private advance(type: ActorType, w: number): void {
    const a = this.agents[type];
    const b: Behaviour = this.behaviours[type];
    const c = COMPILED[type];
    const nE = c.events.length;
    const nS = c.states.length;
    const stream = this.streams[type];
    // Burn-in weeks are counted nowhere.
    const fired = w >= 0 ? this.series.transitions[type] : new Float64Array(nS * nE);
    const base = w >= 0 ? w * nS * nE : 0;
    const n = a.n;
    const transitioner = this.transitioner;
    // The fast engine reads the compiled tables inline; others go through the transitioner.
    const tables = transitioner === tableTransitioner ? c.tables : undefined;
    const state = a.state;
    const pending = a.pending;
    const sectors = a.sector;
    const vacant = a.vacant;
    const final = c.final;
    // The reference asks xstate for every agent's state before anything reads it.
    if (transitioner.current) for (let i = 0; i < n; i++) if (!vacant[i]) state[i] = transitioner.current(type, i);
    if (this.hazards.length < n * nE) this.hazards = new Float64Array(Math.max(n * nE, 2 * this.hazards.length));
    const p = this.hazards;
    p.fill(0, 0, n * nE);
    b.fill(p, nE);
    for (let i = 0; i < n; i++) {
      if (vacant[i]) continue;
      const from = state[i];
      if (final[from]) continue;
      const sector = sectors[i];
      let ev = pending[i];
      if (ev < 0) {
        const u = draw(stream, i, w);
        const row = from * nE;
        const o = i * nE;
        const table = tables?.[sector];
        let acc = 0;
        for (let e = 0; e < nE; e++) {
          const q = p[o + e];
          // Only events the machine accepts in this state carry probability.
          if (q > 0 && (table ? table[row + e] >= 0 : transitioner.accepts(type, i, from, e, sector))) {
            acc += q;
            if (u < acc) {
              ev = e;
              break;
            }
          }
        }
        if (ev < 0) continue;
      }
      const to = tables ? tables[sector][from * nE + ev] : transitioner.next(type, i, from, ev, sector);
      if (to < 0) continue;
      state[i] = to;
      fired[base + from * nE + ev]++;
      b.apply(i, from, ev, to, w);
    }
  }

  private census(): void {
    for (const t of CENSUS_ORDER) this.behaviours[t].census();
  }

  private record(w: number): void {
    collectWeek(this, this.series.values.subarray(w * ROW, (w + 1) * ROW));
    for (const t of ACTOR_TYPES) {
      const a = this.agents[t];
      const nS = COMPILED[t].states.length;
      const out = this.series.states[t];
      const state = a.state;
      const vacant = a.vacant;
      const base = w * nS;
      for (let i = 0, n = a.n; i < n; i++) if (!vacant[i]) out[base + state[i]]++;
    }
  }
}

/** The scenario as it stands before week 0: every lever at its default, the prostitution regime kept. */
export function withoutMeasures(s: Scenario): Scenario {
  const interventions = interventionsSchema.parse({ prostitutionRegime: s.interventions.prostitutionRegime });
  return { ...s, interventions };
}

/** Runs one replicate to the end. */
export function simulate(scenario: Scenario, options: SimOptions): RunSeries {
  return new Simulation(scenario, options).run();
}

export { SLOTS };

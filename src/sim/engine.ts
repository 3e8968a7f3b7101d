import { interventionsSchema } from '../scenario/interventions.ts';
import type { Scenario } from '../scenario/schema.ts';
import { COMPILED } from './compile.ts';
import { ACTOR_TYPES, type ActorType } from './machines/index.ts';
import { METRICS, SLOTS, type Metric } from './metrics.ts';
import { Agents } from './model/agents.ts';
import type { Behaviour } from './model/behaviour.ts';
import type { SimContext } from './model/context.ts';
import { createBehaviours, type Behaviours } from './model/index.ts';
import { World } from './model/world.ts';
import { collectWeek } from './collect.ts';
import { BITS, drawBits, runKey, streamKey, weekKey, weekStep } from './rng.ts';
import { SECTORS } from '../scenario/sectors.ts';
import { allocateSeries, weekRow, type RunSeries, type SeriesShape } from './series.ts';
import { captureSettled, restoreSettled, settledKey, type SettledStore } from './settled.ts';

/** Bumped whenever the same scenario and seed would give different numbers. */
export const ENGINE_VERSION = '2.0.0';

export interface SimOptions {
  readonly seed: number;
  /** Replicate number; its random key is derived from (seed, run). */
  readonly run: number;
  /** Overrides scenario.weeks. */
  readonly weeks?: number;
  /**
   * Settled states (settled.ts): the run starts from the one of its
   * assumptions, regime, seed and run if the store has it, and leaves it there
   * otherwise. The numbers are the same either way. The fast engine only.
   */
  readonly settled?: SettledStore;
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

/**
 * An observer of one run (src/sim/story.ts): told of every move and every
 * agent created or recycled. It only watches: it draws nothing from the
 * run's generator and changes no state, so a traced run gives the same
 * numbers as an untraced one. Without one the engine pays a null check per move.
 */
export interface Trace {
  /** Agent i of `type` moved from `from` to `to` on `event` in week w, after its behaviour applied the move. */
  moved(type: ActorType, i: number, from: number, event: number, to: number, w: number): void;
  /** Agent i of `type` was created, or its slot reused (a case opened), during week w. */
  spawned(type: ActorType, i: number, w: number): void;
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

/**
 * Added to every hazard bound, so that rounding in the sum of an agent's
 * hazards can never take it past a bound that is exact in real numbers.
 */
export const BOUND_MARGIN = 1e-9;

/**
 * The events each machine accepts, per sector and state, in event order:
 * events[first[sector * states + state] .. first[sector * states + state + 1]).
 * From the compiled tables, so that choosing an agent's event looks at these
 * few rather than at every event of its type.
 */
interface AcceptedEvents {
  readonly first: Int32Array;
  readonly events: Int16Array;
}

function acceptedEvents(c: (typeof COMPILED)[ActorType]): AcceptedEvents {
  const nS = c.states.length;
  const nE = c.events.length;
  const first = new Int32Array(c.tables.length * nS + 1);
  const events: number[] = [];
  c.tables.forEach((table, sector) => {
    for (let s = 0; s < nS; s++) {
      first[sector * nS + s] = events.length;
      for (let e = 0; e < nE; e++) if (table[s * nE + e] >= 0) events.push(e);
    }
  });
  first[c.tables.length * nS] = events.length;
  return { first, events: Int16Array.from(events) };
}

const ACCEPTED = Object.fromEntries(ACTOR_TYPES.map((t) => [t, acceptedEvents(COMPILED[t])])) as Record<ActorType, AcceptedEvents>;

const METRIC_ID = Object.fromEntries(METRICS.map((m, i) => [m, i])) as Record<Metric, number>;

/**
 * One replicate of a scenario, stepped a week at a time. Pure: no DOM, no
 * worker, no I/O; randomness only from the run's key. Behaviours see it only
 * as their `SimContext`.
 */
export class Simulation implements SimContext {
  /** The scenario in force (during burn-in, the same without demand-side measures). */
  scenario: Scenario;
  readonly weeks: number;
  /** Weeks simulated so far. */
  week = 0;
  readonly series: RunSeries;
  readonly agents: Record<ActorType, Agents>;
  readonly world: World;
  readonly key: number;
  /** Event tallies of the current week: [metric * SECTORS.length + sector]. */
  readonly tallies: Float64Array;
  behaviours!: Behaviours;
  private readonly transitioner: Transitioner;
  private readonly streams: Record<ActorType, number>;
  /** Agents of the type being advanced that may move this week, their draws and hazards ([j * events + event]). */
  private list = new Int32Array(1024);
  private draws = new Float64Array(1024);
  private hazards = new Float64Array(1024);
  /** Per type, this week's bound on an agent's total hazard, times 2^32: [sector * states + state]. */
  private readonly bounds = Object.fromEntries(
    ACTOR_TYPES.map((t) => [t, new Float64Array(SECTORS.length * COMPILED[t].states.length)]),
  ) as Record<ActorType, Float64Array>;
  private started = false;
  private unrecorded = new Float64Array(0);
  /** Live agents of each type by sector and state, kept up to date with every move: [sector * states + state]. */
  readonly counts: Record<ActorType, Float64Array>;
  /** An observer of moves and spawns (set after construction: burn-in is not traced), or null. */
  trace: Trace | null = null;

  constructor(scenario: Scenario, options: SimOptions, transitioner: Transitioner = tableTransitioner) {
    // Burn-in: the world settles under no demand-side measures before week 0.
    const burnIn = scenario.assumptions.simulation.burnInWeeks;
    this.scenario = burnIn > 0 ? withoutMeasures(scenario) : scenario;
    this.weeks = options.weeks ?? scenario.weeks;
    this.key = runKey(options.seed, options.run);
    this.transitioner = transitioner;
    this.series = allocateSeries(this.weeks, SERIES_SHAPE);
    this.streams = Object.fromEntries(ACTOR_TYPES.map((t, i) => [t, streamKey(this.key, i)])) as Record<ActorType, number>;
    // The reference transitioner keeps a state of its own per agent, which a settled state does not hold.
    const store = transitioner === tableTransitioner ? options.settled : undefined;
    const key = store ? settledKey(this.scenario, options.seed, options.run) : undefined;
    const settled = key !== undefined ? store!.get(key) : undefined;
    if (settled) {
      ({ agents: this.agents, world: this.world, counts: this.counts, tallies: this.tallies } = restoreSettled(settled));
      this.started = true;
    } else {
      this.agents = Object.fromEntries(ACTOR_TYPES.map((t) => [t, new Agents(16)])) as Record<ActorType, Agents>;
      this.world = new World();
      this.counts = Object.fromEntries(
        ACTOR_TYPES.map((t) => [t, new Float64Array(SECTORS.length * COMPILED[t].states.length)]),
      ) as Record<ActorType, Float64Array>;
      this.tallies = new Float64Array(METRICS.length * SECTORS.length);
      this.behaviours = createBehaviours(this);
      this.settle(burnIn);
      if (key !== undefined) store!.put(captureSettled(key, this));
    }
    if (burnIn > 0) {
      this.scenario = scenario;
      this.behaviours = createBehaviours(this);
    }
    for (const t of ACTOR_TYPES) (this.behaviours[t] as Behaviour).start?.();
  }

  /** Set-up and burn-in: everything before week 0 (the behaviours are those of the burn-in's scenario). */
  private settle(burnIn: number): void {
    const transitioner = this.transitioner;
    for (const t of ACTOR_TYPES) this.behaviours[t].init();
    // Set-up may place agents in any state; the transitioner learns them now.
    for (const t of ACTOR_TYPES) {
      const a = this.agents[t];
      for (let i = 0; i < a.n; i++) transitioner.spawn(t, i, a.sector[i], a.state[i]);
    }
    this.started = true;
    // From here on the counts follow every move, spawn and vacated slot.
    for (const t of ACTOR_TYPES) countStates(this.agents[t], COMPILED[t].states.length, this.counts[t]);
    this.census();
    for (const t of ACTOR_TYPES) (this.behaviours[t] as Behaviour).reference?.();
    for (let w = -burnIn; w < 0; w++) this.tick(w);
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
      if (this.started && !a.vacant[reuse]) this.vacate(type, reuse);
      a.reset(reuse, sector, trait);
      i = reuse;
    } else {
      i = a.add(sector, trait);
    }
    if (this.started) {
      this.transitioner.spawn(type, i, sector, 0);
      this.counts[type][sector * COMPILED[type].states.length]++;
    }
    if (this.trace !== null) this.trace.spawned(type, i, this.week);
    return i;
  }

  /** Frees agent i's slot (a finished case): it is counted nowhere until reused. */
  vacate(type: ActorType, i: number): void {
    const a = this.agents[type];
    if (a.vacant[i]) return;
    a.vacant[i] = 1;
    this.counts[type][a.sector[i] * COMPILED[type].states.length + a.state[i]]--;
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
    // Burn-in weeks are counted nowhere (in a scratch array, never read).
    const fired = w >= 0 ? this.series.transitions[type] : this.burnInFired(nS * nE);
    const base = w >= 0 ? w * nS * nE : 0;
    const n = a.n;
    const transitioner = this.transitioner;
    // The fast engine reads the compiled tables inline and skips agents whose
    // draw is above their bound; the reference asks xstate and computes every
    // agent's hazards, so the differential test also checks the bounds.
    const fast = transitioner === tableTransitioner;
    const tables = fast ? c.tables : undefined;
    const accepted = fast ? ACCEPTED[type] : undefined;
    const limits = this.bound(type, b, fast);
    const state = a.state;
    const pending = a.pending;
    const sectors = a.sector;
    const vacant = a.vacant;
    const final = c.final;
    const counts = this.counts[type];
    const trace = this.trace;
    // The reference asks xstate for every agent's state before anything reads it.
    if (transitioner.current) {
      for (let i = 0; i < n; i++) {
        if (vacant[i]) continue;
        const s = transitioner.current(type, i);
        counts[sectors[i] * nS + state[i]]--;
        counts[sectors[i] * nS + s]++;
        state[i] = s;
      }
    }
    // 1. Who may move: agents with a forced event, and those whose draw falls
    // under their bound. Moves this week change no other agent's state,
    // forced event or slot, so this can be decided for all agents first.
    if (this.list.length < n) this.list = new Int32Array(Math.max(n, 2 * this.list.length));
    if (this.draws.length < n) this.draws = new Float64Array(Math.max(n, 2 * this.draws.length));
    const list = this.list;
    const draws = this.draws;
    const count = candidates(a, final, limits, b.unbounded ?? 0, nS, stream, w, list, draws);
    // 2. Their hazards, in the behaviour's own loop.
    if (this.hazards.length < count * nE) this.hazards = new Float64Array(Math.max(count * nE, 2 * this.hazards.length));
    const p = this.hazards;
    p.fill(0, 0, count * nE);
    b.fill(list, count, p, nE);
    // 3. Which event fires, in agent order.
    for (let j = 0; j < count; j++) {
      const i = list[j];
      const from = state[i];
      const sector = sectors[i];
      let ev = pending[i];
      if (ev < 0) {
        const u = draws[j];
        const o = j * nE;
        let acc = 0;
        // Only events the machine accepts in this state carry probability,
        // summed in event order. The fast engine walks the compiled list of
        // those events (the same sums, in the same order, without looking
        // at the others); the reference asks xstate about every event.
        if (accepted) {
          const row = sector * nS + from;
          for (let x = accepted.first[row], end = accepted.first[row + 1]; x < end; x++) {
            const e = accepted.events[x];
            const q = p[o + e];
            if (q > 0) {
              acc += q;
              if (u < acc) {
                ev = e;
                break;
              }
            }
          }
        } else {
          for (let e = 0; e < nE; e++) {
            const q = p[o + e];
            if (q > 0 && transitioner.accepts(type, i, from, e, sector)) {
              acc += q;
              if (u < acc) {
                ev = e;
                break;
              }
            }
          }
        }
        if (ev < 0) continue;
      }
      const to = tables ? tables[sector][from * nE + ev] : transitioner.next(type, i, from, ev, sector);
      if (to < 0) continue;
      state[i] = to;
      counts[sector * nS + from]--;
      counts[sector * nS + to]++;
      fired[base + from * nE + ev]++;
      b.apply(i, from, ev, to, w);
      if (trace !== null) trace.moved(type, i, from, ev, to, w);
    }
  }

  /** Where burn-in weeks tally the events that fired: nowhere anyone reads. */
  private burnInFired(size: number): Float64Array {
    if (this.unrecorded.length < size) this.unrecorded = new Float64Array(size);
    return this.unrecorded;
  }

  /**
   * This week's bound on the total hazard per (sector, state), with a margin
   * for rounding, in the units of drawBits (times 2^32, which is exact); 2^33,
   * never reached by a draw, where there is none.
   */
  private bound(type: ActorType, b: Behaviour, thin: boolean): Float64Array {
    const out = this.bounds[type];
    if (!thin || !b.bounds) return out.fill(2 * BITS);
    out.fill(1);
    b.bounds(out, COMPILED[type].states.length);
    for (let x = 0; x < out.length; x++) out[x] = (out[x] + BOUND_MARGIN) * BITS;
    return out;
  }

  private census(): void {
    for (const t of CENSUS_ORDER) this.behaviours[t].census();
  }

  private record(w: number): void {
    collectWeek(this, weekRow(this.series, w));
    for (const t of ACTOR_TYPES) {
      const nS = COMPILED[t].states.length;
      const counts = this.counts[t];
      const out = this.series.states[t];
      for (let x = 0; x < counts.length; x++) out[w * nS + (x % nS)] += counts[x];
    }
  }

}

/** The scenario as it stands before week 0: every lever at its default, the prostitution regime kept. */
export function withoutMeasures(s: Scenario): Scenario {
  const interventions = interventionsSchema.parse({ prostitutionRegime: s.interventions.prostitutionRegime });
  return { ...s, interventions };
}

/**
 * Lists the agents that may move in week w: those with a forced event, and
 * those whose draw's bits fall under the bound (`limits`, times 2^32) of their
 * sector and state or who have an `unbounded` flag (with the draw, in
 * `draws`). Returns how many.
 */
function candidates(a: Agents, final: Uint8Array, limits: Float64Array, unbounded: number, states: number, stream: number, w: number, list: Int32Array, draws: Float64Array): number {
  const { state, sector, vacant, pending, flags } = a;
  const key = weekKey(stream, w);
  const step = weekStep(w);
  let count = 0;
  // Nearly every agent's draw is above its bound, so the loop tests that
  // first, with no other branch before it, and looks at freed slots and final
  // states only for the few left (drawing for them changes nothing: a draw is
  // a pure hash). This is most of a run's time.
  for (let i = 0, n = a.n; i < n; i++) {
    const bits = drawBits(key, step, i);
    const from = state[i];
    if (bits >= limits[sector[i] * states + from] && pending[i] < 0 && (unbounded === 0 || !(flags[i] & unbounded))) continue;
    if (vacant[i] || final[from]) continue;
    // A forced event needs no draw.
    if (pending[i] < 0) draws[count] = bits / BITS;
    list[count++] = i;
  }
  return count;
}

/** Counts the live agents by sector and state into out[sector * states + state]. */
export function countStates(a: Agents, states: number, out: Float64Array): void {
  out.fill(0);
  const { state, sector, vacant } = a;
  for (let i = 0, n = a.n; i < n; i++) if (!vacant[i]) out[sector[i] * states + state[i]]++;
}

/** Runs one replicate to the end. */
export function simulate(scenario: Scenario, options: SimOptions): RunSeries {
  return new Simulation(scenario, options).run();
}

export { SLOTS };

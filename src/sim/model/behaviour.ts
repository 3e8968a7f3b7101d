import type { ActorType } from '../machines/index.ts';

/**
 * What one actor type does, apart from its statechart: how its agents are
 * created, the hazard of each event (a pure function of the agent's state, its
 * attributes, the interventions and the world at the end of last week), the side
 * effects of a transition on others, and its contribution to the world census.
 */
export interface Behaviour {
  readonly type: ActorType;
  /** Creates the agents (week 0). */
  init(): void;
  /** Called once after the first census: record reference values. */
  reference?(): void;
  /** The scenario's interventions take effect (week 0, after any burn-in); `init` ran on an earlier behaviour. */
  start?(): void;
  /** Start of week w: precompute coefficients from the world. */
  prepare(week: number): void;
  /** Writes the probability of each event for agent i in state s into p[event] (p zeroed). */
  hazards(i: number, s: number, p: Float64Array): void;
  /**
   * The same for the agents list[0..count): agent list[j]'s events at
   * p[j * stride + event] (p zeroed). Each behaviour loops over them itself so
   * that its hazard function is called from one place and can be inlined.
   */
  fill(list: Int32Array, count: number, p: Float64Array, stride: number): void;
  /**
   * Optional, after `prepare`: an upper bound, this week, on the total hazard
   * of any agent in each sector and state, at out[sector * states + state]
   * (pre-filled with 1, which bounds every probability). The fast engine skips
   * an agent whose draw is at or above its bound without computing its
   * hazards: no event could fire. A bound must hold for every attribute value an agent may have
   * (traits in [0, 1], every flag and link); tests/sim/bounds.test.ts checks
   * it against the hazards themselves.
   */
  bounds?(out: Float64Array, states: number): void;
  /**
   * Bits of `Agents.flags` marking agents the bounds do not cover (say, an
   * employed worker whose employer has closed): the engine computes their
   * hazards whatever their draw. The behaviour keeps the bits true for the
   * week the bounds are for.
   */
  readonly unbounded?: number;
  /** Agent i moved from `from` to `to` on `event` in week w. */
  apply(i: number, from: number, event: number, to: number, week: number): void;
  /** After every agent moved in week w (e.g. spawn queued cases). */
  endWeek?(week: number): void;
  /** End of week: write this type's aggregates into the world. */
  census(): void;
}

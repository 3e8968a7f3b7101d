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
  /** Writes the probability of each event for agent i in state s into p (zeroed). */
  hazards(i: number, s: number, p: Float64Array): void;
  /**
   * The same for every agent at once: agent i's events at p[i * stride + event]
   * (p zeroed). Each behaviour loops over its own agents so that its hazard
   * function is called from one place and can be inlined.
   */
  fill(p: Float64Array, stride: number): void;
  /** Agent i moved from `from` to `to` on `event` in week w. */
  apply(i: number, from: number, event: number, to: number, week: number): void;
  /** After every agent moved in week w (e.g. spawn queued cases). */
  endWeek?(week: number): void;
  /** End of week: write this type's aggregates into the world. */
  census(): void;
}

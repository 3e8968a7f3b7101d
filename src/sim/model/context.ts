import type { Scenario } from '../../scenario/schema.ts';
import type { ActorType } from '../machines/index.ts';
import type { Metric } from '../metrics.ts';
import type { Agents } from './agents.ts';
import type { World } from './world.ts';

/**
 * What a behaviour may see and do of the simulation it belongs to. The engine
 * (`Simulation`) provides it; behaviours know nothing else of the engine, so
 * that neither imports the other.
 */
export interface SimContext {
  /** The scenario in force (during burn-in, the same without demand-side measures). */
  readonly scenario: Scenario;
  readonly world: World;
  readonly agents: Readonly<Record<ActorType, Agents>>;
  /** Live agents of each type by sector and state: [sector * states + state]. */
  readonly counts: Readonly<Record<ActorType, Float64Array>>;
  /** A named random stream of this run, for draws other than the weekly event. */
  stream(id: number): number;
  /** Adds `amount` to an event metric of this week. */
  tally(metric: Metric, sector: number, amount?: number): void;
  /** An event metric's tally so far this week. */
  tallied(metric: Metric, sector: number): number;
  /** Creates an agent (set-up, or cases during a week), in slot `reuse` if given; returns its index. */
  spawn(type: ActorType, sector: number, trait: number, reuse?: number): number;
  /** Frees agent i's slot: it is counted nowhere until reused. */
  vacate(type: ActorType, i: number): void;
  /** Forces `event` on agent i of `type` next week (at most one event per week). */
  force(type: ActorType, i: number, event: number): void;
}

import { defaultScenario } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { agentCount } from '../../sim/limits.ts';
import { DEFAULT_RUNS } from './share.ts';

/**
 * Live mode (issue 10, point 11): the app runs the scenario by itself when
 * the page opens and as levers, assumptions, seed, weeks or runs change, like
 * En-ROADS. Only runs of a bounded cost do: a larger one waits for Run, and
 * Live says why. The cost of a run is its agent-weeks, agents × weeks × runs
 * (what the workers step; the burn-in is left out because workers keep its
 * settled state between reruns).
 */

/**
 * Delay between a change and the rerun, in ms: a slider drag (an input event
 * every frame or two) or a burst of typing reruns once it rests. Short, since
 * it adds to every answer (issue 10: first curve within 300 ms), and a rerun
 * cancelled by the next change costs little: the workers keep their settled
 * states and stop at their next chunk.
 */
export const LIVE_MS = 60;

/** Agent-weeks of a run of `scenario` with `runs` replicates. */
export function runCost(scenario: Scenario, runs: number): number {
  return agentCount(scenario) * scenario.weeks * runs;
}

/** The default world as the app opens it: its agents for its 260 weeks, DEFAULT_RUNS runs. */
export const DEFAULT_COST = runCost(defaultScenario(), DEFAULT_RUNS);

/**
 * Live runs by itself up to this multiple of the default world's cost: 20
 * runs of the default world, or 5 runs of 1,040 weeks, still rerun as levers
 * move (the default world's bands take about 1.5 s after a lever change on a
 * 2-core machine, so the largest live run takes about four times that); anything larger waits for Run.
 */
export const LIVE_COST_MULTIPLE = 4;

export const LIVE_COST_LIMIT = LIVE_COST_MULTIPLE * DEFAULT_COST;

/** Whether Live may run `scenario` with `runs` replicates by itself. */
export function liveFits(scenario: Scenario, runs: number): boolean {
  return runCost(scenario, runs) <= LIVE_COST_LIMIT;
}

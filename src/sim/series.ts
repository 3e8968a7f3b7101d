import { ACTOR_TYPES, type ActorType } from './machines/index.ts';
import { METRICS, SLOTS, type Metric, type Slot, metricIndex, slotIndex } from './metrics.ts';

/** Values per week for one metric slot. */
export const ROW = METRICS.length * SLOTS.length;

/**
 * The output of one run. Every array is week-major, so the weeks [a, b) of a run
 * are one contiguous slice of each array (that is what a streamed chunk carries).
 */
export interface RunSeries {
  readonly weeks: number;
  /** values[week * ROW + metric * SLOTS.length + slot] */
  readonly values: Float64Array;
  /** Agents in each state at the end of each week: states[type][week * nStates + state] */
  readonly states: Record<ActorType, Float64Array>;
  /** Events that fired each week, by the state they left: [type][(week * nStates + from) * nEvents + event] */
  readonly transitions: Record<ActorType, Float64Array>;
}

/** Shape of the per-type arrays: how many states and events each actor type has. */
export type SeriesShape = Record<ActorType, { readonly states: number; readonly events: number }>;

export function allocateSeries(weeks: number, shape: SeriesShape): RunSeries {
  const states = {} as Record<ActorType, Float64Array>;
  const transitions = {} as Record<ActorType, Float64Array>;
  for (const t of ACTOR_TYPES) {
    states[t] = new Float64Array(weeks * shape[t].states);
    transitions[t] = new Float64Array(weeks * shape[t].states * shape[t].events);
  }
  return { weeks, values: new Float64Array(weeks * ROW), states, transitions };
}

/** One metric over all weeks, as a fresh array. */
export function metricSeries(series: RunSeries, metric: Metric, slot: Slot = 'total'): Float64Array {
  const out = new Float64Array(series.weeks);
  const offset = metricIndex(metric) * SLOTS.length + slotIndex(slot);
  for (let w = 0; w < series.weeks; w++) out[w] = series.values[w * ROW + offset];
  return out;
}

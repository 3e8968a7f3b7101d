import { ACTOR_TYPES, type ActorType } from './machines/index.ts';
import { METRICS, SLOTS, type Metric, type Slot, metricIndex, slotIndex } from './metrics.ts';

/**
 * The layout of a run's output, owned here alone: who allocates a series,
 * slices a chunk out of one, puts a chunk back, or reads a metric goes through
 * these functions, so no other file computes an offset.
 */

/** Values per week: every metric in every slot. */
export const ROW = METRICS.length * SLOTS.length;

/** Where (metric, slot) sits within a week's row of values. */
export function offsetOf(metric: Metric, slot: Slot = 'total'): number {
  return metricIndex(metric) * SLOTS.length + slotIndex(slot);
}

/** Week w's row of values (every metric and slot), as a view into the series. */
export function weekRow(series: Pick<RunSeries, 'values'>, w: number): Float64Array {
  return series.values.subarray(w * ROW, (w + 1) * ROW);
}

/** Weeks [fromWeek, toWeek) of replicate `run`, as week-major slices of a RunSeries. */
export interface RunChunk {
  readonly run: number;
  readonly fromWeek: number;
  readonly toWeek: number;
  readonly values: Float64Array;
  readonly states: Record<ActorType, Float64Array>;
  readonly transitions: Record<ActorType, Float64Array>;
}

/**
 * The output of one run. Every array is week-major, so the weeks [a, b) of a run
 * are one contiguous slice of each array (that is what a streamed chunk carries).
 */
export interface RunSeries {
  readonly weeks: number;
  /** ROW values per week, at week * ROW + offsetOf(metric, slot). */
  readonly values: Float64Array;
  /** Agents in each state at the end of each week: states[type][week * nStates + state] */
  readonly states: Record<ActorType, Float64Array>;
  /** Events that fired each week, by the state they left: [type][(week * nStates + from) * nEvents + event] */
  readonly transitions: Record<ActorType, Float64Array>;
}

/** Anything laid out as RunSeries.values (a run's values, or bands over replicates). */
export type WeekRows = Pick<RunSeries, 'weeks' | 'values'>;

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

/** One metric slot at one week. */
export function metricAt(series: WeekRows, metric: Metric, week: number, slot: Slot = 'total'): number {
  return series.values[week * ROW + offsetOf(metric, slot)];
}

/** One metric over its first `weeks` weeks (default all), as a fresh array. */
export function metricSeries(series: WeekRows, metric: Metric, slot: Slot = 'total', weeks = series.weeks): Float64Array {
  const out = new Float64Array(weeks);
  const offset = offsetOf(metric, slot);
  for (let w = 0; w < weeks; w++) out[w] = series.values[w * ROW + offset];
  return out;
}

const perType = (arrays: Record<ActorType, Float64Array>, weeks: number, from: number, to: number) => {
  const out = {} as Record<ActorType, Float64Array>;
  for (const t of ACTOR_TYPES) {
    const width = arrays[t].length / weeks;
    out[t] = arrays[t].slice(from * width, to * width);
  }
  return out;
};

/** Weeks [from, to) of a run's series, copied so they can be kept or transferred. */
export function sliceChunk(series: RunSeries, run: number, fromWeek: number, toWeek: number): RunChunk {
  return {
    run,
    fromWeek,
    toWeek,
    values: series.values.slice(fromWeek * ROW, toWeek * ROW),
    states: perType(series.states, series.weeks, fromWeek, toWeek),
    transitions: perType(series.transitions, series.weeks, fromWeek, toWeek),
  };
}

/**
 * Puts a streamed chunk into its run's series, at its weeks: the inverse of
 * sliceChunk, and the one place a chunk is assembled. Per-type widths come
 * from the chunk, so any series shape lines up.
 */
export function writeChunk(series: RunSeries, chunk: RunChunk): void {
  const span = chunk.toWeek - chunk.fromWeek;
  if (span <= 0 || chunk.fromWeek < 0 || chunk.toWeek > series.weeks) {
    throw new RangeError(`chunk of weeks [${chunk.fromWeek}, ${chunk.toWeek}) does not fit a series of ${series.weeks} weeks`);
  }
  const put = (into: Float64Array, from: Float64Array) => into.set(from, (from.length / span) * chunk.fromWeek);
  put(series.values, chunk.values);
  for (const t of ACTOR_TYPES) {
    put(series.states[t], chunk.states[t]);
    put(series.transitions[t], chunk.transitions[t]);
  }
}

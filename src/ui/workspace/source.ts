import { meanOfSorted, quantile } from '../../sim/stats.ts';
import { ACTOR_TYPES, type ActorType } from '../../sim/machines/index.ts';
import { metricIndex, SLOTS, slotIndex, type Metric, type Slot } from '../../sim/metrics.ts';
import type { RunChunk } from '../../sim/runner.ts';
import { ROW, type RunSeries, type SeriesShape } from '../../sim/series.ts';

/**
 * Results as the charts read them: one line (the run, or the mean over Monte
 * Carlo runs) with its 90% band, per metric and slot. Built from replicates
 * that may still be streaming in, so charts grow while a run computes.
 */

/** Replicates being filled by streamed chunks. The typed arrays are written in place. */
export interface Progressive {
  readonly weeks: number;
  /** Replicates; only the first keeps per-state counts while streaming (the flows show it). */
  readonly series: RunSeries[];
  /** Weeks received so far, per replicate. */
  readonly received: number[];
}

export function createProgressive(weeks: number, runs: number, shape: SeriesShape): Progressive {
  const series: RunSeries[] = [];
  for (let r = 0; r < runs; r++) {
    const states = {} as Record<ActorType, Float64Array>;
    const transitions = {} as Record<ActorType, Float64Array>;
    for (const t of ACTOR_TYPES) {
      states[t] = new Float64Array(weeks * shape[t].states);
      transitions[t] = new Float64Array(weeks * shape[t].states * shape[t].events);
    }
    series.push({ weeks, values: new Float64Array(weeks * ROW), states, transitions });
  }
  return { weeks, series, received: new Array<number>(runs).fill(0) };
}

/** Copies one streamed chunk into its replicate. Chunks of a run arrive in week order. */
export function applyChunk(p: Progressive, chunk: RunChunk): void {
  const s = p.series[chunk.run];
  if (!s || chunk.toWeek > p.weeks || chunk.fromWeek < 0) return;
  s.values.set(chunk.values, chunk.fromWeek * ROW);
  // Only the first replicate's agent counts are shown (actor flows); skip copying the rest.
  if (chunk.run === 0) for (const t of ACTOR_TYPES) {
    const st = chunk.states[t];
    const tr = chunk.transitions[t];
    const span = chunk.toWeek - chunk.fromWeek;
    if (st && span > 0) s.states[t].set(st, chunk.fromWeek * (st.length / span));
    if (tr && span > 0) s.transitions[t].set(tr, chunk.fromWeek * (tr.length / span));
  }
  p.received[chunk.run] = Math.max(p.received[chunk.run], chunk.toWeek);
}

/** Replaces a replicate with its final series (from the runner's resolved result). */
export function completeRun(p: Progressive, run: number, series: RunSeries): void {
  if (run < 0 || run >= p.series.length || series.weeks !== p.weeks) return;
  p.series[run] = series;
  p.received[run] = p.weeks;
}

/** A line and its band; `lower`/`upper` only with more than one replicate. */
export interface Line {
  readonly values: Float64Array;
  readonly lower?: Float64Array;
  readonly upper?: Float64Array;
}

export interface MetricSource {
  readonly weeks: number;
  readonly runs: number;
  /** Weeks with data in at least one replicate. */
  readonly knownWeeks: number;
  /** Weeks complete in every replicate. */
  readonly completeWeeks: number;
  line(metric: Metric, slot?: Slot): Line;
  /**
   * The metric in each replicate on its own (NaN for weeks a replicate has not
   * reached): what run-to-run variation of a summary statistic is read from.
   */
  replicates(metric: Metric, slot?: Slot): readonly Float64Array[];
  /** The first replicate (the one the actor flows show). */
  readonly first: RunSeries | undefined;
}

/**
 * Mean and 5th/95th percentiles (type 7, as batch.summarise) per week over the
 * replicates that have reached that week; NaN values are left out. Memoised per
 * metric and slot: build a new source when more data arrive. Without `bands`
 * only the mean is computed (no sorting): cheap enough to redraw while a Monte
 * Carlo run streams in; the band follows when every replicate is complete.
 */
export function sourceOf(p: Progressive, options: { bands?: boolean } = {}): MetricSource {
  const bands = options.bands ?? true;
  const runs = p.series.length;
  const knownWeeks = runs === 0 ? 0 : Math.max(...p.received);
  const completeWeeks = runs === 0 ? 0 : Math.min(...p.received);
  const cache = new Map<string, Line>();
  const perRun = new Map<string, readonly Float64Array[]>();
  const scratch = new Float64Array(runs);
  return {
    weeks: p.weeks,
    runs,
    knownWeeks,
    completeWeeks,
    first: p.series[0],
    line(metric: Metric, slot: Slot = 'total'): Line {
      const key = `${metric}/${slot}`;
      const hit = cache.get(key);
      if (hit) return hit;
      const offset = metricIndex(metric) * SLOTS.length + slotIndex(slot);
      const values = new Float64Array(knownWeeks).fill(Number.NaN);
      const lower = runs > 1 && bands ? new Float64Array(knownWeeks).fill(Number.NaN) : undefined;
      const upper = runs > 1 && bands ? new Float64Array(knownWeeks).fill(Number.NaN) : undefined;
      for (let w = 0; w < knownWeeks; w++) {
        let n = 0;
        let sum = 0;
        for (let r = 0; r < runs; r++) {
          if (p.received[r] <= w) continue;
          const v = p.series[r].values[w * ROW + offset];
          if (v === v) {
            scratch[n++] = v;
            sum += v;
          }
        }
        if (n === 0) continue;
        if (runs === 1) {
          values[w] = scratch[0];
          continue;
        }
        if (!lower || !upper) {
          values[w] = sum / n;
          continue;
        }
        const sorted = scratch.subarray(0, n).sort();
        values[w] = meanOfSorted(sorted, sum);
        lower[w] = quantile(sorted, 0.05);
        upper[w] = quantile(sorted, 0.95);
      }
      const line: Line = { values, lower, upper };
      cache.set(key, line);
      return line;
    },
    replicates(metric: Metric, slot: Slot = 'total'): readonly Float64Array[] {
      const key = `${metric}/${slot}`;
      const hit = perRun.get(key);
      if (hit) return hit;
      const offset = metricIndex(metric) * SLOTS.length + slotIndex(slot);
      const out = p.series.map((s, r) => {
        const a = new Float64Array(knownWeeks).fill(Number.NaN);
        const n = Math.min(knownWeeks, p.received[r]);
        for (let w = 0; w < n; w++) a[w] = s.values[w * ROW + offset];
        return a;
      });
      perRun.set(key, out);
      return out;
    },
  };
}

/** A source over finished replicates. */
export function sourceOfRuns(runs: readonly RunSeries[]): MetricSource {
  const weeks = runs[0]?.weeks ?? 0;
  return sourceOf({ weeks, series: [...runs], received: runs.map(() => weeks) });
}

/** Average of a line over all its weeks, ignoring NaN. */
export function meanOf(values: ArrayLike<number>): number {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      sum += v;
      n++;
    }
  }
  return n === 0 ? Number.NaN : sum / n;
}

/** Last finite value of a line. */
export function lastOf(values: ArrayLike<number>): number {
  for (let i = values.length - 1; i >= 0; i--) if (Number.isFinite(values[i])) return values[i];
  return Number.NaN;
}

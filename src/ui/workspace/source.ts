import { finiteMean, replicateBands, type Bands } from '../../sim/stats.ts';
import type { Metric, Slot } from '../../sim/metrics.ts';
import type { RunChunk } from '../../sim/runner.ts';
import { allocateSeries, metricSeries, offsetOf, writeChunk, type RunSeries, type SeriesShape } from '../../sim/series.ts';
import { mainThreadWork } from '../../../workers/main-thread-work.ts';

/**
 * Results as the charts read them: one line (the run, or the mean over Monte
 * Carlo runs) with its 90% band, per metric and slot. Built from replicates
 * that may still be streaming in, so charts grow while a run computes.
 */

/** Replicates being filled by streamed chunks. */
export interface Progressive {
  readonly weeks: number;
  /** Replicates: the runner's own series once their first chunk arrives (read in place as they grow). */
  readonly series: RunSeries[];
  /** Weeks received so far, per replicate. */
  readonly received: number[];
  /** The statistics over the complete replicates, from the runner (RunHooks.onBands), when it gave them. */
  bands?: Bands;
}

export function createProgressive(weeks: number, runs: number, shape: SeriesShape): Progressive {
  return { weeks, series: Array.from({ length: runs }, () => allocateSeries(weeks, shape)), received: new Array<number>(runs).fill(0) };
}

/**
 * Takes in one streamed chunk. With the runner's `series` (RunHooks.onChunk)
 * the replicate is that series, already holding the chunk: nothing is copied.
 * Without it (tests), the chunk is written into the replicate. Chunks of a run
 * arrive in week order.
 */
export function applyChunk(p: Progressive, chunk: RunChunk, series?: RunSeries): void {
  if (chunk.run < 0 || chunk.run >= p.series.length || chunk.toWeek > p.weeks || chunk.fromWeek < 0) return;
  if (series && series.weeks === p.weeks) p.series[chunk.run] = series;
  else {
    writeChunk(p.series[chunk.run], chunk);
    mainThreadWork.chunkWrites++;
  }
  p.received[chunk.run] = Math.max(p.received[chunk.run], chunk.toWeek);
}

/** Replaces a replicate with its final series (from the runner's resolved result). */
export function completeRun(p: Progressive, run: number, series: RunSeries): void {
  if (run < 0 || run >= p.series.length || series.weeks !== p.weeks) return;
  p.series[run] = series;
  p.received[run] = p.weeks;
}

/** Keeps the runner's statistics over the complete replicates (RunHooks.onBands): the charts read them as they are. */
export function completeBands(p: Progressive, bands: Bands): void {
  if (bands.weeks === p.weeks) p.bands = bands;
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
 * Mean and 5th/95th percentiles (stats.ts replicateBands, as summarise) per
 * week over the replicates that have reached that week. Once every replicate
 * is complete and the runner gave their bands, lines are read from those (no
 * statistics here). Otherwise they are computed here, memoised per metric and
 * slot (build a new source when more data arrive); without `bands` only the
 * mean (no sorting): cheap enough to redraw while a Monte Carlo run streams in.
 */
export function sourceOf(p: Progressive, options: { bands?: boolean } = {}): MetricSource {
  const bands = options.bands ?? true;
  const runs = p.series.length;
  const knownWeeks = runs === 0 ? 0 : Math.max(...p.received);
  const completeWeeks = runs === 0 ? 0 : Math.min(...p.received);
  const given = bands && completeWeeks === p.weeks ? p.bands : undefined;
  const cache = new Map<string, Line>();
  const perRun = new Map<string, readonly Float64Array[]>();
  mainThreadWork.sources++;

  function computed(metric: Metric, slot: Slot): Line {
    const quantiles = runs > 1 && bands;
    // A source before any data (a new run's) has nothing to compute.
    if (knownWeeks > 0) mainThreadWork[quantiles ? 'bandLines' : 'meanLines']++;
    const b = replicateBands(
      p.series.map((s) => s.values),
      knownWeeks,
      { columns: [offsetOf(metric, slot)], reached: p.received, quantiles },
    );
    return { values: b.mean, lower: b.p05, upper: b.p95 };
  }

  function read(b: Bands, metric: Metric, slot: Slot): Line {
    const column = (values: Float64Array | undefined) => (values && runs > 1 ? metricSeries({ weeks: b.weeks, values }, metric, slot) : undefined);
    return { values: metricSeries({ weeks: b.weeks, values: b.mean }, metric, slot), lower: column(b.p05), upper: column(b.p95) };
  }

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
      const line = given ? read(given, metric, slot) : computed(metric, slot);
      cache.set(key, line);
      return line;
    },
    replicates(metric: Metric, slot: Slot = 'total'): readonly Float64Array[] {
      const key = `${metric}/${slot}`;
      const hit = perRun.get(key);
      if (hit) return hit;
      const out = p.series.map((s, r) => {
        const a = new Float64Array(knownWeeks).fill(Number.NaN);
        a.set(metricSeries(s, metric, slot, Math.min(knownWeeks, p.received[r])));
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
  return finiteMean(values);
}

/** Last finite value of a line. */
export function lastOf(values: ArrayLike<number>): number {
  for (let i = values.length - 1; i >= 0; i--) if (Number.isFinite(values[i])) return values[i];
  return Number.NaN;
}

import { finiteMean, replicateBands, type Bands } from '../../sim/stats.ts';
import type { Metric, Slot } from '../../sim/metrics.ts';
import type { RunChunk } from '../../sim/runner.ts';
import { allocateSeries, metricSeries, offsetOf, writeChunk, type RunSeries, type SeriesShape } from '../../sim/series.ts';
import { mainThreadWork } from '../../../workers/main-thread-work.ts';

/**
 * Results as the charts read them: one line (the run, or the mean over Monte
 * Carlo runs) with its 90% band, per metric and slot. Built from replicates
 * that may still be streaming in, and honest about it (issue 10, point 4):
 * while a Monte Carlo job computes, the lines are drawn from the complete
 * replicates only (never a mean of some runs at some weeks and others at
 * other weeks); before any replicate is complete, from one replicate as it
 * streams in, week by week. `shown` says which.
 */

/**
 * Complete replicates needed before a job still computing shows a 90% band:
 * the 5th and 95th percentiles of one or two runs are only those runs. A
 * finished job shows its band whatever its number of runs (more than one).
 */
export const MIN_BAND_RUNS = 3;

/** Replicates being filled by streamed chunks. */
export interface Progressive {
  readonly weeks: number;
  /** Replicates: the runner's own series once their first chunk arrives (read in place as they grow). */
  readonly series: RunSeries[];
  /** Weeks received so far, per replicate. */
  readonly received: number[];
  /** The statistics over the complete replicates, from the runner (RunHooks.onBands), when it gave them. */
  bands?: Bands;
  /**
   * Lines over the replicates complete so far while others compute, kept
   * while that number stays the same: each is computed once per replicate
   * that completes, not once per snapshot.
   */
  partial?: { readonly complete: number; readonly lines: Map<string, Line> };
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

/**
 * Which replicates the lines are drawn from: `complete` of them (all `runs`
 * once the job is done), or, before any is complete, the one replicate
 * `streaming` (its index) as it arrives. `banded`: the lines have a band.
 */
export interface Shown {
  readonly runs: number;
  readonly streaming: number | null;
  readonly banded: boolean;
}

export interface MetricSource {
  readonly weeks: number;
  readonly runs: number;
  /** Weeks drawn: every week once a replicate is complete, else the weeks of the replicate streaming in. */
  readonly knownWeeks: number;
  /** Replicates with every week (absent: all of them; see shownIn). */
  readonly completeRuns?: number;
  /** What the lines are drawn from (absent: every replicate, complete; see shownIn). */
  readonly shown?: Shown;
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
 * Which replicates a snapshot draws: the complete ones once there is one;
 * before that the first replicate as it streams in (the lowest index with
 * data: the pool starts replicates in order, so it is run 1 from its first week).
 */
export function shownOf(p: Progressive): Shown & { readonly weeks: number } {
  const runs = p.series.length;
  const complete = p.received.filter((w) => w >= p.weeks).length;
  if (complete > 0 || runs === 0) {
    const banded = complete > 1 && (complete === runs || complete >= MIN_BAND_RUNS);
    return { runs: complete, streaming: null, banded, weeks: complete > 0 ? p.weeks : 0 };
  }
  const first = p.received.findIndex((w) => w > 0);
  return first < 0 ? { runs: 0, streaming: null, banded: false, weeks: 0 } : { runs: 1, streaming: first, banded: false, weeks: p.received[first] };
}

/**
 * Lines per week over the replicates `shown` draws (shownOf). Once every
 * replicate is complete and the runner gave their bands, lines are read from
 * those (no statistics here). Otherwise the mean (and, when `shown.banded`,
 * the 5th/95th percentiles, stats.ts replicateBands, as summarise) are
 * computed here, memoised per metric and slot: for a job still computing,
 * once per replicate that completes (Progressive.partial). `bands: false`
 * leaves out the band of a complete job that the runner has not given yet (a
 * snapshot while its statistics are computed in a worker).
 */
export function sourceOf(p: Progressive, options: { bands?: boolean } = {}): MetricSource {
  const runs = p.series.length;
  const shownNow = shownOf(p);
  const { weeks: knownWeeks, ...shown0 } = shownNow;
  const completeRuns = shown0.streaming === null ? shown0.runs : 0;
  const allDone = runs > 0 && completeRuns === runs;
  const given = allDone ? p.bands : undefined;
  const shown: Shown = allDone && !given && options.bands === false ? { ...shown0, banded: false } : shown0;
  const completeWeeks = runs === 0 ? 0 : Math.min(...p.received);
  const partial = completeRuns > 0 && !allDone;
  if (partial && p.partial?.complete !== completeRuns) p.partial = { complete: completeRuns, lines: new Map() };
  const cache = partial ? p.partial!.lines : new Map<string, Line>();
  const perRun = new Map<string, readonly Float64Array[]>();
  mainThreadWork.sources++;
  // Replicates drawn: weeks each contributes (0 leaves it out).
  const reached = p.received.map((w, r) => (shown.streaming === null ? (w >= p.weeks ? w : 0) : r === shown.streaming ? w : 0));

  function computed(metric: Metric, slot: Slot): Line {
    const quantiles = shown.banded;
    // A source before any data (a new run's) has nothing to compute.
    if (knownWeeks > 0) mainThreadWork[quantiles ? 'bandLines' : 'meanLines']++;
    const b = replicateBands(
      p.series.map((s) => s.values),
      knownWeeks,
      { columns: [offsetOf(metric, slot)], reached, quantiles },
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
    completeRuns,
    shown,
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
      const upTo = Math.max(0, ...p.received);
      const out = p.series.map((s, r) => {
        const a = new Float64Array(upTo).fill(Number.NaN);
        a.set(metricSeries(s, metric, slot, Math.min(upTo, p.received[r])));
        return a;
      });
      perRun.set(key, out);
      return out;
    },
  };
}

/** What a source's lines are drawn from; a source that does not say has every replicate complete. */
export function shownIn(source: MetricSource): Shown {
  return source.shown ?? { runs: source.runs, streaming: null, banded: source.runs > 1 };
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

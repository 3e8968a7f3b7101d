import { quantileSorted } from 'd3';
import { METRICS, SLOTS, type Metric, type Slot } from './metrics.ts';
import { metricSeries, ROW, type RunSeries } from './series.ts';

/** Statistics over replicates (pure): quantiles, means and the Monte Carlo summary of a batch. */

/** Statistics over replicates, in the order they appear in outputs. */
export const RUN_STATS = ['mean', 'p05', 'p95'] as const;
export type RunStat = (typeof RUN_STATS)[number];

/** One value per week for each statistic. NaN where no replicate had a defined value. */
export interface Band {
  readonly mean: number[];
  readonly p05: number[];
  readonly p95: number[];
}

export interface Summary {
  readonly runs: number;
  readonly weeks: number;
  /** bands[slot][metric]: the total (`total`) and every sector, whether enabled or not. */
  readonly bands: Record<Slot, Record<Metric, Band>>;
}

/**
 * Quantile `p` of ascending `sorted` values by linear interpolation between
 * order statistics (Hyndman & Fan type 7, the default of R, NumPy and d3):
 * h = (n - 1) p, q = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
 */
export function quantile(sorted: Float64Array | readonly number[], p: number): number {
  // d3's types want an Array; it only indexes, so a typed array is fine.
  return sorted.length === 0 ? NaN : (quantileSorted(sorted as number[], p) ?? NaN);
}

/**
 * The mean of sorted replicate values whose sum is `sum`. Rounding can push a
 * mean of equal values off them; it is kept inside [min, max].
 */
export function meanOfSorted(sorted: Float64Array, sum: number): number {
  const lo = sorted[0];
  const hi = sorted[sorted.length - 1];
  return lo === hi ? lo : Math.min(hi, Math.max(lo, sum / sorted.length));
}

/**
 * Statistics over replicates per week, laid out as RunSeries.values (ROW
 * columns per week) or, with `columns`, one value per week and column asked for.
 */
export interface Bands {
  readonly weeks: number;
  /** Values per week: ROW, or the number of columns asked for. */
  readonly width: number;
  readonly mean: Float64Array;
  /** Absent when only the mean was asked for. */
  readonly p05?: Float64Array;
  readonly p95?: Float64Array;
}

export interface BandOptions {
  /** Columns (offsetOf(metric, slot)) to compute, in this order; default every column, in the series layout. */
  readonly columns?: readonly number[];
  /** Weeks each replicate has reached (default all): a replicate counts only for weeks below its own. */
  readonly reached?: readonly number[];
  /** false: the plain mean only, no sorting (cheap enough while replicates stream in). */
  readonly quantiles?: boolean;
}

/**
 * Mean, 5th and 95th percentile of each column per week over replicates'
 * values (each laid out as RunSeries.values), the one loop behind summarise,
 * the charts and the workers. Values that are NaN (a share whose denominator
 * was 0) are left out; a week where every replicate is NaN gets NaN. The mean
 * is summed in run order, so it does not depend on how replicates were spread
 * over threads, and it is exact when all replicates agree.
 */
export function replicateBands(values: readonly Float64Array[], weeks: number, options: BandOptions = {}): Bands {
  const columns = options.columns ?? Array.from({ length: ROW }, (_, c) => c);
  const width = columns.length;
  const quantiles = options.quantiles ?? true;
  const reached = options.reached ?? values.map(() => weeks);
  const mean = new Float64Array(weeks * width);
  const p05 = quantiles ? new Float64Array(weeks * width) : undefined;
  const p95 = quantiles ? new Float64Array(weeks * width) : undefined;
  const scratch = new Float64Array(values.length);

  for (let w = 0; w < weeks; w++) {
    for (let k = 0; k < width; k++) {
      const at = w * ROW + columns[k];
      let n = 0;
      let sum = 0;
      for (let r = 0; r < values.length; r++) {
        if (reached[r] <= w) continue;
        const v = values[r][at];
        if (v === v) {
          scratch[n++] = v;
          sum += v;
        }
      }
      const out = w * width + k;
      if (n === 0) {
        mean[out] = NaN;
        if (p05 && p95) p05[out] = p95[out] = NaN;
      } else if (!p05 || !p95) {
        mean[out] = n === 1 ? scratch[0] : sum / n;
      } else {
        const sorted = scratch.subarray(0, n).sort();
        mean[out] = meanOfSorted(sorted, sum);
        p05[out] = quantile(sorted, 0.05);
        p95[out] = quantile(sorted, 0.95);
      }
    }
  }
  return { weeks, width, mean, p05, p95 };
}

/** Mean, 5th and 95th percentile of every metric and slot, per week, over replicates (see replicateBands). */
export function summarise(runs: readonly RunSeries[]): Summary {
  if (runs.length === 0) throw new RangeError('summarise: no runs');
  const weeks = runs[0].weeks;
  for (const r of runs) {
    if (r.weeks !== weeks || r.values.length !== weeks * ROW) {
      throw new RangeError(`summarise: runs differ in length (${r.weeks} and ${weeks} weeks)`);
    }
  }
  return summaryOf(replicateBands(runs.map((r) => r.values), weeks), runs.length);
}

/** The Summary of `runs` replicates from their bands in the series layout (as replicateBands gives by default). */
export function summaryOf(bands: Bands, runs: number): Summary {
  const { weeks, p05, p95 } = bands;
  if (bands.width !== ROW || !p05 || !p95) throw new RangeError('summaryOf: bands of every column with quantiles expected');
  const column = (values: Float64Array, metric: Metric, slot: Slot) => Array.from(metricSeries({ weeks, values }, metric, slot));
  const out = {} as Record<Slot, Record<Metric, Band>>;
  for (const slot of SLOTS) {
    const perMetric = {} as Record<Metric, Band>;
    for (const metric of METRICS) {
      perMetric[metric] = { mean: column(bands.mean, metric, slot), p05: column(p05, metric, slot), p95: column(p95, metric, slot) };
    }
    out[slot] = perMetric;
  }
  return { runs, weeks, bands: out };
}

/** Mean of the finite values of `values[from, to)`, summed in order; NaN when there are none. */
export function finiteMean(values: ArrayLike<number>, from = 0, to = values.length): number {
  let sum = 0;
  let n = 0;
  for (let i = from; i < to; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      sum += v;
      n++;
    }
  }
  return n === 0 ? Number.NaN : sum / n;
}

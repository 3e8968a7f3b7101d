import { quantileSorted } from 'd3';
import { METRICS, SLOTS, type Metric, type Slot } from './metrics.ts';
import { ROW, type RunSeries } from './series.ts';

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
 * Mean, 5th and 95th percentile of every metric and slot, per week, over
 * replicates. Values that are NaN (a share whose denominator was 0) are left
 * out; a week where every replicate is NaN gets NaN. The mean is summed in run
 * order, so it does not depend on how replicates were spread over threads, and
 * it is exact when all replicates agree.
 */
export function summarise(runs: readonly RunSeries[]): Summary {
  if (runs.length === 0) throw new RangeError('summarise: no runs');
  const weeks = runs[0].weeks;
  for (const r of runs) {
    if (r.weeks !== weeks || r.values.length !== weeks * ROW) {
      throw new RangeError(`summarise: runs differ in length (${r.weeks} and ${weeks} weeks)`);
    }
  }
  const columns = METRICS.length * SLOTS.length;
  const mean = new Float64Array(weeks * columns);
  const p05 = new Float64Array(weeks * columns);
  const p95 = new Float64Array(weeks * columns);
  const scratch = new Float64Array(runs.length);

  for (let w = 0; w < weeks; w++) {
    for (let c = 0; c < columns; c++) {
      const at = w * ROW + c;
      let n = 0;
      let sum = 0;
      for (const r of runs) {
        const v = r.values[at];
        if (v === v) {
          scratch[n++] = v;
          sum += v;
        }
      }
      const out = w * columns + c;
      if (n === 0) {
        mean[out] = p05[out] = p95[out] = NaN;
        continue;
      }
      const sorted = scratch.subarray(0, n).sort();
      mean[out] = meanOfSorted(sorted, sum);
      p05[out] = quantile(sorted, 0.05);
      p95[out] = quantile(sorted, 0.95);
    }
  }

  const bands = {} as Record<Slot, Record<Metric, Band>>;
  SLOTS.forEach((slot, s) => {
    const perMetric = {} as Record<Metric, Band>;
    METRICS.forEach((metric, m) => {
      const c = m * SLOTS.length + s;
      const pick = (src: Float64Array) => Array.from({ length: weeks }, (_, w) => src[w * columns + c]);
      perMetric[metric] = { mean: pick(mean), p05: pick(p05), p95: pick(p95) };
    });
    bands[slot] = perMetric;
  });
  return { runs: runs.length, weeks, bands };
}

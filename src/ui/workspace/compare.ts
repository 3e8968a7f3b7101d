import type { Metric } from '../../sim/metrics.ts';
import type { MetricSource } from './source.ts';

/**
 * The table of differences in the Compare view: one row per key measure, one
 * column per pinned run, each cell the run's value and its change from the
 * baseline run with the same assumptions and seed.
 */

/** `mean`: average per week over the horizon (flows); `end`: average of the last weeks (stocks). */
export type Stat = 'mean' | 'end';

export interface CompareRow {
  readonly metric: Metric;
  readonly stat: Stat;
}

export const COMPARE_ROWS: readonly CompareRow[] = [
  { metric: 'consumerDemand', stat: 'mean' },
  { metric: 'derivedDemand', stat: 'mean' },
  { metric: 'victimsInExploitation', stat: 'end' },
  { metric: 'newlyTrafficked', stat: 'mean' },
  { metric: 'reports', stat: 'mean' },
  { metric: 'victimsIdentified', stat: 'mean' },
  { metric: 'prosecutions', stat: 'mean' },
  { metric: 'convictions', stat: 'mean' },
  { metric: 'exploitingEmployers', stat: 'end' },
  { metric: 'exploitativeRecruiters', stat: 'end' },
];

/** Weeks averaged for an `end` value: a quarter, because a single week is noisy. */
export const END_WEEKS = 13;

export function statOf(values: ArrayLike<number>, stat: Stat, length = values.length): number {
  const n = Math.min(length, values.length);
  const from = stat === 'end' ? Math.max(0, n - END_WEEKS) : 0;
  let sum = 0;
  let count = 0;
  for (let i = from; i < n; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      sum += v;
      count++;
    }
  }
  return count === 0 ? Number.NaN : sum / count;
}

/** Relative change from `base` (0.1 = 10% more); NaN when the baseline is 0 and the value is not. */
export function relativeChange(value: number, base: number): number {
  if (!Number.isFinite(value) || !Number.isFinite(base)) return Number.NaN;
  if (base === 0) return value === 0 ? 0 : Number.NaN;
  return (value - base) / base;
}

export interface CompareCell {
  readonly value: number;
  readonly baseline: number;
  readonly change: number;
}

/** One cell per row for a run against its baseline. */
export function compareCells(run: MetricSource, baseline: MetricSource, rows: readonly CompareRow[] = COMPARE_ROWS): CompareCell[] {
  return rows.map(({ metric, stat }) => {
    const value = statOf(run.line(metric).values, stat, run.completeWeeks);
    const base = statOf(baseline.line(metric).values, stat, baseline.completeWeeks);
    return { value, baseline: base, change: relativeChange(value, base) };
  });
}

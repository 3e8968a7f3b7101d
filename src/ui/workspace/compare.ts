import { quantile } from '../../sim/batch.ts';
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

/** The range that holds 90% of a statistic over Monte Carlo runs (5th to 95th percentile). */
export interface Spread {
  readonly lo: number;
  readonly hi: number;
}

/** 5th and 95th percentile (type 7, as the charts' bands) of the finite values; null with fewer than two. */
export function spreadOf(values: readonly number[]): Spread | null {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length < 2) return null;
  return { lo: quantile(sorted, 0.05), hi: quantile(sorted, 0.95) };
}

/**
 * Whether a run's value may differ from the baseline's by chance alone: the
 * ranges that hold 90% of the statistic over the runs of each overlap. The
 * statistic is the one the table shows (a window average), taken in each run
 * on its own, so the spread is that of the number in the cell (a week-by-week
 * band would be wider: averaging over weeks cancels part of the noise).
 * Null when either side has a single run: its chance variation is unknown.
 */
export function withinVariation(run: readonly number[], baseline: readonly number[]): boolean | null {
  const a = spreadOf(run);
  const b = spreadOf(baseline);
  if (!a || !b) return null;
  return a.lo <= b.hi && b.lo <= a.hi;
}

export interface CompareCell {
  readonly value: number;
  readonly baseline: number;
  readonly change: number;
  /**
   * True: the difference from the baseline is within run-to-run variation
   * (shown muted); false: larger than it; null: a single run, so unknown.
   */
  readonly withinNoise: boolean | null;
}

/** The row's statistic in each replicate of a source. */
export function replicateStats(source: MetricSource, row: CompareRow): number[] {
  if (source.runs < 2) return [];
  return source.replicates(row.metric).map((values) => statOf(values, row.stat, source.completeWeeks));
}

/** One cell per row for a run against its baseline. */
export function compareCells(run: MetricSource, baseline: MetricSource, rows: readonly CompareRow[] = COMPARE_ROWS): CompareCell[] {
  return rows.map((row) => {
    const { metric, stat } = row;
    const value = statOf(run.line(metric).values, stat, run.completeWeeks);
    const base = statOf(baseline.line(metric).values, stat, baseline.completeWeeks);
    return { value, baseline: base, change: relativeChange(value, base), withinNoise: withinVariation(replicateStats(run, row), replicateStats(baseline, row)) };
  });
}

/** What the table says about chance: a legend for muted cells, a hint to use more runs, or both. */
export function varianceNotes(runsPerPin: readonly number[]): { readonly legend: boolean; readonly singleRunHint: boolean } {
  return { legend: runsPerPin.some((r) => r > 1), singleRunHint: runsPerPin.some((r) => r <= 1) };
}

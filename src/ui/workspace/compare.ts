import type { Metric } from '../../sim/metrics.ts';
import { pairedDifference } from '../../sim/paired.ts';
import { finiteMean } from '../../sim/stats.ts';
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
  return finiteMean(values, from, n);
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
  /** Relative change from the baseline: of the paired means with several runs, else of the lines. */
  readonly change: number;
  /** 90% interval of the change (paired differences); NaN with a single run or a zero baseline. */
  readonly changeLo: number;
  readonly changeHi: number;
  /**
   * True: the 90% interval of the paired difference excludes 0, so the change
   * is shown; false: it includes 0 (no clear effect); null: a single run, or
   * sides with different numbers of runs, so unknown.
   */
  readonly resolved: boolean | null;
}

/** The row's statistic in each replicate of a source. */
export function replicateStats(source: MetricSource, row: CompareRow): number[] {
  if (source.runs < 2) return [];
  return source.replicates(row.metric).map((values) => statOf(values, row.stat, source.completeWeeks));
}

/**
 * One cell per row for a run against its baseline. Replicate r of both has
 * the same seed and run index (common random numbers), so they are compared
 * as pairs (src/sim/paired.ts).
 */
export function compareCells(run: MetricSource, baseline: MetricSource, rows: readonly CompareRow[] = COMPARE_ROWS): CompareCell[] {
  return rows.map((row) => {
    const { metric, stat } = row;
    const value = statOf(run.line(metric).values, stat, run.completeWeeks);
    const base = statOf(baseline.line(metric).values, stat, baseline.completeWeeks);
    const single = { value, baseline: base, change: relativeChange(value, base), changeLo: Number.NaN, changeHi: Number.NaN, resolved: null };
    const a = replicateStats(run, row);
    const b = replicateStats(baseline, row);
    // Different numbers of runs cannot be paired; the workspace runs a pin's baseline with the pin's runs.
    if (a.length < 2 || a.length !== b.length) return single;
    const paired = pairedDifference(a, b);
    if (paired.resolved === null) return single;
    return { value, baseline: base, change: paired.change, changeLo: paired.changeLo, changeHi: paired.changeHi, resolved: paired.resolved };
  });
}

/** What the table says about chance: a legend for "no clear effect", a hint to use more runs, or both. */
export function varianceNotes(runsPerPin: readonly number[]): { readonly legend: boolean; readonly singleRunHint: boolean } {
  return { legend: runsPerPin.some((r) => r > 1), singleRunHint: runsPerPin.some((r) => r <= 1) };
}

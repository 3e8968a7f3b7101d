import { csvFormatRows } from 'd3';
import { getAtPath } from '../../scenario/path.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { METRIC_INFO, type Metric } from '../../sim/metrics.ts';
import { pairedDifference } from '../../sim/paired.ts';
import { finiteMean, quantile } from '../../sim/stats.ts';
import { changedPaths } from './describe.ts';
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

/** `same`: every run equals its baseline run; `clear`/`none`: the paired interval excludes/includes 0; `single`: unknown. */
export type Effect = 'clear' | 'none' | 'same' | 'single';

export function effectOf(cell: CompareCell): Effect {
  if (cell.change === 0 && cell.changeLo === 0 && cell.changeHi === 0) return 'same';
  return cell.resolved === null ? 'single' : cell.resolved ? 'clear' : 'none';
}

/** 5th and 95th percentiles of the row's statistic over the replicates (the charts' 90% band); NaN with fewer than 2 runs. */
export function statInterval(source: MetricSource, row: CompareRow): readonly [number, number] {
  const stats = replicateStats(source, row).filter(Number.isFinite).sort((a, b) => a - b);
  if (stats.length < 2) return [Number.NaN, Number.NaN];
  return [quantile(stats, 0.05), quantile(stats, 0.95)];
}

/** A pinned package as the comparison export reads it. */
export interface ComparedPackage {
  readonly name: string;
  readonly scenario: Scenario;
  /** The baseline it is compared with: its assumptions and seed, the baseline preset's measures. */
  readonly baselineScenario: Scenario;
  readonly runs: number;
  readonly run: MetricSource;
  readonly baseline: MetricSource;
}

/** Columns before the levers: which package. */
export const PACKAGE_COLUMNS = ['package', 'name', 'seed', 'runs', 'weeks'] as const;
/** Columns after the levers: one outcome of the package, with its intervals. */
export const OUTCOME_COLUMNS = [
  'measure', 'statistic', 'unit',
  'value', 'value_p05', 'value_p95',
  'baseline', 'baseline_p05', 'baseline_p95',
  'change', 'change_lo', 'change_hi', 'effect',
] as const;

/** The levers a package changes from its baseline: every path that differs in any package, in the order first met. */
export function leverPaths(packages: readonly ComparedPackage[]): string[] {
  const paths: string[] = [];
  for (const p of packages) for (const path of changedPaths(p.scenario, p.baselineScenario)) if (!paths.includes(path)) paths.push(path);
  return paths;
}

const num = (v: number) => (Number.isFinite(v) ? String(v) : '');
function leverText(v: unknown): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * The comparison as a tidy table (issue 10, point 3): one row per package and
 * outcome; the package's levers (each field that differs from the baseline in
 * any package, with this package's value) in columns of their own; each
 * outcome with its 90% interval over the runs, its baseline's, and the change
 * with its paired 90% interval (the numbers of the Compare table).
 */
export function comparisonTable(packages: readonly ComparedPackage[], rows: readonly CompareRow[] = COMPARE_ROWS): { header: string[]; rows: string[][] } {
  const levers = leverPaths(packages);
  const out: string[][] = [];
  packages.forEach((p, i) => {
    const cells = compareCells(p.run, p.baseline, rows);
    const head = [String(i + 1), p.name, String(p.scenario.seed), String(p.runs), String(p.scenario.weeks)];
    const leverValues = levers.map((path) => leverText(getAtPath(p.scenario, path.split('.'))));
    rows.forEach((row, r) => {
      const c = cells[r];
      const info = METRIC_INFO[row.metric];
      const [lo, hi] = statInterval(p.run, row);
      const [blo, bhi] = statInterval(p.baseline, row);
      out.push([
        ...head, ...leverValues,
        row.metric, row.stat === 'mean' ? 'mean per week' : `mean of last ${END_WEEKS} weeks`, info.per ? `${info.unit} per ${info.per}` : info.unit,
        num(c.value), num(lo), num(hi),
        num(c.baseline), num(blo), num(bhi),
        num(c.change), num(c.changeLo), num(c.changeHi), effectOf(c),
      ]);
    });
  });
  return { header: [...PACKAGE_COLUMNS, ...levers, ...OUTCOME_COLUMNS], rows: out };
}

/** The comparison table as CSV (RFC 4180 quoting by d3-dsv), with a final newline. */
export function comparisonCsv(packages: readonly ComparedPackage[]): string {
  const t = comparisonTable(packages);
  return `${csvFormatRows([t.header, ...t.rows])}\n`;
}

import { csvFormatRows } from 'd3';
import type { Metric, Slot } from './metrics.ts';
import { PAIRED_LEVEL, pairedDifference } from './paired.ts';
import { metricSeries, type RunSeries } from './series.ts';
import { finiteMean } from './stats.ts';

/**
 * A scenario against a baseline run with the same seed, runs and weeks: one
 * statistic per replicate (the mean over a window of weeks), compared as
 * paired differences (src/sim/paired.ts). Pure; the CLI writes it out.
 */

/** The measures compared, in output order. */
export const HEADLINE_METRICS = [
  'consumerDemand',
  'derivedDemand',
  'victimsInExploitation',
  'newlyTrafficked',
  'reports',
  'victimsIdentified',
  'exploitingEmployers',
  'exploitativeRecruiters',
] as const satisfies readonly Metric[];
export type HeadlineMetric = (typeof HEADLINE_METRICS)[number];

/**
 * Weeks averaged in each replicate: from index 52 (week 53 counted from 1) to
 * the end, so the first year, while stocks settle from their initial values
 * and campaigns ramp up, does not dilute the effect. Runs shorter than
 * `minWeeks` (two years) would keep too few weeks: all their weeks count.
 */
export const COMPARISON_WINDOW = { fromWeek: 52, minWeeks: 104 } as const;

/** The weeks [fromWeek, toWeek) averaged in a run of `weeks` weeks (numbered from 0). */
export function comparisonWindow(weeks: number): { readonly fromWeek: number; readonly toWeek: number } {
  return { fromWeek: weeks < COMPARISON_WINDOW.minWeeks ? 0 : COMPARISON_WINDOW.fromWeek, toWeek: weeks };
}

/** Per metric, the mean over the window of each replicate, in run order. NaN weeks are left out. */
export function windowStats(runs: readonly RunSeries[], metrics: readonly Metric[], slot: Slot = 'total'): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const metric of metrics) {
    out[metric] = runs.map((run) => {
      const { fromWeek, toWeek } = comparisonWindow(run.weeks);
      return finiteMean(metricSeries(run, metric, slot), fromWeek, toWeek);
    });
  }
  return out;
}

/** `down`/`up`: the 90% interval of the paired difference excludes 0; `unknown`: a single run. */
export const EFFECTS = ['down', 'up', 'no clear effect', 'unknown'] as const;
export type Effect = (typeof EFFECTS)[number];

export interface ComparisonMetric {
  /** Means over the replicates of the per-replicate statistic. */
  readonly scenario: number;
  readonly baseline: number;
  /** Mean paired difference (scenario minus baseline) and its 90% interval. */
  readonly difference: number;
  readonly differenceLo: number;
  readonly differenceHi: number;
  /** difference / baseline, and the interval likewise (NaN from a zero baseline). */
  readonly change: number;
  readonly changeLo: number;
  readonly changeHi: number;
  readonly effect: Effect;
}

export interface Comparison {
  readonly baseline: { readonly name: string; readonly hash: string };
  readonly sector: Slot;
  /** The window averaged in each replicate, weeks numbered from 0: fromWeek <= week < toWeek. */
  readonly fromWeek: number;
  readonly toWeek: number;
  /** Coverage of the intervals. */
  readonly level: number;
  readonly metrics: Record<HeadlineMetric, ComparisonMetric>;
}

export function effectOf(resolved: boolean | null, difference: number): Effect {
  if (resolved === null) return 'unknown';
  if (!resolved) return 'no clear effect';
  return difference < 0 ? 'down' : 'up';
}

/** Compares per-replicate statistics of a scenario and its baseline (from windowStats), metric by metric. */
export function compareStats(
  scenario: Readonly<Record<string, readonly number[]>>,
  baseline: Readonly<Record<string, readonly number[]>>,
  meta: { readonly baseline: { readonly name: string; readonly hash: string }; readonly weeks: number },
): Comparison {
  const metrics = {} as Record<HeadlineMetric, ComparisonMetric>;
  for (const metric of HEADLINE_METRICS) {
    const p = pairedDifference(scenario[metric], baseline[metric]);
    metrics[metric] = {
      scenario: p.scenarioMean,
      baseline: p.baselineMean,
      difference: p.meanDiff,
      differenceLo: p.lo,
      differenceHi: p.hi,
      change: p.change,
      changeLo: p.changeLo,
      changeHi: p.changeHi,
      effect: effectOf(p.resolved, p.meanDiff),
    };
  }
  return { baseline: meta.baseline, sector: 'total', ...comparisonWindow(meta.weeks), level: PAIRED_LEVEL, metrics };
}

/** Header of the comparison CSV. */
export const COMPARISON_CSV_COLUMNS = [
  'metric', 'sector', 'from_week', 'to_week', 'scenario_mean', 'baseline_mean',
  'difference', 'difference_lo', 'difference_hi', 'change', 'change_lo', 'change_hi', 'effect',
] as const;

const num = (v: number) => (Number.isFinite(v) ? String(v) : '');

/** The comparison as CSV: one row per headline metric, numbers in shortest round-trip form, empty when undefined. */
export function comparisonCSV(c: Comparison): string {
  const rows = HEADLINE_METRICS.map((metric) => {
    const m = c.metrics[metric];
    return [metric, c.sector, String(c.fromWeek), String(c.toWeek), ...[m.scenario, m.baseline, m.difference, m.differenceLo, m.differenceHi, m.change, m.changeLo, m.changeHi].map(num), m.effect];
  });
  return csvFormatRows([[...COMPARISON_CSV_COLUMNS], ...rows]) + '\n';
}

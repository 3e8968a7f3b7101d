import { prepareLine } from '../../charts/prepare.ts';
import { meanOf } from '../workspace/source.ts';
import type { Metric, Slot } from '../../sim/metrics.ts';
import { isFlow } from '../../sim/metrics.ts';
import { unitText as unitOf } from '../messages/units.ts';
import type { MetricSource } from '../workspace/source.ts';
import type { ChartLine } from './types.ts';

/** Weeks averaged for the smoothed view of weekly flows (the default: a quarter). */
export const SMOOTH_WEEKS = 13;
export const SMOOTH_OPTIONS = [1, 4, 13] as const;


export interface SeriesSpec {
  readonly metric: Metric;
  readonly slot?: Slot;
  readonly label: string;
  readonly colour: string;
  readonly dashed?: boolean;
}

/**
 * The baseline is drawn, and is the index's reference, only once it covers
 * every week the run's line does: a baseline still computing would put 100 at
 * the average of its first weeks and lift the whole index (issue 10, point 4).
 */
export function baselineReady(run: MetricSource | null, baseline: MetricSource | null): baseline is MetricSource {
  return !!baseline && baseline.knownWeeks > 0 && baseline.knownWeeks >= (run?.knownWeeks ?? 0);
}

/**
 * Chart lines for the current run (line + band) with the baseline as ghost
 * (once baselineReady; until then the index's reference is the run itself).
 * `index`: both as an index where 100 = the baseline's average over the run
 * (the same reference for run and ghost, so they compare; an average rather
 * than week 0 because the model starts with a warm-up).
 */
export function chartLines(
  specs: readonly SeriesSpec[],
  run: MetricSource | null,
  baseline: MetricSource | null,
  options: { smooth: number; index?: boolean },
): ChartLine[] {
  const base = baselineReady(run, baseline) ? baseline : null;
  return specs.map((s) => {
    const slot = s.slot ?? 'total';
    const smooth = isFlow(s.metric) ? Math.max(1, options.smooth) : 1;
    const raw = run?.line(s.metric, slot);
    const ghostRaw = base?.line(s.metric, slot);
    const refSource = ghostRaw && ghostRaw.values.length > 0 ? ghostRaw.values : raw?.values;
    const indexTo = options.index ? meanOf(refSource ?? []) : undefined;
    const main = raw ? prepareLine(raw, { smooth, indexTo }) : { values: new Float64Array(0) };
    const ghost = ghostRaw ? prepareLine({ values: ghostRaw.values }, { smooth, indexTo }).values : undefined;
    // An index hides the size of what it measures: the hover card gives it back (index × reference / 100).
    const absolute = indexTo !== undefined && Number.isFinite(indexTo) && indexTo !== 0 ? { per: indexTo / 100, unit: unitOf(s.metric) } : undefined;
    return { key: `${s.metric}/${slot}`, label: s.label, colour: s.colour, dashed: s.dashed, ...main, ghost, absolute };
  });
}

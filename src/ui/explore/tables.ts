import { csvFormat } from 'd3';
import type { Attribution, ExperimentSummary, Frontier, Morris, RobustnessRow, SecondOrderBands, Tornado } from '../../experiment/types.ts';
import type { HeadlineMetric } from '../../sim/comparison.ts';
import { unitText as unitOf } from '../messages/units.ts';
import { i18n } from '../messages/index.ts';
import { labelOf } from '../workspace/describe.ts';

/**
 * The tables of the Explore panels, one row per bar or point drawn: the
 * HTML table shows them and the CSV export writes the same rows (d3
 * csvFormat), so what is downloaded is what is drawn.
 */

export type Row = Record<string, string | number>;

/**
 * An assumption's name in Explore: the drawer's label, or for a sector's (or
 * regime's) field the sector and key, since one key (e.g. `workers`) occurs in each.
 */
export function inputLabel(path: string): string {
  const steps = path.split('.');
  if (steps[0] !== 'assumptions' || steps.length < 4) return labelOf(path);
  const middle = steps.slice(2, -1).map((s) => i18n.tk(`sector.${s}`, s));
  return `${middle.join(' · ')} · ${steps[steps.length - 1]}`;
}

export const metricLabel = (m: HeadlineMetric): string => i18n.tk(`metric.${m}`, m);
export const metricUnit = (m: HeadlineMetric): string => unitOf(m);

/** One row per week (weeks numbered from 1): the mean and the three 90% bands. */
export function secondOrderRows(b: SecondOrderBands): Row[] {
  return b.mean.map((mean, i) => ({
    week: i + 1,
    outcome: b.outcome,
    mean,
    assumptions_p05: b.assumptions.p05[i],
    assumptions_p95: b.assumptions.p95[i],
    chance_p05: b.chance.p05[i],
    chance_p95: b.chance.p95[i],
    total_p05: b.total.p05[i],
    total_p95: b.total.p95[i],
  }));
}

export function tornadoRows(t: Tornado): Row[] {
  return t.bars.map((b) => ({
    assumption: inputLabel(b.path),
    path: b.path,
    low_value: b.lowValue,
    high_value: b.highValue,
    outcome: t.outcome,
    base: t.base,
    outcome_at_low: b.low,
    outcome_at_high: b.high,
    swing: b.swing,
  }));
}

export function morrisRows(m: Morris): Row[] {
  return m.entries.map((e) => ({ assumption: inputLabel(e.path), path: e.path, outcome: m.outcome, mu_star: e.muStar, mu: e.mu, sigma: e.sigma, effects: e.effects }));
}

/** The waterfall's steps in order: baseline, each measure alone, interaction, package (with the running total). */
export interface WaterfallStep {
  readonly key: string;
  readonly label: string;
  readonly kind: 'level' | 'change';
  /** Where the bar starts and ends on the outcome's axis. */
  readonly from: number;
  readonly to: number;
  /** 90% interval of the change (changes), placed at the bar's end. */
  readonly p05?: number;
  readonly p95?: number;
}

export function waterfallSteps(a: Attribution): WaterfallStep[] {
  const out: WaterfallStep[] = [{ key: 'baseline', label: i18n.t('explore.attribution.baseline'), kind: 'level', from: 0, to: a.baseline }];
  let at = a.baseline;
  for (const s of a.steps) {
    out.push({ key: s.measure, label: labelOf(s.measure), kind: 'change', from: at, to: at + s.alone.mean, p05: s.alone.p05, p95: s.alone.p95 });
    at += s.alone.mean;
  }
  out.push({ key: 'interaction', label: i18n.t('explore.attribution.interaction'), kind: 'change', from: at, to: at + a.interaction.mean, p05: a.interaction.p05, p95: a.interaction.p95 });
  out.push({ key: 'package', label: i18n.t('explore.attribution.package'), kind: 'level', from: 0, to: a.package, p05: a.baseline + a.total.p05, p95: a.baseline + a.total.p95 });
  return out;
}

export function attributionRows(a: Attribution): Row[] {
  return waterfallSteps(a).map((s) => ({
    step: s.label,
    key: s.key,
    outcome: a.outcome,
    value: s.kind === 'level' ? s.to : s.to - s.from,
    kind: s.kind,
    p05: s.kind === 'change' ? (s.p05 ?? '') : s.key === 'package' ? a.total.p05 : '',
    p95: s.kind === 'change' ? (s.p95 ?? '') : s.key === 'package' ? a.total.p95 : '',
  }));
}

export function robustnessRows(rows: readonly RobustnessRow[]): Row[] {
  return rows.map((r) => ({
    package: r.package,
    outcome: r.outcome,
    better: r.better,
    draws: r.draws,
    wins: r.wins,
    difference_mean: r.difference.mean,
    difference_p05: r.difference.p05,
    difference_p95: r.difference.p95,
    side_effect: r.sideEffect ? 'yes' : 'no',
  }));
}

export function frontierRows(f: Frontier): Row[] {
  return f.points.map((p) => ({ package: p.label, [`change_${f.x.outcome}`]: p.x, [`change_${f.y.outcome}`]: p.y, dominated: p.dominated ? 'yes' : 'no' }));
}

export function pointRows(s: ExperimentSummary): Row[] {
  const out: Row[] = [];
  for (const p of s.pointOutcomes) {
    for (const [outcome, bySlot] of Object.entries(p.outcomes)) {
      for (const [slot, sp] of Object.entries(bySlot)) {
        out.push({ point: p.index, values: JSON.stringify(p.values), outcome, sector: slot, mean: sp.mean, p05: sp.p05, p95: sp.p95 });
      }
    }
  }
  return out;
}

export const toCSV = (rows: readonly Row[]): string => csvFormat(rows as Row[]);

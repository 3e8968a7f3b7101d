import { csvFormatRows } from 'd3';
import { canonicalStringify, scenarioHash } from '../scenario/hash.ts';
import { windowStats } from '../sim/comparison.ts';
import { metricSeries, type RunSeries } from '../sim/series.ts';
import type {
  Attribution,
  Experiment,
  ExperimentPoint,
  ExperimentSummary,
  Frontier,
  Morris,
  PointRecord,
  PointRole,
  RobustnessRow,
  SecondOrderBands,
  Spread,
  Tornado,
} from './types.ts';

/**
 * What an experiment leaves on disk, as pure text: the record of one point
 * (from its runs), the tidy weekly CSV (written point by point, so a large
 * experiment never sits in memory), the per-run outcomes CSV and summary.json.
 * Every number is printed in its shortest round-trip form, so the same input
 * gives the same bytes on any machine and in any shard.
 */

/** The record of one point from its replicates' series (in run order). */
export function recordOf(point: ExperimentPoint, experiment: Experiment, runs: readonly RunSeries[]): PointRecord {
  if (runs.length !== experiment.replicates) {
    throw new RangeError(`recordOf: point ${point.index} has ${runs.length} runs, the experiment asks for ${experiment.replicates}`);
  }
  const weeks = runs[0].weeks;
  if (runs.some((r) => r.weeks !== weeks)) throw new RangeError(`recordOf: the runs of point ${point.index} differ in length`);
  const outcomes: Record<string, Record<string, number[]>> = {};
  const weekly: Record<string, Record<string, number[][]>> = {};
  for (const outcome of experiment.outcomes) {
    outcomes[outcome] = {};
    weekly[outcome] = {};
    for (const slot of experiment.slots) {
      outcomes[outcome][slot] = windowStats(runs, [outcome], slot)[outcome];
      if (experiment.series === 'weekly') weekly[outcome][slot] = runs.map((run) => Array.from(metricSeries(run, outcome, slot)));
    }
  }
  return {
    index: point.index,
    scenarioHash: scenarioHash(point.scenario),
    seed: experiment.seed,
    replicates: runs.length,
    weeks,
    outcomes,
    ...(experiment.series === 'weekly' ? { weekly } : {}),
  };
}

// ---- CSV ----

/** The columns every CSV row starts with, before the varied paths. */
export const LEADING_COLUMNS = ['point', 'replicate', 'run', 'seed', 'scenario_hash', 'role', 'label'] as const;
export const TIDY_TRAILING_COLUMNS = ['week', 'metric', 'sector', 'value'] as const;
export const OUTCOME_TRAILING_COLUMNS = ['outcome', 'sector', 'value'] as const;

// tidyRows is called once per point with the same points: the union is computed once per array.
const variedCache = new WeakMap<readonly ExperimentPoint[], readonly string[]>();

/** Every path some point sets, in order of first appearance over the points: the CSVs' varied columns. */
export function variedPaths(points: readonly ExperimentPoint[]): readonly string[] {
  const cached = variedCache.get(points);
  if (cached) return cached;
  const seen = new Set<string>();
  for (const p of points) for (const key of Object.keys(p.values)) seen.add(key);
  const out = [...seen];
  variedCache.set(points, out);
  return out;
}

/** The label column: what names the point within its role (empty when nothing does). */
export function roleLabel(role: PointRole): string {
  switch (role.kind) {
    case 'list':
      return role.label;
    case 'robustness':
      return role.package ?? '';
    case 'oat':
      return role.path;
    case 'morris':
      return role.path ?? '';
    case 'attribution':
      return role.measure === undefined ? role.set : `${role.set} ${role.measure}`;
    default:
      return '';
  }
}

/** Shortest round-trip form; NaN, infinities and undefined as an empty cell. */
const num = (n: number | null | undefined): string => (typeof n === 'number' && Number.isFinite(n) ? String(n) : '');

/** A varied value as a cell: numbers as num, strings as they are, anything else as canonical JSON. */
function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return num(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  return canonicalStringify(v);
}

const line = (rows: string[][]): string => (rows.length === 0 ? '' : csvFormatRows(rows) + '\n');

function pointOf(points: readonly ExperimentPoint[], record: PointRecord): ExperimentPoint {
  const point = points[record.index];
  if (!point || point.index !== record.index) throw new Error(`no point ${record.index} for its record`);
  return point;
}

/** The leading and varied cells of replicate r of a point. */
function runCells(experiment: Experiment, paths: readonly string[], point: ExperimentPoint, record: PointRecord, r: number): string[] {
  return [
    String(point.index),
    String(r),
    String(point.index * experiment.replicates + r),
    String(record.seed),
    record.scenarioHash,
    point.role.kind,
    roleLabel(point.role),
    ...paths.map((p) => cell(point.values[p])),
  ];
}

/** The tidy weekly CSV's header line (with its newline). */
export function tidyHeader(_experiment: Experiment, points: readonly ExperimentPoint[]): string {
  return line([[...LEADING_COLUMNS, ...variedPaths(points), ...TIDY_TRAILING_COLUMNS]]);
}

/**
 * The tidy CSV's lines of one point (each with its newline): replicate, then
 * week (from 1), then outcome, then sector. '' when the experiment keeps only
 * the outcomes. The file is tidyHeader + tidyRows of every point in order.
 */
export function tidyRows(experiment: Experiment, points: readonly ExperimentPoint[], record: PointRecord): string {
  if (experiment.series !== 'weekly') return '';
  const weekly = record.weekly;
  if (!weekly) throw new Error(`the record of point ${record.index} has no weekly values`);
  const point = pointOf(points, record);
  const paths = variedPaths(points);
  const rows: string[][] = [];
  for (let r = 0; r < record.replicates; r++) {
    const lead = runCells(experiment, paths, point, record, r);
    for (let w = 0; w < record.weeks; w++) {
      for (const outcome of experiment.outcomes) {
        for (const slot of experiment.slots) {
          const series = weekly[outcome]?.[slot]?.[r];
          if (!series) throw new Error(`the record of point ${record.index} has no weekly ${outcome} (${slot}) for replicate ${r}`);
          rows.push([...lead, String(w + 1), outcome, slot, num(series[w])]);
        }
      }
    }
  }
  return line(rows);
}

/** Per run, outcome and sector, the comparison window's mean: header and rows, points in order. */
export function outcomesCSV(experiment: Experiment, points: readonly ExperimentPoint[], records: readonly (PointRecord | undefined)[]): string {
  const paths = variedPaths(points);
  const rows: string[][] = [[...LEADING_COLUMNS, ...paths, ...OUTCOME_TRAILING_COLUMNS]];
  points.forEach((point, i) => {
    const record = records[i];
    if (!record || record.index !== point.index) throw new Error(`outcomesCSV: no record for point ${point.index}`);
    for (let r = 0; r < record.replicates; r++) {
      const lead = runCells(experiment, paths, point, record, r);
      for (const outcome of experiment.outcomes) {
        for (const slot of experiment.slots) {
          const values = record.outcomes[outcome]?.[slot];
          if (!values) throw new Error(`the record of point ${record.index} has no ${outcome} (${slot})`);
          rows.push([...lead, outcome, slot, num(values[r])]);
        }
      }
    }
  });
  return line(rows);
}

// ---- summary.json ----

// Each result rebuilt with its keys in the order of types.ts, so a summary read
// back from a file (a merge) prints the same bytes as one built in memory.
const spreadOut = (s: Spread) => ({ mean: s.mean, p05: s.p05, p95: s.p95 });
const band = (b: { readonly p05: readonly number[]; readonly p95: readonly number[] }) => ({ p05: [...b.p05], p95: [...b.p95] });
const mapOut = <T, U>(m: Readonly<Record<string, T>>, f: (v: T) => U): Record<string, U> =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [k, f(v)]));

const secondOrderOut = (s: SecondOrderBands) => ({
  outcome: s.outcome,
  slot: s.slot,
  mean: [...s.mean],
  assumptions: band(s.assumptions),
  chance: band(s.chance),
  total: band(s.total),
  varianceShare: { assumptions: s.varianceShare.assumptions, chance: s.varianceShare.chance },
});
const tornadoOut = (t: Tornado) => ({
  outcome: t.outcome,
  slot: t.slot,
  base: t.base,
  bars: t.bars.map((b) => ({ path: b.path, lowValue: b.lowValue, highValue: b.highValue, low: b.low, high: b.high, swing: b.swing })),
});
const morrisOut = (m: Morris) => ({
  outcome: m.outcome,
  slot: m.slot,
  entries: m.entries.map((e) => ({ path: e.path, mu: e.mu, muStar: e.muStar, sigma: e.sigma, effects: e.effects })),
});
const attributionOut = (a: Attribution) => ({
  outcome: a.outcome,
  slot: a.slot,
  baseline: a.baseline,
  package: a.package,
  total: spreadOut(a.total),
  steps: a.steps.map((s) => ({ measure: s.measure, alone: spreadOut(s.alone), marginal: spreadOut(s.marginal) })),
  interaction: spreadOut(a.interaction),
});
const robustnessOut = (r: RobustnessRow) => ({
  package: r.package,
  outcome: r.outcome,
  slot: r.slot,
  better: r.better,
  draws: r.draws,
  wins: r.wins,
  difference: spreadOut(r.difference),
  sideEffect: r.sideEffect,
});
const frontierOut = (f: Frontier) => ({
  x: { outcome: f.x.outcome, better: f.x.better },
  y: { outcome: f.y.outcome, better: f.y.better },
  points: f.points.map((p) => ({ label: p.label, x: p.x, y: p.y, dominated: p.dominated })),
});

/**
 * summary.json: 2-space indent, a trailing newline, keys in a fixed order,
 * analyses absent from the summary left out. Numbers as JSON prints them
 * (NaN and infinities as null). Same summary, same bytes.
 */
export function summaryJSON(summary: ExperimentSummary): string {
  const out = {
    name: summary.name,
    experimentHash: summary.experimentHash,
    design: summary.design,
    points: summary.points,
    replicates: summary.replicates,
    weeks: summary.weeks,
    pointOutcomes: summary.pointOutcomes.map((p) => ({
      index: p.index,
      values: p.values,
      outcomes: mapOut(p.outcomes, (slots) => mapOut(slots, spreadOut)),
    })),
    secondOrder: summary.secondOrder?.map(secondOrderOut),
    tornado: summary.tornado?.map(tornadoOut),
    morris: summary.morris?.map(morrisOut),
    attribution: summary.attribution?.map(attributionOut),
    robustness: summary.robustness?.map(robustnessOut),
    frontier: summary.frontier && frontierOut(summary.frontier),
  };
  return JSON.stringify(out, null, 2) + '\n';
}

import type { HeadlineMetric } from '../sim/comparison.ts';
import type { Slot } from '../sim/metrics.ts';
import { quantile } from '../sim/stats.ts';
import { canonicalStringify } from '../scenario/hash.ts';
import type {
  Attribution,
  AttributionStep,
  Experiment,
  ExperimentPoint,
  ExperimentSummary,
  Frontier,
  FrontierPoint,
  Morris,
  MorrisEntry,
  OutcomeGoal,
  PointRecord,
  PointRole,
  RobustnessRow,
  SecondOrderBands,
  Spread,
  Tornado,
  TornadoBar,
} from './types.ts';

/**
 * The analyses of an experiment's records (pure and deterministic: the same
 * records in the same order give the same numbers). Every statistic reads a
 * point's role, never its position. A replicate's value is the comparison
 * window's mean of one outcome in one slot (PointRecord.outcomes); values that
 * are not finite numbers (NaN, or null from a JSON file) are left out.
 */

/**
 * Which way each outcome counts as better: less demand, exploitation and
 * exploiters; more reports and identifications (the workbench's reading: a
 * measure that makes victims visible is wanted, even though the counts rise).
 */
export const OUTCOME_BETTER: Readonly<Record<HeadlineMetric, 'lower' | 'higher'>> = {
  consumerDemand: 'lower',
  derivedDemand: 'lower',
  victimsInExploitation: 'lower',
  newlyTrafficked: 'lower',
  reports: 'higher',
  victimsIdentified: 'higher',
  exploitingEmployers: 'lower',
  exploitativeRecruiters: 'lower',
};

/** A stored value as a number: anything else (null from JSON, a missing replicate) is NaN. */
const val = (x: unknown): number => (typeof x === 'number' ? x : Number.NaN);

const finite = (values: readonly unknown[]): number[] => values.map(val).filter(Number.isFinite);

function meanOf(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length === 0 ? Number.NaN : sum / values.length;
}

/** Mean of the finite values (NaN when there are none). */
export function finiteMeanOf(values: readonly unknown[]): number {
  return meanOf(finite(values));
}

/** Quantile (type 7) of the finite values. */
function quantileOf(values: readonly number[], p: number): number {
  return quantile(Float64Array.from(values).sort(), p);
}

/** Mean, 5th and 95th percentile of the finite values (all NaN when there are none). */
export function spread(values: readonly number[]): Spread {
  const xs = finite(values);
  const sorted = Float64Array.from(xs).sort();
  return { mean: meanOf(xs), p05: quantile(sorted, 0.05), p95: quantile(sorted, 0.95) };
}

/** Population variance of the finite values (0 for one value, NaN for none). */
function variance(values: readonly number[]): number {
  const m = meanOf(values);
  let sum = 0;
  for (const v of values) sum += (v - m) * (v - m);
  return values.length === 0 ? Number.NaN : sum / values.length;
}

/** Sample standard deviation (n − 1), 0 for a single value. */
function sampleSd(values: readonly number[]): number {
  if (values.length < 2) return values.length === 1 ? 0 : Number.NaN;
  const m = meanOf(values);
  let sum = 0;
  for (const v of values) sum += (v - m) * (v - m);
  return Math.sqrt(sum / (values.length - 1));
}

/** A point with its record, matched by index (what the analyses below read). */
export interface Run {
  readonly point: ExperimentPoint;
  readonly record: PointRecord;
}

type Cell = { readonly outcome: HeadlineMetric; readonly slot: Slot };

/** Each replicate's window mean of one outcome and slot (a clear error when the record lacks it). */
function replicatesOf(record: PointRecord, { outcome, slot }: Cell): readonly number[] {
  const values = record.outcomes[outcome]?.[slot];
  if (!values) throw new Error(`the record of point ${record.index} has no ${outcome} (${slot})`);
  return values.map(val);
}

/** Mean over replicates of the window mean. */
const pointMean = (record: PointRecord, c: Cell): number => finiteMeanOf(replicatesOf(record, c));

/** Paired differences a_r − b_r over the replicates both have (non-finite pairs give NaN, left out downstream). */
function paired(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.min(a.length, b.length);
  return Array.from({ length: n }, (_, r) => a[r] - b[r]);
}

function cellsOf(experiment: Experiment): Cell[] {
  return experiment.outcomes.flatMap((outcome) => experiment.slots.map((slot) => ({ outcome, slot })));
}

function withRole<K extends PointRole['kind']>(runs: readonly Run[], kind: K): { point: ExperimentPoint; record: PointRecord; role: Extract<PointRole, { kind: K }> }[] {
  return runs.filter((r) => r.point.role.kind === kind).map((r) => ({ ...r, role: r.point.role as Extract<PointRole, { kind: K }> }));
}

/** Keys in order of first appearance. */
function uniqueInOrder<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

const byWidthThenPath = (a: { key: number; path: string }, b: { key: number; path: string }): number => {
  const ka = Number.isNaN(a.key) ? -Infinity : a.key;
  const kb = Number.isNaN(b.key) ? -Infinity : b.key;
  if (ka !== kb) return kb - ka;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
};

// ---- second-order Monte Carlo ----

/**
 * Second-order bands of every outcome and slot from the draw points. A draw
 * is one assumption set; its replicates differ only by chance. Weekly bands
 * need the records' weekly values; without them the weekly arrays are empty
 * and only varianceShare is given.
 *
 * varianceShare splits the window mean's variance by the law of total
 * variance: Var(Y) = Var(E[Y | draw]) + E[Var(Y | draw)], both as population
 * variances (between draws, and within each draw averaged over draws). When
 * the total is 0 (every run equal) there is nothing to split: both shares are 0.
 */
export function secondOrderBands(experiment: Experiment, runs: readonly Run[]): SecondOrderBands[] {
  const draws = groupDraws(withRole(runs, 'draw'));
  const weekly = draws.length > 0 && draws.every((d) => d.every((run) => run.record.weekly !== undefined));
  return cellsOf(experiment).map((c) => {
    const perDraw = draws.map((d) => d.flatMap((run) => finite(replicatesOf(run.record, c))));
    const nonEmpty = perDraw.filter((v) => v.length > 0);
    const between = variance(nonEmpty.map(meanOf));
    const within = meanOf(nonEmpty.map(variance));
    const total = between + within;
    const varianceShare = total > 0 ? { assumptions: between / total, chance: within / total } : { assumptions: 0, chance: 0 };
    const bands = weekly ? weeklyBands(draws, c, experiment.weeks) : emptyBands();
    return { outcome: c.outcome, slot: c.slot, ...bands, varianceShare };
  });
}

/** Draw points grouped by draw number, draws in order of first appearance. */
function groupDraws(runs: readonly (Run & { role: Extract<PointRole, { kind: 'draw' }> })[]): Run[][] {
  const byDraw = new Map<number, Run[]>();
  for (const r of runs) {
    const group = byDraw.get(r.role.draw) ?? [];
    group.push(r);
    byDraw.set(r.role.draw, group);
  }
  return [...byDraw.values()];
}

function emptyBands(): Pick<SecondOrderBands, 'mean' | 'assumptions' | 'chance' | 'total'> {
  return { mean: [], assumptions: { p05: [], p95: [] }, chance: { p05: [], p95: [] }, total: { p05: [], p95: [] } };
}

function weeklyBands(draws: readonly Run[][], { outcome, slot }: Cell, weeks: number): Pick<SecondOrderBands, 'mean' | 'assumptions' | 'chance' | 'total'> {
  // Per draw, every replicate's weekly series.
  const series = draws.map((d) =>
    d.flatMap((run) => {
      const reps = run.record.weekly?.[outcome]?.[slot];
      if (!reps) throw new Error(`the record of point ${run.record.index} has no weekly ${outcome} (${slot})`);
      return reps;
    }),
  );
  const out = { mean: [] as number[], assumptions: { p05: [] as number[], p95: [] as number[] }, chance: { p05: [] as number[], p95: [] as number[] }, total: { p05: [] as number[], p95: [] as number[] } };
  for (let w = 0; w < weeks; w++) {
    const all: number[] = [];
    const drawMeans: number[] = [];
    const residuals: number[] = [];
    for (const reps of series) {
      const values = finite(reps.map((s) => s[w]));
      if (values.length === 0) continue;
      const m = meanOf(values);
      drawMeans.push(m);
      for (const v of values) {
        all.push(v);
        residuals.push(v - m);
      }
    }
    const mean = meanOf(all);
    out.mean.push(mean);
    out.assumptions.p05.push(quantileOf(drawMeans, 0.05));
    out.assumptions.p95.push(quantileOf(drawMeans, 0.95));
    out.chance.p05.push(mean + quantileOf(residuals, 0.05));
    out.chance.p95.push(mean + quantileOf(residuals, 0.95));
    out.total.p05.push(quantileOf(all, 0.05));
    out.total.p95.push(quantileOf(all, 0.95));
  }
  return out;
}

// ---- one at a time ----

/**
 * Tornado of every outcome and slot: the base point's mean, and each input's
 * mean at its low and high end (an end the design left out counts as the
 * base, its value NaN). Bars widest first, ties by path; NaN swings last.
 */
export function tornado(experiment: Experiment, runs: readonly Run[]): Tornado[] {
  const base = withRole(runs, 'oat-base')[0];
  if (!base) throw new Error('tornado: no oat-base point');
  const oat = withRole(runs, 'oat');
  const paths = uniqueInOrder(oat.map((r) => r.role.path));
  return cellsOf(experiment).map((c) => {
    const baseMean = pointMean(base.record, c);
    const bars: TornadoBar[] = paths.map((path) => {
      const end = (e: 'low' | 'high') => {
        const run = oat.find((r) => r.role.path === path && r.role.end === e);
        return run ? { value: val(run.point.values[path]), mean: pointMean(run.record, c) } : { value: Number.NaN, mean: baseMean };
      };
      const low = end('low');
      const high = end('high');
      return { path, lowValue: low.value, highValue: high.value, low: low.mean, high: high.mean, swing: Math.abs(high.mean - low.mean) };
    });
    bars.sort((a, b) => byWidthThenPath({ key: a.swing, path: a.path }, { key: b.swing, path: b.path }));
    return { outcome: c.outcome, slot: c.slot, base: baseMean, bars };
  });
}

// ---- Morris ----

/**
 * Morris elementary effects of every outcome and slot. Within a trajectory,
 * step i (i ≥ 1) moved `path` by `delta` (in units of its range), so its
 * effect is (y_i − y_{i−1}) / delta, y the mean over replicates. A step whose
 * values did not change (an integer input rounded back to the same value)
 * measures nothing and is skipped. Inputs with no effect measured are kept,
 * with effects 0 and NaN statistics, so a reader sees they were not measured.
 */
export function morris(experiment: Experiment, runs: readonly Run[]): Morris[] {
  const steps = withRole(runs, 'morris');
  const trajectories = uniqueInOrder(steps.map((s) => s.role.trajectory)).map((t) =>
    steps.filter((s) => s.role.trajectory === t).sort((a, b) => a.role.step - b.role.step),
  );
  const paths = uniqueInOrder(steps.flatMap((s) => (s.role.path === undefined ? [] : [s.role.path])));
  return cellsOf(experiment).map((c) => {
    const effects = new Map<string, number[]>(paths.map((p) => [p, []]));
    for (const trajectory of trajectories) {
      for (let i = 1; i < trajectory.length; i++) {
        const { role, point } = trajectory[i];
        const prev = trajectory[i - 1];
        if (role.path === undefined || !role.delta) continue;
        if (unchanged(prev.point.values, point.values, role.path)) continue;
        const ee = (pointMean(trajectory[i].record, c) - pointMean(prev.record, c)) / role.delta;
        if (Number.isFinite(ee)) effects.get(role.path)!.push(ee);
      }
    }
    const entries: MorrisEntry[] = paths.map((path) => {
      const ee = effects.get(path)!;
      return { path, mu: meanOf(ee), muStar: meanOf(ee.map(Math.abs)), sigma: sampleSd(ee), effects: ee.length };
    });
    entries.sort((a, b) => byWidthThenPath({ key: a.muStar, path: a.path }, { key: b.muStar, path: b.path }));
    return { outcome: c.outcome, slot: c.slot, entries };
  });
}

/** The step moved nothing: the moved path has the same value, or every value is the same. */
function unchanged(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>, path: string): boolean {
  if (path in before && path in after) return canonicalStringify(before[path]) === canonicalStringify(after[path]);
  return canonicalStringify(before) === canonicalStringify(after);
}

// ---- attribution ----

/**
 * What each measure of a package contributes, paired by replicate (common
 * random numbers make replicate r of every set comparable): the total change,
 * each measure alone and its marginal change (package − package without it),
 * and the interaction total − Σ alone, each computed per replicate and then
 * summarised as a spread.
 */
export function attribution(experiment: Experiment, runs: readonly Run[]): Attribution[] {
  const sets = withRole(runs, 'attribution');
  const find = (set: string, measure?: string) => sets.find((s) => s.role.set === set && (measure === undefined || s.role.measure === measure));
  const baseline = find('baseline');
  const pkg = find('package');
  if (!baseline || !pkg) throw new Error('attribution: the design needs a baseline and a package point');
  const measures = uniqueInOrder(sets.flatMap((s) => (s.role.measure === undefined ? [] : [s.role.measure])));
  return cellsOf(experiment).map((c) => {
    const base = replicatesOf(baseline.record, c);
    const full = replicatesOf(pkg.record, c);
    const total = paired(full, base);
    const interaction = [...total];
    const steps: AttributionStep[] = measures.map((measure) => {
      const alonePoint = find('alone', measure);
      const withoutPoint = find('without', measure);
      const alone = alonePoint ? paired(replicatesOf(alonePoint.record, c), base) : [];
      const marginal = withoutPoint ? paired(full, replicatesOf(withoutPoint.record, c)) : [];
      for (let r = 0; r < interaction.length; r++) interaction[r] -= alonePoint ? val(alone[r]) : Number.NaN;
      return { measure, alone: spread(alone), marginal: spread(marginal) };
    });
    return {
      outcome: c.outcome,
      slot: c.slot,
      baseline: finiteMeanOf(base),
      package: finiteMeanOf(full),
      total: spread(total),
      steps,
      interaction: spread(interaction),
    };
  });
}

// ---- robustness ----

/** Per package and draw: the mean over replicates of package − baseline, paired by replicate. */
function drawDifferences(runs: readonly Run[], c: Cell): Map<string, number[]> {
  const points = withRole(runs, 'robustness');
  const baselines = new Map<number, PointRecord>();
  for (const p of points) if (p.role.package === null && !baselines.has(p.role.draw)) baselines.set(p.role.draw, p.record);
  const out = new Map<string, number[]>();
  for (const p of points) {
    if (p.role.package === null) continue;
    const base = baselines.get(p.role.draw);
    const d = base ? finiteMeanOf(paired(replicatesOf(p.record, c), replicatesOf(base, c))) : Number.NaN;
    const list = out.get(p.role.package) ?? [];
    if (Number.isFinite(d)) list.push(d);
    out.set(p.role.package, list);
  }
  return out;
}

/**
 * Each package against the baseline over the draws: the share of draws in
 * which it is strictly better (per OUTCOME_BETTER), the spread of the
 * difference, and whether more than half the draws move the outcome the
 * worse way (a side effect). Draws without both points are left out.
 */
export function robustness(experiment: Experiment, runs: readonly Run[]): RobustnessRow[] {
  const rows: RobustnessRow[] = [];
  const cells = cellsOf(experiment);
  const diffs = cells.map((c) => drawDifferences(runs, c));
  const packages = uniqueInOrder(withRole(runs, 'robustness').flatMap((r) => (r.role.package === null ? [] : [r.role.package])));
  for (const pkg of packages) {
    cells.forEach((c, i) => {
      const d = diffs[i].get(pkg) ?? [];
      const better = OUTCOME_BETTER[c.outcome];
      const improves = (x: number) => (better === 'lower' ? x < 0 : x > 0);
      const worsens = (x: number) => (better === 'lower' ? x > 0 : x < 0);
      const n = d.length;
      rows.push({
        package: pkg,
        outcome: c.outcome,
        slot: c.slot,
        better,
        draws: n,
        wins: n === 0 ? Number.NaN : d.filter(improves).length / n,
        difference: spread(d),
        sideEffect: d.filter(worsens).length > n / 2,
      });
    });
  }
  return rows;
}

// ---- frontier ----

/** a is at least as good as b on this goal. */
const atLeast = (better: 'lower' | 'higher', a: number, b: number) => (better === 'lower' ? a <= b : a >= b);
const strictly = (better: 'lower' | 'higher', a: number, b: number) => (better === 'lower' ? a < b : a > b);

/** a dominates b: at least as good on both goals, strictly better on one. NaN coordinates never compare. */
export function dominates(goals: readonly [OutcomeGoal, OutcomeGoal], a: { x: number; y: number }, b: { x: number; y: number }): boolean {
  const [gx, gy] = goals;
  return atLeast(gx.better, a.x, b.x) && atLeast(gy.better, a.y, b.y) && (strictly(gx.better, a.x, b.x) || strictly(gy.better, a.y, b.y));
}

/** Packages placed on two outcomes (their changes from the baseline), the dominated ones marked. */
export function frontier(goals: readonly [OutcomeGoal, OutcomeGoal], packages: readonly { readonly label: string; readonly x: number; readonly y: number }[]): Frontier {
  const points: FrontierPoint[] = packages.map((p, i) => ({
    label: p.label,
    x: p.x,
    y: p.y,
    dominated: packages.some((q, j) => j !== i && dominates(goals, q, p)),
  }));
  return { x: goals[0], y: goals[1], points };
}

/** The slot a frontier reads: the total when the experiment keeps it, else its first slot. */
function frontierSlot(experiment: Experiment): Slot {
  return experiment.slots.includes('total') ? 'total' : experiment.slots[0];
}

function robustnessFrontier(experiment: Experiment, goals: readonly [OutcomeGoal, OutcomeGoal], runs: readonly Run[]): Frontier {
  const slot = frontierSlot(experiment);
  const dx = drawDifferences(runs, { outcome: goals[0].outcome, slot });
  const dy = drawDifferences(runs, { outcome: goals[1].outcome, slot });
  return frontier(goals, [...dx.keys()].map((label) => ({ label, x: meanOf(dx.get(label) ?? []), y: meanOf(dy.get(label) ?? []) })));
}

/** A grid point's label: its values, path=value, in order. */
const valuesLabel = (values: Readonly<Record<string, unknown>>): string =>
  Object.entries(values).map(([k, v]) => `${k}=${typeof v === 'string' ? v : canonicalStringify(v)}`).join(', ');

/** List and grid: every point against the reference (the point labelled "baseline", else point 0), paired by replicate. */
function listFrontier(experiment: Experiment, goals: readonly [OutcomeGoal, OutcomeGoal], runs: readonly Run[]): Frontier {
  const slot = frontierSlot(experiment);
  const reference = runs.find((r) => r.point.role.kind === 'list' && r.point.role.label === 'baseline') ?? runs[0];
  const change = (run: Run, outcome: HeadlineMetric) =>
    finiteMeanOf(paired(replicatesOf(run.record, { outcome, slot }), replicatesOf(reference.record, { outcome, slot })));
  const packages = runs
    .filter((r) => r !== reference)
    .map((r) => ({
      label: r.point.role.kind === 'list' ? r.point.role.label : valuesLabel(r.point.values),
      x: change(r, goals[0].outcome),
      y: change(r, goals[1].outcome),
    }));
  return frontier(goals, packages);
}

// ---- everything ----

/**
 * Every analysis that applies to the experiment's design. `records[i]`
 * belongs to `points[i]`; a missing record is an error (callers check that
 * the experiment is complete first).
 */
export function analyse(
  experiment: Experiment,
  points: readonly ExperimentPoint[],
  records: readonly (PointRecord | undefined)[],
  experimentHash: string,
): ExperimentSummary {
  const runs: Run[] = points.map((point, i) => {
    const record = records[i];
    if (!record) throw new Error(`analyse: no record for point ${point.index} (the experiment is incomplete)`);
    if (record.index !== point.index) throw new Error(`analyse: record ${record.index} given for point ${point.index}`);
    return { point, record };
  });
  const cells = cellsOf(experiment);
  const pointOutcomes = runs.map(({ point, record }) => {
    const outcomes: Record<string, Record<string, Spread>> = {};
    for (const c of cells) (outcomes[c.outcome] ??= {})[c.slot] = spread(replicatesOf(record, c));
    return { index: point.index, values: point.values, outcomes };
  });
  const summary: ExperimentSummary = {
    name: experiment.name,
    experimentHash,
    design: experiment.design.type,
    points: points.length,
    replicates: experiment.replicates,
    weeks: experiment.weeks,
    pointOutcomes,
  };
  const goals = experiment.frontier;
  switch (experiment.design.type) {
    case 'monte-carlo':
      return { ...summary, secondOrder: secondOrderBands(experiment, runs) };
    case 'one-at-a-time':
      return { ...summary, tornado: tornado(experiment, runs) };
    case 'morris':
      return { ...summary, morris: morris(experiment, runs) };
    case 'attribution':
      return { ...summary, attribution: attribution(experiment, runs) };
    case 'robustness':
      return { ...summary, robustness: robustness(experiment, runs), ...(goals ? { frontier: robustnessFrontier(experiment, goals, runs) } : {}) };
    case 'list':
    case 'grid':
      return goals && runs.length > 0 ? { ...summary, frontier: listFrontier(experiment, goals, runs) } : summary;
  }
}

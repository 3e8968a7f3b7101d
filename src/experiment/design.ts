import { validateScenario } from '../scenario/load.ts';
import { isForbiddenKey } from '../scenario/limits.ts';
import { formatPath, isPlainObject } from '../scenario/path.ts';
import { problem, type Problem } from '../scenario/problem.ts';
import { scenarioSchema, type Scenario } from '../scenario/schema.ts';
import { setPath } from '../sim/sweep.ts';
import { resolveInputs, type ResolvedInputs } from './ranges.ts';
import { latinHypercube, permutation, randomDesign, uniformStream, uniformValueAt, valueAt } from './sampling.ts';
import { attributionMeasures, designPointCount, measureOf, sizeProblems } from './schema.ts';
import type { Design, Experiment, ExperimentPoint, Package, PointRole, UncertainInput } from './types.ts';

/**
 * Expanding an experiment's design into its points: every point's values,
 * its role in the design and the validated scenario it runs (the
 * experiment's weeks and seed applied). Pure and deterministic: the design's
 * own draws come from the experiment's seed (sampling.ts), so the same file
 * always expands to the same points.
 */

/** An experiment whose design cannot be expanded: every problem, each with its path. */
export class ExperimentError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map((p) => p.message).join('\n'));
    this.name = 'ExperimentError';
  }
}

/** One scenario change of a point, with where the file writes it (for problems). */
interface Change {
  readonly path: string;
  readonly value: unknown;
  /** The file location of the value, e.g. `design.points[2].set["interventions.x"]`; undefined for drawn values. */
  readonly at?: string;
}

interface Draft {
  readonly role: PointRole;
  readonly changes: readonly Change[];
}

/** The uncertain inputs of a design that has them (monte-carlo, one-at-a-time, morris, robustness); [] otherwise. */
export function designInputs(experiment: Experiment): ResolvedInputs {
  const d = experiment.design;
  if (!('inputs' in d)) return { inputs: [], fixed: [], problems: [], warnings: [] };
  return resolveInputs(d.inputs, d.ranges, experiment.scenario, { packages: d.type === 'robustness' ? d.packages : [] });
}

/** How many points the experiment's design expands to (without expanding it). */
export function pointCount(experiment: Experiment): number {
  return designPointCount(experiment.design, designInputs(experiment).inputs.length);
}

/**
 * Every point of the experiment's design, in design order, each validated.
 * Throws an ExperimentError listing every problem (each naming the point,
 * and where the file writes a value, its place in the file).
 */
export function expandDesign(experiment: Experiment): ExperimentPoint[] {
  const steps = expansionSteps(experiment);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * expandDesign for a page that must stay responsive: the same points, built
 * `batch` at a time with `pause()` awaited between batches (validating a
 * point's scenario takes about a millisecond, so a Morris design of a few
 * hundred points would otherwise be one long task).
 */
export async function expandDesignInSteps(experiment: Experiment, pause: () => Promise<void>, batch = 25): Promise<ExperimentPoint[]> {
  const steps = expansionSteps(experiment);
  let step = steps.next();
  for (let n = 1; !step.done; n++) {
    if (n % batch === 0) await pause();
    step = steps.next();
  }
  return step.value;
}

/** Yields after each point built; returns every point, or throws an ExperimentError with every problem. */
function* expansionSteps(experiment: Experiment): Generator<void, ExperimentPoint[]> {
  const design = experiment.design;
  const resolved = designInputs(experiment);
  if (resolved.problems.length > 0) throw new ExperimentError(resolved.problems);
  if ('inputs' in design && resolved.inputs.length === 0) throw new ExperimentError([problem('design.inputs', 'at least one input to vary', 'none')]);
  const size = sizeProblems(experiment, resolved.inputs.length);
  if (size.length > 0) throw new ExperimentError(size);

  const drafts = draftsOf(design, resolved.inputs, experiment.seed);
  const base = { ...experiment.scenario, weeks: experiment.weeks, seed: experiment.seed };
  const problems: Problem[] = [];
  const points: ExperimentPoint[] = [];
  for (let index = 0; index < drafts.length; index++) {
    const built = buildPoint(base, drafts[index], index);
    if ('problems' in built) problems.push(...built.problems);
    else points.push(built.point);
    yield;
  }
  if (problems.length > 0) throw new ExperimentError(dedupe(problems));
  return points;
}

/**
 * `base` with every change applied, copying each object on the way once (a
 * Morris point over every assumption sets well over a hundred paths).
 * Forbidden keys are refused, as in setPath.
 */
export function applyChanges(base: unknown, changes: readonly { readonly path: string; readonly value: unknown }[]): unknown {
  if (changes.length === 1) return setPath(base, changes[0].path, changes[0].value);
  const fresh = new Set<object>();
  const copy = (v: unknown): Record<string, unknown> => {
    const out: Record<string, unknown> = isPlainObject(v) ? { ...v } : {};
    fresh.add(out);
    return out;
  };
  // Plain assignment is safe: the forbidden keys (the only ones that reach a prototype) are refused above.
  const define = (o: Record<string, unknown>, key: string, value: unknown) => {
    o[key] = value;
  };
  const root = copy(base);
  for (const { path, value } of changes) {
    const keys = path.split('.');
    if (keys.some((k) => k === '' || isForbiddenKey(k))) throw new ExperimentError([problem('design', 'scenario paths', JSON.stringify(path), `${path}: not a valid scenario path`)]);
    let cur = root;
    for (const key of keys.slice(0, -1)) {
      const child = Object.prototype.hasOwnProperty.call(cur, key) ? cur[key] : undefined;
      if (isPlainObject(child) && fresh.has(child)) cur = child;
      else {
        const next = copy(child);
        define(cur, key, next);
        cur = next;
      }
    }
    define(cur, keys[keys.length - 1], value);
  }
  return root;
}

function buildPoint(base: Scenario, draft: Draft, index: number): { point: ExperimentPoint } | { problems: Problem[] } {
  const candidate = applyChanges(base, draft.changes);
  const values: Record<string, unknown> = {};
  for (const c of draft.changes) values[c.path] = c.value;
  // The base is a valid scenario of the current format: the schema alone decides; the loader words the problems.
  const fast = scenarioSchema.safeParse(candidate);
  if (fast.success) return { point: { index, role: draft.role, values, scenario: fast.data } };
  const checked = validateScenario(candidate);
  if (checked.ok) return { point: { index, role: draft.role, values, scenario: checked.scenario } };
  const problems = checked.problems.map((p) => {
    // The change this problem is about, innermost first: report it where the file writes it.
    const change = [...draft.changes].reverse().find((c) => p.path === c.path || p.path.startsWith(`${c.path}.`));
    if (change?.at) {
      const where = `${change.at}${p.path.slice(change.path.length)}`;
      return problem(where, p.expected, p.got, `${where}: expected ${p.expected}, got ${p.got}`);
    }
    const label = `design (point ${index}, ${describeRole(draft.role)})`;
    return problem(label, p.expected, p.got, `${label}: ${p.message}`);
  });
  return { problems };
}

const dedupe = (problems: Problem[]) => {
  const seen = new Set<string>();
  return problems.filter((p) => (seen.has(p.message) ? false : (seen.add(p.message), true)));
};

/** A role in words, for problems about generated points. */
export function describeRole(role: PointRole): string {
  switch (role.kind) {
    case 'grid':
      return 'grid';
    case 'list':
      return `list "${role.label}"`;
    case 'draw':
      return `draw ${role.draw}`;
    case 'oat-base':
      return 'base';
    case 'oat':
      return `${role.path} at its ${role.end} end`;
    case 'morris':
      return `Morris trajectory ${role.trajectory}, step ${role.step}`;
    case 'attribution':
      return role.measure ? `${role.measure} ${role.set}` : role.set;
    case 'robustness':
      return `${role.package ?? 'baseline'} at draw ${role.draw}`;
  }
}

const setChanges = (pkg: Package, at: string, only?: (path: string) => boolean): Change[] =>
  Object.entries(pkg.set)
    .filter(([path]) => !only || only(path))
    .map(([path, value]) => ({ path, value, at: `${at}.set${formatPath([path])}` }));

/** The unit-cube rows of a second-order design: Latin hypercube or simple random. */
function secondOrderRows(draws: number, k: number, sampling: 'latin-hypercube' | 'random', seed: number): number[][] {
  return sampling === 'random' ? randomDesign(draws, k, seed) : latinHypercube(draws, k, seed);
}

const drawnChanges = (inputs: readonly UncertainInput[], row: readonly number[]): Change[] =>
  inputs.map((input, j) => ({ path: input.path, value: valueAt(input, row[j]) }));

function draftsOf(design: Design, inputs: readonly UncertainInput[], seed: number): Draft[] {
  switch (design.type) {
    case 'grid': {
      let drafts: Change[][] = [[]];
      design.axes.forEach((axis, i) => {
        drafts = drafts.flatMap((changes) => axis.values.map((value, j) => [...changes, { path: axis.path, value, at: `design.axes[${i}].values[${j}]` }]));
      });
      return drafts.map((changes) => ({ role: { kind: 'grid' }, changes }));
    }
    case 'list':
      return design.points.map((p, i) => ({ role: { kind: 'list', label: p.label }, changes: setChanges(p, `design.points[${i}]`) }));
    case 'monte-carlo':
      return secondOrderRows(design.draws, inputs.length, design.sampling, seed).map((row, draw) => ({ role: { kind: 'draw', draw }, changes: drawnChanges(inputs, row) }));
    case 'one-at-a-time': {
      const out: Draft[] = [{ role: { kind: 'oat-base' }, changes: [] }];
      for (const input of inputs) {
        out.push({ role: { kind: 'oat', path: input.path, end: 'low' }, changes: [{ path: input.path, value: input.min }] });
        out.push({ role: { kind: 'oat', path: input.path, end: 'high' }, changes: [{ path: input.path, value: input.max }] });
      }
      return out;
    }
    case 'morris':
      return morrisTrajectories(inputs.length, design.trajectories, design.levels, seed).flatMap((t, trajectory) =>
        t.points.map((unit, step) => ({
          role: step === 0
            ? { kind: 'morris', trajectory, step }
            : { kind: 'morris', trajectory, step, path: inputs[t.order[step - 1]].path, delta: t.directions[t.order[step - 1]] * t.delta },
          changes: inputs.map((input, j) => ({ path: input.path, value: uniformValueAt(input, unit[j]) })),
        }) satisfies Draft),
      );
    case 'attribution': {
      const at = 'design.package';
      const measures = attributionMeasures(design);
      const out: Draft[] = [
        { role: { kind: 'attribution', set: 'baseline' }, changes: [] },
        { role: { kind: 'attribution', set: 'package' }, changes: setChanges(design.package, at) },
      ];
      for (const measure of measures) {
        const inMeasure = (path: string) => measureOf(path) === measure;
        out.push({ role: { kind: 'attribution', set: 'alone', measure }, changes: setChanges(design.package, at, inMeasure) });
        out.push({ role: { kind: 'attribution', set: 'without', measure }, changes: setChanges(design.package, at, (p) => !inMeasure(p)) });
      }
      return out;
    }
    case 'robustness': {
      const rows = secondOrderRows(design.draws, inputs.length, design.sampling, seed);
      return rows.flatMap((row, draw) => {
        const drawn = drawnChanges(inputs, row);
        return [
          { role: { kind: 'robustness', package: null, draw }, changes: drawn },
          ...design.packages.map((p, i) => ({
            role: { kind: 'robustness', package: p.label, draw },
            changes: [...drawn, ...setChanges(p, `design.packages[${i}]`)],
          }) satisfies Draft),
        ] satisfies Draft[];
      });
    }
  }
}

/** One Morris trajectory in the unit cube. */
export interface MorrisTrajectory {
  /** k + 1 points; point s (s ≥ 1) differs from point s − 1 in input order[s − 1] only, by directions[that input] × delta. */
  readonly points: number[][];
  /** The order in which the inputs move. */
  readonly order: number[];
  /** +1 or −1 per input. */
  readonly directions: number[];
  /** Δ = p / (2(p − 1)). */
  readonly delta: number;
}

/**
 * Morris (1991) trajectories as in Campolongo, Cariboni & Saltelli (2007) and
 * SALib's morris sampler: on a p-level grid {0, 1/(p−1), …, 1}, with
 * Δ = p / (2(p − 1)), a seeded random base point on {0, 1/(p−1), …, 1 − Δ}, a
 * seeded random order of the inputs and a random direction for each. An
 * input moving up starts at its base level and steps to base + Δ; one moving
 * down starts at base + Δ and steps to base, so every coordinate stays in
 * [0, 1] and every input moves exactly once, by exactly ±Δ.
 *
 * Mapped to values, integer inputs are rounded, so a step can round to no
 * change at all: the point is kept (the design stays regular) and the
 * analysis skips zero steps.
 */
export function morrisTrajectories(k: number, r: number, levels: number, seed: number): MorrisTrajectory[] {
  const step = 1 / (levels - 1);
  const delta = levels / (2 * (levels - 1));
  const baseLevels = levels / 2; // 0, 1/(p−1), …, 1 − Δ
  const out: MorrisTrajectory[] = [];
  for (let t = 0; t < r; t++) {
    const nextBase = uniformStream(seed, 'morrisBase', t);
    const nextDirection = uniformStream(seed, 'morrisDirection', t);
    const base = Array.from({ length: k }, () => Math.min(baseLevels - 1, Math.floor(nextBase() * baseLevels)) * step);
    const directions = Array.from({ length: k }, () => (nextDirection() < 0.5 ? -1 : 1));
    const order = permutation(k, uniformStream(seed, 'morrisOrder', t));
    let x = base.map((b, i) => (directions[i] > 0 ? b : b + delta));
    const points = [x];
    for (const i of order) {
      x = [...x];
      // From the known end values rather than by adding, so the two ends are exact grid levels.
      x[i] = directions[i] > 0 ? base[i] + delta : base[i];
      points.push(x);
    }
    out.push({ points, order, directions, delta });
  }
  return out;
}

import type { Scenario } from '../scenario/schema.ts';
import { isForbiddenKey } from '../scenario/limits.ts';
import { validateScenario } from '../scenario/load.ts';
import { setAtPath } from '../scenario/path.ts';
import type { SimRunner } from './runner.ts';
import { summarise, type Summary } from './stats.ts';

/**
 * Parameter sweeps as plain functions (STYLE.md 5): a grid of scenario paths,
 * validated before anything runs, each point run on a SimRunner passed in.
 */


/** One swept parameter: a dotted scenario path and the values it takes. */
export interface GridAxis {
  readonly path: string;
  readonly values: readonly unknown[];
}

/** The value of every swept path at one point of the grid. */
export type GridPoint = Readonly<Record<string, unknown>>;

/** Every combination of the axes' values; the first axis varies slowest. */
export function gridPoints(grid: readonly GridAxis[]): GridPoint[] {
  let points: Record<string, unknown>[] = [{}];
  for (const axis of grid) {
    points = points.flatMap((p) => axis.values.map((v) => ({ ...p, [axis.path]: v })));
  }
  return points;
}

/** `scenario` with one dotted path set (objects on the way are created); `value` is not touched. */
export function setPath(value: unknown, path: string, next: unknown): unknown {
  const keys = path.split('.');
  if (keys.some((k) => k === '' || isForbiddenKey(k))) throw new SweepError([`${path}: not a valid scenario path`]);
  return setAtPath(value, keys, next);
}

/** A sweep grid that cannot run: every problem, one line each, with its path. */
export class SweepError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'SweepError';
  }
}

/** Turns a candidate scenario into a validated one, or lists its problems. */
export type ScenarioCheck = (value: unknown) => { ok: true; scenario: Scenario } | { ok: false; problems: readonly string[] };

/** The check of every point: the scenario loader's own validation, with its messages. */
export const scenarioCheck: ScenarioCheck = (value) => {
  const checked = validateScenario(value);
  return checked.ok ? { ok: true, scenario: checked.scenario } : { ok: false, problems: checked.problems.map((p) => p.message) };
};

export interface SweepPoint {
  readonly point: GridPoint;
  readonly scenario: Scenario;
}

/**
 * The scenario of every grid point, validated before anything runs. Throws a
 * SweepError listing every problem (with the grid point it belongs to).
 */
export function expandGrid(base: Scenario, grid: readonly GridAxis[], check: ScenarioCheck = scenarioCheck): SweepPoint[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const axis of grid) {
    if (seen.has(axis.path)) problems.push(`${axis.path}: swept twice`);
    seen.add(axis.path);
    if (axis.values.length === 0) problems.push(`${axis.path}: no values to sweep`);
  }
  if (problems.length > 0) throw new SweepError(problems);
  const out: SweepPoint[] = [];
  for (const point of gridPoints(grid)) {
    let candidate: unknown = base;
    try {
      for (const [path, v] of Object.entries(point)) candidate = setPath(candidate, path, v);
    } catch (e) {
      if (e instanceof SweepError) problems.push(...e.problems);
      else throw e;
      continue;
    }
    const checked = check(candidate);
    if (checked.ok) out.push({ point, scenario: checked.scenario });
    else {
      const at = Object.entries(point).map(([p, v]) => `${p}=${JSON.stringify(v)}`).join(', ');
      problems.push(...checked.problems.map((m) => `${m} (at ${at})`));
    }
  }
  if (problems.length > 0) throw new SweepError([...new Set(problems)]);
  return out;
}

export interface SweepOptions {
  /** Seed of every point; defaults to each point's scenario `seed` (so `seed` itself can be swept). */
  readonly seed?: number;
  readonly runs: number;
  /** Horizon of every point; defaults to each point's scenario `weeks`. */
  readonly weeks?: number;
  readonly check?: ScenarioCheck;
  readonly signal?: AbortSignal;
  /** Weeks simulated so far over all points and replicates, and the total. */
  onProgress?(done: number, total: number): void;
}

export interface SweepResult extends SweepPoint {
  /** The seed this point ran with. */
  readonly seed: number;
  readonly summary: Summary;
}

/**
 * Runs every point of a parameter grid (Mesa's batch_run, STYLE.md 5), yielding
 * each point's summary as soon as it is ready, in grid order, so a large sweep
 * never holds more than one point's replicates. Every point gets the same seed
 * and number of replicates (common random numbers: differences between points
 * are not noise from different seeds). Points run one after another; the
 * runner spreads the replicates of a point. The grid is validated first.
 */
export async function* sweepEach(runner: SimRunner, base: Scenario, grid: readonly GridAxis[], options: SweepOptions): AsyncGenerator<SweepResult> {
  const points = expandGrid(base, grid, options.check);
  const weeksOf = (s: Scenario) => options.weeks ?? s.weeks;
  const total = points.reduce((t, p) => t + weeksOf(p.scenario) * options.runs, 0);
  let before = 0;
  for (const p of points) {
    const seed = options.seed ?? p.scenario.seed;
    const runs = await runner.run(
      { scenario: p.scenario, seed, runs: options.runs, weeks: options.weeks },
      { signal: options.signal, onProgress: (done) => options.onProgress?.(before + done, total) },
    );
    before += weeksOf(p.scenario) * options.runs;
    yield { ...p, seed, summary: summarise(runs) };
  }
}

/** Every point of a parameter grid with its summary, in grid order (see sweepEach). */
export async function sweep(runner: SimRunner, base: Scenario, grid: readonly GridAxis[], options: SweepOptions): Promise<SweepResult[]> {
  const results: SweepResult[] = [];
  for await (const r of sweepEach(runner, base, grid, options)) results.push(r);
  return results;
}

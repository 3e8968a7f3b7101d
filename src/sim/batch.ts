import { csvFormatRows, quantileSorted } from 'd3';
import type { Scenario } from '../scenario/schema.ts';
import { isForbiddenKey } from '../scenario/limits.ts';
import { setAtPath } from '../scenario/path.ts';
import { scenarioSchema } from '../scenario/schema.ts';
import { METRICS, SLOTS, type Metric, type Slot } from './metrics.ts';
import type { SimRunner } from './runner.ts';
import { SECTORS, type Sector } from './sectors.ts';
import { ROW, type RunSeries } from './series.ts';

/**
 * Monte Carlo summaries, output documents and sweeps as plain functions
 * (STYLE.md 5). Pure: no I/O, no workers; a SimRunner is passed in.
 */

/** Statistics over replicates, in the order they appear in outputs. */
export const RUN_STATS = ['mean', 'p05', 'p95'] as const;
export type RunStat = (typeof RUN_STATS)[number];

/** One value per week for each statistic. NaN where no replicate had a defined value. */
export interface Band {
  readonly mean: number[];
  readonly p05: number[];
  readonly p95: number[];
}

export interface Summary {
  readonly runs: number;
  readonly weeks: number;
  /** bands[slot][metric]: the total (`total`) and every sector, whether enabled or not. */
  readonly bands: Record<Slot, Record<Metric, Band>>;
}

/**
 * Quantile `p` of ascending `sorted` values by linear interpolation between
 * order statistics (Hyndman & Fan type 7, the default of R, NumPy and d3):
 * h = (n - 1) p, q = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
 */
export function quantile(sorted: Float64Array | readonly number[], p: number): number {
  // d3's types want an Array; it only indexes, so a typed array is fine.
  return sorted.length === 0 ? NaN : (quantileSorted(sorted as number[], p) ?? NaN);
}

/**
 * Mean, 5th and 95th percentile of every metric and slot, per week, over
 * replicates. Values that are NaN (a share whose denominator was 0) are left
 * out; a week where every replicate is NaN gets NaN. The mean is summed in run
 * order, so it does not depend on how replicates were spread over threads, and
 * it is exact when all replicates agree.
 */
/**
 * The mean of sorted replicate values whose sum is `sum`. Rounding can push a
 * mean of equal values off them; it is kept inside [min, max].
 */
export function meanOfSorted(sorted: Float64Array, sum: number): number {
  const lo = sorted[0];
  const hi = sorted[sorted.length - 1];
  return lo === hi ? lo : Math.min(hi, Math.max(lo, sum / sorted.length));
}

export function summarise(runs: readonly RunSeries[]): Summary {
  if (runs.length === 0) throw new RangeError('summarise: no runs');
  const weeks = runs[0].weeks;
  for (const r of runs) {
    if (r.weeks !== weeks || r.values.length !== weeks * ROW) {
      throw new RangeError(`summarise: runs differ in length (${r.weeks} and ${weeks} weeks)`);
    }
  }
  const columns = METRICS.length * SLOTS.length;
  const mean = new Float64Array(weeks * columns);
  const p05 = new Float64Array(weeks * columns);
  const p95 = new Float64Array(weeks * columns);
  const scratch = new Float64Array(runs.length);

  for (let w = 0; w < weeks; w++) {
    for (let c = 0; c < columns; c++) {
      const at = w * ROW + c;
      let n = 0;
      let sum = 0;
      for (const r of runs) {
        const v = r.values[at];
        if (v === v) {
          scratch[n++] = v;
          sum += v;
        }
      }
      const out = w * columns + c;
      if (n === 0) {
        mean[out] = p05[out] = p95[out] = NaN;
        continue;
      }
      const sorted = scratch.subarray(0, n).sort();
      mean[out] = meanOfSorted(sorted, sum);
      p05[out] = quantile(sorted, 0.05);
      p95[out] = quantile(sorted, 0.95);
    }
  }

  const bands = {} as Record<Slot, Record<Metric, Band>>;
  SLOTS.forEach((slot, s) => {
    const perMetric = {} as Record<Metric, Band>;
    METRICS.forEach((metric, m) => {
      const c = m * SLOTS.length + s;
      const pick = (src: Float64Array) => Array.from({ length: weeks }, (_, w) => src[w * columns + c]);
      perMetric[metric] = { mean: pick(mean), p05: pick(p05), p95: pick(p95) };
    });
    bands[slot] = perMetric;
  });
  return { runs: runs.length, weeks, bands };
}

/** Sectors a scenario simulates, in SECTORS order. */
export function enabledSectors(scenario: Scenario): Sector[] {
  return SECTORS.filter((s) => scenario.assumptions.sectors[s].enabled);
}

/** The JSON output of a Monte Carlo run (issue 2, "Command-line runner"). Keep it stable. */
export interface OutputDocument {
  readonly scenario: { readonly name: string; readonly hash: string };
  readonly engine: { readonly version: string };
  readonly seed: number;
  readonly runs: number;
  readonly weeks: number;
  /** Totals over all enabled sectors. */
  readonly series: Record<Metric, Band>;
  /** Enabled sectors only: a switched-off sector has no agents, so its series would be all zeros. */
  readonly bySector: Partial<Record<Sector, Record<Metric, Band>>>;
}

export interface OutputMeta {
  readonly scenario: Scenario;
  /** scenarioHash() of the validated scenario, after any --set overrides. */
  readonly hash: string;
  readonly engineVersion: string;
  readonly seed: number;
}

export function toOutputDocument(meta: OutputMeta, summary: Summary): OutputDocument {
  const bySector: Partial<Record<Sector, Record<Metric, Band>>> = {};
  for (const s of enabledSectors(meta.scenario)) bySector[s] = summary.bands[s];
  return {
    scenario: { name: meta.scenario.name, hash: meta.hash },
    engine: { version: meta.engineVersion },
    seed: meta.seed,
    runs: summary.runs,
    weeks: summary.weeks,
    series: summary.bands.total,
    bySector,
  };
}

/**
 * JSON text of an output document: objects indented, arrays of numbers on one
 * line (readable, diffable, a fraction of the size of fully indented JSON).
 * NaN and infinities become null, as in JSON.stringify.
 */
export function formatJSON(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return `[${value.map((v) => JSON.stringify(v) ?? 'null').join(',')}]`;
    const inner = indent + '  ';
    return `[\n${value.map((v) => inner + formatJSON(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inner = indent + '  ';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJSON(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Header of the long CSV format; sweeps put one column per swept path before it. */
export const CSV_COLUMNS = ['run_stat', 'sector', 'metric', 'week', 'value'] as const;

/** Rows of the long CSV format, without header: sector `total` first, then enabled sectors; weeks from 0. */
export function csvRows(doc: OutputDocument, prefix: readonly string[] = []): string[][] {
  const rows: string[][] = [];
  const blocks: [string, Record<Metric, Band>][] = [['total', doc.series]];
  for (const s of SECTORS) {
    const b = doc.bySector[s];
    if (b) blocks.push([s, b]);
  }
  for (const [sector, bands] of blocks) {
    for (const metric of METRICS) {
      for (const stat of RUN_STATS) {
        const values = bands[metric][stat];
        for (let w = 0; w < values.length; w++) {
          const v = values[w];
          rows.push([...prefix, stat, sector, metric, String(w), Number.isFinite(v) ? String(v) : '']);
        }
      }
    }
  }
  return rows;
}

/** Long CSV: `run_stat,sector,metric,week,value`, one row per statistic, sector, metric and week. */
export function toCSV(doc: OutputDocument): string {
  return csvFormatRows([[...CSV_COLUMNS], ...csvRows(doc)]) + '\n';
}

// ---------------------------------------------------------------- sweeps

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

/** Default check: the scenario schema itself (callers with the loader's messages pass their own). */
export const schemaCheck: ScenarioCheck = (value) => {
  const parsed = scenarioSchema.safeParse(value);
  if (parsed.success) return { ok: true, scenario: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(scenario)'}: ${i.message}`),
  };
};

export interface SweepPoint {
  readonly point: GridPoint;
  readonly scenario: Scenario;
}

/**
 * The scenario of every grid point, validated before anything runs. Throws a
 * SweepError listing every problem (with the grid point it belongs to).
 */
export function expandGrid(base: Scenario, grid: readonly GridAxis[], check: ScenarioCheck = schemaCheck): SweepPoint[] {
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

import { analyse } from '../../experiment/analysis.ts';
import { ExperimentError, expandDesignInSteps } from '../../experiment/design.ts';
import { defaultRange } from '../../experiment/ranges.ts';
import { recordOf } from '../../experiment/results.ts';
import { experimentHash, parseExperimentText } from '../../experiment/schema.ts';
import type { Design, Experiment, ExperimentPoint, ExperimentSummary, Package, PointRecord } from '../../experiment/types.ts';
import { problem, type Problem } from '../../scenario/problem.ts';
import { ASSUMPTION_FIELDS, INTERVENTION_FIELDS, getAtPath } from '../../scenario/fields.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { HEADLINE_METRICS, type HeadlineMetric } from '../../sim/comparison.ts';
import { BROWSER_LIMITS, checkLimits, type Limits } from '../../sim/limits.ts';
import type { SimRunner } from '../../sim/runner.ts';
import { SCREENING, SCREENING_RANKING, type ScreeningEntry } from '../../experiment/screening.ts';
import { baselineFor } from './presets.ts';
import { looksLikeSummary, parseSummary } from './summary-file.ts';
import { isAbort } from './simulation.svelte.ts';

/**
 * The Explore view's state (issue 11, "In the app"): builds an experiment
 * from the current scenario (and the pinned packages) for one analysis,
 * expands it with the experiment core, runs its points on the app's runner
 * a few at a time (so every worker is busy), keeps one record per point and
 * analyses them. Each analysis is a task of its own with progress, an
 * estimate of the time left and Cancel. A cancelled task keeps nothing.
 */

export const ANALYSES = ['secondOrder', 'tornado', 'morris', 'attribution', 'robustness', 'file'] as const;
export type Analysis = (typeof ANALYSES)[number];

export type TaskStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface Task {
  readonly status: TaskStatus;
  /** Points finished / points in the design. */
  readonly done: number;
  readonly total: number;
  /** Estimated milliseconds left (null until a point has finished). */
  readonly etaMs: number | null;
  readonly experiment: Experiment | null;
  readonly summary: ExperimentSummary | null;
  /** Why the task failed or could not start, with the problems' paths. */
  readonly error: string | null;
  readonly problems: readonly Problem[];
}

const IDLE: Task = { status: 'idle', done: 0, total: 0, etaMs: null, experiment: null, summary: null, error: null, problems: [] };

/** A pinned package as Explore sees it. */
export interface ExplorePackage {
  readonly label: string;
  readonly scenario: Scenario;
}

export interface ExploreEnv {
  /** The app's runner (the worker pool in the app; the synchronous runner in tests). */
  readonly runner: () => SimRunner;
  /** The scenario in the levers. */
  readonly scenario: () => Scenario;
  /** Pinned packages (Compare). */
  readonly pins: () => readonly ExplorePackage[];
  /** The Baseline preset: its interventions make the baseline (presets.ts baselineFor). */
  readonly baselinePreset: () => Scenario;
  readonly now?: () => number;
  /** Lets the page breathe between points (default: a macrotask). */
  readonly yieldToPage?: () => Promise<void>;
  readonly limits?: Limits;
  /** Points run at once (default 4: one per worker of the app's pool at most). */
  readonly inFlight?: number;
  /** The screening ranking that picks the default inputs (default: screening.ts, generated from a Morris run). */
  readonly screening?: Screening;
}

/** A Morris ranking per outcome and where it came from (screening.ts). */
export interface Screening {
  readonly meta: typeof SCREENING;
  readonly ranking: Readonly<Record<string, readonly ScreeningEntry[]>>;
}

/** Where the default inputs come from: the screening ranking of the outcome, or the drawer's order (no ranking for it). */
export type DefaultSource = { readonly kind: 'screening'; readonly outcome: HeadlineMetric; readonly engineVersion: string } | { readonly kind: 'fallback' };

/** How many assumptions the tornado and Morris vary by default. */
export const DEFAULT_INPUT_COUNT = 20;
/** Largest number of runs (points × replicates) Explore starts in the browser. */
export const MAX_APP_RUNS = 4000;

/**
 * The numeric assumptions that can be varied around `base`: those whose
 * default plausible range (ranges.ts: base × [0.5, 1.5] clipped to the valid
 * range) is not empty, in the order of the assumptions drawer.
 */
export function variableAssumptions(base: Scenario): string[] {
  const out: string[] = [];
  for (const f of ASSUMPTION_FIELDS) {
    if (f.kind !== 'number' && f.kind !== 'integer') continue;
    if (f.path.split('.')[1] === 'simulation') continue;
    const value = getAtPath(base, f.path.split('.'));
    if (typeof value !== 'number' || !defaultRange(f, value)) continue;
    const sector = f.path.match(/^assumptions\.sectors\.(\w+)\./)?.[1];
    if (sector && getAtPath(base, ['assumptions', 'sectors', sector, 'enabled']) === false) continue;
    out.push(f.path);
  }
  return out;
}

/** The intervention fields where `scenario` differs from `baseline`, as a package (dotted path → value). */
export function packageOf(label: string, scenario: Scenario, baseline: Scenario): Package {
  const set: Record<string, unknown> = {};
  for (const f of INTERVENTION_FIELDS) {
    const steps = f.path.split('.');
    const v = getAtPath(scenario, steps);
    if (JSON.stringify(v) !== JSON.stringify(getAtPath(baseline, steps))) set[f.path] = v;
  }
  return { label, set };
}

export interface ExploreSettings {
  weeks: number;
  outcome: HeadlineMetric;
  inputs: string[];
  tornadoReplicates: number;
  trajectories: number;
  draws: number;
  robustnessReplicates: number;
  /** Second-order bands: plausible worlds (draws) and replicates per world. */
  secondOrderDraws: number;
  secondOrderReplicates: number;
}

export class Explore {
  readonly #env: ExploreEnv;
  readonly #aborts = new Map<Analysis, AbortController>();

  tasks = $state.raw<Readonly<Record<Analysis, Task>>>({ secondOrder: IDLE, tornado: IDLE, morris: IDLE, attribution: IDLE, robustness: IDLE, file: IDLE });
  /** What the open experiment file said (e.g. that its scenario path was replaced by the current scenario). */
  fileNotes = $state.raw<readonly string[]>([]);
  fileName = $state<string | null>(null);
  /** What the open file was: an experiment run here, or the results (summary.json) the command line computed. */
  fileKind = $state<'experiment' | 'results' | null>(null);
  settings = $state<ExploreSettings>({ weeks: 0, outcome: 'derivedDemand', inputs: [], tornadoReplicates: 2, trajectories: 10, draws: 20, robustnessReplicates: 2, secondOrderDraws: 20, secondOrderReplicates: 3 });
  /** The user changed the inputs list (then a change of outcome keeps it). */
  inputsEdited = $state(false);

  constructor(env: ExploreEnv) {
    this.#env = env;
  }

  #initialised = false;

  /** The settings for the current scenario, the first time they are needed (the scenario is restored after the room is made). */
  init(): void {
    if (this.#initialised) return;
    this.#initialised = true;
    this.resetSettings();
  }

  /** The settings for the current scenario: its weeks, the default inputs. */
  resetSettings(): void {
    const s = this.#env.scenario();
    this.settings.weeks = s.weeks;
    this.useDefaultInputs();
  }

  #screening(): Screening {
    return this.#env.screening ?? { meta: SCREENING, ranking: SCREENING_RANKING };
  }

  /** The screening ranking of `outcome` (entries with a μ*), or null when there is none. */
  #ranking(outcome: HeadlineMetric): readonly ScreeningEntry[] | null {
    const entries = (this.#screening().ranking[outcome] ?? []).filter((e) => e.muStar !== null && Number.isFinite(e.muStar));
    return entries.length > 0 ? entries : null;
  }

  /** Where the default inputs of the chosen outcome come from. */
  defaultSource(): DefaultSource {
    const outcome = this.settings.outcome;
    if (!this.#ranking(outcome)) return { kind: 'fallback' };
    return { kind: 'screening', outcome, engineVersion: this.#screening().meta?.engineVersion ?? '?' };
  }

  /**
   * The default inputs of the tornado and Morris: the 20 assumptions with the
   * largest Morris μ* for the chosen outcome that the current scenario lets
   * vary, when a screening ranking exists for it; otherwise the first 20
   * variable assumptions in the drawer's order (not a ranking).
   */
  defaultInputs(): string[] {
    const candidates = variableAssumptions(this.#env.scenario());
    const ranking = this.#ranking(this.settings.outcome);
    if (!ranking) return candidates.slice(0, DEFAULT_INPUT_COUNT);
    const ok = new Set(candidates);
    // Sorted again by μ* so the order never depends on the generated file's.
    return [...ranking]
      .sort((a, b) => (b.muStar ?? 0) - (a.muStar ?? 0))
      .map((e) => e.path)
      .filter((p) => ok.has(p))
      .slice(0, DEFAULT_INPUT_COUNT);
  }

  /** The default list, and the user's edits forgotten. */
  useDefaultInputs(): void {
    this.settings.inputs = this.defaultInputs();
    this.inputsEdited = false;
  }

  /** The user's own list of inputs. */
  setInputs(inputs: string[]): void {
    this.settings.inputs = inputs;
    this.inputsEdited = true;
  }

  /** A new outcome: the default inputs follow it unless the user edited the list. */
  setOutcome(outcome: HeadlineMetric): void {
    this.settings.outcome = outcome;
    if (!this.inputsEdited) this.settings.inputs = this.defaultInputs();
  }

  /** Every assumption the current scenario lets vary, for the checklist. */
  candidateInputs(): string[] {
    return variableAssumptions(this.#env.scenario());
  }

  get running(): boolean {
    return ANALYSES.some((a) => this.tasks[a].status === 'running');
  }

  /** The experiment of an analysis, built from the current scenario, the pins and the settings. */
  build(analysis: Exclude<Analysis, 'file'>): Experiment {
    this.init();
    const s = this.settings;
    const scenario = this.#env.scenario();
    const baseline = baselineFor(scenario, this.#env.baselinePreset());
    const weeks = Math.max(1, Math.round(s.weeks || scenario.weeks));
    const common = { seed: scenario.seed, weeks, outcomes: [...HEADLINE_METRICS], slots: ['total'] as const, series: 'outcomes' as const };
    const inputs = [...s.inputs];
    let design: Design;
    let base = scenario;
    let replicates = 1;
    let name: string;
    switch (analysis) {
      case 'secondOrder':
        // Every week of the chosen outcome only: the chart needs nothing else, and records stay small.
        return {
          name: `Deep uncertainty: ${scenario.name}`,
          scenario,
          seed: scenario.seed,
          weeks,
          replicates: s.secondOrderReplicates,
          outcomes: [s.outcome],
          slots: ['total'],
          series: 'weekly',
          design: { type: 'monte-carlo', draws: s.secondOrderDraws, sampling: 'latin-hypercube', inputs: 'all', ranges: {} },
        };
      case 'tornado':
        design = { type: 'one-at-a-time', inputs, ranges: {} };
        replicates = s.tornadoReplicates;
        name = `Tornado: ${scenario.name}`;
        break;
      case 'morris':
        design = { type: 'morris', trajectories: s.trajectories, levels: 4, inputs, ranges: {} };
        name = `Morris: ${scenario.name}`;
        break;
      case 'attribution':
        base = baseline;
        design = { type: 'attribution', package: packageOf(scenario.name, scenario, baseline) };
        replicates = s.robustnessReplicates;
        name = `Attribution: ${scenario.name}`;
        break;
      case 'robustness': {
        base = baseline;
        const packages = [packageOf(scenario.name, scenario, baseline), ...this.#env.pins().map((p) => packageOf(p.label, p.scenario, baseline))];
        // Packages that change nothing, or repeat another, say nothing new.
        const seen = new Set<string>();
        const distinct = packages.filter((p) => {
          const key = JSON.stringify(p.set);
          if (Object.keys(p.set).length === 0 || seen.has(key)) return false;
          seen.add(key);
          return true;
        });
        design = { type: 'robustness', packages: distinct, draws: s.draws, sampling: 'latin-hypercube', inputs: 'all', ranges: {} };
        replicates = s.robustnessReplicates;
        name = `Robustness: ${scenario.name}`;
        break;
      }
    }
    return {
      name,
      scenario: base,
      replicates,
      design,
      ...common,
      outcomes: common.outcomes,
      slots: [...common.slots],
      frontier: [
        { outcome: 'derivedDemand', better: 'lower' },
        { outcome: 'reports', better: 'higher' },
      ],
    };
  }

  /** Runs an analysis of the current scenario (again, when asked again). */
  async start(analysis: Exclude<Analysis, 'file'>): Promise<Task> {
    const experiment = this.build(analysis);
    const empty = analysis === 'attribution' || analysis === 'robustness' ? this.#emptyPackage(experiment) : null;
    if (empty) return this.#set(analysis, { ...IDLE, status: 'failed', error: empty });
    return this.runExperiment(analysis, experiment);
  }

  #emptyPackage(e: Experiment): string | null {
    const d = e.design;
    if (d.type === 'attribution' && Object.keys(d.package.set).length === 0) return 'no-measures';
    if (d.type === 'robustness' && d.packages.length === 0) return 'no-measures';
    return null;
  }

  /**
   * Opens an experiment file: parsed and validated; a scenario named by path
   * is replaced by the current scenario (the browser cannot read paths), and
   * said so. A bad file changes nothing and returns its problems.
   */
  async openFile(name: string, text: string): Promise<Task> {
    const results = this.#openResults(name, text);
    if (results) return results;
    let byPath: string | null = null;
    const parsed = parseExperimentText(text, {
      source: name,
      readScenario: (path) => {
        byPath = path;
        return { ok: true, scenario: this.#env.scenario() };
      },
    });
    if (!parsed.ok) return { ...IDLE, status: 'failed', error: 'bad-file', problems: parsed.problems };
    this.fileName = name;
    this.fileKind = 'experiment';
    this.fileNotes = [...(byPath !== null ? [`path:${byPath}`] : []), ...(parsed.warnings ?? [])];
    return this.runExperiment('file', parsed.experiment);
  }

  /**
   * A results summary.json written by the command line: shown as it is,
   * nothing run. Null when the text is not one (then it is read as an
   * experiment file). A summary with problems changes nothing and returns them.
   */
  #openResults(name: string, text: string): Task | null {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return null;
    }
    if (!looksLikeSummary(value)) return null;
    const parsed = parseSummary(value);
    if (!parsed.ok) return { ...IDLE, status: 'failed', error: 'bad-file', problems: parsed.problems };
    this.cancel('file');
    this.fileName = name;
    this.fileKind = 'results';
    this.fileNotes = [];
    const s = parsed.summary;
    return this.#set('file', { ...IDLE, status: 'done', done: s.points, total: s.points, etaMs: 0, summary: s });
  }

  /** Expands and runs an experiment as the task of `analysis`, then analyses its records. */
  async runExperiment(analysis: Analysis, experiment: Experiment): Promise<Task> {
    this.cancel(analysis);
    const yieldToPage = this.#env.yieldToPage ?? (() => new Promise<void>((r) => setTimeout(r, 0)));
    // Taken before the points are built (in steps, the page answering): Cancel or a newer run stops this one there too.
    const abort = new AbortController();
    this.#aborts.set(analysis, abort);
    this.#set(analysis, { ...IDLE, status: 'running', total: 0, experiment });
    let points: ExperimentPoint[];
    try {
      points = await expandDesignInSteps(experiment, yieldToPage);
    } catch (e) {
      if (this.#aborts.get(analysis) !== abort) return this.tasks[analysis];
      const problems = e instanceof ExperimentError ? [...e.problems] : [];
      return this.#set(analysis, { ...IDLE, status: 'failed', error: e instanceof Error ? e.message : String(e), problems });
    }
    if (this.#aborts.get(analysis) !== abort) return this.tasks[analysis];
    if (abort.signal.aborted) return this.#set(analysis, { ...IDLE, status: 'cancelled', total: points.length, done: 0, experiment });
    const tooLarge = this.#sizeProblems(experiment, points);
    if (tooLarge.length > 0) return this.#set(analysis, { ...IDLE, status: 'failed', error: tooLarge[0].message, problems: tooLarge });

    const now = this.#env.now ?? (() => Date.now());
    const started = now();
    const records: (PointRecord | undefined)[] = new Array(points.length).fill(undefined);
    let done = 0;
    this.#set(analysis, { ...IDLE, status: 'running', total: points.length, experiment });

    const runner = this.#env.runner();
    let next = 0;
    const worker = async () => {
      while (next < points.length && !abort.signal.aborted) {
        const point = points[next++];
        const series = await runner.run({ scenario: point.scenario, seed: experiment.seed, runs: experiment.replicates, weeks: experiment.weeks }, { signal: abort.signal });
        if (abort.signal.aborted) return;
        records[point.index] = recordOf(point, experiment, series);
        done++;
        const elapsed = now() - started;
        this.#set(analysis, { ...this.tasks[analysis], done, etaMs: (elapsed / done) * (points.length - done) });
        // The page gets its turn between points (input, redraws): no long task builds up.
        await yieldToPage();
      }
    };
    try {
      const lanes = Math.max(1, Math.min(this.#env.inFlight ?? 4, points.length));
      await Promise.all(Array.from({ length: lanes }, worker));
      if (abort.signal.aborted) throw abortError();
      const summary = analyse(experiment, points, records, experimentHash(experiment));
      return this.#set(analysis, { ...this.tasks[analysis], status: 'done', etaMs: 0, summary });
    } catch (e) {
      if (this.#aborts.get(analysis) !== abort) return this.tasks[analysis];
      if (abort.signal.aborted || isAbort(e)) return this.#set(analysis, { ...IDLE, status: 'cancelled', total: points.length, done, experiment });
      return this.#set(analysis, { ...IDLE, status: 'failed', total: points.length, done, experiment, error: e instanceof Error ? e.message : String(e) });
    } finally {
      if (this.#aborts.get(analysis) === abort) this.#aborts.delete(analysis);
    }
  }

  /** Stops an analysis at once: its points in flight are abandoned and nothing half-done is kept. */
  cancel(analysis: Analysis): void {
    const abort = this.#aborts.get(analysis);
    if (!abort) return;
    abort.abort();
    if (this.tasks[analysis].status === 'running') {
      const t = this.tasks[analysis];
      this.#set(analysis, { ...IDLE, status: 'cancelled', total: t.total, done: t.done, experiment: t.experiment });
    }
  }

  cancelAll(): void {
    for (const a of ANALYSES) this.cancel(a);
  }

  #sizeProblems(experiment: Experiment, points: readonly ExperimentPoint[]): Problem[] {
    const runs = points.length * experiment.replicates;
    const out: Problem[] = [];
    if (runs > MAX_APP_RUNS) out.push(problem('design', `at most ${MAX_APP_RUNS} runs in the browser`, `${runs} runs`, `design: ${runs} runs (points × replicates) is more than the browser runs (${MAX_APP_RUNS}); use the command line (npm run experiment)`));
    const sample = points[0]?.scenario;
    if (sample) out.push(...checkLimits(sample, this.#env.limits ?? BROWSER_LIMITS));
    return out;
  }

  #set(analysis: Analysis, task: Task): Task {
    this.tasks = { ...this.tasks, [analysis]: task };
    return task;
  }

  dispose(): void {
    this.cancelAll();
  }
}

function abortError(): Error {
  const e = new Error('cancelled');
  e.name = 'AbortError';
  return e;
}

import { csvFormatRows } from 'd3';
import { availableParallelism } from 'node:os';
import type { Scenario } from '../scenario/schema.ts';
import { CSV_COLUMNS, csvRows, formatJSON, toCSV, toOutputDocument, type OutputDocument } from '../sim/output.ts';
import { expandGrid, SweepError, sweepEach, type GridAxis } from '../sim/sweep.ts';
import { summarise } from '../sim/stats.ts';
import { compareStats, comparisonCSV, HEADLINE_METRICS, windowStats, type Comparison } from '../sim/comparison.ts';
import { ENGINE_VERSION } from '../sim/engine.ts';
import { BYTES_PER_WEEK, checkLimits, CLI_LIMITS } from '../sim/limits.ts';
import type { SimRunner } from '../sim/runner.ts';
import { LIMITS, parseCliArgs, USAGE, type CliOptions } from './args.ts';
import { hashScenario, loadScenario } from './load-scenario.ts';
import { comparisonTable } from './comparison-table.ts';
import { checkOutPath, fileOutput, streamOutput, type Output } from './output.ts';
import { createProgress, silentProgress, type ProgressSink } from './progress.ts';
import { createThreadRunner } from '../../workers/node-worker.ts';

/**
 * The command-line runner: arguments in, the library's output document out.
 * Exit codes: 0 done, 1 the run failed, 2 bad arguments or scenario,
 * 130 interrupted. Messages go to stderr, never a stack trace.
 */

export const EXIT = { ok: 0, failed: 1, badInput: 2, interrupted: 130 } as const;

export interface CliIO {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: ProgressSink;
  /** Cores to use when --threads is not given. */
  readonly cores?: number;
}

/** Memory the replicates of one request may hold (docs/cli.md "Limits"). */
export const SERIES_BUDGET_BYTES = 2 * 1024 ** 3;


/** Refuses, before anything starts, a request whose replicates would not fit in memory. */
export function checkMemory(runs: number, weeks: number): string | undefined {
  const bytes = runs * weeks * BYTES_PER_WEEK;
  if (bytes <= SERIES_BUDGET_BYTES) return undefined;
  const fit = Math.max(0, Math.floor(SERIES_BUDGET_BYTES / (weeks * BYTES_PER_WEEK)));
  const gib = (b: number) => `${(b / 1024 ** 3).toFixed(1)} GiB`;
  return `--runs ${runs} of ${weeks} weeks would hold about ${gib(bytes)} of results; at most ${fit} runs of ${weeks} weeks fit in the ${gib(SERIES_BUDGET_BYTES)} limit`;
}

/**
 * Text from scenario files reaches the terminal (names, values in messages);
 * control characters are shown escaped so a file cannot drive the terminal.
 */
export const printable = (text: string): string =>
  text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const say = (io: CliIO, lines: readonly string[]) => {
  for (const l of lines) io.stderr.write(`${printable(l)}\n`);
};

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  if (parsed.kind === 'bad') {
    say(io, [...parsed.problems, 'Run with --help for usage.']);
    return EXIT.badInput;
  }
  const options = parsed.options;
  // --seed and --weeks are part of the scenario as run (its hash and warnings); args.ts checked their ranges.
  const runSets = [...(options.seed === undefined ? [] : [`seed=${options.seed}`]), ...(options.weeks === undefined ? [] : [`weeks=${options.weeks}`])];
  const loaded = loadScenario(options.scenarioPath, [...options.sets, ...runSets]);
  // The baseline runs with the scenario's seed and weeks; --set is the scenario's alone.
  const baseSets = loaded.ok ? [`seed=${loaded.scenario.seed}`, `weeks=${loaded.scenario.weeks}`] : [];
  const baseLoaded = options.baselinePath === undefined ? undefined : loadScenario(options.baselinePath, baseSets);
  const asBaseline = (line: string) => `--baseline ${line}`;
  if (!loaded.ok || baseLoaded?.ok === false) {
    say(io, [...(loaded.ok ? [] : loaded.problems), ...(baseLoaded?.ok === false ? baseLoaded.problems.map(asBaseline) : [])]);
    return EXIT.badInput;
  }
  const baseline = baseLoaded?.ok ? baseLoaded.scenario : undefined;
  say(io, [...loaded.warnings, ...(baseLoaded?.ok ? baseLoaded.warnings.map(asBaseline) : [])].map((w) => `warning: ${w}`));
  if (baseline && options.runs < 2) say(io, ['warning: --baseline with a single run cannot tell an effect from chance (effect "unknown"); use --runs 5 or more']);
  const { scenario } = loaded;
  const problems: string[] = [];
  let points: { scenario: Scenario }[] = [{ scenario }];
  if (options.sweep.length > 0) {
    try {
      points = expandGrid(scenario, options.sweep);
    } catch (e) {
      if (!(e instanceof SweepError)) throw e;
      problems.push(...e.problems.map((p) => `--sweep ${p}`));
    }
  }
  const memory = checkMemory(options.runs, Math.max(...points.map((p) => p.scenario.weeks)));
  if (memory) problems.push(memory);
  // Each point's run must fit on its own (population and memory), before anything starts.
  for (const message of new Set(points.flatMap((p) => checkLimits(p.scenario, CLI_LIMITS).map((x) => x.message)))) problems.push(message);
  if (baseline) for (const x of checkLimits(baseline, CLI_LIMITS)) problems.push(asBaseline(x.message));
  const outProblem = options.out === undefined ? undefined : checkOutPath(options.out);
  if (outProblem) problems.push(outProblem);
  if (problems.length > 0) {
    say(io, problems);
    return EXIT.badInput;
  }

  const threads = Math.min(options.threads ?? io.cores ?? availableParallelism(), options.runs);
  const runner = createThreadRunner(threads);
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const progress = options.quiet ? silentProgress : createProgress(io.stderr, printable(scenario.name.slice(0, 30)));
  const output = options.out === undefined ? streamOutput(io.stdout) : fileOutput(options.out);
  try {
    let comparison: Comparison | undefined;
    if (options.sweep.length === 0) {
      comparison = await runOne(runner, options, scenario, baseline, output, controller.signal, progress.update);
    } else {
      await runSweep(runner, options, scenario, output, controller.signal, progress.update);
    }
    progress.finish();
    output.commit();
    if (comparison && !options.quiet) say(io, comparisonTable(comparison, { name: scenario.name, runs: options.runs }));
    return EXIT.ok;
  } catch (e) {
    progress.finish();
    output.discard();
    if (controller.signal.aborted) {
      say(io, ['interrupted; nothing was written']);
      return EXIT.interrupted;
    }
    say(io, [`error: ${e instanceof Error ? e.message : String(e)}`]);
    return EXIT.failed;
  } finally {
    process.off('SIGINT', onSigint);
    runner.dispose();
  }
}

type OnProgress = (done: number, total: number) => void;

/** The output document with the comparison against `--baseline`. */
export type ComparedDocument = OutputDocument & { readonly comparison: Comparison };

/** Runs a scenario and, with a baseline, the comparison (returned for standard error). */
async function runOne(runner: SimRunner, options: CliOptions, scenario: Scenario, baseline: Scenario | undefined, output: Output, signal: AbortSignal, onProgress: OnProgress) {
  const parts = baseline ? 2 : 1;
  const first = await summariseRun(runner, scenario, options.runs, signal, (done, total) => onProgress(done, total * parts));
  if (!baseline) {
    output.write(options.format === 'json' ? `${formatJSON(first.doc)}\n` : toCSV(first.doc));
    return undefined;
  }
  // Same seed and run index: replicate r of both shares its random draws (common random numbers).
  const base = await summariseRun(runner, baseline, options.runs, signal, (done, total) => onProgress(total + done, total * parts));
  const comparison = compareStats(first.stats, base.stats, { baseline: { name: baseline.name, hash: hashScenario(baseline) }, weeks: scenario.weeks });
  const doc: ComparedDocument = { ...first.doc, comparison };
  output.write(options.format === 'json' ? `${formatJSON(doc)}\n` : comparisonCSV(comparison));
  return comparison;
}

/**
 * The output document and headline statistics of one scenario's replicates.
 * Only these outlive the call, so the replicates of the scenario are freed
 * before its baseline runs (the memory limit stays that of one run).
 */
async function summariseRun(runner: SimRunner, scenario: Scenario, runs: number, signal: AbortSignal, onProgress: OnProgress) {
  const { seed } = scenario;
  const series = await runner.run({ scenario, seed, runs }, { signal, onProgress });
  const doc = toOutputDocument({ scenario, hash: hashScenario(scenario), engineVersion: ENGINE_VERSION, seed }, summarise(series));
  return { doc, stats: windowStats(series, HEADLINE_METRICS) };
}

/** A sweep point in outputs: the values set, then the point's own output document. */
export type SweepPointDocument = { readonly set: Readonly<Record<string, unknown>> } & OutputDocument;

/** Text of a swept value in a CSV column: strings as they are, anything else as JSON. */
const cell = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * Streams a sweep as it runs, one point at a time: JSON `{ "grid", "points" }`
 * (each point `{ "set", ...output document }`), or CSV with one leading
 * column per swept path.
 */
async function runSweep(runner: SimRunner, options: CliOptions, base: Scenario, output: Output, signal: AbortSignal, onProgress: OnProgress) {
  const grid: readonly GridAxis[] = options.sweep;
  const paths = grid.map((a) => a.path);
  if (options.format === 'json') output.write(`{\n  "grid": ${formatJSON(grid, '  ')},\n  "points": [`);
  else output.write(`${csvFormatRows([[...paths, ...CSV_COLUMNS]])}\n`);
  let first = true;
  // Seed and weeks come from each point's scenario, so they can be swept too.
  const results = sweepEach(runner, base, grid, { runs: options.runs, signal, onProgress });
  for await (const r of results) {
    const doc = toOutputDocument({ scenario: r.scenario, hash: hashScenario(r.scenario), engineVersion: ENGINE_VERSION, seed: r.seed }, r.summary);
    if (options.format === 'json') {
      const point: SweepPointDocument = { set: r.point, ...doc };
      output.write(`${first ? '' : ','}\n    ${formatJSON(point, '    ')}`);
    } else {
      output.write(`${csvFormatRows(csvRows(doc, paths.map((p) => cell(r.point[p]))))}\n`);
    }
    first = false;
  }
  if (options.format === 'json') output.write('\n  ]\n}\n');
}

export { LIMITS };

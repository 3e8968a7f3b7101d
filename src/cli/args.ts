import { parseArgs } from 'node:util';
import { parseValue } from '../scenario/overrides.ts';
import { TOP_LEVEL_RANGES } from '../scenario/fields.ts';
import { didYouMean } from '../scenario/suggest.ts';
import type { GridAxis } from '../sim/sweep.ts';

/** Limits of the command line (docs/cli.md "Limits"). */
export const LIMITS = {
  seed: TOP_LEVEL_RANGES.seed,
  runs: { min: 1, max: 10_000 },
  threads: { min: 1, max: 256 },
  weeks: TOP_LEVEL_RANGES.weeks,
  /** Points of a sweep grid (product of the numbers of values). */
  sweepPoints: 1000,
} as const;

export const FORMATS = ['json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  readonly scenarioPath: string;
  /** Defaults to the scenario's `seed`. */
  readonly seed?: number;
  readonly runs: number;
  /** Defaults to min(runs, available cores). */
  readonly threads?: number;
  /** Defaults to the scenario's `weeks`. */
  readonly weeks?: number;
  /** `path=value` overrides, in order. */
  readonly sets: readonly string[];
  readonly sweep: readonly GridAxis[];
  readonly format: Format;
  readonly out?: string;
  /** A baseline scenario file to compare against, run with the scenario's seed, runs and weeks. */
  readonly baselinePath?: string;
  readonly quiet: boolean;
}

export type ParsedArgs =
  | { readonly kind: 'help' }
  | { readonly kind: 'run'; readonly options: CliOptions }
  | { readonly kind: 'bad'; readonly problems: readonly string[] };

const SPEC = {
  seed: { type: 'string' },
  runs: { type: 'string' },
  threads: { type: 'string' },
  weeks: { type: 'string' },
  set: { type: 'string', multiple: true },
  sweep: { type: 'string', multiple: true },
  format: { type: 'string' },
  out: { type: 'string', short: 'o' },
  baseline: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;
type Name = keyof typeof SPEC;
const NAMES = Object.keys(SPEC) as Name[];

export const USAGE = `Usage: npm run sim -- <scenario.json> [options]

Runs a scenario of the demand-side trafficking workbench and writes the mean,
5th and 95th percentile over replicates of every metric, per week, in total
and per enabled sector. The model is illustrative, not a forecast: every
number in it is an assumption you can see and change.

Options:
  --seed N            seed of the replicates (default: the scenario's "seed")
  --runs R            number of replicates (default 1, at most ${LIMITS.runs.max})
  --threads T         worker threads to spread replicates over (default: one per
                      core, at most R); the output is identical for every T
  --weeks W           horizon in weeks (default: the scenario's "weeks", at most ${LIMITS.weeks.max})
  --set path=value    override a scenario field, e.g.
                      --set interventions.criminaliseUse.variant=known-victim
                      (value parsed as JSON when it parses, else a string); repeatable
  --sweep path=v1,v2  run every value (a grid when repeated: every combination),
                      at most ${LIMITS.sweepPoints} points
  --format json|csv   output format (default json, or csv when --out ends in .csv)
  --out FILE, -o      write to FILE instead of standard output
  --baseline FILE     also run FILE with the same seed, runs and weeks (--set
                      does not apply to it) and compare: per headline metric,
                      the paired difference run by run with its 90% interval
                      and its effect (down, up or no clear effect). JSON gets
                      a "comparison" section; CSV is the comparison table
  --quiet, -q         no progress on standard error
  --help, -h          this text

Exit codes: 0 done, 1 the run failed, 2 bad arguments or scenario, 130 interrupted.
See docs/cli.md for the output formats.`;

/** `"abc"` for strings as typed; the shape used in every message: `--x: expected …, got …`. */
const got = (raw: string) => JSON.stringify(raw);

function parseInteger(name: Name, raw: string, range: { min: number; max: number }, problems: string[]): number | undefined {
  const n = /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
  if (Number.isSafeInteger(n) && n >= range.min && n <= range.max) return n;
  problems.push(`--${name}: expected an integer between ${range.min} and ${range.max}, got ${got(raw)}`);
  return undefined;
}

/** Splits `v1,v2,...` at commas outside brackets, braces and double quotes. */
export function splitValues(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (quoted) {
      if (ch === '\\') i++;
      else if (ch === '"') quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
    else if (ch === ',' && depth === 0) {
      out.push(list.slice(start, i));
      start = i + 1;
    }
  }
  out.push(list.slice(start));
  return out;
}

function parseSweep(raw: string, problems: string[]): GridAxis | undefined {
  const eq = raw.indexOf('=');
  const path = eq < 0 ? '' : raw.slice(0, eq).trim();
  if (eq < 0 || path === '') {
    problems.push(`--sweep: expected path=value1,value2,..., got ${got(raw)}`);
    return undefined;
  }
  const values = splitValues(raw.slice(eq + 1));
  if (values.some((v) => v === '')) {
    problems.push(`--sweep ${path}: expected a comma-separated list of values, got ${got(raw.slice(eq + 1))}`);
    return undefined;
  }
  return { path, values: values.map(parseValue) };
}

/** Reads the command line; reports every problem at once. */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  const { tokens } = parseArgs({ args: [...argv], options: SPEC, strict: false, allowPositionals: true, tokens: true });
  const problems: string[] = [];
  const positionals: string[] = [];
  const strings: Partial<Record<Name, string[]>> = {};
  const flags = new Set<Name>();

  let swallow = false;
  for (const t of tokens) {
    if (t.kind === 'positional') {
      // The value of a mistyped option (`--thread 2`) is not a second scenario file.
      if (!swallow) positionals.push(t.value);
      swallow = false;
    }
    if (t.kind !== 'option') continue;
    swallow = false;
    const spec = (SPEC as Record<string, { type: string; multiple?: boolean }>)[t.name];
    if (!spec) {
      const near = didYouMean(t.name, NAMES) as Name | undefined;
      problems.push(`unknown option ${t.rawName}${near ? ` (did you mean --${near}?)` : ''}`);
      swallow = near !== undefined && SPEC[near].type === 'string' && t.value === undefined;
      continue;
    }
    const name = t.name as Name;
    if (spec.type === 'boolean') {
      if (t.value !== undefined) problems.push(`${t.rawName}: takes no value, got ${got(t.value)}`);
      flags.add(name);
      continue;
    }
    if (t.value === undefined || (!t.inlineValue && t.value.startsWith('--'))) {
      problems.push(`--${name}: expected a value${t.value === undefined ? '' : `, got option ${got(t.value)}`}`);
      continue;
    }
    const list = (strings[name] ??= []);
    if (!spec.multiple && list.length > 0) {
      problems.push(`--${name}: given more than once`);
      continue;
    }
    list.push(t.value);
  }

  if (flags.has('help')) return { kind: 'help' };

  if (positionals.length === 0) problems.push('missing the scenario file: npm run sim -- <scenario.json> [options]');
  if (positionals.length > 1) problems.push(`expected one scenario file, got ${positionals.length}: ${positionals.map(got).join(', ')}`);

  const one = (name: Name) => strings[name]?.[0];
  const int = (name: 'seed' | 'runs' | 'threads' | 'weeks') => {
    const raw = one(name);
    return raw === undefined ? undefined : parseInteger(name, raw, LIMITS[name], problems);
  };
  const seed = int('seed');
  const runs = int('runs') ?? 1;
  const threads = int('threads');
  const weeks = int('weeks');

  const out = one('out');
  if (out === '') problems.push('--out: expected a file name, got ""');
  const formatRaw = one('format');
  let format: Format = out?.toLowerCase().endsWith('.csv') ? 'csv' : 'json';
  if (formatRaw !== undefined) {
    if ((FORMATS as readonly string[]).includes(formatRaw)) format = formatRaw as Format;
    else problems.push(`--format: expected one of json, csv, got ${got(formatRaw)}`);
  }

  const baselinePath = one('baseline');
  if (baselinePath === '') problems.push('--baseline: expected a file name, got ""');

  const sets = strings.set ?? [];
  const sweep = (strings.sweep ?? []).map((raw) => parseSweep(raw, problems)).filter((a): a is GridAxis => a !== undefined);
  const points = sweep.reduce((n, a) => n * a.values.length, 1);
  if (points > LIMITS.sweepPoints) {
    problems.push(`--sweep: ${points} grid points, at most ${LIMITS.sweepPoints} are allowed (split the sweep into several runs)`);
  }
  if (baselinePath !== undefined && sweep.length > 0) problems.push('--baseline: cannot be combined with --sweep (compare one scenario at a time)');

  if (problems.length > 0) return { kind: 'bad', problems };
  return {
    kind: 'run',
    options: { scenarioPath: positionals[0], seed, runs, threads, weeks, sets, sweep, format, out, baselinePath, quiet: flags.has('quiet') },
  };
}
